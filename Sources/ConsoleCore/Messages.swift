import Foundation
import BillingAPI

/// Every user-facing sentence of the console, in one place (wording changes and a future
/// translation touch only this file).
public enum Messages {
    // MARK: Safety
    public static let readOnlyRefused = "Read-only mode: this would change something, so it was not sent."
    public static let writeInFlight = "A change is being sent; wait for its result."
    static func typeToConfirm(_ text: String) -> String { "Type \(text) to confirm." }
    static func sending(_ a: Action) -> String { "Sending \(a.rawValue)…" }
    static func journalFailed(_ why: String) -> String { "Not sent: the action journal could not record it (\(why))." }
    static func unresolvedWrites(_ n: Int) -> String {
        "\(n) earlier change\(n == 1 ? "" : "s") never got an answer: check them (hkbill journal) before repeating."
    }
    static func refused(_ e: APIError) -> String { "Refused: \(ServerText.sanitize(e.description))" }
    public static let fixFields = "Fix the marked fields."

    static func outcomeUnknown(_ p: WritePurpose, _ reason: String) -> String {
        "Outcome unknown: \(what(p)) may or may not have happened (\(ServerText.sanitize(reason))). Re-reading to show the real state; it will not be sent again."
    }

    static func done(_ p: WritePurpose, _ json: JSONValue) -> String {
        let created = CreatedInvoice.id(in: json)
        switch p {
        case .massPay: return created.map { "Mass pay: combined invoice \($0) created." } ?? "Mass pay done."
        case .addFunds: return created.map { "Add funds: invoice \($0) created." } ?? "Add funds invoice created."
        case .resetPassword:
            // The server's own words ("Password reset link was sent...", "2fa_code_required"...); never `debug`.
            return json.objectValue?.string("message").map { ServerText.sanitize($0) } ?? "Done: \(what(p))."
        case .generateDueInvoice(let s):
            return created.map { "Invoice \($0) generated for server \(s)." } ?? "Done: \(what(p))."
        default: return "Done: \(what(p))."
        }
    }

    static func what(_ p: WritePurpose) -> String {
        switch p {
        case .applyCredit(let id): return "applying credit to invoice \(id)"
        case .massPay(let ids): return "mass pay of invoices \(ids.map(String.init).joined(separator: ", "))"
        case .addFunds: return "add funds"
        case .generateDueInvoice(let s): return "generating the due invoice of server \(s)"
        case .requestCancellation(let s): return "the cancellation request for server \(s)"
        case .deleteCancellationRequest(let s): return "deleting the cancellation request of server \(s)"
        case .subscriptionCancellation(let s): return "the subscription cancellation for server \(s)"
        case .updateClient: return "the profile update"
        case .addContact: return "adding the contact"
        case .updateContact(let id): return "updating contact \(id)"
        case .deleteContact(let id): return "deleting contact \(id)"
        case .resetPassword: return "the password reset step"
        }
    }

    // MARK: Loading and files
    static func loadFailed(_ r: ReadRequest, _ e: APIError) -> String {
        "Could not load \(what(r)): \(readable(e))"
    }

    /// An error in words: an HTML error page quoted in it is reduced to its text.
    static func readable(_ e: APIError) -> String {
        let d = e.description
        return d.contains("<") ? ServerText.reduceHTML(d).text : ServerText.sanitize(d)
    }

    static func what(_ r: ReadRequest) -> String {
        switch r {
        case .client: return "the client"
        case .credit: return "the credit balance"
        case .contacts: return "the contacts"
        case .clientGroups: return "the client groups"
        case .invoices: return "the invoices"
        case .authInfo: return "the session"
        case .invoice(let id): return "invoice \(id)"
        case .transactions(let id): return "the transactions of invoice \(id)"
        case .paymentGateways(let id): return "the payment gateways of invoice \(id)"
        case .downloadInvoice(let id, let proforma): return proforma ? "the proforma PDF of invoice \(id)" : "the PDF of invoice \(id)"
        case .billingData(let id): return "the billing data of server \(id)"
        case .relatedInvoices(let id): return "the invoices of server \(id)"
        case .cancellationRequests(let id): return id.map { "the cancellation requests of server \($0)" } ?? "the cancellation requests"
        }
    }
    static func saved(_ path: String) -> String { "Saved \(path)" }
    static func cannotSave(path: String, reason: String) -> String { "Could not save \(path): \(reason)" }
    static func downloading(_ id: Int) -> String { "Downloading invoice \(id)…" }
    static func copied(_ s: String) -> String { "Copied \(s)" }
    public static let noInvoiceSelected = "No invoice selected."
    public static let badServerID = "A server id is a positive number."
    public static let noServer = "No server known: type one with :server ID or :cancel ID."
    public static let clientNotLoaded = "The client is not loaded yet."
    static func noSuchContact(_ id: Int) -> String { "No contact \(id)." }

