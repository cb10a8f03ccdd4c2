/// Reads the theme file format: one `role = foreground [on background] [attributes]` per line,
/// `#` comments (a whole line, or `#` followed by a space after a setting). Colours are names
/// (`default`, `red`, `bright-cyan`), palette indexes (`color208`) or `#rrggbb`; attributes are
/// `bold`, `underline`, `reverse`, `dim` (or `normal` for none).
///
///     # selection: what the cursor is on
///     selection = black on cyan bold
public enum ThemeParser {
    /// The roles and styles a file sets.
    public struct Definition: Sendable, Hashable {
        public var styles: [StyleRole: RoleStyle]
        /// The roles the file does not name (they keep the base theme's style).
        public var missingRoles: [StyleRole] { StyleRole.allCases.filter { styles[$0] == nil } }

        /// The theme this file describes, on top of `base` for roles it does not name.
        public func theme(name: String, base: Theme? = nil) -> Theme {
            Theme(name: name, styles: styles, base: base)
        }
    }

    /// Parses `text`; `file` names the file in errors. Collects every problem before throwing.
    public static func parse(_ text: String, file: String) throws(ThemeError) -> Definition {
        var styles: [StyleRole: RoleStyle] = [:]
        var definedOn: [StyleRole: Int] = [:]
        var problems: [ThemeError.Problem] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else {
                problems.append(.init(line: lineNumber, message: "expected 'role = colour [on colour] [attributes]', found '\(line)'"))
                continue
            }
            let name = line[..<eq].trimmingWhitespace()
            guard let role = StyleRole(themeName: String(name)) else {
                problems.append(.init(line: lineNumber, message: unknownRoleMessage(name)))
                continue
            }
            if let first = definedOn[role] {
                problems.append(.init(line: lineNumber, message: "role '\(name)' is already set on line \(first)"))
                continue
            }
            switch parseStyle(line[line.index(after: eq)...]) {
            case .success(let style):
                styles[role] = style
                definedOn[role] = lineNumber
            case .failure(let message):
                problems.append(.init(line: lineNumber, message: "\(name): \(message.text)"))
            }
        }
        if !problems.isEmpty { throw ThemeError(file: file, problems: problems) }
        return Definition(styles: styles)
    }

    /// A parse failure's message, as an `Error` so it can travel in a `Result`.
    struct Message: Error { var text: String }

    /// Parses `foreground [on background] [attributes]`.
    static func parseStyle(_ spec: Substring) -> Result<RoleStyle, Message> {
        var words: [Substring] = []
        for word in spec.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) {
            if word == "#" { break }                     // "# ..." after the setting: a comment
            words.append(word)
        }
        guard !words.isEmpty else { return .failure(Message(text: "no colour or attribute given")) }
        var style = RoleStyle()
        var sawForeground = false, sawBackground = false
        var i = 0
        while i < words.count {
            let word = String(words[i]).lowercased()
            if word == "on" {
                guard i + 1 < words.count else { return .failure(Message(text: "'on' must be followed by a background colour")) }
                guard !sawBackground else { return .failure(Message(text: "more than one background colour")) }
                guard let bg = ThemeColor(themeSpelling: String(words[i + 1])) else {
                    return .failure(Message(text: unknownColourMessage(String(words[i + 1]))))
                }
                style.background = bg
                sawBackground = true
                i += 2
                continue
            }
            if word == "normal" {
                i += 1
                continue
            }
            if let attribute = TextAttributes.named.first(where: { $0.name == word })?.attribute {
                style.attributes.insert(attribute)
                i += 1
                continue
            }
            guard let colour = ThemeColor(themeSpelling: word) else {
                return .failure(Message(text: unknownColourMessage(String(words[i]))))
            }
            guard !sawForeground, !sawBackground, style.attributes.isEmpty else {
                return .failure(Message(text: "unexpected colour '\(words[i])' (write 'foreground on background', then attributes)"))
            }
            style.foreground = colour
            sawForeground = true
            i += 1
        }
        return .success(style)
    }

    private static func unknownColourMessage(_ word: String) -> String {
        if word.hasPrefix("#") { return "unknown colour '\(word)' (expected #rrggbb)" }
        return "unknown colour or attribute '\(word)' (colours: default, \(ThemeColor.basicNames.joined(separator: ", ")), "
            + "bright-NAME, color0..color255, #rrggbb; attributes: bold, underline, reverse, dim)"
    }

    private static func unknownRoleMessage(_ name: Substring) -> String {
        if name.isEmpty { return "missing role name before '='" }
        let lower = name.lowercased()
        let close = StyleRole.allCases.map(\.themeName).filter { candidate in
            candidate.hasPrefix(String(lower.prefix(3))) || lower.replacingDashes() == candidate.replacingDashes()
        }
        let hint = close.isEmpty ? "" : " (did you mean \(close.prefix(3).map { "'\($0)'" }.joined(separator: ", "))?)"
        return "unknown role '\(name)'\(hint)"
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> Substring {
        let s = Substring(self)
        guard let start = s.firstIndex(where: { !$0.isWhitespace }),
              let end = s.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return s[start...end]
    }

    fileprivate func replacingDashes() -> String { String(filter { $0 != "-" && $0 != "_" }).lowercased() }
}
