import ConsoleCore

/// A dialog form: its notes, then each field as `label  value` (secrets masked, toggles and
/// choices shown as such) with the focused one highlighted and any error under it, then the
/// form's general error.
enum FormDialogView {
    static func draw(_ form: DialogForm, into canvas: inout Canvas, in bounds: Rect,
                     active: Bool = true) -> (row: Int, col: Int)? {
        var lines: [ModalLine] = form.notes.map { ModalLine($0, .muted) }
        if !lines.isEmpty { lines.append(.blank) }
        let labelWidth = min(28, (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 8) + 1)
        for (i, field) in form.fields.enumerated() {
            let focused = i == form.focused
            let value = shown(field, bullet: canvas.glyphs.bullet)
            let editable: Bool
            switch field.kind {
            case .text, .secret: editable = true
            case .toggle, .choice: editable = false
            }
            lines.append(ModalLine(runs: [(DisplayWidth.fit(field.label, toWidth: labelWidth), focused ? .title : .label),
                                          (" ", .dialog), (value, focused ? .input : .value)],
                                   hasCursor: focused && active && editable, fill: nil))
            if let error = field.error { lines.append(ModalLine(String(repeating: " ", count: labelWidth + 1) + error, .error)) }
        }
        if let error = form.error {
            lines.append(.blank)
            lines.append(ModalLine(error, .error))
        }
        let hints = "Tab/↓ next field  Space toggles  Enter submit  Esc cancel"
        return ModalSheet(title: form.title, lines: lines, hints: hints, maxWidth: 78).draw(into: &canvas, in: bounds)
    }

    /// A field's value as drawn: secrets as bullets, toggles as a box, choices between arrows.
    static func shown(_ field: FormField, bullet: Character) -> String {
        switch field.kind {
        case .text: return field.value
        case .secret: return String(repeating: bullet, count: field.value.count)
        case .toggle: return field.isOn ? "[x] yes" : "[ ] no"
        case .choice(let options): return "‹ \(field.value.isEmpty ? (options.first ?? "") : field.value) ›"
        }
    }
}
