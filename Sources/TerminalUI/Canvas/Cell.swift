/// One cell of a `Canvas`: a grapheme (or the right half of a wide one) with its style role and
/// extra attributes. Plain integers, so a frame copies, clears and compares at memory speed.
public struct Cell: Sendable, Hashable {
    /// A Unicode scalar value for a single-scalar grapheme, `Cell.continuationCode` for the right
    /// half of a wide character, or `Cell.clusterBase + i` for cluster `i` of the canvas's table.
    public internal(set) var code: UInt32
    public internal(set) var role: StyleRole
    public internal(set) var attributes: TextAttributes

    init(code: UInt32, role: StyleRole, attributes: TextAttributes) {
        self.code = code
        self.role = role
        self.attributes = attributes
    }

    static let continuationCode: UInt32 = 0
    static let spaceCode: UInt32 = 0x20
    /// Above the last Unicode scalar: codes from here on index the canvas's cluster table.
    static let clusterBase: UInt32 = 0x11_0000

    /// The right half of a wide character: nothing of its own is drawn there.
    public var isContinuation: Bool { code == Cell.continuationCode }
    var isCluster: Bool { code >= Cell.clusterBase }

    static func blank(_ role: StyleRole, _ attributes: TextAttributes = []) -> Cell {
        Cell(code: spaceCode, role: role, attributes: attributes)
    }
}

/// A run of changed cells on one row, `startCol..<endCol`: what a screen must rewrite.
public struct CanvasSpan: Sendable, Hashable, CustomStringConvertible {
    public var row: Int
    public var startCol: Int
    public var endCol: Int

    public init(row: Int, startCol: Int, endCol: Int) {
        self.row = row
        self.startCol = startCol
        self.endCol = endCol
    }

    public var width: Int { endCol - startCol }
    public var description: String { "row \(row) [\(startCol)..<\(endCol)]" }
}
