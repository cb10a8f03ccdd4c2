import Foundation

/// The server's failure code: most failures carry a number (`-1`, `-3`), some a string
/// (`NO_APPROPRIATE_SERVERS`).
public enum APICode: Sendable, Equatable, CustomStringConvertible {
    case number(Int)
    case text(String)
    public var description: String {
        switch self { case .number(let n): return String(n); case .text(let t): return t }
    }
}

/// Everything a call can end in besides success. Each case maps to one `hkbill call` exit code
/// and one kind of message; `outcomeUnknown` is never presented as a refusal.
public enum APIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The API answered and refused: `{"code": -1, "message": ...}`, `{"-1": ...}`, `result` != OK.
    case refused(code: APICode?, message: String)
    /// A status other than 2xx; `bodyPrefix` holds the first 200 characters of the body, sanitized.
    case httpStatus(Int, bodyPrefix: String)
    /// A 2xx answer that is empty or not JSON (an HTML page, a truncated body).
    case unreadable(status: Int, reason: String, bodyPrefix: String)
    /// The request did not complete and the server cannot have acted on it, or it is a read.
    case network(TransportError)
    /// A write whose request may have reached the server but whose answer was lost or unreadable.
    /// Never retried: re-read the state to learn what happened.
    case outcomeUnknown(action: String, reason: String)
    /// Login failed: wrong key, or the account has no active server (`NO_APPROPRIATE_SERVERS`).
    case authentication(code: APICode?, message: String)
    /// No token or key is configured.
    case notAuthenticated(String)
    /// A parameter failed the client's checks before anything was sent.
    case invalidRequest(String)
    /// The answer was JSON but lacked what the typed method needs.
    case unexpectedShape(action: String, detail: String)

    public var description: String {
        switch self {
        case .refused(let code, let message):
            return code.map { "\(message) (code \($0))" } ?? message
        case .httpStatus(let s, let body):
            return body.isEmpty ? "HTTP \(s)" : "HTTP \(s): \(body)"
        case .unreadable(let s, let reason, let body):
            return body.isEmpty ? "unreadable response (HTTP \(s)): \(reason)" : "unreadable response (HTTP \(s)): \(reason): \(body)"
        case .network(let e): return e.description
        case .outcomeUnknown(let action, let reason):
            return "outcome unknown for \(action): \(reason); check the current state before trying again"
        case .authentication(let code, let message):
            return code.map { "authentication failed: \(message) (code \($0))" } ?? "authentication failed: \(message)"
        case .notAuthenticated(let m): return m
        case .invalidRequest(let m): return m
        case .unexpectedShape(let action, let detail): return "unexpected answer to \(action): \(detail)"
        }
    }

    /// The server's own message for a refusal, else the description.
    public var message: String {
        if case .refused(_, let m) = self { return m }
        return description
    }

    public var code: APICode? {
        switch self {
        case .refused(let c, _), .authentication(let c, _): return c
        default: return nil
        }
    }

    /// True when a write may or may not have taken effect.
    public var isOutcomeUnknown: Bool { if case .outcomeUnknown = self { return true } else { return false } }

    /// The message says the token is invalid or expired (NOTES.md's list), so one fresh login may help.
    public var isExpiredToken: Bool {
        switch self {
        case .httpStatus(401, _): return true
        case .refused(_, let m), .authentication(_, let m):
            let l = m.lowercased()
            return ["invalid token", "token expired", "token is invalid", "unauthorized", "not authorized",
                    "authentication failed", "token has expired", "expired token"].contains { l.contains($0) }
        default: return false
        }
    }
}
