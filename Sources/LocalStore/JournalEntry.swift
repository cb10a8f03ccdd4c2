import BillingAPI
import Foundation

/// One mutating call as the journal remembers it: the `pending` line written before it was sent,
/// merged with the outcome line written after, if there is one.
public struct JournalEntry: Sendable, Equatable, Identifiable {
    public typealias ID = UUID

    /// Where a call stands: `pending` until an outcome line is written.
    public enum State: String, Sendable, Equatable, CaseIterable {
        case pending, done, failed, unknown
    }

    public var id: ID
    /// When the call was journaled, just before it was sent.
    public var time: Date
    public var profile: String
    /// The wire name of the action, e.g. `apply_credit`.
    public var action: String
    /// The parameters sent, with secrets and passwords already masked.
    public var parameters: FormParameters
    public var outcome: JournalOutcome?
    public var outcomeTime: Date?

    public init(id: ID, time: Date, profile: String, action: String, parameters: FormParameters,
                outcome: JournalOutcome? = nil, outcomeTime: Date? = nil) {
        self.id = id
        self.time = time
        self.profile = profile
        self.action = action
        self.parameters = parameters
        self.outcome = outcome
        self.outcomeTime = outcomeTime
    }

    public var state: State { outcome?.state ?? .pending }

    /// Pending with no outcome: the program stopped between sending and recording the answer, so
    /// nobody knows whether the write happened.
    public var isUnresolved: Bool { outcome == nil }

    /// One self-contained JSON object per entry, for `hkbill journal --json`: the pending line's
    /// fields, then `state`, `outcome` (the detail text) and `outcomeTime` when there is one.
    public var jsonValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(id.uuidString)), ("time", .string(JournalLine.format(time))),
            ("profile", .string(profile)), ("action", .string(action)),
            ("parameters", JournalLine.parametersJSON(parameters)), ("state", .string(state.rawValue)),
        ]
        if let outcome { members.append(("outcome", .string(outcome.detail))) }
        if let outcomeTime { members.append(("outcomeTime", .string(JournalLine.format(outcomeTime)))) }
        members.append(("needsChecking", .bool(needsChecking)))
        return .object(JSONObject(members))
    }

    /// Unresolved, or recorded with an unknown outcome: in both cases someone has to check the
    /// console before trying again.
    public var needsChecking: Bool {
        switch outcome {
        case nil, .unknown?: return true
        default: return false
        }
    }
}
