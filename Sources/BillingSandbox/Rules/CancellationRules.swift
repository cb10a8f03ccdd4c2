import BillingAPI

/// Cancelling servers: `request_cancellation`, `delete_cancellation_request` and
/// `get_cancellation_requests`. A request cancels the server's Unpaid invoices and remembers them,
/// so deleting the request can restore them.
enum CancellationRules {
    static func request(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        let idText = ctx.text("id") ?? "0"
        guard let s = state.ownServerIndex(Int(idText), clientID: ctx.clientID) else {
            return WireAnswer.failure("Server " + idText + " doesn't have a relid data")
        }
        let server = state.servers[s]
        let kind: ServerCancellation.Kind
        switch ctx.text("cancellation_type")?.lowercased() {
        case nil, "0", "end of billing period": kind = .endOfBillingPeriod
        case "1", "immediate": kind = .immediate
        default: return WireAnswer.failure("invalid cancellation_type")
        }
        guard server.isActive else { return WireAnswer.failure("server " + idText + " is not active") }
        guard state.openRequestIndex(server: server.id) == nil else {
            return WireAnswer.failure("cancellation_request_already_exists")
        }
        guard !server.trafficOverage else { return WireAnswer.failure("whmcs_server_exceded_traffic", code: -3) }
        guard !server.hasActiveLicenses else { return WireAnswer.failure("server_has_active_licenses") }
        let unpaid = state.unpaidInvoiceIndices(server: server.id, clientID: ctx.clientID)
        guard !unpaid.contains(where: { state.invoices[$0].isOverdue(today: ctx.today) }) else {
            return WireAnswer.failure("unpaid_invoices_found")
        }
        // The unused part of a paid period comes back, unless a bank subscription bills the server.
        var refund = Cents.zero
        if kind == .immediate, !server.subscription, unpaid.isEmpty {
            let periodDays = server.currentPeriodStart.days(until: server.nextDueDate)
            let left = ctx.today.days(until: server.nextDueDate)
            if left > 0 && periodDays > 0 { refund = server.recurringAmount.scaled(min(left, periodDays), over: periodDays) }
        }
        for i in unpaid { state.invoices[i].status = .cancelled }
        state.cancellationRequests.append(ServerCancellation(
            id: state.nextRequestID, serverID: server.id, clientID: ctx.clientID, created: ctx.stamp,
            reason: ctx.text("cancellation_reason") ?? "", kind: kind,
            effectiveDate: kind == .immediate ? ctx.today : server.nextDueDate, refund: refund,
            cancelledInvoiceIDs: unpaid.map { state.invoices[$0].id }))
        state.nextRequestID += 1
        return WireAnswer.ok()
    }

    /// Removes the open request; restores the invoices it cancelled, or, when it cancelled none and
    /// the server is due within 14 days with nothing unpaid, issues the renewal invoice anew.
    static func delete(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        let idText = ctx.text("id") ?? "0"
        guard let s = state.ownServerIndex(Int(idText), clientID: ctx.clientID) else {
            return WireAnswer.failure("Server " + idText + " doesn't have a relid data")
        }
        let server = state.servers[s]
        guard let r = state.openRequestIndex(server: server.id) else {
            return WireAnswer.failure("cancellation request for server " + idText + " not found")
        }
        let request = state.cancellationRequests.remove(at: r)
        var restored: [Int] = []
        for id in request.cancelledInvoiceIDs {
            guard let i = state.ownInvoiceIndex(id, clientID: ctx.clientID), state.invoices[i].status == .cancelled else { continue }
            state.invoices[i].status = .unpaid
            restored.append(id)
        }
        var data: [(String, JSONValue)] = [("result", "success"), ("restored_invoices", .array(restored.map { .int($0) }))]
        if restored.isEmpty, state.unpaidInvoiceIndices(server: server.id, clientID: ctx.clientID).isEmpty,
           server.nextDueDate <= ctx.today.adding(days: 14) {
            let id = DueInvoiceRules.issueRenewal(&state, serverIndex: s, today: ctx.today)
            data.append(("generated_invoice", .int(id)))
        }
        return WireAnswer.ok([("action", "delete_cancellation_request"), ("data", WireAnswer.object(data))])
    }

    static func list(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        let customer = state.customers[ctx.customerIndex]
        var serverID: Int? = nil
        if let idText = ctx.text("id") {
            guard let s = state.ownServerIndex(Int(idText), clientID: ctx.clientID) else {
                return WireAnswer.failure("server " + idText + " doesn't have a relid data")
            }
            serverID = state.servers[s].id
        }
        var from: SandboxDay? = nil, to: SandboxDay? = nil
        for (name, bound) in [("period_from", 0), ("period_to", 1)] {
            guard let text = ctx.text(name) else { continue }
            guard let day = SandboxDay(text: String(text.prefix(10))) else { return WireAnswer.failure("invalid " + name) }
            if bound == 0 { from = day } else { to = day }
        }
        let wantedType = ctx.text("cancellation_type")?.lowercased()
        let wantedBilling = ctx.text("billing_status")?.lowercased()
        var list: [JSONValue] = []
        for request in state.cancellationRequests where request.clientID == ctx.clientID {
            if let serverID, request.serverID != serverID { continue }
            let day = SandboxDay(daysSinceEpoch: request.created / 86_400)
            if let from, day < from { continue }
            if let to, to < day { continue }
            if let wantedType, wantedType != request.kind.wireName.lowercased(), wantedType != String(request.kind.rawValue) { continue }
            let billing = billingStatus(state, serverID: request.serverID, clientID: ctx.clientID)
            if let wantedBilling, wantedBilling != billing.lowercased() { continue }
            guard let s = state.serverIndex(request.serverID) else { continue }
            let server = state.servers[s]
            list.append(WireAnswer.object([
                ("relid", .int(server.id)), ("cr_date", .string(WireAnswer.dateTime(request.created))),
                ("cr_reason", .string(request.reason)), ("cr_type", .string(request.kind.wireName)),
                ("due_date", .string(request.effectiveDate.text)), ("name_client", .string(customer.displayName)),
                ("billing", .string(customer.location.rawValue)), ("account_id", .int(server.accountID)),
                ("status", .string(server.status)), ("corporate", .string(customer.corporate ? "Y" : "N")),
                ("customer_id", .int(customer.id)), ("id", .int(request.id)), ("type", .int(request.kind.rawValue)),
                ("refund", request.refund.string), ("currency", .string(customer.currency)),
                ("billing_status", .string(billing)),
                ("cancelled_invoices", .array(request.cancelledInvoiceIDs.map { .int($0) })),
            ]))
        }
        return WireAnswer.ok([("message", .array(list))])
    }

    /// The status of the newest invoice billing the server ("Paid" when it has none).
    static func billingStatus(_ state: SandboxState, serverID: Int, clientID: Int) -> String {
        guard let c = state.customerIndex(clientID) else { return "Paid" }
        for id in state.customers[c].invoiceIDs.reversed() {
            if let i = state.invoiceIndex(id), state.invoices[i].bills(server: serverID) { return state.invoices[i].status.rawValue }
        }
        return "Paid"
    }
}
