@testable import BillingSandbox
import BillingAPI
import Foundation
import Testing

@Suite("Cancellation, subscription cancellation and due invoices")
struct CancellationTests {
    static func payInFull(_ h: SandboxHarness, _ invoiceID: Int) throws {
        let balance = try #require(h.sandbox.invoiceBalance(invoiceID))
        let answer = try h.call("apply_credit", [("invoice_id", String(invoiceID)), ("amount", DecimalText.format(balance))])
        #expect(answer["status"]?.text == "Paid")
    }

    @Test("request_cancellation refusals: over traffic (code -3), licences, an overdue invoice, a second request, unknown server")
    func refusals() throws {
        let h = try SandboxHarness()
        let f = h.fixture
        let traffic = try h.call("request_cancellation", [("id", String(f.overTrafficServerID)), ("cancellation_type", "1")])
        #expect(traffic["code"]?.int == -3 && traffic["message"]?.text == "whmcs_server_exceded_traffic")
        #expect(ResponseClassifier.failure(in: traffic)?.code == .number(-3))
        #expect(failureMessage(try h.call("request_cancellation", [("id", String(f.licensedServerID))])) == "server_has_active_licenses")
        #expect(failureMessage(try h.call("request_cancellation", [("id", "77")])) == "Server 77 doesn't have a relid data")
        #expect(failureMessage(try h.call("request_cancellation", [("id", String(f.lapsedServerID)), ("cancellation_type", "7")])) ==
            "invalid cancellation_type")

        // Without the overage, the over-traffic server is still held back by its overdue invoice.
        h.sandbox.withState { s in s.servers[s.serverIndex(f.overTrafficServerID) ?? 0].trafficOverage = false }
        #expect(failureMessage(try h.call("request_cancellation", [("id", String(f.overTrafficServerID))])) == "unpaid_invoices_found")

