import BillingAPI
import Foundation

/// `transactions`, `getpaymentgw` and `download_invoice`.
enum PaymentQueries {
    static func transactions(_ ctx: ActionContext, _ state: inout SandboxState) -> RuleOutput {
        let currency = state.customers[ctx.customerIndex].currency
        var invoiceID: Int? = nil
        if let text = ctx.text("invoice_id") {
            guard let i = state.ownInvoiceIndex(Int(text), clientID: ctx.clientID) else {
                return .json(WireAnswer.failure("failed to retrive transactions - invoice " + text + " not found"))
            }
            invoiceID = state.invoices[i].id
        }
        let wantedTransaction = ctx.text("transaction_id")
        var out: [UInt8] = Array(#"{"result":"OK","action":"transactions","transactions":["#.utf8)
        var count = 0
        for i in state.transactions.indices where state.transactions[i].clientID == ctx.clientID {
            if let invoiceID, state.transactions[i].invoiceID != invoiceID { continue }
            if let wantedTransaction, wantedTransaction != state.transactions[i].transactionID,
               wantedTransaction != String(state.transactions[i].id) { continue }
            if count > 0 { out.append(0x2C) }
            ListEncoding.transaction(state.transactions[i], currency: currency, into: &out)
            count += 1
        }
        if let wantedTransaction, count == 0 {
            return .json(WireAnswer.failure("failed to retrive transactions - transaction " + wantedTransaction + " not found"))
        }
        out.append(contentsOf: "]}".utf8)
        return .bytes(out)
    }

    /// The reference's three kinds of gateway answer: a URL, an HTML button, an HTML bank note.
    static func paymentGateways(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        let text = ctx.text("invoice_id") ?? "0"
        guard let i = state.ownInvoiceIndex(Int(text), clientID: ctx.clientID) else {
            return WireAnswer.failure("failed to retrive payment gw list: invoice " + text + " not found")
        }
        let inv = state.invoices[i]
        guard inv.status == .unpaid else {
            return WireAnswer.failure("failed to retrive payment gw list: invoice " + text + " is " + inv.status.rawValue)
        }
        let host = "https://" + state.customers[ctx.customerIndex].location.invapiHost
        let id = String(inv.id)
        return WireAnswer.ok([("methods", WireAnswer.object([
            ("paymaster", WireAnswer.object([("call", .string(host + "/modules/gateways/paymaster.php?id=" + id))])),
            ("bitpaycheckout", WireAnswer.object([("call", .string(
                "<input type=\"submit\" class=\"btn btn-xl btn-block btn-outline-dark rounded btn-sm\" value=\"Pay Now\" />"))])),
            ("banktransfer", WireAnswer.object([("call", .string(
                "<span style='text-align:left'><p data-intl='please_wire_funds_in_favor'>Please wire funds in favor of:&nbsp;</p>"
                + host + "?invoice_id=" + id + "</span>"))])),
        ]))])
    }

    static func downloadInvoice(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        guard let i = state.ownInvoiceIndex(ctx.int("invoice_id"), clientID: ctx.clientID) else {
            return WireAnswer.failure("Invalid invoice id or invalid billing location")
        }
        let pdf = InvoicePDF.render(invoice: state.invoices[i], customer: state.customers[ctx.customerIndex],
                                    proforma: ctx.flag("proforma_invoice"))
        return WireAnswer.object([("result", "success"), ("message", .string(pdf.base64EncodedString()))])
    }
}
