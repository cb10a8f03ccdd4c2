import BillingAPI

/// One authenticated call as the rules see it: the form fields, whose call it is, and the clocks.
/// Business dates come from `today` (pinned by the configuration); token lifetimes from `now`.
struct ActionContext {
    let params: FormParameters
    let clientID: Int
    let customerIndex: Int
    let today: SandboxDay
    /// Unix seconds by the token clock.
    let now: Int

    /// A non-empty, trimmed field value.
    func text(_ name: String) -> String? {
        guard let v = params[name]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
        return v
    }

    func int(_ name: String) -> Int? { text(name).flatMap { Int($0) } }

    /// PHP truthiness of a flag field.
    func flag(_ name: String) -> Bool {
        guard let v = text(name)?.lowercased() else { return false }
        return !["0", "false", "no", "off", "n"].contains(v)
    }

    /// Whether the field was sent at all (even empty): `update_client` tells "absent" from "cleared".
    func has(_ name: String) -> Bool { params[name] != nil }

    /// Unix seconds of "now" on the sandbox's today: today's date with the token clock's time of day,
    /// so timestamps agree with the pinned calendar.
    var stamp: Int { today.midnightUnix + ((now % 86_400) + 86_400) % 86_400 }
}
