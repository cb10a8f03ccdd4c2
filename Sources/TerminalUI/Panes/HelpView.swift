import ConsoleCore

/// The help panel, generated from the key map (so the user's own bindings show, pane-only keys
/// included), in as many columns as the height needs.
enum HelpView {
    static func draw(_ keyMap: KeyMap, into canvas: inout Canvas, in bounds: Rect) {
        let entries = keyMap.helpLines.map { (keys: $0.keys, summary: $0.summary) }
        let keyWidth = min(16, (entries.map { DisplayWidth.of($0.keys) }.max() ?? 4) + 1)
        let sheetWidth = min(max(20, bounds.width - 4), 110)   // as wide as ModalSheet makes it
        let room = max(1, bounds.height - 6)                  // frame, padding, hints
        let columns = max(1, min((entries.count + room - 1) / room, max(1, (sheetWidth - 4) / 34)))
        let perColumn = (entries.count + columns - 1) / columns
        let columnWidth = max(10, (sheetWidth - 4 - 2 * (columns - 1)) / columns)
        var lines: [ModalLine] = []
        for r in 0..<perColumn {
            var runs: [(text: String, role: StyleRole)] = []
            for c in 0..<columns {
                let i = c * perColumn + r
                guard i < entries.count else { break }
                if c > 0 { runs.append(("  ", .dialog)) }
                let e = entries[i]
                runs.append((DisplayWidth.fit(e.keys, toWidth: keyWidth), .statusKey))
                runs.append((DisplayWidth.fit(e.summary, toWidth: columnWidth - keyWidth), .dialog))
            }
            lines.append(ModalLine(runs: runs))
        }
        ModalSheet(title: "Keys", lines: lines, hints: "any key closes", maxWidth: sheetWidth).draw(into: &canvas, in: bounds)
    }
}
