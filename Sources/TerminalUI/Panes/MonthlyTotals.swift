import BillingAPI
import ConsoleCore
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

    /// The twelve months ending with `today`'s month, in `currency` (nil: the ledger's main
    /// currency), read from the index's ledger: twelve look-ups, whatever the number of invoices.
    public init(ledger: MonthlyLedger, today: BillingDate, currency: Currency? = nil) {
        let cur = currency ?? ledger.mainCurrency ?? .unknown
        let last = MonthlyLedger.month(of: today)
        let months = Array((last - 11)...last)
        labels = months.map { Self.monthNames[$0 % 12] }
        let sums = months.map { ledger.sums(month: $0, currency: cur) }
        billed = sums.map(\.billed)
        paid = sums.map(\.paid)
        skipped = months.reduce(0) { $0 + ledger.otherCurrencyInvoices(month: $1, besides: cur) }
        self.currency = cur
    }

    /// Sums `invoices` directly (tests and small lists); the console uses the index's ledger.
    public init(invoices: [Invoice], today: BillingDate, currency: Currency? = nil) {
        self.init(ledger: MonthlyLedger(invoices), today: today, currency: currency ?? invoices.first?.currency)
    }

    public var totalBilled: Money { Money(billed.reduce(0, +), currency) }
    public var totalPaid: Money { Money(paid.reduce(0, +), currency) }

    /// The chart widget for these totals.
    public var chart: BarChart { BarChart(labels: labels, billed: billed, paid: paid) }
}
