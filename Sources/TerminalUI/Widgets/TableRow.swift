/// One cell of a table: its text and what it means (for colour).
public struct TableCell: Sendable, Hashable, ExpressibleByStringLiteral {
    public var text: String
    public var role: StyleRole

    public init(_ text: String, role: StyleRole = .normal) {
        self.text = text
        self.role = role
    }

    public init(stringLiteral value: String) { self.init(value) }
}

/// One row of a table: a cell per column, and whether the user marked it (for mass actions).
public struct TableRow: Sendable, Hashable {
    public var cells: [TableCell]
    public var isMarked: Bool

    public init(_ cells: [TableCell], isMarked: Bool = false) {
        self.cells = cells
        self.isMarked = isMarked
    }
}

/// Which column a table is sorted by, and in which direction (shown in its header).
public struct TableSort: Sendable, Hashable {
    public var column: Int
    public var ascending: Bool

    public init(column: Int, ascending: Bool) {
        self.column = column
        self.ascending = ascending
    }
}
