import Foundation
/// The one confirm dialog every write goes through. It shows the `PendingWrite`, takes the typed
/// confirmation when one is required, and tracks the write from sending to its outcome.
public struct ConfirmDialog: Sendable, Equatable {
    /// Where the write is.
    public enum Phase: Sendable, Equatable {
        case asking
        /// Sent as write number `id`; further confirms are ignored.
        case sending(id: Int)
        case done(message: String)
        case failed(message: String, advice: String?)
        /// The write may have happened; the console is re-reading. Never resent.
        case outcomeUnknown(message: String)
    }
    public var write: PendingWrite
    public var typed: String
    public var phase: Phase

    public init(write: PendingWrite) {
        self.write = write
        self.typed = ""
        self.phase = .asking
    }

    public var isSending: Bool { if case .sending = phase { return true } else { return false } }

    /// True when the typed confirmation (if any) matches.
    public var canConfirm: Bool {
        guard case .asking = phase else { return false }
        guard let required = write.typedConfirmation else { return true }
        return typed.trimmingCharacters(in: .whitespaces) == required
    }
}
