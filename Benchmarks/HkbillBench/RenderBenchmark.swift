import BillingAPI
import BillingSandbox
import ConsoleCore
import Foundation
import TerminalUI

/// Frame time of `ConsoleRenderer.draw` at 200x60 with 100,000 invoices: the demo customer of an
/// in-process sandbox opened through the real runner (client, credit, contacts, 12-month chart
/// over every invoice, the list page, an open invoice), as medians. Target: under 2 ms a frame.
enum RenderBenchmark {
    static func run() {
        Bench.header("Console frame, 100,000 invoices at 200x60 (TerminalUI.ConsoleRenderer)")
        let sandbox = Sandbox(configuration: SandboxConfiguration(seed: 1, invoicesPerClient: 100_000,
                                                                  today: SandboxDay(year: 2026, month: 12, day: 4)))
        let today = BillingDate(year: 2026, month: 12, day: 4) ?? BillingDate(dayNumber: 0)
        var console = Console(environment: ConsoleEnvironment(profileName: "bench", today: today, downloadFolder: "/tmp"))
        perform(&console, .open, sandbox: sandbox)
        let context = RenderContext(profileLabel: "demo (sandbox)")
        let page = ConsoleRenderer.listPageSize(width: 200, height: 60, console: console)
        _ = console.handle(.setPageSize(page))
        var canvas = Canvas(width: 200, height: 60)
        let list = Bench.medianMillis(runs: 41, warmup: 3) { _ = ConsoleRenderer.draw(console, into: &canvas, context: context) }
        var moved = console
        let move = Bench.medianMillis(runs: 41, warmup: 3) {
            _ = moved.handle(.moveDown)
            _ = ConsoleRenderer.draw(moved, into: &canvas, context: context)
        }
        if let first = console.list.selected?.id { perform(&console, .openInvoice(first), sandbox: sandbox) }
        let detail = Bench.medianMillis(runs: 41, warmup: 3) { _ = ConsoleRenderer.draw(console, into: &canvas, context: context) }
        var chart = MonthlyTotals(invoices: [], today: console.environment.today)
        let totals = Bench.medianMillis(runs: 15, warmup: 1) {
            chart = MonthlyTotals(invoices: console.list.invoices, today: console.environment.today)
        }
        var small = Canvas(width: 80, height: 24)
        let narrow = Bench.medianMillis(runs: 41, warmup: 3) { _ = ConsoleRenderer.draw(console, into: &small, context: context) }
        print("invoices: \(console.list.count), page: \(page) rows, chart months billed: \(chart.billed.filter { $0 > 0 }.count)")
        print("frame, list + profile:          \(Bench.fmt(list)) ms (target < 2 ms)")
        print("frame after a one-row move:     \(Bench.fmt(move)) ms")
        print("frame with an open invoice:     \(Bench.fmt(detail)) ms")
        print("frame at 80x24 (detail only):   \(Bench.fmt(narrow)) ms")
        print("12-month ledger, built with the index: \(Bench.fmt(totals)) ms (worker thread, once per load; a frame reads 12 months)")
    }

    /// Sends an intent and runs its effects (and theirs) to the end on this thread.
    static func perform(_ console: inout Console, _ intent: Intent, sandbox: Sandbox) {
        let client = APIClient(configuration: APIConfiguration(baseURL: "http://127.0.0.1:1", retry: .none),
                               transport: SandboxTransport(sandbox: sandbox), credentials: .token(sandbox.demoToken),
                               sleep: { _ in })
        let runner = EffectRunner(client: client, journal: MemoryWriteJournal(), deliver: { _ in })
        var queue = console.handle(intent)
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            if let outcome = runner.perform(effect) { queue += console.handle(outcome) }
        }
    }
}
