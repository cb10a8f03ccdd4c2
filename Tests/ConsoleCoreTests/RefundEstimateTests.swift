import BillingAPI
@testable import ConsoleCore
import Foundation
import Testing

@Suite struct RefundEstimateTests {
    func d(_ y: Int, _ m: Int, _ day: Int) -> BillingDate { BillingDate(year: y, month: m, day: day)! }

    @Test func unusedDaysShareRoundedToCents() {
        // 30-day period (June), 10 days left: 100 × 10/30 = 33.33
        let m = RefundEstimate.estimate(recurring: Money(100, .usd), periodMonths: 1, nextDue: d(2024, 7, 1), today: d(2024, 6, 21))
        #expect(m == Money(Decimal(string: "33.33")!, .usd))
        // 20 left of 30: 66.666… rounds up to 66.67
        let up = RefundEstimate.estimate(recurring: Money(100, .usd), periodMonths: 1, nextDue: d(2024, 7, 1), today: d(2024, 6, 11))
        #expect(up == Money(Decimal(string: "66.67")!, .usd))
        // A year (2024 is leap: 366 days), 183 days left: 120 × 183/366 = 60.00
        let y = RefundEstimate.estimate(recurring: Money(120, .eur), periodMonths: 12, nextDue: d(2025, 1, 1), today: d(2024, 7, 2))
        #expect(y == Money(60, .eur))
    }

    @Test func zeroForEndOfPeriodPastDueAndNonsense() {
        let price = Money(100, .usd)
        #expect(RefundEstimate.estimate(recurring: price, periodMonths: 1, nextDue: d(2024, 7, 1), today: d(2024, 6, 21),
                                        type: .endOfBillingPeriod) == .zero(.usd))
        #expect(RefundEstimate.estimate(recurring: price, periodMonths: 1, nextDue: d(2024, 7, 1), today: d(2024, 7, 5)) == .zero(.usd))
        #expect(RefundEstimate.estimate(recurring: price, periodMonths: 0, nextDue: d(2024, 7, 1), today: d(2024, 6, 5)) == .zero(.usd))
        #expect(RefundEstimate.estimate(recurring: Money(-5, .usd), periodMonths: 1, nextDue: d(2024, 7, 1), today: d(2024, 6, 5)) == .zero(.usd))
        // Today before the period started: never more than the full price.
        #expect(RefundEstimate.estimate(recurring: price, periodMonths: 1, nextDue: d(2024, 7, 1), today: d(2024, 1, 1)) == price)
    }
}
