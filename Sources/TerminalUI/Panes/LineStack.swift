import BillingAPI
import ConsoleCore

/// Writes lines downwards inside a rectangle: plain or wrapped text, `label  value` pairs with the
/// value right-aligned (money), section titles. It stops at the bottom edge and remembers whether
/// something was left out, so panes stay simple lists of what they show, in order of importance.
struct LineStack {
    let rect: Rect
    private(set) var row: Int
    /// True once a line did not fit.
    private(set) var overflowed = false
    /// Lines still to pass over before drawing (a scrolled pane), and how many were passed over.
    private var toSkip: Int
    private(set) var skipped = 0
    /// Every line asked for, drawn or not: the content's height.
    private(set) var total = 0

    init(_ rect: Rect, skipping: Int = 0) {
        self.rect = rect
        row = rect.row
        toSkip = max(0, skipping)
    }

    var remaining: Int { max(0, rect.endRow - row) }
    var isFull: Bool { row >= rect.endRow }

    /// One line cut to the width with an ellipsis.
    mutating func line(_ text: String, _ role: StyleRole = .normal, into canvas: inout Canvas, indent: Int = 0,
                       attributes: TextAttributes = []) {
        guard take() else { return }
        canvas.putFitted(text: text, row: row - 1, col: rect.col + indent, width: rect.width - indent,
                         style: role, attributes: attributes)
    }

    /// Text wrapped at spaces over as many lines as it needs (and there are).
    mutating func wrapped(_ text: String, _ role: StyleRole = .normal, into canvas: inout Canvas, indent: Int = 0) {
        for part in DisplayWidth.wrap(text, toWidth: max(1, rect.width - indent)) {
            line(part, role, into: &canvas, indent: indent)
        }
    }

    /// `label` on the left, `value` after it; money and counts right-aligned at the edge.
    mutating func field(_ label: String, _ value: String, _ role: StyleRole = .value, into canvas: inout Canvas,
                        alignRight: Bool = false, labelWidth: Int = 12) {
        guard take() else { return }
        let r = row - 1
        let lw = min(labelWidth, max(0, rect.width - 1))
        canvas.putFitted(text: label, row: r, col: rect.col, width: lw, style: .label)
        let vw = rect.width - lw - 1
        guard vw > 0 else { return }
        canvas.putFitted(text: value, row: r, col: rect.col + lw + 1, width: vw,
                         alignment: alignRight ? .right : .left, style: role)
    }

    /// A section title (`Contacts (3)`), after a blank line unless at the top.
    mutating func section(_ title: String, into canvas: inout Canvas) {
        if row > rect.row { skip() }
        line(title, .title, into: &canvas, attributes: .bold)
    }

    /// A blank line.
    mutating func skip(_ n: Int = 1) {
        for _ in 0..<n { _ = take() }
    }

    /// A loadable's state when it has no value: loading, or its error.
    mutating func state<V>(_ value: Loadable<V>, what: String, into canvas: inout Canvas) {
        if let error = value.error {
            wrapped(ReadableText.of(error), .error, into: &canvas)
        } else if value.isLoading {
            line("Loading \(what)…", .muted, into: &canvas)
        } else {
            line("No \(what).", .muted, into: &canvas)
        }
    }

    /// When something did not fit, says so on the bottom edge of the pane's frame; when lines
    /// were scrolled off, on the top edge.
    func markOverflow(into canvas: inout Canvas, frame: Rect, focused: Bool) {
        guard frame.width > 14, frame.height >= 2 else { return }
        let style: StyleRole = focused ? .borderFocus : .border
        if overflowed {
            let text = " more below "
            canvas.put(text: text, row: frame.endRow - 1, col: frame.endCol - 2 - DisplayWidth.of(text), style: style)
        }
        if skipped > 0 {
            let text = " more above "
            canvas.put(text: text, row: frame.row, col: frame.endCol - 2 - DisplayWidth.of(text) - 16, style: style)
        }
    }

    /// Reserves the next row; false (and marks the overflow) when there is none or the line is
    /// scrolled off the top.
    private mutating func take() -> Bool {
        total += 1
        if toSkip > 0 {
            toSkip -= 1
            skipped += 1
            return false
        }
        guard row < rect.endRow else { overflowed = true; return false }
        row += 1
        return true
    }
}
