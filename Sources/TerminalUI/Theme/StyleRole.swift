/// What a piece of screen text means (a header, a paid status, money), so the theme, not the
/// widget, decides how it looks. Theme files name roles in kebab case (`payment-pending`).
public enum StyleRole: UInt8, CaseIterable, Sendable, Hashable {
    case normal
    case header, headerAccent
    case status, statusKey
    case selection, selectionInactive
    case border, borderFocus, title
    case label, value, muted
    case tableHeader
    case paid, unpaid, overdue, cancelled, refunded, collections, draft, paymentPending
    case error, warning, success, info
    case money
    case chartBilled, chartPaid
    case input
    case dialog, dialogBorder
    case button, buttonFocus
    case link, marked, readOnly
    case scrollbar

    /// The name used in theme files: `selectionInactive` is `selection-inactive`.
    public var themeName: String {
        var out = ""
        for c in String(describing: self) {
            if c.isUppercase {
                out.append("-")
                out.append(contentsOf: c.lowercased())
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// The role a theme file names, or nil when the name is not a role.
    public init?(themeName: String) {
        guard let role = StyleRole.byThemeName[themeName.lowercased()] else { return nil }
        self = role
    }

    private static let byThemeName: [String: StyleRole] = {
        var table: [String: StyleRole] = [:]
        for role in StyleRole.allCases { table[role.themeName] = role }
        return table
    }()
}
