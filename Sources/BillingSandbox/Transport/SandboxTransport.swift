import BillingAPI
import Foundation

/// An in-process `Transport` onto a `Sandbox`: no sockets, same answers. It applies the fault
/// plan like the server does: latency is slept, and a dropped connection or a timeout becomes a
/// `TransportError` with `requestSent: true` (the action ran; the client cannot know).
public struct SandboxTransport: Transport {
    public let sandbox: Sandbox

    public init(sandbox: Sandbox) { self.sandbox = sandbox }

    public func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        let reply = sandbox.reply(to: request)
        if reply.latencyMs > 0 { Thread.sleep(forTimeInterval: Double(reply.latencyMs) / 1000) }
        switch reply.delivery {
        case .answer:
            return reply.response
        case .dropAfterRead:
            throw TransportError(.connectionDropped, requestSent: true, detail: "empty reply from sandbox")
        case .dropMidAnswer:
            throw TransportError(.connectionDropped, requestSent: true, detail: "sandbox closed the connection mid-answer")
        case .timeout:
            throw TransportError(.timedOut, requestSent: true, detail: "sandbox did not answer in time")
        }
    }
}
