/// An in-memory screen: a grid of cells that widgets draw into and the terminal screen copies out.
/// Writing clips at the edges and keeps wide characters whole (a wide character takes two cells,
/// the second a continuation; half of one is never left behind). `render()` gives plain text for
/// snapshots; `diff(from:)` tells the screen which cells changed since the previous frame.
public struct Canvas: Sendable {
    public let width: Int
    public let height: Int
    /// The drawing characters for this terminal (box drawing or ASCII).
    public var glyphs: Glyphs
    var cells: [Cell]
    /// Graphemes of more than one scalar (`é` as e + accent, flags, ZWJ emoji), interned per canvas.
    var clusters: [String] = []
    var clusterCodes: [String: UInt32] = [:]

    public init(width: Int, height: Int, glyphs: Glyphs = .unicode, role: StyleRole = .normal) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.glyphs = glyphs
        cells = Array(repeating: .blank(role), count: self.width * self.height)
    }

    /// The whole canvas as a rectangle.
    public var bounds: Rect { Rect(row: 0, col: 0, width: width, height: height) }

    // MARK: - Reading

    /// The cell at a position, or nil outside the canvas.
    public func cell(row: Int, col: Int) -> Cell? {
        guard row >= 0, row < height, col >= 0, col < width else { return nil }
        return cells[row * width + col]
    }

    /// The grapheme drawn at a position; nil outside the canvas and on a wide character's right half.
    public func character(row: Int, col: Int) -> Character? {
        guard let c = cell(row: row, col: col), !c.isContinuation else { return nil }
        return character(of: c)
    }

    /// The style role at a position, or nil outside the canvas.
    public func role(row: Int, col: Int) -> StyleRole? { cell(row: row, col: col)?.role }

    /// The grapheme a cell holds (a space for a continuation cell).
    public func character(of cell: Cell) -> Character {
        if cell.isCluster {
            let i = Int(cell.code - Cell.clusterBase)
            return i < clusters.count ? Character(clusters[i]) : " "
        }
        if cell.isContinuation { return " " }
        return Character(Unicode.Scalar(cell.code) ?? " ")
    }

    /// The scalars of a cell's grapheme, for output.
    public func scalars(of cell: Cell) -> String.UnicodeScalarView {
        if cell.isCluster {
            let i = Int(cell.code - Cell.clusterBase)
            return (i < clusters.count ? clusters[i] : " ").unicodeScalars
        }
        return String(character(of: cell)).unicodeScalars
    }

    /// One row as text: continuation cells skipped, trailing spaces kept.
    public func text(row: Int) -> String {
        guard row >= 0, row < height else { return "" }
        var out = ""
        out.reserveCapacity(width)
        let base = row * width
        for i in base..<(base + width) {
            let c = cells[i]
            if c.isContinuation { continue }
            if c.isCluster {
                out += clusters[Int(c.code - Cell.clusterBase)]
            } else if let s = Unicode.Scalar(c.code) {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// The canvas as plain text, one line per row, trailing spaces trimmed: what snapshots compare.
    public func render() -> String {
        (0..<height).map { row in
            var line = text(row: row)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    // MARK: - Writing

    /// Writes `text` from (`row`, `col`) rightwards, clipped to the canvas and to `limit` (an
    /// exclusive end column). Zero-width graphemes (controls, stray marks) are dropped; a wide
    /// character that would cross the limit becomes a space. Returns the column after the text.
    @discardableResult
    public mutating func put(text: String, row: Int, col: Int, style: StyleRole = .normal,
                             attributes: TextAttributes = [], limit: Int? = nil) -> Int {
        guard row >= 0, row < height else { return col + DisplayWidth.of(text) }
        let end = min(limit ?? width, width)
        var c = col
        if DisplayWidth.isPrintableASCII(text) {
            for byte in text.utf8 {
                if c >= end { return c }
                if c >= 0 { setNarrow(row: row, col: c, code: UInt32(byte), style, attributes) }
                c += 1
            }
            return c
        }
        for ch in text {
            if c >= end { return c }
            c += put(ch, row: row, col: c, style: style, attributes: attributes, end: end)
        }
        return c
    }

    /// Writes one grapheme at (`row`, `col`); returns how many columns it advanced.
    @discardableResult
    public mutating func put(_ character: Character, row: Int, col: Int, style: StyleRole = .normal,
                             attributes: TextAttributes = []) -> Int {
        guard row >= 0, row < height else { return DisplayWidth.of(character) }
        return put(character, row: row, col: col, style: style, attributes: attributes, end: width)
    }

    private mutating func put(_ ch: Character, row: Int, col: Int, style: StyleRole,
                              attributes: TextAttributes, end: Int) -> Int {
        let w = DisplayWidth.of(ch)
        if w == 0 { return 0 }
        if w == 1 {
            if col >= 0 && col < end { setNarrow(row: row, col: col, code: code(for: ch), style, attributes) }
            return 1
        }
        // A wide character needs both cells inside the visible span; otherwise draw a space in
        // the half that is visible so no cell ever holds half of it.
        if col >= 0 && col + 1 < end {
            setWide(row: row, col: col, code: code(for: ch), style, attributes)
        } else if col >= 0 && col < end {
            setNarrow(row: row, col: col, code: Cell.spaceCode, style, attributes)
        } else if col == -1 && end > 0 {
            setNarrow(row: row, col: 0, code: Cell.spaceCode, style, attributes)
        }
        return 2
    }

    /// Writes `text` into `width` cells from (`row`, `col`): truncated with the canvas's ellipsis
    /// when too long, padded with spaces as `alignment` says. The fast path of table cells.
    public mutating func putFitted(text: String, row: Int, col: Int, width fieldWidth: Int,
                                   alignment: TextAlignment = .left, style: StyleRole = .normal,
                                   attributes: TextAttributes = []) {
        guard fieldWidth > 0 else { return }
        let end = col + fieldWidth
        let textWidth = DisplayWidth.of(text)
        var shown = text
        var shownWidth = textWidth
        if textWidth > fieldWidth {
            shown = DisplayWidth.truncate(text, toWidth: fieldWidth, ellipsis: glyphs.ellipsis)
            shownWidth = fieldWidth
        }
        let gap = fieldWidth - shownWidth
        let left: Int
        switch alignment {
        case .left: left = 0
        case .right: left = gap
        case .center: left = gap / 2
        }
        fillRow(row: row, from: col, to: col + left, style: style, attributes: attributes)
        let after = put(text: shown, row: row, col: col + left, style: style, attributes: attributes, limit: end)
        fillRow(row: row, from: after, to: end, style: style, attributes: attributes)
    }

    /// Fills a rectangle (clipped) with a one-cell character.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: StyleRole = .normal,
                              attributes: TextAttributes = []) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        let code = DisplayWidth.of(character) == 1 ? code(for: character) : Cell.spaceCode
        for row in r.row..<r.endRow {
            fillRow(row: row, from: r.col, to: r.endCol, code: code, style: style, attributes: attributes)
        }
    }

    /// Clears the whole canvas to blanks of `style`, forgetting interned clusters.
    public mutating func clear(style: StyleRole = .normal) {
        for i in cells.indices { cells[i] = .blank(style) }
        clusters.removeAll(keepingCapacity: true)
        clusterCodes.removeAll(keepingCapacity: true)
    }

    /// Changes the style of the cells in `rect` without touching their text (a selection bar).
    public mutating func restyle(_ rect: Rect, style: StyleRole, attributes: TextAttributes = []) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for row in r.row..<r.endRow {
            let base = row * width
            for i in (base + r.col)..<(base + r.endCol) {
                cells[i].role = style
                cells[i].attributes = attributes
            }
        }
    }

    // MARK: - Internal cell writes that keep wide characters whole

    mutating func fillRow(row: Int, from: Int, to: Int, code: UInt32 = Cell.spaceCode,
                          style: StyleRole, attributes: TextAttributes) {
        guard row >= 0, row < height else { return }
        let start = max(0, from), end = min(width, to)
        guard start < end else { return }
        let base = row * width
        if cells[base + start].isContinuation && start > 0 { cells[base + start - 1].code = Cell.spaceCode }
        if end < width && cells[base + end].isContinuation { cells[base + end].code = Cell.spaceCode }
        let blank = Cell(code: code, role: style, attributes: attributes)
        for i in (base + start)..<(base + end) { cells[i] = blank }
    }

    private mutating func setNarrow(row: Int, col: Int, code: UInt32, _ style: StyleRole, _ attributes: TextAttributes) {
        let i = row * width + col
        if col > 0 && cells[i].isContinuation { cells[i - 1].code = Cell.spaceCode }
        if col + 1 < width && cells[i + 1].isContinuation { cells[i + 1].code = Cell.spaceCode }
        cells[i] = Cell(code: code, role: style, attributes: attributes)
    }

    private mutating func setWide(row: Int, col: Int, code: UInt32, _ style: StyleRole, _ attributes: TextAttributes) {
        let i = row * width + col
        if col > 0 && cells[i].isContinuation { cells[i - 1].code = Cell.spaceCode }
        if col + 2 < width && cells[i + 2].isContinuation { cells[i + 2].code = Cell.spaceCode }
        cells[i] = Cell(code: code, role: style, attributes: attributes)
        cells[i + 1] = Cell(code: Cell.continuationCode, role: style, attributes: attributes)
    }

    private mutating func code(for ch: Character) -> UInt32 {
        let scalars = ch.unicodeScalars
        if scalars.count == 1, let s = scalars.first { return s.value }
        let text = String(ch)
        if let known = clusterCodes[text] { return known }
        let code = Cell.clusterBase + UInt32(clusters.count)
        clusters.append(text)
        clusterCodes[text] = code
        return code
    }
}
