/// What the console shows when the terminal is smaller than it can lay out: a plain message that
/// says how big it must be, fitted to whatever space there is (never a broken layout).
public enum TooSmallNotice {
    public static let minimumWidth = 60
    public static let minimumHeight = 20

    public static func isTooSmall(width: Int, height: Int) -> Bool {
        width < minimumWidth || height < minimumHeight
    }

    /// Clears `canvas` and draws the notice centred, shortening it until it fits.
    public static func draw(into canvas: inout Canvas, minimumWidth: Int = minimumWidth,
                            minimumHeight: Int = minimumHeight) {
        canvas.clear()
        guard canvas.width > 0, canvas.height > 0 else { return }
        let have = "\(canvas.width)x\(canvas.height)"
        let need = "\(minimumWidth)x\(minimumHeight)"
        let candidates = [
            "terminal too small: need at least \(need), have \(have)",
            "too small: need \(need), have \(have)",
            "need \(need)",
            need,
        ]
        var lines = [DisplayWidth.truncate(need, toWidth: canvas.width, ellipsis: "")]
        for text in candidates {
            let wrapped = DisplayWidth.wrap(text, toWidth: canvas.width)
            // Fits when no word had to be cut and every line has a row.
            if wrapped.count <= canvas.height, !cutsWords(text, wrapped) {
                lines = wrapped
                break
            }
        }
        let top = (canvas.height - lines.count) / 2
        for (i, line) in lines.enumerated() {
            let col = (canvas.width - DisplayWidth.of(line)) / 2
            canvas.put(text: line, row: top + i, col: col, style: .warning)
        }
    }

    private static func cutsWords(_ text: String, _ lines: [String]) -> Bool {
        let words = text.split(separator: " ").map(String.init)
        let wrappedWords = lines.flatMap { $0.split(separator: " ").map(String.init) }
        return words != wrappedWords
    }
}
