import ConsoleCore

/// The bottom line: the keys that work in the current context (taken from the key map, so
/// overrides show) and the last message in its kind's colour, with the spinner while calls run.
enum StatusLine {
    static func draw(_ console: Console, context: RenderContext, into canvas: inout Canvas, in rect: Rect) {
        guard rect.height > 0 else { return }
        var message = console.status.map { ReadableText.of($0.text) }
        if console.inFlight > 0 {
            let spin = String(Spinner.frame(context.spinnerTick, glyphs: canvas.glyphs))
            message = spin + " " + (message ?? "working…")
        }
        StatusBar(hints: hints(console), message: message, messageRole: role(console.status?.kind))
            .draw(into: &canvas, row: rect.row, col: rect.col, width: rect.width)
    }

    static func role(_ kind: StatusMessage.Kind?) -> StyleRole {
        switch kind {
        case .success?: return .success
        case .warning?: return .warning
        case .error?: return .error
        case .info?, nil: return .info
        }
    }

    /// The hints for what has the keyboard now.
    static func hints(_ console: Console) -> [StatusBar.Hint] {
        typealias H = StatusBar.Hint
        if let confirm = console.confirm {
            switch confirm.phase {
            case .asking: return confirm.write.typedConfirmation == nil
                ? [H("Enter", "send"), H("Esc", "cancel")] : [H("type", "the id"), H("Enter", "send"), H("Esc", "cancel")]
            case .sending: return [H("…", "sending, wait")]
            default: return [H("Enter", "close")]
            }
        }
        switch console.modal {
        case .form?: return [H("Tab", "next field"), H("Enter", "submit"), H("Esc", "cancel")]
        case .cancellation?: return [H("Enter", "next"), H("Esc", "back")]
        case .palette?: return [H("Enter", "run"), H("Esc", "close")]
        case .help?: return [H("any key", "close")]
        case nil: break
        }
        let map = console.environment.keyMap
        func hint(_ command: Command, _ label: String) -> H? {
            // A letter reads best in a hint (`n` rather than `Ins`), when one is bound.
            let keys = map.keys(for: command)
            let letter = keys.first { if case .char = $0 { return true } else { return false } }
            return (letter ?? keys.first).map { H($0.description, label) }
        }
        var out: [H?]
        switch console.focus {
        case .invoices:
            out = [hint(.open, "open"), hint(.filter, "filter"), hint(.sortColumn, "sort"), hint(.mark, "mark"),
                   hint(.applyCredit, "apply credit"), hint(.massPay, "mass pay"), hint(.addFunds, "add funds"),
                   hint(.unpaidOnly, "unpaid"), hint(.overdueOnly, "overdue")]
        case .detail:
            out = [hint(.back, "back"), hint(.applyCredit, "apply credit"), hint(.download, "PDF"),
                   hint(.copyID, "copy link"), hint(.pageDown, "scroll"), hint(.cancellation, "cancel server")]
        case .profile:
            out = [hint(.open, "edit contact"), hint(.addContact, "new contact"), hint(.deleteContact, "delete"),
                   hint(.editProfile, "edit profile"), hint(.resetPassword, "password")]
        }
        out += [hint(.nextPane, "pane"), hint(.help, "help"), hint(.palette, "command"), hint(.quit, "quit")]
        return out.compactMap { $0 }
    }
}
