/// A complete look for the console: a style for every role. Built from a theme file (roles it
/// does not name keep the default theme's style) or from the built-in themes.
public struct Theme: Sendable, Hashable {
    public var name: String
    private var styles: [RoleStyle]

    /// A theme where every role has `fill`.
    public init(name: String, fill: RoleStyle = .plain) {
        self.name = name
        styles = Array(repeating: fill, count: StyleRole.allCases.count)
    }

    /// A theme from `styles`; roles missing from it take their style from `base`.
    public init(name: String, styles: [StyleRole: RoleStyle], base: Theme? = nil) {
        self.name = name
        self.styles = base?.styles ?? Array(repeating: .plain, count: StyleRole.allCases.count)
        for (role, style) in styles { self.styles[Int(role.rawValue)] = style }
    }

    public subscript(role: StyleRole) -> RoleStyle {
        get { styles[Int(role.rawValue)] }
        set { styles[Int(role.rawValue)] = newValue }
    }

    /// True when the theme uses no colour at all.
    public var isMonochrome: Bool {
        styles.allSatisfy { $0.foreground == .default && $0.background == .default }
    }

    /// The same theme without colours, for `NO_COLOR` and terminals without colour. Each role keeps
    /// its own attributes and gains those of the built-in `mono` theme, so selection, errors and
    /// statuses stay distinguishable by reverse, bold, underline and dim alone.
    public func monochrome() -> Theme {
        var out = self
        let mono = BuiltInThemes.mono
        for role in StyleRole.allCases {
            let own = self[role].attributes
            out[role] = RoleStyle(.default, on: .default, own.union(mono[role].attributes))
        }
        return out
    }

    /// The theme written out in the theme file format (round-trips through `ThemeParser`).
    public var fileText: String {
        var lines = ["# hkbill theme: \(name)"]
        for role in StyleRole.allCases {
            lines.append("\(role.themeName) = \(self[role])")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
