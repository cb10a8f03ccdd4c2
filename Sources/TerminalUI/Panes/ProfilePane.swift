import BillingAPI
import ConsoleCore

/// The client profile: the client's fields, credit and group on top, the last twelve months of
/// billed and paid totals as a bar chart at the bottom, and the contacts (with their
/// permissions and the contact cursor) in between.
enum ProfilePane {
    static func draw(_ console: Console, into canvas: inout Canvas, in rect: Rect) {
        let customer = console.customer
        let focused = console.focus == .profile
        let title = customer.details.value.map { "Client #\($0.client.id)" } ?? "Client"
        let inner = Panel(title: title, rightTitle: customer.isLoading ? "loading…" : nil, isFocused: focused)
            .draw(into: &canvas, in: rect)
        guard inner.width > 2, inner.height > 0 else { return }
        let content = Rect(row: inner.row, col: inner.col + 1, width: inner.width - 2, height: inner.height)
        if content.width >= 64 {
            // Wide enough for two columns (the pane alone on an 80-column screen): fields on the
            // left; contacts and the chart on the right.
            let (left, right) = content.splitLeft(content.width / 2)
            var fields = LineStack(Rect(row: left.row, col: left.col, width: left.width - 2, height: left.height))
            drawFields(console, into: &canvas, &fields)
            let chartHeight = right.height >= 12 ? min(12, max(6, right.height / 2)) : 0
            let (top, bottom) = right.splitBottom(chartHeight)
            var contacts = LineStack(top)
            drawContacts(console, focused: focused, into: &canvas, &contacts)
            if chartHeight > 0 { drawChart(console, into: &canvas, in: bottom) }
            return
        }
        let chartHeight = content.height >= 16 ? min(12, max(5, content.height / 3)) : 0
        let (top, bottom) = content.splitBottom(chartHeight)
        var lines = LineStack(top)
        drawFields(console, into: &canvas, &lines)
        drawContacts(console, focused: focused, into: &canvas, &lines)
        if chartHeight > 0 { drawChart(console, into: &canvas, in: bottom) }
    }

    private static func drawFields(_ console: Console, into canvas: inout Canvas, _ lines: inout LineStack) {
        let customer = console.customer
        guard let details = customer.details.value else {
            lines.state(customer.details, what: "the client", into: &canvas)
            drawCredit(console, into: &canvas, &lines)
            return
        }
        let c = details.client
        lines.line(c.displayName, .value, into: &canvas, attributes: .bold)
        if let company = c.companyName, !company.isEmpty, company != c.displayName {
            lines.line(company, .value, into: &canvas)
        }
        lines.field("E-mail", c.email, into: &canvas)
        if let phone = c.phoneNumber { lines.field("Phone", phone, into: &canvas) }
        lines.field("Type", c.customerType ?? (c.isCorporate ? "Company" : "Individual"), into: &canvas)
        if let status = c.status { lines.field("Status", status, into: &canvas) }
        if let country = c.countryCode { lines.field("Country", country, into: &canvas) }
        if c.currency.isKnown { lines.field("Currency", c.currency.code, into: &canvas) }
        if let loc = details.billingLocation ?? console.environment.billingLocation {
            lines.field("Location", loc, into: &canvas)
        }
        drawCredit(console, into: &canvas, &lines)
        lines.field("Group", groupName(console, details), into: &canvas)
        if !c.address.isEmpty { lines.field("Address", c.address.joined(separator: ", "), into: &canvas) }
    }

    private static func drawCredit(_ console: Console, into canvas: inout Canvas, _ lines: inout LineStack) {
        let credit = console.customer.credit
        if let value = credit.value {
            lines.field("Credit", creditText(value, console), .money, into: &canvas, alignRight: true)
        } else if let error = credit.error {
            lines.field("Credit", ReadableText.of(error), .error, into: &canvas)
        } else {
            lines.field("Credit", credit.isLoading ? "loading…" : "unknown", .muted, into: &canvas)
        }
    }

