import BillingAPI
import BillingSandbox
@testable import ConsoleCore
import Foundation
import Testing

/// Opening the customer, the invoice list on real sandbox data, the invoice detail, downloads and
/// server look-ups, through intents and the real effect runner.
@Suite struct CustomerSandboxTests {
    @Test func openReadsEverythingOnceAndFillsEveryPane() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        let effects = h.send(.open)
        // One batch of independent reads: the runner starts them together.
        #expect(effects.count == 6)
        #expect(h.console.customer.isLoading)
        h.run(effects)
        for action in ["get_client", "getcredits", "get_contacts", "get_clientgroups", "get_invoices", "info"] {
            #expect(h.sandbox.requestCount(action: action) == 1, "\(action)")
        }
        let c = h.console.customer
        #expect(!c.isLoading)
        #expect(c.details.value?.client.id == h.clientID)
        #expect(c.details.value?.billingLocation == "whmcs_ru")
        #expect(c.credit.value?.amount.amount == h.sandbox.creditBalance(clientID: h.clientID))
        let emails = c.contacts.value?.contacts.map(\.email) ?? []
        #expect(emails.contains(h.fixture.contactWithPermissionsEmail) && emails.contains(h.fixture.contactWithoutPermissionsEmail))
        #expect(c.contacts.value?.permissionGranted == true)
        #expect(c.groups.value?.isEmpty == false)
        #expect(Set(c.servers.map(\.id)) == Set(h.sandbox.serverIDs(clientID: h.clientID)))
        #expect(h.console.list.count == h.sandbox.invoiceIDs(clientID: h.clientID).count)
        #expect(h.console.status == nil)
        #expect(h.mutatingRequests == 0)
    }

    @Test func invoiceListFiltersSortsAndTotalsRealData() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        let unpaid = h.sandbox.invoiceIDs(clientID: h.clientID, status: "Unpaid")
        #expect(Set(unpaid) == Set(h.fixture.unpaidInvoiceIDs))
        // Totals of what is shown, in exact decimals, against the sandbox's own balances.
        let unpaidSum = unpaid.compactMap { h.sandbox.invoiceBalance($0) }.reduce(0, +)
        #expect(h.console.list.totals.unpaid.byCurrency == [.rub: unpaidSum])
        #expect(h.console.list.totals.overdue.byCurrency == [.rub: h.sandbox.invoiceBalance(h.fixture.overdueInvoiceID) ?? -1])

        h.press(.char("u"))                                  // Unpaid only
        #expect(Set(ids(h.console.list)) == Set(unpaid))
        #expect(h.console.list.totals.shown == unpaid.count)
        h.press(.char("o"))                                  // and overdue
        #expect(ids(h.console.list) == [h.fixture.overdueInvoiceID])
        #expect(h.console.list.isOverdue(at: 0))
        h.press(.escape)                                     // clears the filter
        #expect(h.console.list.count == h.sandbox.invoiceIDs(clientID: h.clientID).count)

        // The text query narrows as it is typed.
        let target = h.fixture.payableInvoiceID
        h.press(.char("/"))
        var counts: [Int] = []
        for ch in String(target) {
            h.press(.char(ch))
            counts.append(h.console.list.count)
        }
        #expect(counts == counts.sorted(by: >))
        #expect(ids(h.console.list) == [target])
        h.press(.enter)                                      // leaves the query, keeps it
        #expect(h.console.list.filter.query == String(target))
        h.sendAndRun(.clearFilter)

        // Sort by total both ways; equal totals stay in ascending id order either way.
        h.sendAndRun(.sortBy(InvoiceSort(column: .total, ascending: true)))
        let up = rows(h.console.list)
        #expect(up == up.sorted { ($0.total, $0.id) < ($1.total, $1.id) })
        h.press(.char("S"))
        let down = rows(h.console.list)
        #expect(down == down.sorted { $0.total != $1.total ? $0.total > $1.total : $0.id < $1.id })
        #expect(Set(up.map(\.total)).count < up.count, "the sample has ties to test")
    }

    @Test func selectionAndMarksSurviveAReload() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        h.select(invoice: h.fixture.overdueInvoiceID)
        h.sendAndRun(.toggleMark)
        h.select(invoice: h.fixture.payableInvoiceID)
        h.press(.char("r"))
        #expect(h.sandbox.requestCount(action: "get_invoices") == 2)
        #expect(h.console.list.selected?.id == h.fixture.payableInvoiceID)
        #expect(h.console.list.marks == [h.fixture.overdueInvoiceID])
    }

    @Test func detailShowsItemsClientTransactionsAndGateways() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        h.select(invoice: h.fixture.paidInvoiceID)
        h.press(.enter)
        let d = h.console.detail
        #expect(h.console.focus == .detail)
        #expect(d?.invoice.value?.status == .paid)
        #expect(d?.invoice.value?.items.isEmpty == false)
        #expect(d?.invoice.value?.serverIDs == [h.fixture.cancellableServerID])
        #expect(d?.invoice.value?.customer?.email == h.console.customer.details.value?.client.email)
        let paid = (d?.transactions.value ?? []).map(\.amount.amount).reduce(0, +)
        #expect(paid == d?.invoice.value?.total.amount)
        // A paid invoice offers no way to pay.
        #expect(d?.gateways.value == nil)
        #expect(d?.gateways.error?.contains("is Paid") == true)
        #expect(h.console.status?.kind != .error)
        // An unpaid one: gateways' HTML reduced to text, links kept and selectable for copying.
        h.press(.escape)
        h.select(invoice: h.fixture.payableInvoiceID)
        h.press(.enter)
        let u = h.console.detail
        let gateways = u?.gateways.value ?? []
        #expect(!gateways.isEmpty)
        #expect(gateways.allSatisfy { !$0.text.contains("<") && !$0.text.contains("&nbsp;") })
        let links = u?.links ?? []
        #expect(links.count >= 2)
        h.press(.char("j"))
        h.press(.char("y"))
        #expect(h.frontEnd == [.copy(links.count > 1 ? links[1] : "")])
        // Esc goes back to the list.
        h.press(.escape)
        #expect(h.console.detail == nil && h.console.focus == .invoices)
    }

    @Test func detailOfAnInvoiceThatIsNotTheCustomersShowsTheFailure() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        h.sendAndRun(.runCommand("invoice 999999"))
        #expect(h.console.detail?.invoiceID == 999999)
        #expect(h.console.detail?.invoice.value == nil)
        #expect(h.console.detail?.invoice.error != nil)
        #expect(h.console.status?.kind == .error)
    }

    @Test func pdfDownloadsToTheFolderAndNeverOverwrites() throws {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        let id = h.fixture.payableInvoiceID
        h.select(invoice: id)
        h.press(.char("d"))
        let first = h.downloads + "/invoice-\(id).pdf"
        let firstBytes = try Data(contentsOf: URL(fileURLWithPath: first))
        #expect(firstBytes.starts(with: Array("%PDF".utf8)))
        #expect(h.console.detail?.downloadMessage == "Saved \(first)")
        #expect(h.console.status?.kind == .success)
        // Again: a new name, the first file untouched.
        h.press(.char("d"))
        let second = h.downloads + "/invoice-\(id) (2).pdf"
        #expect(FileManager.default.fileExists(atPath: second))
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == firstBytes)
        #expect(h.console.detail?.downloadMessage == "Saved \(second)")
        // The proforma has its own name.
        h.sendAndRun(.download(proforma: true))
        let proforma = try Data(contentsOf: URL(fileURLWithPath: h.downloads + "/invoice-\(id)-proforma.pdf"))
        #expect(proforma.starts(with: Array("%PDF".utf8)))
        #expect(h.sandbox.requestCount(action: "download_invoice") == 3)
    }

    @Test func pdfDownloadFailuresAreShownNotHidden() throws {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        // The server refuses an invoice that is not the customer's.
        h.sendAndRun(.runCommand("invoice 999999"))
        h.press(.char("d"))
        #expect(h.console.detail?.downloading == false)
        #expect(h.console.detail?.downloadMessage?.hasPrefix("Could not load") == true)
        // The folder cannot be created: a file stands where it should be.
        try FileManager.default.createDirectory(atPath: h.directory, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: h.downloads, contents: Data("x".utf8)))
        h.sendAndRun(.openInvoice(h.fixture.paidInvoiceID))
        h.press(.char("d"))
        #expect(h.console.detail?.downloading == false)
        #expect(h.console.status?.kind == .error)
        #expect(h.console.detail?.downloadMessage?.isEmpty == false)
        #expect(h.console.detail?.downloadMessage?.hasPrefix("Saved") == false)
    }

    @Test func serverLookUpShowsBillingDataRequestsAndRelatedInvoices() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        let sid = h.fixture.cancellableServerID
        h.sendAndRun(.runCommand("server \(sid)"))
        let s = h.console.server
        #expect(s?.serverID == sid)
        #expect(s?.billingData.value?.serverID == sid)
        #expect(s?.billingData.value?.hasSubscription == true)
        #expect(s?.requests.value == [])
        #expect(s?.relatedInvoices.value?.map(\.id).contains(h.fixture.payableInvoiceID) == true)
        // Someone else's server: the failure is shown on the panel.
        h.sendAndRun(.runCommand("server 1"))
        #expect(h.console.server?.serverID == 1)
        #expect(h.console.server?.billingData.error != nil)
        #expect(h.console.server?.billingData.value == nil)
    }

    @Test func aFailedReadShowsItsErrorAndLeavesTheOtherPanes() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.sandbox.faults = FaultPlan(actions: ["get_invoices": Fault(htmlErrorPage: 502)])
        h.sendAndRun(.open)
        #expect(h.console.customer.invoicesError?.contains("502") == true)
        #expect(!h.console.customer.invoicesLoading)
        #expect(h.console.customer.details.value != nil)
        #expect(h.console.customer.credit.value != nil)
        // Fixed on the server side: a reload brings the list.
        h.sandbox.faults = .none
        h.press(.char("r"))
        #expect(h.console.customer.invoicesError == nil)
        #expect(h.console.list.count == h.sandbox.invoiceIDs(clientID: h.clientID).count)
    }

    // MARK: - Helpers

    func ids(_ l: InvoiceList) -> [Int] { (0..<l.count).map { l.invoice(at: $0).id } }

    struct Row: Equatable { var id: Int; var total: Decimal }
    func rows(_ l: InvoiceList) -> [Row] { (0..<l.count).map { Row(id: l.invoice(at: $0).id, total: l.invoice(at: $0).total.amount) } }
}
