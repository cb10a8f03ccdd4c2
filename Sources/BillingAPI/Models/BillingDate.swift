import Foundation

/// A calendar day as the billing writes it (`2024-05-20`). `0000-00-00` and empty text mean
/// "none" and parse to nil. Comparison and day arithmetic ignore time zones on purpose: WHMCS
/// due dates are plain days.
public struct BillingDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard year > 0, (1...12).contains(month), day >= 1, day <= BillingDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`, also the date part of `YYYY-MM-DD HH:MM:SS` and `YYYY-MM-DDTHH:MM:SSZ`.
    public init?(text: String) {
        // Hot path of list decoding: read the UTF-8 bytes in place, no trimming or copies.
        var text = text
        guard let (y, m, d) = text.withUTF8({ Self.parseDigits($0) }) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func parseDigits(_ u: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        var start = 0
        while start < u.count, u[start] == 0x20 { start += 1 }
        guard u.count - start >= 10, u[start + 4] == UInt8(ascii: "-"), u[start + 7] == UInt8(ascii: "-") else { return nil }
        func num(_ from: Int, _ to: Int) -> Int? {
            var v = 0
            for i in (start + from)..<(start + to) {
                let c = u[i]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            return v
        }
        guard let y = num(0, 4), let m = num(5, 7), let d = num(8, 10) else { return nil }
        return (y, m, d)
    }

    public init?(json: JSONValue?) {
        guard let t = json?.text else { return nil }
        self.init(text: t)
    }

    /// Today in UTC (the billing's days are not local to the agent).
    public static func today(_ now: Date = Date()) -> BillingDate { BillingDate(date: now) }

    public init(date: Date) {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = cal.dateComponents([.year, .month, .day], from: date)
        self.year = c.year ?? 1970
        self.month = c.month ?? 1
        self.day = c.day ?? 1
    }

    public var description: String {
        func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for differences and adding days.
    public var dayNumber: Int { Self.dayNumber(year: year, month: month, day: day) }

    /// Days since 1970-01-01 of `year-month-day`; a day past the month's end rolls into the next
    /// month (the sandbox's generators rely on that).
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> BillingDate { BillingDate(dayNumber: dayNumber + days) }

    /// The same day `n` months later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29).
    public func adding(months n: Int) -> BillingDate {
        let total = year * 12 + (month - 1) + n
        let y = total / 12, m = total % 12 + 1
        let d = min(day, BillingDate.daysIn(month: m, year: y))
        return BillingDate(year: y, month: m, day: d) ?? self
    }

    public func days(until other: BillingDate) -> Int { other.dayNumber - dayNumber }

    public static func < (a: BillingDate, b: BillingDate) -> Bool { a.dayNumber < b.dayNumber }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = BillingDate(text: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(s)"))
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
