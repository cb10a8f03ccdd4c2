import BillingAPI
import Foundation

/// The invoices of a customer with everything the list needs precomputed, so filtering, sorting
/// and totals never touch `Invoice` values: one byte buffer of lower-cased search text, the
/// ascending order of rows for each column, status and currency codes, due days and unpaid
/// balances as integers. Building it is the expensive part (a few hundred milliseconds for
/// 100,000 invoices), so the effect runner builds it off the UI thread and the read answer
/// carries it ready (`ReadResult.invoices`). It does not depend on today's date.
public struct InvoiceIndex: Sendable, Equatable {
    /// The invoices, in the order the server sent them (row numbers index this array).
    public let invoices: [Invoice]
    /// Distinct server ids billed by the invoices' items (`relid`), in first-seen order.
    public let serverIDs: [Int]
    /// Billed and paid sums per month and currency (the profile's chart).
    public let ledger: MonthlyLedger

    // Search text: row r is text[starts[r] ..< starts[r + 1]].
    let text: [UInt8]
    let starts: [Int32]
    /// Per column (`InvoiceColumn.rawValue`): row numbers in ascending key order, ties by id.
    let ascending: [[Int32]]
    /// Per column: each row's sort key, to reverse runs of equal keys for descending order.
    let keys: [[Int64]]
    /// Per row: index into `currencies`.
    let currency: [UInt16]
    let currencies: [Currency]
    /// Per row: index into `statuses`.
    let status: [UInt8]
    let statuses: [InvoiceStatus]
    /// The code of `.unpaid` in `statuses`, if any row is unpaid.
    let unpaidCode: UInt8?
    /// Per row: the due date's day number; `Int32.max` when there is none (never overdue).
    let dueDay: [Int32]
    /// Per row: the balance of an Unpaid invoice in 1/10000 units, 0 for the others.
    let unpaidBalance: [Int64]
    /// False when some unpaid balance has more than four decimals: totals then add `Decimal`s.
    let balancesExact: Bool
    let rowByID: [Int: Int32]

    /// An index of no invoices.
    public init() { self.init([]) }

    /// Builds the index (call it off the UI thread for large lists).
    public init(_ invoices: [Invoice]) {
        var b = InvoiceIndexBuilder(count: invoices.count)
        for inv in invoices { b.add(inv) }
        self.invoices = invoices
        ledger = MonthlyLedger(invoices)
        serverIDs = b.serverIDs
        text = b.text
        starts = b.starts
        keys = b.finishKeys()
        ascending = b.orders(keys: keys)
        currency = b.currency
        currencies = b.currencies
        status = b.status
        statuses = b.statuses
        unpaidCode = b.statuses.firstIndex(of: .unpaid).map { UInt8($0) }
        dueDay = b.dueDay
        unpaidBalance = b.unpaidBalance
        balancesExact = b.balancesExact
        rowByID = b.rowByID
    }

    public var count: Int { invoices.count }

    /// The row of invoice `id`, if it is in the index.
    public func row(of id: Int) -> Int? { rowByID[id].map(Int.init) }

    /// Unpaid with a due date before the day numbered `today` (`BillingDate.dayNumber`).
    func isOverdue(row: Int, today: Int32) -> Bool {
        guard let u = unpaidCode else { return false }
        return status[row] == u && dueDay[row] < today
    }

    /// Rows in the given order; descending keeps ties in ascending id order.
    func order(_ sort: InvoiceSort) -> [Int32] {
        let asc = ascending[sort.column.rawValue]
        if sort.ascending { return asc }
        let k = keys[sort.column.rawValue]
        var out = [Int32]()
        out.reserveCapacity(asc.count)
        var end = asc.count
        while end > 0 {
            var start = end - 1
            let key = k[Int(asc[start])]
            while start > 0 && k[Int(asc[start - 1])] == key { start -= 1 }
            out.append(contentsOf: asc[start..<end])
            end = start
        }
        return out
    }

    /// True when every word of `words` occurs in the row's search text.
    func matches(row: Int, words: [[UInt8]]) -> Bool {
        let lo = Int(starts[row]), hi = Int(starts[row + 1])
        return text.withUnsafeBufferPointer { buf in
            for w in words where !Self.contains(buf, lo, hi, w) { return false }
            return true
        }
    }

    private static func contains(_ buf: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ word: [UInt8]) -> Bool {
        let n = word.count
        guard n > 0 else { return true }
        guard hi - lo >= n else { return false }
        let first = word[0]
        var i = lo
        let last = hi - n
        while i <= last {
            if buf[i] == first {
                var j = 1
                while j < n && buf[i + j] == word[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }

    /// Two indexes are equal when they index the same invoices (the rest derives from them).
    public static func == (a: InvoiceIndex, b: InvoiceIndex) -> Bool { a.invoices == b.invoices }
}
