import BillingAPI
import Foundation

/// Billed and paid sums per calendar month and currency, built once with the invoice index (off
/// the UI thread), so the profile's 12-month chart costs twelve look-ups a frame, not a pass over
/// every invoice. Billed is an invoice's total in the month of its date (drafts and cancelled
/// invoices were never billed); paid is a paid (or later refunded) invoice's total in the month
/// it was paid.
public struct MonthlyLedger: Sendable, Equatable {
    /// The sums of one month in one currency, and how many invoices fell in that month.
    public struct Sums: Sendable, Equatable {
        public var billed: Decimal = 0
        public var paid: Decimal = 0
        public var invoices = 0
    }

    /// Month number (`year * 12 + month - 1`) -> currency -> sums.
    private var months: [Int: [Currency: Sums]] = [:]

    public init() {}

    public init(_ invoices: [Invoice]) {
        for inv in invoices { add(inv) }
    }

    /// The month number `BillingDate` falls in.
    public static func month(of d: BillingDate) -> Int { d.year * 12 + d.month - 1 }

    mutating func add(_ inv: Invoice) {
        let billedMonth = inv.date.map(Self.month)
        let paidMonth = inv.datePaid.map(Self.month)
        if let m = billedMonth {
            months[m, default: [:]][inv.currency, default: Sums()].invoices += 1
            if inv.status != .draft && inv.status != .cancelled {
                months[m, default: [:]][inv.currency, default: Sums()].billed += inv.total.amount
            }
        }
        if let m = paidMonth, inv.status == .paid || inv.status == .refunded {
            if m != billedMonth { months[m, default: [:]][inv.currency, default: Sums()].invoices += 1 }
            months[m, default: [:]][inv.currency, default: Sums()].paid += inv.total.amount
        }
    }

    /// The sums of `month` in `currency` (zeros when nothing happened).
    public func sums(month: Int, currency: Currency) -> Sums { months[month]?[currency] ?? Sums() }

    /// Invoices of `month` in currencies other than `currency`.
    public func otherCurrencyInvoices(month: Int, besides currency: Currency) -> Int {
        (months[month] ?? [:]).filter { $0.key != currency }.reduce(0) { $0 + $1.value.invoices }
    }

    /// The currency with the most invoices, for a chart when the client's currency is unknown.
    public var mainCurrency: Currency? {
        var counts: [Currency: Int] = [:]
        for m in months.values { for (c, s) in m { counts[c, default: 0] += s.invoices } }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key.code > $1.key.code) }?.key
    }
}
