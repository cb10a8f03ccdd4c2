import Foundation

/// When and how long to wait before repeating a read. Writes are never repeated, whatever this says.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int = 3
    /// First back-off; doubles each time, with +/-50% jitter.
    public var baseDelay: Double = 0.3
    /// Upper bound for a server's `Retry-After`.
    public var maxRetryAfter: Double = 30

    public init(maxAttempts: Int = 3, baseDelay: Double = 0.3, maxRetryAfter: Double = 30) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// No retries at all (tests, benchmarks).
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The delay before attempt `attempt + 1` (attempt counts from 1), honouring `Retry-After`.
    public func delay(afterAttempt attempt: Int, retryAfter: Double?, random: Double) -> Double {
        if let retryAfter { return min(max(retryAfter, 0), maxRetryAfter) }
        let exp = baseDelay * pow(2, Double(attempt - 1))
        return exp * (0.5 + random)   // random in 0..<1 -> 50%..150%
    }

    /// Whether a failed read is worth repeating: lost connections, time-outs, 429 and 5xx.
    public static func isRetryable(_ error: APIError) -> Bool {
        switch error {
        case .network(let t):
            switch t.kind {
            case .invalidURL, .insecureURL, .responseTooLarge, .tls: return false
            default: return true
            }
        case .httpStatus(let s, _): return s == 429 || (500...599).contains(s)
        default: return false
        }
    }
}
