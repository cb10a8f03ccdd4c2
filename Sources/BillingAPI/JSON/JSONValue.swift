/// A JSON document as the server sent it. Numbers keep their original text so money can be read
/// exactly (`29.99` never passes through `Double`); objects keep their key order.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number exactly as written on the wire, e.g. `"49.99"`, `"-3"`, `"1e3"`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    // MARK: - Reading leniently

    /// The member `key` of an object, or nil for anything else.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }

    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }

    /// Text of a string, number or bool; nil for null, arrays and objects.
    public var text: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "1" : "0"
        default: return nil
        }
    }

    /// A non-empty string (after trimming), or nil. Treats `""` like a missing value.
    public var nonEmptyText: String? {
        guard let t = text, !t.isEmpty else { return nil }
        guard t.utf8.first == 0x20 || t.utf8.last == 0x20 else { return t }
        let trimmed = t.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// An integer from a number (`12`, `12.0`) or a numeric string (`"12"`).
    public var int: Int? {
        switch self {
        case .number(let n), .string(let n):
            if let i = Int(n) { return i }
            let t = n.trimmingCharacters(in: .whitespaces)
            if let i = Int(t) { return i }
            if let d = DecimalText.parse(t), let i = Int(exactly: NSDecimalNumber(decimal: d).int64Value),
               Decimal(i) == d { return i }
            return nil
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// An exact decimal from a number or a numeric string; nil otherwise.
    public var decimal: Decimal? {
        switch self {
        case .number(let n), .string(let n): return DecimalText.parse(n)
        default: return nil
        }
    }

    /// Truthiness as PHP back ends mean it: true, 1, "1", "true", "yes", "on", "Y".
    public var bool: Bool? {
        switch self {
        case .bool(let b): return b
        case .number(let n): return (Int(n) ?? 0) != 0
        case .string(let s):
            switch s.lowercased() {
            case "1", "true", "yes", "on", "y": return true
            case "0", "false", "no", "off", "n", "": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// The elements of a list that may arrive as an array, a bare single object, `""`, `null` or
    /// not at all (WHMCS's changing shape for empty and one-element lists).
    public var listElements: [JSONValue] {
        switch self {
        case .array(let a): return a
        case .object: return [self]
        default: return []
        }
    }

    /// The elements of a WHMCS wrapper such as `{"invoices": {"invoice": [...]}}`: looks inside
    /// `wrapperKey` when the value is an object holding it, otherwise treats the value as the list.
    public func list(wrappedIn wrapperKey: String) -> [JSONValue] {
        if case .object(let o) = self, let inner = o[wrapperKey] { return inner.listElements }
        if case .object(let o) = self, o.isEmpty { return [] }
        return listElements
    }
}

/// A JSON object with its members in wire order. Lookups are linear, which is faster than hashing
/// for the ten-odd keys of a billing record.
public struct JSONObject: Sendable, Equatable {
    public var members: [JSONMember]

    public init(_ members: [(key: String, value: JSONValue)] = []) { self.members = members.map { JSONMember(key: $0.key, value: $0.value) } }
    public init(members: [JSONMember]) { self.members = members }

    public subscript(key: String) -> JSONValue? {
        get {
            for m in members where m.key == key { return m.value }
            return nil
        }
        set {
            if let i = members.firstIndex(where: { $0.key == key }) {
                if let v = newValue { members[i].value = v } else { members.remove(at: i) }
            } else if let v = newValue {
                members.append(JSONMember(key: key, value: v))
            }
        }
    }

    /// The first of several alternative keys that is present (field names vary between actions).
    public func first(_ keys: String...) -> JSONValue? {
        for k in keys { if let v = self[k], !v.isNull { return v } }
        return nil
    }

    public var keys: [String] { members.map(\.key) }
    public var isEmpty: Bool { members.isEmpty }
    public var count: Int { members.count }

}

/// One member of a JSON object. A named struct rather than a tuple: arrays of tuples make the
/// runtime look up tuple metadata on every allocation, which dominated list decoding.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue
    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { (key: $0.0, value: $0.1) }))
    }
    public init(nilLiteral: ()) { self = .null }

    /// A JSON number holding an exact decimal, written as Decimal prints it (`29.99`).
    public static func decimal(_ d: Decimal) -> JSONValue { .number(DecimalText.format(d)) }
    public static func int(_ i: Int) -> JSONValue { .number(String(i)) }
}

import Foundation
