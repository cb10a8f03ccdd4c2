import BillingAPI

/// `getcredits`, `apply_credit`, `create_addfunds` and `mass_pay`: the credit balance and the ways
/// invoices get paid from the API.
enum CreditRules {
    static func getCredits(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        let customer = state.customers[ctx.customerIndex]
        if let serverText = ctx.text("server_id"), state.ownServerIndex(Int(serverText), clientID: ctx.clientID) == nil {
            return WireAnswer.failure("failed to retrive account history at " + customer.location.rawValue
                                      + ", please contact support - [server " + serverText + " not found]")
        }
        return WireAnswer.ok([("module", "whmcs"), ("action", "getcredits"), ("message", customer.credit.number)])
    }

    /// WHMCS ApplyCredit with HOSTKEY's cap: more than the invoice's balance applies the balance.
    static func applyCredit(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        guard let i = state.ownInvoiceIndex(ctx.int("invoice_id"), clientID: ctx.clientID) else {
            return whmcsFailure("Invoice ID Not Found")
        }
        guard let amount = ctx.text("amount").flatMap(Cents.init(text:)), amount.isPositive else {
            return whmcsFailure("Amount must be greater than zero")
        }
        let invoice = state.invoices[i]
        guard invoice.status == .unpaid else { return whmcsFailure("Invoice Not in Unpaid Status") }
        guard invoice.purpose != .addFunds else { return whmcsFailure("Credit cannot be applied to an Add Funds invoice") }
        guard amount <= state.customers[ctx.customerIndex].credit else {
            return whmcsFailure("Amount exceeds customer credit balance")
        }
        let applied = Cents.min(amount, invoice.balance)
        state.customers[ctx.customerIndex].credit -= applied
        state.invoices[i].credit += applied
        state.recordTransaction(clientID: ctx.clientID, invoiceID: invoice.id, time: ctx.stamp, gateway: "credit",
                                amount: applied, description: "Credit Applied to Invoice #" + String(invoice.id))
        if state.invoices[i].balance.value <= 0 {
            InvoiceSettlement.settle(&state, invoiceIndex: i, today: ctx.today, stamp: ctx.stamp)
        }
        return WireAnswer.object([("result", "success"), ("invoiceid", .int(invoice.id)), ("amount", applied.number),
                                  ("status", .string(state.invoices[i].status.rawValue))])
    }

    /// The reference wraps WHMCS's own error JSON inside its message.
    static func whmcsFailure(_ error: String) -> JSONValue {
        let inner = JSONWriter.compact(WireAnswer.object([("result", "error"), ("error", .string(error))]))
        return WireAnswer.failure("WHMCS ApplyCredit failed: " + inner)
    }

    static let minimumTopUp = Cents(units: 20)

    static func createAddFunds(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        let subscribe = ctx.flag("subscribe")
        let amount = ctx.text("amount").flatMap(Cents.init(text:))
        guard let amount, amount.isPositive, subscribe || amount >= minimumTopUp else {
            return WireAnswer.failure("minimal payment amount is 20.")
        }
        if subscribe { state.customers[ctx.customerIndex].autoTopUp = true }
        let description = ctx.text("description") ?? "Add Funds"
        let id = state.addInvoice(clientID: ctx.clientID, date: ctx.today, dueDate: ctx.today, purpose: .addFunds,
                                  lines: [(.addFunds, 0, description, amount)])
        return WireAnswer.ok([("invoice", WireAnswer.object([("id", .int(id)), ("amount", amount.number), ("status", "Unpaid")])),
                              ("message", .string("Invoice " + String(id) + " created"))])
    }

    static func massPay(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        var ids: [Int] = []
        for text in WireAnswer.arrayValues(ctx.params, "invoices") {
            guard let id = Int(text.trimmingCharacters(in: .whitespaces)) else {
                return WireAnswer.failure("invoice " + text + " not found")
            }
            if !ids.contains(id) { ids.append(id) }
        }
        guard ids.count >= 2 else { return WireAnswer.failure("mass_pay_requires_2_invoices") }
        var lines: [(kind: InvoiceLine.Kind, relid: Int, description: String, amount: Cents)] = []
        for id in ids {
            guard let i = state.ownInvoiceIndex(id, clientID: ctx.clientID) else {
                return WireAnswer.failure("invoice " + String(id) + " not found")
            }
            guard state.invoices[i].status == .unpaid else {
                return WireAnswer.failure("invoice " + String(id) + " is not unpaid")
            }
            lines.append((.invoice, id, "Invoice #" + String(id), state.invoices[i].balance))
        }
        let combined = state.addInvoice(clientID: ctx.clientID, date: ctx.today, dueDate: ctx.today, purpose: .massPay, lines: lines)
        return WireAnswer.ok([("invoiceid", .int(combined))])
    }
}
