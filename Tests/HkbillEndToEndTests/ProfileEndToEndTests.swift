import BillingAPI
import Foundation
import Testing

/// `hkbill profile`, `hkbill journal` and `hkbill info` run as the real binary, each test in its own
/// temporary home so nothing touches the user's settings.
@Suite struct ProfileEndToEndTests {
    /// A throwaway `$HOME` with hkbill's config and state directories inside it.
    final class Sandbox: Sendable {
        let home: String
        init() throws {
            home = FileManager.default.temporaryDirectory.appendingPathComponent("hkbill-e2e-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: home) }

        var config: String { home + "/config" }
        var state: String { home + "/state" }
        var settingsFile: String { config + "/settings.json" }
        var environment: [String: String] { ["HOME": home, "HKBILL_CONFIG_DIR": config, "HKBILL_STATE_DIR": state] }

        func hkbill(_ arguments: [String], stdin: String? = nil, extra: [String: String] = [:]) throws -> HkbillBinary.Outcome {
            try HkbillBinary.run(arguments, environment: environment.merging(extra) { $1 }, stdin: stdin)
        }

        func text(_ path: String) throws -> String {
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        }

        func mode(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }
    }

    @Test func addListUseRemove() throws {
        let s = try Sandbox()
        let add = try s.hkbill(["profile", "add", "prod", "--location", "whmcs_ru", "--read-only", "--token-stdin"],
                               stdin: "  tok-SECRET-1\n")
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("prod is now the active profile"))

        let keyFile = s.home + "/key.txt"
        try Data("key-SECRET-2\n".utf8).write(to: URL(fileURLWithPath: keyFile))
        let second = try s.hkbill(["profile", "add", "lab", "--api-url=http://127.0.0.1:9000", "--api-key-file", keyFile])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!second.stdout.contains("active profile"))

        let list = try s.hkbill(["profile", "list"])
        #expect(list.status == 0)
        let lines = list.stdout.split(separator: "\n").map(String.init)
        let prod = try #require(lines.first { $0.contains(" prod ") })
        let lab = try #require(lines.first { $0.contains(" lab ") })
        #expect(prod.hasPrefix("*") && prod.contains("https://invapi.hostkey.com") && prod.contains("whmcs_ru")
                && prod.contains("yes") && prod.hasSuffix("token"))
        #expect(!lab.hasPrefix("*") && lab.contains("http://127.0.0.1:9000") && lab.hasSuffix("API key"))

        #expect(try s.hkbill(["profile", "use", "lab"]).status == 0)
        #expect(try s.hkbill(["profile", "list"]).stdout.split(separator: "\n").contains { $0.hasPrefix("*") && $0.contains(" lab ") })

        let remove = try s.hkbill(["profile", "remove", "lab"])
        #expect(remove.status == 0)
        #expect(remove.stdout.contains("was the active profile"))
        #expect(!FileManager.default.fileExists(atPath: s.config + "/credentials/lab.json"))
        let after = try s.hkbill(["profile", "list"]).stdout
        #expect(!after.contains(" lab ") && after.contains("no active profile"))

        // The secrets live only in their 0600 credentials files.
        let settings = try s.text(s.settingsFile)
        #expect(!settings.contains("SECRET"))
        for o in [add, second, list, remove] { #expect(!(o.stdout + o.stderr).contains("SECRET")) }
        #expect(try s.text(s.config + "/credentials/prod.json").contains("tok-SECRET-1"))
        #expect(try s.mode(s.config + "/credentials/prod.json") == 0o600)
        #expect(try s.mode(s.config + "/credentials") == 0o700)
        #expect(try s.mode(s.config) == 0o700)
        #expect(try s.mode(s.settingsFile) == 0o600)
    }

    @Test func usageErrorsExitTwoAndFailuresExitOne() throws {
        let s = try Sandbox()
        let usage: [([String], String?)] = [
            (["profile"], nil),
            (["profile", "frobnicate"], nil),
            (["profile", "add", "bad/name", "--token-stdin"], "t"),
            (["profile", "add", "p", "--api-url", "http://example.com", "--token-stdin"], "t"),
            (["profile", "add", "p", "--api-url", "https://user:pw@example.com", "--token-stdin"], "t"),
            (["profile", "add", "p"], nil),
            (["profile", "add", "p", "--token", "tok-SECRET"], nil),
            (["profile", "add", "p", "--token-stdin", "--api-key-stdin"], "t"),
            (["profile", "add", "p", "--token-stdin"], "   \n"),
            (["profile", "add", "p", "--token-stdin"], "tok SECRET"),
            (["profile", "use"], nil),
        ]
        for (arguments, stdin) in usage {
            let o = try s.hkbill(arguments, stdin: stdin)
            #expect(o.status == 2, "\(arguments): \(o.stderr)")
            #expect(o.stderr.contains("usage:"), "\(arguments)")
            #expect(!o.stderr.contains("SECRET"), "\(arguments)")
        }
        #expect(try s.hkbill(["profile", "add", "p", "--token-stdin"], stdin: "t").status == 0)
        let duplicate = try s.hkbill(["profile", "add", "p", "--token-stdin"], stdin: "t2")
        #expect(duplicate.status == 1 && duplicate.stderr.contains("already exists"))
        #expect(try s.hkbill(["profile", "add", "p", "--replace", "--api-key-stdin"], stdin: "k").status == 0)
        #expect(try s.hkbill(["profile", "list"]).stdout.contains("API key"))
        #expect(try s.hkbill(["profile", "use", "ghost"]).status == 1)
        #expect(try s.hkbill(["profile", "remove", "ghost"]).status == 1)
        #expect(try s.hkbill(["profile", "add", "q", "--token-file", s.home + "/missing"]).status == 1)
    }

