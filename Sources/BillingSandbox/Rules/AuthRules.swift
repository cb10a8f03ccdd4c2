import BillingAPI

/// `auth.php` (`login`, `info`, `logout`) and the token check every `whmcs.php` call passes.
enum AuthRules {
    static let defaultTTL = 3_600
    static let maximumTTL = 30 * 86_400

    /// The customer a token belongs to, or the reference's failure for an unknown or expired token.
    static func authenticate(_ params: FormParameters, _ state: SandboxState, now: Int) -> Result<Int, AuthFailure> {
        guard let token = params["token"], !token.isEmpty, let issued = state.tokens[token] else {
            return .failure(AuthFailure(answer: WireAnswer.failure("Invalid token or access denied")))
        }
        if let expires = issued.expires, expires <= now {
            return .failure(AuthFailure(answer: WireAnswer.failure("token expired")))
        }
        return .success(issued.clientID)
    }

    /// The failure answer of an authentication check (an error type so it fits `Result`).
    struct AuthFailure: Error {
        let answer: JSONValue
    }

    static func answer(action: String, params: FormParameters, state: inout SandboxState, now: Int) -> JSONValue {
        switch action {
        case "login": return login(params, &state, now: now)
        case "info": return info(params, state, now: now)
        case "logout": return logout(params, &state, now: now)
        default: return WireAnswer.failure("unknown action")
        }
    }

    /// Issues a token for the API key. The answer alternates between NOTES.md's two shapes: top
    /// level with server ids as numbers, then nested in `result` with servers as objects.
    static func login(_ params: FormParameters, _ state: inout SandboxState, now: Int) -> JSONValue {
        guard let key = params["key"], !key.isEmpty, let customer = state.customers.first(where: { $0.apiKey == key }) else {
            return WireAnswer.failure("authentication failed: invalid API key")
        }
        let active = customer.serverIDs.compactMap { id in state.serverIndex(id).map { state.servers[$0] } }.filter(\.isActive)
        guard !active.isEmpty else {
            return WireAnswer.failure("No appropriate servers found", textCode: "NO_APPROPRIATE_SERVERS")
        }
        let ttl = params["ttl"].flatMap { Int($0) }.map { min(max($0, 1), maximumTTL) } ?? defaultTTL
        var rng = state.secretsGenerator
        let token = rng.hex(40)
        state.secretsGenerator = rng
        let expires = now + ttl
        state.tokens[token] = IssuedToken(clientID: customer.id, expires: expires, role: "customer")
        state.loginCount += 1
        if state.loginCount % 2 == 1 {
            return WireAnswer.object([("token", .string(token)), ("token_expire", .int(expires)), ("role", "customer"),
                                      ("invapi", .string(customer.location.invapiHost)),
                                      ("servers", .array(active.map { .int($0.id) }))])
        }
        let servers: [JSONValue] = active.map {
            WireAnswer.object([("id", .string(String($0.id))), ("name", .string($0.hostname)), ("status", .string($0.status))])
        }
        return WireAnswer.object([("result", WireAnswer.object([
            ("token", .string(token)), ("token_expire", .int(expires)), ("role", "customer"),
            ("invapi", .string(customer.location.invapiHost)), ("servers", .array(servers)),
        ]))])
    }

    static func info(_ params: FormParameters, _ state: SandboxState, now: Int) -> JSONValue {
        switch authenticate(params, state, now: now) {
        case .failure(let f): return f.answer
        case .success(let clientID):
            guard let c = state.customerIndex(clientID), let token = params["token"], let issued = state.tokens[token] else {
                return WireAnswer.failure("Invalid token or access denied")
            }
            let customer = state.customers[c]
            return WireAnswer.object([("result", WireAnswer.object([
                ("role", .string(issued.role)),
                ("permissions", .array(["whmcs", "invoices", "credit", "cancellation", "contacts"].map { .string($0) })),
                ("servers", .array(customer.serverIDs.map { .int($0) })), ("whmcs_id", .int(customer.id)),
                ("customer_id", .int(customer.internalID)), ("billing", .string(customer.location.rawValue)),
                ("token_expire", .int(issued.expires ?? 0)),
            ]))])
        }
    }

    /// Ends a token. The demo token is the simulator's fixed credential and survives a logout, so
    /// one console logging out does not lock every other demo out.
    static func logout(_ params: FormParameters, _ state: inout SandboxState, now: Int) -> JSONValue {
        switch authenticate(params, state, now: now) {
        case .failure(let f): return f.answer
        case .success:
            if let token = params["token"], token != state.demoToken { state.tokens[token] = nil }
            return WireAnswer.ok([("message", "logged out")])
        }
    }
}
