import BillingAPI
@testable import ConsoleCore
import Foundation
import Testing

/// The index's fast paths against the plain definitions they replace: amount text, search lines,
/// exact totals and the packed sorts.
@Suite struct InvoiceIndexTests {
    static let today = BillingDate(year: 2024, month: 6, day: 15)!

    func dec(_ s: String) -> Decimal { DecimalText.parse(s)! }

    @Test func amountTextIsPlainTextWheneverItIsExact() {
        let samples = ["0", "0.00", "1", "10.10", "29.99", "0.125", "0.0001", "-5", "-0.10", "1e3", "2755.00",
                       "999999999.9999", "123.4500", "7.5"]
        for s in samples {
            let d = dec(s)
            guard let scaled = InvoiceIndexBuilder.exactScaled(d) else { Issue.record("\(s) not exact"); continue }
            var bytes: [UInt8] = []
            InvoiceIndexBuilder.appendAmount(scaled: scaled, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == Money(d, .usd).plainText, "\(s)")
        }
        // Finer than 1/10000, or too large to add up safely: no integer shortcut.
        #expect(InvoiceIndexBuilder.exactScaled(dec("0.00001")) == nil)
        #expect(InvoiceIndexBuilder.exactScaled(dec("5000000000")) == nil)
        for i in stride(from: -20_000, through: 20_000, by: 7) {
            let d = Decimal(i) / 100
            var bytes: [UInt8] = []
            InvoiceIndexBuilder.appendAmount(scaled: InvoiceIndexBuilder.exactScaled(d) ?? 0, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == Money(d, .usd).plainText)
        }
    }

    @Test func searchLineIsTheLowerCasedFieldsOfTheRow() {
        let inv = Invoice(id: 10024, status: .other("Wire Päid"), total: Money(dec("0.00001"), Currency("Rub")),
                          date: BillingDate(year: 2024, month: 6, day: 1), dueDate: BillingDate(year: 987, month: 1, day: 2))
        let index = InvoiceIndex([inv, Invoice(id: 7, status: .paid, total: Money(dec("12.5"), .usd))])
        let line0 = String(decoding: index.text[Int(index.starts[0])..<Int(index.starts[1])], as: UTF8.self)
        let line1 = String(decoding: index.text[Int(index.starts[1])..<Int(index.starts[2])], as: UTF8.self)
        #expect(line0 == "10024 2024-06-01 0987-01-02 0.00001 rub wire päid")
        #expect(line1 == "7 12.50 usd paid")
    }

    @Test func totalsFallBackToDecimalsForFinerBalancesAndStayExact() {
        var l = InvoiceList(today: Self.today)
        let due = BillingDate(year: 2024, month: 6, day: 1)
        l.load([
            Invoice(id: 1, status: .unpaid, total: Money(dec("0.00001"), .usd), dueDate: due),
            Invoice(id: 2, status: .unpaid, total: Money(dec("0.1"), .usd), dueDate: due),
            Invoice(id: 3, status: .unpaid, total: Money(dec("0.2"), .usd)),
        ])
        #expect(!l.index.balancesExact)
        #expect(l.totals.unpaid.amounts == [Money(dec("0.30001"), .usd)])
        #expect(l.totals.overdue.amounts == [Money(dec("0.10001"), .usd)])
        l.load([Invoice(id: 2, status: .unpaid, total: Money(dec("0.1"), .usd), dueDate: due),
                Invoice(id: 3, status: .unpaid, total: Money(dec("0.2"), .usd))])
        #expect(l.index.balancesExact)
        #expect(l.totals.unpaid.amounts == [Money(dec("0.3"), .usd)])
    }

    @Test func packedAndFallbackSortsAgreeWithTheDefinition() {
        // Keys spanning the whole Int64 range cannot be packed; small ones can. Both must give
        // ascending keys, ties in ascending id, duplicate ids by row.
        var rng = SystemRandomNumberGenerator()
        for wide in [false, true] {
            let n = 3_000
            let ids = (0..<n).map { _ in Int64.random(in: 0..<2_000, using: &rng) }
            let keys: [Int64] = (0..<n).map { i in
                if i % 97 == 0 { return Int64.min }
                return wide ? Int64.random(in: (Int64.min + 1)...Int64.max, using: &rng) : Int64.random(in: -50...50, using: &rng)
            }
            var byID = (0..<Int32(n)).map { (key: ids[Int($0)], row: $0) }
            byID.sort { $0.key != $1.key ? $0.key < $1.key : $0.row < $1.row }
            let idOrder = byID.map(\.row)
            var idRank = [Int32](repeating: 0, count: n)
            for (r, row) in idOrder.enumerated() { idRank[Int(row)] = Int32(r) }
            let got = InvoiceIndexBuilder.order(keys, idRank: idRank, idOrder: idOrder)
            let want: [Int32] = (0..<Int32(n)).sorted { (a: Int32, b: Int32) -> Bool in
                let x = (keys[Int(a)], ids[Int(a)], a), y = (keys[Int(b)], ids[Int(b)], b)
                return x < y
            }
            #expect(got == want, "wide: \(wide)")
        }
    }

    @Test func indexDoesNotDependOnTodayTheListDoes() {
        let due = BillingDate(year: 2024, month: 6, day: 10)
        let index = InvoiceIndex([Invoice(id: 1, status: .unpaid, total: Money(5, .usd), dueDate: due)])
        var before = InvoiceList(today: BillingDate(year: 2024, month: 6, day: 10)!)
        before.load(index)
        var after = InvoiceList(today: BillingDate(year: 2024, month: 6, day: 11)!)
        after.load(index)
        #expect(!before.isOverdue(at: 0) && before.totals.overdue.isEmpty)
        #expect(after.isOverdue(at: 0) && after.totals.overdue.amounts == [Money(5, .usd)])
        #expect(index.serverIDs.isEmpty && index.row(of: 1) == 0 && index.row(of: 2) == nil)
    }
}
