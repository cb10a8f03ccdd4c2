import TerminalUI

/// Deterministic invoice rows for table snapshots: Cyrillic, CJK and emoji client names, long
/// amounts, every status.
enum SampleInvoices {
    static let clients = [
        "Анна Кузнецова", "ООО «Ромашка» — хостинг и серверы", "株式会社テスト請求書", "John Smith 👩‍💻",
        "Ivan Petrov", "Société Générale Hébergement", "Ли Мин 李敏", "🇷🇺 Ростелеком Дата-центр",
    ]
    static let statuses: [(String, StyleRole)] = [
        ("Paid", .paid), ("Unpaid", .unpaid), ("Overdue", .overdue), ("Cancelled", .cancelled),
        ("Refunded", .refunded), ("Collections", .collections), ("Draft", .draft), ("Payment Pending", .paymentPending),
    ]
    static let amounts = ["15.95 USD", "1 234 567 890.12 RUB", "49.99 EUR", "0.00 USD", "12 345.60 RUB",
                          "999 999.99 USD", "7.50 EUR", "100 000.00 RUB"]

    static let columns = [
        TableColumn("Invoice", width: .fixed(7), alignment: .right, priority: 3),
        TableColumn("Date", width: .fixed(10), priority: 1),
        TableColumn("Due", width: .fixed(10), priority: 0),
        TableColumn("Client", width: .flexible(min: 12, weight: 2), priority: 2),
        TableColumn("Total", width: .min(20), alignment: .right, priority: 3),
        TableColumn("Status", width: .fixed(15), priority: 2),
    ]

    static func row(_ i: Int, marked: Set<Int> = []) -> TableRow {
        let status = statuses[i % statuses.count]
        let day = 1 + (i * 7) % 28
        let month = 1 + (i / 3) % 12
        let date = "2024-" + pad2(month) + "-" + pad2(day)
        let due = "2024-" + pad2(month) + "-" + pad2(min(28, day + 14))
        return TableRow([
            TableCell(String(1000 + i)),
            TableCell(date, role: .value),
            TableCell(due, role: .muted),
            TableCell(clients[i % clients.count]),
            TableCell(amounts[i % amounts.count], role: .money),
            TableCell(status.0, role: status.1),
        ], isMarked: marked.contains(i))
    }

    static func table(rowCount: Int, selected: Int? = 0, offset: Int = 0, marked: Set<Int> = [],
                      sort: TableSort? = TableSort(column: 1, ascending: false), caption: String = "") -> TableView {
        TableView(columns: columns, rowCount: rowCount, selectedRow: selected, firstVisibleRow: offset, sort: sort,
                  showsMarkers: true, caption: caption, emptyText: "No invoices match the filter") { i in
            row(i, marked: marked)
        }
    }

    private static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
