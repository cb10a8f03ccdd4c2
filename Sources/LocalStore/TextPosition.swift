import Foundation

/// A 1-based line and column in a file, computed from a byte offset, for error messages that a
/// user can follow to the spot in an editor.
struct TextPosition: Equatable {
    var line: Int
    var column: Int

    init(offset: Int, in data: Data) {
        var line = 1
        var lineStart = 0
        let end = min(max(offset, 0), data.count)
        var index = 0
        for byte in data.prefix(end) {
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        self.line = line
        column = end - lineStart + 1
    }

    /// Where `"key"` first appears as a quoted string, or nil. Good enough to point at a member
    /// whose value has the wrong type, since JSON carries no positions after parsing.
    static func ofKey(_ key: String, in data: Data) -> TextPosition? {
        guard let range = data.range(of: Data("\"\(key)\"".utf8)) else { return nil }
        return TextPosition(offset: range.lowerBound - data.startIndex, in: data)
    }
}
