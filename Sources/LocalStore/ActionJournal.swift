import BillingAPI
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The append-only record of every mutating call, in `<state>/journal.jsonl`: a `pending` line is
/// written and fsynced before the request goes out, an outcome line after. If the program dies in
/// between, the pending line without an outcome tells the user to check before retrying.
public struct ActionJournal: Sendable {
    public let paths: ConfigPaths

    public init(paths: ConfigPaths) { self.paths = paths }

    /// Appends the `pending` line (parameters masked) and fsyncs it. Send the request only after
    /// this returns: a write that is not journaled must not be sent.
    public func recordPending(profile: String, action: String, parameters: FormParameters,
                              at time: Date = Date()) throws(LocalStoreError) -> JournalEntry.ID {
        let id = UUID()
        try append(.pending(id: id, time: time, profile: profile, action: action, parameters: parameters.masked))
        return id
    }

    /// Appends the outcome line for `id` and fsyncs it.
    public func recordOutcome(id: JournalEntry.ID, outcome: JournalOutcome, at time: Date = Date()) throws(LocalStoreError) {
        try append(.outcome(id: id, time: time, outcome: outcome))
    }

    /// Every entry, pending and outcome lines merged by id, newest last.
    public func entries() throws(LocalStoreError) -> [JournalEntry] { try contents().entries }

    /// Entries with a pending line and no outcome: calls whose result nobody saw.
    public func unresolved() throws(LocalStoreError) -> [JournalEntry] { try entries().filter(\.isUnresolved) }

    /// The entries and the numbers of lines that could not be used.
    public func contents() throws(LocalStoreError) -> JournalContents {
        guard let data = try SecureFile.contents(of: paths.journalFile) else { return JournalContents() }
        var result = JournalContents()
        var indexByID: [UUID: Int] = [:]
        let text = String(decoding: data, as: UTF8.self)
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            switch JournalLine(line) {
            case let .pending(id, time, profile, action, parameters)?:
                indexByID[id] = result.entries.count
                result.entries.append(JournalEntry(id: id, time: time, profile: profile, action: action, parameters: parameters))
            case let .outcome(id, time, outcome)?:
                guard let i = indexByID[id] else { result.unreadableLines.append(number + 1); continue }
                result.entries[i].outcome = outcome
                result.entries[i].outcomeTime = time
            case nil:
                result.unreadableLines.append(number + 1)
            }
        }
        return result
    }

    // MARK: - Internal

    /// One `write` of the whole line on an O_APPEND descriptor, so lines from several processes
    /// never interleave; then fsync (and fsync the directory when the file is new).
    private func append(_ line: JournalLine) throws(LocalStoreError) {
        let path = paths.journalFile
        try SecureFile.ensurePrivateDirectory(paths.stateDirectory)
        var created = true
        var fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, SecureFile.privateFileMode)
        if fd < 0, errno == EEXIST {
            created = false
            fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        }
        if fd < 0 { throw .io(path: path, operation: "open", errno: errno) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0, st.st_mode & 0o7777 != SecureFile.privateFileMode,
           fchmod(fd, SecureFile.privateFileMode) != 0 {
            throw .io(path: path, operation: "chmod", errno: errno)
        }
        try SecureFile.writeAll(fd, Data((line.text + "\n").utf8), path: path)
        if fsync(fd) != 0 { throw .io(path: path, operation: "fsync", errno: errno) }
        if created { try SecureFile.syncDirectory(paths.stateDirectory) }
    }
}
