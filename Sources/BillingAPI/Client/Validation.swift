import Foundation

/// Checks made before anything is sent, so a typo never becomes a request.
enum Validation {
    static func requireID(_ id: Int, _ what: String) throws(APIError) {
        guard id > 0 else { throw APIError.invalidRequest("\(what) must be a positive number") }
    }

    static func require(_ text: String, _ what: String) throws(APIError) {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw APIError.invalidRequest("\(what) is required") }
    }

    static func requirePositive(_ amount: Decimal, _ what: String) throws(APIError) {
        guard amount > 0 else { throw APIError.invalidRequest("\(what) must be above zero") }
    }

    static func requireEmail(_ email: String) throws(APIError) {
        guard EmailAddress.isValid(email) else { throw APIError.invalidRequest("not a valid e-mail address: \(ServerText.sanitize(email))") }
    }
}

/// A deliberately simple e-mail check: one `@`, a non-empty local part, a dotted domain, no spaces.
public enum EmailAddress {
    public static func isValid(_ s: String) -> Bool {
        let t = s.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, t.count <= 254 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else { return false }
        return !t.contains(where: { $0.isWhitespace || $0.isNewline || $0 == "," || $0 == ";" || $0 == "<" || $0 == ">" })
    }
}
