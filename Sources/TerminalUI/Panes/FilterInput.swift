import ConsoleCore

/// The `/` filter line, drawn over the status line while the query is being typed: the query
/// with the cursor, the status filters that also apply, and what Enter and Esc do.
enum FilterInput {
    static func draw(_ console: Console, into canvas: inout Canvas, in rect: Rect) -> (row: Int, col: Int)? {
        guard rect.width > 4, rect.height > 0 else { return nil }
        canvas.fill(rect, style: .status)
        let list = console.list
        var extra = list.filter.statuses.map(\.description).sorted()
        if list.filter.overdueOnly { extra.append("overdue") }
        let hint = (extra.isEmpty ? "" : "also: " + extra.joined(separator: " ") + "  ")
            + "\(list.count) shown  Enter keep  Esc clear"
        let hintWidth = min(DisplayWidth.of(hint) + 2, rect.width / 2)
        canvas.putFitted(text: " " + hint + " ", row: rect.row, col: rect.endCol - hintWidth, width: hintWidth, style: .status)
        let input = TextInput(text: list.filter.query)
        let col = input.draw(into: &canvas, row: rect.row, col: rect.col, width: rect.width - hintWidth - 1,
                             prompt: "/", placeholder: "id, amount or date")
        return (rect.row, col)
    }
}
