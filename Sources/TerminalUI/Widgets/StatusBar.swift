/// The bottom line: the keys that work here (`a apply  m mass pay  ? help`) on the left and the
/// last message on the right in its severity's colour. Hints that do not fit are left out whole.
public struct StatusBar: Sendable, Hashable {
    /// One key hint: the key as the user types it and what it does.
    public struct Hint: Sendable, Hashable {
        public var key: String
        public var label: String
        public init(_ key: String, _ label: String) {
            self.key = key
            self.label = label
        }
        var width: Int { DisplayWidth.of(key) + 1 + DisplayWidth.of(label) }
    }

    public var hints: [Hint]
    public var message: String?
    /// The message's role: `.error`, `.warning`, `.success`, `.info`.
    public var messageRole: StyleRole

    public init(hints: [Hint], message: String? = nil, messageRole: StyleRole = .info) {
        self.hints = hints
        self.message = message
        self.messageRole = messageRole
    }

    /// Draws the bar on one row, `width` cells from `col`.
    public func draw(into canvas: inout Canvas, row: Int, col: Int, width: Int) {
        guard width > 0 else { return }
        canvas.fill(Rect(row: row, col: col, width: width, height: 1), style: .status)
        let hintsWidth = hints.reduce(0) { $0 + $1.width + 2 } + 1
        var messageWidth = 0
        if let message, !message.isEmpty {
            // The message gets what it needs, but leaves the hints at least a third of the line.
            let room = max(width - min(hintsWidth, width / 3) - 1, width / 2)
            messageWidth = min(DisplayWidth.of(message) + 2, room)
            canvas.putFitted(text: " " + message + " ", row: row, col: col + width - messageWidth,
                             width: messageWidth, style: messageRole)
        }
        let end = col + width - messageWidth - (messageWidth > 0 ? 1 : 0)
        var x = col + 1
        for (i, hint) in hints.enumerated() {
            if x + hint.width <= end {
                let keyEnd = canvas.put(text: hint.key, row: row, col: x, style: .statusKey)
                canvas.put(text: hint.label, row: row, col: keyEnd + 1, style: .status)
                x += hint.width + 2
                continue
            }
            if i == 0 {
                // Not even the first hint fits: show as much of it as there is room for.
                let keyEnd = canvas.put(text: hint.key, row: row, col: x, style: .statusKey, limit: end)
                if end - keyEnd - 1 > 0 {
                    canvas.put(text: DisplayWidth.truncate(hint.label, toWidth: end - keyEnd - 1, ellipsis: canvas.glyphs.ellipsis),
                               row: row, col: keyEnd + 1, style: .status, limit: end)
                }
            }
            break
        }
    }
}
