import BillingAPI

/// `get_invoices`, `get_invoice` and `get_related_invoices`: reading a customer's invoices.
enum InvoiceQueries {
    /// All invoices of the caller, newest first; optional WHMCS filters `status` (including
    /// "Overdue"), `limitstart` and `limitnum`. Linear in the number of invoices.
    static func getInvoices(_ ctx: ActionContext, _ state: inout SandboxState) -> RuleOutput {
        let customer = state.customers[ctx.customerIndex]
        if let location = ctx.text("location"), location != customer.location.rawValue, location.lowercased() != "auto" {
            return .json(WireAnswer.failure("failed to retrive invoices: client " + String(customer.id) + " not found at " + location))
        }
        let wanted = ctx.text("status")?.lowercased()
        let start = max(ctx.int("limitstart") ?? 0, 0)
        let limit = ctx.int("limitnum").map { max($0, 0) } ?? Int.max
        var list: [UInt8] = []
        list.reserveCapacity(min(customer.invoiceIDs.count, limit) * 340)
        var matched = 0, returned = 0
        for id in customer.invoiceIDs.reversed() {
            guard let i = state.invoiceIndex(id) else { continue }
            if let wanted {
                let overdue = wanted == "overdue" && state.invoices[i].isOverdue(today: ctx.today)
                guard overdue || state.invoices[i].status.rawValue.lowercased() == wanted else { continue }
            }
            matched += 1
            guard matched > start && returned < limit else { continue }
            if returned > 0 { list.append(0x2C) }
            ListEncoding.invoice(state.invoices[i], currency: customer.currency, into: &list)
            returned += 1
        }
        var out: [UInt8] = []
        out.reserveCapacity(list.count + 128)
        out.append(contentsOf: #"{"result":"OK","totalresults":"#.utf8)
        JSONBytes.int(matched, into: &out)
        JSONBytes.key("startnumber", into: &out); JSONBytes.int(start, into: &out)
        JSONBytes.key("numreturned", into: &out); JSONBytes.int(returned, into: &out)
        out.append(contentsOf: #","invoices":{"invoice":["#.utf8)
        out.append(contentsOf: list)
        out.append(contentsOf: "]}}".utf8)
        return .bytes(out)
    }

    static func getInvoice(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        let customer = state.customers[ctx.customerIndex]
        guard let i = state.ownInvoiceIndex(ctx.int("invoice_id"), clientID: ctx.clientID) else {
            return WireAnswer.failure("invalid invoice id " + String(ctx.int("invoice_id") ?? 0) + " at " + customer.location.rawValue)
        }
        let inv = state.invoices[i]
        let transactions = state.transactions.filter { $0.invoiceID == inv.id && $0.clientID == ctx.clientID }
        return InvoiceJSON.detail(inv, customer: customer, transactions: transactions, withClient: ctx.flag("load_client_data"))
    }

    /// Invoices billing one server (`id`, or `account_id` for the WHMCS service), or all of the
    /// caller's invoices when neither is given.
    static func getRelatedInvoices(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        let customer = state.customers[ctx.customerIndex]
        var serverID: Int? = nil
        if let idText = ctx.text("id") {
            guard let s = state.ownServerIndex(Int(idText), clientID: ctx.clientID) else {
                return WireAnswer.failure("server " + idText + " are not linked to the billing")
            }
            serverID = state.servers[s].id
        } else if let accountText = ctx.text("account_id") {
            guard let sid = customer.serverIDs.first(where: { sid in
                state.serverIndex(sid).map { String(state.servers[$0].accountID) == accountText } ?? false
            }) else {
                return WireAnswer.failure("server " + accountText + " are not linked to the billing")
            }
            serverID = sid
        }
        var list: [JSONValue] = []
        for id in customer.invoiceIDs.reversed() {
            guard let i = state.invoiceIndex(id) else { continue }
            let inv = state.invoices[i]
            if let serverID, !inv.bills(server: serverID) { continue }
            list.append(WireAnswer.object([
                ("userid", .int(inv.clientID)), ("status", .string(inv.status.rawValue)), ("invoiceid", .int(inv.id)),
                ("total", inv.total.number), ("currency", .string(customer.currency)), ("date", .string(inv.date.text)),
                ("duedate", .string(inv.dueDate.text)),
            ]))
        }
        return WireAnswer.ok([("invoices", .array(list))])
    }
}