    // MARK: Payments
    public static let amountLabel = "Amount"
    public static let descriptionLabel = "Description (optional)"
    public static let subscribeLabel = "Auto-renewal subscription"
    public static let serverLabel = "Server id"
    public static let amountRequired = "Enter an amount."
    public static let amountNotPositive = "The amount must be above zero."
    static func notAnAmount(_ t: String) -> String { "\"\(t)\" is not an amount (use digits and a dot: 12.50)." }
    public static let creditNotLoaded = "The credit balance is not loaded yet."
    public static let noCredit = "The customer has no credit to apply."
    static func notUnpaid(_ id: Int, _ s: InvoiceStatus) -> String { "Invoice \(id) is \(s), not Unpaid." }
    static func exceedsCredit(_ c: Money) -> String { "More than the available credit (\(c.formatted))." }
    static func exceedsBalance(_ b: Money) -> String { "More than the invoice balance (\(b.formatted))." }
    static func applyCreditTitle(_ id: Int) -> String { "Apply credit to invoice \(id)" }
    static func applyCreditNotes(credit: Money, balance: Money) -> [String] {
        ["Credit available: \(credit.formatted)", "Invoice balance: \(balance.formatted)"]
    }
    static func applyCreditSummary(_ m: Money, invoiceID: Int, credit: Money) -> [String] {
        ["Apply \(m.formatted) of credit to invoice \(invoiceID).", "Credit before: \(credit.formatted)"]
    }
    static func massPayNeedsTwo(marked: Int, unpaid: Int) -> String {
        "Mass pay needs 2 or more marked Unpaid invoices (marked: \(marked), unpaid among them: \(unpaid)). Mark with Space."
    }
    static func massPaySummary(ids: [Int], totals: MoneyTotals) -> [String] {
        ["Pay \(ids.count) invoices together: \(ids.map(String.init).joined(separator: ", "))",
         "Total: \(totals.formatted)", "A combined invoice is created; paying it marks each one Paid."]
    }
    public static let addFundsTitle = "Add funds (top-up invoice)"
    public static let addFundsNote = "The billing sets the minimum (20 in the reference unless auto-renewal); its message is shown as is."
    static func addFundsSummary(amount: Money, description: String, subscribe: Bool) -> [String] {
        ["Create a top-up invoice of \(amount.formatted).",
         description.isEmpty ? "No description." : "Description: \(description)",
         subscribe ? "With auto-renewal subscription." : "No subscription."]
    }
    public static let generateDueTitle = "Generate the due invoice"
    public static let generateDueNote = "Only when the current cycle ended more than 30 days ago and nothing is unpaid."
    static func generateDueSummary(_ s: Int) -> String { "Generate the next invoice for server \(s)." }
    /// What a refusal of `generate_due_invoice` means, for the codes the reference and the billing use.
    static func dueInvoiceAdvice(_ e: APIError) -> String? {
        let text = e.message.lowercased()
        if text.contains("upgrade") {
            return "An upgrade of this server is pending; its next invoice comes with the upgrade. Finish or cancel the upgrade first."
        }
        if text.contains("unpaid") {
            return "The server still has an unpaid invoice: pay that one first (a on the invoice list)."
        }
        if text.contains("cycle") {
            return "The current billing cycle ended less than 30 days ago: the billing issues the next invoice itself."
        }
        return nil
    }

    // MARK: Cancellation
    public static let reasonLabel = "Reason"
    public static let reasonRequired = "A reason is required."
    static func reasonLine(_ r: String) -> String { "Reason: \(r)" }
    static func cancelSummary(serverID: Int, type: CancellationType) -> String {
        "Cancel server \(serverID): \(type.title) (cancellation_type=\(type.rawValue))."
    }
    static func refundEstimateLine(_ m: Money) -> String { "Refund estimate: \(m.formatted) (an estimate; the billing computes the real refund)" }
    public static let endOfPeriodExplained = "End of billing period (0): the server runs until the paid period ends; nothing is refunded."
    public static let immediateExplained = "Immediate (1): the server stops now; the unused part of the period is refunded where the contract allows."
    static func requestAlreadyOpen(_ r: CancellationRequest) -> String {
        "A cancellation request is already open for server \(r.serverID) (\(ServerText.sanitize(r.type))). Press d to delete it, or Esc."
    }
    static func deleteRequestSummary(_ s: Int) -> String { "Delete the open cancellation request of server \(s)." }
    static func subscriptionTitle(_ s: Int) -> String { "Cancel the bank subscription of server \(s)" }
    static func subscriptionSummary(_ s: Int) -> String { "Request cancellation of the bank subscription of server \(s)." }
    public static let overTraffic = "The server used more traffic than its plan includes, so it cannot be cancelled yet."
    public static let overTrafficWayOut = "Pay the traffic overage invoice first (apply credit or add funds), then request the cancellation again."
    public static let hasLicenses = "The server has active licenses attached."
    public static let hasLicensesWayOut = "Cancel or move the licenses first, then request the cancellation again."
    public static let hasUnpaid = "The server has unpaid invoices."
    public static let hasUnpaidWayOut = "Pay them first (a or m on the invoice list), then request the cancellation again."
    public static let alreadyRequested = "A cancellation request is already open for this server."
    public static let alreadyRequestedWayOut = "Look at it in the wizard's first step; delete it (d) to file a new one."
    public static let checkAndRetry = "Check the server's state, then try again."

