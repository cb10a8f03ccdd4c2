import BillingAPI
import Foundation

/// Billed and paid totals of the last twelve months (the month of `today` last), for the profile
/// pane's chart. Billed is each invoice's total in the month of its date (drafts and cancelled
/// invoices were never billed); paid is the total of each paid invoice in the month it was paid.
/// One currency is charted, the customer's: invoices in other currencies are counted in
/// `skipped` rather than added to a sum they do not belong to.
public struct MonthlyTotals: Sendable, Equatable {
    /// `Jan`...`Dec`, oldest first.
    public var labels: [String]
    public var billed: [Decimal]
    public var paid: [Decimal]
    public var currency: Currency
    /// Invoices in the window left out because of their currency.
    public var skipped: Int

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Sums `invoices` for the twelve months ending with `today`'s month, in `currency` (nil: the
    /// currency of the first invoice).
    public init(invoices: [Invoice], today: BillingDate, currency: Currency? = nil) {
        let cur = currency ?? invoices.first?.currency ?? .unknown
        let last = today.year * 12 + (today.month - 1)
        let first = last - 11
        labels = (first...last).map { Self.monthNames[$0 % 12] }
        var billed = [Decimal](repeating: 0, count: 12)
        var paid = billed
        var skipped = 0
        invoices.withUnsafeBufferPointer { buf in
            for i in buf.indices {
                // Month keys first: most invoices of a long history fall outside the window, and
                // the comparison is far cheaper than touching their money.
                let billedMonth = buf[i].date.map { $0.year * 12 + $0.month - 1 } ?? Int.min
                let paidMonth = buf[i].datePaid.map { $0.year * 12 + $0.month - 1 } ?? Int.min
                let inBilled = billedMonth >= first && billedMonth <= last
                let inPaid = paidMonth >= first && paidMonth <= last
                guard inBilled || inPaid else { continue }
                guard buf[i].currency == cur else { skipped += 1; continue }
                let status = buf[i].status
                if inBilled && status != .draft && status != .cancelled {
                    billed[billedMonth - first] += buf[i].total.amount
                }
                if inPaid && (status == .paid || status == .refunded) {
                    paid[paidMonth - first] += buf[i].total.amount
                }
            }
        }
        self.billed = billed
        self.paid = paid
        self.currency = cur
        self.skipped = skipped
    }

    public var totalBilled: Money { Money(billed.reduce(0, +), currency) }
    public var totalPaid: Money { Money(paid.reduce(0, +), currency) }

    /// The chart widget for these totals.
    public var chart: BarChart { BarChart(labels: labels, billed: billed, paid: paid) }
}
