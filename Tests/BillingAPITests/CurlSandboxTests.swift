import BillingAPI
import BillingSandbox
import Foundation
import Testing

/// The API client over libcurl against the sandbox's loopback server: the path `hkbill call` and
/// the console take to a real endpoint, with the sandbox's fault injection.
@Suite("API client over libcurl against the sandbox server", .serialized)
final class CurlSandboxTests {
    let sandbox = Sandbox(configuration: SandboxConfiguration(seed: 3))
    let server: SandboxServer
    let client: APIClient

    init() throws {
        server = SandboxServer(sandbox: sandbox)
        try server.start()
        let transport = CurlTransport(configuration: CurlConfiguration(userAgent: "hkbill-test", totalTimeout: 2))
        client = APIClient(configuration: APIConfiguration(baseURL: server.baseURL, retry: RetryPolicy(maxAttempts: 3, baseDelay: 0.01)),
                           transport: transport, credentials: .token(sandbox.demoToken))
    }

    deinit { server.stop() }

    @Test func readsShareOneKeptAliveConnection() throws {
        for _ in 0..<5 { _ = try client.getCredits() }
        let invoices = try client.getInvoices()
        #expect(!invoices.isEmpty)
        #expect(server.connectionCount == 1)
        #expect(sandbox.requestCount(action: "getcredits") == 5)
    }

    @Test func aDroppedPaymentIsOutcomeUnknownAndSentOnce() throws {
        let invoice = sandbox.demoFixture.payableInvoiceID
        sandbox.faults = FaultPlan(actions: ["apply_credit": Fault(dropAfterRead: true)])
        do {
            _ = try client.applyCredit(invoiceID: invoice, amount: Money(1, .rub))
            Issue.record("expected outcome unknown")
        } catch {
            #expect(error.isOutcomeUnknown, "\(error)")
        }
        #expect(sandbox.requestCount(action: "apply_credit") == 1)
        sandbox.faults = FaultPlan()
        // The re-read shows what really happened: the sandbox applied it before dropping.
        let after = try client.getInvoice(id: invoice)
        #expect(after.balance.amount == (sandbox.invoiceBalance(invoice) ?? -1))
    }

    @Test(arguments: [Fault(htmlErrorPage: 502), Fault(truncatedBody: true), Fault(malformedBody: true), Fault(dropMidAnswer: true)])
    func writeFaultsAreUnknownAndNeverRepeated(_ fault: Fault) throws {
        sandbox.faults = FaultPlan(actions: ["create_addfunds": fault])
        do {
            _ = try client.createAddFunds(amount: Money(50, .rub))
            Issue.record("expected outcome unknown")
        } catch {
            #expect(error.isOutcomeUnknown, "\(error)")
        }
        #expect(sandbox.requestCount(action: "create_addfunds") == 1)
    }

    @Test func readFaultsAreRetriedThreeTimesInAll() throws {
        sandbox.faults = FaultPlan(actions: ["getcredits": Fault(failureRate: 1)])
        #expect(throws: APIError.self) { try client.getCredits() }
        #expect(sandbox.requestCount(action: "getcredits") == 3)
        sandbox.faults = FaultPlan(actions: ["get_invoices": Fault(htmlErrorPage: 502)])
        do { _ = try client.getInvoices(); Issue.record("expected HTTP 502") } catch {
            guard case .httpStatus(502, let prefix) = error else { Issue.record("\(error)"); return }
            #expect(prefix.contains("502 Bad Gateway"))
        }
        #expect(sandbox.requestCount(action: "get_invoices") == 3)
    }
}
