import Foundation

/// A payment, credit or refund recorded against an invoice (`transactions`, and inside `get_invoice`).
public struct Transaction: Sendable, Equatable, Identifiable {
    public var id: String
    public var invoiceID: Int?
    public var amount: Money
    public var status: String?
    public var date: String?          // kept as sent: transactions carry a time (`2024-05-20T10:30:00Z`)
    public var day: BillingDate?
    public var description: String
    public var gateway: String?
    public var reference: String?     // transid: the gateway's own id

    public init?(json: JSONValue, currency: Currency) {
        guard let o = json.objectValue else { return nil }
        guard let id = o.string("id", "transaction_id", "transid") else { return nil }
        self.id = id
        self.invoiceID = o.int("invoiceid", "invoice_id")
        let cur = o.currency("currency", "currencycode") ?? currency
        let amountIn = o.decimal("amountin", "amount_in") ?? 0
        let amountOut = o.decimal("amountout", "amount_out") ?? 0
        self.amount = Money(o.decimal("amount") ?? (amountIn - amountOut), cur)
        self.status = o.string("status")
        self.date = o.string("date")
        self.day = o.date("date")
        self.description = o.string("description") ?? ""
        self.gateway = o.string("gateway", "paymentmethod")
        self.reference = o.string("transid")
    }

    public static func list(from json: JSONValue, currency: Currency) -> [Transaction] {
        (json["transactions"] ?? .null).list(wrappedIn: "transaction").compactMap { Transaction(json: $0, currency: currency) }
    }
}
