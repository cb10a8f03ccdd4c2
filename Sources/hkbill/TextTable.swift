import Foundation
import TerminalUI

/// Plain-text tables for the command-line commands (`profile list`, `journal`): left-aligned
/// columns two spaces apart, padded by display width so Cyrillic and CJK names line up.
func alignedColumns(_ rows: [[String]]) -> [String] {
    let count = rows.map(\.count).max() ?? 0
    let widths = (0..<count).map { c in rows.map { c < $0.count ? DisplayWidth.of($0[c]) : 0 }.max() ?? 0 }
    return rows.map { row in
        row.enumerated().map { c, cell in
            c == row.count - 1 ? cell : DisplayWidth.pad(cell, toWidth: widths[c], alignment: .left)
        }.joined(separator: "  ")
    }.map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
}

/// Writes `text` to standard error as it is (the caller adds the newline).
func writeToStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
