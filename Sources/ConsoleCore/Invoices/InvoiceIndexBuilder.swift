import BillingAPI
import Foundation

/// Builds an `InvoiceIndex` in one pass over the invoices plus one sort per column. The search
/// line of a row is `id date due amount currency status`, lower-cased, written as bytes directly:
/// formatting a `Decimal` through its description costs more than the rest of the build.
struct InvoiceIndexBuilder {
    var text: [UInt8] = []
    var starts: [Int32] = [0]
    var currency: [UInt16] = []
    var currencies: [Currency] = []
    var status: [UInt8] = []
    var statuses: [InvoiceStatus] = []
    var dueDay: [Int32] = []
    var unpaidBalance: [Int64] = []
    var balancesExact = true
    var rowByID: [Int: Int32] = [:]
    var serverIDs: [Int] = []

    private var idKeys: [Int64] = [], dateKeys: [Int64] = [], dueKeys: [Int64] = [], totalKeys: [Int64] = []
    private var currencyCode: [Currency: UInt16] = [:]
    private var currencyText: [[UInt8]] = []
    private var statusCode: [InvoiceStatus: UInt8] = [:]
    private var statusText: [[UInt8]] = []
    private var lastCurrency: (Currency, UInt16)?
    private var seenServers = Set<Int>()

    init(count: Int) {
        text.reserveCapacity(count * 48)
        starts.reserveCapacity(count + 1)
        currency.reserveCapacity(count)
        status.reserveCapacity(count)
        dueDay.reserveCapacity(count)
        unpaidBalance.reserveCapacity(count)
        idKeys.reserveCapacity(count)
        dateKeys.reserveCapacity(count)
        dueKeys.reserveCapacity(count)
        totalKeys.reserveCapacity(count)
        rowByID.reserveCapacity(count)
    }

    mutating func add(_ inv: Invoice) {
        let row = Int32(idKeys.count)
        let c = code(for: inv.currency)
        let s = code(for: inv.status)
        let exactTotal = Self.exactScaled(inv.total.amount)

        Self.appendInteger(inv.id, to: &text)
        if let d = inv.date { text.append(0x20); Self.appendDate(d, to: &text) }
        if let d = inv.dueDate { text.append(0x20); Self.appendDate(d, to: &text) }
        text.append(0x20)
        if let exactTotal { Self.appendAmount(scaled: exactTotal, to: &text) } else { text.append(contentsOf: inv.total.plainText.utf8) }
        text.append(0x20)
        text.append(contentsOf: currencyText[Int(c)])
        text.append(0x20)
        text.append(contentsOf: statusText[Int(s)])
        starts.append(Int32(text.count))

        currency.append(c)
        status.append(s)
        dueDay.append(inv.dueDate.map { Int32(clamping: $0.dayNumber) } ?? Int32.max)
        if inv.status == .unpaid {
            // A listed invoice's balance is its total (lists carry no balance): skip the second conversion.
            if let b = inv.balance.amount == inv.total.amount ? exactTotal : Self.exactScaled(inv.balance.amount) { unpaidBalance.append(b) } else { unpaidBalance.append(0); balancesExact = false }
        } else {
            unpaidBalance.append(0)
        }
        if rowByID[inv.id] == nil { rowByID[inv.id] = row }
        idKeys.append(Int64(inv.id))
        dateKeys.append(inv.date.map { Int64($0.dayNumber) } ?? Int64.min)
        dueKeys.append(inv.dueDate.map { Int64($0.dayNumber) } ?? Int64.min)
        totalKeys.append(exactTotal ?? Self.sortKey(inv.total.amount))
        for item in inv.items {
            if let sid = item.serverID, sid > 0, seenServers.insert(sid).inserted { serverIDs.append(sid) }
        }
    }

    /// The sort keys per column; status sorts by its name, so its keys are ranks of the names.
    func finishKeys() -> [[Int64]] {
        let names = statuses.map(\.description)
        var rank = [Int64](repeating: 0, count: names.count)
        for (r, i) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() { rank[i] = Int64(r) }
        let statusKeys = status.map { rank[Int($0)] }
        return [idKeys, dateKeys, dueKeys, totalKeys, statusKeys]
    }

    /// Ascending row orders for every column, ties broken by id (then row, for duplicate ids).
    func orders(keys: [[Int64]]) -> [[Int32]] {
        let n = idKeys.count
        var byID = (0..<Int32(n)).map { (key: idKeys[Int($0)], row: $0) }
        byID.sort { $0.key != $1.key ? $0.key < $1.key : $0.row < $1.row }
        let idOrder = byID.map(\.row)
        var idRank = [Int32](repeating: 0, count: n)
        for (rank, row) in idOrder.enumerated() { idRank[Int(row)] = Int32(rank) }
        return keys.indices.map { c in
            c == InvoiceColumn.id.rawValue ? idOrder : Self.order(keys[c], idRank: idRank, idOrder: idOrder)
        }
    }

    // MARK: - Sorting

