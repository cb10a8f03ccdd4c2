import BillingAPI
import BillingSandbox
@testable import ConsoleCore
import Foundation
import LocalStore
import Testing

/// Stale answers with real latency and real threads: the runners deliver from their own queues
/// as the front end's would, and the test thread applies outcomes in arrival order.
@Suite struct StaleResponseSandboxTests {
    /// Outcomes delivered by runners, in arrival order (the front end's queue).
    final class Inbox: @unchecked Sendable {
        private let lock = NSCondition()
        private var items: [Intent] = []
        private(set) var delivered = 0

        func put(_ intent: Intent) {
            lock.lock()
            items.append(intent)
            delivered += 1
            lock.signal()
            lock.unlock()
        }

        /// The next outcome, or nil after `timeout` seconds without one.
        func take(timeout: Double) -> Intent? {
            lock.lock(); defer { lock.unlock() }
            let deadline = Date().addingTimeInterval(timeout)
            while items.isEmpty {
                if !lock.wait(until: deadline) { return nil }
            }
            return items.removeFirst()
        }
    }

    /// Delays requests that match `when` (one customer's or one invoice's), so their answers arrive last.
    struct SelectiveDelay: Transport {
        let inner: any Transport
        let seconds: Double
        let when: @Sendable (HTTPRequest) -> Bool

        func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
            if when(request) { Thread.sleep(forTimeInterval: seconds) }
            return try inner.send(request)
        }
    }

    func runner(_ transport: any Transport, credentials: Credentials, inbox: Inbox) -> EffectRunner {
        let client = APIClient(configuration: APIConfiguration(baseURL: "http://127.0.0.1:1", retry: .none), transport: transport,
                               credentials: credentials)
        return EffectRunner(client: client, journal: MemoryWriteJournal(), deliver: { inbox.put($0) })
    }

    /// Applies outcomes as they arrive until `expected` were delivered and nothing is in flight.
    func drain(_ console: inout Console, _ inbox: Inbox, expected: Int, runner: EffectRunner) {
        var applied = 0
        while applied < expected || console.inFlight > 0, let intent = inbox.take(timeout: 5) {
            applied += 1
            runner.run(console.handle(intent))
        }
        #expect(applied >= expected)
    }

    @Test func switchingCustomerBeforeTheFirstAnswersKeepsTheSecondOnScreen() throws {
        let sandbox = Sandbox(configuration: SandboxConfiguration(seed: 7, clients: 8, invoicesPerClient: 24, today: SandboxToday.day))
        // Every call takes real time.
        sandbox.faults = FaultPlan(all: Fault(latencyMs: 40))
        let other = try #require(sandbox.customerIDs.first { id in
            id != sandbox.demoClientID && sandbox.apiKey(clientID: id).map { key in
                (try? APIClient(transport: SandboxTransport(sandbox: sandbox), credentials: .apiKey(key)).login(apiKey: key)) != nil
            } == true
        })
        let otherKey = try #require(sandbox.apiKey(clientID: other))
        let inbox = Inbox()
        // Customer A's answers come last: 250 ms more on every call.
        let a = runner(SelectiveDelay(inner: SandboxTransport(sandbox: sandbox), seconds: 0.25, when: { _ in true }),
                       credentials: .token(sandbox.demoToken), inbox: inbox)
        let b = runner(SandboxTransport(sandbox: sandbox), credentials: .apiKey(otherKey), inbox: inbox)

        var console = Console(environment: ConsoleEnvironment(profileName: "a", today: SandboxToday.date, downloadFolder: "/tmp"))
        let openA = console.handle(.open)
        a.run(openA)
        // Before A answers, the agent switches to profile B.
        let openB = console.handle(.reopen(ConsoleEnvironment(profileName: "b", today: SandboxToday.date, downloadFolder: "/tmp")))
        #expect(console.environment.profileName == "b")
        #expect(console.customer.details.value == nil)
        b.run(openB)
        drain(&console, inbox, expected: openA.count + openB.count, runner: b)
        #expect(inbox.delivered == openA.count + openB.count)

        // Every one of A's answers arrived, after B's, and none of them is on screen.
        #expect(console.customer.details.value?.client.id == other)
        #expect(console.customer.credit.value?.amount.amount == sandbox.creditBalance(clientID: other))
        let shown = Set(console.list.invoices.map(\.id))
        #expect(shown == Set(sandbox.invoiceIDs(clientID: other)))
        #expect(shown.isDisjoint(with: sandbox.invoiceIDs(clientID: sandbox.demoClientID)))
        #expect(!console.customer.servers.contains { sandbox.serverIDs(clientID: sandbox.demoClientID).contains($0.id) })
        #expect(!console.customer.isLoading)
        #expect(console.inFlight == 0)
    }

    @Test func movingToAnotherInvoiceBeforeTheFirstAnswersKeepsTheSecond() throws {
        let sandbox = Sandbox(configuration: SandboxConfiguration(seed: 7, clients: 2, invoicesPerClient: 24, today: SandboxToday.day))
        sandbox.faults = FaultPlan(all: Fault(latencyMs: 20))
        let fixture = sandbox.demoFixture
        let first = fixture.paidInvoiceID, second = fixture.payableInvoiceID
        let inbox = Inbox()
        let slowFirst = SelectiveDelay(inner: SandboxTransport(sandbox: sandbox), seconds: 0.2) { request in
            FormParameters.decode(request.body)["invoice_id"] == String(first)
        }
        let r = runner(slowFirst, credentials: .token(sandbox.demoToken), inbox: inbox)
        var console = Console(environment: ConsoleEnvironment(profileName: "a", today: SandboxToday.date, downloadFolder: "/tmp"))
        let openFirst = console.handle(.openInvoice(first))
        r.run(openFirst)
        let openSecond = console.handle(.openInvoice(second))
        r.run(openSecond)
        drain(&console, inbox, expected: openFirst.count + openSecond.count, runner: r)
        #expect(inbox.delivered == openFirst.count + openSecond.count)
        #expect(console.detail?.invoiceID == second)
        #expect(console.detail?.invoice.value?.id == second)
        #expect(console.detail?.invoice.value?.status == .unpaid)
        #expect(console.detail?.gateways.value?.isEmpty == false)
        #expect(console.detail?.transactions.value == [])
    }
}
