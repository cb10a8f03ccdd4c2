import Foundation

/// An ordered list of form fields as PHP reads them: names keep their brackets exactly
/// (`profile_data[firstname]`, `params[contact_id]`) and arrays repeat `name[]`.
public struct FormParameters: Sendable, Equatable, CustomStringConvertible {
    public private(set) var fields: [(name: String, value: String)] = []

    public init() {}
    public init(_ fields: [(String, String)]) { self.fields = fields.map { (name: $0.0, value: $0.1) } }

    public mutating func add(_ name: String, _ value: String) { fields.append((name, value)) }
    public mutating func add(_ name: String, _ value: Int) { fields.append((name, String(value))) }
    /// Booleans travel as 1/0.
    public mutating func add(_ name: String, _ value: Bool) { fields.append((name, value ? "1" : "0")) }
    public mutating func add(_ name: String, _ value: Decimal) { fields.append((name, DecimalText.format(value))) }
    public mutating func add(_ name: String, _ value: Money) { fields.append((name, value.plainText)) }
    /// Adds `value` only when present, so optional parameters are omitted rather than sent empty.
    public mutating func add(_ name: String, ifPresent value: String?) { if let value { add(name, value) } }
    public mutating func add(_ name: String, ifPresent value: Int?) { if let value { add(name, value) } }
    public mutating func add(_ name: String, ifPresent value: Bool?) { if let value { add(name, value) } }
    public mutating func add(_ name: String, ifPresent value: Decimal?) { if let value { add(name, value) } }
    /// An array as repeated `name[]=v`.
    public mutating func add(array name: String, _ values: [Int]) { for v in values { add(name + "[]", v) } }
    public mutating func add(array name: String, _ values: [String]) { for v in values { add(name + "[]", v) } }

    public mutating func remove(_ name: String) { fields.removeAll { $0.name == name } }

    /// The first value of `name`, or nil.
    public subscript(name: String) -> String? { fields.first { $0.name == name }?.value }
    /// Every value of `name` (for `invoices[]`).
    public func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }
    public var names: [String] { fields.map(\.name) }
    public var isEmpty: Bool { fields.isEmpty }

    /// `application/x-www-form-urlencoded` text. Brackets are percent-encoded as browsers do; PHP
    /// decodes them back, so `profile_data%5Bfirstname%5D` arrives as `profile_data[firstname]`.
    public var encoded: String {
        fields.map { Self.escape($0.name) + "=" + Self.escape($0.value) }.joined(separator: "&")
    }

    public var encodedData: Data { Data(encoded.utf8) }

    /// Parses a form body; `+` is a space, `%XX` a byte. Invalid escapes are kept literally, as PHP does.
    public static func decode(_ body: String) -> FormParameters {
        var p = FormParameters()
        guard !body.isEmpty else { return p }
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = unescape(String(kv[0]))
            let value = kv.count > 1 ? unescape(String(kv[1])) : ""
            p.add(name, value)
        }
        return p
    }

    public static func decode(_ body: Data) -> FormParameters { decode(String(decoding: body, as: UTF8.self)) }

    /// The parameters with secret values replaced, for logs, the journal and the screen.
    public var masked: FormParameters {
        var p = FormParameters()
        for f in fields { p.add(f.name, SecretFields.isSecret(f.name) ? SecretFields.mask : f.value) }
        return p
    }

    public var description: String { masked.fields.map { "\($0.name)=\($0.value)" }.joined(separator: " ") }

    public static func == (a: FormParameters, b: FormParameters) -> Bool {
        a.fields.count == b.fields.count && zip(a.fields, b.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    private static let unreserved: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for b in s.utf8 {
            if unreserved.contains(b) { out.unicodeScalars.append(Unicode.Scalar(b)) }
            else if b == 0x20 { out += "+" }
            else {
                let hex = Array("0123456789ABCDEF".utf8)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(b >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(b & 15)]))
            }
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "+") { bytes.append(0x20); continue }
            if b == UInt8(ascii: "%"), it.count >= 2, let h = hexValue(it[it.startIndex]), let l = hexValue(it[it.startIndex + 1]) {
                bytes.append(h << 4 | l); it = it.dropFirst(2); continue
            }
            bytes.append(b)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}

/// Names of fields whose values must never be shown, logged or journaled.
public enum SecretFields {
    public static let mask = "***"
    /// Innermost names that are secrets as a whole (`pass`, a 2FA `code`, an API `key`).
    private static let exactNames: Set<String> = ["key", "pass", "code"]
    /// Parts that make any name a secret (`reset_token`, `profile_data[password1]`, `api_key`).
    private static let secretParts = ["token", "password", "secret", "api_key"]

    /// A field is secret when its innermost name (inside the last brackets) is one of
    /// `exactNames` or contains one of `secretParts`.
    public static func isSecret(_ name: String) -> Bool {
        let lower = name.lowercased()
        var inner = lower
        if let open = lower.lastIndex(of: "["), let close = lower.lastIndex(of: "]"), open < close {
            inner = String(lower[lower.index(after: open)..<close])
        }
        return exactNames.contains(inner) || secretParts.contains { inner.contains($0) }
    }
}
