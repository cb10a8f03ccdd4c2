import Foundation
import BillingAPI

// MARK: - The cancellation wizard, request deletion and subscription cancellation

extension Console {
    /// Opens the wizard for a server (the given one, the open server panel, or the selected
    /// invoice's first server) and loads its data.
    mutating func startCancellation(serverID: Int?) -> [Effect] {
        if refuseIfReadOnly() { return [] }
        guard let sid = serverID ?? server?.serverID ?? targetInvoice?.serverIDs.first ?? customer.servers.first?.id else {
            say(Messages.noServer, .warning); return []
        }
        modal = .cancellation(CancellationWizard(serverID: sid, billingLocation: environment.billingLocation))
        return server?.serverID == sid && server?.billingData.value != nil ? [] : openServer(sid)
    }

    mutating func chooseType(_ t: CancellationType) -> [Effect] {
        guard case .cancellation(var w)? = modal, w.step == .type else { return [] }
        w.type = t
        modal = .cancellation(w)
        return []
    }

    mutating func wizardNext() -> [Effect] {
        guard case .cancellation(var w)? = modal else { return [] }
        w.error = nil
        switch w.step {
        case .server:
            if let open = server?.openRequest {
                w.error = Messages.requestAlreadyOpen(open)
                modal = .cancellation(w)
                return []
            }
            w.step = .type
        case .type: w.step = .reason
        case .reason:
            guard !w.reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                w.error = Messages.reasonRequired
                modal = .cancellation(w)
                return []
            }
            w.step = .review
        case .review:
            modal = .cancellation(w)
            return requestConfirm(w.pendingWrite(billing: server?.billingData.value, today: environment.today))
        case .confirm: return []
        case .result: modal = nil; return []
        }
        modal = .cancellation(w)
        return []
    }

    mutating func wizardBack() -> [Effect] {
        guard case .cancellation(var w)? = modal else { return [] }
        w.error = nil
        switch w.step {
        case .server, .result: modal = nil; return []
        case .type: w.step = .server
        case .reason: w.step = .type
        case .review: w.step = .reason
        case .confirm: w.step = .review
        }
        modal = .cancellation(w)
        return []
    }

    mutating func startDeleteRequest(serverID: Int) -> [Effect] {
        if refuseIfReadOnly() { return [] }
        var p = FormParameters()
        p.add("id", serverID)
        return requestConfirm(PendingWrite(action: .deleteCancellationRequest, parameters: p,
                                           summary: [Messages.deleteRequestSummary(serverID)],
                                           purpose: .deleteCancellationRequest(serverID: serverID)))
    }

    mutating func startSubscriptionForm(serverID: Int) -> [Effect] {
        if refuseIfReadOnly() { return [] }
        modal = .form(DialogForm(purpose: .subscriptionCancellation(serverID: serverID), title: Messages.subscriptionTitle(serverID),
                                 fields: [FormField(name: "reason", label: Messages.reasonLabel)]))
        return []
    }

    mutating func startSubscriptionCancellation(serverID: Int, reason: String) -> [Effect] {
        if refuseIfReadOnly() { return [] }
        var f = DialogForm(purpose: .subscriptionCancellation(serverID: serverID), title: Messages.subscriptionTitle(serverID),
                           fields: [FormField(name: "reason", label: Messages.reasonLabel, value: reason)])
        modal = .form(f)
        guard let write = FormSubmission.validate(&f, context: FormContext(credit: nil, invoices: InvoiceIndex(), detailInvoice: nil, client: nil,
                                                                            contacts: [], location: nil)) else {
            modal = .form(f)
            return []
        }
        return requestConfirm(write)
    }
}
