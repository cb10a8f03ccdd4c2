/// Terminal text attributes that work without colour: a monochrome theme is made of these alone.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let underline = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)

    /// The spellings theme files use, in a stable order.
    public static let named: [(name: String, attribute: TextAttributes)] = [
        ("bold", .bold), ("underline", .underline), ("reverse", .reverse), ("dim", .dim),
    ]

    /// `bold underline`, or `normal` when empty (the theme file spelling).
    public var themeSpelling: String {
        let names = TextAttributes.named.filter { contains($0.attribute) }.map(\.name)
        return names.isEmpty ? "normal" : names.joined(separator: " ")
    }
}
