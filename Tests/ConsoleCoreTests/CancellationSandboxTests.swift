import BillingAPI
import BillingSandbox
@testable import ConsoleCore
import Foundation
import Testing

/// The cancellation wizard against the sandbox's four demo servers: a request to the end, each
/// refusal of the reference with its advice, a request already open, deleting a request, and the
/// bank subscription.
@Suite struct CancellationSandboxTests {
    /// Walks the wizard from its first step to the confirm dialog, typing the server id.
    func walk(_ h: inout SandboxHarness, server sid: Int, immediate: Bool, reason: String) {
        h.sendAndRun(.startCancellation(serverID: sid))
        #expect(h.console.wizard?.step == .server)
        #expect(h.console.server?.serverID == sid && h.console.server?.billingData.value != nil)
        h.press(.enter)
        #expect(h.console.wizard?.step == .type)
        h.press(.char(immediate ? "1" : "0"))
        h.press(.enter)
        #expect(h.console.wizard?.step == .reason)
        h.type(reason)
        h.press(.enter)
        #expect(h.console.wizard?.step == .review)
        h.press(.enter)
        #expect(h.console.wizard?.step == .confirm)
        #expect(h.console.confirm?.write.typedConfirmation == String(sid))
        h.type(String(sid))
        h.press(.enter)
    }

