import BillingAPI
import BillingSandbox
import ConsoleCore
import Foundation

/// Invoice list speed with 100,000 invoices (index build off the UI thread, the load the UI thread
/// still does, text filter, sort change and selection move, as medians), and opening a customer
/// through the effect runner with 100 ms of sandbox latency on every call.
enum ListBenchmark {
    static func run() {
        listFigures()
        openCustomerFigures()
    }

    static func sampleInvoices(today: BillingDate) -> [Invoice] {
        let statuses: [InvoiceStatus] = [.paid, .unpaid, .cancelled, .refunded, .paid, .paid]
        var invoices: [Invoice] = []
        invoices.reserveCapacity(100_000)
        for i in 0..<100_000 {
            let cents = Decimal((i * 7919) % 500_000) / 100
            let date = today.adding(days: -(i % 2000))
            invoices.append(Invoice(id: 100_000 + i, status: statuses[i % statuses.count],
                                    total: Money(cents, i % 10 == 0 ? .eur : .usd), date: date, dueDate: date.adding(days: 14)))
        }
        return invoices
    }

    static func listFigures() {
        Bench.header("Invoice list, 100,000 invoices (ConsoleCore.InvoiceList)")
        let today = BillingDate(year: 2024, month: 6, day: 15) ?? BillingDate.today()
        let invoices = sampleInvoices(today: today)

        // Built by the effect runner on a worker thread, together with the read.
        var index = InvoiceIndex()
        let build = Bench.medianMillis(runs: 5, warmup: 1) { index = InvoiceIndex(invoices) }

        // What the UI thread does with the answer: the console's `.readFinished`.
        var console = Console(environment: ConsoleEnvironment(profileName: "bench", today: today, downloadFolder: "/tmp"))
        let open = console.handle(.open)
        guard let ticket = open.compactMap({ e -> LoadTicket? in if case .read(.invoices, let t) = e { return t }; return nil }).first else {
            print("no invoices read in the open effects"); return
        }
        // Two separately built indexes of the same invoices, alternated, so every run really
        // replaces the list (a reload), with the cursor and marks carried over.
        let other = InvoiceIndex(invoices)
        var flip = false
        let uiLoad = Bench.medianMillis(runs: 15) {
            flip.toggle()
            _ = console.handle(.readFinished(.invoices(location: nil), ticket, .success(.invoices(flip ? index : other))))
        }
        _ = console.handle(.readFinished(.invoices(location: nil), ticket, .success(.invoices(index))))
        var list = console.list
        #if DEBUG
        print("(debug build: figures are for a release build, `swift build -c release`)")
        #endif

        let filter = Bench.medianMillis {
            flip.toggle()
            list.setFilter(InvoiceFilter(query: flip ? "1234" : "unpaid 12"))
        }
        list.setFilter(InvoiceFilter())
        let typing = Bench.medianMillis {
            list.setFilter(InvoiceFilter())
            list.setFilter(InvoiceFilter(query: "1"))
            list.setFilter(InvoiceFilter(query: "12"))
            list.setFilter(InvoiceFilter(query: "123"))
        }
        list.setFilter(InvoiceFilter())
        let status = Bench.medianMillis {
            flip.toggle()
            list.setFilter(InvoiceFilter(statuses: flip ? [.unpaid] : [], overdueOnly: flip))
        }
        list.setFilter(InvoiceFilter())
        var column = InvoiceColumn.id
        let sort = Bench.medianMillis {
            column = column.next
            list.setSort(InvoiceSort(column: column, ascending: column.rawValue % 2 == 0))
        }
        list.setPageSize(50)
        var down = true
        let move = Bench.medianMillis(runs: 1001) {
            list.move(by: down ? 1 : -1)
            if list.cursor == list.count - 1 || list.cursor == 0 { down.toggle() }
        }
        print("index build (effect, worker thread): \(Bench.fmt(build)) ms median")
        print("load on the UI thread (.readFinished): \(Bench.fmt(uiLoad)) ms median (target: a few ms)")
        print("text filter (from all rows):     \(Bench.fmt(filter)) ms median (target < 30)")
        print("typing 3 characters (narrowing): \(Bench.fmt(typing)) ms median for clear + 3 keystrokes")
        print("status + overdue filter:         \(Bench.fmt(status)) ms median (target < 30)")
        print("sort column change:              \(Bench.fmt(sort)) ms median (target < 30)")
        print("selection move by one row:       \(Bench.fmt(move, 4)) ms median (target < 1)")
    }

    // MARK: - Opening a customer with latency

    /// Outcomes delivered by the runner's threads, as the front end's queue holds them.
    final class Inbox: @unchecked Sendable {
        private let condition = NSCondition()
        private var items: [Intent] = []

        func put(_ intent: Intent) {
            condition.lock()
            items.append(intent)
            condition.signal()
            condition.unlock()
        }

        func take() -> Intent? {
            condition.lock(); defer { condition.unlock() }
            while items.isEmpty { if !condition.wait(until: Date().addingTimeInterval(10)) { return nil } }
            return items.removeFirst()
        }
    }

    static func openCustomerFigures() {
        let latency = 100
        Bench.header("Open a customer (client, credit, contacts, groups, invoices, session) with \(latency) ms per call")
        let sandbox = Sandbox(configuration: SandboxConfiguration(seed: 1, clients: 4))
        sandbox.faults = FaultPlan(all: Fault(latencyMs: latency))
        let client = APIClient(configuration: APIConfiguration(baseURL: "http://127.0.0.1:1", retry: .none),
                               transport: SandboxTransport(sandbox: sandbox), credentials: .token(sandbox.demoToken))
        let today = BillingDate(year: sandbox.today.year, month: sandbox.today.month, day: sandbox.today.day) ?? BillingDate.today()
        let inbox = Inbox()
        let runner = EffectRunner(client: client, journal: MemoryWriteJournal(), deliver: { inbox.put($0) })
        var reads = 0
        let runs = 7
        var samples: [Double] = []
        for _ in 0..<runs {
            var console = Console(environment: ConsoleEnvironment(profileName: "bench", today: today, downloadFolder: "/tmp"))
            let t0 = DispatchTime.now().uptimeNanoseconds
            let effects = console.handle(.open)
            reads = effects.count
            runner.run(effects)
            while console.inFlight > 0, let outcome = inbox.take() { runner.run(console.handle(outcome)) }
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            if console.customer.isLoading || console.customer.details.value == nil { print("open did not complete"); return }
        }
        samples.sort()
        let median = samples[samples.count / 2]
        print("\(reads) reads through EffectRunner + SandboxTransport: \(Bench.fmt(median)) ms median of \(runs), "
              + "\(Bench.fmt(median / Double(latency))) x one call's latency (target < 1.5)")

        // For comparison: the same reads on a concurrent DispatchQueue (the runner before), which on
        // Linux runs about one blocking item per core at a time.
        let queue = DispatchQueue(label: "bench.gcd", attributes: .concurrent)
        var console = Console(environment: ConsoleEnvironment(profileName: "bench", today: today, downloadFolder: "/tmp"))
        let t0 = DispatchTime.now().uptimeNanoseconds
        let group = DispatchGroup()
        for e in console.handle(.open) { queue.async(group: group) { _ = runner.perform(e) } }
        group.wait()
        let gcd = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
        print("same reads on a concurrent DispatchQueue: \(Bench.fmt(gcd)) ms (\(Bench.fmt(gcd / Double(latency))) x), "
              + "\(ProcessInfo.processInfo.activeProcessorCount) cores")
    }
}
