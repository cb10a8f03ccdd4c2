import Foundation
import BillingAPI

/// The invoice detail pane: the invoice with items and client block, its transactions, and the
/// payment gateways (text and links), each loaded separately.
public struct InvoiceDetail: Sendable, Equatable {
    public var invoiceID: Int
    public var invoice = Loadable<Invoice>.loading
    public var transactions = Loadable<[Transaction]>.loading
    public var gateways = Loadable<[PaymentGateway]>.loading
    /// Cursor over the gateways' links, for copying one.
    public var linkCursor = 0
    /// The last download's result ("Saved invoice-12.pdf" or why it failed).
    public var downloadMessage: String?
    public var downloading = false

    public init(invoiceID: Int) { self.invoiceID = invoiceID }

    /// Every link of every gateway, in order.
    public var links: [String] { (gateways.value ?? []).flatMap(\.links) }
}
