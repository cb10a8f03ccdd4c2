/// Builds the other customers: companies and individuals in `whmcs_com`, paying in USD or EUR,
/// with Latin names, a few servers each and a varied invoice history. Customer index 1 (the
/// second customer) never has an active server, so logging in as it answers
/// `NO_APPROPRIATE_SERVERS`.
enum CustomerFactory {
    static func addInternationalCustomer(to state: inout SandboxState, index: Int, rng: inout SeededGenerator) {
        let today = state.today
        let id = state.firstCustomerID + state.customers.count
        let first = rng.pick(NameCatalog.latinFirstNames), last = rng.pick(NameCatalog.latinLastNames)
        let isCompany = rng.chance(60)
        let company = isCompany ? rng.pick(NameCatalog.latinCompanies) : ""
        let place = rng.pick(NameCatalog.latinCities)
        let slug = (first + "." + last).lowercased().replacingOccurrences(of: " ", with: "")
        let since = today.adding(days: -rng.int(90...1_500))
        let customer = Customer(
            id: id, internalID: 70_000 + id, location: .com, firstName: first, lastName: last, companyName: company,
            email: slug + String(id) + (isCompany ? "@example.com" : "@example.net"),
            phone: "+31 6 " + rng.digits(8), countryCode: place.country, city: place.city,
            address: String(rng.int(1...200)) + " Harbour Street", postcode: rng.digits(4) + " AB",
            currency: rng.chance(50) ? "USD" : "EUR", status: "Active", groupID: rng.pick([3, 4, 4, 5]),
            corporate: isCompany, customerType: isCompany ? "Company" : "Individual", ips: [],
            activeSince: since, credit: Cents(Int64(rng.int(0...500)) * 100 + Int64(rng.int(0...99))),
            apiKey: state.secretsGenerator.hex(48), passwordDigest: SandboxDataGenerator.digest(slug),
            twoFactorEnabled: rng.chance(20), autoTopUp: false, tags: [], contacts: [], serverIDs: [], invoiceIDs: [])
        state.customers.append(customer)
        guard let c = state.customerIndex(id) else { return }

        for n in 0..<rng.int(0...2) {
            let name = (rng.pick(NameCatalog.latinFirstNames), rng.pick(NameCatalog.latinLastNames))
            let permissions = n == 0 ? ["profile", "contacts", "invoices"] : ["invoices"]
            state.customers[c].contacts.append(SubContact(
                id: state.nextContactID, firstName: name.0, lastName: name.1,
                email: (name.0 + "." + name.1).lowercased().replacingOccurrences(of: " ", with: "") + String(state.nextContactID) + "@example.org",
                phone: "+31 6 " + rng.digits(8), permissions: permissions, passwordDigest: ""))
            state.nextContactID += 1
        }

        let serverCount = index == 1 ? 1 : rng.int(1...3)
        for _ in 0..<serverCount { addServer(&state, clientID: id, since: since, terminated: index == 1, rng: &rng) }

        let serverIDs = state.customers[c].serverIDs
        let invoiceCount = rng.int(4...14)
        for k in 0..<invoiceCount {
            let serverID = serverIDs[k % serverIDs.count]
            guard let s = state.serverIndex(serverID) else { continue }
            let server = state.servers[s]
            let date = today.adding(days: -((invoiceCount - k) * 30 - 10 + rng.int(0...5)))
            let invoiceID = state.addInvoice(clientID: id, date: date, dueDate: date.adding(days: 14), purpose: .service,
                                             lines: [(.hosting, serverID, SandboxDataGenerator.renewalDescription(server, from: date.adding(days: 14)),
                                                      server.recurringAmount)])
            let roll = rng.int(0...99)
            guard let i = state.invoiceIndex(invoiceID) else { continue }
            switch roll {
            case 0..<66: SandboxDataGenerator.settleAsPaid(&state, invoiceID: invoiceID, daysEarly: rng.int(0...6))
            case 66..<80 where index != 1: state.invoices[i].status = .unpaid
            case 80..<87: state.invoices[i].status = .cancelled
            case 87..<91: SandboxDataGenerator.settleAsRefunded(&state, invoiceID: invoiceID)
            case 91..<94: state.invoices[i].status = .collections
            case 94..<97: state.invoices[i].status = .paymentPending
            case 97..<100: state.invoices[i].status = .draft
            default: SandboxDataGenerator.settleAsPaid(&state, invoiceID: invoiceID, daysEarly: 1)
            }
        }
    }

    private static func addServer(_ state: inout SandboxState, clientID: Int, since: SandboxDay, terminated: Bool,
                                  rng: inout SeededGenerator) {
        let id = state.firstServerID + state.servers.count
        let product = rng.pick(NameCatalog.products)
        let period = rng.pick([1, 1, 1, 3, 12])
        let deploy = since.adding(days: rng.int(0...60))
        var nextDue = deploy
        while nextDue < state.today.adding(days: -10) { nextDue = nextDue.adding(months: period) }
        let limit = rng.pick([1_000, 3_000, 10_000])
        let over = !terminated && rng.chance(15)
        var licenses: [License] = []
        if rng.chance(20) {
            let l = rng.pick(NameCatalog.licenses)
            licenses.append(License(name: l.name, active: true, monthlyPrice: Cents(l.price)))
        }
        state.servers.append(HostedServer(
            id: id, accountID: 200_000 + id, clientID: clientID, hostname: "srv" + String(id) + ".hostkey.com",
            product: product.name, datacenter: rng.pick(NameCatalog.datacenters), status: terminated ? "Terminated" : "Active",
            deployDate: deploy, billingPeriodMonths: period, recurringAmount: Cents(product.price * Int64(period)),
            nextDueDate: nextDue, trafficUsedGB: over ? limit + rng.int(10...500) : rng.int(0...(limit * 9 / 10)),
            trafficLimitGB: limit, trafficOverage: over, licenses: licenses, subscription: rng.chance(30),
            upgradePending: rng.chance(10)))
        if let c = state.customerIndex(clientID) { state.customers[c].serverIDs.append(id) }
    }
}
