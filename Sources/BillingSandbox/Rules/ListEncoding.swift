/// Writes the entries of the two lists that grow with a customer's history (`get_invoices` and
/// `transactions`) straight into bytes, without building a `JSONValue` per row: a 100,000-invoice
/// answer then costs about a microsecond per invoice. The shapes are the ones `InvoiceJSON`
/// documents; tests read them back with `JSONParser`.
enum ListEncoding {
    /// One `get_invoices` entry (WHMCS GetInvoices fields plus the reference's).
    static func invoice(_ inv: borrowing InvoiceRecord, currency: String, into out: inout [UInt8]) {
        out.append(0x7B)
        JSONBytes.key("id", first: true, into: &out); JSONBytes.int(inv.id, into: &out)
        JSONBytes.key("userid", into: &out); JSONBytes.int(inv.clientID, into: &out)
        JSONBytes.key("clientid", into: &out); JSONBytes.int(inv.clientID, into: &out)
        JSONBytes.key("invoicenum", into: &out); JSONBytes.writeString(inv.number, into: &out)
        JSONBytes.key("date", into: &out); JSONBytes.day(inv.date, into: &out)
        JSONBytes.key("duedate", into: &out); JSONBytes.day(inv.dueDate, into: &out)
        JSONBytes.key("datepaid", into: &out)
        if let paid = inv.datePaid {
            out.append(0x22)
            JSONBytes.day(paid, quoted: false, into: &out)
            out.append(contentsOf: Self.noon)
        } else {
            out.append(contentsOf: Self.noDate)
        }
        JSONBytes.key("subtotal", into: &out); JSONBytes.cents(inv.subtotal, quoted: true, into: &out)
        JSONBytes.key("credit", into: &out); JSONBytes.cents(inv.credit, quoted: true, into: &out)
        JSONBytes.key("tax", into: &out); JSONBytes.cents(inv.tax, quoted: true, into: &out)
        JSONBytes.key("tax2", into: &out); out.append(contentsOf: Self.zero)
        JSONBytes.key("total", into: &out); JSONBytes.cents(inv.total, quoted: false, into: &out)
        JSONBytes.key("taxrate", into: &out); JSONBytes.cents(Cents(Int64(inv.taxPercent) * 100), quoted: true, into: &out)
        JSONBytes.key("status", into: &out); JSONBytes.writeString(inv.status.rawValue, into: &out)
        JSONBytes.key("paymentmethod", into: &out); JSONBytes.writeString(inv.paymentMethod, into: &out)
        JSONBytes.key("currencycode", into: &out); JSONBytes.writeString(currency, into: &out)
        out.append(0x7D)
    }

    /// One `transactions` entry.
    static func transaction(_ t: borrowing PaymentTransaction, currency: String, into out: inout [UInt8]) {
        out.append(0x7B)
        JSONBytes.key("id", first: true, into: &out); JSONBytes.int(t.id, into: &out)
        JSONBytes.key("amount", into: &out); JSONBytes.cents(t.amount, quoted: false, into: &out)
        JSONBytes.key("currency", into: &out); JSONBytes.writeString(currency, into: &out)
        JSONBytes.key("status", into: &out); out.append(contentsOf: Self.completed)
        JSONBytes.key("date", into: &out); JSONBytes.isoDateTime(t.time, into: &out)
        JSONBytes.key("description", into: &out); JSONBytes.writeString(t.description, into: &out)
        JSONBytes.key("invoiceid", into: &out); JSONBytes.int(t.invoiceID, into: &out)
        JSONBytes.key("gateway", into: &out); JSONBytes.writeString(t.gateway, into: &out)
        JSONBytes.key("transid", into: &out); JSONBytes.writeString(t.transactionID, into: &out)
        out.append(0x7D)
    }

    private static let noon: [UInt8] = Array(" 12:00:00\"".utf8)
    private static let noDate: [UInt8] = Array("\"0000-00-00 00:00:00\"".utf8)
    private static let zero: [UInt8] = Array("\"0.00\"".utf8)
    private static let completed: [UInt8] = Array("\"Completed\"".utf8)
}
