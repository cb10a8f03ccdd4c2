import Foundation

/// Exact conversion between decimal text and `Decimal`, digit by digit. Foundation's
/// `Decimal(string:)` is locale-sensitive and slow, and going through `Double` would turn 29.99
/// into 29.989999...; this reads `"29.99"`, `"-0.10"`, `"1e3"` exactly.
public enum DecimalText {
    /// Parses `[-+]digits[.digits][e[-+]digits]`, allowing surrounding spaces. Nil for anything
    /// else, including empty text, `NaN`, thousands separators and more than 38 significant digits.
    public static func parse(_ text: String) -> Decimal? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    public static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Decimal? {
        var i = 0
        let n = bytes.count
        while i < n, bytes[i] == 0x20 { i += 1 }
        var negative = false
        if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-"); i += 1
        }
        var mantissa: UInt64 = 0
        var big: Decimal? = nil        // used only past 18 significant digits
        var digits = 0
        var exponent = 0
        var sawDigit = false
        var sawPoint = false
        while i < n {
            let c = bytes[i]
            if c >= 0x30 && c <= 0x39 {
                sawDigit = true
                let d = UInt64(c - 0x30)
                if digits > 0 || d != 0 { digits += 1 }
                if digits > 38 { return nil }
                if big == nil && digits <= 18 {
                    mantissa = mantissa * 10 + d
                } else {
                    if big == nil { big = Decimal(mantissa) }
                    big = big.map { $0 * 10 + Decimal(d) }
                }
                if sawPoint { exponent -= 1 }
            } else if c == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else { break }
            i += 1
        }
        guard sawDigit else { return nil }
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            var expNeg = false
            if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                expNeg = bytes[i] == UInt8(ascii: "-"); i += 1
            }
            var e = 0
            var any = false
            while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                e = e * 10 + Int(bytes[i] - 0x30); any = true; i += 1
                if e > 200 { return nil }
            }
            guard any else { return nil }
            exponent += expNeg ? -e : e
        }
        while i < n, bytes[i] == 0x20 { i += 1 }
        guard i == n, exponent > -128, exponent < 127 else { return nil }
        let significand = big ?? Decimal(mantissa)
        return Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: significand)
    }

    /// Plain decimal notation without grouping or exponent, `.` as separator: `29.99`, `-5`, `0.1`.
    public static func format(_ d: Decimal) -> String {
        var d = d
        var r = Decimal()
        NSDecimalRound(&r, &d, 38, .plain)
        return r.description
    }
}
