import BillingAPI
import Foundation
import LocalStore

/// `hkbill journal [--json]`: prints the action journal (every write, its masked parameters and
/// its outcome) and points out the writes whose outcome nobody saw, which must be checked before
/// anyone retries them.
enum JournalCommand {
    static let usage = "usage: hkbill journal [--json]"

    /// Exit codes: 0 printed, 1 the journal could not be read, 2 usage error.
    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        var asJSON = false
        for argument in arguments {
            switch argument {
            case "--json": asJSON = true
            case "-h", "--help": print(usage); return 0
            default:
                writeToStandardError("hkbill journal: unexpected argument \"\(ServerText.sanitize(argument))\"\n\(usage)\n")
                return 2
            }
        }
        let journal = ActionJournal(paths: ConfigPaths(environment: environment))
        let contents: JournalContents
        do { contents = try journal.contents() } catch {
            writeToStandardError("hkbill journal: \(error)\n")
            return 1
        }
        if !contents.unreadableLines.isEmpty {
            let lines = contents.unreadableLines.map(String.init).joined(separator: ", ")
            writeToStandardError("hkbill journal: \(journal.paths.journalFile): skipped unreadable line(s) \(lines)\n")
        }
        if asJSON {
            for entry in contents.entries { print(JSONWriter.compact(entry.jsonValue)) }
        } else {
            printTable(contents.entries, path: journal.paths.journalFile)
        }
        return 0
    }

    // MARK: - Table

    private static func printTable(_ entries: [JournalEntry], path: String) {
        guard !entries.isEmpty else {
            print("the journal is empty (\(path))")
            return
        }
        var rows = [["", "TIME", "PROFILE", "ACTION", "STATE", "OUTCOME", "PARAMETERS"]]
        for e in entries {
            rows.append([e.needsChecking ? "!" : "", timestamp(e.time), e.profile, e.action, e.state.rawValue,
                         shortened(e.outcome?.detail ?? "-", to: 60), shortened(e.parameters.masked.description, to: 80)]
                .map(ServerText.sanitize))
        }
        for line in alignedColumns(rows) { print(line) }

        let open = entries.filter(\.needsChecking)
        guard !open.isEmpty else { return }
        print("")
        print("\(open.count) write(s) marked ! may or may not have happened:")
        for e in open {
            let why = e.isUnresolved
                ? "no outcome recorded (hkbill stopped while the call was in flight)"
                : "outcome unknown: \(e.outcome?.detail ?? "")"
            print(ServerText.sanitize("  \(timestamp(e.time))  \(e.profile)  \(e.action) \(e.parameters.masked.description): \(why)"))
        }
        print("Check the invoice/requests in the console before retrying: the server may already have applied them.")
    }

    private static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    private static func shortened(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
