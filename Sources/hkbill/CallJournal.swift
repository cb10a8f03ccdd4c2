import BillingAPI
import Foundation
import LocalStore

/// Journals the writes of `hkbill call`: pending (fsynced) before sending, outcome after.
/// A journal that cannot be written stops the write: an unrecorded payment is worse than none.
struct CallJournal {
    let journal: ActionJournal
    let profile: String

    init(environment: [String: String], profile: String) {
        journal = ActionJournal(paths: ConfigPaths(environment: environment))
        self.profile = profile
    }

    func recordPending(action: String, parameters: FormParameters) -> JournalEntry.ID? {
        do {
            return try journal.recordPending(profile: profile, action: action, parameters: parameters)
        } catch {
            FileHandle.standardError.write(Data("error: cannot write the action journal (\(error)); nothing was sent\n".utf8))
            exit(1)
        }
    }

    func recordOutcome(_ id: JournalEntry.ID, _ outcome: JournalOutcome) {
        do { try journal.recordOutcome(id: id, outcome: outcome) } catch {
            FileHandle.standardError.write(Data("warning: the outcome could not be journaled: \(error)\n".utf8))
        }
    }
}