    @Test func cancellableServerGoesToTheEndAndTheRequestIsListed() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        let sid = h.fixture.cancellableServerID
        h.sendAndRun(.startCancellation(serverID: sid))
        h.press(.enter)
        h.press(.char("1"))
        h.press(.enter)
        h.press(.enter)                                       // the reason is required
        #expect(h.console.wizard?.step == .reason && h.console.wizard?.error == Messages.reasonRequired)
        h.type("moving to another DC")
        h.press(.enter)
        // Review: exactly what will be sent, and the estimate labelled as one.
        let wizard = h.console.wizard
        #expect(wizard?.parameters.formParameters == FormParameters([("id", String(sid)), ("cancellation_type", "1"),
                                                                    ("cancellation_reason", "moving to another DC")]))
        let estimate = wizard?.refundEstimate(billing: h.console.server?.billingData.value, today: h.console.environment.today)
        #expect(estimate?.isPositive == true)
        h.press(.enter)
        #expect(h.console.confirm?.write.summary.contains { $0.contains("an estimate") } == true)
        h.press(.enter)                                       // not typed yet: nothing sent
        #expect(h.sandbox.requestCount(action: "request_cancellation") == 0)
        h.type("4")
        h.press(.enter)                                       // wrong id: still nothing
        #expect(h.sandbox.requestCount(action: "request_cancellation") == 0)
        h.press(.backspace)
        h.type(String(sid))
        h.press(.enter)
        #expect(h.sandbox.requestCount(action: "request_cancellation") == 1)
        #expect(h.console.wizard?.step == .result)
        #expect(h.console.wizard?.advice == nil)
        #expect(h.console.wizard?.resultMessage == "Done: the cancellation request for server \(sid).")
        // The sandbox holds it, and the re-read panel lists it.
        let records = h.sandbox.cancellationRequests(clientID: h.clientID)
        #expect(records.map(\.serverID) == [sid])
        #expect(records.first?.reason == "moving to another DC" && records.first?.type == 1)
        #expect(h.console.server?.requests.value?.map(\.serverID) == [sid])
        #expect(h.console.server?.openRequest?.reason == "moving to another DC")
        // Its unpaid renewal was cancelled with it, and the reloaded list shows that.
        #expect(h.console.list.invoices.first { $0.id == h.fixture.payableInvoiceID }?.status == .cancelled)
        h.press(.enter)
        #expect(h.console.modal == nil)
        #expect(h.journalEntries.map(\.state) == [.done])
    }

    @Test func overTrafficServerGetsTheCodeMinus3AdviceAndAWayOut() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        let sid = h.fixture.overTrafficServerID
        walk(&h, server: sid, immediate: false, reason: "too expensive")
        #expect(h.sandbox.requestCount(action: "request_cancellation") == 1)
        #expect(h.console.wizard?.step == .result)
        #expect(h.console.wizard?.advice?.kind == .overTraffic)
        #expect(h.console.wizard?.resultMessage == Messages.overTraffic)
        #expect(h.console.wizard?.advice?.wayOut == Messages.overTrafficWayOut)
        #expect(h.sandbox.cancellationRequests(clientID: h.clientID).isEmpty)
        #expect(h.journalEntries.map(\.state) == [.failed])
        h.press(.enter)
        // The way out works: once the overage invoice is paid the request goes through.
        #expect(h.sandbox.simulateGatewayPayment(invoiceID: h.fixture.overdueInvoiceID))
        walk(&h, server: sid, immediate: false, reason: "too expensive")
        #expect(h.console.wizard?.advice == nil)
        #expect(h.sandbox.cancellationRequests(clientID: h.clientID).map(\.serverID) == [sid])
    }

    @Test func licensedServerIsRefusedWithTheLicenceAdvice() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        walk(&h, server: h.fixture.licensedServerID, immediate: true, reason: "not needed")
        #expect(h.console.wizard?.advice?.kind == .licenses)
        #expect(h.console.wizard?.resultMessage == Messages.hasLicenses)
        #expect(h.sandbox.cancellationRequests(clientID: h.clientID).isEmpty)
    }

    @Test func aRequestAlreadyOpenStopsTheWizardAndCanBeDeleted() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        let sid = h.fixture.cancellableServerID
        walk(&h, server: sid, immediate: false, reason: "first")
        h.press(.enter)
        // A second wizard sees the open request in its first step and does not go on.
        h.sendAndRun(.startCancellation(serverID: sid))
        h.press(.enter)
        #expect(h.console.wizard?.step == .server)
        #expect(h.console.wizard?.error?.contains("already open") == true)
        // Deleting it is confirmed, sent once, and the panel and list are re-read.
        h.press(.char("d"))
        #expect(h.console.confirm?.write.action == .deleteCancellationRequest)
        #expect(h.sandbox.requestCount(action: "delete_cancellation_request") == 0)
        h.press(.enter)
        #expect(h.sandbox.requestCount(action: "delete_cancellation_request") == 1)
        #expect(h.sandbox.cancellationRequests(clientID: h.clientID).isEmpty)
        #expect(h.console.server?.requests.value == [])
        #expect(h.console.list.invoices.first { $0.id == h.fixture.payableInvoiceID }?.status == .unpaid)
        h.press(.enter)                                       // closes the dialog
        h.press(.enter)                                       // and the wizard goes on now
        #expect(h.console.wizard?.step == .type)
    }

    @Test func aRequestFiledElsewhereMeanwhileIsRefusedAsAlreadyOpen() throws {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        let sid = h.fixture.cancellableServerID
        h.sendAndRun(.startCancellation(serverID: sid))
        // Another agent files one after this wizard loaded the server's requests.
        let other = APIClient(transport: SandboxTransport(sandbox: h.sandbox), credentials: .token(h.sandbox.demoToken))
        _ = try other.requestCancellation(CancellationParameters(serverID: sid, type: .endOfBillingPeriod, reason: "other agent"))
        h.press(.enter)
        h.press(.enter)
        h.type("mine")
        h.press(.enter)
        h.press(.enter)
        h.type(String(sid))
        h.press(.enter)
        #expect(h.console.wizard?.step == .result)
        #expect(h.console.wizard?.advice?.kind == .alreadyRequested)
        #expect(h.console.wizard?.advice?.wayOut == Messages.alreadyRequestedWayOut)
        #expect(h.sandbox.cancellationRequests(clientID: h.clientID).map(\.reason) == ["other agent"])
    }

    @Test func bankSubscriptionCancellationIsConfirmedByTypingTheServerID() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        let sid = h.fixture.cancellableServerID
        h.sendAndRun(.startCancellation(serverID: sid))
        h.press(.char("b"))
        #expect(h.console.form?.title == Messages.subscriptionTitle(sid))
        h.press(.enter)                                       // the reason is required
        #expect(h.console.confirm == nil && h.console.form?.fields.first?.error == Messages.reasonRequired)
        h.type("card expired")
        h.press(.enter)
        #expect(h.console.confirm?.write.typedConfirmation == String(sid))
        h.type(String(sid))
        h.press(.enter)
        #expect(h.sandbox.subscriptionCancellationTickets(clientID: h.clientID) == [sid])
        guard case .done? = h.console.confirm?.phase else { Issue.record("not done"); return }
        #expect(h.console.modal == nil)
        h.press(.enter)
        // A second one is refused: a ticket is already open.
        h.sendAndRun(.startSubscriptionCancellation(serverID: sid, reason: "again"))
        h.type(String(sid))
        h.press(.enter)
        guard case .failed(let message, let wayOut)? = h.console.confirm?.phase else { Issue.record("not failed"); return }
        #expect(message == Messages.alreadyRequested)
        #expect(wayOut != nil)
        #expect(h.sandbox.requestCount(action: "request_subscription_cancellation") == 2)
    }

    @Test func theRequestCarriesTheProfilesBillingLocationAndNoRefundFigures() {
        var h = SandboxHarness(billingLocation: "whmcs_ru")
        defer { h.cleanUp() }
        h.open()
        let sid = h.fixture.cancellableServerID
        walk(&h, server: sid, immediate: true, reason: "closing the office")
        let sent = h.journalEntries.first?.parameters
        #expect(sent == FormParameters([("id", String(sid)), ("cancellation_type", "1"),
                                        ("cancellation_reason", "closing the office"), ("billing", "whmcs_ru")]))
        // The estimate was shown, but the billing decides the refund: none of its inputs is sent.
        for name in ["refund", "currency", "service_price", "refund_message", "refund_message_short"] {
            #expect(sent?[name] == nil, "\(name)")
        }
        #expect(h.console.wizard?.advice == nil)
        #expect(h.sandbox.cancellationRequests(clientID: h.clientID).map(\.serverID) == [sid])
    }
}

