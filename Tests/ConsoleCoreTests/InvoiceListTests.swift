import BillingAPI
@testable import ConsoleCore
import Foundation
import Testing

@Suite struct InvoiceListTests {
    static let today = BillingDate(year: 2024, month: 6, day: 15)!
    static func d(_ m: Int, _ day: Int) -> BillingDate { BillingDate(year: 2024, month: m, day: day)! }

    static func sample() -> [Invoice] {
        [
            Invoice(id: 5, status: .unpaid, total: Money(Decimal(string: "10.10")!, .usd), date: d(5, 1), dueDate: d(6, 1)),
            Invoice(id: 3, status: .paid, total: Money(Decimal(string: "99.99")!, .usd), date: d(5, 1), dueDate: d(5, 10)),
            Invoice(id: 9, status: .unpaid, total: Money(Decimal(string: "0.20")!, .eur), date: d(4, 2), dueDate: d(7, 1)),
            Invoice(id: 1, status: .unpaid, total: Money(Decimal(string: "10.10")!, .usd), date: d(5, 1), dueDate: d(6, 10)),
            Invoice(id: 7, status: .cancelled, total: Money(Decimal(string: "5.00")!, .usd), date: d(3, 3), dueDate: d(3, 4)),
        ]
    }

    func ids(_ l: InvoiceList) -> [Int] { (0..<l.count).map { l.invoice(at: $0).id } }

    @Test func sortsEveryColumnBothWaysWithIdTieBreak() {
        var l = InvoiceList(today: Self.today)
        l.load(Self.sample())
        l.setSort(InvoiceSort(column: .total, ascending: true))
        #expect(ids(l) == [9, 7, 1, 5, 3])       // 1 and 5 tie at 10.10: id ascending
        l.setSort(InvoiceSort(column: .total, ascending: false))
        #expect(ids(l) == [3, 1, 5, 7, 9])       // ties keep id ascending in both directions
        l.setSort(InvoiceSort(column: .date, ascending: true))
        #expect(ids(l) == [7, 9, 1, 3, 5])
        l.setSort(InvoiceSort(column: .id, ascending: false))
        #expect(ids(l) == [9, 7, 5, 3, 1])
        l.setSort(InvoiceSort(column: .status, ascending: true))
        #expect(ids(l) == [7, 3, 1, 5, 9])
        l.setSort(InvoiceSort(column: .dueDate, ascending: true))
        #expect(ids(l) == [7, 3, 5, 1, 9])
    }

    @Test func filterByTextNarrowsAsTypedAndByStatus() {
        var l = InvoiceList(today: Self.today)
        l.load(Self.sample())
        l.setSort(InvoiceSort(column: .id, ascending: true))
        var f = InvoiceFilter(query: "1")
        l.setFilter(f)
        #expect(ids(l) == [1, 3, 5, 9])          // 7 has no "1" anywhere
        f.query = "10.1"
        l.setFilter(f)
        #expect(ids(l) == [1, 5])
        f.query = "10.10 usd"
        l.setFilter(f)
        #expect(ids(l) == [1, 5])
        f.query = "PAID"                          // case-insensitive; "unpaid" contains "paid"
        l.setFilter(f)
        #expect(ids(l) == [1, 3, 5, 9])
        l.setFilter(InvoiceFilter(statuses: [.paid]))
        #expect(ids(l) == [3])
        l.setFilter(InvoiceFilter(overdueOnly: true))
        #expect(ids(l) == [1, 5])
        l.setFilter(InvoiceFilter(query: "2024-04-02"))
        #expect(ids(l) == [9])
        l.setFilter(InvoiceFilter(query: "nothing"))
        #expect(l.isEmpty && l.selected == nil)
    }

    @Test func totalsAreExactPerCurrencyOverWhatIsShown() {
        var l = InvoiceList(today: Self.today)
        l.load(Self.sample())
        #expect(l.totals.unpaid.amounts == [Money(Decimal(string: "0.20")!, .eur), Money(Decimal(string: "20.20")!, .usd)])
        #expect(l.totals.overdue.amounts == [Money(Decimal(string: "20.20")!, .usd)])
        l.setFilter(InvoiceFilter(query: "eur"))
        #expect(l.totals.unpaid.amounts == [Money(Decimal(string: "0.20")!, .eur)])
        #expect(l.totals.overdue.isEmpty)
        #expect(l.totals.shown == 1)
    }

    @Test func marksAndSelectionSurviveReloadAndFilter() {
        var l = InvoiceList(today: Self.today)
        l.load(Self.sample())
        l.select(id: 5)
        l.toggleMark()
        l.select(id: 9)
        l.toggleMark()
        var reloaded = Self.sample().filter { $0.id != 9 }
        reloaded.append(Invoice(id: 11, status: .draft, total: Money(1, .usd)))
        l.select(id: 3)
        l.load(reloaded)
        #expect(l.marks == [5])
        #expect(l.selected?.id == 3)
        l.setFilter(InvoiceFilter(query: "99"))
        #expect(l.selected?.id == 3)
    }

    @Test func cursorAndScrollStayInsideThePage() {
        var l = InvoiceList(today: Self.today)
        l.load((1...100).map { Invoice(id: $0, status: .paid, total: Money(Decimal($0), .usd)) })
        l.setSort(InvoiceSort(column: .id, ascending: true))
        l.setPageSize(10)
        l.moveToTop()
        l.move(by: 12)
        #expect(l.cursor == 12 && l.top == 3)
        l.pageDown()
        #expect(l.cursor == 22 && l.page == 13..<23)
        l.moveToBottom()
        #expect(l.cursor == 99 && l.top == 90)
        l.move(by: 5)
        #expect(l.cursor == 99)
        l.moveToTop()
        #expect(l.cursor == 0 && l.top == 0)
    }
}
