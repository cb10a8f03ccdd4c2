import BillingAPI
import Foundation

/// A `Transport` over `RawHTTPClient` with one keep-alive connection, so the rule tests can run
/// through the loopback server exactly as through the in-process transport.
final class SocketTransport: Transport, @unchecked Sendable {
    private let port: UInt16
    private let lock = NSLock()
    private var client: RawHTTPClient?

    init(port: UInt16) { self.port = port }

    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        lock.lock()
        defer { lock.unlock() }
        do {
            let c = try client ?? RawHTTPClient(port: port)
            client = c
            try c.post(request.path, body: String(decoding: request.body, as: UTF8.self))
            guard let r = try c.readResponse() else {
                client = nil
                throw TransportError(.connectionDropped, requestSent: true, detail: "empty reply")
            }
            if r.headers["connection"] == "close" { client = nil }
            return HTTPResponse(status: r.status, headers: r.headers, body: r.body)
        } catch let e as TransportError {
            throw e
        } catch {
            client = nil
            throw TransportError(.other, requestSent: true, detail: "\(error)")
        }
    }
}
