import BillingAPI
import Foundation

/// A scripted transport for client tests: answers each request from a closure and records what
/// was sent, so tests can check the wire body and count attempts.
final class RecordingTransport: Transport, @unchecked Sendable {
    struct Sent {
        var url: String
        var form: FormParameters
        var headers: [(name: String, value: String)]
        var isMutating: Bool
    }

    private let lock = NSLock()
    private var _sent: [Sent] = []
    private let responder: @Sendable (FormParameters, Int) throws(TransportError) -> HTTPResponse

    /// `responder` gets the decoded form and the 1-based index of this request.
    init(_ responder: @escaping @Sendable (FormParameters, Int) throws(TransportError) -> HTTPResponse) {
        self.responder = responder
    }

    /// Always answers `json` with status 200.
    convenience init(json: String, status: Int = 200) {
        self.init { _, _ in HTTPResponse(status: status, body: Data(json.utf8)) }
    }

    var sent: [Sent] { lock.lock(); defer { lock.unlock() }; return _sent }
    func count(action: String) -> Int { sent.filter { $0.form["action"] == action }.count }

    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        let form = FormParameters.decode(request.body)
        lock.lock()
        _sent.append(Sent(url: request.url, form: form, headers: request.headers, isMutating: request.isMutating))
        let n = _sent.count
        lock.unlock()
        return try responder(form, n)
    }
}

enum Fixture {
    /// The text of `Fixtures/<name>.json` (copied from the reference).
    static func text(_ name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func ok(_ json: String) -> HTTPResponse { HTTPResponse(status: 200, body: Data(json.utf8)) }

    /// A client whose every call answers the fixture `name`.
    static func client(answering name: String, credentials: Credentials = .token("T0KEN-secret")) -> (APIClient, RecordingTransport) {
        let t = RecordingTransport(json: text(name))
        return (APIClient(transport: t, credentials: credentials, sleep: { _ in }), t)
    }
}
