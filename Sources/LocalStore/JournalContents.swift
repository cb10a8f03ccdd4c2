import Foundation

/// Everything readable in the journal file, plus the line numbers that could not be used (a line
/// torn by a full disk, an outcome whose pending line is missing), so they are reported, not hidden.
public struct JournalContents: Sendable, Equatable {
    /// Merged entries in the order their pending lines were written, newest last.
    public var entries: [JournalEntry]
    /// 1-based line numbers of lines that were skipped.
    public var unreadableLines: [Int]

    public init(entries: [JournalEntry] = [], unreadableLines: [Int] = []) {
        self.entries = entries
        self.unreadableLines = unreadableLines
    }
}
