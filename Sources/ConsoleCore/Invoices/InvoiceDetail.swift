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
    /// Lines scrolled off the top (PgUp/PgDn/g/G in the detail). The front end shows at most
    /// what there is; `scrollLimit` keeps the number from running far past the end.
    public var scroll = 0

    public init(invoiceID: Int) { self.invoiceID = invoiceID }

    /// A generous count of the lines the detail can take, so scrolling stops near the end.
    public var scrollLimit: Int {
        let inv = invoice.value
        let items = (inv?.items.count ?? 0) * 3
        let gateways = (gateways.value ?? []).reduce(0) { $0 + 3 + $1.links.count + $1.text.count / 30 }
        let transactions = transactions.value?.count ?? 0
        return 24 + items + gateways + transactions
    }

    /// Moves the view by `delta` lines, within 0...scrollLimit.
    mutating func scroll(by delta: Int) {
        scroll = min(max(0, scroll + max(-scrollLimit, min(scrollLimit, delta))), scrollLimit)
    }

    /// Every link of every gateway, in order.
    public var links: [String] { (gateways.value ?? []).flatMap(\.links) }
}
