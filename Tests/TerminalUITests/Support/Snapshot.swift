import Foundation
import Testing
import TerminalUI

/// Compares a canvas with a text snapshot kept in `Tests/TerminalUITests/Snapshots/NAME.txt`.
/// With `HKBILL_RECORD_SNAPSHOTS=1` the snapshot is (re)written in the source tree instead.
/// A mismatch fails with both screens side by side, differing lines marked with `>`.
enum Snapshot {
    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["HKBILL_RECORD_SNAPSHOTS"] == "1"
    }

    /// The Snapshots folder in the source tree, found from this file's own path.
    static var sourceDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Snapshots")
    }

    static func expect(_ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = canvas.render() + "\n"
        if isRecording {
            let url = sourceDirectory.appendingPathComponent(name + ".txt")
            do {
                try actual.write(to: url, atomically: true, encoding: .utf8)
                print("recorded snapshot \(url.path)")
            } catch {
                Issue.record("cannot record snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Snapshots"),
              let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("""
                no snapshot '\(name)'; run with HKBILL_RECORD_SNAPSHOTS=1 to record it. The screen was:
                \(framed(actual))
                """, sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let comparison = sideBySide(expected: expected, actual: actual)
            Issue.record("snapshot '\(name)' differs (expected | actual, '>' marks differing lines):\n\(comparison)",
                         sourceLocation: sourceLocation)
        }
    }

    static func lines(_ text: String) -> [String] {
        var l = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if l.last == "" { l.removeLast() }
        return l
    }

    static func framed(_ text: String) -> String {
        lines(text).map { "|" + $0 }.joined(separator: "\n")
    }

    /// Both screens next to each other, padded by display width so columns line up.
    static func sideBySide(expected: String, actual: String) -> String {
        let e = lines(expected), a = lines(actual)
        let leftWidth = e.map { DisplayWidth.of($0) }.max() ?? 0
        var out: [String] = []
        for i in 0..<max(e.count, a.count) {
            let left = i < e.count ? e[i] : ""
            let right = i < a.count ? a[i] : ""
            let mark = (i < e.count && i < a.count && left == right) ? " " : ">"
            out.append("\(mark)\(String(format: "%3d", i + 1)) \(DisplayWidth.pad(left, toWidth: leftWidth)) | \(right)")
        }
        return out.joined(separator: "\n")
    }
}
