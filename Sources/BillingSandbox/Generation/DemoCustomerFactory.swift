/// Builds the demo customer: a Russian company in `whmcs_ru` paying in RUB, with every case a demo
/// or a test needs, whatever the seed (see `SandboxDemoFixture`). The seed varies names, products
/// and amounts, never the guarantees.
enum DemoCustomerFactory {
    /// The fixed invoices below; the rest of `invoiceCount` is paid history.
    static let guaranteedInvoiceCount = 6

    static func add(to state: inout SandboxState, invoiceCount: Int) {
        var rng = SeededGenerator(seed: state.seed, stream: 1)
        let today = state.today
        let id = state.firstCustomerID + state.customers.count
        state.demoClientID = id
        let company = rng.pick(NameCatalog.russianCompanies)
        let first = rng.pick(NameCatalog.russianFirstNames), last = rng.pick(NameCatalog.russianLastNames)
        let history = max(invoiceCount - guaranteedInvoiceCount, 0)
        let historyDays = history <= 60 ? history * 30 : 1_800
        let deploy = today.adding(days: -(historyDays + 120 + rng.int(0...60)))

        var customer = Customer(
            id: id, internalID: 70_000 + id, location: .ru, firstName: first, lastName: last,
            companyName: company.name, email: "billing@" + company.domain,
            phone: "+7 9" + rng.digits(2) + " " + rng.digits(3) + "-" + rng.digits(2) + "-" + rng.digits(2),
            countryCode: "RU", city: rng.pick(NameCatalog.russianCities), address: rng.pick(NameCatalog.russianStreets),
            postcode: "1" + rng.digits(5), currency: "RUB", status: "Active", groupID: 1, corporate: true,
            customerType: "Company", ips: ["203.0.113." + String(rng.int(2...250))], activeSince: deploy.adding(days: -7),
            credit: .zero, apiKey: state.secretsGenerator.hex(48), passwordDigest: SandboxDataGenerator.digest("demo"),
            twoFactorEnabled: true, autoTopUp: false, tags: ["corporate", "edo"], contacts: [], serverIDs: [], invoiceIDs: [])
        let withPermissions = rng.pick(NameCatalog.russianContactNames)
        let withoutPermissions = NameCatalog.russianContactNames.first { $0.first != withPermissions.first } ?? withPermissions
        customer.contacts = [
            SubContact(id: state.nextContactID, firstName: withPermissions.first, lastName: withPermissions.last,
                    email: "accounting@" + company.domain, phone: "+7 912 000-00-01",
                    permissions: ["profile", "contacts", "invoices", "products", "tickets"], passwordDigest: ""),
            SubContact(id: state.nextContactID + 1, firstName: withoutPermissions.first, lastName: withoutPermissions.last,
                    email: "support@" + company.domain, phone: "+7 912 000-00-02", permissions: ["tickets"], passwordDigest: ""),
        ]
        state.nextContactID += 2
        state.customers.append(customer)

        // Four servers, one per guaranteed case.
        let vps = NameCatalog.products.filter { $0.name.hasPrefix("VPS") }
        let dedicated = NameCatalog.products.filter { $0.name.hasPrefix("Dedicated") }
        let cancellable = addServer(&state, clientID: id, product: rng.pick(vps), deploy: deploy, period: 1,
                                    nextDue: today.adding(days: 10), traffic: (rng.int(50...400), 1_000), rng: &rng)
        let overTraffic = addServer(&state, clientID: id, product: rng.pick(dedicated), deploy: deploy, period: 1,
                                    nextDue: today.adding(days: -15), traffic: (1_000 + rng.int(120...900), 1_000), rng: &rng)
        let licensed = addServer(&state, clientID: id, product: rng.pick(dedicated), deploy: deploy, period: 3,
                                 nextDue: today.adding(days: 5), traffic: (rng.int(100...2_000), 3_000), rng: &rng)
        let lapsed = addServer(&state, clientID: id, product: rng.pick(vps), deploy: deploy, period: 1,
                               nextDue: today.adding(days: -45), traffic: (rng.int(10...200), 1_000), rng: &rng)
        if let i = state.serverIndex(overTraffic) { state.servers[i].trafficOverage = true }
        if let i = state.serverIndex(cancellable) { state.servers[i].subscription = true }
        if let i = state.serverIndex(licensed) {
            let picks = [NameCatalog.licenses[0], NameCatalog.licenses[1 + rng.int(0...2)]]
            state.servers[i].licenses = picks.map { License(name: $0.name, active: true, monthlyPrice: rubles($0.price)) }
            state.servers[i].upgradePending = true
        }
        let serverIDs = [cancellable, overTraffic, licensed, lapsed]

        // Paid history, oldest first, rotating over the servers.
        for k in 0..<history {
            let offset = history <= 60 ? (history - k) * 30 + 30 : 60 + (history - k) * 1_800 / history
            let serverID = serverIDs[k % serverIDs.count]
            guard let s = state.serverIndex(serverID) else { continue }
            let server = state.servers[s]
            let date = today.adding(days: -offset)
            let invoiceID = state.addInvoice(clientID: id, date: date, dueDate: date.adding(days: 14), purpose: .service,
                                             lines: [(.hosting, serverID, SandboxDataGenerator.renewalDescription(server, from: date.adding(days: 14)),
                                                      server.recurringAmount)])
            if k % 23 == 7 {
                if let i = state.invoiceIndex(invoiceID) { state.invoices[i].status = .cancelled }
            } else if k % 41 == 13 {
                SandboxDataGenerator.settleAsRefunded(&state, invoiceID: invoiceID)
            } else {
                SandboxDataGenerator.settleAsPaid(&state, invoiceID: invoiceID, daysEarly: k % 6)
            }
        }

        // The guaranteed invoices.
        func server(_ sid: Int) -> HostedServer { state.servers[state.serverIndex(sid) ?? 0] }
        let refunded = state.addInvoice(clientID: id, date: today.adding(days: -90), dueDate: today.adding(days: -76), purpose: .service,
                                        lines: [(.setup, lapsed, "Установка и настройка #" + String(lapsed), rubles(Int64(rng.int(20...60)) * 100))])
        SandboxDataGenerator.settleAsRefunded(&state, invoiceID: refunded)
        let cancelled = state.addInvoice(clientID: id, date: today.adding(days: -60), dueDate: today.adding(days: -46), purpose: .service,
                                         lines: [(.upgrade, licensed, "Upgrade RAM 64 GB -> 128 GB #" + String(licensed), rubles(4_900))])
        if let i = state.invoiceIndex(cancelled) { state.invoices[i].status = .cancelled }
        let s1 = server(cancellable)
        let paid = state.addInvoice(clientID: id, date: today.adding(days: -34), dueDate: today.adding(days: -20), purpose: .service,
                                    lines: [(.hosting, cancellable, SandboxDataGenerator.renewalDescription(s1, from: today.adding(days: -20)), s1.recurringAmount)])
        SandboxDataGenerator.settleAsPaid(&state, invoiceID: paid, daysEarly: 2)
        let s2 = server(overTraffic)
        let overageGB = s2.trafficUsedGB - s2.trafficLimitGB
        let overdue = state.addInvoice(clientID: id, date: today.adding(days: -29), dueDate: today.adding(days: -15), purpose: .service,
                                       lines: [(.hosting, overTraffic, SandboxDataGenerator.renewalDescription(s2, from: s2.nextDueDate), s2.recurringAmount),
                                               (.traffic, overTraffic, "Перерасход трафика " + String(overageGB) + " ГБ #" + String(overTraffic),
                                                Cents(Int64(overageGB) * 300))])
        let s3 = server(licensed)
        var licensedLines: [(kind: InvoiceLine.Kind, relid: Int, description: String, amount: Cents)] =
            [(.hosting, licensed, SandboxDataGenerator.renewalDescription(s3, from: s3.nextDueDate), s3.recurringAmount)]
        for lic in s3.licenses {
            licensedLines.append((.license, licensed, lic.name + " x" + String(s3.billingPeriodMonths) + " #" + String(licensed),
                                  Cents(lic.monthlyPrice.value * Int64(s3.billingPeriodMonths))))
        }
        let licensedInvoice = state.addInvoice(clientID: id, date: today.adding(days: -9), dueDate: today.adding(days: 5),
                                               purpose: .service, lines: licensedLines)
        let payable = state.addInvoice(clientID: id, date: today.adding(days: -4), dueDate: today.adding(days: 10), purpose: .service,
                                       lines: [(.hosting, cancellable, SandboxDataGenerator.renewalDescription(s1, from: s1.nextDueDate), s1.recurringAmount)])

        // Enough credit to pay the cheapest unpaid invoice in full, and some over.
        if let c = state.customerIndex(id), let p = state.invoiceIndex(payable) {
            state.customers[c].credit = state.invoices[p].total + rubles(Int64(rng.int(5...40)) * 100)
        }
        state.demoFixture = SandboxDemoFixture(
            cancellableServerID: cancellable, overTrafficServerID: overTraffic, licensedServerID: licensed,
            lapsedServerID: lapsed, payableInvoiceID: payable, overdueInvoiceID: overdue,
            unpaidInvoiceIDs: [overdue, licensedInvoice, payable], paidInvoiceID: paid, cancelledInvoiceID: cancelled,
            refundedInvoiceID: refunded, contactWithPermissionsEmail: "accounting@" + company.domain,
            contactWithoutPermissionsEmail: "support@" + company.domain)
    }

    /// A catalogue price (in US cents) as roubles, rounded to a whole rouble.
    static func rubles(_ usCents: Int64) -> Cents { Cents((usCents * 95 + 50) / 100 * 100) }

    private static func addServer(_ state: inout SandboxState, clientID: Int, product: (name: String, price: Int64),
                                  deploy: SandboxDay, period: Int, nextDue: SandboxDay, traffic: (Int, Int),
                                  rng: inout SeededGenerator) -> Int {
        let id = state.firstServerID + state.servers.count
        let price = Cents(rubles(product.price).value * Int64(period))
        state.servers.append(HostedServer(
            id: id, accountID: 200_000 + id, clientID: clientID, hostname: "srv" + String(id) + ".hostkey.ru",
            product: product.name, datacenter: rng.pick(["RU", "NL", "FI"]), status: "Active", deployDate: deploy,
            billingPeriodMonths: period, recurringAmount: price, nextDueDate: nextDue, trafficUsedGB: traffic.0,
            trafficLimitGB: traffic.1, trafficOverage: false, licenses: [], subscription: false, upgradePending: false))
        if let c = state.customerIndex(clientID) { state.customers[c].serverIDs.append(id) }
        return id
    }
}
