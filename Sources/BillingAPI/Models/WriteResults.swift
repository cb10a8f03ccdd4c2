import Foundation

/// What `apply_credit` reports: the amount actually applied (HOSTKEY caps it at the invoice
/// balance) and the invoice's new status.
public struct ApplyCreditResult: Sendable, Equatable {
    public var invoiceID: Int
    public var applied: Money
    public var status: InvoiceStatus?

    public init(json: JSONValue, invoiceID: Int, requested: Money) {
        let o = json.objectValue ?? JSONObject()
        self.invoiceID = o.int("invoiceid", "invoice_id") ?? invoiceID
        applied = o.decimal("amount", "applied").map { Money($0, requested.currency) } ?? requested
        status = o.string("status").map(InvoiceStatus.init)
    }
}

/// `create_addfunds`: the new top-up invoice.
public struct AddFundsResult: Sendable, Equatable {
    public var invoiceID: Int?
    public var amount: Money
    public var status: InvoiceStatus?
    public var message: String?

    public init(json: JSONValue, requested: Money) {
        let inv = json["invoice"]?.objectValue ?? JSONObject()
        let o = json.objectValue ?? JSONObject()
        invoiceID = inv.int("id", "invoiceid") ?? o.int("invoiceid", "invoice_id")
        amount = (inv.decimal("amount", "total") ?? o.decimal("amount")).map { Money($0, requested.currency) } ?? requested
        status = inv.string("status").map(InvoiceStatus.init)
        message = o.string("message")
    }
}

/// `mass_pay`: the combined invoice that pays the chosen ones.
public struct MassPayResult: Sendable, Equatable {
    public var invoiceID: Int?
    public init(json: JSONValue) { invoiceID = json.objectValue?.int("invoiceid", "invoice_id", "id") }
}

/// `update_client`, `add_contact`, `update_contact`, `delete_contact`: what the server echoes.
public struct WriteAcknowledgement: Sendable, Equatable {
    public var clientID: Int?
    public var contactID: Int?
    public var location: String?
    public var message: String?

    public init(json: JSONValue) {
        let o = json.objectValue ?? JSONObject()
        clientID = o.int("clientid", "client_id")
        contactID = o.int("contact_id", "contactid")
        location = o.string("location")
        message = o.string("message")
    }
}

/// `reset_password`: the server's message; `debug` is kept only to know a step succeeded and is
/// never shown (it can hold a reset token).
public struct PasswordResetResult: Sendable, Equatable {
    public var message: String
    public var expires: String?

    public init(json: JSONValue) {
        let o = json.objectValue ?? JSONObject()
        message = o.string("message") ?? "OK"
        expires = json["debug"]?.objectValue?.string("expire")
    }
}

/// `request_subscription_cancellation`: the ticket data the server created.
public struct SubscriptionCancellationResult: Sendable, Equatable {
    public var invoiceID: Int?
    public var fields: [String: String]

    public init(json: JSONValue) {
        let d = json["data"]?.objectValue ?? JSONObject()
        invoiceID = d.int("invoiceid")
        fields = Dictionary(d.scalarFields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
    }
}
