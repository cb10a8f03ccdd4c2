import BillingAPI
import ConsoleCore
import Testing
import TerminalUI

/// Mouse events mapped to intents against real console states, checked by applying the intents.
@Suite struct PanesMouseTests {
    private func opened(width: Int = 120, height: Int = 40) -> PanesHarness {
        var h = PanesHarness()
        h.open(width: width, height: height)
        return h
    }

    @Test func clickOnARowFocusesTheListAndSelectsIt() throws {
        var h = opened()
        defer { h.cleanUp() }
        h.select(invoice: h.fixture.payableInvoiceID)
        h.press(.enter)
        #expect(h.console.focus == .detail)
        let layout = ConsoleLayout(width: 120, height: 40, console: h.console)
        #expect(layout.mode == .wide)
        let list = try #require(layout.list)
        let firstRow = list.row + 2                   // frame, then the table's header
        let click = MouseEvent(kind: .press, row: firstRow + 4, column: list.col + 10)
        let intents = ConsoleRenderer.intents(for: click, width: 120, height: 40, console: h.console)
        #expect(intents.first == .focus(.invoices))
        let expected = h.console.list.invoice(at: h.console.list.top + 4).id
        for i in intents { h.send(i) }
        #expect(h.console.focus == .invoices)
        #expect(h.console.list.selected?.id == expected)
        // A second click on the selected row opens it.
        let again = ConsoleRenderer.intents(for: click, width: 120, height: 40, console: h.console)
        #expect(again == [.activate])
        for i in again { h.send(i) }
        #expect(h.console.detail?.invoiceID == expected)
    }

    @Test func clickOnAColumnTitleSortsAndClickingAgainReverses() throws {
        var h = opened(width: 80, height: 24)
        defer { h.cleanUp() }
        let list = try #require(ConsoleLayout(width: 80, height: 24, console: h.console).list)
        let headerRow = list.row + 1
        var canvas = h.render(width: 80, height: 24).canvas
        let header = canvas.text(row: headerRow)
        let totalCol = try #require(header.range(of: "Total").map { header.distance(from: header.startIndex, to: $0.lowerBound) })
        let click = MouseEvent(kind: .press, row: headerRow, column: totalCol + 1)
        let first = ConsoleRenderer.intents(for: click, width: 80, height: 24, console: h.console)
        #expect(first == [.sortBy(InvoiceSort(column: .total, ascending: true))])
        for i in first { h.send(i) }
        let second = ConsoleRenderer.intents(for: click, width: 80, height: 24, console: h.console)
        #expect(second == [.sortBy(InvoiceSort(column: .total, ascending: false))])
        for i in second { h.send(i) }
        canvas = h.render(width: 80, height: 24).canvas
        #expect(canvas.text(row: headerRow).contains("Total ▼"))
    }

    @Test func wheelMovesThePaneUnderThePointer() throws {
        var h = opened()
        defer { h.cleanUp() }
        let layout = ConsoleLayout(width: 120, height: 40, console: h.console)
        let list = try #require(layout.list)
        let profile = try #require(layout.profile)
        let down = MouseEvent(kind: .wheelDown, row: list.row + 5, column: list.col + 5)
        #expect(ConsoleRenderer.intents(for: down, width: 120, height: 40, console: h.console) == [.moveDown, .moveDown, .moveDown])
        let up = MouseEvent(kind: .wheelUp, row: profile.row + 3, column: profile.col + 3)
        #expect(ConsoleRenderer.intents(for: up, width: 120, height: 40, console: h.console)
                == [.focus(.profile), .moveUp, .moveUp, .moveUp])
        for i in ConsoleRenderer.intents(for: down, width: 120, height: 40, console: h.console) { h.send(i) }
        #expect(h.console.list.cursor == 3)
    }

    @Test func dialogsIgnoreTheMouseExceptHelpWhichCloses() {
        var h = opened()
        defer { h.cleanUp() }
        let anywhere = MouseEvent(kind: .press, row: 10, column: 60)
        h.select(invoice: h.fixture.payableInvoiceID)
        h.press(.char("a"))
        h.press(.enter)
        #expect(h.console.confirm != nil)
        #expect(ConsoleRenderer.intents(for: anywhere, width: 120, height: 40, console: h.console).isEmpty)
        h.press(.escape)
        h.press(.escape)
        h.press(.char("?"))
        #expect(ConsoleRenderer.intents(for: anywhere, width: 120, height: 40, console: h.console) == [.toggleHelp])
    }

    @Test func nothingOnTheHeaderReleasesOrATooSmallScreen() {
        let h = opened()
        defer { h.cleanUp() }
        let header = MouseEvent(kind: .press, row: 0, column: 10)
        #expect(ConsoleRenderer.intents(for: header, width: 120, height: 40, console: h.console).isEmpty)
        let release = MouseEvent(kind: .release, row: 10, column: 60)
        #expect(ConsoleRenderer.intents(for: release, width: 120, height: 40, console: h.console).isEmpty)
        let small = MouseEvent(kind: .press, row: 5, column: 5)
        #expect(ConsoleRenderer.intents(for: small, width: 59, height: 19, console: h.console).isEmpty)
    }

    @Test func narrowScreenFollowsFocus() {
        var h = opened(width: 80, height: 24)
        defer { h.cleanUp() }
        var layout = ConsoleLayout(width: 80, height: 24, console: h.console)
        #expect(layout.mode == .narrow && layout.list != nil && layout.profile == nil)
        h.press(.tab)
        layout = ConsoleLayout(width: 80, height: 24, console: h.console)
        #expect(h.console.focus == .profile)
        #expect(layout.profile != nil && layout.list == nil)
        // The list's page size does not depend on which pane is shown.
        #expect(ConsoleRenderer.listPageSize(width: 80, height: 24, console: h.console) == 17)
    }
}
