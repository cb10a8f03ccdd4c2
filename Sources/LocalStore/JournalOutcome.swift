import Foundation

/// How a journaled write ended, as far as the program knows.
public enum JournalOutcome: Sendable, Equatable {
    /// The server accepted it; `summary` says what happened ("paid invoice 123").
    case done(summary: String)
    /// The server refused it; nothing changed. `message` is the server's or the program's reason.
    case failed(message: String)
    /// The request may or may not have been applied (timeout or drop after sending); someone must
    /// look at the console or re-read before trying again.
    case unknown(reason: String)

    /// The text stored with the outcome.
    public var detail: String {
        switch self {
        case .done(let s), .failed(let s), .unknown(let s): return s
        }
    }

    /// The journal's `state` for this outcome.
    public var state: JournalEntry.State {
        switch self {
        case .done: return .done
        case .failed: return .failed
        case .unknown: return .unknown
        }
    }

    /// The JSON key the detail is stored under: `summary`, `message` or `reason`.
    var detailKey: String {
        switch self {
        case .done: return "summary"
        case .failed: return "message"
        case .unknown: return "reason"
        }
    }
}
