@testable import BillingSandbox
import BillingAPI
import Foundation
import Testing

/// Which face of the sandbox a test talks to.
enum Face: String, CaseIterable, CustomTestStringConvertible {
    case inProcess, loopback
    var testDescription: String { rawValue }
}

/// A sandbox pinned to a fixed day, with helpers that send form-encoded calls through a transport
/// and parse the JSON answers, exactly as a client would.
final class SandboxHarness {
    static let today = SandboxDay(year: 2025, month: 3, day: 15)

    let sandbox: Sandbox
    let transport: any Transport
    private var server: SandboxServer?

    init(seed: UInt64 = 7, clients: Int = 6, invoices: Int = 24, face: Face = .inProcess) throws {
        sandbox = Sandbox(configuration: SandboxConfiguration(seed: seed, clients: clients, invoicesPerClient: invoices,
                                                              today: Self.today))
        switch face {
        case .inProcess:
            transport = SandboxTransport(sandbox: sandbox)
        case .loopback:
            let s = SandboxServer(sandbox: sandbox)
            try s.start()
            server = s
            transport = SocketTransport(port: s.port)
        }
    }

    deinit { server?.stop() }

    var fixture: SandboxDemoFixture { sandbox.demoFixture }
    var demoID: Int { sandbox.demoClientID }

    /// Sends `whmcs.php action=...` with the fields and the token (the demo token by default).
    func call(_ action: String, _ fields: [(String, String)] = [], token: String? = nil) throws -> JSONValue {
        var form = FormParameters()
        form.add("action", action)
        for (name, value) in fields { form.add(name, value) }
        form.add("token", token ?? sandbox.demoToken)
        return try send(form, path: "/whmcs.php", action: action)
    }

    /// Sends `auth.php action=...`.
    func auth(_ action: String, _ fields: [(String, String)] = []) throws -> JSONValue {
        var form = FormParameters()
        form.add("action", action)
        for (name, value) in fields { form.add(name, value) }
        return try send(form, path: "/auth.php", action: action)
    }

    func send(_ form: FormParameters, path: String, action: String) throws -> JSONValue {
        let response = try transport.send(HTTPRequest(url: "http://127.0.0.1" + path, body: form.encodedData,
                                                      actionName: action, isMutating: false))
        #expect(response.status == 200)
        return try JSONParser.parse(response.body)
    }

    /// Logs in with an API key and returns the token, whichever shape the answer took.
    func login(apiKey: String, ttl: Int = 3600) throws -> String {
        let answer = try auth("login", [("key", apiKey), ("ttl", String(ttl)), ("fix_ip", "0")])
        let token = answer["token"]?.text ?? answer["result"]?["token"]?.text
        return try #require(token)
    }
}

/// `{"result": "OK"}` (or "success").
func isSuccess(_ json: JSONValue) -> Bool {
    ResponseClassifier.failure(in: json) == nil
}

/// The `message` of a `{"code": ..., "message": ...}` failure.
func failureMessage(_ json: JSONValue) -> String? {
    guard json["code"] != nil else { return nil }
    return json["message"]?.text
}

/// The amount in a JSON number or string, exactly.
func amount(_ json: JSONValue?) -> Decimal? { json?.decimal }

func dec(_ text: String) -> Decimal { DecimalText.parse(text) ?? -1 }
