import BillingAPI
import ConsoleCore
import Foundation

/// Invoice list speed with 100,000 invoices: text filter, sort change and selection move (medians).
enum ListBenchmark {
    static func run() {
        Bench.header("Invoice list, 100,000 invoices (ConsoleCore.InvoiceList)")
        let today = BillingDate(year: 2024, month: 6, day: 15) ?? BillingDate.today()
        let statuses: [InvoiceStatus] = [.paid, .unpaid, .cancelled, .refunded, .paid, .paid]
        var invoices: [Invoice] = []
        invoices.reserveCapacity(100_000)
        for i in 0..<100_000 {
            let cents = Decimal((i * 7919) % 500_000) / 100
            let date = today.adding(days: -(i % 2000))
            invoices.append(Invoice(id: 100_000 + i, status: statuses[i % statuses.count],
                                    total: Money(cents, i % 10 == 0 ? .eur : .usd), date: date, dueDate: date.adding(days: 14)))
        }
        var list = InvoiceList(today: today)
        let t0 = DispatchTime.now().uptimeNanoseconds
        list.load(invoices)
        print("load (index build): \(Bench.fmt(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)) ms")

        var flip = false
        let filter = Bench.medianMillis {
            flip.toggle()
            list.setFilter(InvoiceFilter(query: flip ? "1234" : "unpaid 12"))
        }
        list.setFilter(InvoiceFilter())
        let typing = Bench.medianMillis {
            list.setFilter(InvoiceFilter())
            list.setFilter(InvoiceFilter(query: "1"))
            list.setFilter(InvoiceFilter(query: "12"))
            list.setFilter(InvoiceFilter(query: "123"))
        }
        list.setFilter(InvoiceFilter())
        var column = InvoiceColumn.id
        let sort = Bench.medianMillis {
            column = column.next
            list.setSort(InvoiceSort(column: column, ascending: column.rawValue % 2 == 0))
        }
        list.setPageSize(50)
        var down = true
        let move = Bench.medianMillis(runs: 1001) {
            list.move(by: down ? 1 : -1)
            if list.cursor == list.count - 1 || list.cursor == 0 { down.toggle() }
        }
        print("text filter (from all rows):     \(Bench.fmt(filter)) ms median (target < 30)")
        print("typing 3 characters (narrowing): \(Bench.fmt(typing)) ms median for clear + 3 keystrokes")
        print("sort column change:              \(Bench.fmt(sort)) ms median (target < 30)")
        print("selection move by one row:       \(Bench.fmt(move, 4)) ms median (target < 1)")
    }
}
