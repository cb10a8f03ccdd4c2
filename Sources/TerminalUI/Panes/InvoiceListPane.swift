import BillingAPI
import ConsoleCore

/// The invoice list: a table of the visible page only (so 100,000 invoices cost what a page
/// does), status coloured by meaning with Overdue for unpaid invoices past due, marked rows
/// flagged, the sort column's arrow, the filter in the title and caption, the scroll position,
/// and a totals line of what is shown.
enum InvoiceListPane {
    /// The columns for the rows on screen: the Total column is as wide as the widest amount on
    /// the page, because an amount cut short would mislead; dates give way first when the pane
    /// is narrow.
    static func columns(_ list: InvoiceList) -> [TableColumn] {
        var amountWidth = 12
        for position in list.page { amountWidth = max(amountWidth, DisplayWidth.of(list.invoice(at: position).total.formatted)) }
        return [
            TableColumn(InvoiceColumn.id.title, width: .fixed(7), alignment: .right, priority: 5),
            TableColumn(InvoiceColumn.date.title, width: .fixed(10), priority: 2),
            TableColumn(InvoiceColumn.dueDate.title, width: .fixed(10), priority: 1),
            TableColumn(InvoiceColumn.total.title, width: .flexible(min: amountWidth, weight: 3), alignment: .right, priority: 4),
            TableColumn(InvoiceColumn.status.title, width: .flexible(min: 8, weight: 1), priority: 3),
        ]
    }

    /// The table inside a list pane drawn in `rect`, and the totals row under it.
    static func tableRect(in rect: Rect) -> Rect {
        let inner = rect.inset(by: 1)
        return Rect(row: inner.row, col: inner.col, width: inner.width, height: max(0, inner.height - 1))
    }

    static func draw(_ console: Console, into canvas: inout Canvas, in rect: Rect) {
        let list = console.list
        let focused = console.focus == .invoices
        let filterText = describe(list.filter)
        let title = filterText.isEmpty ? "Invoices" : "Invoices · " + filterText
        let right = console.customer.invoicesLoading ? "loading…" : "\(list.count)"
        let inner = Panel(title: title, rightTitle: right, isFocused: focused).draw(into: &canvas, in: rect)
        guard inner.width >= 4, inner.height >= 2 else { return }
        let table = TableView(columns: columns(list), rowCount: list.count, selectedRow: list.isEmpty ? nil : list.cursor,
                              firstVisibleRow: list.top,
                              sort: TableSort(column: list.sort.column.rawValue, ascending: list.sort.ascending),
                              isFocused: focused, showsMarkers: true, showsFooter: true,
                              caption: caption(console, glyphs: canvas.glyphs), emptyText: emptyText(console)) { position in
            row(list, at: position)
        }
        let tableArea = tableRect(in: rect)
        table.draw(into: &canvas, in: tableArea)
        if list.isEmpty, let error = console.customer.invoicesError, tableArea.height >= 3 {
            let lines = DisplayWidth.wrap(ReadableText.of(error), toWidth: max(1, tableArea.width - 2))
            for (i, text) in lines.prefix(tableArea.height - 2).enumerated() {
                canvas.putFitted(text: text, row: tableArea.row + 1 + i, col: tableArea.col + 1,
                                 width: tableArea.width - 2, style: .error)
            }
        }
        drawTotals(list, into: &canvas, row: inner.endRow - 1, col: inner.col, width: inner.width)
    }

    /// One invoice as a table row.
    static func row(_ list: InvoiceList, at position: Int) -> TableRow {
        let inv = list.invoice(at: position)
        let overdue = list.isOverdue(at: position)
        let status = overdue ? "Overdue" : inv.status.description
        return TableRow([
            TableCell(String(inv.id), role: .value),
            TableCell(inv.date?.description ?? "-", role: .value),
            TableCell(inv.dueDate?.description ?? "-", role: overdue ? .overdue : .value),
            TableCell(inv.total.formatted, role: .money),
            TableCell(status, role: overdue ? .overdue : role(for: inv.status)),
        ], isMarked: list.isMarked(at: position))
    }

    /// The colour a status takes.
    static func role(for status: InvoiceStatus) -> StyleRole {
        switch status {
        case .paid: return .paid
        case .unpaid: return .unpaid
        case .cancelled: return .cancelled
        case .refunded: return .refunded
        case .collections: return .collections
        case .draft: return .draft
        case .paymentPending: return .paymentPending
        case .other: return .muted
        }
    }

    /// `Unpaid overdue "1234"`, or empty when nothing is filtered.
    static func describe(_ filter: InvoiceFilter) -> String {
        var parts = filter.statuses.map(\.description).sorted()
        if filter.overdueOnly { parts.append("overdue") }
        if !filter.query.isEmpty { parts.append("\"\(filter.query)\"") }
        return parts.joined(separator: " ")
    }

    /// The footer's left side: the filter, the sort (its column may be hidden on a narrow pane)
    /// and the marks.
    private static func caption(_ console: Console, glyphs: Glyphs) -> String {
        let list = console.list
        let filter = describe(list.filter)
        let arrow = list.sort.ascending ? glyphs.sortAscending : glyphs.sortDescending
        var parts: [String] = [filter.isEmpty ? "/ filter" : "filter: " + filter, "sort: \(list.sort.column.title) \(arrow)"]
        if !list.marks.isEmpty { parts.append("\(list.marks.count) marked") }
        return parts.joined(separator: "  ")
    }

    private static func emptyText(_ console: Console) -> String {
        if console.customer.invoicesError != nil { return "" }
        if console.customer.invoicesLoading { return "Loading invoices…" }
        if !console.list.filter.isEmpty { return "No invoice matches the filter (Esc clears it)." }
        return "No invoices."
    }

    private static func drawTotals(_ list: InvoiceList, into canvas: inout Canvas, row: Int, col: Int, width: Int) {
        let t = list.totals
        var x = col
        let end = col + width
        let parts: [(String, String, StyleRole)] = [
            ("Shown ", "\(t.shown)", .value),
            ("  Unpaid ", t.unpaid.formatted, .unpaid),
            ("  Overdue ", t.overdue.formatted, .overdue),
        ]
        for (label, value, role) in parts where x < end {
            x = canvas.put(text: label, row: row, col: x, style: .label, limit: end)
            x = canvas.put(text: value, row: row, col: x, style: role, limit: end)
        }
    }
}
