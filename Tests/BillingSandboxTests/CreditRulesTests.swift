@testable import BillingSandbox
import BillingAPI
import Foundation
import Testing

@Suite("Credit: getcredits, apply_credit, create_addfunds, mass_pay")
struct CreditRulesTests {
    @Test("getcredits answers the balance as a number in message")
    func getCredits() throws {
        let h = try SandboxHarness()
        let answer = try h.call("getcredits")
        #expect(answer["module"]?.text == "whmcs" && answer["action"]?.text == "getcredits")
        guard case .number(let text)? = answer["message"] else { Issue.record("message is not a number"); return }
        #expect(DecimalText.parse(text) == h.sandbox.creditBalance(clientID: h.demoID))
        #expect(isSuccess(try h.call("getcredits", [("server_id", String(h.fixture.lapsedServerID))])))
        #expect(failureMessage(try h.call("getcredits", [("server_id", "1")]))?.hasPrefix("failed to retrive account history at whmcs_ru") == true)
    }

    @Test("applying exactly the total pays the invoice and records a transaction")
    func payInFull() throws {
        let h = try SandboxHarness()
        let id = h.fixture.payableInvoiceID
        let before = try #require(h.sandbox.creditBalance(clientID: h.demoID))
        let total = try #require(amount(try h.call("get_invoice", [("invoice_id", String(id))])["total"]))
        let dueBefore = try #require(h.sandbox.nextDueDate(serverID: h.fixture.cancellableServerID))
        let answer = try h.call("apply_credit", [("invoice_id", String(id)), ("amount", DecimalText.format(total))])
        #expect(answer["result"]?.text == "success")
        #expect(answer["invoiceid"]?.int == id)
        #expect(amount(answer["amount"]) == total)
        #expect(answer["status"]?.text == "Paid")
        #expect(h.sandbox.creditBalance(clientID: h.demoID) == before - total)
        let invoice = try h.call("get_invoice", [("invoice_id", String(id))])
        #expect(invoice["status"]?.text == "Paid")
        #expect(amount(invoice["balance"]) == 0)
        #expect(amount(invoice["credit"]) == total)
        #expect(invoice["datepaid"]?.text?.hasPrefix(SandboxHarness.today.text) == true)
        let transactions = try h.call("transactions", [("invoice_id", String(id))])["transactions"]?.arrayValue ?? []
        #expect(transactions.count == 1 && amount(transactions.first?["amount"]) == total && transactions.first?["gateway"]?.text == "credit")
        #expect(h.sandbox.nextDueDate(serverID: h.fixture.cancellableServerID) == dueBefore.adding(months: 1), "a renewal moves the due date on")
    }

    @Test("an amount above the invoice balance is capped at the balance")
    func cappedAtBalance() throws {
        let h = try SandboxHarness()
        let id = h.fixture.payableInvoiceID
        let credit = try #require(h.sandbox.creditBalance(clientID: h.demoID))
        let balance = try #require(h.sandbox.invoiceBalance(id))
        #expect(credit > balance)
        let answer = try h.call("apply_credit", [("invoice_id", String(id)), ("amount", DecimalText.format(credit))])
        #expect(amount(answer["amount"]) == balance)
        #expect(answer["status"]?.text == "Paid")
        #expect(h.sandbox.creditBalance(clientID: h.demoID) == credit - balance)
    }

    @Test("a partial payment leaves the invoice Unpaid with a smaller balance")
    func partial() throws {
        let h = try SandboxHarness()
        let id = h.fixture.payableInvoiceID
        let balance = try #require(h.sandbox.invoiceBalance(id))
        let credit = try #require(h.sandbox.creditBalance(clientID: h.demoID))
        let answer = try h.call("apply_credit", [("invoice_id", String(id)), ("amount", "100.10")])
        #expect(answer["status"]?.text == "Unpaid" && amount(answer["amount"]) == dec("100.10"))
        #expect(h.sandbox.invoiceBalance(id) == balance - dec("100.10"))
        #expect(h.sandbox.creditBalance(clientID: h.demoID) == credit - dec("100.10"))
    }

    @Test("apply_credit refusals carry WHMCS's error inside the message and change nothing",
          arguments: [("exceeds", "Amount exceeds customer credit balance"), ("paid", "Invoice Not in Unpaid Status"),
                      ("zero", "Amount must be greater than zero"), ("negative", "Amount must be greater than zero"),
                      ("text", "Amount must be greater than zero"), ("unknown", "Invoice ID Not Found")])
    func applyCreditRefusals(scenario: String, error: String) throws {
        let h = try SandboxHarness()
        let credit = try #require(h.sandbox.creditBalance(clientID: h.demoID))
        let transactions = h.sandbox.transactionCount(clientID: h.demoID)
        var invoice = h.fixture.payableInvoiceID
        var value = "10"
        switch scenario {
        case "exceeds": invoice = h.fixture.overdueInvoiceID; value = DecimalText.format(credit + dec("0.01"))
        case "paid": invoice = h.fixture.paidInvoiceID
        case "zero": value = "0"
        case "negative": value = "-5"
        case "text": value = "ten"
        default: invoice = 1
        }
        let answer = try h.call("apply_credit", [("invoice_id", String(invoice)), ("amount", value)])
        let message = try #require(failureMessage(answer))
        #expect(answer["code"]?.int == -1)
        #expect(message.hasPrefix("WHMCS ApplyCredit failed: "))
        let inner = try JSONParser.parse(String(message.dropFirst("WHMCS ApplyCredit failed: ".count)))
        #expect(inner["result"]?.text == "error" && inner["error"]?.text == error)
        #expect(h.sandbox.creditBalance(clientID: h.demoID) == credit)
        #expect(h.sandbox.transactionCount(clientID: h.demoID) == transactions)
    }

