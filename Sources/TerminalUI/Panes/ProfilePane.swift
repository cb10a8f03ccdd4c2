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
        let chartHeight = content.height >= 22 ? 7 : (content.height >= 16 ? 5 : 0)
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
            lines.field("Credit", value.amount.formatted, .money, into: &canvas, alignRight: true)
        } else if let error = credit.error {
            lines.field("Credit", error, .error, into: &canvas)
        } else {
            lines.field("Credit", credit.isLoading ? "loading…" : "unknown", .muted, into: &canvas)
        }
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
        let totals = MonthlyTotals(invoices: list.invoices, today: console.environment.today,
                                   currency: currency?.isKnown == true ? currency : nil)
        var lines = LineStack(Rect(row: rect.row + 1, col: rect.col, width: rect.width, height: 1))
        lines.line("Last 12 months (\(totals.currency.code))", .title, into: &canvas, attributes: .bold)
        let chartRect = Rect(row: rect.row + 2, col: rect.col, width: min(rect.width, 36), height: rect.height - 3)
        if console.customer.invoicesLoading && list.invoices.isEmpty {
            canvas.putFitted(text: "Loading invoices…", row: chartRect.row, col: rect.col, width: rect.width, style: .muted)
        } else {
            totals.chart.draw(into: &canvas, in: chartRect)
        }
        let summary = "billed \(totals.totalBilled.formatted)  paid \(totals.totalPaid.formatted)"
        canvas.putFitted(text: summary, row: rect.endRow - 1, col: rect.col, width: rect.width, style: .muted)
    }
}
