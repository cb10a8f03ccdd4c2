@testable import BillingSandbox
import BillingAPI
import Foundation
import Testing

@Suite("auth.php and tokens")
struct AuthTests {
    @Test("login alternates between the two answer shapes of NOTES.md")
    func loginShapes() throws {
        let h = try SandboxHarness()
        let now = Int(Date().timeIntervalSince1970)
        let first = try h.auth("login", [("key", h.sandbox.demoAPIKey), ("ttl", "120"), ("fix_ip", "0")])
        #expect(first["token"]?.text?.count == 40)
        #expect(first["role"]?.text == "customer")
        #expect(first["invapi"]?.text == "invapi.hostkey.ru")
        let expire = try #require(first["token_expire"]?.int)
        #expect(expire >= now + 119 && expire <= now + 125)
        #expect(first["servers"]?.arrayValue?.allSatisfy { $0.int != nil && $0.objectValue == nil } == true)

        let second = try h.auth("login", [("key", h.sandbox.demoAPIKey), ("ttl", "3600")])
        let nested = try #require(second["result"]?.objectValue)
        #expect(nested["token"]?.text?.count == 40)
        #expect(nested["token"]?.text != first["token"]?.text)
        #expect(nested["servers"]?.arrayValue?.first?["id"]?.text != nil)
        #expect(ResponseClassifier.failure(in: second) == nil)
    }

    @Test("a token from login works, then expires with its ttl")
    func tokenExpiry() throws {
        let h = try SandboxHarness()
        let token = try h.login(apiKey: h.sandbox.demoAPIKey, ttl: 60)
        #expect(isSuccess(try h.call("getcredits", token: token)))
        h.sandbox.advanceClock(seconds: 61)
        let expired = try h.call("getcredits", token: token)
        #expect(failureMessage(expired) == "token expired")
        #expect(ResponseClassifier.failure(in: expired)?.isExpiredToken == true)
        #expect(isSuccess(try h.call("getcredits")), "the demo token never expires")
    }

    @Test("unknown, missing and wrong tokens fail like the reference", arguments: ["", "nope", String(repeating: "a", count: 40)])
    func badTokens(token: String) throws {
        let h = try SandboxHarness()
        let answer = try h.call("getcredits", token: token)
        #expect(answer["code"]?.int == -1)
        #expect(failureMessage(answer) == "Invalid token or access denied")
        #expect(ResponseClassifier.failure(in: answer)?.isExpiredToken == true)
    }

    @Test("a token in the URL is ignored: only the form body counts")
    func tokenNotFromURL() throws {
        let h = try SandboxHarness()
        let request = HTTPRequest(url: "http://127.0.0.1/whmcs.php?token=" + h.sandbox.demoToken,
                                  body: Data("action=getcredits".utf8), actionName: "getcredits", isMutating: false)
        let answer = try JSONParser.parse(h.sandbox.handle(request).body)
        #expect(failureMessage(answer) == "Invalid token or access denied")
    }

    @Test("wrong API key and an account without active servers are refused")
    func loginRefusals() throws {
        let h = try SandboxHarness()
        #expect(try h.auth("login", [("key", "wrong")])["code"]?.int == -1)
        #expect(try h.auth("login", [])["code"]?.int == -1)
        let noServers = try #require(h.sandbox.apiKey(clientID: h.demoID + 1))
        let answer = try h.auth("login", [("key", noServers)])
        #expect(answer["code"]?.text == "NO_APPROPRIATE_SERVERS")
        #expect(answer["message"]?.text == "No appropriate servers found")
    }

    @Test("info describes the token; logout ends it but not the demo token")
    func infoAndLogout() throws {
        let h = try SandboxHarness()
        let token = try h.login(apiKey: h.sandbox.demoAPIKey)
        let info = try h.auth("info", [("token", token)])
        #expect(info["result"]?["whmcs_id"]?.int == h.demoID)
        #expect(info["result"]?["servers"]?.arrayValue?.count == 4)
        #expect((info["result"]?["token_expire"]?.int ?? 0) > 0)
        #expect(info["result"]?["role"]?.text == "customer")
        #expect(isSuccess(try h.auth("logout", [("token", token)])))
        #expect(failureMessage(try h.call("getcredits", token: token)) == "Invalid token or access denied")
        #expect(failureMessage(try h.auth("info", [("token", token)])) == "Invalid token or access denied")
        #expect(isSuccess(try h.auth("logout", [("token", h.sandbox.demoToken)])))
        #expect(isSuccess(try h.call("getcredits")))
        #expect(try h.auth("frobnicate")["code"]?.int == -1)
    }

    @Test("a token sees only its own customer")
    func isolation() throws {
        let h = try SandboxHarness()
        let otherID = h.demoID + 2
        let token = try h.login(apiKey: try #require(h.sandbox.apiKey(clientID: otherID)))
        let f = h.fixture
        let invoice = String(f.payableInvoiceID)
        #expect(failureMessage(try h.call("get_invoice", [("invoice_id", invoice)], token: token)) == "invalid invoice id \(invoice) at whmcs_com")
        #expect(failureMessage(try h.call("apply_credit", [("invoice_id", invoice), ("amount", "1")], token: token))?
            .contains("Invoice ID Not Found") == true)
        #expect(failureMessage(try h.call("download_invoice", [("invoice_id", invoice)], token: token)) != nil)
        #expect(failureMessage(try h.call("get_billing_data", [("id", String(f.cancellableServerID))], token: token)) == "invalid request")
        #expect(failureMessage(try h.call("request_cancellation", [("id", String(f.cancellableServerID))], token: token)) != nil)
        #expect(failureMessage(try h.call("get_client", [("client", String(h.demoID))], token: token)) ==
            "Request failed for \(h.demoID)@whmcs_com: client not found")
        #expect(failureMessage(try h.call("mass_pay", [("invoices[]", invoice), ("invoices[]", String(f.overdueInvoiceID))], token: token)) != nil)
        let list = try h.call("get_invoices", token: token)["invoices"]?["invoice"]?.arrayValue ?? []
        #expect(!list.isEmpty && list.allSatisfy { $0["userid"]?.int == otherID })
        #expect(h.sandbox.invoiceStatus(f.payableInvoiceID) == "Unpaid")
    }
}
