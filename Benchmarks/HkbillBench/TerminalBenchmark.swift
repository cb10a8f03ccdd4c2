import Foundation

/// Issue 5's terminal figures, measured on a real pseudo-terminal by `Benchmarks/scripts/pty_terminal.py`:
/// start-up of `hkbill --demo` to the first full screen, and the bytes written for a selection
/// move and a one-row scroll against a full redraw (ncurses diffing, never clear and redraw).
enum TerminalBenchmark {
    static func run(hkbill: String?) {
        Bench.header("hkbill --demo on a pty, 200x60 (issue 5)")
        guard let hkbill, FileManager.default.isExecutableFile(atPath: hkbill) else { print("  pass --hkbill PATH"); return }
        guard let python = Bench.which("python3") else { print("  python3 is not installed"); return }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/pty_terminal.py").path
        guard let out = Bench.run(python, [script, hkbill, "200", "60"]) else { print("  the pty measurement failed"); return }
        var figures: [String: Double] = [:]
        for line in out.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let v = Double(parts[1]) { figures[String(parts[0])] = v }
        }
        let startup = figures["startup_ms"] ?? .nan
        let full = figures["full_redraw_bytes"] ?? .nan
        let move = figures["selection_move_bytes"] ?? .nan
        let scroll = figures["scroll_one_row_bytes"] ?? .nan
        print("  start-up to the first full screen: median \(Bench.fmt(startup, 1)) ms (target < 200)")
        print("  full redraw: \(Int(full)) bytes; selection move: \(Int(move)) bytes; one-row scroll: \(Int(scroll)) bytes "
              + "(\(Bench.fmt(scroll / full * 100, 1))% of a full redraw, target < 25%)")
    }
}
