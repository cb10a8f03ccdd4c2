import BillingAPI
import Foundation
import Testing
@testable import LocalStore

@Suite struct ActionJournalTests {
    private func credit(_ invoice: Int) -> FormParameters {
        FormParameters([("invoice_id", String(invoice)), ("amount", "10.00")])
    }

    @Test func pendingAndOutcomeLinesMergeByID() throws {
        let home = try TemporaryHome()
        let journal = ActionJournal(paths: home.paths)
        let first = try journal.recordPending(profile: "prod", action: "apply_credit", parameters: credit(1))
        let second = try journal.recordPending(profile: "prod", action: "apply_credit", parameters: credit(2))
        try journal.recordOutcome(id: second, outcome: .failed(message: "Invalid invoice id"))
        try journal.recordOutcome(id: first, outcome: .done(summary: "credit applied"))

        let entries = try journal.entries()
        #expect(entries.map(\.id) == [first, second])
        #expect(entries[0].outcome == .done(summary: "credit applied"))
        #expect(entries[0].state == .done)
        #expect(entries[1].state == .failed)
        #expect(entries[1].parameters == credit(2))
        #expect(entries.allSatisfy { $0.profile == "prod" && $0.action == "apply_credit" && $0.outcomeTime != nil })
        #expect(try journal.unresolved().isEmpty)

        let lines = try home.read(home.paths.journalFile).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].contains("\"state\":\"pending\""))
        #expect(lines[2].contains("\"state\":\"failed\"") && lines[2].contains("\"message\":\"Invalid invoice id\""))
        #expect(lines[3].contains("\"summary\":\"credit applied\""))
    }

    @Test func secretsAndPasswordsAreMaskedOnDisk() throws {
        let home = try TemporaryHome()
        let journal = ActionJournal(paths: home.paths)
        let parameters = FormParameters([("token", "tok-SECRET"), ("key", "key-SECRET"),
                                         ("profile_data[password1]", "pw-SECRET"), ("password", "pw2-SECRET"),
                                         ("profile_data[firstname]", "Ann")])
        _ = try journal.recordPending(profile: "prod", action: "update_client", parameters: parameters)
        let raw = try home.read(home.paths.journalFile)
        #expect(!raw.contains("SECRET"))
        let stored = try #require(try journal.entries().first).parameters
        #expect(stored["token"] == "***" && stored["key"] == "***" && stored["password"] == "***")
        #expect(stored["profile_data[password1]"] == "***")
        #expect(stored["profile_data[firstname]"] == "Ann")
    }

    @Test func pendingWithoutOutcomeIsUnresolved() throws {
        let home = try TemporaryHome()
        let journal = ActionJournal(paths: home.paths)
        let done = try journal.recordPending(profile: "p", action: "mass_pay", parameters: FormParameters())
        try journal.recordOutcome(id: done, outcome: .done(summary: "ok"))
        let lost = try journal.recordPending(profile: "p", action: "request_cancellation", parameters: FormParameters())
        let unknown = try journal.recordPending(profile: "p", action: "create_addfunds", parameters: FormParameters())
        try journal.recordOutcome(id: unknown, outcome: .unknown(reason: "timed out after sending"))

        #expect(try journal.unresolved().map(\.id) == [lost])
        let entries = try journal.entries()
        #expect(entries.filter(\.needsChecking).map(\.id) == [lost, unknown])
        #expect(entries[2].outcome == .unknown(reason: "timed out after sending"))
    }

    @Test func repeatedArrayParametersRoundTrip() throws {
        let home = try TemporaryHome()
        let journal = ActionJournal(paths: home.paths)
        var parameters = FormParameters()
        parameters.add(array: "invoices", [12345, 67890])
        parameters.add("gateway", "credit")
        _ = try journal.recordPending(profile: "p", action: "mass_pay", parameters: parameters)
        #expect(try journal.entries().first?.parameters == parameters)
        #expect(try home.read(home.paths.journalFile).contains(#""invoices[]":["12345","67890"]"#))
    }

    @Test func fileIsPrivateInPrivateDirectory() throws {
        let home = try TemporaryHome()
        _ = try ActionJournal(paths: home.paths).recordPending(profile: "p", action: "mass_pay", parameters: FormParameters())
        #expect(try home.mode(of: home.stateDirectory) == 0o700)
        #expect(try home.mode(of: home.paths.journalFile) == 0o600)
    }

    @Test func missingJournalIsEmpty() throws {
        let home = try TemporaryHome()
        #expect(try ActionJournal(paths: home.paths).contents() == JournalContents())
    }

    @Test func unusableLinesAreCountedNotHidden() throws {
        let home = try TemporaryHome()
        let journal = ActionJournal(paths: home.paths)
        let id = try journal.recordPending(profile: "p", action: "mass_pay", parameters: FormParameters())
        let orphan = #"{"id":"\#(UUID().uuidString)","time":"2024-01-01T00:00:00Z","state":"done","summary":"x"}"#
        let handle = try #require(FileHandle(forWritingAtPath: home.paths.journalFile))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"id\":\"torn\n\(orphan)\n".utf8))
        try handle.close()
        try journal.recordOutcome(id: id, outcome: .done(summary: "ok"))
        let contents = try journal.contents()
        #expect(contents.unreadableLines == [2, 3])
        #expect(contents.entries.map(\.state) == [.done])
    }

    @Test func twoAppendersNeverInterleave() throws {
        let home = try TemporaryHome()
        let paths = home.paths
        let perWriter = 40
        DispatchQueue.concurrentPerform(iterations: 2) { w in
            let journal = ActionJournal(paths: paths)
            for i in 0..<perWriter {
                let parameters = FormParameters([("writer", String(w)), ("n", String(i)),
                                                 ("note", String(repeating: "x", count: 300))])
                guard let id = try? journal.recordPending(profile: "w\(w)", action: "apply_credit", parameters: parameters)
                else { continue }
                try? journal.recordOutcome(id: id, outcome: .done(summary: "ok \(w)-\(i)"))
            }
        }
        let contents = try ActionJournal(paths: paths).contents()
        #expect(contents.unreadableLines.isEmpty)
        #expect(contents.entries.count == 2 * perWriter)
        #expect(contents.entries.allSatisfy { $0.state == .done })
        for w in 0..<2 {
            let mine = contents.entries.filter { $0.profile == "w\(w)" }.compactMap { $0.parameters["n"] }
            #expect(mine == (0..<perWriter).map(String.init))
        }
    }
}
