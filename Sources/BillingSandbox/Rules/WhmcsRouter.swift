import BillingAPI

/// Sends an authenticated `whmcs.php` call to the rule that answers it.
enum WhmcsRouter {
    typealias Rule = @Sendable (ActionContext, inout SandboxState) -> JSONValue
    typealias ListRule = @Sendable (ActionContext, inout SandboxState) -> RuleOutput

    /// Actions whose answers grow with history write their own bytes.
    static let listRules: [String: ListRule] = [
        Action.getInvoices.wireName: InvoiceQueries.getInvoices,
        Action.transactions.wireName: PaymentQueries.transactions,
    ]

    static let rules: [String: Rule] = [
        Action.getCredits.wireName: CreditRules.getCredits,
        Action.applyCredit.wireName: CreditRules.applyCredit,
        Action.createAddFunds.wireName: CreditRules.createAddFunds,
        Action.massPay.wireName: CreditRules.massPay,
        Action.getInvoice.wireName: InvoiceQueries.getInvoice,
        Action.getRelatedInvoices.wireName: InvoiceQueries.getRelatedInvoices,
        Action.getPaymentGateways.wireName: PaymentQueries.paymentGateways,
        Action.downloadInvoice.wireName: PaymentQueries.downloadInvoice,
        Action.requestCancellation.wireName: CancellationRules.request,
        Action.deleteCancellationRequest.wireName: CancellationRules.delete,
        Action.getCancellationRequests.wireName: CancellationRules.list,
        Action.requestSubscriptionCancellation.wireName: SubscriptionCancellationRules.request,
        Action.generateDueInvoice.wireName: DueInvoiceRules.generate,
        Action.getBillingData.wireName: BillingDataRules.billingData,
        Action.getClient.wireName: ProfileRules.getClient,
        Action.updateClient.wireName: ProfileRules.updateClient,
        Action.getClientGroups.wireName: ProfileRules.groups,
        Action.getContacts.wireName: ContactRules.list,
        Action.addContact.wireName: ContactRules.add,
        Action.updateContact.wireName: ContactRules.update,
        Action.deleteContact.wireName: ContactRules.delete,
    ]

    static func answer(action: String, params: FormParameters, state: inout SandboxState, today: SandboxDay, now: Int) -> RuleOutput {
        let auth = AuthRules.authenticate(params, state, now: now)
        if action == Action.resetPassword.wireName {
            // Works without a token (a customer who forgot the password has none); with one, it
            // only resets that customer's password.
            let caller = try? auth.get()
            return .json(PasswordResetRules.reset(params: params, state: &state, today: today, now: now, caller: caller))
        }
        let clientID: Int
        switch auth {
        case .failure(let f): return .json(f.answer)
        case .success(let id): clientID = id
        }
        guard let c = state.customerIndex(clientID) else { return .json(WireAnswer.failure("Invalid token or access denied")) }
        let context = ActionContext(params: params, clientID: clientID, customerIndex: c, today: today, now: now)
        if let rule = rules[action] { return .json(rule(context, &state)) }
        if let rule = listRules[action] { return rule(context, &state) }
        return .json(WireAnswer.failure("unknown action " + action))
    }
}
