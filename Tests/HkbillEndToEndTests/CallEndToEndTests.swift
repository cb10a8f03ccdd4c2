import BillingAPI
import BillingSandbox
import Foundation
import Testing

/// `hkbill call` as a user runs it: the real binary, the libcurl transport, the sandbox on loopback.
@Suite("hkbill call end to end", .serialized)
final class CallEndToEndTests {
    let sandbox = Sandbox(configuration: SandboxConfiguration(seed: 7))
    let server: SandboxServer
    let home: URL

    init() throws {
        server = SandboxServer(sandbox: sandbox)
        try server.start()
        home = FileManager.default.temporaryDirectory.appendingPathComponent("hkbill-call-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: home)
    }

    func env(_ extra: [String: String] = [:], token: Bool = true) -> [String: String] {
        var e = ["HOME": home.path, "HKBILL_CONFIG_DIR": home.appendingPathComponent("config").path,
                 "HKBILL_STATE_DIR": home.appendingPathComponent("state").path, "HOSTKEY_API_URL": server.baseURL]
        if token { e["HOSTKEY_TOKEN"] = sandbox.demoToken }
        for (k, v) in extra { e[k] = v }
        return e
    }

    @Test func readPrintsPrettyJSONAndExitsZero() throws {
        let r = try HkbillBinary.run(["call", "getcredits"], environment: env())
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONParser.parse(r.stdout)
        #expect(json["result"]?.text == "OK")
        #expect(json["message"]?.decimal != nil)
        #expect(r.stdout.contains("\n  \"result\": \"OK\""))
        #expect(!r.stdout.contains(sandbox.demoToken) && !r.stderr.contains(sandbox.demoToken))
        #expect(sandbox.requestCount(action: "getcredits") == 1)
    }

    @Test func bracketAndArrayParametersReachTheServer() throws {
        let unpaid = sandbox.demoFixture.unpaidInvoiceIDs
        let r = try HkbillBinary.run(["call", "mass_pay", "invoices[]=\(unpaid[0])", "invoices[]=\(unpaid[1])", "--yes"], environment: env())
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try JSONParser.parse(r.stdout)["invoiceid"]?.int != nil)
        #expect(sandbox.requestCount(action: "mass_pay") == 1)
    }

    @Test func apiRefusalExitsOneWithMessageAndCode() throws {
        let r = try HkbillBinary.run(["call", "get_invoice", "invoice_id=999999999"], environment: env())
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: "))
        #expect(r.stderr.contains("(code -1)"))
        #expect(r.stdout.isEmpty)
    }

    @Test(arguments: [["call", "no_such_action"], ["call", "get_invoice", "invoice_id"], ["call", "get_invoice", "=5"],
                      ["call", "get_invoice", "a b=5"], ["call", "getcredits", "--token", "x"], ["call"],
                      ["call", "getcredits", "token=abc"], ["call", "getcredits", "--bogus"]])
    func usageErrorsExitTwoAndSendNothing(_ args: [String]) throws {
        let r = try HkbillBinary.run(args, environment: env())
        #expect(r.status == 2, "\(args): \(r.stderr)")
        #expect(r.stderr.contains("error:"))
        #expect(sandbox.requestCount(action: "getcredits") == 0)
        #expect(sandbox.requestCount(action: "get_invoice") == 0)
    }

    @Test func networkFailureExitsThree() throws {
        let r = try HkbillBinary.run(["call", "getcredits", "--connect-timeout", "2"], environment: env(["HOSTKEY_API_URL": "http://127.0.0.1:1"]))
        #expect(r.status == 3, "\(r.stderr)")
    }

    @Test func plainHTTPToARemoteHostIsRefused() throws {
        let r = try HkbillBinary.run(["call", "getcredits"], environment: env(["HOSTKEY_API_URL": "http://invapi.hostkey.com"]))
        #expect(r.status == 2)
        #expect(r.stderr.contains("https"))
    }

