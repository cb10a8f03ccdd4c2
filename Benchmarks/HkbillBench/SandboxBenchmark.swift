import BillingAPI
import BillingSandbox
import Foundation

/// Issue 3's figures: the loopback sandbox server under wrk, one keep-alive connection and eight.
enum SandboxBenchmark {
    static func run() {
        Bench.header("Sandbox loopback server under wrk (issue 3)")
        guard let wrk = Bench.which("wrk") else { print("  wrk is not installed (make bench installs it)"); return }
        let sandbox = Sandbox(configuration: SandboxConfiguration(seed: 1, invoicesPerClient: 100))
        let server = SandboxServer(sandbox: sandbox)
        do { try server.start() } catch { print("  cannot start the sandbox server: \(error)"); return }
        defer { server.stop() }
        for action in ["getcredits", "get_invoices"] {
            let script = NSTemporaryDirectory() + "hkbill-wrk-\(getpid())-\(action).lua"
            let lua = """
            wrk.method = "POST"
            wrk.body = "action=\(action)&token=\(sandbox.demoToken)"
            wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
            """
            guard FileManager.default.createFile(atPath: script, contents: Data(lua.utf8)) else { print("  cannot write \(script)"); continue }
            defer { try? FileManager.default.removeItem(atPath: script) }
            for connections in [1, 8] {
                let threads = min(connections, 2)
                guard let out = Bench.run(wrk, ["-t\(threads)", "-c\(connections)", "-d3s", "--latency", "-s", script,
                                                 server.baseURL + "/whmcs.php"]) else {
                    print("  wrk failed for \(action)"); continue
                }
                let rps = out.split(separator: "\n").first { $0.contains("Requests/sec") }?
                    .split(separator: " ").last.map(String.init) ?? "?"
                let p50 = out.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("50%") }?
                    .split(separator: " ").last.map(String.init) ?? "?"
                let errors = out.contains("Non-2xx") ? " (non-2xx answers!)" : ""
                print("  \(action) \(action == "get_invoices" ? "(100 invoices) " : "")with \(connections) connection\(connections > 1 ? "s" : ""): "
                      + "\(rps) req/s, median latency \(p50)\(errors)")
            }
        }
    }
}
