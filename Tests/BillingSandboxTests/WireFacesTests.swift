@testable import BillingSandbox
import BillingAPI
import Foundation
import Testing

@Suite("The same rules through both faces")
struct WireFacesTests {
    @Test("a payment and a cancellation round, in-process and over loopback HTTP", arguments: Face.allCases)
    func round(face: Face) throws {
        let h = try SandboxHarness(face: face)
        let f = h.fixture
        let credit = try #require(amount(try h.call("getcredits")["message"]))
        let total = try #require(amount(try h.call("get_invoice", [("invoice_id", String(f.payableInvoiceID))])["total"]))
        let paid = try h.call("apply_credit", [("invoice_id", String(f.payableInvoiceID)), ("amount", DecimalText.format(total))])
        #expect(paid["result"]?.text == "success" && paid["status"]?.text == "Paid")
        #expect(amount(try h.call("getcredits")["message"]) == credit - total)
        #expect(try h.call("request_cancellation", [("id", String(f.overTrafficServerID))])["code"]?.int == -3)
        #expect(isSuccess(try h.call("request_cancellation", [("id", String(f.cancellableServerID)), ("cancellation_type", "0")])))
        let token = try h.login(apiKey: h.sandbox.demoAPIKey)
        #expect(try h.call("get_cancellation_requests", token: token)["message"]?.arrayValue?.count == 1)
        #expect(try h.call("update_client", [("profile_data[billing_email]", "")])["-1"] != nil)
        #expect(h.sandbox.requestCount(action: "apply_credit") == 1, "a write is sent once")
    }
}
