import Foundation
import BillingAPI

/// How a sent (or refused-before-sending) write ended.
public enum WriteOutcome: Sendable, Equatable {
    /// The server accepted it; its answer.
    case done(JSONValue)
    /// The server (or the client's checks) refused it; nothing changed.
    case failed(APIError)
    /// The request may have been applied: re-read, never resend.
    case unknown(reason: String)
    /// The journal could not record the pending entry, so the write was not sent.
    case notSent(reason: String)
}
