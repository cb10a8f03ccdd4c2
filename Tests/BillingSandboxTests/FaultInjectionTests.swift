@testable import BillingSandbox
import BillingAPI
import Foundation
import Testing

@Suite("Fault injection through the in-process transport")
struct FaultInjectionTests {
    static func request(_ sandbox: Sandbox, _ action: String, _ fields: [(String, String)] = []) -> HTTPRequest {
        var form = FormParameters()
        form.add("action", action)
        for (n, v) in fields { form.add(n, v) }
        form.add("token", sandbox.demoToken)
        return HTTPRequest(url: "http://127.0.0.1/whmcs.php", body: form.encodedData, actionName: action,
                           isMutating: Action(rawValue: action)?.isMutating ?? false)
    }

    static func payPayable(_ h: SandboxHarness) -> HTTPRequest {
        request(h.sandbox, "apply_credit", [("invoice_id", String(h.fixture.payableInvoiceID)), ("amount", "10.00")])
    }

    @Test("a failure rate of 1 answers 503 without running the action; the request is still counted")
    func failureRate() throws {
        let h = try SandboxHarness()
        h.sandbox.faults["apply_credit"] = Fault(failureRate: 1)
        let credit = h.sandbox.creditBalance(clientID: h.demoID)
        let response = try SandboxTransport(sandbox: h.sandbox).send(Self.payPayable(h))
        #expect(response.status == 503)
        #expect(h.sandbox.creditBalance(clientID: h.demoID) == credit)
        #expect(h.sandbox.requestCount(action: "apply_credit") == 1)
        #expect(isSuccess(try h.call("getcredits")), "other actions are not affected")
    }

    @Test("a partial failure rate is repeatable for a given seed")
    func failureRateIsDeterministic() throws {
        func outcomes() throws -> [Int] {
            let h = try SandboxHarness(seed: 21)
            h.sandbox.faults.all = Fault(failureRate: 0.5)
            let t = SandboxTransport(sandbox: h.sandbox)
            return try (0..<40).map { _ in try t.send(Self.request(h.sandbox, "getcredits")).status }
        }
        let first = try outcomes()
        #expect(first == (try outcomes()))
        #expect(first.contains(503) && first.contains(200))
    }

    @Test("an HTML error page replaces the answer and the action does not run")
    func htmlPage() throws {
        let h = try SandboxHarness()
        h.sandbox.faults.all = Fault(htmlErrorPage: 502)
        let credit = h.sandbox.creditBalance(clientID: h.demoID)
        let response = try SandboxTransport(sandbox: h.sandbox).send(Self.payPayable(h))
        #expect(response.status == 502 && response.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(String(decoding: response.body, as: UTF8.self).contains("502 Bad Gateway"))
        #expect(h.sandbox.creditBalance(clientID: h.demoID) == credit)
    }

    @Test("malformed and truncated bodies come after the action ran: a write's outcome is unknown", arguments: ["malformed", "truncated"])
    func brokenBodies(kind: String) throws {
        let h = try SandboxHarness()
        h.sandbox.faults.all = kind == "malformed" ? Fault(malformedBody: true) : Fault(truncatedBody: true)
        let credit = try #require(h.sandbox.creditBalance(clientID: h.demoID))
        let request = Self.payPayable(h)
        let response = try SandboxTransport(sandbox: h.sandbox).send(request)
        #expect(response.status == 200)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(response.body) }
        #expect(h.sandbox.creditBalance(clientID: h.demoID) == credit - 10, "the payment was applied")
        if case .failure(let error) = ResponseClassifier.classify(response, action: "apply_credit", isMutating: true) {
            #expect(error.isOutcomeUnknown)
        } else {
            Issue.record("a broken answer to a write must not classify as success")
        }
        if kind == "malformed" { #expect(String(decoding: response.body, as: UTF8.self).hasPrefix("<br />")) }
    }

    @Test("a dropped connection or a timeout is a transport error with the request sent, the action applied",
          arguments: [Fault(dropAfterRead: true), Fault(dropMidAnswer: true), Fault(timeoutSeconds: 30)])
    func deliveryFaults(fault: Fault) throws {
        let h = try SandboxHarness()
        h.sandbox.faults["apply_credit"] = fault
        let credit = try #require(h.sandbox.creditBalance(clientID: h.demoID))
        do {
            _ = try SandboxTransport(sandbox: h.sandbox).send(Self.payPayable(h))
            Issue.record("expected a transport error")
        } catch {
            #expect(error.requestSent)
            #expect(error.kind == (fault.timeoutSeconds == nil ? .connectionDropped : .timedOut))
        }
        #expect(h.sandbox.creditBalance(clientID: h.demoID) == credit - 10)
        #expect(h.sandbox.requestCount(action: "apply_credit") == 1)
    }

    @Test("latency delays the answer by at least the given time")
    func latency() throws {
        let h = try SandboxHarness()
        h.sandbox.faults.all.latencyMs = 30
        let start = Date()
        #expect(try SandboxTransport(sandbox: h.sandbox).send(Self.request(h.sandbox, "getcredits")).status == 200)
        #expect(Date().timeIntervalSince(start) >= 0.03)
    }

    @Test("per-action faults lie over the plan for all actions; counters count and reset")
    func planAndCounters() throws {
        var plan = FaultPlan(all: Fault(latencyMs: 5))
        plan["getcredits"] = Fault(latencyMs: 7, malformedBody: true)
        #expect(plan.fault(for: "getcredits") == Fault(latencyMs: 12, malformedBody: true))
        #expect(plan.fault(for: "get_invoices") == Fault(latencyMs: 5))
        plan["getcredits"] = .none
        #expect(plan.actions.isEmpty)

        let h = try SandboxHarness()
        for _ in 0..<3 { _ = try h.call("getcredits") }
        _ = try h.auth("login", [("key", h.sandbox.demoAPIKey)])
        #expect(h.sandbox.requestCount(action: "getcredits") == 3)
        #expect(h.sandbox.requestCount(action: "login") == 1)
        #expect(h.sandbox.totalRequestCount == 4)
        h.sandbox.resetCounters()
        #expect(h.sandbox.requestCount(action: "getcredits") == 0)
    }
}
