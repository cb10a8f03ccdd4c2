import Foundation
import BillingAPI

/// What form validation may look at: the credit, the invoices, the client and contacts.
struct FormContext {
    var credit: Money?
    var invoices: InvoiceIndex
    var detailInvoice: Invoice?
    var client: Client?
    var contacts: [Contact]
    var location: String?

    func invoice(_ id: Int) -> Invoice? {
        if let d = detailInvoice, d.id == id { return d }
        return invoices.row(of: id).map { invoices.invoices[$0] }
    }
}
