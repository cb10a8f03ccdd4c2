import BillingAPI

/// `reset_password` in its three steps: an e-mail sends a link (the reset token comes back in
/// `debug`, as in the reference); the token with a new password changes it, unless the account
/// has 2FA, which first asks for a code (the sandbox hands it out in `debug` too); the token,
/// password and code finish it. Needs no API token.
enum PasswordResetRules {
    static let lifetime = 3_600

    static func reset(params: FormParameters, state: inout SandboxState, today: SandboxDay, now: Int,
                      caller: Int?) -> JSONValue {
        func text(_ k: String) -> String? {
            guard let v = params[k]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        guard let resetToken = text("reset_token") else {
            return start(email: text("email"), location: text("location"), state: &state, now: now, caller: caller)
        }
        guard let reset = state.passwordResets[resetToken], reset.expires > now,
              let c = state.customerIndex(reset.clientID) else {
            return WireAnswer.failure("Invalid password reset token, please try again.")
        }
        guard let pass = params["pass"], pass.count >= 8 else {
            return WireAnswer.failure("new password must be at least 8 characters")
        }
        if state.customers[c].twoFactorEnabled {
            guard let code = text("code") else {
                return WireAnswer.ok([("message", "2fa_code_required"), ("require_2fa", true),
                                      ("debug", WireAnswer.object([("code", .string(reset.twoFactorCode))]))])
            }
            guard code == reset.twoFactorCode else { return WireAnswer.failure("Invalid two-factor authentication code") }
        }
        state.customers[c].passwordDigest = SandboxDataGenerator.digest(pass)
        state.passwordResets[resetToken] = nil
        return WireAnswer.ok([("message", "Password has been changed.")])
    }

    private static func start(email: String?, location: String?, state: inout SandboxState, now: Int, caller: Int?) -> JSONValue {
        guard let email = email?.lowercased() else { return WireAnswer.failure("email is required") }
        let wanted = location.flatMap { $0.lowercased() == "auto" ? nil : BillingLocation(rawValue: $0) }
        guard let customer = state.customers.first(where: {
            $0.email.lowercased() == email && (wanted == nil || $0.location == wanted) && (caller == nil || $0.id == caller)
        }) else {
            return WireAnswer.failure("user_not_found")
        }
        var rng = state.secretsGenerator
        let token = rng.hex(32), hash = rng.hex(20), code = rng.digits(6)
        state.secretsGenerator = rng
        let expires = now + lifetime
        state.passwordResets[token] = PasswordReset(clientID: customer.id, expires: expires, hash: hash, twoFactorCode: code)
        return WireAnswer.ok([("message", "Password reset link was sent to the registred email."),
                              ("debug", WireAnswer.object([("expire", .string(WireAnswer.isoDateTime(expires))),
                                                           ("hash", .string(hash)), ("token", .string(token))]))])
    }
}
