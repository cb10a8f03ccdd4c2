import BillingAPI
import Foundation

/// The refund the console expects for an immediate cancellation: the unused days of the current
/// period as a share of the period's price. It is an estimate shown to people; the billing
/// computes the real refund.
public enum RefundEstimate {
    /// - Parameters:
    ///   - recurring: the price of one billing period.
    ///   - periodMonths: the period's length in months (1, 3, 12...).
    ///   - nextDue: the first day of the next period; the current one started `periodMonths` before.
    ///   - today: the day the service would stop.
    ///   - type: end-of-period cancellations refund nothing.
    /// - Returns: `unused days / days in period × recurring`, rounded to cents, never negative.
    public static func estimate(recurring: Money, periodMonths: Int, nextDue: BillingDate, today: BillingDate,
                                type: CancellationType = .immediate) -> Money {
        let zero = Money.zero(recurring.currency)
        guard type == .immediate, periodMonths > 0, recurring.isPositive else { return zero }
        let start = nextDue.adding(months: -periodMonths)
        let daysInPeriod = start.days(until: nextDue)
        guard daysInPeriod > 0 else { return zero }
        let unused = min(max(0, today.days(until: nextDue)), daysInPeriod)
        guard unused > 0 else { return zero }
        let share = recurring.amount * Decimal(unused) / Decimal(daysInPeriod)
        return Money(share, recurring.currency).rounded
    }
}
