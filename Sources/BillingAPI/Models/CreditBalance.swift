import Foundation

/// The customer's available credit (`getcredits`): money that `apply_credit` can spend.
public struct CreditBalance: Sendable, Equatable {
    public var amount: Money
    public init(amount: Money) { self.amount = amount }

    /// `message` holds the balance as a number or numeric string; some deployments use `credit`
    /// or `balance` instead.
    public init?(json: JSONValue, currency: Currency) {
        guard let o = json.objectValue else { return nil }
        let cur = o.currency("currency", "currencycode") ?? currency
        guard let d = o.decimal("message", "credit", "credits", "balance", "amount") else { return nil }
        amount = Money(d, cur)
    }
}
