/// A payment recorded against an invoice: credit applied, a gateway payment, or a refund
/// (a negative `amount`).
struct PaymentTransaction: Codable, Sendable {
    var id: Int
    var clientID: Int
    var invoiceID: Int
    /// Unix seconds.
    var time: Int
    var gateway: String
    var amount: Cents
    var transactionID: String
    var description: String
}
