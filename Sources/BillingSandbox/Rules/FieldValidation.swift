/// Checks of user-typed fields shared by profile and contact edits.
enum FieldValidation {
    /// `local@domain.tld`: one `@`, no spaces, a dotted domain with non-empty labels.
    static func isEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, s.count <= 254,
              !s.contains(where: { $0.isWhitespace || $0.isNewline || $0 == "," || $0 == ";" }) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty } && (labels.last?.count ?? 0) >= 2
    }

    /// Digits with optional `+`, spaces, dashes and parentheses; 7 to 15 digits.
    static func isPhone(_ s: String) -> Bool {
        let allowed = s.allSatisfy { $0.isASCIIDigit || " +-()".contains($0) }
        let digits = s.filter(\.isASCIIDigit).count
        return allowed && (7...15).contains(digits)
    }

    /// A dotted IPv4 address, optionally with a /prefix, or an IPv6 address (hex groups and colons).
    static func isIPAddress(_ s: String) -> Bool {
        var text = Substring(s)
        if let slash = text.firstIndex(of: "/") {
            guard let prefix = Int(text[text.index(after: slash)...]), (0...128).contains(prefix) else { return false }
            text = text[..<slash]
        }
        let v4 = text.split(separator: ".", omittingEmptySubsequences: false)
        if v4.count == 4 { return v4.allSatisfy { $0.count <= 3 && UInt8($0) != nil } }
        guard text.contains(":"), text.count <= 39 else { return false }
        return text.allSatisfy { $0 == ":" || $0.isHexDigit } && text.split(separator: ":").allSatisfy { $0.count <= 4 }
    }

    /// A list of addresses separated by commas and/or spaces.
    static func addressList(_ s: String) -> [String] {
        s.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init)
    }
}
