/// Everything the simulator knows, as one value: the lock in `Sandbox` guards it and `--state`
/// saves it. Customers, servers and invoices have consecutive ids, so a lookup is an index.
struct SandboxState: Codable, Sendable {
    var seed: UInt64
    var today: SandboxDay
    var customers: [Customer]
    var firstCustomerID: Int
    var servers: [HostedServer]
    var firstServerID: Int
    var invoices: [InvoiceRecord]
    var firstInvoiceID: Int
    var transactions: [PaymentTransaction]
    var cancellationRequests: [ServerCancellation]
    var subscriptionTickets: [SubscriptionTicket]
    var tokens: [String: IssuedToken]
    var passwordResets: [String: PasswordReset]
    var clientGroups: [ClientGroup]
    var demoClientID: Int
    var demoToken: String
    var demoFixture: SandboxDemoFixture
    var nextItemID: Int
    var nextTransactionID: Int
    var nextContactID: Int
    var nextRequestID: Int
    var nextTicketID: Int
    /// How many logins were answered: the answer's shape alternates (NOTES.md's two shapes).
    var loginCount: Int
    /// Source of fresh tokens, reset codes and transaction ids: deterministic for a given seed.
    var secretsGenerator: SeededGenerator

    // MARK: - Lookups

    func customerIndex(_ id: Int) -> Int? {
        let i = id - firstCustomerID
        return customers.indices.contains(i) ? i : nil
    }

    func serverIndex(_ id: Int) -> Int? {
        let i = id - firstServerID
        return servers.indices.contains(i) ? i : nil
    }

    func invoiceIndex(_ id: Int) -> Int? {
        let i = id - firstInvoiceID
        return invoices.indices.contains(i) ? i : nil
    }

    /// The index of server `id` when it belongs to customer `clientID`.
    func ownServerIndex(_ id: Int?, clientID: Int) -> Int? {
        guard let id, let i = serverIndex(id), servers[i].clientID == clientID else { return nil }
        return i
    }

    /// The index of invoice `id` when it belongs to customer `clientID`.
    func ownInvoiceIndex(_ id: Int?, clientID: Int) -> Int? {
        guard let id, let i = invoiceIndex(id), invoices[i].clientID == clientID else { return nil }
        return i
    }

    func currency(of clientID: Int) -> String {
        customerIndex(clientID).map { customers[$0].currency } ?? "USD"
    }

    /// Whether server `serverID` has an open cancellation request.
    func openRequestIndex(server serverID: Int) -> Int? {
        cancellationRequests.firstIndex { $0.serverID == serverID }
    }

    /// The customer's Unpaid invoices that bill server `serverID`.
    func unpaidInvoiceIndices(server serverID: Int, clientID: Int) -> [Int] {
        guard let c = customerIndex(clientID) else { return [] }
        return customers[c].invoiceIDs.compactMap { id -> Int? in
            guard let i = invoiceIndex(id), invoices[i].status == .unpaid, invoices[i].bills(server: serverID) else { return nil }
            return i
        }
    }

    // MARK: - Changes

    /// Appends a new invoice for customer `clientID` with the next id and returns that id.
    mutating func addInvoice(clientID: Int, date: SandboxDay, dueDate: SandboxDay, purpose: InvoiceRecord.Purpose,
                             lines: [(kind: InvoiceLine.Kind, relid: Int, description: String, amount: Cents)],
                             status: InvoiceRecord.Status = .unpaid) -> Int {
        let id = firstInvoiceID + invoices.count
        guard let c = customerIndex(clientID) else { return id }
        var items: [InvoiceLine] = []
        items.reserveCapacity(lines.count)
        let taxed = purpose == .service && customers[c].location == .com && customers[c].corporate
        for line in lines {
            items.append(InvoiceLine(id: nextItemID, kind: line.kind, relid: line.relid, description: line.description,
                                     amount: line.amount, taxed: taxed))
            nextItemID += 1
        }
        let invoice = InvoiceRecord(id: id, clientID: clientID, number: Self.invoiceNumber(id: id, location: customers[c].location),
                              date: date, dueDate: dueDate, status: status,
                              paymentMethod: customers[c].location == .ru ? "yookassa" : "paymaster", purpose: purpose,
                              items: items, taxPercent: taxed ? 21 : 0)
        invoices.append(invoice)
        customers[c].invoiceIDs.append(id)
        return id
    }

    /// Records a transaction on an invoice and returns it.
    @discardableResult
    mutating func recordTransaction(clientID: Int, invoiceID: Int, time: Int, gateway: String, amount: Cents,
                                    description: String) -> PaymentTransaction {
        let id = nextTransactionID
        nextTransactionID += 1
        let t = PaymentTransaction(id: id, clientID: clientID, invoiceID: invoiceID, time: time, gateway: gateway,
                                   amount: amount, transactionID: "TX" + String(100_000_000 + id), description: description)
        transactions.append(t)
        return t
    }

    static func invoiceNumber(id: Int, location: BillingLocation) -> String {
        (location == .ru ? "RU-" : "COM-") + String(id)
    }
}
