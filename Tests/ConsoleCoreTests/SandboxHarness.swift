import BillingAPI
import BillingSandbox
@testable import ConsoleCore
import Foundation
import LocalStore
import Testing

/// The day every sandbox test takes as today, in both calendars (sandbox and console).
enum SandboxToday {
    static let day = SandboxDay(year: 2024, month: 6, day: 15)
    static let date = BillingDate(year: 2024, month: 6, day: 15) ?? BillingDate(dayNumber: 0)
}

/// A transport in front of the sandbox that, when a write arrives, looks at the action journal on
/// disk first: it records whether a `pending` entry for that action was already there, which is
/// the promise "journaled before it is sent".
final class JournalCheckingTransport: Transport, @unchecked Sendable {
    let inner: any Transport
    let journal: ActionJournal
    private let lock = NSLock()
    private var seen: [(action: String, pendingBeforeSend: Bool)] = []

    init(inner: any Transport, journal: ActionJournal) {
        self.inner = inner
        self.journal = journal
    }

    /// Each write that reached the transport, with whether its pending journal line existed then.
    var writes: [(action: String, pendingBeforeSend: Bool)] {
        lock.lock(); defer { lock.unlock() }
        return seen
    }

    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        if request.isMutating {
            let pending = (try? journal.unresolved())?.contains { $0.action == request.actionName } ?? false
            lock.lock()
            seen.append((request.actionName, pending))
            lock.unlock()
        }
        return try inner.send(request)
    }
}

/// A console wired to an in-process sandbox through the real stack: `APIClient` over
/// `SandboxTransport`, the real `EffectRunner`, a real `ActionJournal` in a temporary directory
/// and a real download folder. Effects are performed synchronously and their outcomes fed back
/// until nothing is left, so each test reads like a `TestStore` script.
struct SandboxHarness {
    let sandbox: Sandbox
    var console: Console
    let runner: EffectRunner
    let journal: ActionJournal
    let transport: JournalCheckingTransport
    let directory: String
    let downloads: String
    /// Front-end effects the console asked for (quit, copy, theme...), in order.
    var frontEnd: [FrontEndRequest] = []

    init(readOnly: Bool = false, invoices: Int = 24, clients: Int = 3, seed: UInt64 = 7,
         sandbox existing: Sandbox? = nil, billingLocation: String? = nil) {
        sandbox = existing ?? Sandbox(configuration: SandboxConfiguration(seed: seed, clients: clients,
                                                                          invoicesPerClient: invoices, today: SandboxToday.day))
        directory = NSTemporaryDirectory() + "hkbill-core-\(UUID().uuidString)"
        downloads = directory + "/downloads"
        journal = ActionJournal(paths: ConfigPaths(environment: ["HOME": directory, "HKBILL_CONFIG_DIR": directory + "/config",
                                                                 "HKBILL_STATE_DIR": directory + "/state"]))
        transport = JournalCheckingTransport(inner: SandboxTransport(sandbox: sandbox), journal: journal)
        // Back-off without waiting, so a read retried after a fault costs nothing.
        let client = APIClient(configuration: APIConfiguration(baseURL: "http://127.0.0.1:1", retry: .none), transport: transport,
                               credentials: .token(sandbox.demoToken), sleep: { _ in })
        runner = EffectRunner(client: client, journal: ActionJournalWriter(journal: journal, profile: "sandbox"), deliver: { _ in })
        console = Console(environment: ConsoleEnvironment(profileName: "sandbox", readOnly: readOnly, today: SandboxToday.date,
                                                         downloadFolder: downloads, billingLocation: billingLocation))
    }

    var fixture: SandboxDemoFixture { sandbox.demoFixture }
    var clientID: Int { sandbox.demoClientID }

    /// Sends an intent and returns its effects without running them.
    mutating func send(_ intent: Intent) -> [Effect] { console.handle(intent) }

    /// Performs effects, and the effects their outcomes produce, until none is left.
    mutating func run(_ effects: [Effect]) {
        var queue = effects
        while !queue.isEmpty {
            let e = queue.removeFirst()
            if case .frontEnd(let f) = e { frontEnd.append(f); continue }
            if let outcome = runner.perform(e) { queue += console.handle(outcome) }
        }
    }

    mutating func sendAndRun(_ intent: Intent) { run(send(intent)) }

    /// Types text into whatever has the keyboard.
    mutating func type(_ text: String) {
        for ch in text { sendAndRun(.key(.char(ch))) }
    }

    mutating func press(_ key: Key) { sendAndRun(.key(key)) }

    /// Opens the demo customer and checks that it loaded.
    mutating func open() {
        sendAndRun(.open)
        #expect(!console.customer.isLoading)
        #expect(console.customer.details.value != nil)
    }

    /// Puts the list cursor on an invoice (clearing filters that would hide it).
    mutating func select(invoice id: Int) {
        if !console.list.filter.isEmpty { sendAndRun(.clearFilter) }
        sendAndRun(.focus(.invoices))
        let ok = console.list.select(id: id)
        #expect(ok, "invoice \(id) is not in the list")
    }

    /// Journal entries written so far.
    var journalEntries: [JournalEntry] { (try? journal.entries()) ?? [] }

    /// Requests the sandbox received for mutating actions.
    var mutatingRequests: Int {
        Action.allCases.filter(\.isMutating).map { sandbox.requestCount(action: $0.rawValue) }.reduce(0, +)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: directory) }
}

extension Console {
    /// The open form, if any.
    var form: DialogForm? { if case .form(let f)? = modal { return f } else { return nil } }
    /// The open cancellation wizard, if any.
    var wizard: CancellationWizard? { if case .cancellation(let w)? = modal { return w } else { return nil } }
}