    @Test func unreadableAnswerExitsFour() throws {
        sandbox.faults = FaultPlan(actions: ["getcredits": Fault(malformedBody: true)])
        let r = try HkbillBinary.run(["call", "getcredits"], environment: env())
        #expect(r.status == 4, "\(r.stderr)")
        #expect(r.stderr.contains("unreadable"))
        #expect(sandbox.requestCount(action: "getcredits") == 1)   // a 200 with a bad body is not retried
    }

    @Test func writesNeedConfirmationAndAreJournaled() throws {
        let invoice = sandbox.demoFixture.payableInvoiceID
        let refused = try HkbillBinary.run(["call", "apply_credit", "invoice_id=\(invoice)", "amount=1.00"], environment: env())
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--yes"))
        #expect(sandbox.requestCount(action: "apply_credit") == 0)

        let r = try HkbillBinary.run(["call", "apply_credit", "invoice_id=\(invoice)", "amount=1.00", "--yes"], environment: env())
        #expect(r.status == 0, "\(r.stderr)")
        #expect(sandbox.requestCount(action: "apply_credit") == 1)
        let journal = try HkbillBinary.run(["journal", "--json"], environment: env())
        #expect(journal.stdout.contains("apply_credit"))
        #expect(journal.stdout.contains("done"))
        #expect(!journal.stdout.contains(sandbox.demoToken))
    }

    @Test func aDroppedWriteIsOutcomeUnknownSentOnceAndJournaled() throws {
        sandbox.faults = FaultPlan(actions: ["create_addfunds": Fault(dropAfterRead: true)])
        let r = try HkbillBinary.run(["call", "create_addfunds", "amount=50", "--yes"], environment: env())
        #expect(r.status == 3)
        #expect(r.stderr.contains("outcome unknown"))
        #expect(sandbox.requestCount(action: "create_addfunds") == 1)
        let journal = try HkbillBinary.run(["journal", "--json"], environment: env())
        #expect(journal.stdout.contains("unknown"))
    }

    @Test func readOnlyProfileRefusesWrites() throws {
        let e = env(["HOSTKEY_TOKEN": ""])
        let tokenFile = home.appendingPathComponent("token")
        try Data(sandbox.demoToken.utf8).write(to: tokenFile)
        let add = try HkbillBinary.run(["profile", "add", "ro", "--api-url", server.baseURL, "--read-only", "--token-file", tokenFile.path], environment: e)
        #expect(add.status == 0, "\(add.stderr)")
        var noURL = e
        noURL["HOSTKEY_API_URL"] = nil
        let read = try HkbillBinary.run(["call", "getcredits"], environment: noURL)
        #expect(read.status == 0, "\(read.stderr)")
        let write = try HkbillBinary.run(["call", "create_addfunds", "amount=50", "--yes"], environment: noURL)
        #expect(write.status == 1)
        #expect(write.stderr.contains("read-only"))
        #expect(sandbox.requestCount(action: "create_addfunds") == 0)
    }

    @Test func apiKeyLogsInThroughAuthPHP() throws {
        let r = try HkbillBinary.run(["call", "get_invoices"], environment: env(["HOSTKEY_API_KEY": sandbox.demoAPIKey], token: false))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains(sandbox.demoAPIKey))
        let wrong = try HkbillBinary.run(["call", "get_invoices"], environment: env(["HOSTKEY_API_KEY": "wrong-key"], token: false))
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("authentication failed"))
        #expect(!wrong.stderr.contains("wrong-key"))
    }

    @Test func versionAndHelp() throws {
        let v = try HkbillBinary.run(["--version"])
        #expect(v.status == 0)
        #expect(v.stdout.hasPrefix("hkbill \(APIConfiguration.version)"))
        let h = try HkbillBinary.run(["call", "--help"])
        #expect(h.status == 0)
        #expect(h.stdout.contains("request_cancellation"))
    }
}
