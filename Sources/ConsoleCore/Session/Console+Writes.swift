import Foundation
import BillingAPI

// MARK: - The one confirm path and write outcomes

extension Console {
    /// Shows a write in the confirm dialog. Nothing is sent until `.confirm`.
    mutating func requestConfirm(_ write: PendingWrite) -> [Effect] {
        if refuseIfReadOnly() { return [] }
        if let c = confirm, c.isSending { say(Messages.writeInFlight, .warning); return [] }
        confirm = ConfirmDialog(write: write)
        if case .cancellation(var w)? = modal, case .requestCancellation = write.purpose {
            w.step = .confirm
            modal = .cancellation(w)
        }
        return []
    }

    /// Sends the confirmed write once. A write in flight makes further confirms do nothing.
    mutating func confirmWrite() -> [Effect] {
        guard var c = confirm else { return [] }
        switch c.phase {
        case .sending:
            return []
        case .done, .failed, .outcomeUnknown:
            confirm = nil
            return []
        case .asking:
            if refuseIfReadOnly() { confirm = nil; return [] }
            guard c.canConfirm else { say(Messages.typeToConfirm(c.write.typedConfirmation ?? ""), .warning); return [] }
            let id = nextWriteID
            nextWriteID += 1
            c.phase = .sending(id: id)
            confirm = c
            say(Messages.sending(c.write.action))
            return [.write(id: id, c.write)]
        }
    }

    mutating func cancelConfirm() -> [Effect] {
        guard let c = confirm else { return [] }
        if c.isSending { say(Messages.writeInFlight, .warning); return [] }
        confirm = nil
        if case .cancellation(var w)? = modal, w.step == .confirm {
            w.step = .review
            modal = .cancellation(w)
        }
        return []
    }

    mutating func writeFinished(id: Int, purpose: WritePurpose, outcome: WriteOutcome) -> [Effect] {
        let mine = confirm.map { $0.phase == .sending(id: id) } ?? false
        var phase: ConfirmDialog.Phase
        var effects: [Effect] = []
        var advice: CancellationAdvice?
        switch outcome {
        case .done(let json):
            let text = Messages.done(purpose, json)
            phase = .done(message: text)
            say(text, .success)
            effects = rereads(after: purpose, json: json)
            finishForms(purpose: purpose, answer: json)
            if case .massPay = purpose { list.clearMarks() }
        case .failed(let error):
            advice = adviceFor(purpose, error)
            phase = .failed(message: advice?.message ?? Messages.refused(error), advice: advice?.wayOut)
            if case .generateDueInvoice = purpose {
                // The server's code stays in the message; the advice says what it means.
                phase = .failed(message: Messages.refused(error), advice: Messages.dueInvoiceAdvice(error))
            }
            say(advice?.message ?? Messages.refused(error), .error)
            if attachFieldError(error, purpose: purpose) { phase = .failed(message: Messages.fixFields, advice: nil) }
        case .unknown(let reason):
            let text = Messages.outcomeUnknown(purpose, reason)
            phase = .outcomeUnknown(message: text)
            say(text, .warning)
            // Re-read to learn what happened; never resend. The form closes too: left open, two
            // more Enters would submit and confirm the same write again.
            effects = rereads(after: purpose, json: nil)
            if case .form? = modal { modal = nil }
        case .notSent(let reason):
            phase = .failed(message: reason, advice: nil)
            say(reason, .error)
        }
        if mine { confirm?.phase = phase }
        updateWizard(purpose: purpose, phase: phase, advice: advice)
        return effects
    }

    private func adviceFor(_ purpose: WritePurpose, _ error: APIError) -> CancellationAdvice? {
        switch purpose {
        case .requestCancellation, .subscriptionCancellation: return CancellationAdvice.explain(error)
        default: return nil
        }
    }

    private mutating func updateWizard(purpose: WritePurpose, phase: ConfirmDialog.Phase, advice: CancellationAdvice?) {
        guard case .requestCancellation(let sid) = purpose, case .cancellation(var w)? = modal, w.serverID == sid else { return }
        w.step = .result
        switch phase {
        case .done(let m), .outcomeUnknown(let m): w.resultMessage = m; w.advice = nil
        case .failed(let m, _): w.resultMessage = m; w.advice = advice
        default: break
        }
        modal = .cancellation(w)
        confirm = nil
    }

    /// What to re-read after a write (done or unknown): the panes that show what it changed.
    private mutating func rereads(after purpose: WritePurpose, json: JSONValue?) -> [Effect] {
        switch purpose {
        case .applyCredit(let invoiceID):
            return customerReads([.credit, .invoices(location: environment.billingLocation)]) + openInvoice(invoiceID)
        case .massPay, .addFunds, .generateDueInvoice:
            var effects = customerReads([.credit, .invoices(location: environment.billingLocation)])
            if let created = CreatedInvoice.id(in: json) { effects += openInvoice(created) }
            return effects
        case .requestCancellation(let sid), .deleteCancellationRequest(let sid):
            // A request cancels the server's unpaid invoices; deleting it restores them or issues
            // the renewal: the list changes too.
            return openServer(sid) + customerReads([.invoices(location: environment.billingLocation)])
        case .subscriptionCancellation(let sid):
            return openServer(sid)
        case .updateClient, .addContact, .updateContact, .deleteContact:
            return customerReads([.client(billingLocation: environment.billingLocation), .contacts])
        case .resetPassword:
            return []
        }
    }

    /// Closes the form a write came from once it succeeded; the password reset form stays open
    /// between its steps.
    private mutating func finishForms(purpose: WritePurpose, answer: JSONValue) {
        guard case .form(var f)? = modal else { return }
        if case .resetPassword = purpose {
            if f.value("reset_token").isEmpty {
                // After the link is sent the form stays open for the token from the e-mail.
                f.notes = [Messages.resetLinkSent]
                modal = .form(f)
                return
            }
            let o = answer.objectValue
            if o?["require_2fa"]?.bool == true || o?.string("message") == "2fa_code_required" {
                // Accepted so far, but the account has 2FA: the same token and password go again with the code.
                f.notes = [Messages.resetNeedsCode]
                if let i = f.fields.firstIndex(where: { $0.name == "code" }) { f.focused = i }
                f.setError("code", Messages.required)
                modal = .form(f)
                return
            }
        }
        modal = nil
    }

    /// `update_client` names the bad field (`{"-1": "invalid profile data: billing_email ..."}`):
    /// put the message next to that field. Returns whether a field took it.
    private mutating func attachFieldError(_ error: APIError, purpose: WritePurpose) -> Bool {
        guard case .form(var f)? = modal else { return false }
        let text = error.message
        let lower = text.lowercased()
        // First match wins: the reset token's message also says "password".
        let wire: [(String, String)] = [("billing_email", "email"), ("billing_firstname", "firstname"),
                                        ("billing_lastname", "lastname"), ("co_smsnum", "phone"),
                                        ("co_customertype", "customertype"), ("phonenumber", "phone"),
                                        ("phone_number", "phone"), ("email", "email"), ("firstname", "firstname"),
                                        ("lastname", "lastname"), ("reset token", "reset_token"),
                                        ("two-factor", "code"), ("2fa", "code"), ("password", "password")]
        guard let hit = wire.first(where: { lower.contains($0.0) }),
              f.fields.contains(where: { $0.name == hit.1 }) else { return false }
        f.setError(hit.1, ServerText.sanitize(text))
        modal = .form(f)
        confirm = nil
        return true
    }
}
