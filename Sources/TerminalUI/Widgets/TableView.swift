/// A table of rows drawn into a rectangle: a header (the sort column marked ▲/▼), the visible
/// rows with per-cell colours, the selection highlighted, marked rows flagged, a scroll bar and a
/// footer with a caption (the filter) and the position (`120/100000`). Rows come from a closure
/// and only the visible ones are asked for, so 100,000 rows cost what 50 do.
public struct TableView {
    public var columns: [TableColumn]
    public var rowCount: Int
    /// The row at an index (only called for visible rows).
    public var row: (Int) -> TableRow
    public var selectedRow: Int?
    /// The first row on screen; see `adjustedOffset` to keep the selection visible.
    public var firstVisibleRow: Int
    public var sort: TableSort?
    /// An unfocused table shows its selection in the inactive colour.
    public var isFocused: Bool
    /// Reserves a marker column on the left.
    public var showsMarkers: Bool
    public var showsFooter: Bool
    /// Left side of the footer: the filter, a count, a hint.
    public var caption: String
    /// Shown instead of rows when there are none.
    public var emptyText: String

    public init(columns: [TableColumn], rowCount: Int, selectedRow: Int? = nil, firstVisibleRow: Int = 0,
                sort: TableSort? = nil, isFocused: Bool = true, showsMarkers: Bool = false,
                showsFooter: Bool = true, caption: String = "", emptyText: String = "Nothing to show",
                row: @escaping (Int) -> TableRow) {
        self.columns = columns
        self.rowCount = rowCount
        self.row = row
        self.selectedRow = selectedRow
        self.firstVisibleRow = firstVisibleRow
        self.sort = sort
        self.isFocused = isFocused
        self.showsMarkers = showsMarkers
        self.showsFooter = showsFooter
        self.caption = caption
        self.emptyText = emptyText
    }

    /// How many data rows fit in `rect` (header and footer take one row each).
    public static func visibleRowCount(in rect: Rect, showsFooter: Bool = true) -> Int {
        max(0, rect.height - 1 - (showsFooter ? 1 : 0))
    }

    /// The first visible row that keeps `selected` on screen while moving the view as little as
    /// possible from `offset`.
    public static func adjustedOffset(selected: Int?, offset: Int, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        var o = min(max(0, offset), max(0, rowCount - visibleRows))
        if let s = selected {
            if s < o { o = s }
            if s >= o + visibleRows { o = s - visibleRows + 1 }
        }
        return max(0, o)
    }

    /// `120/100000`: the selected row (1-based) of all rows; `0/0` when empty.
    public static func positionText(selected: Int?, firstVisibleRow: Int, rowCount: Int) -> String {
        guard rowCount > 0 else { return "0/0" }
        return "\((selected ?? firstVisibleRow) + 1)/\(rowCount)"
    }

    /// Draws the table into `rect`.
    public func draw(into canvas: inout Canvas, in rect: Rect) {
        let area = rect.intersection(canvas.bounds)
        guard area.height >= 1, area.width >= 4 else { return }
        canvas.fill(area, style: .normal)
        let markerWidth = showsMarkers ? 2 : 0
        let contentCol = area.col + markerWidth
        let contentWidth = area.width - markerWidth - 2            // a gap, then the scroll bar
        let widths = TableColumn.layout(columns, width: contentWidth)
        drawHeader(into: &canvas, row: area.row, col: contentCol, widths: widths)
        let visible = TableView.visibleRowCount(in: area, showsFooter: showsFooter)
        let offset = TableView.adjustedOffset(selected: selectedRow, offset: firstVisibleRow,
                                              visibleRows: visible, rowCount: rowCount)
        if rowCount == 0 && visible > 0 {
            canvas.putFitted(text: emptyText, row: area.row + 1, col: contentCol + 1,
                             width: contentWidth - 1, style: .muted)
        }
        for i in 0..<min(visible, max(0, rowCount - offset)) {
            drawRow(offset + i, into: &canvas, row: area.row + 1 + i, area: area, contentCol: contentCol, widths: widths)
        }
        ScrollBar.draw(into: &canvas, row: area.row + 1, col: area.endCol - 1, height: visible,
                       total: rowCount, visible: visible, offset: offset)
        if showsFooter && area.height >= 2 {
            drawFooter(into: &canvas, row: area.endRow - 1, area: area, offset: offset)
        }
    }

    // MARK: - Internal

    private func drawHeader(into canvas: inout Canvas, row: Int, col: Int, widths: [Int]) {
        var x = col
        for (i, column) in columns.enumerated() where widths[i] > 0 {
            let w = widths[i]
            var title = column.title
            if let sort, sort.column == i {
                let arrow = String(sort.ascending ? canvas.glyphs.sortAscending : canvas.glyphs.sortDescending)
                title = w > 2 ? DisplayWidth.truncate(title, toWidth: w - 2, ellipsis: canvas.glyphs.ellipsis) + " " + arrow : arrow
            }
            canvas.putFitted(text: title, row: row, col: x, width: w, alignment: column.alignment, style: .tableHeader)
            x += w + 1
        }
    }

    private func drawRow(_ index: Int, into canvas: inout Canvas, row: Int, area: Rect, contentCol: Int, widths: [Int]) {
        let data = self.row(index)
        let selected = index == selectedRow
        let selectionRole: StyleRole = isFocused ? .selection : .selectionInactive
        if selected {
            canvas.fill(Rect(row: row, col: area.col, width: area.width - 2, height: 1), style: selectionRole)
        }
        if showsMarkers && data.isMarked {
            canvas.put(canvas.glyphs.marker, row: row, col: area.col, style: selected ? selectionRole : .marked)
        }
        var x = contentCol
        for (i, column) in columns.enumerated() where widths[i] > 0 {
            let cell = i < data.cells.count ? data.cells[i] : TableCell("")
            canvas.putFitted(text: cell.text, row: row, col: x, width: widths[i], alignment: column.alignment,
                             style: selected ? selectionRole : cell.role)
            x += widths[i] + 1
        }
    }

    private func drawFooter(into canvas: inout Canvas, row: Int, area: Rect, offset: Int) {
        let position = TableView.positionText(selected: selectedRow, firstVisibleRow: offset, rowCount: rowCount)
        let positionWidth = DisplayWidth.of(position)
        canvas.put(text: position, row: row, col: max(area.col, area.endCol - positionWidth),
                   style: .muted, limit: area.endCol)
        let captionWidth = area.width - positionWidth - 1
        if captionWidth > 0 && !caption.isEmpty {
            canvas.putFitted(text: caption, row: row, col: area.col, width: captionWidth, style: .label)
        }
    }
}
