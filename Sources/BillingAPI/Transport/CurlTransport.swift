import Foundation

/// Settings of a `CurlTransport`. Certificate verification is always on; there is no switch.
public struct CurlConfiguration: Sendable {
    /// Seconds allowed to establish the connection (TCP and TLS).
    public var connectTimeout: Double = 10
    /// Seconds allowed for the whole request, connection included.
    public var totalTimeout: Double = 30
    /// Largest response body accepted; a larger one aborts with `.responseTooLarge`.
    public var maxResponseBytes: Int = 32 * 1024 * 1024
    /// Sent as `User-Agent`, e.g. "hkbill/1.0.0".
    public var userAgent: String
    /// A CA bundle to verify servers against instead of the system's.
    public var caInfoPath: String? = nil

    public init(userAgent: String, connectTimeout: Double = 10, totalTimeout: Double = 30,
                maxResponseBytes: Int = 32 * 1024 * 1024, caInfoPath: String? = nil) {
        self.userAgent = userAgent
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxResponseBytes = maxResponseBytes
        self.caInfoPath = caInfoPath
    }
}

/// The real network transport: one form-encoded POST per `send` over libcurl, https only (plain
/// http to loopback only), TLS verified, with connect and total timeouts and a response size cap.
///
/// Connections are kept alive by reusing easy handles. An easy handle serves one request at a time,
/// while the console sends several requests at once (client, credit, contacts and groups load
/// together), so the transport keeps a small pool of handles behind a lock: `send` takes the most
/// recently returned idle handle (or makes one, up to `maxHandles`; beyond that it waits for one),
/// uses it and gives it back. Sequential requests therefore run on one handle and one connection.
/// Writes (`isMutating`) always open a fresh connection, because curl replays a request once when
/// a reused connection turns out dead, and a write must never be sent twice.
///
/// `send` makes exactly one attempt (apart from that curl-internal replay of reads); retries and
/// backoff are the client's business.
public final class CurlTransport: Transport, @unchecked Sendable {
    /// Most handles (so connections) open at once; more concurrent requests wait for one.
    public static let maxHandles = 8

    private let configuration: CurlConfiguration
    // Guards `idle` and `created`; waiters sleep on it until a handle comes back.
    private let condition = NSCondition()
    private var idle: [CurlHandle] = []
    private var created = 0

    public init(configuration: CurlConfiguration) {
        self.configuration = configuration
    }

    /// Sends `request` once and returns whatever HTTP answer came back, whatever its status.
    /// Throws when there is no complete HTTP answer; `requestSent` says whether the server may
    /// have received the request.
    public func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        try URLPolicy.check(request.url)
        let url = try CurlURL(request.url)
        let handle = try takeHandle()
        defer { giveBack(handle) }
        return try handle.perform(request, url: url, userAgent: configuration.userAgent)
    }

    // MARK: - Handle pool

    private func takeHandle() throws(TransportError) -> CurlHandle {
        condition.lock()
        while idle.isEmpty && created >= Self.maxHandles {
            condition.wait()
        }
        if let handle = idle.popLast() {
            condition.unlock()
            return handle
        }
        created += 1
        condition.unlock()
        do {
            return try CurlHandle(configuration: configuration)
        } catch {
            condition.lock()
            created -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func giveBack(_ handle: CurlHandle) {
        condition.lock()
        idle.append(handle)
        condition.signal()
        condition.unlock()
    }
}
