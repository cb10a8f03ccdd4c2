import Foundation
/// The panel shown over the panes, if any. The confirm dialog is separate (`Console.confirm`) and
/// sits above these, so a form or the wizard stays underneath while its write is confirmed.
public enum Modal: Sendable, Equatable {
    case form(DialogForm)
    case cancellation(CancellationWizard)
    case palette(PaletteInput)
    case help
}

/// The palette's input line and its last error.
public struct PaletteInput: Sendable, Equatable {
    public var text: String
    public var error: String?
    public init(text: String = "", error: String? = nil) {
        self.text = text
        self.error = error
    }
}

/// The status line's message and how to colour it.
public struct StatusMessage: Sendable, Equatable {
    /// Meaning, for colour.
    public enum Kind: Sendable, Equatable { case info, success, warning, error }
    public var text: String
    public var kind: Kind
    public init(_ text: String, _ kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}
