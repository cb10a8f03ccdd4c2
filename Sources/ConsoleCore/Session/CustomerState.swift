import Foundation
import BillingAPI

/// The open customer: client record, credit, contacts, groups, and the servers known from the
/// login, `auth.php info` and invoice items.
public struct CustomerState: Sendable, Equatable {
    public var details = Loadable<ClientDetails>()
    public var credit = Loadable<CreditBalance>()
    public var contacts = Loadable<ContactList>()
    public var groups = Loadable<[ClientGroup]>()
    public var invoicesLoading = false
    public var invoicesError: String?
    /// Servers from the login answer and `auth.php info`, with names when known.
    public var sessionServers: [ServerRef] = []
    /// Server ids found in invoice items (`relid`).
    public var invoiceServerIDs: [Int] = []

    public init() {}

    /// `getcredits` names no currency: the balance is in the client's currency, so it takes that
    /// one once both answers are in (whichever arrives last).
    mutating func adoptClientCurrency() {
        guard var c = credit.value, !c.amount.currency.isKnown,
              let currency = details.value?.client.currency, currency.isKnown else { return }
        c.amount.currency = currency
        credit.finish(c)
    }

    /// Every known server, login ones first, without duplicates.
    public var servers: [ServerRef] {
        var seen = Set<Int>()
        var out: [ServerRef] = []
        for s in sessionServers where seen.insert(s.id).inserted { out.append(s) }
        for id in invoiceServerIDs where seen.insert(id).inserted { out.append(ServerRef(id: id)) }
        return out
    }

    /// True while any part of the customer is loading.
    public var isLoading: Bool {
        details.isLoading || credit.isLoading || contacts.isLoading || groups.isLoading || invoicesLoading
    }
}
