import BillingAPI

/// Finds the invoice a write created in its answer, whatever shape the action uses:
/// `mass_pay` sends `invoiceid`, `create_addfunds` nests it as `invoice.id`, and
/// `generate_due_invoice` lists it under `invoices`.
enum CreatedInvoice {
    static func id(in json: JSONValue?) -> Int? {
        guard let o = json?.objectValue else { return nil }
        if let id = o.int("invoiceid", "invoice_id") { return id }
        if let inner = o["invoice"]?.objectValue, let id = inner.int("id", "invoiceid") { return id }
        if let first = o["invoices"]?.list(wrappedIn: "invoice").first?.objectValue, let id = first.int("id", "invoiceid") { return id }
        return o.int("id")
    }
}
