import Foundation
import BillingAPI

/// Checks a submitted form and builds the exact write it stands for. Errors go onto the fields;
/// nothing invalid ever reaches the confirm dialog.
enum FormSubmission {
    static func validate(_ f: inout DialogForm, context: FormContext) -> PendingWrite? {
        f.clearErrors()
        switch f.purpose {
        case .applyCredit(let invoiceID): return applyCredit(&f, invoiceID: invoiceID, context: context)
        case .addFunds: return addFunds(&f)
        case .generateDueInvoice: return generateDue(&f)
        case .editProfile(let clientID): return ProfileSubmission.updateClient(&f, clientID: clientID, context: context)
        case .addContact: return ProfileSubmission.contact(&f, id: nil, context: context)
        case .editContact(let id): return ProfileSubmission.contact(&f, id: id, context: context)
        case .resetPassword: return ProfileSubmission.resetPassword(&f, context: context)
        case .subscriptionCancellation(let sid): return subscriptionCancellation(&f, serverID: sid)
        }
    }

    /// A positive amount parsed exactly (no binary floating point on the way).
    static func positiveAmount(_ f: inout DialogForm, _ name: String) -> Decimal? {
        let text = f.value(name).replacingOccurrences(of: ",", with: ".")
        guard !text.isEmpty else { f.setError(name, Messages.amountRequired); return nil }
        guard let d = DecimalText.parse(text) else { f.setError(name, Messages.notAnAmount(text)); return nil }
        guard d > 0 else { f.setError(name, Messages.amountNotPositive); return nil }
        return d
    }

    private static func applyCredit(_ f: inout DialogForm, invoiceID: Int, context: FormContext) -> PendingWrite? {
        guard let amount = positiveAmount(&f, "amount") else { return nil }
        guard let credit = context.credit else { f.error = Messages.creditNotLoaded; return nil }
        let currency = context.invoice(invoiceID)?.currency ?? credit.currency
        let money = Money(amount, currency.isKnown ? currency : credit.currency)
        guard amount <= credit.amount else { f.setError("amount", Messages.exceedsCredit(credit)); return nil }
        if let inv = context.invoice(invoiceID), amount > inv.balance.amount {
            f.setError("amount", Messages.exceedsBalance(inv.balance)); return nil
        }
        var p = FormParameters()
        p.add("invoice_id", invoiceID)
        p.add("amount", money.plainText)
        return PendingWrite(action: .applyCredit, parameters: p, summary: Messages.applyCreditSummary(money, invoiceID: invoiceID, credit: credit),
                            purpose: .applyCredit(invoiceID: invoiceID))
    }

    private static func addFunds(_ f: inout DialogForm) -> PendingWrite? {
        guard let amount = positiveAmount(&f, "amount") else { return nil }
        let description = f.value("description")
        let subscribe = f.fields.first { $0.name == "subscribe" }?.isOn ?? false
        var p = FormParameters()
        p.add("amount", Money(amount, .unknown).plainText)
        if !description.isEmpty { p.add("description", description) }
        if subscribe { p.add("subscribe", true) }
        return PendingWrite(action: .createAddFunds, parameters: p,
                            summary: Messages.addFundsSummary(amount: Money(amount, .unknown), description: description, subscribe: subscribe),
                            purpose: .addFunds)
    }

    private static func generateDue(_ f: inout DialogForm) -> PendingWrite? {
        guard let sid = Int(f.value("server")), sid > 0 else { f.setError("server", Messages.badServerID); return nil }
        var p = FormParameters()
        p.add("id", sid)
        return PendingWrite(action: .generateDueInvoice, parameters: p, summary: [Messages.generateDueSummary(sid)],
                            purpose: .generateDueInvoice(serverID: sid))
    }

    private static func subscriptionCancellation(_ f: inout DialogForm, serverID: Int) -> PendingWrite? {
        let reason = f.value("reason")
        guard !reason.isEmpty else { f.setError("reason", Messages.reasonRequired); return nil }
        var p = FormParameters()
        p.add("id", serverID)
        p.add("cancellation_type", String(CancellationType.endOfBillingPeriod.rawValue))
        p.add("cancellation_reason", reason)
        return PendingWrite(action: .requestSubscriptionCancellation, parameters: p,
                            summary: [Messages.subscriptionSummary(serverID), Messages.reasonLine(reason)],
                            typedConfirmation: String(serverID), purpose: .subscriptionCancellation(serverID: serverID))
    }
}
