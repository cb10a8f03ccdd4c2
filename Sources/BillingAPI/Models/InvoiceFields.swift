import Foundation

/// The scalar fields of one invoice record, as read from the wire before an `Invoice` is built.
/// Both the JSON-tree decoder and the byte-level list decoder fill it, so they cannot disagree.
struct InvoiceFields {
    var id: Int?
    var statusText: String?
    var status: InvoiceStatus?
    var total: Decimal?
    var balance: Decimal?
    var subtotal: Decimal?
    var credit: Decimal?
    var tax: Decimal?
    var currency: Currency?
    var date: BillingDate?
    var dueDate: BillingDate?
    var datePaid: BillingDate?
    var clientID: Int?
    var number: String?
    var paymentMethod: String?
    var billing: String?
    var notes: String?
}
