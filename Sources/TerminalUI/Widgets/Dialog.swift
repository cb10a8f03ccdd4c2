/// A modal box centred on the screen: a title, body lines (wrapped to fit) and a row of buttons,
/// one of them selected. Confirmations that move money show exactly what will be sent here.
public struct Dialog: Sendable, Hashable {
    /// One body line and its role (a label, an amount, a warning).
    public struct Line: Sendable, Hashable, ExpressibleByStringLiteral {
        public var text: String
        public var role: StyleRole
        public init(_ text: String, role: StyleRole = .dialog) {
            self.text = text
            self.role = role
        }
        public init(stringLiteral value: String) { self.init(value) }
    }

    /// Where the dialog and its buttons landed (for mouse clicks).
    public struct Layout: Sendable, Hashable {
        public var frame: Rect
        public var buttons: [Rect]
    }

    public var title: String
    public var lines: [Line]
    public var buttons: [String]
    public var selectedButton: Int
    /// The widest the dialog may be (it is narrower when its content is).
    public var maxWidth: Int

    public init(title: String, lines: [Line], buttons: [String] = ["OK"], selectedButton: Int = 0, maxWidth: Int = 72) {
        self.title = title
        self.lines = lines
        self.buttons = buttons
        self.selectedButton = selectedButton
        self.maxWidth = maxWidth
    }

    /// Draws the dialog centred in `bounds`.
    @discardableResult
    public func draw(into canvas: inout Canvas, in bounds: Rect) -> Layout {
        let area = bounds.intersection(canvas.bounds)
        let labels = buttons.map { "[ \($0) ]" }
        let buttonsWidth = labels.reduce(0) { $0 + DisplayWidth.of($1) } + max(0, labels.count - 1) * 2
        let contentWidth = max(DisplayWidth.of(title) + 2, buttonsWidth,
                               lines.map { DisplayWidth.of($0.text) }.max() ?? 0)
        let width = min(contentWidth + 4, maxWidth, area.width)
        let innerWidth = max(1, width - 4)
        var body: [Line] = []
        for line in lines {
            for part in DisplayWidth.wrap(line.text, toWidth: innerWidth) { body.append(Line(part, role: line.role)) }
        }
        // Frame, a blank row above the body and below it, and the buttons row.
        let chrome = buttons.isEmpty ? 4 : 5
        let height = min(body.count + chrome, area.height)
        let frame = area.centered(width: width, height: height)
        guard frame.width >= 4, frame.height >= 3 else { return Layout(frame: frame, buttons: []) }
        drawFrame(into: &canvas, frame)
        let bodyRows = max(0, frame.height - chrome)
        for (i, line) in body.prefix(bodyRows).enumerated() {
            let cut = i == bodyRows - 1 && body.count > bodyRows
            canvas.putFitted(text: cut ? canvas.glyphs.ellipsis : line.text, row: frame.row + 2 + i,
                             col: frame.col + 2, width: innerWidth, style: line.role)
        }
        var buttonRects: [Rect] = []
        if !buttons.isEmpty && frame.height >= 4 {
            let row = frame.endRow - 2
            var x = frame.col + max(2, (frame.width - buttonsWidth) / 2)
            for (i, label) in labels.enumerated() {
                let w = DisplayWidth.of(label)
                let role: StyleRole = i == selectedButton ? .buttonFocus : .button
                canvas.put(text: label, row: row, col: x, style: role, limit: frame.endCol - 1)
                buttonRects.append(Rect(row: row, col: x, width: min(w, frame.endCol - 1 - x), height: 1))
                x += w + 2
            }
        }
        return Layout(frame: frame, buttons: buttonRects)
    }

    private func drawFrame(into canvas: inout Canvas, _ rect: Rect) {
        canvas.fill(rect, style: .dialog)
        canvas.drawBox(rect, style: .dialogBorder)
        guard rect.width >= 7, !title.isEmpty else { return }
        let text = DisplayWidth.truncate(title, toWidth: rect.width - 6, ellipsis: canvas.glyphs.ellipsis)
        canvas.put(text: " " + text + " ", row: rect.row, col: rect.col + 2, style: .dialogBorder, attributes: .bold)
    }
}
