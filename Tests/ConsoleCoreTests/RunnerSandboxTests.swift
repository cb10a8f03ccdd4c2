import BillingAPI
import BillingSandbox
@testable import ConsoleCore
import Foundation
import Testing

/// The runner really runs independent reads at the same time (not one per core), and builds the
/// invoice index itself, off the caller's thread.
@Suite struct RunnerSandboxTests {
    /// Holds every request until `expected` requests are inside at once; gives up after a few
    /// seconds, answering with a transport error, so a runner that serialises fails the test
    /// instead of hanging it.
    final class Barrier: Transport, @unchecked Sendable {
        let inner: any Transport
        let expected: Int
        private let condition = NSCondition()
        private var inside = 0
        private(set) var timedOut = 0

        init(inner: any Transport, expected: Int) {
            self.inner = inner
            self.expected = expected
        }

        func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
            condition.lock()
            inside += 1
            condition.broadcast()
            let deadline = Date().addingTimeInterval(5)
            while inside < expected {
                if !condition.wait(until: deadline) { break }
            }
            let met = inside >= expected
            if !met { timedOut += 1 }
            condition.unlock()
            guard met else { throw TransportError(.timedOut, requestSent: false, detail: "not all reads were in flight together") }
            return try inner.send(request)
        }
    }

    @Test func openRunsAllSixReadsAtOnceAndDeliversABuiltIndex() throws {
        let sandbox = Sandbox(configuration: SandboxConfiguration(seed: 3, clients: 2, invoicesPerClient: 40, today: SandboxToday.day))
        var console = Console(environment: ConsoleEnvironment(profileName: "p", today: SandboxToday.date, downloadFolder: "/tmp"))
        let effects = console.handle(.open)
        let barrier = Barrier(inner: SandboxTransport(sandbox: sandbox), expected: effects.count)
        let client = APIClient(configuration: APIConfiguration(baseURL: "http://127.0.0.1:1", retry: .none), transport: barrier,
                               credentials: .token(sandbox.demoToken))
        let inbox = StaleResponseSandboxTests.Inbox()
        let runner = EffectRunner(client: client, journal: MemoryWriteJournal(), deliver: { inbox.put($0) })
        runner.run(effects)
        var outcomes: [Intent] = []
        while outcomes.count < effects.count, let o = inbox.take(timeout: 10) { outcomes.append(o) }
        #expect(outcomes.count == effects.count)
        #expect(barrier.timedOut == 0)
        // The invoice answer arrives with its index already built.
        let index = outcomes.compactMap { o -> InvoiceIndex? in
            if case .readFinished(_, _, .success(.invoices(let i))) = o { return i } else { return nil }
        }.first
        #expect(index?.count == sandbox.invoiceIDs(clientID: sandbox.demoClientID).count)
        for o in outcomes { _ = console.handle(o) }
        #expect(!console.customer.isLoading && console.customer.invoicesError == nil)
        #expect(console.list.count == index?.count)
    }

    /// Jobs that each wait until all of them have started.
    final class Rendezvous: @unchecked Sendable {
        let condition = NSCondition()
        let expected: Int
        var started = 0, together = 0, finished = 0
        init(expected: Int) { self.expected = expected }

        func job() {
            condition.lock()
            started += 1
            condition.broadcast()
            let deadline = Date().addingTimeInterval(5)
            while started < expected { if !condition.wait(until: deadline) { break } }
            if started >= expected { together += 1 }
            finished += 1
            condition.broadcast()
            condition.unlock()
        }

        func waitForAll() -> (finished: Int, together: Int) {
            condition.lock(); defer { condition.unlock() }
            let deadline = Date().addingTimeInterval(10)
            while finished < expected { if !condition.wait(until: deadline) { break } }
            return (finished, together)
        }
    }

    @Test func workersRunMoreJobsAtOnceThanThereAreCores() {
        let jobs = ProcessInfo.processInfo.activeProcessorCount * 3 + 2
        let workers = BlockingWorkers(name: "test", maxThreads: jobs, idleSeconds: 1)
        let r = Rendezvous(expected: jobs)
        for _ in 0..<jobs { workers.submit { r.job() } }
        let result = r.waitForAll()
        #expect(result.finished == jobs)
        #expect(result.together == jobs)
    }
}
