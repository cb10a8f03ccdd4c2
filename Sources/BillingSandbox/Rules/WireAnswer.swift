import BillingAPI

/// The reference's answer shapes, in one place so every rule fails the same way.
enum WireAnswer {
    /// `{"code": -1, "message": "..."}`.
    static func failure(_ message: String, code: Int = -1) -> JSONValue {
        .object(JSONObject([("code", .int(code)), ("message", .string(message))]))
    }

    /// A failure whose code is a string, like `NO_APPROPRIATE_SERVERS`.
    static func failure(_ message: String, textCode: String) -> JSONValue {
        .object(JSONObject([("code", .string(textCode)), ("message", .string(message))]))
    }

    /// `update_client`'s `{"-1": "invalid profile data: ..."}`.
    static func profileFailure(_ detail: String) -> JSONValue {
        .object(JSONObject([("-1", .string("invalid profile data: " + detail))]))
    }

    /// `{"result": "OK", ...members}`.
    static func ok(_ members: [(String, JSONValue)] = []) -> JSONValue {
        .object(JSONObject([("result", .string("OK"))] + members.map { (key: $0.0, value: $0.1) }))
    }

    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { (key: $0.0, value: $0.1) }))
    }

    /// `YYYY-MM-DD HH:MM:SS` (UTC) of unix seconds.
    static func dateTime(_ unix: Int) -> String {
        let day = SandboxDay(daysSinceEpoch: unix >= 0 ? unix / 86_400 : (unix - 86_399) / 86_400)
        let s = unix - day.midnightUnix
        return day.text + " " + SandboxDay.pad(s / 3600, 2) + ":" + SandboxDay.pad(s / 60 % 60, 2) + ":" + SandboxDay.pad(s % 60, 2)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` (the reference's transaction dates).
    static func isoDateTime(_ unix: Int) -> String {
        dateTime(unix).replacingOccurrences(of: " ", with: "T") + "Z"
    }

    /// WHMCS writes "no date" as zeros.
    static let noDateTime = "0000-00-00 00:00:00"

    /// Every `name[]`, `name[0]`, `name[1]`... value: PHP accepts both spellings of an array.
    static func arrayValues(_ params: FormParameters, _ name: String) -> [String] {
        params.fields.filter { $0.name == name + "[]" || ($0.name.hasPrefix(name + "[") && $0.name.hasSuffix("]")) }.map(\.value)
    }
}
