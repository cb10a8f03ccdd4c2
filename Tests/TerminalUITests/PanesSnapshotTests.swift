import BillingAPI
import BillingSandbox
import ConsoleCore
import Foundation
import Testing
import TerminalUI

/// Every pane and dialog drawn from real console states (reached through the sandbox) at the
/// three sizes the issue names, compared with text snapshots.
@Suite struct PanesSnapshotTests {
    static let sizes = [(80, 24), (120, 40), (200, 60)]

    private func expectAllSizes(_ h: PanesHarness, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (w, ht) in Self.sizes {
            let (canvas, _) = h.render(width: w, height: ht)
            Snapshot.expect(canvas, named: "panes-\(name)-\(w)x\(ht)", sourceLocation: sourceLocation)
        }
    }

    @Test func mainScreen() {
        var h = PanesHarness()
        defer { h.cleanUp() }
        h.open()
        let name = h.console.customer.details.value?.client.displayName ?? ""
        #expect(name.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) }, "the demo customer is Cyrillic")
        expectAllSizes(h, "main")
    }

    @Test func invoiceDetail() {
        var h = PanesHarness()
        defer { h.cleanUp() }
        h.open()
        h.select(invoice: h.fixture.payableInvoiceID)
        h.press(.enter)
        #expect(h.console.detail?.invoice.value != nil)
        expectAllSizes(h, "detail")
    }

    @Test func profileFocused() {
        var h = PanesHarness()
        defer { h.cleanUp() }
        h.open()
        h.send(.focus(.profile))
        h.send(.moveDown)
        expectAllSizes(h, "profile")
    }

    @Test func loadingBeforeAnswers() {
        var h = PanesHarness()
        defer { h.cleanUp() }
        _ = h.console.handle(.setPageSize(17))
        let effects = h.console.handle(.open)
        #expect(!effects.isEmpty)
        #expect(h.console.inFlight > 0)
        expectAllSizes(h, "loading")
    }

    @Test func loadErrors() {
        var h = PanesHarness()
        defer { h.cleanUp() }
        var plan = FaultPlan()
        plan.actions["get_invoices"] = Fault(htmlErrorPage: 502)
        plan.actions["getcredits"] = Fault(htmlErrorPage: 502)
        h.sandbox.faults = plan
        h.open()
        #expect(h.console.customer.invoicesError != nil)
        expectAllSizes(h, "error")
    }

    @Test func emptyFilteredList() {
        var h = PanesHarness()
        defer { h.cleanUp() }
        h.open()
        h.press(.char("/"))
        h.type("нет такого")
        #expect(h.console.list.isEmpty)
        expectAllSizes(h, "empty-filter")
    }

    @Test func longAmountFromAddFunds() {
        var h = PanesHarness()
        defer { h.cleanUp() }
        h.open()
        h.press(.char("f"))
        h.type("1234567890.12")
        h.press(.enter)
        h.press(.enter)
        #expect(h.console.list.invoices.contains { $0.total.amount == Decimal(string: "1234567890.12") })
        guard case .done? = h.console.confirm?.phase else { Issue.record("add funds not done"); return }
        expectAllSizes(h, "add-funds-done")
        h.press(.enter)
        #expect(h.console.confirm == nil)
        // The created invoice is opened; the list shows it beside the detail on wide screens.
        #expect(h.console.detail?.invoice.value?.total.amount == Decimal(string: "1234567890.12"))
        expectAllSizes(h, "long-amount")
    }

    @Test func confirmApplyCredit() {
        var h = PanesHarness()
        defer { h.cleanUp() }
        h.open()
        h.select(invoice: h.fixture.payableInvoiceID)
        h.press(.char("a"))
        h.press(.enter)
        #expect(h.console.confirm?.write.action == .applyCredit)
        expectAllSizes(h, "confirm-apply-credit")
    }

    @Test func confirmMassPay() {
        var h = PanesHarness()
        defer { h.cleanUp() }
        h.open()
        for id in h.fixture.unpaidInvoiceIDs.prefix(2) {
            h.select(invoice: id)
            h.press(.char(" "))
        }
        h.press(.char("m"))
        #expect(h.console.confirm?.write.action == .massPay)
        expectAllSizes(h, "confirm-mass-pay")
    }

    @Test func cancellationWizardReview() {
        var h = PanesHarness()
        defer { h.cleanUp() }
        h.open()
        h.send(.startCancellation(serverID: h.fixture.cancellableServerID))
        h.press(.enter)
        h.press(.char("1"))
        h.press(.enter)
        h.type("Переезд в другой ЦОД")
        h.press(.enter)
        guard case .cancellation(let w)? = h.console.modal else { Issue.record("no wizard"); return }
        #expect(w.step == .review)
        expectAllSizes(h, "wizard-review")
        h.press(.enter)
        h.type(String(h.fixture.cancellableServerID))
        expectAllSizes(h, "wizard-confirm")
    }

    @Test func cancellationWizardRefusedWithAdvice() {
        var h = PanesHarness()
        defer { h.cleanUp() }
        h.open()
        h.send(.startCancellation(serverID: h.fixture.overTrafficServerID))
        h.press(.enter)
        h.press(.enter)
        h.type("Больше не нужен")
        h.press(.enter)
        h.press(.enter)
        h.type(String(h.fixture.overTrafficServerID))
        h.press(.enter)
        guard case .cancellation(let w)? = h.console.modal else { Issue.record("no wizard"); return }
        #expect(w.step == .result)
        expectAllSizes(h, "wizard-result")
    }

    @Test func help() {
        var h = PanesHarness()
        defer { h.cleanUp() }
        h.open()
        h.press(.char("?"))
        expectAllSizes(h, "help")
    }

    @Test func paletteWithError() {
        var h = PanesHarness()
        defer { h.cleanUp() }
        h.open()
        h.press(.char(":"))
        h.type("счёт 12")
        h.press(.enter)
        guard case .palette(let p)? = h.console.modal else { Issue.record("no palette"); return }
        #expect(p.error != nil)
        expectAllSizes(h, "palette-error")
    }

    @Test func readOnlyWithSpinner() {
        var h = PanesHarness(readOnly: true)
        defer { h.cleanUp() }
        h.open()
        _ = h.console.handle(.reload)
        let (canvas, _) = h.render(width: 120, height: 40, context: RenderContext(spinnerTick: 3, profileLabel: "demo (sandbox)"))
        Snapshot.expect(canvas, named: "panes-readonly-reloading-120x40")
        #expect(canvas.text(row: 0).contains("READ-ONLY"))
    }

    @Test func tooSmall() {
        var h = PanesHarness()
        defer { h.cleanUp() }
        h.open()
        let (canvas, cursor) = h.render(width: 59, height: 19)
        Snapshot.expect(canvas, named: "panes-too-small-59x19")
        #expect(cursor == nil)
        #expect(canvas.render().contains("too small"))
    }
}
