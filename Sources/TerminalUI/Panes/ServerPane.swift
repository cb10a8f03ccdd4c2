import BillingAPI
import ConsoleCore

/// One server looked up on demand: its billing data (price, period, next due date, traffic,
/// licences, subscription), its open cancellation request and its related invoices.
enum ServerPane {
    static func draw(_ console: Console, into canvas: inout Canvas, in rect: Rect) {
        guard let server = console.server else { return }
        let inner = Panel(title: "Server #\(server.serverID)", rightTitle: server.billingData.value?.status)
            .draw(into: &canvas, in: rect)
        guard inner.width > 2, inner.height > 0 else { return }
        var lines = LineStack(Rect(row: inner.row, col: inner.col + 1, width: inner.width - 2, height: inner.height))
        drawBillingData(server.billingData, into: &canvas, &lines)
        drawRequests(server, into: &canvas, &lines)
        drawInvoices(server, today: console.environment.today, into: &canvas, &lines)
        lines.markOverflow(into: &canvas, frame: rect, focused: false)
    }

    /// The billing data as label/value lines; shared with the cancellation wizard's first step.
    static func drawBillingData(_ data: Loadable<BillingData>, into canvas: inout Canvas, _ lines: inout LineStack) {
        guard let b = data.value else {
            lines.state(data, what: "billing data", into: &canvas)
            return
        }
        if let name = b.customerName { lines.field("Customer", name, into: &canvas) }
        if let loc = b.location { lines.field("Location", loc, into: &canvas) }
        if let billing = b.billingLocation { lines.field("Billing", billing, into: &canvas) }
        if let deployed = b.deployDate { lines.field("Deployed", deployed.description, into: &canvas) }
        if let price = b.recurringAmount {
            let period = b.billingPeriodMonths.map { " / \($0) mo" } ?? ""
            lines.field("Price", price.formatted + period, .money, into: &canvas)
        }
        if let due = b.nextDueDate { lines.field("Next due", due.description, into: &canvas) }
        if let used = b.trafficUsedGB {
            let limit = b.trafficLimitGB.map { " of \(DecimalText.format($0)) GB" } ?? " GB"
            lines.field("Traffic", DecimalText.format(used) + limit + (b.isOverTraffic ? " (over)" : ""),
                        b.isOverTraffic ? .warning : .value, into: &canvas)
        }
        if !b.licenses.isEmpty { lines.field("Licenses", b.licenses.joined(separator: ", "), .warning, into: &canvas) }
        lines.field("Subscription", b.hasSubscription ? "bank subscription" : "none", into: &canvas, labelWidth: 13)
        if b.upgradePending { lines.line("An upgrade is pending.", .warning, into: &canvas) }
    }

    static func drawRequests(_ server: ServerPanel, into canvas: inout Canvas, _ lines: inout LineStack) {
        lines.section("Cancellation request", into: &canvas)
        guard server.requests.value != nil else {
            lines.state(server.requests, what: "requests", into: &canvas)
            return
        }
        guard let open = server.openRequest else {
            lines.line("None open.", .muted, into: &canvas)
            return
        }
        lines.field("Type", open.type, .warning, into: &canvas)
        if let created = open.createdDay?.description ?? open.created { lines.field("Filed", created, into: &canvas) }
        if let due = open.dueDate { lines.field("Ends", due.description, into: &canvas) }
        if !open.reason.isEmpty { lines.field("Reason", open.reason.replacingOccurrences(of: "\n", with: " "), into: &canvas) }
    }

    static func drawInvoices(_ server: ServerPanel, today: BillingDate, into canvas: inout Canvas, _ lines: inout LineStack) {
        guard let invoices = server.relatedInvoices.value else {
            lines.section("Invoices", into: &canvas)
            lines.state(server.relatedInvoices, what: "invoices", into: &canvas)
            return
        }
        lines.section("Invoices (\(invoices.count))", into: &canvas)
        for inv in invoices {
            let overdue = inv.isOverdue(today: today)
            let status = overdue ? "Overdue" : inv.status.description
            lines.field("\(inv.id) \(inv.date?.description ?? "")", "\(inv.total.formatted)  \(status)",
                        overdue ? .overdue : InvoiceListPane.role(for: inv.status), into: &canvas, labelWidth: 17)
        }
        if invoices.isEmpty { lines.line("No invoices.", .muted, into: &canvas) }
    }
}
