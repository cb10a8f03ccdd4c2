import BillingAPI
import ConsoleCore
import Foundation

/// A `Transport` answering each action from a closure, counting requests per action; a closure
/// may throw a `TransportError` (e.g. `requestSent: true`) to simulate a dropped connection.
final class ScriptedTransport: Transport, @unchecked Sendable {
    typealias Answer = @Sendable (FormParameters) throws(TransportError) -> String
    private let lock = NSLock()
    private var answers: [String: Answer] = [:]
    private var counts: [String: Int] = [:]
    private(set) var sent: [(action: String, parameters: FormParameters)] = []

    func on(_ action: String, _ answer: @escaping Answer) {
        lock.lock(); defer { lock.unlock() }
        answers[action] = answer
    }

    func count(_ action: String) -> Int {
        lock.lock(); defer { lock.unlock() }
        return counts[action] ?? 0
    }

    var mutatingCount: Int {
        lock.lock(); defer { lock.unlock() }
        return counts.filter { Action(rawValue: $0.key)?.isMutating == true }.values.reduce(0, +)
    }

    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        let params = FormParameters.decode(request.body)
        let action = params["action"] ?? ""
        lock.lock()
        counts[action, default: 0] += 1
        sent.append((action, params))
        let answer = answers[action]
        lock.unlock()
        guard let answer else { return HTTPResponse(status: 200, body: Data(#"{"code":-1,"message":"not scripted"}"#.utf8)) }
        let body = try answer(params)
        return HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: Data(body.utf8))
    }
}

/// Test wiring: a console, a runner over a scripted transport and an in-memory journal; effects
/// are performed synchronously and their outcomes fed back, as a `TestStore` would.
struct Harness {
    var console: Console
    let transport = ScriptedTransport()
    let journal = MemoryWriteJournal()
    let runner: EffectRunner

    init(readOnly: Bool = false, today: BillingDate = BillingDate(year: 2024, month: 6, day: 15)!) {
        console = Console(environment: ConsoleEnvironment(profileName: "test", readOnly: readOnly, today: today,
                                                         downloadFolder: NSTemporaryDirectory()))
        let client = APIClient(configuration: APIConfiguration(baseURL: "https://invapi.hostkey.com"), transport: transport,
                               credentials: .token("t0ken"), sleep: { _ in })
        runner = EffectRunner(client: client, journal: journal, deliver: { _ in })
    }

    /// Sends an intent and returns its effects without running them.
    mutating func send(_ intent: Intent) -> [Effect] { console.handle(intent) }

    /// Runs effects (and the effects their outcomes produce) to completion.
    mutating func run(_ effects: [Effect]) {
        var queue = effects
        while !queue.isEmpty {
            let e = queue.removeFirst()
            if let outcome = runner.perform(e) { queue += console.handle(outcome) }
        }
    }

    mutating func sendAndRun(_ intent: Intent) { run(send(intent)) }
}

/// Hand-made JSON answers in the reference's shapes.
enum Fixture {
    static func invoicesJSON(_ rows: [(id: Int, status: String, total: String, due: String)]) -> String {
        let items = rows.map { #"{"id":\#($0.id),"date":"2024-05-01","duedate":"\#($0.due)","total":"\#($0.total)","status":"\#($0.status)","currencycode":"USD"}"# }
        return #"{"result":"OK","invoices":{"invoice":[\#(items.joined(separator: ","))]}}"#
    }
    static func invoiceJSON(id: Int, status: String, total: String, balance: String) -> String {
        #"{"result":"success","invoiceid":\#(id),"status":"\#(status)","total":"\#(total)","balance":"\#(balance)","currencycode":"USD","date":"2024-05-01","duedate":"2024-06-01","items":{"item":[{"id":1,"type":"Hosting","relid":456,"description":"Server","amount":"\#(total)"}]}}"#
    }
    static let creditJSON = #"{"result":"OK","message":"100.00","currency":"USD"}"#
    static let clientJSON = #"{"result":"OK","client":{"id":7,"email":"a@b.example","firstname":"Ann","lastname":"Lee","currency_code":"USD"}}"#
}
