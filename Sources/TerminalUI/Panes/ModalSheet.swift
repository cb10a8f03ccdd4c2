/// A framed panel centred over the panes: a title on the frame, lines (wrapped to the inside),
/// and a hint row at the bottom saying which keys work. As tall as its content, never taller
/// than the space; lines that do not fit end in an ellipsis row. Returns where the cursor of
/// the edited field is, if a line holds one.
struct ModalSheet {
    var title: String
    var lines: [ModalLine]
    var hints: String
    /// The widest the sheet may be; it takes the whole width of small terminals.
    var maxWidth: Int = 84

    @discardableResult
    func draw(into canvas: inout Canvas, in bounds: Rect) -> (row: Int, col: Int)? {
        let area = bounds.intersection(canvas.bounds)
        let width = min(maxWidth, max(20, area.width - 4), area.width)
        let innerWidth = max(1, width - 4)
        var body: [ModalLine] = []
        for line in lines {
            if line.wraps, line.runs.count == 1, let run = line.runs.first, DisplayWidth.of(run.text) > innerWidth {
                for part in DisplayWidth.wrap(run.text, toWidth: innerWidth) { body.append(ModalLine(part, run.role, wraps: false)) }
            } else {
                body.append(line)
            }
        }
        let chrome = 4 + (hints.isEmpty ? 0 : 1)           // frame, a blank row above and below, hints
        let height = min(body.count + chrome, area.height)
        let frame = area.centered(width: width, height: height)
        guard frame.width >= 6, frame.height >= 3 else { return nil }
        canvas.fill(frame, style: .dialog)
        canvas.drawBox(frame, style: .dialogBorder)
        if frame.width >= 8, !title.isEmpty {
            let text = DisplayWidth.truncate(title, toWidth: frame.width - 6, ellipsis: canvas.glyphs.ellipsis)
            canvas.put(text: " " + text + " ", row: frame.row, col: frame.col + 2, style: .dialogBorder, attributes: .bold)
        }
        let rows = max(0, frame.height - chrome)
        var cursor: (row: Int, col: Int)?
        for (i, line) in body.prefix(rows).enumerated() {
            let row = frame.row + 2 + i
            if i == rows - 1 && body.count > rows {
                canvas.putFitted(text: canvas.glyphs.ellipsis, row: row, col: frame.col + 2, width: innerWidth, style: .muted)
                break
            }
            if let fill = line.fill {
                canvas.fill(Rect(row: row, col: frame.col + 2, width: innerWidth, height: 1), style: fill)
            }
            var x = frame.col + 2
            let end = frame.col + 2 + innerWidth
            for (n, run) in line.runs.enumerated() {
                let isLast = n == line.runs.count - 1
                let room = end - x - (isLast && line.hasCursor ? 1 : 0)
                guard room > 0 else { break }
                let shown = DisplayWidth.of(run.text) > room
                    ? (line.hasCursor && isLast ? keepEnd(run.text, width: room, ellipsis: canvas.glyphs.ellipsis)
                                                : DisplayWidth.truncate(run.text, toWidth: room, ellipsis: canvas.glyphs.ellipsis))
                    : run.text
                x = canvas.put(text: shown, row: row, col: x, style: run.role, limit: end)
            }
            if line.hasCursor { cursor = (row, min(x, end - 1)) }
        }
        if !hints.isEmpty && frame.height >= 5 {
            canvas.putFitted(text: hints, row: frame.endRow - 2, col: frame.col + 2, width: innerWidth, style: .muted)
        }
        return cursor
    }

    /// The end of `text` in `width` cells, an ellipsis first: a field keeps what is being typed in view.
    private func keepEnd(_ text: String, width: Int, ellipsis: String) -> String {
        var out = ""
        var used = DisplayWidth.of(ellipsis)
        for c in text.reversed() {
            let w = DisplayWidth.of(c)
            if used + w > width { break }
            out.insert(c, at: out.startIndex)
            used += w
        }
        return ellipsis + out
    }
}
