@testable import BillingSandbox
import BillingAPI
import Foundation
import Testing

@Suite("--state: save and load")
struct PersistenceTests {
    @Test("the state survives a save and load, changes included, in a file only its owner can read")
    func roundTrip() throws {
        let h = try SandboxHarness()
        let f = h.fixture
        _ = try h.call("apply_credit", [("invoice_id", String(f.payableInvoiceID)), ("amount", "12.34")])
        _ = try h.call("request_cancellation", [("id", String(f.lapsedServerID)), ("cancellation_reason", "тест")])
        _ = try h.call("add_contact")
        let token = try h.login(apiKey: h.sandbox.demoAPIKey)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("state.json")
        try h.sandbox.save(to: file)
        try h.sandbox.save(to: file)   // replacing an existing file works too
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let loaded = try Sandbox.load(from: file)
        #expect(loaded.demoToken == h.sandbox.demoToken && loaded.demoAPIKey == h.sandbox.demoAPIKey)
        #expect(loaded.demoFixture == f && loaded.today == SandboxHarness.today)
        #expect(loaded.creditBalance(clientID: h.demoID) == h.sandbox.creditBalance(clientID: h.demoID))
        #expect(loaded.cancellationRequests(clientID: h.demoID) == h.sandbox.cancellationRequests(clientID: h.demoID))
        let t = SandboxTransport(sandbox: loaded)
        for action in ["get_invoices", "transactions", "get_contacts", "get_cancellation_requests", "get_client"] {
            var form = FormParameters()
            form.add("action", action)
            form.add("token", token)
            let body = try t.send(HTTPRequest(url: "http://127.0.0.1/whmcs.php", body: form.encodedData, actionName: action, isMutating: false)).body
            #expect(try JSONParser.parse(body) == (try h.call(action)), "\(action) answers the same after loading")
        }
    }

    @Test("a file that is not a sandbox state is refused")
    func refusesGarbage() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-garbage-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("{\"version\": 1}".utf8).write(to: file)
        #expect(throws: (any Error).self) { try Sandbox.load(from: file) }
        try Data("{\"version\": 99, \"state\": {}}".utf8).write(to: file)
        #expect(throws: (any Error).self) { try Sandbox.load(from: file) }
    }
}
