/// Where text sits inside a wider field: table columns, status lines, dialog buttons.
public enum TextAlignment: Sendable, Hashable {
    case left, right, center
}
