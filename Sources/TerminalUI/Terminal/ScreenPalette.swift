/// How each style role is shown on a particular terminal: a colour pair (foreground and
/// background palette indexes, -1 for the terminal's default) and attributes. Computed from the
/// theme and what the terminal can do, apart from ncurses, so it can be tested.
public struct ScreenPalette: Sendable, Hashable {
    /// One role's colours and attributes; `pair` is the ncurses colour pair number (0: none).
    public struct Entry: Sendable, Hashable {
        public var pair: Int
        public var foreground: Int
        public var background: Int
        public var attributes: TextAttributes
    }

    public private(set) var entries: [Entry]
    /// False when the terminal shows no colour (or the theme has none): attributes only.
    public let usesColor: Bool

    /// - Parameters:
    ///   - colorCount: the terminal's COLORS (0 when it has no colour support).
    ///   - pairCount: the terminal's COLOR_PAIRS.
    ///   - defaultColors: whether `use_default_colors` worked (-1 is usable as a colour).
    public init(theme: Theme, colorCount: Int, pairCount: Int, defaultColors: Bool) {
        let colorful = colorCount >= 8 && pairCount > StyleRole.allCases.count && !theme.isMonochrome
        usesColor = colorful
        let source = colorful ? theme : theme.monochrome()
        entries = StyleRole.allCases.map { role in
            let style = source[role]
            guard colorful else {
                return Entry(pair: 0, foreground: -1, background: -1, attributes: style.attributes)
            }
            var fg = style.foreground.terminalIndex(colorCount: colorCount)
            var bg = style.background.terminalIndex(colorCount: colorCount)
            if !defaultColors {
                if fg < 0 { fg = 7 }
                if bg < 0 { bg = 0 }
            }
            // Two shades that differ in the theme can fall on the same basic colour (a grey border
            // on a near-black background, both black on 8 colours): keep the text readable.
            if fg == bg && fg >= 0 && style.foreground != style.background {
                fg = ScreenPalette.contrasting(bg)
            }
            var attributes = style.attributes
            // Without bright colours, a bright foreground is shown the way old terminals did: bold.
            if colorCount < 16, case .indexed(let n) = style.foreground, (9..<16).contains(n) {
                attributes.insert(.bold)
            }
            return Entry(pair: Int(role.rawValue) + 1, foreground: fg, background: bg, attributes: attributes)
        }
    }

    public subscript(role: StyleRole) -> Entry { entries[Int(role.rawValue)] }

    /// White on the dark basic colours (black, red, blue, magenta, grey), black on the others.
    static func contrasting(_ background: Int) -> Int {
        [0, 1, 4, 5, 8].contains(background) ? 7 : 0
    }
}
