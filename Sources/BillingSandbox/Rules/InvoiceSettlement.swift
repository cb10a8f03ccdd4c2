/// What happens when an invoice's balance reaches zero: it becomes Paid, and then according to
/// its purpose a renewal moves the server's next due date on, the server's traffic overage is cleared
/// (HOSTKEY clears it on any settled invoice of the server), an upgrade is applied, add funds raise
/// the credit balance, and a mass pay invoice pays each invoice it combines.
enum InvoiceSettlement {
    static func settle(_ state: inout SandboxState, invoiceIndex i: Int, today: SandboxDay, stamp: Int) {
        state.invoices[i].status = .paid
        state.invoices[i].datePaid = today
        let invoice = state.invoices[i]
        switch invoice.purpose {
        case .addFunds:
            if let c = state.customerIndex(invoice.clientID) { state.customers[c].credit += invoice.subtotal }
        case .massPay:
            for item in invoice.items where item.kind == .invoice {
                guard let j = state.ownInvoiceIndex(item.relid, clientID: invoice.clientID),
                      state.invoices[j].status == .unpaid else { continue }
                let owed = state.invoices[j].balance
                state.invoices[j].paid += owed
                state.recordTransaction(clientID: invoice.clientID, invoiceID: item.relid, time: stamp, gateway: "masspay",
                                        amount: owed, description: "Mass Pay Invoice #" + String(invoice.id))
                settle(&state, invoiceIndex: j, today: today, stamp: stamp)
            }
        case .service:
            var touched: Set<Int> = []
            for item in invoice.items {
                guard let s = state.ownServerIndex(item.relid, clientID: invoice.clientID) else { continue }
                touched.insert(s)
                switch item.kind {
                case .hosting:
                    state.servers[s].nextDueDate = state.servers[s].nextDueDate.adding(months: state.servers[s].billingPeriodMonths)
                case .upgrade:
                    state.servers[s].upgradePending = false
                default:
                    break
                }
            }
            // The billed overage is settled: the tag goes and traffic counting starts again, so the
            // numbers (used against limit) agree with the tag.
            for s in touched where state.servers[s].trafficOverage {
                state.servers[s].trafficOverage = false
                state.servers[s].trafficUsedGB = 0
            }
        }
    }

    /// A payment made at a gateway (outside the API): pays the whole balance.
    static func payAtGateway(_ state: inout SandboxState, invoiceIndex i: Int, today: SandboxDay, stamp: Int) -> Bool {
        let invoice = state.invoices[i]
        guard invoice.status == .unpaid || invoice.status == .paymentPending else { return false }
        let owed = invoice.balance
        state.invoices[i].paid += owed
        state.recordTransaction(clientID: invoice.clientID, invoiceID: invoice.id, time: stamp, gateway: invoice.paymentMethod,
                                amount: owed, description: "Invoice Payment")
        settle(&state, invoiceIndex: i, today: today, stamp: stamp)
        return true
    }
}
