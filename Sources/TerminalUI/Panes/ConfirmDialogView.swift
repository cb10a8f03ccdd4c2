import BillingAPI
import ConsoleCore

/// The one confirm dialog: what the write does in words, then exactly what will be sent (the
/// action and every parameter, secrets masked), the typed confirmation field when one is
/// required, and the write's phase: sending, done, failed with advice, or outcome unknown.
enum ConfirmDialogView {
    static func draw(_ dialog: ConfirmDialog, into canvas: inout Canvas, in bounds: Rect) -> (row: Int, col: Int)? {
        let write = dialog.write
        var lines: [ModalLine] = write.summary.map { ModalLine($0, .dialog) }
        lines.append(.blank)
        lines.append(ModalLine("Will send:", .label))
        let params = write.displayParameters.fields
        let labelWidth = min(24, max(6, ([6] + params.map { DisplayWidth.of($0.name) }).max() ?? 6))
        lines.append(.field("action", write.action.rawValue, labelWidth: labelWidth + 2, role: .value))
        for p in params {
            lines.append(.field("  " + p.name, p.value.isEmpty ? "(empty)" : p.value, labelWidth: labelWidth + 2, role: .value))
        }
        var hints: String
        switch dialog.phase {
        case .asking:
            if let required = write.typedConfirmation {
                lines.append(.blank)
                lines.append(ModalLine("To confirm, type \(required):", .warning))
                lines.append(ModalLine(runs: [("> ", .label), (dialog.typed, .input)], hasCursor: true, fill: .input))
                hints = dialog.canConfirm ? "Enter send  Esc cancel" : "type \(required), then Enter  Esc cancel"
            } else {
                hints = "Enter or y: send   Esc or n: cancel"
            }
        case .sending:
            lines.append(.blank)
            lines.append(ModalLine("Sending… (another Enter sends nothing)", .info))
            hints = "waiting for the answer"
        case .done(let message):
            lines.append(.blank)
            lines.append(ModalLine(message, .success))
            hints = "Enter or Esc: close"
        case .failed(let message, let advice):
            lines.append(.blank)
            lines.append(ModalLine("Failed: " + message, .error))
            if let advice { lines.append(ModalLine(advice, .warning)) }
            hints = "Enter or Esc: close"
        case .outcomeUnknown(let message):
            lines.append(.blank)
            lines.append(ModalLine(message, .warning))
            lines.append(ModalLine("Check the re-read state before doing it again; it is not resent.", .warning))
            hints = "Enter or Esc: close"
        }
        let sheet = ModalSheet(title: "Confirm: " + write.action.rawValue, lines: lines, hints: hints, maxWidth: 80)
        return sheet.draw(into: &canvas, in: bounds)
    }
}