    /// Sorts rows by (key, id rank). When key range and rank fit in 64 bits together, the pairs
    /// are packed into one integer and sorted as plain numbers, several times faster than a
    /// comparison closure over two arrays.
    static func order(_ keys: [Int64], idRank: [Int32], idOrder: [Int32]) -> [Int32] {
        let n = keys.count
        guard n > 1 else { return idOrder }
        // `Int64.min` marks a missing date; it sorts first, just below the smallest real key.
        var lo = Int64.max, hi = Int64.min
        for k in keys where k != Int64.min { lo = min(lo, k); hi = max(hi, k) }
        if lo > hi { return idOrder }                             // no real keys at all
        let base = lo - 1                                         // lo > Int64.min: no overflow
        let (range, overflow) = hi.subtractingReportingOverflow(base)
        let rankBits = Int.bitWidth - (n - 1).leadingZeroBitCount
        let keyBits = overflow ? 64 : 64 - UInt64(range).leadingZeroBitCount
        if !overflow && keyBits + rankBits <= 64 {
            var packed = [UInt64](repeating: 0, count: n)
            for row in 0..<n {
                let k = keys[row] == Int64.min ? base : keys[row]
                packed[row] = UInt64(k - base) << UInt64(rankBits) | UInt64(idRank[row])
            }
            packed.sort()
            let mask = (UInt64(1) << UInt64(rankBits)) - 1
            return packed.map { idOrder[Int($0 & mask)] }
        }
        var rows = Array(0..<Int32(n))
        rows.sort { a, b in
            let ka = keys[Int(a)], kb = keys[Int(b)]
            return ka != kb ? ka < kb : idRank[Int(a)] < idRank[Int(b)]
        }
        return rows
    }

    // MARK: - Codes

    private mutating func code(for c: Currency) -> UInt16 {
        if let (last, code) = lastCurrency, last == c { return code }
        let code: UInt16
        if let known = currencyCode[c] {
            code = known
        } else {
            code = UInt16(clamping: currencies.count)
            currencyCode[c] = code
            currencies.append(c)
            currencyText.append(Array(c.code.lowercased().utf8))
        }
        lastCurrency = (c, code)
        return code
    }

    private mutating func code(for s: InvoiceStatus) -> UInt8 {
        if let known = statusCode[s] { return known }
        // Beyond 255 distinct statuses (never seen in practice) the last code is shared.
        guard statuses.count < 255 else { return 254 }
        let code = UInt8(statuses.count)
        statusCode[s] = code
        statuses.append(s)
        statusText.append(Array(s.description.lowercased().utf8))
        return code
    }

    // MARK: - Numbers as text

    /// The amount in 1/10000 units when that is exact (at most four decimals and not huge), else nil.
    static func exactScaled(_ d: Decimal) -> Int64? {
        if d.isZero { return 0 }
        // Beyond 64 bits the integer conversion below would wrap silently.
        guard d.exponent >= -4, d.magnitude < Self.largestExact else { return nil }
        // d × 10^4 is an integer here: build it by moving the exponent (no arithmetic, no rounding).
        let v = Decimal(sign: d.sign, exponent: d.exponent + 4, significand: d.significand)
        return (v as NSDecimalNumber).int64Value
    }

    /// A total's sort key: exact when possible, else rounded, else clamped for absurd amounts.
    static func sortKey(_ d: Decimal) -> Int64 {
        if let s = exactScaled(d) { return s }
        if d.magnitude < Self.largestSortable { return roundedScaled(d) }
        return d < 0 ? -(Int64.max / 2) : Int64.max / 2
    }

    /// Amounts below a billion are kept as 1/10000 units: 100,000 of them still add up in an Int64.
    static let largestExact = Decimal(1_000_000_000)
    /// Amounts below this (10^14) still fit in 1/10000 units.
    static let largestSortable = Decimal(100_000_000_000_000)

    /// The amount in 1/10000 units, rounded half up (a sort key only when not exact).
    static func roundedScaled(_ d: Decimal) -> Int64 {
        var v = d * 10000
        var r = Decimal()
        NSDecimalRound(&r, &v, 0, .plain)
        return (r as NSDecimalNumber).int64Value
    }

    /// `Money.plainText` of an amount given in 1/10000 units: at least two decimals, no trailing
    /// zeros beyond them (`50.00`, `29.99`, `0.125`, `-5.00`).
    static func appendAmount(scaled: Int64, to out: inout [UInt8]) {
        if scaled < 0 { out.append(UInt8(ascii: "-")) }
        let m = scaled.magnitude
        appendUnsigned(m / 10000, to: &out)
        out.append(UInt8(ascii: "."))
        var frac = Int(m % 10000)
        var digits = 4
        while digits > 2 && frac % 10 == 0 { frac /= 10; digits -= 1 }
        var divisor = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 { out.append(UInt8(0x30 + frac / divisor % 10)); divisor /= 10 }
    }

    static func appendInteger(_ n: Int, to out: inout [UInt8]) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        appendUnsigned(UInt64(n.magnitude), to: &out)
    }

    static func appendUnsigned(_ n: UInt64, to out: inout [UInt8]) {
        // Digits appended lowest first, then the run reversed in place: no temporary buffer.
        var n = n
        let start = out.count
        repeat { out.append(UInt8(0x30 + n % 10)); n /= 10 } while n > 0
        out[start...].reverse()
    }

    /// `BillingDate.description` (`2024-06-15`) as bytes.
    static func appendDate(_ d: BillingDate, to out: inout [UInt8]) {
        guard (0...9999).contains(d.year) else { out.append(contentsOf: d.description.utf8); return }
        func two(_ v: Int) { out.append(UInt8(0x30 + v / 10 % 10)); out.append(UInt8(0x30 + v % 10)) }
        two(d.year / 100)
        two(d.year % 100)
        out.append(UInt8(ascii: "-"))
        two(d.month)
        out.append(UInt8(ascii: "-"))
        two(d.day)
    }
}
