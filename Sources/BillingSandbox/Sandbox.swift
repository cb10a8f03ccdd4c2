import BillingAPI
import Foundation

/// A stateful WHMCS simulator that answers `whmcs.php` and `auth.php` calls like HOSTKEY's invapi:
/// same form-encoded requests, same JSON answers and failures, same business rules. Thread-safe:
/// one lock guards the state. Reach it in-process with `SandboxTransport` or over loopback HTTP
/// with `SandboxServer`.
public final class Sandbox: @unchecked Sendable {
    private let lock = NSLock()
    private var state: SandboxState
    private var faultPlan = FaultPlan.none
    private var faultGenerator: SeededGenerator
    private var counts: [String: Int] = [:]
    private var clockOffset = 0
    private var observer: (@Sendable (String, FormParameters) -> Void)?

    /// Generates customers, servers and invoices from `configuration`.
    public convenience init(configuration: SandboxConfiguration = SandboxConfiguration()) {
        self.init(state: SandboxDataGenerator.makeState(configuration))
    }

    init(state: SandboxState) {
        self.state = state
        faultGenerator = SeededGenerator(seed: state.seed, stream: 99)
    }

    // MARK: - Demo credentials

    /// The demo customer's token; it never expires and survives `logout`.
    public var demoToken: String { locked { state.demoToken } }

    /// An API key that logs in (`auth.php action=login`) as the demo customer.
    public var demoAPIKey: String { locked { state.customers[state.customerIndex(state.demoClientID) ?? 0].apiKey } }

    public var demoClientID: Int { locked { state.demoClientID } }

    /// Ids of the demo customer's guaranteed servers and invoices.
    public var demoFixture: SandboxDemoFixture { locked { state.demoFixture } }

    /// The day the sandbox takes as today.
    public var today: SandboxDay { locked { state.today } }

    // MARK: - Answering

    /// Answers one request: routes by path (`/whmcs.php`, `/auth.php`), reads the form body, applies
    /// the fault plan's body faults. Delivery faults (drops, timeouts) are the faces' business:
    /// here the action runs and its answer comes back.
    public func handle(_ request: HTTPRequest) -> HTTPResponse { reply(to: request).response }

    /// The fault plan; changes apply to the next request.
    public var faults: FaultPlan {
        get { locked { faultPlan } }
        set { locked { faultPlan = newValue } }
    }

    /// Requests received for `action` (wire name; `login`/`info`/`logout` for auth.php), faulted
    /// ones included.
    public func requestCount(action: String) -> Int { locked { counts[action] ?? 0 } }

    /// Requests received for every action.
    public var totalRequestCount: Int { locked { counts.values.reduce(0, +) } }

    public func resetCounters() { locked { counts = [:] } }

    /// Called with every request's action and parameters (before faults), e.g. for
    /// `sandbox serve --log`; lets an end-to-end script check what a console really sent.
    public func observeRequests(_ observer: @escaping @Sendable (String, FormParameters) -> Void) {
        locked { self.observer = observer }
    }

    /// Moves the token clock (not the business calendar) forward, so tests can expire tokens.
    public func advanceClock(seconds: Int) { locked { clockOffset += seconds } }

    func reply(to request: HTTPRequest) -> SandboxReply {
        let params = FormParameters.decode(request.body)
        let path = Self.path(of: request.url)
        var action = params["action"] ?? ""
        // The reference's download_invoice example sends no action (NOTES.md).
        if action.isEmpty, path.hasSuffix("/whmcs.php"), params["invoice_id"] != nil { action = Action.downloadInvoice.wireName }
        let now = Int(Date().timeIntervalSince1970)

        lock.lock()
        counts[action, default: 0] += 1
        if let observer {
            lock.unlock()
            observer(action, params)
            lock.lock()
        }
        let fault = faultPlan.fault(for: action)
        let failed = fault.failureRate > 0 && faultGenerator.unit() < fault.failureRate
        var output: RuleOutput? = nil
        var page: HTTPResponse? = nil
        if failed {
            page = Self.jsonResponse(WireAnswer.failure("temporary failure, try again later"), status: 503)
        } else if let status = fault.htmlErrorPage {
            page = Self.htmlPage(status: status)
        } else if path.hasSuffix("/whmcs.php") {
            output = WhmcsRouter.answer(action: action, params: params, state: &state, today: state.today, now: now + clockOffset)
        } else if path.hasSuffix("/auth.php") {
            output = .json(AuthRules.answer(action: action, params: params, state: &state, now: now + clockOffset))
        } else if path.contains("/modules/gateways/") {
            page = gatewayPayment(request, params: params, now: now + clockOffset)
        } else {
            page = Self.htmlPage(status: 404)
        }
        lock.unlock()

        var response: HTTPResponse
        switch output {
        case .json(let json)?: response = Self.jsonResponse(json, status: 200)
        case .bytes(let bytes)?: response = HTTPResponse(status: 200, headers: Self.jsonHeaders, body: Data(bytes))
        case nil: response = page ?? Self.htmlPage(status: 500)
        }
        if page == nil {
            if fault.malformedBody {
                response.body = Data(("<br />\n<b>Notice</b>:  Undefined index: location in <b>/var/www/invapi/whmcs.php</b> "
                    + "on line <b>214</b><br />\n").utf8) + response.body
            }
            if fault.truncatedBody { response.body = response.body.prefix(max(response.body.count / 2, 1)) }
        }
        let delivery: SandboxReply.Delivery
        if fault.dropAfterRead { delivery = .dropAfterRead }
        else if fault.dropMidAnswer { delivery = .dropMidAnswer }
        else if let seconds = fault.timeoutSeconds { delivery = .timeout(seconds: seconds) }
        else { delivery = .answer }
        return SandboxReply(response: response, latencyMs: fault.latencyMs, delivery: delivery)
    }

