import BillingAPI
import BillingSandbox
import Dispatch
import Foundation

/// `hkbill sandbox serve`: runs the WHMCS simulator on 127.0.0.1 and prints its URL and demo
/// credentials (a local simulator's own credentials, printed on purpose), until SIGINT or SIGTERM;
/// then saves `--state` if given. Exit 0 after a clean stop, 1 when it cannot start, 2 on a usage
/// error.
enum SandboxServeCommand {
    static let usage = "usage: hkbill sandbox serve [--port N] [--seed N] [--clients N] [--invoices N] [--latency-ms N] [--state FILE] [--log FILE]"

    /// What the command line asked for.
    struct Options: Equatable {
        var port: UInt16 = 8080
        var seed: UInt64 = 1
        var clients = 8
        var invoices = 24
        var latencyMs = 0
        var statePath: String? = nil
        var logPath: String? = nil
    }

    static func run(_ arguments: [String]) -> Int32 {
        let options: Options
        switch parse(arguments) {
        case .failure(let error):
            printError("error: " + error.message + "\n" + usage)
            return 2
        case .success(nil):
            print(usage)
            return 0
        case .success(let parsed?):
            options = parsed
        }

        let sandbox: Sandbox
        var restored = false
        if let path = options.statePath, FileManager.default.fileExists(atPath: path) {
            do {
                sandbox = try Sandbox.load(from: URL(fileURLWithPath: path))
                restored = true
            } catch {
                printError("error: cannot read the state file \(path): \(error)")
                return 1
            }
        } else {
            sandbox = Sandbox(configuration: SandboxConfiguration(seed: options.seed, clients: options.clients,
                                                                  invoicesPerClient: options.invoices))
        }
        if options.latencyMs > 0 { sandbox.faults.all.latencyMs = options.latencyMs }
        if let logPath = options.logPath {
            guard let log = RequestLog(path: logPath) else {
                printError("error: cannot write the request log \(logPath)")
                return 1
            }
            sandbox.observeRequests { action, params in log.append(action: action, parameters: params) }
        }

        let server = SandboxServer(sandbox: sandbox, port: options.port)
        do {
            try server.start()
        } catch {
            printError("error: cannot listen on 127.0.0.1:\(options.port): \(error)")
            return 1
        }
        print("""
        hkbill sandbox listening on \(server.baseURL)  (whmcs.php and auth.php)
          demo client:  \(sandbox.demoClientID)\(restored ? "  (state restored from \(options.statePath ?? ""))" : "")
          demo token:   \(sandbox.demoToken)
          demo API key: \(sandbox.demoAPIKey)
          try: invoice \(sandbox.demoFixture.payableInvoiceID) (credit pays it), overdue \(sandbox.demoFixture.overdueInvoiceID), \
        unpaid \(sandbox.demoFixture.unpaidInvoiceIDs.map(String.init).joined(separator: ",")); \
        server \(sandbox.demoFixture.cancellableServerID) (cancellable), \(sandbox.demoFixture.overTrafficServerID) (over its traffic)
        Stop with Ctrl-C.
        """)
        fflush(nil)

        waitForTermination()
        server.stop()
        if let path = options.statePath {
            do {
                try sandbox.save(to: URL(fileURLWithPath: path))
                print("state saved to \(path)")
            } catch {
                printError("error: cannot save the state to \(path): \(error)")
                return 1
            }
        }
        return 0
    }

    /// The options, nil for `--help`, or a usage message.
    static func parse(_ arguments: [String]) -> Result<Options?, UsageError> {
        var options = Options()
        var i = 0
        func value(_ flag: String) -> Result<String, UsageError> {
            guard i + 1 < arguments.count else { return .failure(UsageError("\(flag) needs a value")) }
            i += 1
            return .success(arguments[i])
        }
        func number<T: FixedWidthInteger>(_ flag: String, _ range: ClosedRange<T>) -> Result<T, UsageError> {
            value(flag).flatMap { text in
                guard let n = T(text), range.contains(n) else {
                    return .failure(UsageError("\(flag) must be a number from \(range.lowerBound) to \(range.upperBound)"))
                }
                return .success(n)
            }
        }
        while i < arguments.count {
            let flag = arguments[i]
            let outcome: Result<Void, UsageError>
            switch flag {
            case "--help", "-h": return .success(nil)
            case "--port": outcome = number(flag, 0...UInt16.max).map { options.port = $0 }
            case "--seed": outcome = number(flag, 0...UInt64.max).map { options.seed = $0 }
            case "--clients": outcome = number(flag, 1...100_000).map { options.clients = $0 }
            case "--invoices": outcome = number(flag, 0...1_000_000).map { options.invoices = $0 }
            case "--latency-ms": outcome = number(flag, 0...600_000).map { options.latencyMs = $0 }
            case "--state": outcome = value(flag).map { options.statePath = $0 }
            case "--log": outcome = value(flag).map { options.logPath = $0 }
            default: outcome = .failure(UsageError("unknown option '\(ServerText.sanitize(flag))'"))
            }
            if case .failure(let e) = outcome { return .failure(e) }
            i += 1
        }
        return .success(options)
    }

    /// A usage mistake, shown on stderr with the usage line.
    struct UsageError: Error, Equatable {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// Blocks until SIGINT or SIGTERM arrives (handled through dispatch sources, not a C handler,
    /// so the stop and the save run as ordinary code).
    private static func waitForTermination() {
        let done = DispatchSemaphore(value: 0)
        var sources: [DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { done.signal() }
            source.resume()
            sources.append(source)
        }
        done.wait()
        sources.forEach { $0.cancel() }
    }

    private static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// `sandbox serve --log FILE`: one line per request, `action name=value ...`, secrets masked.
final class RequestLog: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()

    init?(path: String) {
        guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else { return nil }
        handle = h
    }

    func append(action: String, parameters: FormParameters) {
        let fields = parameters.masked.fields.filter { $0.name != "action" }.map { "\($0.name)=\($0.value)" }
        let line = ([action.isEmpty ? "-" : action] + fields).joined(separator: " ") + "\n"
        lock.lock()
        handle.write(Data(line.utf8))
        lock.unlock()
    }
}
