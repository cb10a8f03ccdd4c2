/// How a table column gets its width from the space available.
public enum ColumnWidth: Sendable, Hashable {
    /// Exactly this many cells.
    case fixed(Int)
    /// At least `min` cells, plus a `weight`-proportional share of what is left over.
    case flexible(min: Int, weight: Int)

    /// A flexible column that never gets narrower than `n`.
    public static func min(_ n: Int) -> ColumnWidth { .flexible(min: n, weight: 1) }
    /// A flexible column with a small minimum.
    public static let flexible = ColumnWidth.flexible(min: 4, weight: 1)

    var minimum: Int {
        switch self {
        case .fixed(let n): return Swift.max(0, n)
        case .flexible(let m, _): return Swift.max(1, m)
        }
    }
}

/// One column of a `TableView`: title, width policy and alignment (money is right-aligned).
public struct TableColumn: Sendable, Hashable {
    public var title: String
    public var width: ColumnWidth
    public var alignment: TextAlignment
    /// When the table is too narrow for every column, the lowest priority goes first (the
    /// rightmost among equals).
    public var priority: Int

    public init(_ title: String, width: ColumnWidth = .flexible, alignment: TextAlignment = .left, priority: Int = 0) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.priority = priority
    }

    /// The widths the columns get in `available` cells, with one space between columns; a
    /// column that does not fit at all gets 0 (and is not drawn).
    public static func layout(_ columns: [TableColumn], width available: Int) -> [Int] {
        guard !columns.isEmpty, available > 0 else { return columns.map { _ in 0 } }
        var included = Array(columns.indices)
        func needed() -> Int { included.reduce(0) { $0 + columns[$1].width.minimum } + included.count - 1 }
        while included.count > 1 && needed() > available {
            let lowest = included.min { a, b in
                columns[a].priority != columns[b].priority ? columns[a].priority < columns[b].priority : a > b
            }
            included.removeAll { $0 == lowest }
        }
        var widths = columns.map { _ in 0 }
        for i in included { widths[i] = columns[i].width.minimum }
        if included.count == 1, let only = included.first {
            widths[only] = min(widths[only], available)
        }
        var extra = available - needed()
        let flexible = included.compactMap { i -> (Int, Int)? in
            if case .flexible(_, let weight) = columns[i].width { return (i, Swift.max(1, weight)) }
            return nil
        }
        let totalWeight = flexible.reduce(0) { $0 + $1.1 }
        if extra > 0 && totalWeight > 0 {
            let share = extra
            for (i, weight) in flexible {
                let add = share * weight / totalWeight
                widths[i] += add
                extra -= add
            }
            for (i, _) in flexible where extra > 0 {
                widths[i] += 1
                extra -= 1
            }
        }
        return widths
    }
}
