import BillingAPI

/// How invoices appear on the wire (the long lists are written by `ListEncoding`). Amounts are mixed as the real API mixes them: WHMCS's own
/// fields are two-decimal strings (`"subtotal": "49.99"`), the fields the reference shows as numbers
/// stay numbers (`"total": 49.99`, item `"amount": 50.0`).
enum InvoiceJSON {
    /// `get_invoice`: the reference's fields, then WHMCS GetInvoice's.
    static func detail(_ inv: InvoiceRecord, customer: Customer, transactions: [PaymentTransaction], withClient: Bool) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("result", "OK"), ("billing", .string(customer.location.rawValue)), ("currencycode", .string(customer.currency)),
            ("status", .string(inv.status.rawValue)), ("invoiceid", .int(inv.id)), ("invoicenum", .string(inv.number)),
            ("userid", .int(inv.clientID)), ("date", .string(inv.date.text)), ("duedate", .string(inv.dueDate.text)),
            ("datepaid", .string(datePaid(inv))), ("subtotal", inv.subtotal.string), ("credit", inv.credit.string),
            ("tax", inv.tax.string), ("tax2", "0.00"), ("total", inv.total.string), ("balance", inv.balance.string),
            ("taxrate", .string(String(inv.taxPercent) + ".00")), ("paymentmethod", .string(inv.paymentMethod)),
            ("notes", ""),
            ("items", .object(JSONObject([("item", .array(inv.items.map { item(inv, $0) }))]))),
            // WHMCS answers an empty list as "" here; clients must read both.
            ("transactions", transactions.isEmpty ? "" : .object(JSONObject([("transaction", .array(transactions.map {
                transaction($0, currency: customer.currency)
            }))]))),
        ]
        if withClient {
            members.append(("customer", .object(JSONObject([("client", client(customer))]))))
        }
        return .object(JSONObject(members))
    }

    static func item(_ inv: InvoiceRecord, _ item: InvoiceLine) -> JSONValue {
        .object(JSONObject([
            ("id", .int(item.id)), ("inv_id", .int(inv.id)), ("type", .string(item.kind.rawValue)), ("relid", .int(item.relid)),
            ("description", .string(item.description)), ("amount", item.amount.number), ("taxed", .int(item.taxed ? 1 : 0)),
        ]))
    }

    /// A transaction as `transactions` and `get_invoice` show it.
    static func transaction(_ t: PaymentTransaction, currency: String) -> JSONValue {
        .object(JSONObject([
            ("id", .int(t.id)), ("amount", t.amount.number), ("currency", .string(currency)), ("status", "Completed"),
            ("date", .string(WireAnswer.isoDateTime(t.time))), ("description", .string(t.description)),
            ("invoiceid", .int(t.invoiceID)), ("gateway", .string(t.gateway)), ("transid", .string(t.transactionID)),
        ]))
    }

    /// The customer block of `get_invoice` with `load_client_data=1`.
    static func client(_ c: Customer) -> JSONValue {
        .object(JSONObject([
            ("id", .int(c.id)), ("firstname", .string(c.firstName)), ("lastname", .string(c.lastName)),
            ("fullname", .string(c.fullName)), ("companyname", .string(c.companyName)), ("email", .string(c.email)),
            ("address1", .string(c.address)), ("city", .string(c.city)), ("postcode", .string(c.postcode)),
            ("countrycode", .string(c.countryCode)), ("phonenumber", .string(c.phone)), ("currency_code", .string(c.currency)),
        ]))
    }

    static func datePaid(_ inv: InvoiceRecord) -> String {
        guard let d = inv.datePaid else { return WireAnswer.noDateTime }
        return d.text + " 12:00:00"
    }
}
