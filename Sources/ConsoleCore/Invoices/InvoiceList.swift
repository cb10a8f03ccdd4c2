import Foundation
import BillingAPI

/// The invoice list pane: every invoice of the customer, filtered, sorted, with a cursor, a scroll
/// position, marks and totals of what is shown. Built for 100,000 rows: keys are computed once per
/// load (`InvoiceIndex`) and the visible rows are an array of row numbers, never copies of invoices.
public struct InvoiceList: Sendable, Equatable {
    public private(set) var invoices: [Invoice] = []
    /// Row numbers (into `invoices`) in display order.
    public private(set) var visible: [Int32] = []
    public private(set) var sort = InvoiceSort(column: .date, ascending: false)
    public private(set) var filter = InvoiceFilter()
    public private(set) var cursor = 0
    /// First visible row drawn (scroll position).
    public private(set) var top = 0
    public private(set) var pageSize = 20
    /// Marked invoice ids; kept across reloads for ids that still exist.
    public private(set) var marks: Set<Int> = []
    public private(set) var totals = InvoiceTotals()
    public private(set) var today: BillingDate
    private var index = InvoiceIndex()

    public init(today: BillingDate) { self.today = today }

    // MARK: - Reading

    public var count: Int { visible.count }
    public var isEmpty: Bool { visible.isEmpty }
    /// The invoice at a display position.
    public func invoice(at position: Int) -> Invoice { invoices[Int(visible[position])] }
    public var selected: Invoice? { visible.isEmpty ? nil : invoice(at: cursor) }
    public func isOverdue(at position: Int) -> Bool { index.overdue[Int(visible[position])] }
    public func isMarked(at position: Int) -> Bool { marks.contains(invoice(at: position).id) }
    /// The rows the front end draws: `top ..< top + pageSize`, clamped.
    public var page: Range<Int> { top..<min(visible.count, top + pageSize) }
    /// Marked invoices in list order.
    public var markedInvoices: [Invoice] { invoices.filter { marks.contains($0.id) } }

    // MARK: - Loading

    /// Replaces the rows, keeping sort, filter, the selected invoice and the marks that still exist.
    public mutating func load(_ new: [Invoice], today: BillingDate? = nil) {
        if let today { self.today = today }
        let selectedID = selected?.id
        invoices = new
        index = InvoiceIndex(new, today: self.today)
        let ids = Set(new.map(\.id))
        marks = marks.filter { ids.contains($0) }
        refilter(from: nil)
        restoreCursor(selectedID)
    }

    // MARK: - Sorting and filtering

    public mutating func setSort(_ newSort: InvoiceSort) {
        guard newSort != sort else { return }
        let selectedID = selected?.id
        sort = newSort
        let order = index.order(sort)
        // The shown set does not change, so only the order is rebuilt (a linear pass).
        var shown = [Bool](repeating: false, count: invoices.count)
        for r in visible { shown[Int(r)] = true }
        visible = order.filter { shown[Int($0)] }
        restoreCursor(selectedID)
    }

    public mutating func setFilter(_ newFilter: InvoiceFilter) {
        guard newFilter != filter else { return }
        let selectedID = selected?.id
        let old = filter
        filter = newFilter
        // Typing more of the same query only narrows: test just the rows shown now.
        let narrowing = old.statuses == newFilter.statuses && old.overdueOnly == newFilter.overdueOnly
            && newFilter.query.lowercased().hasPrefix(old.query.lowercased())
        refilter(from: narrowing ? visible : nil)
        restoreCursor(selectedID)
    }

    private mutating func refilter(from candidates: [Int32]?) {
        let words = filter.query.lowercased().split(separator: " ").map { Array($0.utf8) }
        let statuses = filter.statuses
        let overdueOnly = filter.overdueOnly
        let idx = index
        let rows = invoices
        let keep: (Int32) -> Bool = { r in
            let row = Int(r)
            if overdueOnly && !idx.overdue[row] { return false }
            if !statuses.isEmpty && !statuses.contains(rows[row].status) { return false }
            return words.isEmpty || idx.matches(row: row, words: words)
        }
        visible = (candidates ?? index.order(sort)).filter(keep)
        computeTotals()
    }

    private mutating func computeTotals() {
        var unpaid = [Decimal](repeating: 0, count: index.currencies.count)
        var overdue = unpaid
        var seenUnpaid = [Bool](repeating: false, count: unpaid.count)
        var seenOverdue = seenUnpaid
        for r in visible {
            let row = Int(r)
            guard invoices[row].status == .unpaid else { continue }
            let c = Int(index.currency[row])
            let amount = invoices[row].balance.amount
            unpaid[c] += amount
            seenUnpaid[c] = true
            if index.overdue[row] { overdue[c] += amount; seenOverdue[c] = true }
        }
        var t = InvoiceTotals(shown: visible.count)
        for (c, cur) in index.currencies.enumerated() {
            if seenUnpaid[c] { t.unpaid.add(Money(unpaid[c], cur)) }
            if seenOverdue[c] { t.overdue.add(Money(overdue[c], cur)) }
        }
        totals = t
    }

    // MARK: - Cursor and marks

    public mutating func setPageSize(_ n: Int) {
        pageSize = max(1, n)
        clampScroll()
    }

    /// Moves the cursor by `delta` rows, clamped to the list.
    public mutating func move(by delta: Int) {
        guard !visible.isEmpty else { return }
        cursor = min(max(0, cursor + delta), visible.count - 1)
        clampScroll()
    }

    public mutating func moveToTop() { move(by: -cursor) }
    public mutating func moveToBottom() { move(by: visible.count) }
    public mutating func pageDown() { move(by: pageSize) }
    public mutating func pageUp() { move(by: -pageSize) }

    /// Puts the cursor on invoice `id` if it is shown; returns whether it was.
    @discardableResult
    public mutating func select(id: Int) -> Bool {
        guard let p = visible.firstIndex(where: { invoices[Int($0)].id == id }) else { return false }
        cursor = p
        clampScroll()
        return true
    }

    public mutating func toggleMark() {
        guard let id = selected?.id else { return }
        if marks.contains(id) { marks.remove(id) } else { marks.insert(id) }
    }

    public mutating func clearMarks() { marks = [] }

    private mutating func restoreCursor(_ id: Int?) {
        if let id, select(id: id) { return }
        cursor = min(cursor, max(0, visible.count - 1))
        clampScroll()
    }

    private mutating func clampScroll() {
        if visible.isEmpty { cursor = 0; top = 0; return }
        if cursor < top { top = cursor }
        if cursor >= top + pageSize { top = cursor - pageSize + 1 }
        top = max(0, min(top, max(0, visible.count - pageSize)))
    }
}
