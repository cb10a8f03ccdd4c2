import BillingAPI
import Foundation

/// Issue 2's decoding figure: a `get_invoices` answer of N invoices into typed `Invoice` values with
/// exact money, against CPython's `json.loads` of the same bytes (untyped dicts), in the same run.
enum DecodingBenchmark {
    /// A realistic answer: WHMCS's usual fields, money as numbers and as strings, mixed statuses.
    static func answer(invoices n: Int) -> Data {
        var s = #"{"result":"OK","totalresults":\#(n),"invoices":{"invoice":["#
        let statuses = ["Paid", "Unpaid", "Cancelled", "Refunded", "Paid", "Collections", "Payment Pending"]
        for i in 0..<n {
            if i > 0 { s += "," }
            let cents = 1000 + (i * 7919) % 900_000
            let total = "\(cents / 100).\(String(format: "%02d", cents % 100))"
            let month = 1 + i % 12, day = 1 + i % 28
            let date = "2024-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            let totalField = i % 2 == 0 ? total : "\"\(total)\""
            // The reference's fields plus the currency: about 1.3 MB for 10,000 invoices.
            s += #"{"id":\#(100000 + i),"clientid":5,"userid":5,"status":"\#(statuses[i % statuses.count])","total":\#(totalField),"date":"\#(date)","duedate":"\#(date)","currencycode":"USD"}"#
        }
        s += "]}}"
        return Data(s.utf8)
    }

    static func run() {
        Bench.header("Decoding get_invoices into typed invoices (issue 2)")
        let python = Bench.which("python3")
        var ratio10k: Double = 0
        var perInvoice: [(Int, Double)] = []
        for n in [1_000, 10_000, 100_000] {
            let body = answer(invoices: n)
            let before = Bench.peakRSSMiB()
            var count = 0
            let ms = Bench.medianMillis(runs: n >= 100_000 ? 7 : 21) {
                count = Invoice.list(fromBody: body, currency: .usd)?.count ?? -1
            }
            let peak = Bench.peakRSSMiB() - before
            precondition(count == n, "decoded \(count) of \(n)")
            var line = "  \(n) invoices (\(Bench.fmt(Double(body.count) / 1_048_576)) MiB): typed decode median \(Bench.fmt(ms)) ms"
            if n <= 10_000 { line += ", peak RSS growth \(Bench.fmt(peak, 1)) MiB" }
            if let python, let pyMs = pythonLoads(python, body, runs: n >= 100_000 ? 7 : 21) {
                line += "; python json.loads median \(Bench.fmt(pyMs)) ms; ratio (python/swift) \(Bench.fmt(pyMs / ms))"
                if n == 10_000 { ratio10k = pyMs / ms }
            }
            print(line)
            perInvoice.append((n, ms / Double(n) * 1000))
        }
        print("  per invoice: " + perInvoice.map { "\($0.0): \(Bench.fmt($0.1, 3)) µs" }.joined(separator: ", ") + " (linear when these stay flat)")
        if ratio10k > 0 { print("  target: ratio above 1 at 10,000 invoices -> \(ratio10k > 1 ? "met" : "NOT met") (\(Bench.fmt(ratio10k)))") }
    }

    /// Median of `json.loads` over the same bytes, timed inside Python.
    static func pythonLoads(_ python: String, _ body: Data, runs: Int) -> Double? {
        let path = NSTemporaryDirectory() + "hkbill-bench-\(getpid()).json"
        guard FileManager.default.createFile(atPath: path, contents: body) else { return nil }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let script = """
        import json, time, statistics, sys
        data = open(sys.argv[1], 'rb').read()
        for _ in range(2): json.loads(data)
        s = []
        for _ in range(\(runs)):
            t = time.perf_counter(); json.loads(data); s.append((time.perf_counter() - t) * 1000)
        print(statistics.median(s))
        """
        guard let out = Bench.run(python, ["-c", script, path]) else { return nil }
        return Double(out.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
