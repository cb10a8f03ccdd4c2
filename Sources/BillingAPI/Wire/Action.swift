/// Every `whmcs.php` action, named as on the wire. `isMutating` decides retries (never for writes),
/// confirmation, journaling and read-only refusal, so it must be right for each case.
public enum Action: String, CaseIterable, Sendable, Codable {
    case addContact = "add_contact"
    case applyCredit = "apply_credit"
    case createAddFunds = "create_addfunds"
    case deleteCancellationRequest = "delete_cancellation_request"
    case deleteContact = "delete_contact"
    case downloadInvoice = "download_invoice"
    case generateDueInvoice = "generate_due_invoice"
    case getBillingData = "get_billing_data"
    case getCancellationRequests = "get_cancellation_requests"
    case getClient = "get_client"
    case getClientGroups = "get_clientgroups"
    case getContacts = "get_contacts"
    case getInvoice = "get_invoice"
    case getInvoices = "get_invoices"
    case getRelatedInvoices = "get_related_invoices"
    case getCredits = "getcredits"
    case getPaymentGateways = "getpaymentgw"
    case massPay = "mass_pay"
    case requestCancellation = "request_cancellation"
    case requestSubscriptionCancellation = "request_subscription_cancellation"
    case resetPassword = "reset_password"
    case transactions = "transactions"
    case updateClient = "update_client"
    case updateContact = "update_contact"

    /// True for actions that create, change or delete something (payments, cancellations, edits).
    public var isMutating: Bool {
        switch self {
        case .addContact, .applyCredit, .createAddFunds, .deleteCancellationRequest, .deleteContact,
             .generateDueInvoice, .massPay, .requestCancellation, .requestSubscriptionCancellation,
             .resetPassword, .updateClient, .updateContact:
            return true
        case .downloadInvoice, .getBillingData, .getCancellationRequests, .getClient, .getClientGroups,
             .getContacts, .getInvoice, .getInvoices, .getRelatedInvoices, .getCredits,
             .getPaymentGateways, .transactions:
            return false
        }
    }

    /// The wire name (`apply_credit`).
    public var wireName: String { rawValue }
}

/// The `auth.php` actions: obtaining, inspecting and ending a token.
public enum AuthAction: String, CaseIterable, Sendable {
    case login
    case info
    case logout
}

/// Which PHP module a request goes to.
public enum Endpoint: String, Sendable {
    case whmcs = "whmcs.php"
    case auth = "auth.php"
}