        #expect(isSuccess(try h.call("request_cancellation", [("id", String(f.lapsedServerID))])))
        #expect(failureMessage(try h.call("request_cancellation", [("id", String(f.lapsedServerID))])) ==
            "cancellation_request_already_exists")
        #expect(h.sandbox.cancellationRequests(clientID: h.demoID).count == 1)
    }

    @Test("a request at the end of the period cancels the server's unpaid renewal; deleting it restores the invoice")
    func requestAndRestore() throws {
        let h = try SandboxHarness()
        let f = h.fixture
        let server = String(f.cancellableServerID)
        let answer = try h.call("request_cancellation", [("id", server), ("cancellation_type", "0"), ("cancellation_reason", "Переезд")])
        #expect(answer == ["result": "OK"])
        #expect(h.sandbox.invoiceStatus(f.payableInvoiceID) == "Cancelled")
        let list = try h.call("get_cancellation_requests", [("id", server)])["message"]?.arrayValue ?? []
        let entry = try #require(list.first)
        #expect(list.count == 1)
        #expect(entry["relid"]?.int == f.cancellableServerID && entry["cr_type"]?.text == "End of Billing Period")
        #expect(entry["cr_reason"]?.text == "Переезд" && entry["billing"]?.text == "whmcs_ru" && entry["corporate"]?.text == "Y")
        #expect(entry["due_date"]?.text == h.sandbox.nextDueDate(serverID: f.cancellableServerID)?.text)
        #expect(entry["cr_date"]?.text?.hasPrefix(SandboxHarness.today.text) == true)
        #expect(entry["customer_id"]?.int == h.demoID && entry["status"]?.text == "Active")
        #expect(try h.call("get_billing_data", [("id", server)])["data"]?["cancellation_requested"] == .bool(true))

        let deleted = try h.call("delete_cancellation_request", [("id", server)])
        #expect(deleted["action"]?.text == "delete_cancellation_request" && deleted["data"]?["result"]?.text == "success")
        #expect(deleted["data"]?["restored_invoices"]?.arrayValue?.compactMap(\.int) == [f.payableInvoiceID])
        #expect(h.sandbox.invoiceStatus(f.payableInvoiceID) == "Unpaid")
        #expect(try h.call("get_cancellation_requests")["message"]?.arrayValue?.isEmpty == true)
        #expect(failureMessage(try h.call("delete_cancellation_request", [("id", server)])) ==
            "cancellation request for server \(server) not found")
        #expect(failureMessage(try h.call("delete_cancellation_request", [("id", "5")])) == "Server 5 doesn't have a relid data")
    }

    @Test("deleting a request that cancelled nothing issues the renewal invoice again")
    func deleteRegenerates() throws {
        let h = try SandboxHarness()
        let server = h.fixture.lapsedServerID
        #expect(isSuccess(try h.call("request_cancellation", [("id", String(server)), ("cancellation_type", "1")])))
        let deleted = try h.call("delete_cancellation_request", [("id", String(server))])
        let generated = try #require(deleted["data"]?["generated_invoice"]?.int)
        #expect(h.sandbox.invoiceStatus(generated) == "Unpaid")
        let items = try h.call("get_invoice", [("invoice_id", String(generated))])["items"]?["item"]?.arrayValue ?? []
        #expect(items.first?["relid"]?.int == server && items.first?["type"]?.text == "Hosting")
    }

    @Test("immediate cancellation refunds the unused part of a paid period, unless a bank subscription bills it")
    func immediateRefund() throws {
        let h = try SandboxHarness()
        let server = h.fixture.lapsedServerID
        let price = h.sandbox.withState { s -> Cents in
            let i = s.serverIndex(server) ?? 0
            s.servers[i].nextDueDate = SandboxHarness.today.adding(days: 15)
            return s.servers[i].recurringAmount
        }
        let periodDays = SandboxHarness.today.adding(days: 15).adding(months: -1).days(until: SandboxHarness.today.adding(days: 15))
        #expect(isSuccess(try h.call("request_cancellation", [("id", String(server)), ("cancellation_type", "1")])))
        let entry = try #require(try h.call("get_cancellation_requests")["message"]?.arrayValue?.first)
        #expect(entry["cr_type"]?.text == "Immediate" && entry["due_date"]?.text == SandboxHarness.today.text)
        #expect(amount(entry["refund"]) == price.scaled(15, over: periodDays).decimal)
        #expect((amount(entry["refund"]) ?? 0) > 0)

        // The cancellable server is billed by a bank subscription: no refund.
        try Self.payInFull(h, h.fixture.payableInvoiceID)
        let cancellable = String(h.fixture.cancellableServerID)
        #expect(isSuccess(try h.call("request_cancellation", [("id", cancellable), ("cancellation_type", "1")])))
        let second = try #require(try h.call("get_cancellation_requests", [("id", cancellable)])["message"]?.arrayValue?.first)
        #expect(amount(second["refund"]) == 0)
    }

    @Test("get_cancellation_requests filters by dates, type and billing status")
    func listFilters() throws {
        let h = try SandboxHarness()
        let f = h.fixture
        #expect(isSuccess(try h.call("request_cancellation", [("id", String(f.cancellableServerID)), ("cancellation_type", "0")])))
        #expect(isSuccess(try h.call("request_cancellation", [("id", String(f.lapsedServerID)), ("cancellation_type", "1")])))
        func count(_ fields: [(String, String)]) throws -> Int {
            try h.call("get_cancellation_requests", fields)["message"]?.arrayValue?.count ?? -1
        }
        let today = SandboxHarness.today
        #expect(try count([]) == 2)
        #expect(try count([("period_from", today.text), ("period_to", today.text)]) == 2)
        #expect(try count([("period_from", today.adding(days: 1).text)]) == 0)
        #expect(try count([("period_to", today.adding(days: -1).text)]) == 0)
        #expect(try count([("cancellation_type", "End of Billing Period")]) == 1)
        #expect(try count([("cancellation_type", "1")]) == 1)
        #expect(try count([("billing_status", "Cancelled")]) == 1, "the cancellable server's renewal was cancelled")
        #expect(try count([("id", String(f.lapsedServerID))]) == 1)
        #expect(failureMessage(try h.call("get_cancellation_requests", [("id", "9")])) == "server 9 doesn't have a relid data")
        #expect(failureMessage(try h.call("get_cancellation_requests", [("period_from", "yesterday")])) == "invalid period_from")
    }

    @Test("request_subscription_cancellation files one ticket per server")
    func subscription() throws {
        let h = try SandboxHarness()
        let f = h.fixture
        let answer = try h.call("request_subscription_cancellation", [("id", String(f.cancellableServerID)),
                                                                      ("cancellation_type", "1"), ("cancellation_reason", "card")])
        let data = try #require(answer["data"]?.objectValue)
        #expect(data["relid"]?.int == f.cancellableServerID && data["clientid"]?.int == h.demoID)
        #expect(data["billing"]?.text == "whmcs_ru" && data["currency"]?.text == "RUB" && data["displayid"]?.text?.hasPrefix("SUB-") == true)
        #expect(data["cancellation_reason"]?.text == "card" && amount(data["amount"]) != nil)
        #expect(h.sandbox.subscriptionCancellationTickets(clientID: h.demoID) == [f.cancellableServerID])
        #expect(failureMessage(try h.call("request_subscription_cancellation", [("id", String(f.cancellableServerID))])) ==
            "sub_cancel_ticket_already_open")
        #expect(failureMessage(try h.call("request_subscription_cancellation", [("id", String(f.lapsedServerID))])) ==
            "sub_cancel_no_subscription")
        #expect(failureMessage(try h.call("request_subscription_cancellation", [("id", "3")])) == "sub_cancel_server_not_found")
    }

    @Test("generate_due_invoice: blocked by an upgrade, by unpaid invoices, by a cycle not long enough over; else issued")
    func dueInvoice() throws {
        let h = try SandboxHarness()
        let f = h.fixture
        #expect(failureMessage(try h.call("generate_due_invoice", [("id", String(f.licensedServerID))])) == "next_invoice_blocked_by_upgrade")
        #expect(failureMessage(try h.call("generate_due_invoice", [("id", String(f.overTrafficServerID))])) == "unpaid_invoices_exist")
        try Self.payInFull(h, f.payableInvoiceID)
        #expect(failureMessage(try h.call("generate_due_invoice", [("id", String(f.cancellableServerID))])) == "billing_cycle_not_completed")
        #expect(failureMessage(try h.call("generate_due_invoice", [("id", "1")])) == "server 1 not found")

        let answer = try h.call("generate_due_invoice", [("id", String(f.lapsedServerID))])
        let invoice = try #require(answer["invoices"]?.arrayValue?.first)
        let id = try #require(invoice["id"]?.int)
        #expect(invoice["status"]?.text == "Unpaid" && invoice["currency"]?.text == "RUB")
        let recurring = try h.call("get_billing_data", [("id", String(f.lapsedServerID))])["data"]?["recurring_amount"]
        #expect(amount(invoice["amount"]) == amount(recurring))
        #expect(h.sandbox.invoiceStatus(id) == "Unpaid")
        #expect(failureMessage(try h.call("generate_due_invoice", [("id", String(f.lapsedServerID))])) == "unpaid_invoices_exist")
    }

    @Test("get_billing_data: the reference's fields plus the billing tags")
    func billingData() throws {
        let h = try SandboxHarness()
        let answer = try h.call("get_billing_data", [("id", String(h.fixture.licensedServerID)), ("customer_name", "x")])
        #expect(answer["action"]?.text == "get_billing_data")
        let data = try #require(answer["data"]?.objectValue)
        for field in ["account_id", "type_billing", "status", "customer_name", "location", "deploy_date", "billing_period",
                      "recurring_amount", "next_due_date", "traffic_used_gb", "traffic_limit_gb", "licenses", "subscription",
                      "upgrade_pending"] {
            #expect(data[field] != nil, "field \(field)")
        }
        #expect(data["type_billing"]?.text == "whmcs_ru" && data["billing_period"]?.int == 3)
        #expect(data["licenses"]?.arrayValue?.count == 2 && data["upgrade_pending"] == .bool(true))
        #expect(SandboxDay(text: data["deploy_date"]?.text ?? "") != nil)
        #expect(failureMessage(try h.call("get_billing_data", [])) == "invalid request")
    }
}
