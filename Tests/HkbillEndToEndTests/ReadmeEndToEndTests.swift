import Foundation
import Testing

/// The README's key table is generated from the key map; this keeps it from drifting.
@Suite("README stays true")
struct ReadmeEndToEndTests {
    static var readme: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }

    @Test func keyTableMatchesTheKeyMap() throws {
        let r = try HkbillBinary.run(["keys", "--markdown", "--defaults"], environment: ["HKBILL_CONFIG_DIR": "/nonexistent-hkbill"])
        #expect(r.status == 0)
        let readme = Self.readme
        let begin = try #require(readme.range(of: "<!-- keys:begin -->\n"))
        let end = try #require(readme.range(of: "\n<!-- keys:end -->"))
        let table = String(readme[begin.upperBound..<end.lowerBound])
        #expect(table == r.stdout.trimmingCharacters(in: .newlines), "regenerate with: hkbill keys --markdown --defaults")
    }

    @Test func keysShowsUserOverridesAndWarnsAboutBadOnes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hkbill-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(#"{"version":1,"profiles":[],"keyOverrides":{"J":"move-down","F9":"nonsense"},"confirmations":true}"#.utf8)
            .write(to: dir.appendingPathComponent("settings.json"))
        let r = try HkbillBinary.run(["keys"], environment: ["HKBILL_CONFIG_DIR": dir.path])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").contains { $0.hasPrefix("Down j J") || $0.contains(" J ") && $0.contains("move-down") })
        #expect(r.stderr.contains("nonsense"))
        #expect(try HkbillBinary.run(["keys", "--bogus"]).status == 2)
    }

    @Test func consoleNeedsATerminal() throws {
        let r = try HkbillBinary.run(["--demo"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("needs a terminal"))
    }
}
