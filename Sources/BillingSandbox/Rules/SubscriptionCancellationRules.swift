import BillingAPI

/// `request_subscription_cancellation`: files a ticket (HOSTKEY's JIRA) to end a server's bank
/// subscription, once per server.
enum SubscriptionCancellationRules {
    static func request(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        let customer = state.customers[ctx.customerIndex]
        let idText = ctx.text("id") ?? "0"
        guard let s = state.ownServerIndex(Int(idText), clientID: ctx.clientID) else {
            return WireAnswer.failure("sub_cancel_server_not_found")
        }
        let server = state.servers[s]
        guard server.isActive else { return WireAnswer.failure("sub_cancel_no_active_order") }
        guard server.subscription else { return WireAnswer.failure("sub_cancel_no_subscription") }
        guard !state.subscriptionTickets.contains(where: { $0.serverID == server.id && $0.open }) else {
            return WireAnswer.failure("sub_cancel_ticket_already_open")
        }
        let unpaid = state.unpaidInvoiceIndices(server: server.id, clientID: ctx.clientID)
        guard !unpaid.contains(where: { state.invoices[$0].isOverdue(today: ctx.today) }) else {
            return WireAnswer.failure("sub_cancel_unpaid_invoices")
        }
        let ticket = SubscriptionTicket(id: state.nextTicketID, key: "SUB-" + String(4_000 + state.nextTicketID), serverID: server.id,
                                        clientID: ctx.clientID, created: ctx.stamp, reason: ctx.text("cancellation_reason") ?? "",
                                        cancellationType: ctx.text("cancellation_type") ?? "1", open: true)
        state.nextTicketID += 1
        state.subscriptionTickets.append(ticket)
        let related = customer.invoiceIDs.filter { id in state.invoiceIndex(id).map { state.invoices[$0].bills(server: server.id) } ?? false }
        let last = related.last ?? 0
        let previous = related.count > 1 ? related[related.count - 2] : 0
        return WireAnswer.ok([("data", WireAnswer.object([
            ("account_id", .int(server.accountID)), ("amount", server.recurringAmount.number),
            ("billing", .string(customer.location.rawValue)), ("cancellation_reason", .string(ticket.reason)),
            ("cancellation_type", .string(ticket.cancellationType)), ("clientid", .int(customer.id)),
            ("created", .string(WireAnswer.dateTime(ticket.created))), ("currency", .string(customer.currency)),
            ("customfields", .array([])), ("dc_location", .string(server.datacenter)),
            ("description", .string("Cancel bank subscription for server #" + String(server.id))),
            ("displayid", .string(ticket.key)), ("email", .string(customer.email)), ("hwconfig", .array([.string(server.product)])),
            ("invoiceid", .int(last)), ("last_inv_id", .int(last)), ("prev_inv_id", .int(previous)), ("relid", .int(server.id)),
            ("service_price", server.recurringAmount.number),
        ]))])
    }
}
