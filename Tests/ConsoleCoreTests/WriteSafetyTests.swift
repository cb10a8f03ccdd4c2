import BillingAPI
@testable import ConsoleCore
import Foundation
import LocalStore
import Testing

/// Never twice, read-only, journaling and outcome unknown, through intents and a scripted transport.
@Suite struct WriteSafetyTests {
    /// Opens a customer with one unpaid invoice 1001 (50.00 USD) and 100.00 USD credit.
    func openedHarness(readOnly: Bool = false) -> Harness {
        var h = Harness(readOnly: readOnly)
        h.transport.on("get_client") { _ in Fixture.clientJSON }
        h.transport.on("getcredits") { _ in Fixture.creditJSON }
        h.transport.on("get_invoices") { _ in
            Fixture.invoicesJSON([(1001, "Unpaid", "50.00", "2024-06-01"), (1002, "Unpaid", "20.00", "2024-07-01"),
                                  (1003, "Paid", "10.00", "2024-05-01")])
        }
        h.transport.on("get_invoice") { p in
            Fixture.invoiceJSON(id: Int(p["invoice_id"] ?? "") ?? 0, status: "Unpaid", total: "50.00", balance: "50.00")
        }
        h.transport.on("transactions") { _ in #"{"result":"OK","transactions":[]}"# }
        h.transport.on("getpaymentgw") { _ in #"{"result":"OK","gateways":[]}"# }
        h.transport.on("get_clientgroups") { _ in #"{"result":"OK","groups":[]}"# }
        h.transport.on("get_contacts") { _ in #"{"result":"OK","contacts":[]}"# }
        h.sendAndRun(.open)
        return h
    }

    @Test func openLoadsEverythingConcurrentlyAsSixReads() {
        var h = Harness()
        let effects = h.send(.open)
        #expect(effects.count == 6)
        #expect(effects.allSatisfy { if case .read(_, let t) = $0 { return t.scope == .customer } else { return false } })
        #expect(h.console.customer.isLoading)
        #expect(h.console.inFlight == 6)
    }

    @Test func applyCreditDefaultsToSmallerOfCreditAndBalanceAndConfirmsExactParameters() {
        var h = openedHarness()
        #expect(h.console.list.count == 3)
        #expect(h.console.list.select(id: 1001) || true)
        h.console.list.moveToTop()
        _ = h.console.list.select(id: 1001)
        #expect(h.send(.startApplyCredit) == [])
        guard case .form(let f)? = h.console.modal else { Issue.record("no form"); return }
        #expect(f.value("amount") == "50.00")
        #expect(h.send(.submit) == [])
        let c = h.console.confirm
        #expect(c != nil)
        #expect(c?.write.action == .applyCredit)
        #expect(c?.write.parameters == FormParameters([("invoice_id", "1001"), ("amount", "50.00")]))
        #expect(h.transport.count("apply_credit") == 0)
    }

    @Test func applyCreditRejectsMoreThanCreditBeforeSending() {
        var h = openedHarness()
        _ = h.console.list.select(id: 1001)
        _ = h.send(.startApplyCredit)
        for _ in 0..<5 { _ = h.send(.deleteBackward) }
        for ch in "150" { _ = h.send(.input(ch)) }
        #expect(h.send(.submit) == [])
        #expect(h.console.confirm == nil)
        guard case .form(let f)? = h.console.modal else { Issue.record("no form"); return }
        #expect(f.fields[0].error != nil)
    }

    @Test func doubleConfirmSendsExactlyOneRequest() {
        var h = openedHarness()
        h.transport.on("apply_credit") { _ in #"{"result":"success"}"# }
        _ = h.console.list.select(id: 1001)
        _ = h.send(.startApplyCredit)
        _ = h.send(.submit)
        let first = h.send(.key(.enter))
        let second = h.send(.key(.enter))
        let third = h.send(.confirm)
        #expect(first.count == 1)
        #expect(second.isEmpty && third.isEmpty)
        h.run(first)
        #expect(h.transport.count("apply_credit") == 1)
        #expect(h.console.confirm?.phase == .done(message: "Done: applying credit to invoice 1001."))
        // Done reloads credit, the list and the invoice.
        #expect(h.transport.count("getcredits") == 2)
        #expect(h.transport.count("get_invoices") == 2)
        #expect(h.transport.count("get_invoice") >= 1)
        // Journal: pending then done, once.
        let lines = h.journal.lines
        #expect(lines.count == 2)
        if case .pending(_, let action, _) = lines.first { #expect(action == .applyCredit) } else { Issue.record("no pending") }
        if case .outcome(_, let o)? = lines.last { #expect(o.state == .done) } else { Issue.record("no outcome") }
    }

    @Test func droppedWriteIsOutcomeUnknownJournaledAndReReadNeverResent() {
        var h = openedHarness()
        h.transport.on("apply_credit") { _ throws(TransportError) in
            throw TransportError(.other, requestSent: true, detail: "connection dropped after sending")
        }
        // The server did apply it: the re-read must show Paid.
        h.transport.on("get_invoice") { p in
            Fixture.invoiceJSON(id: Int(p["invoice_id"] ?? "") ?? 0, status: "Paid", total: "50.00", balance: "0.00")
        }
        _ = h.console.list.select(id: 1001)
        _ = h.send(.startApplyCredit)
        _ = h.send(.submit)
        h.run(h.send(.confirm))
        #expect(h.transport.count("apply_credit") == 1)
        guard case .outcomeUnknown(let m)? = h.console.confirm?.phase else { Issue.record("not unknown"); return }
        #expect(m.hasPrefix("Outcome unknown"))
        #expect(h.console.status?.text.hasPrefix("Outcome unknown") == true)
        #expect(h.journal.lines.count == 2)
        if case .outcome(_, let o)? = h.journal.lines.last { #expect(o.state == .unknown) } else { Issue.record("no outcome") }
        // The re-read result is shown.
        #expect(h.console.detail?.invoiceID == 1001)
        #expect(h.console.detail?.invoice.value?.status == .paid)
        // Confirming again only closes the dialog: no resend.
        #expect(h.send(.confirm).isEmpty)
        #expect(h.console.confirm == nil)
        #expect(h.transport.count("apply_credit") == 1)
    }

    @Test func readOnlyRefusesEveryMutatingIntentAndSendsNothing() {
        var h = openedHarness(readOnly: true)
        _ = h.console.list.select(id: 1001)
        let intents: [Intent] = [.startApplyCredit, .startMassPay, .startAddFunds, .startGenerateDueInvoice(serverID: 456),
                                 .startCancellation(serverID: 456), .startDeleteCancellationRequest(serverID: 456),
                                 .startSubscriptionCancellation(serverID: 456, reason: "x"), .editProfile, .startAddContact,
                                 .startPasswordReset, .key(.char("a")), .key(.char("m")), .key(.char("f")), .key(.char("x")),
                                 .confirm, .submit]
        for i in intents {
            let effects = h.send(i)
            #expect(effects.isEmpty, "\(i)")
            #expect(h.console.confirm == nil)
            if i != .confirm && i != .submit { #expect(h.console.status?.text == Messages.readOnlyRefused, "\(i)") }
        }
        #expect(h.transport.mutatingCount == 0)
        #expect(h.journal.lines.isEmpty)
    }

    @Test func refusedWriteIsFailedNotUnknown() {
        var h = openedHarness()
        h.transport.on("apply_credit") { _ in #"{"result":"error","message":"Invoice Not in Unpaid Status"}"# }
        _ = h.console.list.select(id: 1001)
        _ = h.send(.startApplyCredit)
        _ = h.send(.submit)
        h.run(h.send(.confirm))
        guard case .failed(let m, _)? = h.console.confirm?.phase else { Issue.record("not failed"); return }
        #expect(m.contains("Invoice Not in Unpaid Status"))
        if case .outcome(_, let o)? = h.journal.lines.last { #expect(o.state == .failed) } else { Issue.record("no outcome") }
    }

    @Test func massPayNeedsTwoUnpaidAndShowsExactTotal() {
        var h = openedHarness()
        h.console.list.moveToTop()
        _ = h.console.list.select(id: 1001)
        _ = h.send(.toggleMark)
        #expect(h.send(.startMassPay).isEmpty)
        #expect(h.console.confirm == nil)
        _ = h.console.list.select(id: 1002)
        _ = h.send(.toggleMark)
        _ = h.send(.startMassPay)
        let w = h.console.confirm?.write
        #expect(w?.parameters == FormParameters([("invoices[]", "1001"), ("invoices[]", "1002")]))
        #expect(w?.summary.contains("Total: 70.00 USD") == true)
        h.transport.on("mass_pay") { _ in #"{"result":"OK","invoiceid":2001}"# }
        h.run(h.send(.confirm))
        #expect(h.transport.count("mass_pay") == 1)
        #expect(h.console.list.marks.isEmpty)
        #expect(h.console.detail?.invoiceID == 2001)
    }

    @Test func addFundsParsesAmountExactlyAndShowsServerMinimumMessage() {
        var h = openedHarness()
        _ = h.send(.startAddFunds)
        for ch in "0" { _ = h.send(.input(ch)) }
        _ = h.send(.submit)
        #expect(h.console.confirm == nil)
        _ = h.send(.deleteBackward)
        for ch in "10.10" { _ = h.send(.input(ch)) }
        _ = h.send(.submit)
        #expect(h.console.confirm?.write.parameters == FormParameters([("amount", "10.10")]))
        h.transport.on("create_addfunds") { _ in #"{"code":-1,"message":"Minimum amount is 20"}"# }
        h.run(h.send(.confirm))
        guard case .failed(let m, _)? = h.console.confirm?.phase else { Issue.record("not failed"); return }
        #expect(m.contains("Minimum amount is 20"))
    }

    @Test func journalFailureMeansNotSent() {
        struct Broken: WriteJournal {
            func recordPending(action: Action, parameters: FormParameters) throws -> UUID { throw SaveError(message: "disk full") }
            func recordOutcome(id: UUID, outcome: JournalOutcome) throws {}
        }
        let t = ScriptedTransport()
        let client = APIClient(transport: t, credentials: .token("x"))
        let runner = EffectRunner(client: client, journal: Broken(), deliver: { _ in })
        let w = PendingWrite(action: .createAddFunds, parameters: FormParameters([("amount", "30.00")]), summary: ["x"], purpose: .addFunds)
        guard case .writeFinished(_, _, .notSent)? = runner.perform(.write(id: 1, w)) else { Issue.record("sent"); return }
        #expect(t.count("create_addfunds") == 0)
    }
}
