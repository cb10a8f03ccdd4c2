import ConsoleCore

/// Mouse events as intents: a click focuses the pane under it and selects the list row (a
/// click on the selected row opens it, a click on a column title sorts by it); the wheel moves
/// the cursor of the pane under it by three rows. While a dialog is up the mouse does nothing,
/// so a stray click can never confirm or dismiss a write; the help panel closes on a click.
enum ConsoleMouse {
    static let wheelStep = 3

    static func intents(for mouse: MouseEvent, layout: ConsoleLayout, console: Console) -> [Intent] {
        guard layout.mode != .tooSmall, mouse.kind != .release else { return [] }
        if console.confirm != nil { return [] }
        if let modal = console.modal {
            return modal == .help && mouse.kind == .press ? [.toggleHelp] : []
        }
        guard let pane = pane(at: mouse, layout) else { return [] }
        var out: [Intent] = console.focus == pane ? [] : [.focus(pane)]
        switch mouse.kind {
        case .wheelUp: out += Array(repeating: .moveUp, count: wheelStep)
        case .wheelDown: out += Array(repeating: .moveDown, count: wheelStep)
        case .press:
            if pane == .invoices, let rect = layout.list { out += listClick(mouse, rect: rect, console: console) }
        case .release: break
        }
        if console.isEditingFilter && !out.isEmpty && pane != .invoices { out.insert(.back, at: 0) }
        return out
    }

    /// The pane under the pointer (the server panel belongs to no focusable pane).
    static func pane(at mouse: MouseEvent, _ layout: ConsoleLayout) -> Pane? {
        let p = (mouse.row, mouse.column)
        if let r = layout.list, r.contains(row: p.0, col: p.1) { return .invoices }
        if let r = layout.profile, r.contains(row: p.0, col: p.1) { return .profile }
        if let r = layout.detail, r.contains(row: p.0, col: p.1) { return .detail }
        return nil
    }

    private static func listClick(_ mouse: MouseEvent, rect: Rect, console: Console) -> [Intent] {
        let list = console.list
        let table = InvoiceListPane.tableRect(in: rect)
        if mouse.row == table.row { return sortClick(mouse, table: table, console: console) }
        let visible = TableView.visibleRowCount(in: table)
        let offset = TableView.adjustedOffset(selected: list.cursor, offset: list.top, visibleRows: visible, rowCount: list.count)
        let index = offset + (mouse.row - table.row - 1)
        guard mouse.row > table.row, mouse.row <= table.row + visible, index < list.count, !list.isEmpty else { return [] }
        let delta = index - list.cursor
        if delta == 0 { return console.focus == .invoices ? [.activate] : [] }
        return Array(repeating: delta > 0 ? .moveDown : .moveUp, count: abs(delta))
    }

    /// A click on a column title sorts by that column; on the sorted one it reverses the order.
    private static func sortClick(_ mouse: MouseEvent, table: Rect, console: Console) -> [Intent] {
        let markerWidth = 2
        let widths = TableColumn.layout(InvoiceListPane.columns(console.list), width: table.width - markerWidth - 2)
        var x = table.col + markerWidth
        for (i, w) in widths.enumerated() where w > 0 {
            if mouse.column >= x && mouse.column < x + w, let column = InvoiceColumn(rawValue: i) {
                let sort = console.list.sort
                return [.sortBy(InvoiceSort(column: column, ascending: sort.column == column ? !sort.ascending : true))]
            }
            x += w + 1
        }
        return []
    }
}
