/// A framed area with a title on its top edge (and optionally a note on the right of that edge,
/// such as a position); a focused panel's frame stands out. Drawing returns the inside.
public struct Panel: Sendable, Hashable {
    public var title: String
    public var rightTitle: String?
    public var isFocused: Bool
    /// The role the inside is cleared with (nil: left as it is).
    public var fill: StyleRole?

    public init(title: String, rightTitle: String? = nil, isFocused: Bool = false, fill: StyleRole? = .normal) {
        self.title = title
        self.rightTitle = rightTitle
        self.isFocused = isFocused
        self.fill = fill
    }

    /// Draws the frame and titles around `rect`; returns the rectangle inside the frame.
    @discardableResult
    public func draw(into canvas: inout Canvas, in rect: Rect) -> Rect {
        let inner = rect.inset(by: 1)
        if let fill { canvas.fill(inner, style: fill) }
        let border: StyleRole = isFocused ? .borderFocus : .border
        canvas.drawBox(rect, style: border)
        guard rect.width >= 6 else { return inner }
        let room = rect.width - 4
        var rightWidth = 0
        if let rightTitle, !rightTitle.isEmpty {
            // The note is shown whole or not at all, and never takes more than half the edge.
            let text = " " + rightTitle + " "
            let w = DisplayWidth.of(text)
            if w <= room / 2 {
                rightWidth = w
                canvas.put(text: text, row: rect.row, col: rect.endCol - 2 - w, style: border)
            }
        }
        if !title.isEmpty {
            let titleRoom = room - rightWidth - (rightWidth > 0 ? 1 : 0)
            if titleRoom >= 3 {
                let text = DisplayWidth.truncate(title, toWidth: titleRoom - 2, ellipsis: canvas.glyphs.ellipsis)
                canvas.put(text: " " + text + " ", row: rect.row, col: rect.col + 2,
                           style: isFocused ? .borderFocus : .title, attributes: isFocused ? .bold : [])
            }
        }
        return inner
    }
}
