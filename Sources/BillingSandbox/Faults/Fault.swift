/// What can go wrong with one answer. Faults that break the answer (`malformedBody`,
/// `truncatedBody`, `dropAfterRead`, `dropMidAnswer`, `timeoutSeconds`) come after the action was
/// applied, so a client sees "outcome unknown"; `failureRate` and `htmlErrorPage` answer before it
/// runs, like a front proxy refusing.
public struct Fault: Sendable, Equatable, Codable {
    /// Added before answering, in milliseconds.
    public var latencyMs: Int
    /// Probability (0...1) of answering 503 without running the action; decided by the sandbox's
    /// seeded generator, so a run is repeatable.
    public var failureRate: Double
    /// A PHP notice printed before the JSON, so the body does not parse.
    public var malformedBody: Bool
    /// Only the first half of the JSON, with a matching Content-Length.
    public var truncatedBody: Bool
    /// An HTML error page with this status (e.g. 502) instead of the answer.
    public var htmlErrorPage: Int?
    /// Close the connection after reading the request, the action applied, without answering.
    public var dropAfterRead: Bool
    /// Send the headers and half the body, then close.
    public var dropMidAnswer: Bool
    /// Answer only after this many seconds (longer than the client waits).
    public var timeoutSeconds: Double?

    public init(latencyMs: Int = 0, failureRate: Double = 0, malformedBody: Bool = false, truncatedBody: Bool = false,
                htmlErrorPage: Int? = nil, dropAfterRead: Bool = false, dropMidAnswer: Bool = false,
                timeoutSeconds: Double? = nil) {
        self.latencyMs = latencyMs
        self.failureRate = failureRate
        self.malformedBody = malformedBody
        self.truncatedBody = truncatedBody
        self.htmlErrorPage = htmlErrorPage
        self.dropAfterRead = dropAfterRead
        self.dropMidAnswer = dropMidAnswer
        self.timeoutSeconds = timeoutSeconds
    }

    /// No fault at all.
    public static let none = Fault()

    public var isNone: Bool { self == .none }

    /// This fault with `other` laid over it: latencies add, the higher failure rate wins, flags
    /// combine, and `other`'s error page and timeout win when set.
    public func combined(with other: Fault) -> Fault {
        Fault(latencyMs: latencyMs + other.latencyMs, failureRate: max(failureRate, other.failureRate),
              malformedBody: malformedBody || other.malformedBody, truncatedBody: truncatedBody || other.truncatedBody,
              htmlErrorPage: other.htmlErrorPage ?? htmlErrorPage, dropAfterRead: dropAfterRead || other.dropAfterRead,
              dropMidAnswer: dropMidAnswer || other.dropMidAnswer, timeoutSeconds: other.timeoutSeconds ?? timeoutSeconds)
    }
}
