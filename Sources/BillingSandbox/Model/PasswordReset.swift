/// A pending password reset: the emailed token, when it expires (unix seconds), and the 2FA code
/// the customer must send when their account has two-factor authentication on.
struct PasswordReset: Codable, Sendable {
    var clientID: Int
    var expires: Int
    var hash: String
    var twoFactorCode: String
}
