// Frames and rules drawn with the canvas's line characters (box drawing, or ASCII).

extension Canvas {
    /// Draws a frame around the edge of `rect` (nothing when it is smaller than 2x2).
    public mutating func drawBox(_ rect: Rect, style: StyleRole = .border) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let g = glyphs
        let right = rect.endCol - 1, bottom = rect.endRow - 1
        horizontalLine(row: rect.row, col: rect.col + 1, width: rect.width - 2, style: style)
        horizontalLine(row: bottom, col: rect.col + 1, width: rect.width - 2, style: style)
        verticalLine(row: rect.row + 1, col: rect.col, height: rect.height - 2, style: style)
        verticalLine(row: rect.row + 1, col: right, height: rect.height - 2, style: style)
        put(g.topLeft, row: rect.row, col: rect.col, style: style)
        put(g.topRight, row: rect.row, col: right, style: style)
        put(g.bottomLeft, row: bottom, col: rect.col, style: style)
        put(g.bottomRight, row: bottom, col: right, style: style)
    }

    /// A horizontal rule of `width` cells.
    public mutating func horizontalLine(row: Int, col: Int, width w: Int, style: StyleRole = .border) {
        fill(Rect(row: row, col: col, width: w, height: 1), with: glyphs.horizontal, style: style)
    }

    /// A vertical rule of `height` cells.
    public mutating func verticalLine(row: Int, col: Int, height h: Int, style: StyleRole = .border) {
        fill(Rect(row: row, col: col, width: 1, height: h), with: glyphs.vertical, style: style)
    }
}