    /// The credit with its currency; `getcredits` may not name one, and then it is the client's.
    static func creditText(_ credit: CreditBalance, _ console: Console) -> String {
        var amount = credit.amount
        if !amount.currency.isKnown, let cur = console.customer.details.value?.client.currency { amount.currency = cur }
        return amount.formatted
    }

    private static func groupName(_ console: Console, _ details: ClientDetails) -> String {
        if let g = details.group { return g.name }
        let groups = console.customer.groups
        if let id = details.client.groupID, id > 0 {
            return groups.value?.first { $0.id == id }?.name ?? "#\(id)"
        }
        if groups.isLoading { return "loading…" }
        return "none"
    }

    private static func drawContacts(_ console: Console, focused: Bool, into canvas: inout Canvas, _ lines: inout LineStack) {
        let contacts = console.customer.contacts
        guard let list = contacts.value else {
            lines.section("Contacts", into: &canvas)
            lines.state(contacts, what: "contacts", into: &canvas)
            return
        }
        lines.section("Contacts (\(list.contacts.count))", into: &canvas)
        if let granted = list.permissionGranted {
            lines.line(granted ? "Contacts permission: granted" : "Contacts permission: not granted",
                       granted ? .muted : .warning, into: &canvas)
        }
        if list.contacts.isEmpty { lines.line("No contacts.", .muted, into: &canvas) }
        // Keep the cursor's contact on screen: each takes two rows.
        let fit = max(1, lines.remaining / 2)
        let cursor = min(console.contactCursor, max(0, list.contacts.count - 1))
        let first = max(0, min(cursor - fit + 1, list.contacts.count - fit))
        for (i, contact) in list.contacts.enumerated().dropFirst(first) {
            if lines.remaining < 2 && i < list.contacts.count - 1 {
                lines.line("+\(list.contacts.count - i) more (\(cursor + 1)/\(list.contacts.count))", .muted, into: &canvas)
                break
            }
            let selected = focused && i == cursor
            let name = contact.fullName.isEmpty ? "#\(contact.id)" : contact.fullName
            lines.line("\(selected ? "›" : " ") \(name) <\(contact.email)>", selected ? .selection : .value, into: &canvas)
            let perms = contact.permissions.isEmpty ? "no permissions" : contact.permissions.joined(separator: ", ")
            lines.line(perms, .muted, into: &canvas, indent: 4)
        }
    }

    private static func drawChart(_ console: Console, into canvas: inout Canvas, in rect: Rect) {
        let list = console.list
        guard rect.height >= 3 else { return }
        let currency = console.customer.details.value?.client.currency
        let totals = MonthlyTotals(ledger: list.index.ledger, today: console.environment.today,
                                   currency: currency?.isKnown == true ? currency : nil)
        var lines = LineStack(Rect(row: rect.row + 1, col: rect.col, width: rect.width, height: 1))
        let unit = totals.currency.isKnown ? " (\(totals.currency.code))" : ""
        lines.line("Billed/paid, 12 months" + unit, .title, into: &canvas, attributes: .bold)
        let chartRect = Rect(row: rect.row + 2, col: rect.col, width: min(rect.width, 36), height: rect.height - 3)
        if console.customer.invoicesLoading && list.invoices.isEmpty {
            canvas.putFitted(text: "Loading invoices…", row: chartRect.row, col: rect.col, width: rect.width, style: .muted)
        } else {
            // Labels one cell narrower than a month's group, so a gap separates them.
            var chart = totals.chart
            let group = chartRect.width >= 36 ? 3 : (chartRect.width >= 24 ? 2 : 1)
            chart.labels = totals.labels.map { String($0.prefix(max(1, group - 1))) }
            chart.draw(into: &canvas, in: chartRect)
        }
        // The currency is in the title; the sums leave it out so both fit a narrow pane.
        let billed = Money(totals.totalBilled.amount, .unknown).formatted
        let paid = Money(totals.totalPaid.amount, .unknown).formatted
        let summary = "billed \(billed)  paid \(paid)"
        canvas.putFitted(text: summary, row: rect.endRow - 1, col: rect.col, width: rect.width, style: .muted)
    }
}
