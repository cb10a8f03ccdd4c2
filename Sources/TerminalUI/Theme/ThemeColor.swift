/// A colour as a theme file names it: the terminal's default, one of the 16 named colours, an
/// index of the 256-colour palette, or an exact `#rrggbb` that is mapped down to what the
/// terminal can show.
public enum ThemeColor: Sendable, Hashable, CustomStringConvertible {
    case `default`
    /// 0...255: 0-7 the basic colours, 8-15 their bright forms, then the 256-colour palette.
    case indexed(Int)
    case rgb(red: UInt8, green: UInt8, blue: UInt8)

    /// The basic colour names in palette order; `bright-` prefixes give 8...15.
    public static let basicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Reads `red`, `bright-blue`, `color123`, `#1e90ff` or `default`; nil for anything else.
    public init?(themeSpelling text: String) {
        let s = text.lowercased()
        if s == "default" { self = .default; return }
        if let i = ThemeColor.basicNames.firstIndex(of: s) { self = .indexed(i); return }
        if s.hasPrefix("bright-"), let i = ThemeColor.basicNames.firstIndex(of: String(s.dropFirst(7))) {
            self = .indexed(i + 8); return
        }
        if s.hasPrefix("color"), let n = Int(s.dropFirst(5)), (0...255).contains(n), s.count <= 8 {
            self = .indexed(n); return
        }
        if s.hasPrefix("#"), s.count == 7, let v = UInt32(s.dropFirst(), radix: 16) {
            self = .rgb(red: UInt8(v >> 16), green: UInt8((v >> 8) & 0xFF), blue: UInt8(v & 0xFF)); return
        }
        return nil
    }

    /// The theme file spelling.
    public var description: String {
        switch self {
        case .default: return "default"
        case .indexed(let n) where n < 8: return ThemeColor.basicNames[n]
        case .indexed(let n) where n < 16: return "bright-" + ThemeColor.basicNames[n - 8]
        case .indexed(let n): return "color\(n)"
        case .rgb(let r, let g, let b):
            let hex = (UInt32(r) << 16) | (UInt32(g) << 8) | UInt32(b)
            let digits = String(hex, radix: 16)
            return "#" + String(repeating: "0", count: 6 - digits.count) + digits
        }
    }

    /// The palette index to use on a terminal with `colorCount` colours, or -1 for the terminal's
    /// default colour. Colours the terminal lacks go to the nearest it has.
    public func terminalIndex(colorCount: Int) -> Int {
        switch self {
        case .default:
            return -1
        case .indexed(let n):
            if n < colorCount { return n }
            if n < 16 { return ColorPalette.basicIndex(forBright: n) }
            return ColorPalette.nearest(ColorPalette.rgb(ofIndex: n), colorCount: colorCount)
        case .rgb(let r, let g, let b):
            return ColorPalette.nearest((Int(r), Int(g), Int(b)), colorCount: colorCount)
        }
    }
}