    /// A customer paying at a gateway page (`/modules/gateways/<name>.php?id=N`): not part of the
    /// API, but the only way an add-funds invoice gets paid, so demos and tests can do it.
    private func gatewayPayment(_ request: HTTPRequest, params: FormParameters, now: Int) -> HTTPResponse {
        let query = request.url.split(separator: "?", maxSplits: 1).dropFirst().first.map { FormParameters.decode(String($0)) }
        let idText = query?["id"] ?? params["id"] ?? params["invoice_id"]
        guard let id = idText.flatMap({ Int($0) }), let i = state.invoiceIndex(id),
              InvoiceSettlement.payAtGateway(&state, invoiceIndex: i, today: state.today,
                                             stamp: state.today.midnightUnix + (now % 86_400)) else {
            return Self.htmlPage(status: 404)
        }
        return HTTPResponse(status: 200, headers: ["content-type": "text/html; charset=utf-8"],
                            body: Data("<html><body><p>Payment for invoice \(id) received.</p></body></html>".utf8))
    }

    static let jsonHeaders = ["content-type": "application/json; charset=utf-8"]

    /// The path of a URL (`/whmcs.php`), found by a byte scan: `HTTPRequest.path` goes through a
    /// Foundation search, which showed in the server's profile.
    static func path(of url: String) -> Substring {
        let u = url.utf8
        var i = u.startIndex
        if let schemeEnd = u.firstRange(of: "://".utf8) { i = schemeEnd.upperBound }
        guard let slash = u[i...].firstIndex(of: UInt8(ascii: "/")) else { return "/" }
        let end = u[slash...].firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? u.endIndex
        return url[slash..<end]
    }

    static func jsonResponse(_ json: JSONValue, status: Int) -> HTTPResponse {
        HTTPResponse(status: status, headers: jsonHeaders, body: JSONBytes.data(json))
    }

    /// The kind of page a front proxy shows.
    static func htmlPage(status: Int) -> HTTPResponse {
        let title = HTTPStatusText.reason(status)
        let body = "<!DOCTYPE html>\n<html><head><title>\(status) \(title)</title></head><body>"
            + "<center><h1>\(status) \(title)</h1></center><hr><center>nginx</center></body></html>\n"
        return HTTPResponse(status: status, headers: ["content-type": "text/html; charset=utf-8"], body: Data(body.utf8))
    }

    // MARK: - State

    /// Runs `body` with the lock held.
    func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Reads or changes the state under the lock (inspection helpers, tests).
    func withState<T>(_ body: (inout SandboxState) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }

    /// Writes the whole state (customers, invoices, tokens...) to `url` as JSON, atomically and
    /// readable by the owner only: it holds API keys and tokens.
    public func save(to url: URL) throws {
        let data = try locked { try JSONEncoder().encode(SandboxStateFile(version: SandboxStateFile.currentVersion, state: state)) }
        let temporary = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        // rename(2) replaces the old file atomically: a reader sees the old state or the new one.
        guard rename(temporary.path, url.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)])
        }
    }

    /// A sandbox with the state `save(to:)` wrote.
    public static func load(from url: URL) throws -> Sandbox {
        let file = try JSONDecoder().decode(SandboxStateFile.self, from: Data(contentsOf: url))
        guard file.version == SandboxStateFile.currentVersion else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: url.path])
        }
        return Sandbox(state: file.state)
    }
}
