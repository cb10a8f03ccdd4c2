import BillingAPI
import Foundation

/// An exact amount of money in hundredths of its currency unit (cents, kopecks).
///
/// The simulator keeps amounts as integers rather than `Decimal` because formatting a `Decimal`
/// costs about two microseconds on Linux, which would make a 100,000-invoice answer slower than the
/// client reading it. Integers are just as exact; amounts become `Decimal` at the sandbox's edge.
struct Cents: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    var value: Int64

    init(_ value: Int64) { self.value = value }

    static let zero = Cents(0)

    /// Whole units and hundredths: `Cents(units: 49, hundredths: 99)` is 49.99.
    init(units: Int64, hundredths: Int64 = 0) { value = units * 100 + hundredths }

    /// Reads `[+-]digits[.digits]` as a form field carries it. More than two decimals round half
    /// up, as the billing stores two; anything else (exponents, separators, text) is nil.
    init?(text: String) {
        var t = text.trimmingCharacters(in: .whitespaces)
        var negative = false
        if t.hasPrefix("-") || t.hasPrefix("+") { negative = t.hasPrefix("-"); t.removeFirst() }
        let parts = t.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !(whole.isEmpty && parts.count == 1) else { return nil }
        let fraction = parts.count > 1 ? parts[1] : ""
        guard whole.count <= 13, whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit),
              !(whole.isEmpty && fraction.isEmpty) else { return nil }
        var v = Int64(whole) ?? 0
        let digits = Array(fraction.utf8).map { Int64($0 - 0x30) }
        v = v * 100 + (digits.count > 0 ? digits[0] * 10 : 0) + (digits.count > 1 ? digits[1] : 0)
        if digits.count > 2, digits[2] >= 5 { v += 1 }
        value = negative ? -v : v
    }

    /// The exact `Decimal` (for the public inspection API and for `Money`).
    var decimal: Decimal { Decimal(sign: value < 0 ? .minus : .plus, exponent: -2, significand: Decimal(value.magnitude)) }

    /// Two-decimal text: `49.99`, `-0.05`, `1500.00`.
    var text: String {
        let m = value.magnitude
        let frac = m % 100
        return (value < 0 ? "-" : "") + String(m / 100) + (frac < 10 ? ".0" : ".") + String(frac)
    }

    var description: String { text }

    /// As a JSON number (`49.99`), the way HOSTKEY's own actions write amounts.
    var number: JSONValue { .number(text) }
    /// As a two-decimal JSON string (`"49.99"`), the way WHMCS writes amounts.
    var string: JSONValue { .string(text) }

    var isPositive: Bool { value > 0 }

    /// `percent`% of this amount, rounded half up to the hundredth (tax, refunds).
    func percent(_ percent: Int) -> Cents {
        let scaled = value * Int64(percent)
        return Cents((scaled + (scaled >= 0 ? 50 : -50)) / 100)
    }

    /// This amount times `numerator / denominator`, rounded half up (pro-rata refunds).
    func scaled(_ numerator: Int, over denominator: Int) -> Cents {
        guard denominator > 0 else { return .zero }
        let scaled = value * Int64(numerator)
        let d = Int64(denominator)
        return Cents((scaled + d / 2) / d)
    }

    static func + (a: Cents, b: Cents) -> Cents { Cents(a.value + b.value) }
    static func - (a: Cents, b: Cents) -> Cents { Cents(a.value - b.value) }
    static func += (a: inout Cents, b: Cents) { a.value += b.value }
    static func -= (a: inout Cents, b: Cents) { a.value -= b.value }
    static func < (a: Cents, b: Cents) -> Bool { a.value < b.value }
    static func min(_ a: Cents, _ b: Cents) -> Cents { a < b ? a : b }

    // State files hold amounts as two-decimal strings, readable and exact.
    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let v = Cents(text: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an amount: \(s)")
        }
        self = v
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
