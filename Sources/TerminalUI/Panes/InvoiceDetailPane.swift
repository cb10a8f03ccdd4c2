import BillingAPI
import ConsoleCore

/// One invoice: status and dates, the amounts with the balance, the items, the ways to pay
/// (gateway text and links, the link cursor for copying), the transactions and the client block,
/// in that order so what an agent acts on comes first when the pane is short.
enum InvoiceDetailPane {
    static func draw(_ console: Console, into canvas: inout Canvas, in rect: Rect) {
        guard let detail = console.detail else { return }
        let focused = console.focus == .detail
        let invoice = detail.invoice.value
        let overdue = invoice?.isOverdue(today: console.environment.today) ?? false
        let statusText = invoice.map { overdue ? "Overdue" : $0.status.description }
        let inner = Panel(title: "Invoice #\(detail.invoiceID)", rightTitle: statusText, isFocused: focused)
            .draw(into: &canvas, in: rect)
        guard inner.width > 2, inner.height > 0 else { return }
        let body = Rect(row: inner.row, col: inner.col + 1, width: inner.width - 2, height: inner.height)
        // Measure first (a stack that skips every line draws nothing but counts them all), so a
        // scroll never shows an empty pane past the end.
        var measure = LineStack(body, skipping: Int.max)
        drawContent(console, detail, focused: focused, overdue: overdue, into: &canvas, &measure)
        let skip = min(detail.scroll, max(0, measure.total - body.height))
        var lines = LineStack(body, skipping: skip)
        drawContent(console, detail, focused: focused, overdue: overdue, into: &canvas, &lines)
        lines.markOverflow(into: &canvas, frame: rect, focused: focused)
    }

    private static func drawContent(_ console: Console, _ detail: InvoiceDetail, focused: Bool, overdue: Bool,
                                    into canvas: inout Canvas, _ lines: inout LineStack) {
        if let message = detail.downloadMessage {
            lines.line(message, detail.downloading ? .info : (message.hasPrefix("Saved") ? .success : .error), into: &canvas)
        }
        guard let inv = detail.invoice.value else {
            lines.state(detail.invoice, what: "the invoice", into: &canvas)
            return
        }
        drawSummary(inv, overdue: overdue, into: &canvas, &lines)
        drawItems(inv, into: &canvas, &lines)
        drawGateways(detail, focused: focused, into: &canvas, &lines)
        drawTransactions(detail, into: &canvas, &lines)
        drawClient(inv, into: &canvas, &lines)
    }

    private static func drawSummary(_ inv: Invoice, overdue: Bool, into canvas: inout Canvas, _ lines: inout LineStack) {
        let role = overdue ? StyleRole.overdue : InvoiceListPane.role(for: inv.status)
        lines.field("Status", overdue ? "Overdue (Unpaid, past due)" : inv.status.description, role, into: &canvas)
        if let number = inv.number { lines.field("Number", number, into: &canvas) }
        lines.field("Date", inv.date?.description ?? "-", into: &canvas)
        lines.field("Due", inv.dueDate?.description ?? "-", overdue ? .overdue : .value, into: &canvas)
        if let paid = inv.datePaid { lines.field("Paid on", paid.description, into: &canvas) }
        if let sub = inv.subtotal { lines.field("Subtotal", sub.formatted, .money, into: &canvas, alignRight: true) }
        if let tax = inv.tax, !tax.isZero { lines.field("Tax", tax.formatted, .money, into: &canvas, alignRight: true) }
        if let credit = inv.credit, !credit.isZero {
            lines.field("Credit used", credit.formatted, .money, into: &canvas, alignRight: true)
        }
        lines.field("Total", inv.total.formatted, .money, into: &canvas, alignRight: true)
        lines.field("Balance", inv.balance.formatted, inv.balance.isPositive ? .unpaid : .paid, into: &canvas, alignRight: true)
        if let method = inv.paymentMethod { lines.field("Method", method, into: &canvas) }
        if let loc = inv.billingLocation { lines.field("Location", loc, into: &canvas) }
    }

    private static func drawItems(_ inv: Invoice, into canvas: inout Canvas, _ lines: inout LineStack) {
        lines.section("Items (\(inv.items.count))", into: &canvas)
        if inv.items.isEmpty { lines.line("No items.", .muted, into: &canvas) }
        let width = lines.rect.width
        for item in inv.items {
            let text = item.description.replacingOccurrences(of: "\n", with: " ")
            let amount = item.amount.formatted
            let server = item.serverID.flatMap { $0 > 0 ? "  server \($0)" : nil }
            let amountWidth = DisplayWidth.of(amount)
            if server == nil && DisplayWidth.of(text) + 1 + amountWidth <= width {
                lines.field(text, amount, .money, into: &canvas, alignRight: true, labelWidth: width - amountWidth - 1)
            } else {
                // The description gets its own line rather than losing its end to the amount.
                lines.line(text, .value, into: &canvas)
                lines.field(server ?? "", amount, .money, into: &canvas, alignRight: true, labelWidth: max(1, width - amountWidth - 1))
            }
        }
    }

    private static func drawGateways(_ detail: InvoiceDetail, focused: Bool, into canvas: inout Canvas,
                                     _ lines: inout LineStack) {
        lines.section("Payment", into: &canvas)
        guard let gateways = detail.gateways.value else {
            // Invoices that are not Unpaid have no gateways; the server's words say so.
            if let error = detail.gateways.error { lines.wrapped(error, .muted, into: &canvas) }
            else { lines.line("Loading payment gateways…", .muted, into: &canvas) }
            return
        }
        if gateways.isEmpty { lines.line("No payment gateways.", .muted, into: &canvas) }
        var linkIndex = 0
        for gw in gateways {
            lines.line(gw.name, .value, into: &canvas, attributes: .bold)
            if !gw.text.isEmpty { lines.wrapped(gw.text, .normal, into: &canvas, indent: 2) }
            for link in gw.links {
                let selected = linkIndex == detail.linkCursor
                let marker = selected ? "›" : " "
                lines.line("\(marker) \(link)", selected && focused ? .selection : .link, into: &canvas, indent: 1)
                linkIndex += 1
            }
        }
        if !detail.links.isEmpty {
            lines.line("y copies the selected link (\(detail.linkCursor + 1)/\(detail.links.count))", .muted, into: &canvas)
        }
    }

    private static func drawTransactions(_ detail: InvoiceDetail, into canvas: inout Canvas, _ lines: inout LineStack) {
        guard let txs = detail.transactions.value else {
            lines.section("Transactions", into: &canvas)
            lines.state(detail.transactions, what: "transactions", into: &canvas)
            return
        }
        lines.section("Transactions (\(txs.count))", into: &canvas)
        if txs.isEmpty { lines.line("No transactions.", .muted, into: &canvas) }
        for tx in txs {
            let day = tx.day?.description ?? tx.date ?? "-"
            let what = [tx.gateway, tx.reference.map { "ref \($0)" }].compactMap { $0 }.joined(separator: " ")
            let amount = tx.amount.formatted
            lines.field("\(day) \(what)", amount, .money, into: &canvas, alignRight: true,
                        labelWidth: max(8, lines.rect.width - DisplayWidth.of(amount) - 1))
        }
    }

    private static func drawClient(_ inv: Invoice, into canvas: inout Canvas, _ lines: inout LineStack) {
        guard let c = inv.customer else { return }
        lines.section("Client", into: &canvas)
        lines.line(c.displayName, .value, into: &canvas)
        if let email = c.email { lines.line(email, .value, into: &canvas) }
    }
}
