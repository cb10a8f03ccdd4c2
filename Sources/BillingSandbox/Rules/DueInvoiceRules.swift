import BillingAPI

/// `generate_due_invoice`: the next renewal invoice of a server, allowed only when its current
/// cycle ended more than 30 days ago, nothing of it is unpaid and no upgrade is pending.
enum DueInvoiceRules {
    static func generate(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        let idText = ctx.text("id") ?? "0"
        guard let s = state.ownServerIndex(Int(idText), clientID: ctx.clientID) else {
            return WireAnswer.failure("server " + idText + " not found")
        }
        let server = state.servers[s]
        guard server.isActive else { return WireAnswer.failure("server " + idText + " is not active") }
        guard !server.upgradePending else { return WireAnswer.failure("next_invoice_blocked_by_upgrade") }
        guard state.unpaidInvoiceIndices(server: server.id, clientID: ctx.clientID).isEmpty else {
            return WireAnswer.failure("unpaid_invoices_exist")
        }
        guard server.nextDueDate < ctx.today.adding(days: -30) else {
            return WireAnswer.failure("billing_cycle_not_completed")
        }
        let id = issueRenewal(&state, serverIndex: s, today: ctx.today)
        let invoice = state.invoices[state.invoiceIndex(id) ?? 0]
        return WireAnswer.ok([("invoices", .array([WireAnswer.object([
            ("id", .int(id)), ("amount", invoice.total.number), ("status", "Unpaid"),
            ("currency", .string(state.currency(of: ctx.clientID))),
        ])]))])
    }

    /// An Unpaid renewal for the period starting at the server's next due date, with its active
    /// licences; due at that date or today, whichever is later.
    static func issueRenewal(_ state: inout SandboxState, serverIndex s: Int, today: SandboxDay) -> Int {
        let server = state.servers[s]
        var lines: [(kind: InvoiceLine.Kind, relid: Int, description: String, amount: Cents)] =
            [(.hosting, server.id, SandboxDataGenerator.renewalDescription(server, from: server.nextDueDate), server.recurringAmount)]
        for license in server.licenses where license.active {
            lines.append((.license, server.id, license.name + " x" + String(server.billingPeriodMonths) + " #" + String(server.id),
                          Cents(license.monthlyPrice.value * Int64(server.billingPeriodMonths))))
        }
        return state.addInvoice(clientID: server.clientID, date: today, dueDate: max(server.nextDueDate, today),
                                purpose: .service, lines: lines)
    }
}
