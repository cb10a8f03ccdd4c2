import Foundation

// MARK: - Inspection for tests and demos (reads the state directly, not through the wire)

extension Sandbox {
    /// Ids of every customer, the demo customer first.
    public var customerIDs: [Int] { withState { $0.customers.map(\.id) } }

    /// The API key of customer `clientID`.
    public func apiKey(clientID: Int) -> String? {
        withState { s in s.customerIndex(clientID).map { s.customers[$0].apiKey } }
    }

    /// The credit balance of customer `clientID`, exactly.
    public func creditBalance(clientID: Int) -> Decimal? {
        withState { s in s.customerIndex(clientID).map { s.customers[$0].credit.decimal } }
    }

    /// The status of invoice `invoiceID` as the wire writes it (`Unpaid`, `Paid`...).
    public func invoiceStatus(_ invoiceID: Int) -> String? {
        withState { s in s.invoiceIndex(invoiceID).map { s.invoices[$0].status.rawValue } }
    }

    /// What is still owed on invoice `invoiceID`.
    public func invoiceBalance(_ invoiceID: Int) -> Decimal? {
        withState { s in s.invoiceIndex(invoiceID).map { s.invoices[$0].balance.decimal } }
    }

    /// The invoice ids of customer `clientID`, oldest first, optionally only those with `status`.
    public func invoiceIDs(clientID: Int, status: String? = nil) -> [Int] {
        withState { s in
            guard let c = s.customerIndex(clientID) else { return [] }
            return s.customers[c].invoiceIDs.filter { id in
                status == nil || s.invoiceIndex(id).map { s.invoices[$0].status.rawValue == status } == true
            }
        }
    }

    /// The server ids of customer `clientID`.
    public func serverIDs(clientID: Int) -> [Int] {
        withState { s in s.customerIndex(clientID).map { s.customers[$0].serverIDs } ?? [] }
    }

    /// Whether server `serverID` carries the traffic-overage tag.
    public func hasTrafficOverage(serverID: Int) -> Bool {
        withState { s in s.serverIndex(serverID).map { s.servers[$0].trafficOverage } ?? false }
    }

    /// The next due date of server `serverID`.
    public func nextDueDate(serverID: Int) -> SandboxDay? {
        withState { s in s.serverIndex(serverID).map { s.servers[$0].nextDueDate } }
    }

    /// Open cancellation requests of customer `clientID`.
    public func cancellationRequests(clientID: Int) -> [SandboxCancellationRecord] {
        withState { s in
            s.cancellationRequests.filter { $0.clientID == clientID }.map {
                SandboxCancellationRecord(serverID: $0.serverID, type: $0.kind.rawValue, reason: $0.reason,
                                          refund: $0.refund.decimal, cancelledInvoiceIDs: $0.cancelledInvoiceIDs)
            }
        }
    }

    /// Server ids with an open subscription-cancellation ticket of customer `clientID`.
    public func subscriptionCancellationTickets(clientID: Int) -> [Int] {
        withState { s in s.subscriptionTickets.filter { $0.clientID == clientID && $0.open }.map(\.serverID) }
    }

    /// Number of transactions recorded for customer `clientID`.
    public func transactionCount(clientID: Int) -> Int {
        withState { s in s.transactions.lazy.filter { $0.clientID == clientID }.count }
    }

    /// Pays invoice `invoiceID` in full as a gateway would (the customer paying by card): the only
    /// way an add-funds invoice gets paid. False when it is not payable.
    @discardableResult
    public func simulateGatewayPayment(invoiceID: Int) -> Bool {
        let now = Int(Date().timeIntervalSince1970)
        return withState { s in
            guard let i = s.invoiceIndex(invoiceID) else { return false }
            return InvoiceSettlement.payAtGateway(&s, invoiceIndex: i, today: s.today, stamp: s.today.midnightUnix + now % 86_400)
        }
    }
}
