import BillingAPI
import Foundation

/// Keys computed once per load so filtering and sorting never touch `Invoice` values: one byte
/// buffer of lower-cased search text, and for each column the ascending order of row numbers.
struct InvoiceIndex: Sendable, Equatable {
    private(set) var text: [UInt8] = []
    private(set) var starts: [Int32] = [0]
    private(set) var ascending: [[Int32]] = []
    /// Row's sort key per column, kept to reverse runs of equal keys for descending order.
    private(set) var keys: [[Int64]] = []
    private(set) var currency: [UInt16] = []
    private(set) var currencies: [Currency] = []
    private(set) var overdue: [Bool] = []

    init() {}

    init(_ invoices: [Invoice], today: BillingDate) {
        text.reserveCapacity(invoices.count * 48)
        starts.reserveCapacity(invoices.count + 1)
        var currencyIndex: [Currency: UInt16] = [:]
        var statusRank: [String: Int64] = [:]
        var idKeys = [Int64](), dateKeys = [Int64](), dueKeys = [Int64](), totalKeys = [Int64](), statusKeys = [Int64]()
        idKeys.reserveCapacity(invoices.count)
        for inv in invoices {
            let statusText = inv.status.description
            var line = String(inv.id)
            if let d = inv.date { line += " " + d.description }
            if let d = inv.dueDate { line += " " + d.description }
            line += " " + inv.total.plainText + " " + inv.currency.code + " " + statusText
            text.append(contentsOf: line.lowercased().utf8)
            starts.append(Int32(text.count))
            let c: UInt16
            if let known = currencyIndex[inv.currency] { c = known } else {
                c = UInt16(currencies.count)
                currencyIndex[inv.currency] = c
                currencies.append(inv.currency)
            }
            currency.append(c)
            overdue.append(inv.isOverdue(today: today))
            idKeys.append(Int64(inv.id))
            dateKeys.append(inv.date.map { Int64($0.dayNumber) } ?? Int64.min)
            dueKeys.append(inv.dueDate.map { Int64($0.dayNumber) } ?? Int64.min)
            totalKeys.append(Self.scaled(inv.total.amount))
            if statusRank[statusText] == nil { statusRank[statusText] = 0 }
            statusKeys.append(0)
        }
        // Status sorts by its name, so ranks come from the sorted distinct names.
        for (rank, name) in statusRank.keys.sorted().enumerated() { statusRank[name] = Int64(rank) }
        for (row, inv) in invoices.enumerated() { statusKeys[row] = statusRank[inv.status.description] ?? 0 }
        keys = [idKeys, dateKeys, dueKeys, totalKeys, statusKeys]
        ascending = keys.map { k in
            var order = (0..<Int32(invoices.count)).map { $0 }
            order.sort { a, b in
                let ka = k[Int(a)], kb = k[Int(b)]
                if ka != kb { return ka < kb }
                let ia = idKeys[Int(a)], ib = idKeys[Int(b)]
                return ia != ib ? ia < ib : a < b
            }
            return order
        }
    }

    /// An amount as an integer number of 1/10000 units: exact for billing amounts, fast to compare.
    static func scaled(_ d: Decimal) -> Int64 {
        var v = d * 10000
        var r = Decimal()
        NSDecimalRound(&r, &v, 0, .plain)
        return (r as NSDecimalNumber).int64Value
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
}
