/// How one style role looks: foreground, background and attributes.
public struct RoleStyle: Sendable, Hashable, CustomStringConvertible {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: TextAttributes

    public init(_ foreground: ThemeColor = .default, on background: ThemeColor = .default,
                _ attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = RoleStyle()

    /// The theme file spelling: `white on blue bold`.
    public var description: String {
        var parts = [foreground.description]
        if background != .default { parts += ["on", background.description] }
        if !attributes.isEmpty { parts.append(attributes.themeSpelling) }
        return parts.joined(separator: " ")
    }
}
