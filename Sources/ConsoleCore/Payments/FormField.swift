import Foundation
/// One field of a dialog form: text (optionally secret), a yes/no toggle or a choice.
public struct FormField: Sendable, Equatable {
    /// How the field is edited.
    public enum Kind: Sendable, Equatable {
        case text
        /// Drawn masked; never shown or journaled in clear.
        case secret
        /// `value` is "yes" or "no"; Space flips it.
        case toggle
        /// `value` is one of the options; Space cycles.
        case choice([String])
    }
    public var name: String
    public var label: String
    public var value: String
    public var kind: Kind
    /// The validation or server message attached to this field.
    public var error: String?

    public init(name: String, label: String, value: String = "", kind: Kind = .text, error: String? = nil) {
        self.name = name
        self.label = label
        self.value = value
        self.kind = kind
        self.error = error
    }

    public var isOn: Bool { value == "yes" }
}
