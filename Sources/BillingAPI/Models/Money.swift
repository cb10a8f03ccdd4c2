import Foundation

/// An ISO 4217 currency code as the billing returns it (`USD`, `EUR`, `RUB`). Unknown codes are kept
/// as they came; an empty code means the answer did not say.
public struct Currency: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let code: String
    public init(_ code: String) {
        // Codes nearly always arrive as three capital letters; skip Foundation's trimming then.
        if code.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) { self.code = code; return }
        self.code = code.trimmingCharacters(in: .whitespaces).uppercased()
    }
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { code }
    public var isKnown: Bool { !code.isEmpty }
    public static let unknown = Currency("")
    public static let usd = Currency("USD")
    public static let eur = Currency("EUR")
    public static let rub = Currency("RUB")
}

/// An amount of money: an exact `Decimal` and its currency. Never built from a `Double`.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var amount: Decimal
    public var currency: Currency

    public init(_ amount: Decimal, _ currency: Currency) {
        self.amount = amount
        self.currency = currency
    }

    /// Reads money from decimal text (`"15.95"`, `"49.99"`); nil when the text is not a number.
    public init?(text: String, currency: Currency) {
        guard let d = DecimalText.parse(text) else { return nil }
        self.init(d, currency)
    }

    /// Reads money from a JSON number or numeric string, exactly.
    public init?(json: JSONValue?, currency: Currency) {
        guard let d = json?.decimal else { return nil }
        self.init(d, currency)
    }

    public static func zero(_ currency: Currency) -> Money { Money(0, currency) }

    public var isZero: Bool { amount.isZero }
    public var isPositive: Bool { amount > 0 }
    public var isNegative: Bool { amount < 0 }

    /// Rounded to cents (banker's rounding is not used in billing; halves go up).
    public var rounded: Money {
        var a = amount
        var r = Decimal()
        NSDecimalRound(&r, &a, 2, .plain)
        return Money(r, currency)
    }

    /// Adds two amounts of the same currency; a mismatched currency is a programming error upstream,
    /// so it keeps the left currency and the caller must group by currency first (see `MoneyTotals`).
    public static func + (a: Money, b: Money) -> Money { Money(a.amount + b.amount, a.currency.isKnown ? a.currency : b.currency) }
    public static func - (a: Money, b: Money) -> Money { Money(a.amount - b.amount, a.currency.isKnown ? a.currency : b.currency) }
    public static func < (a: Money, b: Money) -> Bool { a.amount < b.amount }

    public static func min(_ a: Money, _ b: Money) -> Money { a.amount <= b.amount ? a : b }

    /// The amount as wire text with at least two decimals: `50.00`, `29.99`, `0.125`.
    public var plainText: String {
        let s = DecimalText.format(amount)
        guard let dot = s.firstIndex(of: ".") else { return s + ".00" }
        let decimals = s.distance(from: dot, to: s.endIndex) - 1
        return decimals >= 2 ? s : s + String(repeating: "0", count: 2 - decimals)
    }

    /// For people: thousands grouped with a space, two decimals at least, currency after:
    /// `12 345.60 USD`. Grouping with a space reads the same in Russian and English.
    public var formatted: String {
        let plain = plainText
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1)
        let intPart = String(parts.first ?? "0")
        var grouped = ""
        for (i, ch) in intPart.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { grouped.append(" ") }
            grouped.append(ch)
        }
        var out = (negative ? "-" : "") + String(grouped.reversed())
        if parts.count > 1 { out += "." + parts[1] }
        return currency.isKnown ? out + " " + currency.code : out
    }

    public var description: String { formatted }
}

/// Sums of money kept per currency, so totals over mixed-currency lists stay honest.
public struct MoneyTotals: Sendable, Equatable {
    public private(set) var byCurrency: [Currency: Decimal] = [:]
    public init() {}
    public mutating func add(_ m: Money) { byCurrency[m.currency, default: 0] += m.amount }
    public var amounts: [Money] { byCurrency.sorted { $0.key.code < $1.key.code }.map { Money($0.value, $0.key) } }
    public var isEmpty: Bool { byCurrency.isEmpty }
    /// `120.00 USD + 3 400.00 RUB`, or `0.00` when empty.
    public var formatted: String { isEmpty ? "0.00" : amounts.map(\.formatted).joined(separator: " + ") }
}
