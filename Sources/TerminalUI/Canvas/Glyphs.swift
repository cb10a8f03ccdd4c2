/// The drawing characters of one character set: line drawing, arrows, bars, markers. UTF-8
/// terminals get box drawing and block elements; others get an ASCII set that looks sensible.
public struct Glyphs: Sendable, Hashable {
    public var isUnicode: Bool
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var teeLeft: Character      // ├ : a separator meeting the left edge
    public var teeRight: Character     // ┤
    public var ellipsis: String
    public var sortAscending: Character
    public var sortDescending: Character
    public var marker: Character
    public var scrollTrack: Character
    public var scrollThumb: Character
    /// Bar heights from the lowest visible step to a full cell.
    public var bars: [Character]
    public var spinner: [Character]
    public var bullet: Character

    public static let unicode = Glyphs(
        isUnicode: true, horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
        bottomLeft: "└", bottomRight: "┘", teeLeft: "├", teeRight: "┤", ellipsis: "…",
        sortAscending: "▲", sortDescending: "▼", marker: "●", scrollTrack: "│", scrollThumb: "█",
        bars: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"], bullet: "•")

    public static let ascii = Glyphs(
        isUnicode: false, horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
        bottomLeft: "+", bottomRight: "+", teeLeft: "+", teeRight: "+", ellipsis: "~",
        sortAscending: "^", sortDescending: "v", marker: "*", scrollTrack: "|", scrollThumb: "#",
        bars: [".", ":", "-", "=", "+", "*", "#"],
        spinner: ["|", "/", "-", "\\"], bullet: "*")

    public static func forUnicode(_ unicode: Bool) -> Glyphs { unicode ? .unicode : .ascii }
}
