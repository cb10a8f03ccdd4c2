import Foundation
import BillingAPI

// MARK: - Opening the customer, invoices and servers; applying read results

extension Console {
    /// Loads everything about the customer at once; the runner runs the reads in parallel.
    mutating func openCustomer() -> [Effect] {
        customerGeneration += 1
        let t = LoadTicket(scope: .customer, generation: customerGeneration)
        let loc = environment.billingLocation
        customer.details.start()
        customer.credit.start()
        customer.contacts.start()
        customer.groups.start()
        customer.invoicesLoading = true
        customer.invoicesError = nil
        var effects: [Effect] = [
            .read(.client(billingLocation: loc), t), .read(.credit, t), .read(.contacts, t),
            .read(.clientGroups(location: loc), t), .read(.invoices(location: loc), t), .read(.authInfo, t),
        ]
        if let d = detail { effects += openInvoice(d.invoiceID) }
        return effects
    }

    /// Another profile: a new customer on the same console value. Generations only grow, so the
    /// previous runner's late answers never match a current ticket. The sort order is kept (a
    /// preference, like the page size); the filter, marks and panels belong to the previous customer.
    mutating func reopen(_ env: ConsoleEnvironment) -> [Effect] {
        if isWriteInFlight { say(Messages.writeInFlight, .warning); return [] }
        let sort = list.sort, pageSize = list.pageSize
        environment = env
        customer = CustomerState()
        customer.sessionServers = env.sessionServers
        list = InvoiceList(today: env.today)
        list.setSort(sort)
        list.setPageSize(pageSize)
        detail = nil
        invoiceGeneration += 1
        server = nil
        serverGeneration += 1
        modal = nil
        confirm = nil
        isEditingFilter = false
        contactCursor = 0
        focus = .invoices
        status = nil
        return openCustomer()
    }

    /// Re-reads parts of the customer (after a write) under the current generation.
    func customerReads(_ requests: [ReadRequest]) -> [Effect] {
        let t = LoadTicket(scope: .customer, generation: customerGeneration)
        return requests.map { .read($0, t) }
    }

    mutating func openInvoice(_ id: Int) -> [Effect] {
        invoiceGeneration += 1
        let t = LoadTicket(scope: .invoice(id), generation: invoiceGeneration)
        var d = InvoiceDetail(invoiceID: id)
        if let old = detail, old.invoiceID == id {
            // Keep what is shown while re-reading the same invoice.
            d.invoice.value = old.invoice.value
            d.transactions.value = old.transactions.value
            d.gateways.value = old.gateways.value
            d.downloadMessage = old.downloadMessage
            // ...and the agent's place in it (a reload after a payment re-reads the same invoice).
            d.scroll = old.scroll
            d.linkCursor = old.linkCursor
        }
        detail = d
        focus = .detail
        return [.read(.invoice(id: id), t), .read(.transactions(invoiceID: id), t), .read(.paymentGateways(invoiceID: id), t)]
    }

    mutating func closeInvoice() {
        detail = nil
        invoiceGeneration += 1
        focus = .invoices
    }

    mutating func openServer(_ id: Int) -> [Effect] {
        guard id > 0 else { say(Messages.badServerID, .error); return [] }
        serverGeneration += 1
        let t = LoadTicket(scope: .server(id), generation: serverGeneration)
        var panel = ServerPanel(serverID: id)
        if let old = server, old.serverID == id {
            panel.billingData.value = old.billingData.value
            panel.requests.value = old.requests.value
            panel.relatedInvoices.value = old.relatedInvoices.value
        }
        server = panel
        return [.read(.billingData(serverID: id), t), .read(.cancellationRequests(serverID: id), t),
                .read(.relatedInvoices(serverID: id), t)]
    }

