import Foundation

/// Invoices, credit, payments and transactions.
extension APIClient {
    /// `get_invoices`: every invoice of the customer in a billing location. `currency` is the
    /// client's currency, used where a record does not name its own.
    public func getInvoices(location: String? = nil, currency: Currency = .unknown) throws(APIError) -> [Invoice] {
        var p = FormParameters()
        p.add("location", ifPresent: location)
        return try send(.getInvoices, p, fastDecode: { InvoiceListDecoder.decode($0, currency: currency) },
                        decode: { Invoice.list(from: $0, currency: currency) })
    }

    /// `get_invoice`, optionally with the client block.
    public func getInvoice(id: Int, loadClientData: Bool = true, currency: Currency = .unknown) throws(APIError) -> Invoice {
        try Validation.requireID(id, "invoice id")
        var p = FormParameters()
        p.add("invoice_id", id)
        if loadClientData { p.add("load_client_data", 1) }
        var json = try send(.getInvoice, p)
        // The reference's example has no id: take the one asked for.
        if case .object(var o) = json, o.first("invoiceid", "id", "invoice_id") == nil {
            o["invoiceid"] = .int(id)
            json = .object(o)
        }
        guard let inv = Invoice(json: json, currency: currency) else {
            throw APIError.unexpectedShape(action: "get_invoice", detail: "no invoice id")
        }
        return inv
    }

    /// `get_related_invoices` of a server (relid) or an account.
    public func getRelatedInvoices(serverID: Int? = nil, accountID: Int? = nil, currency: Currency = .unknown) throws(APIError) -> [Invoice] {
        var p = FormParameters()
        p.add("id", ifPresent: serverID)
        p.add("account_id", ifPresent: accountID)
        return try send(.getRelatedInvoices, p, fastDecode: { InvoiceListDecoder.decode($0, currency: currency) },
                        decode: { Invoice.list(from: $0, currency: currency) })
    }

    /// `getcredits`: the available credit.
    public func getCredits(serverID: Int? = nil, currency: Currency = .unknown) throws(APIError) -> CreditBalance {
        var p = FormParameters()
        p.add("server_id", ifPresent: serverID)
        let json = try send(.getCredits, p)
        guard let c = CreditBalance(json: json, currency: currency) else {
            throw APIError.unexpectedShape(action: "getcredits", detail: "no balance in the answer")
        }
        return c
    }

    /// `getpaymentgw` for an invoice.
    public func getPaymentGateways(invoiceID: Int) throws(APIError) -> [PaymentGateway] {
        try Validation.requireID(invoiceID, "invoice id")
        var p = FormParameters()
        p.add("invoice_id", invoiceID)
        return PaymentGateway.list(from: try send(.getPaymentGateways, p))
    }

    /// `transactions`, for an invoice or one transaction.
    public func transactions(invoiceID: Int? = nil, transactionID: String? = nil, currency: Currency = .unknown) throws(APIError) -> [Transaction] {
        var p = FormParameters()
        p.add("transaction_id", ifPresent: transactionID)
        p.add("invoice_id", ifPresent: invoiceID)
        return Transaction.list(from: try send(.transactions, p), currency: currency)
    }

    /// `download_invoice`: the PDF bytes (the answer carries them base64-encoded in `message`).
    public func downloadInvoice(id: Int, proforma: Bool = false) throws(APIError) -> Data {
        try Validation.requireID(id, "invoice id")
        var p = FormParameters()
        p.add("invoice_id", id)
        p.add("proforma_invoice", proforma ? 1 : 0)
        p.add("viewpdf", 0)
        let json = try send(.downloadInvoice, p)
        guard let b64 = json.objectValue?.first("message", "pdf", "data")?.text,
              let data = Data(base64Encoded: b64, options: .ignoreUnknownCharacters), !data.isEmpty else {
            throw APIError.unexpectedShape(action: "download_invoice", detail: "no base64 PDF in the answer")
        }
        guard data.starts(with: Array("%PDF".utf8)) else {
            throw APIError.unexpectedShape(action: "download_invoice", detail: "the file is not a PDF")
        }
        return data
    }

    /// `apply_credit`: spends credit on an unpaid invoice. The server caps the amount at the
    /// invoice balance; the result says what was applied.
    public func applyCredit(invoiceID: Int, amount: Money) throws(APIError) -> ApplyCreditResult {
        try Validation.requireID(invoiceID, "invoice id")
        try Validation.requirePositive(amount.amount, "amount")
        var p = FormParameters()
        p.add("invoice_id", invoiceID)
        p.add("amount", amount.plainText)
        return ApplyCreditResult(json: try send(.applyCredit, p), invoiceID: invoiceID, requested: amount)
    }

    /// `create_addfunds`: a top-up invoice. The minimum (20 unless `subscribe`) is the server's rule.
    public func createAddFunds(amount: Money, description: String? = nil, subscribe: Bool = false) throws(APIError) -> AddFundsResult {
        try Validation.requirePositive(amount.amount, "amount")
        var p = FormParameters()
        p.add("amount", amount.plainText)
        p.add("description", ifPresent: description)
        if subscribe { p.add("subscribe", true) }
        return AddFundsResult(json: try send(.createAddFunds, p), requested: amount)
    }

    /// `mass_pay`: one combined invoice for two or more unpaid invoices.
    public func massPay(invoiceIDs: [Int]) throws(APIError) -> MassPayResult {
        var seen = Set<Int>()
        let unique = invoiceIDs.filter { seen.insert($0).inserted }
        guard unique.count >= 2 else { throw APIError.invalidRequest("mass pay needs at least 2 different invoices") }
        for id in unique { try Validation.requireID(id, "invoice id") }
        var p = FormParameters()
        p.add(array: "invoices", unique)
        return MassPayResult(json: try send(.massPay, p))
    }
}
