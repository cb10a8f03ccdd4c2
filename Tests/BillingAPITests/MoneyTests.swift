import BillingAPI
import Foundation
import Testing

@Suite("Money and exact decimals")
struct MoneyTests {
    @Test func decimalTextIsExact() throws {
        let v = try #require(DecimalText.parse("29.99"))
        #expect(DecimalText.format(v) == "29.99")
        #expect(DecimalText.parse("0.10")! + DecimalText.parse("0.20")! == DecimalText.parse("0.30")!)
        #expect(DecimalText.parse("-15.95") == Decimal(sign: .minus, exponent: -2, significand: 1595))
        #expect(DecimalText.parse("1e3") == 1000)
        #expect(DecimalText.parse("50.0") == 50)
        #expect(DecimalText.parse("12345678901234567890.12") != nil)
    }

    @Test(arguments: ["", "abc", "1,5", "1.2.3", "NaN", "--1", "1e", ".", "1 000"])
    func decimalTextRejectsNonNumbers(_ text: String) {
        #expect(DecimalText.parse(text) == nil)
    }

    @Test func moneyFromJSONNumbersKeepsEveryDigit() throws {
        let json = try JSONParser.parse(#"{"a": 29.99, "b": "15.95", "c": 0.1, "d": 1234567.89}"#)
        #expect(Money(json: json["a"], currency: .usd)?.plainText == "29.99")
        #expect(Money(json: json["b"], currency: .usd)?.plainText == "15.95")
        let sum = Money(json: json["c"], currency: .usd)! + Money(json: json["c"], currency: .usd)! + Money(json: json["c"], currency: .usd)!
        #expect(sum.amount == DecimalText.parse("0.3")!)
        #expect(Money(json: json["d"], currency: .rub)?.formatted == "1 234 567.89 RUB")
    }

    @Test func formattingPadsAndGroups() {
        #expect(Money(50, .usd).formatted == "50.00 USD")
        #expect(Money(DecimalText.parse("-1234.5")!, .eur).formatted == "-1 234.50 EUR")
        #expect(Money(DecimalText.parse("0.125")!, .usd).plainText == "0.125")
        #expect(Money(DecimalText.parse("1234567890.12")!, .rub).formatted == "1 234 567 890.12 RUB")
        #expect(Money(7, .unknown).formatted == "7.00")
    }

    @Test func roundingToCentsGoesHalfUp() {
        #expect(Money(DecimalText.parse("10.005")!, .usd).rounded.plainText == "10.01")
        #expect(Money(DecimalText.parse("10.004")!, .usd).rounded.plainText == "10.00")
    }

    @Test func totalsAreKeptPerCurrency() {
        var t = MoneyTotals()
        t.add(Money(DecimalText.parse("10.10")!, .usd))
        t.add(Money(DecimalText.parse("0.20")!, .usd))
        t.add(Money(100, .rub))
        #expect(t.formatted == "100.00 RUB + 10.30 USD")
        #expect(MoneyTotals().formatted == "0.00")
    }

    @Test func minPicksTheSmallerAmount() {
        let a = Money(DecimalText.parse("150.5")!, .usd), b = Money(DecimalText.parse("49.99")!, .usd)
        #expect(Money.min(a, b) == b)
    }

    @Test func billingDatesParseAndCompute() throws {
        #expect(BillingDate(text: "0000-00-00") == nil)
        #expect(BillingDate(text: "") == nil)
        #expect(BillingDate(text: "2024-02-30") == nil)
        let d = try #require(BillingDate(text: "2024-05-20 14:30:00"))
        #expect(d.description == "2024-05-20")
        #expect(BillingDate(text: "2024-01-31")!.adding(months: 1).description == "2024-02-29")
        #expect(BillingDate(text: "2024-12-31")!.adding(days: 1).description == "2025-01-01")
        #expect(BillingDate(text: "2024-01-01")!.days(until: BillingDate(text: "2025-01-01")!) == 366)
        #expect(BillingDate(dayNumber: 0).description == "1970-01-01")
    }
}
