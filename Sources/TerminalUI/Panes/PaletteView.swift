import ConsoleCore

/// The command palette: a `:` input line, the last error under it, and the commands it knows.
enum PaletteView {
    static func draw(_ input: PaletteInput, into canvas: inout Canvas, in bounds: Rect) -> (row: Int, col: Int)? {
        var lines = [ModalLine(runs: [(":", .label), (input.text, .input)], hasCursor: true, fill: .input)]
        if let error = input.error {
            lines.append(ModalLine(error, .error))
        } else {
            lines.append(.blank)
            lines.append(ModalLine("Commands: " + PaletteCommand.names.joined(separator: ", ") + " (e.g. invoice 123, server 456)", .muted))
        }
        // Near the top, where the eye already is after pressing `:`.
        let area = Rect(row: bounds.row, col: bounds.col, width: bounds.width, height: min(bounds.height, lines.count + 10))
        return ModalSheet(title: "Command", lines: lines, hints: "Enter run  Esc close", maxWidth: 72).draw(into: &canvas, in: area)
    }
}
