import BillingAPI
@testable import ConsoleCore
import Foundation
import Testing
@testable import TerminalUI

/// A list of 100,000 invoices draws only its page (the position shows where it is), and the
/// chart's monthly sums are exact.
@Suite struct PanesScaleTests {
    static let today = BillingDate(year: 2026, month: 12, day: 4) ?? BillingDate(dayNumber: 0)

    static func invoices(_ n: Int) -> [Invoice] {
        (0..<n).map { i in
            let date = today.adding(days: -(i % 900))
            var inv = Invoice(id: 100_000 + i, status: i % 3 == 0 ? .unpaid : .paid,
                              total: Money(Decimal(1000 + i % 97) + Decimal(string: "0.25")!, .rub),
                              date: date, dueDate: date.adding(days: 14))
            if inv.status == .paid { inv.datePaid = date.adding(days: 3) }
            return inv
        }
    }

    @Test func hundredThousandInvoicesDrawOnlyThePage() {
        var console = Console(environment: ConsoleEnvironment(profileName: "scale", today: Self.today, downloadFolder: "/nonexistent"))
        console.list.load(Self.invoices(100_000))
        let page = ConsoleRenderer.listPageSize(width: 200, height: 60, console: console)
        _ = console.handle(.setPageSize(page))
        var canvas = Canvas(width: 200, height: 60)
        _ = ConsoleRenderer.draw(console, into: &canvas, context: RenderContext(profileLabel: "scale"))
        let screen = canvas.render()
        #expect(screen.contains("1/100000"))
        let ids = (0..<console.list.count).lazy.map { console.list.invoice(at: $0).id }
        let shown = ids.prefix(page + 1).filter { screen.contains(String($0)) }
        #expect(shown.count == page, "exactly one page of rows is on screen")
        _ = console.handle(.moveToBottom)
        canvas = Canvas(width: 200, height: 60)
        _ = ConsoleRenderer.draw(console, into: &canvas, context: RenderContext(profileLabel: "scale"))
        let bottom = canvas.render()
        #expect(bottom.contains("100000/100000"))
        #expect(bottom.contains(String(console.list.invoice(at: console.list.count - 1).id)))
    }

    @Test func monthlyTotalsSumByInvoiceMonthAndPaidMonth() {
        let d = { (y: Int, m: Int, day: Int) in BillingDate(year: y, month: m, day: day) }
        var a = Invoice(id: 1, status: .paid, total: Money(Decimal(string: "1234567890.12")!, .rub), date: d(2026, 11, 30), dueDate: nil)
        a.datePaid = d(2026, 12, 1)
        let b = Invoice(id: 2, status: .unpaid, total: Money(Decimal(string: "0.10")!, .rub), date: d(2026, 11, 2))
        let c = Invoice(id: 3, status: .cancelled, total: Money(500, .rub), date: d(2026, 11, 2))
        let old = Invoice(id: 4, status: .unpaid, total: Money(7, .rub), date: d(2025, 12, 31))
        let usd = Invoice(id: 5, status: .unpaid, total: Money(9, .usd), date: d(2026, 12, 2))
        let t = MonthlyTotals(invoices: [a, b, c, old, usd], today: Self.today, currency: .rub)
        #expect(t.labels.first == "Jan" && t.labels.last == "Dec")
        #expect(t.billed[10] == Decimal(string: "1234567890.22"))
        #expect(t.billed[11] == 0)
        #expect(t.paid[11] == Decimal(string: "1234567890.12"))
        #expect(t.billed.reduce(0, +) == Decimal(string: "1234567890.22"))
        #expect(t.skipped == 1)
    }

    @Test func theIndexLedgerGivesTheSameTotalsAsSummingTheInvoices() {
        let d = { (y: Int, m: Int, day: Int) in BillingDate(year: y, month: m, day: day) }
        var invoices: [Invoice] = []
        for i in 0..<500 {
            var inv = Invoice(id: i + 1, status: [.paid, .unpaid, .cancelled, .refunded, .draft][i % 5],
                              total: Money(Decimal(i) + Decimal(string: "0.15")!, i % 7 == 0 ? .usd : .rub),
                              date: d(2025 + (i % 2), 1 + i % 12, 1 + i % 28))
            if inv.status == .paid || inv.status == .refunded { inv.datePaid = d(2026, 1 + (i * 5) % 12, 3) }
            invoices.append(inv)
        }
        let direct = MonthlyTotals(invoices: invoices, today: Self.today, currency: .rub)
        let viaIndex = MonthlyTotals(ledger: InvoiceIndex(invoices).ledger, today: Self.today, currency: .rub)
        #expect(direct == viaIndex)
        #expect(direct.billed.reduce(0, +) > 0)
        #expect(direct.paid.reduce(0, +) > 0)
        #expect(MonthlyTotals(ledger: MonthlyLedger(), today: Self.today).billed == Array(repeating: 0, count: 12))
    }
}
