/// A rectangle of cells on a canvas: where a widget draws. Rows and columns are 0-based.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    public var row: Int
    public var col: Int
    public var width: Int
    public var height: Int

    public init(row: Int, col: Int, width: Int, height: Int) {
        self.row = row
        self.col = col
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// One past the last row.
    public var endRow: Int { row + height }
    /// One past the last column.
    public var endCol: Int { col + width }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The rectangle shrunk by `by` cells on every side (a frame's inside).
    public func inset(by n: Int) -> Rect {
        Rect(row: row + n, col: col + n, width: width - 2 * n, height: height - 2 * n)
    }

    /// The part of this rectangle inside `other`.
    public func intersection(_ other: Rect) -> Rect {
        let r0 = max(row, other.row), c0 = max(col, other.col)
        let r1 = min(endRow, other.endRow), c1 = min(endCol, other.endCol)
        return Rect(row: r0, col: c0, width: c1 - c0, height: r1 - r0)
    }

    public func contains(row r: Int, col c: Int) -> Bool {
        r >= row && r < endRow && c >= col && c < endCol
    }

    /// A rectangle of `width` x `height` centred in this one (clamped to fit).
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width), ch = min(h, height)
        return Rect(row: row + (height - ch) / 2, col: col + (width - cw) / 2, width: cw, height: ch)
    }

    /// Splits off the top `n` rows: (top, rest).
    public func splitTop(_ n: Int) -> (Rect, Rect) {
        let k = min(max(0, n), height)
        return (Rect(row: row, col: col, width: width, height: k),
                Rect(row: row + k, col: col, width: width, height: height - k))
    }

    /// Splits off the bottom `n` rows: (rest, bottom).
    public func splitBottom(_ n: Int) -> (Rect, Rect) {
        let k = min(max(0, n), height)
        return (Rect(row: row, col: col, width: width, height: height - k),
                Rect(row: endRow - k, col: col, width: width, height: k))
    }

    /// Splits off the left `n` columns: (left, rest).
    public func splitLeft(_ n: Int) -> (Rect, Rect) {
        let k = min(max(0, n), width)
        return (Rect(row: row, col: col, width: k, height: height),
                Rect(row: row, col: col + k, width: width - k, height: height))
    }

    public var description: String { "\(width)x\(height)@\(row),\(col)" }
}