    /// Whether a result still belongs to what is on screen.
    func isCurrent(_ ticket: LoadTicket) -> Bool {
        switch ticket.scope {
        case .customer: return ticket.generation == customerGeneration
        case .invoice(let id): return ticket.generation == invoiceGeneration && detail?.invoiceID == id
        case .server(let id): return ticket.generation == serverGeneration && server?.serverID == id
        }
    }

    mutating func readFinished(_ request: ReadRequest, _ ticket: LoadTicket, _ result: Result<ReadResult, APIError>) -> [Effect] {
        guard isCurrent(ticket) else { return [] }
        switch result {
        case .success(let value): return apply(value, for: request)
        case .failure(let error): applyFailure(error, for: request); return []
        }
    }

    private mutating func apply(_ value: ReadResult, for request: ReadRequest) -> [Effect] {
        switch value {
        case .client(let c):
            customer.details.finish(c)
            customer.adoptClientCurrency()
        case .credit(let c):
            customer.credit.finish(c)
            customer.adoptClientCurrency()
        case .contacts(let c):
            customer.contacts.finish(c)
            contactCursor = min(contactCursor, max(0, c.contacts.count - 1))
        case .clientGroups(let g): customer.groups.finish(g)
        case .invoices(let index):
            customer.invoicesLoading = false
            customer.invoicesError = nil
            list.load(index, today: environment.today)
            customer.invoiceServerIDs = index.serverIDs
        case .authInfo(let info):
            var merged = customer.sessionServers
            for s in info.servers where !merged.contains(where: { $0.id == s.id }) { merged.append(s) }
            customer.sessionServers = merged
        case .invoice(let inv):
            detail?.invoice.finish(inv)
            for id in inv.serverIDs where !customer.invoiceServerIDs.contains(id) { customer.invoiceServerIDs.append(id) }
        case .transactions(let t): detail?.transactions.finish(t)
        case .paymentGateways(let g): detail?.gateways.finish(g)
        case .pdf(let data):
            guard case .downloadInvoice(let id, let proforma) = request else { return [] }
            return [.saveFile(SaveFile(folder: environment.downloadFolder,
                                       preferredName: DownloadName.preferred(invoiceID: id, proforma: proforma),
                                       data: data, invoiceID: id))]
        case .billingData(let b): server?.billingData.finish(b)
        case .relatedInvoices(let r): server?.relatedInvoices.finish(r)
        case .cancellationRequests(let r): server?.requests.finish(r)
        }
        return []
    }

    private mutating func applyFailure(_ error: APIError, for request: ReadRequest) {
        let text = Messages.loadFailed(request, error)
        switch request {
        case .client: customer.details.fail(text)
        case .credit: customer.credit.fail(text)
        case .contacts: customer.contacts.fail(text)
        case .clientGroups: customer.groups.fail(text)
        case .invoices: customer.invoicesLoading = false; customer.invoicesError = text
        case .authInfo: return   // optional: servers also come from the login and invoices
        case .invoice: detail?.invoice.fail(text)
        case .transactions: detail?.transactions.fail(text)
        case .paymentGateways:
            // Invoices that are not Unpaid have no gateways and the server says so: the pane
            // shows it, the status line is kept for real problems.
            detail?.gateways.fail(text)
            return
        case .downloadInvoice: detail?.downloading = false; detail?.downloadMessage = text
        case .billingData: server?.billingData.fail(text)
        case .relatedInvoices: server?.relatedInvoices.fail(text)
        case .cancellationRequests: server?.requests.fail(text)
        }
        say(text, .error)
    }

    mutating func fileSaved(invoiceID: Int, _ result: Result<String, SaveError>) -> [Effect] {
        let text: String
        switch result {
        case .success(let path): text = Messages.saved(path)
        case .failure(let e): text = e.message
        }
        if detail?.invoiceID == invoiceID {
            detail?.downloading = false
            detail?.downloadMessage = text
        }
        if case .success = result { say(text, .success) } else { say(text, .error) }
        return []
    }
}
