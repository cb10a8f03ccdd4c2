import Foundation
import BillingAPI

// MARK: - Starting payments: apply credit, mass pay, add funds, generate due invoice

extension Console {
    mutating func startApplyCredit() -> [Effect] {
        if refuseIfReadOnly() { return [] }
        guard let inv = targetInvoice else { say(Messages.noInvoiceSelected, .warning); return [] }
        guard inv.status == .unpaid else { say(Messages.notUnpaid(inv.id, inv.status), .warning); return [] }
        guard let credit = customer.credit.value?.amount else { say(Messages.creditNotLoaded, .warning); return [] }
        guard credit.isPositive else { say(Messages.noCredit, .warning); return [] }
        let amount = Money.min(credit, inv.balance)
        modal = .form(DialogForm(purpose: .applyCredit(invoiceID: inv.id), title: Messages.applyCreditTitle(inv.id),
                                 notes: Messages.applyCreditNotes(credit: credit, balance: inv.balance),
                                 fields: [FormField(name: "amount", label: Messages.amountLabel, value: amount.plainText)]))
        return []
    }

    /// Mass pay goes straight to the confirm dialog: there is nothing to type.
    mutating func startMassPay() -> [Effect] {
        if refuseIfReadOnly() { return [] }
        let marked = list.markedInvoices
        let unpaid = marked.filter { $0.status == .unpaid }
        guard unpaid.count >= 2, unpaid.count == marked.count else {
            say(Messages.massPayNeedsTwo(marked: marked.count, unpaid: unpaid.count), .warning)
            return []
        }
        var totals = MoneyTotals()
        for inv in unpaid { totals.add(inv.balance) }
        let ids = unpaid.map(\.id).sorted()
        var p = FormParameters()
        p.add(array: "invoices", ids)
        return requestConfirm(PendingWrite(action: .massPay, parameters: p,
                                           summary: Messages.massPaySummary(ids: ids, totals: totals),
                                           purpose: .massPay(invoiceIDs: ids)))
    }

    mutating func startAddFunds() -> [Effect] {
        if refuseIfReadOnly() { return [] }
        modal = .form(DialogForm(purpose: .addFunds, title: Messages.addFundsTitle, notes: [Messages.addFundsNote],
                                 fields: [FormField(name: "amount", label: Messages.amountLabel),
                                          FormField(name: "description", label: Messages.descriptionLabel),
                                          FormField(name: "subscribe", label: Messages.subscribeLabel, value: "no", kind: .toggle)]))
        return []
    }

    mutating func startGenerateDue(serverID: Int?) -> [Effect] {
        if refuseIfReadOnly() { return [] }
        let guess = serverID ?? server?.serverID ?? targetInvoice?.serverIDs.first
        modal = .form(DialogForm(purpose: .generateDueInvoice, title: Messages.generateDueTitle, notes: [Messages.generateDueNote],
                                 fields: [FormField(name: "server", label: Messages.serverLabel, value: guess.map(String.init) ?? "")]))
        return []
    }

    // MARK: - Form editing

    mutating func input(_ c: Character) -> [Effect] {
        switch modal {
        case .form(var f)?: f.input(c); modal = .form(f)
        case .palette(var p)?: p.text.append(c); modal = .palette(p)
        default: if isEditingFilter { return reduceIntent(.setQuery(list.filter.query + String(c))) }
        }
        return []
    }

    mutating func deleteBackward() -> [Effect] {
        switch modal {
        case .form(var f)?: f.deleteBackward(); modal = .form(f)
        case .palette(var p)?: if !p.text.isEmpty { p.text.removeLast() }; modal = .palette(p)
        default: if isEditingFilter { return reduceIntent(.setQuery(String(list.filter.query.dropLast()))) }
        }
        return []
    }

    mutating func moveField(_ delta: Int) -> [Effect] {
        if case .form(var f)? = modal { f.moveFocus(delta); modal = .form(f) }
        return []
    }

    /// Validates the form; a valid one becomes a `PendingWrite` in the confirm dialog.
    mutating func submit() -> [Effect] {
        guard case .form(var f)? = modal else { return [] }
        if refuseIfReadOnly() { return [] }
        let context = FormContext(credit: customer.credit.value?.amount, invoices: list.index, detailInvoice: detail?.invoice.value,
                                  client: customer.details.value?.client, contacts: customer.contacts.value?.contacts ?? [],
                                  location: environment.billingLocation)
        let write = FormSubmission.validate(&f, context: context)
        modal = .form(f)
        guard let write else { say(f.error ?? Messages.fixFields, .warning); return [] }
        return requestConfirm(write)
    }
}
