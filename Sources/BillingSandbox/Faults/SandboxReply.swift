import BillingAPI

/// The sandbox's answer to one request together with how to deliver it; the two faces (in-process
/// transport, HTTP server) turn `delivery` into their own kind of failure.
struct SandboxReply: Sendable {
    enum Delivery: Sendable, Equatable {
        case answer
        case dropAfterRead
        case dropMidAnswer
        case timeout(seconds: Double)
    }

    var response: HTTPResponse
    var latencyMs: Int
    var delivery: Delivery
}
