import Foundation

/// How the client proves who it is: a ready token, or an API key that `auth.php login` exchanges
/// for tokens. Its description never shows the secret.
public enum Credentials: Sendable, CustomStringConvertible {
    case token(String)
    case apiKey(String)
    case none

    public var description: String {
        switch self {
        case .token: return "token (hidden)"
        case .apiKey: return "API key (hidden)"
        case .none: return "no credentials"
        }
    }
}
