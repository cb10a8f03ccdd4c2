import BillingAPI
import BillingSandbox
@testable import ConsoleCore
import Foundation
import LocalStore
import Testing

/// Apply credit, mass pay, add funds and generate due invoice against the sandbox: the keys a
/// person presses, what is sent, what the sandbox then holds and what the screen shows.
@Suite struct PaymentsSandboxTests {
    @Test func applyCreditDefaultsToTheBalancePaysTheInvoiceAndSpendsExactlyThat() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        let id = h.fixture.payableInvoiceID
        let creditBefore = h.sandbox.creditBalance(clientID: h.clientID) ?? 0
        let balance = h.sandbox.invoiceBalance(id) ?? 0
        #expect(creditBefore > balance)
        h.select(invoice: id)
        h.press(.char("a"))
        #expect(h.console.form?.value("amount") == Money(balance, .rub).plainText)
        h.press(.enter)                                       // the form becomes a confirm dialog
        #expect(h.console.confirm?.write.parameters == FormParameters([("invoice_id", String(id)), ("amount", Money(balance, .rub).plainText)]))
        #expect(h.sandbox.requestCount(action: "apply_credit") == 0)
        h.press(.enter)                                       // confirmed: sent once
        #expect(h.sandbox.requestCount(action: "apply_credit") == 1)
        #expect(h.console.confirm?.phase == .done(message: "Done: applying credit to invoice \(id)."))
        #expect(h.console.status?.kind == .success)
        // The sandbox and the re-read screen agree: Paid, and the credit went down by the balance.
        #expect(h.sandbox.invoiceStatus(id) == "Paid")
        #expect(h.sandbox.creditBalance(clientID: h.clientID) == creditBefore - balance)
        #expect(h.console.customer.credit.value?.amount.amount == creditBefore - balance)
        #expect(h.console.list.invoices.first { $0.id == id }?.status == .paid)
        #expect(h.console.detail?.invoice.value?.status == .paid)
        #expect(h.console.detail?.transactions.value?.map(\.amount.amount) == [balance])
        // Journaled before sending, done after.
        #expect(h.transport.writes.map(\.action) == ["apply_credit"])
        #expect(h.transport.writes.map(\.pendingBeforeSend) == [true])
        #expect(h.journalEntries.map(\.state) == [.done])
        #expect(h.journalEntries.first?.parameters["invoice_id"] == String(id))
        h.press(.enter)                                       // closes the dialog; nothing more sent
        #expect(h.console.confirm == nil)
        #expect(h.sandbox.requestCount(action: "apply_credit") == 1)
    }

    @Test func applyCreditLargerThanTheCreditDefaultsToTheCreditAndLeavesTheRest() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        // The dearest unpaid invoice costs more than the credit.
        let id = h.fixture.unpaidInvoiceIDs.max { (h.sandbox.invoiceBalance($0) ?? 0) < (h.sandbox.invoiceBalance($1) ?? 0) } ?? 0
        let credit = h.sandbox.creditBalance(clientID: h.clientID) ?? 0
        let balance = h.sandbox.invoiceBalance(id) ?? 0
        #expect(balance > credit)
        h.select(invoice: id)
        h.press(.char("a"))
        #expect(h.console.form?.value("amount") == Money(credit, .rub).plainText)
        h.press(.enter)
        h.press(.enter)
        #expect(h.sandbox.invoiceStatus(id) == "Unpaid")
        #expect(h.sandbox.invoiceBalance(id) == balance - credit)
        #expect(h.console.detail?.invoice.value?.balance.amount == balance - credit)
        #expect(h.console.customer.credit.value?.amount.isZero == true)
        // With no credit left, the next attempt is stopped before any form.
        h.press(.escape)
        h.press(.escape)
        h.select(invoice: h.fixture.payableInvoiceID)
        h.press(.char("a"))
        #expect(h.console.form == nil)
        #expect(h.console.status?.text == Messages.noCredit)
        #expect(h.sandbox.requestCount(action: "apply_credit") == 1)
    }

    @Test func applyCreditAmountsAreCheckedBeforeSending() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        h.select(invoice: h.fixture.payableInvoiceID)
        h.press(.char("a"))
        for bad in ["abc", "0", "-5", "999999999"] {
            while !(h.console.form?.value("amount").isEmpty ?? true) { h.press(.backspace) }
            h.type(bad)
            h.press(.enter)
            #expect(h.console.confirm == nil, "\(bad)")
            #expect(h.console.form?.fields.first?.error != nil, "\(bad)")
        }
        #expect(h.mutatingRequests == 0)
        #expect(h.journalEntries.isEmpty)
    }

    @Test func applyCreditToAnInvoicePaidMeanwhileIsRefusedAndChangesNothing() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        let id = h.fixture.payableInvoiceID
        let credit = h.sandbox.creditBalance(clientID: h.clientID)
        #expect(h.sandbox.simulateGatewayPayment(invoiceID: id))      // the customer paid by card
        h.select(invoice: id)
        h.press(.char("a"))
        h.press(.enter)
        h.press(.enter)
        guard case .failed(let message, _)? = h.console.confirm?.phase else { Issue.record("not failed"); return }
        #expect(message.contains("Not in Unpaid Status"))
        #expect(h.console.status?.kind == .error)
        #expect(h.sandbox.creditBalance(clientID: h.clientID) == credit)
        #expect(h.journalEntries.map(\.state) == [.failed])
        #expect(h.sandbox.requestCount(action: "apply_credit") == 1)
    }

    @Test func massPayCombinesTheMarkedInvoicesWithTheExactTotal() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        let a = h.fixture.overdueInvoiceID, b = h.fixture.payableInvoiceID
        let total = (h.sandbox.invoiceBalance(a) ?? 0) + (h.sandbox.invoiceBalance(b) ?? 0)
        let before = h.console.list.count
        h.select(invoice: a)
        h.press(.char(" "))
        h.press(.char("m"))                                   // one is not enough
        #expect(h.console.confirm == nil)
        #expect(h.console.status?.kind == .warning)
        h.select(invoice: b)
        h.press(.char(" "))
        h.press(.char("m"))
        let write = h.console.confirm?.write
        #expect(write?.parameters == FormParameters([("invoices[]", String(min(a, b))), ("invoices[]", String(max(a, b)))]))
        #expect(write?.summary.contains("Total: \(Money(total, .rub).formatted)") == true)
        h.press(.enter)
        #expect(h.sandbox.requestCount(action: "mass_pay") == 1)
        guard case .done(let message)? = h.console.confirm?.phase, let created = h.console.detail?.invoiceID else {
            Issue.record("not done"); return
        }
        #expect(message == "Mass pay: combined invoice \(created) created.")
        #expect(h.console.list.count == before + 1)
        #expect(h.console.list.marks.isEmpty)
        #expect(h.console.detail?.invoice.value?.total.amount == total)
        #expect(h.console.detail?.invoice.value?.status == .unpaid)
        // The originals stay Unpaid until the combined invoice is paid.
        #expect(h.sandbox.invoiceStatus(a) == "Unpaid" && h.sandbox.invoiceStatus(b) == "Unpaid")
    }

    @Test func massPayOfAnInvoicePaidMeanwhileIsRefused() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        let a = h.fixture.overdueInvoiceID, b = h.fixture.payableInvoiceID
        for id in [a, b] { h.select(invoice: id); h.press(.char(" ")) }
        #expect(h.sandbox.simulateGatewayPayment(invoiceID: b))
        h.press(.char("m"))
        h.press(.enter)
        guard case .failed(let message, _)? = h.console.confirm?.phase else { Issue.record("not failed"); return }
        #expect(message.contains("\(b) is not unpaid"))
        #expect(h.console.list.marks == [a, b])             // kept, so the agent can fix the selection
        #expect(h.journalEntries.map(\.state) == [.failed])
    }

    @Test func addFundsShowsTheServersMinimumMessageAsIsThenCreatesTheInvoice() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        let before = h.console.list.count
        h.press(.char("f"))
        for bad in ["0", "abc"] {
            h.type(bad)
            h.press(.enter)
            #expect(h.console.confirm == nil)
            #expect(h.console.form?.fields.first?.error != nil)
            for _ in bad { h.press(.backspace) }
        }
        #expect(h.mutatingRequests == 0)
        h.type("10")
        h.press(.enter)
        #expect(h.console.confirm?.write.parameters == FormParameters([("amount", "10.00")]))
        h.press(.enter)
        guard case .failed(let message, _)? = h.console.confirm?.phase else { Issue.record("not failed"); return }
        #expect(message.contains("minimal payment amount is 20."))
        #expect(h.console.status?.text.contains("minimal payment amount is 20.") == true)
        // Back to the form (the dialog closes), a larger amount goes through.
        h.press(.enter)
        #expect(h.console.confirm == nil)
        for _ in 0..<2 { h.press(.backspace) }
        h.type("25.50")
        h.press(.enter)
        h.press(.enter)
        guard case .done(let done)? = h.console.confirm?.phase, let created = h.console.detail?.invoiceID else {
            Issue.record("not done"); return
        }
        #expect(done == "Add funds: invoice \(created) created.")
        #expect(h.console.list.count == before + 1)
        #expect(h.console.detail?.invoice.value?.total.amount == Decimal(string: "25.50"))
        #expect(h.sandbox.requestCount(action: "create_addfunds") == 2)
        #expect(h.journalEntries.map(\.state) == [.failed, .done])
    }

    @Test func addFundsBelowTheMinimumIsAcceptedWithAutoRenewal() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        h.press(.char("f"))
        h.type("10")
        h.press(.tab)
        h.press(.tab)                                         // the subscription toggle
        h.press(.char(" "))
        h.press(.enter)
        #expect(h.console.confirm?.write.parameters == FormParameters([("amount", "10.00"), ("subscribe", "1")]))
        h.press(.enter)
        guard case .done? = h.console.confirm?.phase else { Issue.record("not done: \(String(describing: h.console.confirm?.phase))"); return }
        #expect(h.console.detail?.invoice.value?.total.amount == 10)
    }

    @Test func generateDueInvoiceWorksForTheLapsedServerAndIsRefusedForTheLicensedOne() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        let before = h.console.list.count
        let lapsed = h.fixture.lapsedServerID
        h.sendAndRun(.startGenerateDueInvoice(serverID: lapsed))
        #expect(h.console.form?.value("server") == String(lapsed))
        h.press(.enter)
        #expect(h.console.confirm?.write.parameters == FormParameters([("id", String(lapsed))]))
        h.press(.enter)
        guard case .done(let message)? = h.console.confirm?.phase, let created = h.console.detail?.invoiceID else {
            Issue.record("not done"); return
        }
        #expect(message == "Invoice \(created) generated for server \(lapsed).")
        #expect(h.console.list.count == before + 1)
        #expect(h.console.detail?.invoice.value?.serverIDs == [lapsed])
        #expect(h.sandbox.invoiceStatus(created) == "Unpaid")
        h.press(.enter)

        let licensed = h.fixture.licensedServerID
        h.sendAndRun(.startGenerateDueInvoice(serverID: licensed))
        h.press(.enter)
        h.press(.enter)
        guard case .failed(let refusal, let advice)? = h.console.confirm?.phase else { Issue.record("not failed"); return }
        #expect(refusal.contains("next_invoice_blocked_by_upgrade"))
        #expect(advice?.hasPrefix("An upgrade of this server is pending") == true)
        #expect(h.console.list.count == before + 1)
        #expect(h.journalEntries.map(\.state) == [.done, .failed])
    }

    @Test func theServerPanelsKeyAndThePaletteStartTheDueInvoiceForThatServer() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        let lapsed = h.fixture.lapsedServerID
        h.sendAndRun(.runCommand("server \(lapsed)"))
        h.press(.char("i"))
        #expect(h.console.form?.title == Messages.generateDueTitle)
        #expect(h.console.form?.value("server") == String(lapsed))
        h.press(.escape)
        h.sendAndRun(.runCommand("due \(h.fixture.licensedServerID)"))
        #expect(h.console.form?.value("server") == String(h.fixture.licensedServerID))
        h.press(.escape)
        h.press(.char(":"))
        h.type("due \(lapsed)")
        h.press(.enter)
        h.press(.enter)
        h.press(.enter)
        guard case .done? = h.console.confirm?.phase else { Issue.record("not done"); return }
        #expect(h.sandbox.requestCount(action: "generate_due_invoice") == 1)
        #expect(KeyMap().helpLines.contains { $0.command == "generate-due" && $0.keys == "i" })
    }
}