    @Test func corruptSettingsAreReportedAndKept() throws {
        let s = try Sandbox()
        try FileManager.default.createDirectory(atPath: s.config, withIntermediateDirectories: true)
        let broken = "{\n  \"version\": 1,\n  \"profiles\": [ {\"name\": \"p\"} ]\n  \"theme\": \"x\"\n}\n"
        try Data(broken.utf8).write(to: URL(fileURLWithPath: s.settingsFile))
        for arguments in [["profile", "list"], ["profile", "use", "p"], ["profile", "add", "n", "--token-stdin"], ["info"]] {
            let o = try s.hkbill(arguments, stdin: "t")
            #expect(o.status == 1, "\(arguments)")
            #expect(o.stderr.contains("\(s.settingsFile):4:"), "\(arguments): \(o.stderr)")
        }
        #expect(try s.text(s.settingsFile) == broken)
        #expect(!FileManager.default.fileExists(atPath: s.config + "/credentials/n.json"))
    }

    @Test func twoProcessesAddingConcurrentlyLoseNothing() throws {
        let s = try Sandbox()
        let perWriter = 8
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { w in
            for i in 0..<perWriter {
                let o = try? s.hkbill(["profile", "add", "w\(w)-\(i)", "--token-stdin"], stdin: "tok-\(w)-\(i)")
                if o?.status != 0 { failures.add("w\(w)-\(i): \(o?.stderr ?? "did not run")") }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let document = try JSONParser.parse(try Data(contentsOf: URL(fileURLWithPath: s.settingsFile)))
        let names = Set((document["profiles"]?.arrayValue ?? []).compactMap { $0["name"]?.text })
        let expected = Set((0..<2).flatMap { w in (0..<perWriter).map { "w\(w)-\($0)" } })
        #expect(names == expected)
        let credentials = try FileManager.default.contentsOfDirectory(atPath: s.config + "/credentials")
        #expect(credentials.count == expected.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.config).sorted() == [".settings.lock", "credentials", "settings.json"])
    }

    @Test func journalPrintsEntriesAndPointsAtUnresolvedOnes() throws {
        let s = try Sandbox()
        let empty = try s.hkbill(["journal"])
        #expect(empty.status == 0 && empty.stdout.contains("journal is empty"))

        try FileManager.default.createDirectory(atPath: s.state, withIntermediateDirectories: true)
        let lines = [
            #"{"id":"11111111-1111-1111-1111-111111111111","time":"2025-03-01T10:00:00.000Z","state":"pending","profile":"prod","action":"apply_credit","parameters":{"invoice_id":"123","amount":"10.00","token":"***"}}"#,
            #"{"id":"11111111-1111-1111-1111-111111111111","time":"2025-03-01T10:00:01.000Z","state":"done","summary":"credit applied"}"#,
            #"{"id":"22222222-2222-2222-2222-222222222222","time":"2025-03-01T10:05:00.000Z","state":"pending","profile":"prod","action":"request_cancellation","parameters":{"id":"456","type":"1"}}"#,
        ]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: s.state + "/journal.jsonl"))

        let table = try s.hkbill(["journal"])
        #expect(table.status == 0)
        let rows = table.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first?.contains("TIME") == true && rows.first?.contains("OUTCOME") == true)
        let done = try #require(rows.first { $0.contains("apply_credit") })
        #expect(done.contains("done") && done.contains("credit applied") && done.contains("token=***"))
        let open = try #require(rows.first { $0.contains("request_cancellation") && $0.contains("pending") })
        #expect(open.hasPrefix("!"))
        #expect(table.stdout.contains("Check the invoice/requests in the console before retrying"))

        let json = try s.hkbill(["journal", "--json"])
        #expect(json.status == 0)
        let objects = try json.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(objects.map { $0["state"]?.text } == ["done", "pending"])
        #expect(objects[0]["parameters"]?["token"]?.text == "***")
        #expect(objects[1]["needsChecking"] == .bool(true))

        #expect(try s.hkbill(["journal", "--yaml"]).status == 2)
    }

    @Test func infoShowsPathsAndProfileButNoSecrets() throws {
        let s = try Sandbox()
        _ = try s.hkbill(["profile", "add", "prod", "--location", "whmcs_ru", "--token-stdin"], stdin: "tok-SECRET-9")
        let plain = try s.hkbill(["info"])
        #expect(plain.status == 0, "\(plain.stderr)")
        for expected in [s.config, s.settingsFile, s.config + "/credentials", s.config + "/themes", s.state,
                         s.state + "/journal.jsonl", s.home + "/Downloads/hkbill", "prod (active)",
                         "https://invapi.hostkey.com", "whmcs_ru", "token stored"] {
            #expect(plain.stdout.contains(expected), "missing \(expected)")
        }
        let overridden = try s.hkbill(["info"], extra: ["HOSTKEY_TOKEN": "tok-SECRET-ENV",
                                                        "HOSTKEY_API_URL": "https://SECRET-host.example",
                                                        "HOSTKEY_API_KEY": "key-SECRET-ENV"])
        #expect(overridden.status == 0)
        #expect(overridden.stdout.contains("HOSTKEY_TOKEN") && overridden.stdout.contains("HOSTKEY_API_URL")
                && overridden.stdout.contains("HOSTKEY_API_KEY"))
        for o in [plain, overridden] { #expect(!(o.stdout + o.stderr).contains("SECRET")) }
        #expect(try s.hkbill(["info", "--profile", "ghost"]).status == 1)
        #expect(try s.hkbill(["info", "--bogus"]).status == 2)
    }
}

/// Collects failure messages from concurrent loops.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}
