import BillingAPI
@testable import ConsoleCore
import Testing

/// Scrolling the invoice detail: pages move the view, up/down pick links when there are any.
@Suite("Invoice detail scrolling")
struct DetailScrollTests {
    func detail(links: Int, items: Int) -> InvoiceDetail {
        var d = InvoiceDetail(invoiceID: 7)
        let item = InvoiceItem(type: "Hosting", serverID: 1, description: "VPS", amount: Money(10, .rub))
        d.invoice = Loadable(value: Invoice(id: 7, status: .unpaid, total: Money(10, .rub), items: Array(repeating: item, count: items)))
        d.gateways = Loadable(value: (0..<links).map { PaymentGateway(name: "g\($0)", call: "https://pay.example/\($0)") })
        d.transactions = Loadable(value: [])
        return d
    }

    @Test func pagesScrollAndStayWithinTheLimit() {
        var d = detail(links: 0, items: 10)
        d.scroll(by: 17)
        #expect(d.scroll == 17)
        d.scroll(by: Int.max / 2)
        #expect(d.scroll == d.scrollLimit)
        d.scroll(by: -5)
        #expect(d.scroll == d.scrollLimit - 5)
        d.scroll(by: Int.min / 2)
        #expect(d.scroll == 0)
    }

    @Test func limitGrowsWithTheContent() {
        #expect(detail(links: 3, items: 20).scrollLimit > detail(links: 0, items: 1).scrollLimit)
    }
}

@Suite("Re-reading the open invoice")
struct DetailReopenTests {
    @Test func keepsTheScrollAndTheLinkCursor() {
        var c = Console(environment: ConsoleEnvironment(profileName: "t", today: BillingDate(text: "2026-12-04")!, downloadFolder: "/tmp"))
        _ = c.handle(.openInvoice(7))
        c.detail?.scroll = 9
        c.detail?.linkCursor = 1
        _ = c.handle(.openInvoice(7))          // a reload of the same invoice, e.g. after a payment
        #expect(c.detail?.scroll == 9)
        #expect(c.detail?.linkCursor == 1)
        _ = c.handle(.openInvoice(8))          // another invoice starts at the top
        #expect(c.detail?.scroll == 0)
        #expect(c.detail?.linkCursor == 0)
    }
}