    @Test("settling the over-traffic server's invoice clears its overage, so it can then be cancelled")
    func settlingClearsOverage() throws {
        let h = try SandboxHarness()
        let f = h.fixture
        #expect(h.sandbox.hasTrafficOverage(serverID: f.overTrafficServerID))
        // Top up enough credit first: an add-funds invoice paid at the gateway.
        let topUp = try h.call("create_addfunds", [("amount", "500000")])
        let topUpID = try #require(topUp["invoice"]?["id"]?.int)
        #expect(h.sandbox.simulateGatewayPayment(invoiceID: topUpID))
        let balance = try #require(h.sandbox.invoiceBalance(f.overdueInvoiceID))
        let answer = try h.call("apply_credit", [("invoice_id", String(f.overdueInvoiceID)), ("amount", DecimalText.format(balance))])
        #expect(answer["status"]?.text == "Paid")
        #expect(!h.sandbox.hasTrafficOverage(serverID: f.overTrafficServerID))
        let data = try h.call("get_billing_data", [("id", String(f.overTrafficServerID))])
        #expect(data["data"]?["traffic_overage"] == .bool(false))
        #expect((data["data"]?["traffic_used_gb"]?.int ?? 0) <= (data["data"]?["traffic_limit_gb"]?.int ?? 0))
        #expect(isSuccess(try h.call("request_cancellation", [("id", String(f.overTrafficServerID))])))
    }

    @Test("create_addfunds: minimum 20 unless subscribing; paying the invoice raises the credit")
    func addFunds() throws {
        let h = try SandboxHarness()
        #expect(failureMessage(try h.call("create_addfunds", [("amount", "19.99")])) == "minimal payment amount is 20.")
        #expect(failureMessage(try h.call("create_addfunds", [])) == "minimal payment amount is 20.")
        #expect(failureMessage(try h.call("create_addfunds", [("amount", "0"), ("subscribe", "1")])) != nil)
        let small = try h.call("create_addfunds", [("amount", "19.99"), ("subscribe", "1")])
        #expect(isSuccess(small))
        let answer = try h.call("create_addfunds", [("amount", "1250.50"), ("description", "Пополнение")])
        let id = try #require(answer["invoice"]?["id"]?.int)
        #expect(answer["invoice"]?["status"]?.text == "Unpaid")
        #expect(amount(answer["invoice"]?["amount"]) == dec("1250.50"))
        #expect(answer["message"]?.text == "Invoice \(id) created")
        #expect(h.sandbox.invoiceStatus(id) == "Unpaid")
        let refused = try h.call("apply_credit", [("invoice_id", String(id)), ("amount", "10")])
        #expect(failureMessage(refused)?.contains("Add Funds") == true)
        let before = try #require(h.sandbox.creditBalance(clientID: h.demoID))
        #expect(h.sandbox.simulateGatewayPayment(invoiceID: id))
        #expect(h.sandbox.creditBalance(clientID: h.demoID) == before + dec("1250.50"))
        #expect(h.sandbox.invoiceStatus(id) == "Paid")
        #expect(!h.sandbox.simulateGatewayPayment(invoiceID: id), "a paid invoice cannot be paid twice")
    }

    @Test("mass_pay: at least two of the caller's Unpaid invoices, combined into one; paying it pays each")
    func massPay() throws {
        let h = try SandboxHarness()
        let f = h.fixture
        let a = String(f.payableInvoiceID), b = String(f.overdueInvoiceID)
        #expect(failureMessage(try h.call("mass_pay", [("invoices[]", a)])) == "mass_pay_requires_2_invoices")
        #expect(failureMessage(try h.call("mass_pay", [("invoices[]", a), ("invoices[]", a)])) == "mass_pay_requires_2_invoices")
        #expect(failureMessage(try h.call("mass_pay", [("invoices[]", a), ("invoices[]", String(f.paidInvoiceID))])) ==
            "invoice \(f.paidInvoiceID) is not unpaid")
        #expect(failureMessage(try h.call("mass_pay", [("invoices[]", a), ("invoices[]", "1")])) == "invoice 1 not found")

        let owed = try #require(h.sandbox.invoiceBalance(f.payableInvoiceID)) + #require(h.sandbox.invoiceBalance(f.overdueInvoiceID))
        let answer = try h.call("mass_pay", [("invoices[0]", a), ("invoices[1]", b)])
        let combined = try #require(answer["invoiceid"]?.int)
        let invoice = try h.call("get_invoice", [("invoice_id", String(combined))])
        #expect(amount(invoice["total"]) == owed)
        let items = invoice["items"]?["item"]?.arrayValue ?? []
        #expect(items.map { $0["relid"]?.int } == [f.payableInvoiceID, f.overdueInvoiceID])
        #expect(items.allSatisfy { $0["type"]?.text == "Invoice" })
        #expect(h.sandbox.invoiceStatus(f.payableInvoiceID) == "Unpaid", "the originals stay until the combined one is paid")
        #expect(h.sandbox.simulateGatewayPayment(invoiceID: combined))
        #expect(h.sandbox.invoiceStatus(f.payableInvoiceID) == "Paid")
        #expect(h.sandbox.invoiceStatus(f.overdueInvoiceID) == "Paid")
        #expect(!h.sandbox.hasTrafficOverage(serverID: f.overTrafficServerID))
    }
}
