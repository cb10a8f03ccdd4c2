import BillingAPI
import Foundation

/// A calendar day (UTC), stored as days since 1970-01-01. The sandbox's "today" is one of these so
/// that tests can pin it; date arithmetic is done on integers, which keeps generating 100,000
/// invoices cheap.
public struct SandboxDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int

    public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    /// The day `year-month-day`; out-of-range days roll over (February 30 is March 1 or 2).
    public init(year: Int, month: Int, day: Int) {
        daysSinceEpoch = Self.days(year: year, month: month, day: 1) + day - 1
    }

    /// Today in UTC.
    public static var current: SandboxDay {
        SandboxDay(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// Reads `YYYY-MM-DD`; nil for anything else (including `0000-00-00`).
    public init?(text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              y > 0, (1...12).contains(m), d >= 1, d <= Self.daysIn(year: y, month: m) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// Year, month and day (the civil calendar arithmetic is BillingDate's).
    public var components: (year: Int, month: Int, day: Int) {
        let d = BillingDate(dayNumber: daysSinceEpoch)
        return (d.year, d.month, d.day)
    }

    /// `YYYY-MM-DD`.
    public var text: String {
        let c = components
        return Self.pad(c.year, 4) + "-" + Self.pad(c.month, 2) + "-" + Self.pad(c.day, 2)
    }

    public var description: String { text }

    public func adding(days: Int) -> SandboxDay { SandboxDay(daysSinceEpoch: daysSinceEpoch + days) }

    /// The same day `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29).
    public func adding(months: Int) -> SandboxDay {
        let c = components
        let total = c.year * 12 + (c.month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return SandboxDay(year: y, month: m, day: min(c.day, Self.daysIn(year: y, month: m)))
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: SandboxDay) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    public static func < (a: SandboxDay, b: SandboxDay) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    // MARK: - Internal

    static func days(year: Int, month: Int, day: Int) -> Int { BillingDate.dayNumber(year: year, month: month, day: day) }

    static func daysIn(year: Int, month: Int) -> Int { BillingDate.daysIn(month: month, year: year) }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Unix seconds at midnight UTC of this day.
    var midnightUnix: Int { daysSinceEpoch * 86_400 }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = SandboxDay(text: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a day: \(s)")
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}
