import BillingAPI
import BillingSandbox
import ConsoleCore
import Foundation
import TerminalUI

/// The real console against the in-process sandbox (seed 1, today 2026-12-04, whose demo customer
/// has a Cyrillic name): `APIClient` over `SandboxTransport`, the real `EffectRunner` with an
/// in-memory journal. Effects run synchronously and their outcomes are fed back until nothing is
/// left, so each screen state is reached the way a user reaches it, and is the same every run.
struct PanesHarness {
    static let today = BillingDate(year: 2026, month: 12, day: 4) ?? BillingDate(dayNumber: 0)

    let sandbox: Sandbox
    var console: Console
    let runner: EffectRunner
    let downloads: String

    init(readOnly: Bool = false, invoices: Int = 24) {
        sandbox = Sandbox(configuration: SandboxConfiguration(seed: 1, invoicesPerClient: invoices,
                                                              today: SandboxDay(year: 2026, month: 12, day: 4)))
        downloads = NSTemporaryDirectory() + "hkbill-panes-\(UUID().uuidString)"
        let client = APIClient(configuration: APIConfiguration(baseURL: "http://127.0.0.1:1", retry: .none),
                               transport: SandboxTransport(sandbox: sandbox), credentials: .token(sandbox.demoToken),
                               sleep: { _ in })
        runner = EffectRunner(client: client, journal: MemoryWriteJournal(), deliver: { _ in })
        console = Console(environment: ConsoleEnvironment(profileName: "demo", readOnly: readOnly, today: Self.today,
                                                         downloadFolder: downloads))
    }

    var fixture: SandboxDemoFixture { sandbox.demoFixture }

    /// Sends an intent and performs its effects (and theirs) until the console is quiet.
    mutating func send(_ intent: Intent) {
        var queue = console.handle(intent)
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            if let outcome = runner.perform(effect) { queue += console.handle(outcome) }
        }
    }

    mutating func press(_ key: Key) { send(.key(key)) }

    mutating func type(_ text: String) {
        for c in text { press(.char(c)) }
    }

    /// Opens the demo customer, with the page size the list has at this terminal size.
    mutating func open(width: Int = 120, height: Int = 40) {
        send(.setPageSize(ConsoleRenderer.listPageSize(width: width, height: height, console: console)))
        send(.open)
    }

    /// Puts the list cursor on invoice `id`.
    mutating func select(invoice id: Int) {
        send(.focus(.invoices))
        let target = (0..<console.list.count).first { console.list.invoice(at: $0).id == id } ?? 0
        let delta = target - console.list.cursor
        for _ in 0..<abs(delta) { send(delta > 0 ? .moveDown : .moveUp) }
    }

    /// The console drawn at a size (the list's page size set for it first, as the app does).
    func render(width: Int, height: Int, context: RenderContext = RenderContext(profileLabel: "demo (sandbox)"))
        -> (canvas: Canvas, cursor: (row: Int, col: Int)?) {
        var c = console
        _ = c.handle(.setPageSize(ConsoleRenderer.listPageSize(width: width, height: height, console: c)))
        var canvas = Canvas(width: width, height: height)
        let cursor = ConsoleRenderer.draw(c, into: &canvas, context: context)
        return (canvas, cursor)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: downloads) }
}
