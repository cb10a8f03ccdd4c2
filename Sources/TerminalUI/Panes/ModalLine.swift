/// One line of a modal sheet: text runs in their roles, optionally wrapped, optionally the line
/// where the terminal cursor sits (after the last run) because it is the field being edited.
struct ModalLine: Sendable {
    var runs: [(text: String, role: StyleRole)]
    /// Long text wraps over several lines instead of being cut (single-run lines only).
    var wraps: Bool
    /// The cursor goes after the last run of this line.
    var hasCursor: Bool
    /// The whole line's background (a focused field, a selected option).
    var fill: StyleRole?

    init(_ text: String, _ role: StyleRole = .dialog, wraps: Bool = true) {
        runs = [(text, role)]
        self.wraps = wraps
        hasCursor = false
    }

    init(runs: [(text: String, role: StyleRole)], hasCursor: Bool = false, fill: StyleRole? = nil) {
        self.runs = runs
        wraps = false
        self.hasCursor = hasCursor
        self.fill = fill
    }

    static let blank = ModalLine("")

    /// `label  value` with the label padded so values line up.
    static func field(_ label: String, _ value: String, labelWidth: Int, role: StyleRole = .dialog) -> ModalLine {
        ModalLine(runs: [(DisplayWidth.fit(label, toWidth: labelWidth), .label), (" " + value, role)])
    }
}
