/// Builds the whole initial state from a configuration. Deterministic: every random choice comes
/// from `SeededGenerator` streams derived from the seed, one stream per customer, so the demo
/// customer does not change when `clients` does.
enum SandboxDataGenerator {
    static let firstCustomerID = 1001
    static let firstServerID = 40_001
    static let firstInvoiceID = 10_001

    static func makeState(_ configuration: SandboxConfiguration) -> SandboxState {
        let seed = configuration.seed
        var secrets = SeededGenerator(seed: seed, stream: 7)
        let demoToken = secrets.hex(40)
        var state = SandboxState(
            seed: seed, today: configuration.today, customers: [], firstCustomerID: firstCustomerID,
            servers: [], firstServerID: firstServerID, invoices: [], firstInvoiceID: firstInvoiceID,
            transactions: [], cancellationRequests: [], subscriptionTickets: [], tokens: [:], passwordResets: [:],
            clientGroups: clientGroups, demoClientID: firstCustomerID, demoToken: demoToken,
            demoFixture: SandboxDemoFixture(cancellableServerID: 0, overTrafficServerID: 0, licensedServerID: 0,
                                            lapsedServerID: 0, payableInvoiceID: 0, overdueInvoiceID: 0,
                                            unpaidInvoiceIDs: [], paidInvoiceID: 0, cancelledInvoiceID: 0,
                                            refundedInvoiceID: 0, contactWithPermissionsEmail: "",
                                            contactWithoutPermissionsEmail: ""),
            nextItemID: 1, nextTransactionID: 1, nextContactID: 501, nextRequestID: 1, nextTicketID: 1,
            loginCount: 0, secretsGenerator: secrets)
        state.invoices.reserveCapacity(max(configuration.invoicesPerClient, 8) + configuration.clients * 16)
        state.transactions.reserveCapacity(configuration.invoicesPerClient + configuration.clients * 12)

        DemoCustomerFactory.add(to: &state, invoiceCount: configuration.invoicesPerClient)
        state.tokens[demoToken] = IssuedToken(clientID: state.demoClientID, expires: nil, role: "customer")
        for index in 1..<max(configuration.clients, 1) {
            var rng = SeededGenerator(seed: seed, stream: 1_000 + UInt64(index))
            CustomerFactory.addInternationalCustomer(to: &state, index: index, rng: &rng)
        }
        return state
    }

    static let clientGroups: [ClientGroup] = [
        ClientGroup(id: 1, name: "Корпоративные клиенты", location: .ru, discountPercent: 5),
        ClientGroup(id: 2, name: "Частные лица", location: .ru, discountPercent: 0),
        ClientGroup(id: 3, name: "VIP Customers", location: .com, discountPercent: 10),
        ClientGroup(id: 4, name: "Standard Users", location: .com, discountPercent: 0),
        ClientGroup(id: 5, name: "Resellers", location: .com, discountPercent: 15),
    ]

    /// A short digest of a password for the state file (the sandbox never needs it back).
    static func digest(_ text: String) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return String(h, radix: 16)
    }

    /// The description of one renewal line: product, server and the period it covers.
    static func renewalDescription(_ server: HostedServer, from start: SandboxDay) -> String {
        let end = start.adding(months: server.billingPeriodMonths).adding(days: -1)
        return server.product + " #" + String(server.id) + " (" + start.text + " - " + end.text + ")"
    }

    /// Paid history: dated, paid a few days before its due date through a gateway.
    static func settleAsPaid(_ state: inout SandboxState, invoiceID: Int, daysEarly: Int) {
        guard let i = state.invoiceIndex(invoiceID) else { return }
        let inv = state.invoices[i]
        let paidOn = inv.dueDate.adding(days: -daysEarly)
        state.invoices[i].status = .paid
        state.invoices[i].datePaid = paidOn
        state.invoices[i].paid = inv.total
        state.recordTransaction(clientID: inv.clientID, invoiceID: invoiceID, time: paidOn.midnightUnix + 37_800,
                                gateway: inv.paymentMethod, amount: inv.total, description: "Invoice Payment")
    }

    /// A paid invoice that was refunded in full: the payment and a negative refund transaction.
    static func settleAsRefunded(_ state: inout SandboxState, invoiceID: Int) {
        settleAsPaid(&state, invoiceID: invoiceID, daysEarly: 1)
        guard let i = state.invoiceIndex(invoiceID), let paidOn = state.invoices[i].datePaid else { return }
        let inv = state.invoices[i]
        state.invoices[i].status = .refunded
        state.recordTransaction(clientID: inv.clientID, invoiceID: invoiceID, time: paidOn.adding(days: 3).midnightUnix + 43_200,
                                gateway: inv.paymentMethod, amount: .zero - inv.total, description: "Refund of invoice #" + String(invoiceID))
    }
}
