import BillingAPI
import Foundation

/// The secret of one profile: a ready token, or an API key that logs in through `auth.php`.
/// Printing it never shows the secret.
public enum StoredCredential: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    case token(String)
    case apiKey(String)

    /// The secret itself, for the one place that sends it.
    public var secret: String {
        switch self {
        case .token(let s), .apiKey(let s): return s
        }
    }

    /// "token" or "API key": what kind is stored, for listings.
    public var kindName: String {
        switch self {
        case .token: return "token"
        case .apiKey: return "API key"
        }
    }

    public var description: String { "\(kindName) (\(SecretFields.mask))" }
    public var debugDescription: String { description }

    // MARK: - File format

    /// The on-disk form: `{"kind":"token","secret":"..."}`.
    var fileData: Data {
        let kind: String
        switch self {
        case .token: kind = "token"
        case .apiKey: kind = "apiKey"
        }
        let object: JSONValue = ["kind": .string(kind), "secret": .string(secret)]
        return Data((JSONWriter.compact(object) + "\n").utf8)
    }

    init?(fileData: Data) {
        guard let object = try? JSONParser.parse(fileData), let kind = object["kind"]?.text,
              let secret = object["secret"]?.text, !secret.isEmpty else { return nil }
        switch kind {
        case "token": self = .token(secret)
        case "apiKey": self = .apiKey(secret)
        default: return nil
        }
    }
}
