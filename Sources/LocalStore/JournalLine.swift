import BillingAPI
import Foundation

/// The two kinds of line in `journal.jsonl` and their JSON form:
/// `{"id":..,"time":..,"state":"pending","profile":..,"action":..,"parameters":{..}}` and
/// `{"id":..,"time":..,"state":"done","summary":..}` (or `failed`/`message`, `unknown`/`reason`).
/// Parameters are an object in field order; a repeated name (`invoices[]`) holds a list.
enum JournalLine: Equatable {
    case pending(id: UUID, time: Date, profile: String, action: String, parameters: FormParameters)
    case outcome(id: UUID, time: Date, outcome: JournalOutcome)

    // MARK: - Writing

    var text: String {
        switch self {
        case let .pending(id, time, profile, action, parameters):
            let object: JSONValue = .object(JSONObject([
                ("id", .string(id.uuidString)), ("time", .string(Self.format(time))), ("state", "pending"),
                ("profile", .string(profile)), ("action", .string(action)),
                ("parameters", Self.parametersJSON(parameters)),
            ]))
            return JSONWriter.compact(object)
        case let .outcome(id, time, outcome):
            let object: JSONValue = .object(JSONObject([
                ("id", .string(id.uuidString)), ("time", .string(Self.format(time))),
                ("state", .string(outcome.state.rawValue)), (outcome.detailKey, .string(outcome.detail)),
            ]))
            return JSONWriter.compact(object)
        }
    }

    static func parametersJSON(_ parameters: FormParameters) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        for field in parameters.fields {
            if let i = members.firstIndex(where: { $0.key == field.name }) {
                switch members[i].value {
                case .array(let values): members[i].value = .array(values + [.string(field.value)])
                default: members[i].value = .array([members[i].value, .string(field.value)])
                }
            } else {
                members.append((field.name, .string(field.value)))
            }
        }
        return .object(JSONObject(members))
    }

    // MARK: - Reading

    /// nil for anything that is not one of the two shapes.
    init?(_ line: Substring) {
        guard let value = try? JSONParser.parse(String(line)), let idText = value["id"]?.text,
              let id = UUID(uuidString: idText), let timeText = value["time"]?.text,
              let time = Self.parse(timeText), let stateText = value["state"]?.text,
              let state = JournalEntry.State(rawValue: stateText) else { return nil }
        switch state {
        case .pending:
            guard let profile = value["profile"]?.text, let action = value["action"]?.text else { return nil }
            var parameters = FormParameters()
            for member in value["parameters"]?.objectValue?.members ?? [] {
                switch member.value {
                case .array(let values): for v in values { parameters.add(member.key, v.text ?? "") }
                default: parameters.add(member.key, member.value.text ?? "")
                }
            }
            self = .pending(id: id, time: time, profile: profile, action: action, parameters: parameters)
        case .done:
            self = .outcome(id: id, time: time, outcome: .done(summary: value["summary"]?.text ?? ""))
        case .failed:
            self = .outcome(id: id, time: time, outcome: .failed(message: value["message"]?.text ?? ""))
        case .unknown:
            self = .outcome(id: id, time: time, outcome: .unknown(reason: value["reason"]?.text ?? ""))
        }
    }

    // MARK: - Time

    /// ISO-8601 in UTC with milliseconds, so entries written in the same second still read in order.
    static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// Accepts the written form and the plain one without fractions (a hand-edited line).
    static func parse(_ text: String) -> Date? {
        if let d = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return d }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