    // MARK: Profile
    public static let emailLabel = "E-mail"
    public static let firstNameLabel = "First name"
    public static let lastNameLabel = "Last name"
    public static let phoneLabel = "Phone"
    public static let customerTypeLabel = "Customer type"
    public static let passwordLabel = "Password (optional)"
    public static let contactPasswordLabel = "Password"
    public static let newPasswordLabel = "New password"
    public static let resetTokenLabel = "Token from the e-mail"
    public static let twoFactorLabel = "2FA code (if asked)"
    public static let required = "Required."
    public static let badEmail = "Not a valid e-mail address."
    public static let badPhone = "Digits only, optionally starting with +."
    public static let badCustomerType = "Individual or Company."
    public static let nothingChanged = "Nothing changed."
    static func editProfileTitle(_ id: Int) -> String { "Edit client \(id)" }
    static func diffLine(_ label: String, _ old: String, _ new: String) -> String { "\(label): \(old) → \(new)" }
    static func updateClientSummary(_ id: Int) -> String { "Update client \(id):" }
    public static let addContactTitle = "Add contact"
    static func editContactTitle(_ id: Int) -> String { "Edit contact \(id)" }
    static func contactPermission(_ granted: Bool) -> String { granted ? "Contacts permission: granted" : "Contacts permission: not granted" }
    static func addContactSummary(_ name: String, _ email: String) -> String { "Add contact \(name) <\(email)>." }
    static func updateContactSummary(_ id: Int, _ email: String) -> String { "Update contact \(id) <\(email)>." }
    static func deleteContactSummary(_ id: Int, _ name: String, _ email: String) -> String { "Delete contact \(id): \(name) <\(email)>." }
    public static let resetPasswordTitle = "Reset the customer's password"
    public static let resetPasswordNote = "Step 1: send the link (e-mail only). Step 2: token and new password. Step 3: add the 2FA code if asked."
    public static let resetLinkSent = "Link sent. Enter the token from the e-mail and the new password."
    public static let resetNeedsCode = "The account has two-factor authentication: enter the code it sent, then submit again."
    static func resetLinkSummary(_ email: String) -> String { "Send a password reset link to \(email)." }
    static func setPasswordSummary(withCode: Bool) -> String { withCode ? "Set the new password (with 2FA code)." : "Set the new password." }

    // MARK: Keys and palette
    static func unknownKey(_ s: String) -> String { "Key override \"\(s)\": unknown key" }
    static func unknownCommand(_ s: String) -> String { "Key override: unknown command \"\(s)\"" }
    public static let emptyCommand = "Type a command: " + PaletteCommand.names.joined(separator: ", ")
    static func needsID(_ name: String, _ what: String) -> String { "\(name) needs one \(what) id, e.g. \(name) 123" }
    static func needsName(_ name: String) -> String { "\(name) needs one name, e.g. \(name) default" }
    static func takesNoArguments(_ name: String) -> String { "\(name) takes no arguments" }
    static func unknownPaletteCommand(_ name: String) -> String {
        "Unknown command \"\(name)\". Known: " + PaletteCommand.names.joined(separator: ", ")
    }

    static let statusWords = "status needs one or more of: unpaid paid draft pending collections cancelled refunded overdue all"

    static func unknownStatus(_ w: String) -> String { "unknown status \"\(ServerText.sanitize(w))\"; \(statusWords)" }

    static func commandSummary(_ c: Command) -> String {
        switch c {
        case .moveUp: return "Move up"
        case .moveDown: return "Move down"
        case .pageUp: return "Page up"
        case .pageDown: return "Page down"
        case .top: return "First row"
        case .bottom: return "Last row"
        case .open: return "Open the selected item"
        case .back: return "Back / close panel"
        case .nextPane: return "Next pane"
        case .previousPane: return "Previous pane"
        case .filter: return "Filter the list as you type"
        case .sortColumn: return "Sort by the next column"
        case .sortDirection: return "Reverse the sort"
        case .mark: return "Mark / unmark the invoice"
        case .help: return "This help"
        case .palette: return "Command palette"
        case .reload: return "Reload"
        case .quit: return "Quit"
        case .applyCredit: return "Apply credit to the invoice"
        case .massPay: return "Mass pay the marked invoices"
        case .addFunds: return "Add funds (top-up invoice)"
        case .download: return "Download the invoice PDF"
        case .cancellation: return "Cancellation wizard"
        case .copyID: return "Copy the invoice id or link"
        case .editProfile: return "Edit the client profile"
        case .generateDue: return "Generate the due invoice of the open server"
        case .unpaidOnly: return "List: Unpaid only"
        case .overdueOnly: return "List: overdue only"
        case .downloadProforma: return "List: download the proforma PDF"
        case .addContact: return "Profile: add a contact"
        case .deleteContact: return "Profile: delete the contact"
        case .resetPassword: return "Profile: reset the password"
        }
    }
}
