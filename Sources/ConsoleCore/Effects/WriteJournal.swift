import BillingAPI
import Foundation
import LocalStore

/// Where the runner records writes: pending before sending, outcome after. A write whose pending
/// record fails is not sent.
public protocol WriteJournal: Sendable {
    func recordPending(action: Action, parameters: FormParameters) throws -> UUID
    func recordOutcome(id: UUID, outcome: JournalOutcome) throws
}

/// The real journal: `ActionJournal` under the state directory, for one profile.
public struct ActionJournalWriter: WriteJournal {
    public let journal: ActionJournal
    public let profile: String

    public init(journal: ActionJournal, profile: String) {
        self.journal = journal
        self.profile = profile
    }

    public func recordPending(action: Action, parameters: FormParameters) throws -> UUID {
        try journal.recordPending(profile: profile, action: action.rawValue, parameters: parameters)
    }

    public func recordOutcome(id: UUID, outcome: JournalOutcome) throws {
        try journal.recordOutcome(id: id, outcome: outcome)
    }
}

/// A journal kept in memory (demo mode and tests); thread-safe.
public final class MemoryWriteJournal: WriteJournal, @unchecked Sendable {
    /// One recorded line: a pending write or an outcome for one.
    public enum Line: Sendable, Equatable {
        case pending(id: UUID, action: Action, parameters: FormParameters)
        case outcome(id: UUID, JournalOutcome)
    }
    private let lock = NSLock()
    private var storage: [Line] = []

    public init() {}

    public var lines: [Line] {
        lock.lock(); defer { lock.unlock() }
        return storage
    }

    public func recordPending(action: Action, parameters: FormParameters) throws -> UUID {
        let id = UUID()
        lock.lock(); defer { lock.unlock() }
        storage.append(.pending(id: id, action: action, parameters: parameters.masked))
        return id
    }

    public func recordOutcome(id: UUID, outcome: JournalOutcome) throws {
        lock.lock(); defer { lock.unlock() }
        storage.append(.outcome(id: id, outcome))
    }
}
