import Foundation
import BillingAPI

/// The invoice list pane: every invoice of the customer, filtered, sorted, with a cursor, a scroll
/// position, marks and totals of what is shown. Built for 100,000 rows: keys are computed once per
/// load, off the UI thread (`InvoiceIndex`), and the visible rows are an array of row numbers,
/// never copies of invoices. Loading a built index costs one pass over the rows.
public struct InvoiceList: Sendable, Equatable {
    /// Every invoice, in the server's order (row numbers index this array).
    public var invoices: [Invoice] { index.invoices }
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
    public private(set) var index = InvoiceIndex()
    private var todayNumber: Int32

    public init(today: BillingDate) {
        self.today = today
        todayNumber = Int32(clamping: today.dayNumber)
    }

    // MARK: - Reading

    public var count: Int { visible.count }
    public var isEmpty: Bool { visible.isEmpty }
    /// The invoice at a display position.
    public func invoice(at position: Int) -> Invoice { invoices[Int(visible[position])] }
    public var selected: Invoice? { visible.isEmpty ? nil : invoice(at: cursor) }
    public func isOverdue(at position: Int) -> Bool { index.isOverdue(row: Int(visible[position]), today: todayNumber) }
    public func isMarked(at position: Int) -> Bool { marks.contains(invoice(at: position).id) }
    /// The rows the front end draws: `top ..< top + pageSize`, clamped.
    public var page: Range<Int> { top..<min(visible.count, top + pageSize) }
    /// Marked invoices in the server's order.
    public var markedInvoices: [Invoice] { marks.compactMap { index.row(of: $0) }.sorted().map { invoices[$0] } }
    /// Invoice `id`, shown or not.
    public func invoice(id: Int) -> Invoice? { index.row(of: id).map { invoices[$0] } }

    // MARK: - Loading

    /// Replaces the rows with an index built off the UI thread, keeping sort, filter, the selected
    /// invoice and the marks that still exist.
    public mutating func load(_ new: InvoiceIndex, today: BillingDate? = nil) {
        if let today {
            self.today = today
            todayNumber = Int32(clamping: today.dayNumber)
        }
        let selectedID = selected?.id
        index = new
        marks = marks.filter { new.row(of: $0) != nil }
        refilter(from: nil)
        restoreCursor(selectedID)
    }

    /// Builds the index here, on the calling thread: for small lists and tests.
    public mutating func load(_ new: [Invoice], today: BillingDate? = nil) {
        load(InvoiceIndex(new), today: today)
    }

    // MARK: - Sorting and filtering

    public mutating func setSort(_ newSort: InvoiceSort) {
        guard newSort != sort else { return }
        let selectedID = selected?.id
        sort = newSort
        let order = index.order(sort)
        // The shown set does not change, so only the order is rebuilt (a linear pass).
        var shown = [Bool](repeating: false, count: index.count)
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
        if filter.isEmpty {
            visible = candidates ?? index.order(sort)
        } else {
            let words = filter.query.lowercased().split(separator: " ").map { Array($0.utf8) }
            let overdueOnly = filter.overdueOnly
            let idx = index
            let today = todayNumber
            // Status filter as a table by status code: no hashing per row.
            let allowed: [Bool]? = filter.statuses.isEmpty ? nil : idx.statuses.map { filter.statuses.contains($0) }
            let keep: (Int32) -> Bool = { r in
                let row = Int(r)
                if overdueOnly && !idx.isOverdue(row: row, today: today) { return false }
                if let allowed, !allowed[Int(idx.status[row])] { return false }
                return words.isEmpty || idx.matches(row: row, words: words)
            }
            visible = (candidates ?? index.order(sort)).filter(keep)
        }
        computeTotals()
    }

    /// Unpaid and overdue sums per currency. Balances are added as exact 1/10000 integers; a list
    /// with a balance finer than that adds `Decimal`s instead.
    private mutating func computeTotals() {
        guard let unpaidCode = index.unpaidCode else { totals = InvoiceTotals(shown: visible.count); return }
        let n = index.currencies.count
        var unpaid = [Int64](repeating: 0, count: n), overdue = unpaid
        var seenUnpaid = [Bool](repeating: false, count: n), seenOverdue = seenUnpaid
        var exact = index.balancesExact
        index.status.withUnsafeBufferPointer { status in
            index.unpaidBalance.withUnsafeBufferPointer { balance in
                index.dueDay.withUnsafeBufferPointer { due in
                    for r in visible where exact {
                        let row = Int(r)
                        guard status[row] == unpaidCode else { continue }
                        let c = Int(index.currency[row])
                        var o = false
                        (unpaid[c], o) = unpaid[c].addingReportingOverflow(balance[row])
                        seenUnpaid[c] = true
                        if due[row] < todayNumber {
                            var o2 = false
                            (overdue[c], o2) = overdue[c].addingReportingOverflow(balance[row])
                            seenOverdue[c] = true
                            o = o || o2
                        }
                        if o { exact = false }
                    }
                }
            }
        }
        guard exact else { computeDecimalTotals(); return }
        var t = InvoiceTotals(shown: visible.count)
        for (c, cur) in index.currencies.enumerated() {
            if seenUnpaid[c] { t.unpaid.add(Money(Decimal(unpaid[c]) / 10000, cur)) }
            if seenOverdue[c] { t.overdue.add(Money(Decimal(overdue[c]) / 10000, cur)) }
        }
        totals = t
    }

    private mutating func computeDecimalTotals() {
        var t = InvoiceTotals(shown: visible.count)
        for r in visible {
            let row = Int(r)
            let inv = invoices[row]
            guard inv.status == .unpaid else { continue }
            t.unpaid.add(inv.balance)
            if index.isOverdue(row: row, today: todayNumber) { t.overdue.add(inv.balance) }
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
        guard let row = index.row(of: id).map(Int32.init), let p = visible.firstIndex(of: row) else { return false }
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
