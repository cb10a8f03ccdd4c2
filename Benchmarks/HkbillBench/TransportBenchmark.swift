import BillingAPI
import BillingSandbox
import Foundation

/// Issue 2's transport figure: `getcredits` calls through one kept-alive `CurlTransport` (the path
/// `hkbill call` and the console use) against the sandbox's loopback server.
enum TransportBenchmark {
    static func run() {
        Bench.header("API client over libcurl, one kept-alive connection (issue 2)")
        let sandbox = Sandbox(configuration: SandboxConfiguration(seed: 1))
        let server = SandboxServer(sandbox: sandbox)
        do { try server.start() } catch { print("  cannot start the sandbox server: \(error)"); return }
        defer { server.stop() }
        let transport = CurlTransport(configuration: CurlConfiguration(userAgent: "hkbill-bench"))
        let client = APIClient(configuration: APIConfiguration(baseURL: server.baseURL, retry: .none),
                               transport: transport, credentials: .token(sandbox.demoToken))
        let n = 3000
        var latencies: [Double] = []
        latencies.reserveCapacity(n)
        for _ in 0..<200 { _ = try? client.getCredits() }
        let connectionsBefore = server.connectionCount
        let t0 = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<n {
            let a = DispatchTime.now().uptimeNanoseconds
            _ = try? client.getCredits()
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - a) / 1e3)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        latencies.sort()
        print("  \(n) getcredits calls: \(Bench.fmt(Double(n) / seconds, 0)) req/s, median latency \(Bench.fmt(latencies[n / 2], 0)) µs, "
              + "p99 \(Bench.fmt(latencies[n * 99 / 100], 0)) µs, new connections during the run: \(server.connectionCount - connectionsBefore)")
    }
}
