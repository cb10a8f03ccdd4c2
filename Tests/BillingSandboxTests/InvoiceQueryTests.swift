@testable import BillingSandbox
import BillingAPI
import Foundation
import Testing

@Suite("Invoices: get_invoices, get_invoice, get_related_invoices, transactions, getpaymentgw, download_invoice")
struct InvoiceQueryTests {
    static let listFields = ["id", "userid", "clientid", "invoicenum", "date", "duedate", "datepaid", "subtotal", "credit", "tax",
                             "total", "status", "paymentmethod", "currencycode"]

    @Test("get_invoices answers {result, invoices: {invoice: [...]}} with WHMCS's fields, newest first")
    func listShape() throws {
        let h = try SandboxHarness()
        let answer = try h.call("get_invoices")
        #expect(answer["result"]?.text == "OK")
        let list = try #require(answer["invoices"]?["invoice"]?.arrayValue)
        #expect(list.count == 24)
        for entry in list {
            for field in Self.listFields { #expect(entry[field] != nil, "field \(field)") }
            #expect(entry["userid"]?.int == h.demoID && entry["currencycode"]?.text == "RUB")
            // WHMCS's fields as two-decimal strings, the reference's total as a number.
            guard case .string(let subtotal)? = entry["subtotal"], case .number? = entry["total"] else {
                Issue.record("money fields are not in the expected shapes"); continue
            }
            #expect(subtotal.split(separator: ".").last?.count == 2)
            #expect(SandboxDay(text: entry["date"]?.text ?? "") != nil)
        }
        let ids = list.compactMap { $0["id"]?.int }
        #expect(ids == ids.sorted(by: >))
    }

    @Test("get_invoices filters by status (Overdue included) and pages with limitstart/limitnum")
    func listFilters() throws {
        let h = try SandboxHarness()
        let unpaid = try h.call("get_invoices", [("status", "Unpaid")])["invoices"]?["invoice"]?.arrayValue ?? []
        #expect(Set(unpaid.compactMap { $0["id"]?.int }) == Set(h.fixture.unpaidInvoiceIDs))
        let overdue = try h.call("get_invoices", [("status", "Overdue")])["invoices"]?["invoice"]?.arrayValue ?? []
        #expect(overdue.compactMap { $0["id"]?.int } == [h.fixture.overdueInvoiceID])
        let page = try h.call("get_invoices", [("limitstart", "5"), ("limitnum", "3")])
        #expect(page["numreturned"]?.int == 3 && page["totalresults"]?.int == 24 && page["startnumber"]?.int == 5)
        let all = try h.call("get_invoices")["invoices"]?["invoice"]?.arrayValue ?? []
        #expect(page["invoices"]?["invoice"]?.arrayValue?.map { $0["id"] } == Array(all[5..<8]).map { $0["id"] })
        #expect(failureMessage(try h.call("get_invoices", [("location", "whmcs_com")]))?.hasPrefix("failed to retrive invoices") == true)
    }

    @Test("get_invoice: the reference's fields, WHMCS GetInvoice's, items with the server they bill")
    func detail() throws {
        let h = try SandboxHarness()
        let id = h.fixture.overdueInvoiceID
        let answer = try h.call("get_invoice", [("invoice_id", String(id))])
        for field in ["billing", "currencycode", "status", "invoiceid", "date", "duedate", "datepaid", "subtotal", "credit", "tax",
                      "total", "balance", "paymentmethod", "items", "transactions"] {
            #expect(answer[field] != nil, "field \(field)")
        }
        #expect(answer["billing"]?.text == "whmcs_ru" && answer["status"]?.text == "Unpaid" && answer["invoiceid"]?.int == id)
        #expect(answer["customer"] == nil)
        #expect(answer["transactions"] == .string(""), "no transactions: WHMCS's empty string")
        let items = try #require(answer["items"]?["item"]?.arrayValue)
        #expect(items.count == 2)
        #expect(items.allSatisfy { $0["relid"]?.int == h.fixture.overTrafficServerID && $0["inv_id"]?.int == id })
        #expect(Set(items.compactMap { $0["type"]?.text }) == ["Hosting", "Traffic"])
        let sum = items.compactMap { amount($0["amount"]) }.reduce(0, +)
        #expect(amount(answer["subtotal"]) == sum && amount(answer["total"]) == sum && amount(answer["balance"]) == sum)

        let withClient = try h.call("get_invoice", [("invoice_id", String(id)), ("load_client_data", "1")])
        #expect(withClient["customer"]?["client"]?["email"]?.text?.hasPrefix("billing@") == true)
        let paid = try h.call("get_invoice", [("invoice_id", String(h.fixture.paidInvoiceID))])
        #expect(paid["transactions"]?["transaction"]?.listElements.count == 1)
        #expect(failureMessage(try h.call("get_invoice", [])) == "invalid invoice id 0 at whmcs_ru")
        #expect(failureMessage(try h.call("get_invoice", [("invoice_id", "999999")])) == "invalid invoice id 999999 at whmcs_ru")
    }

    @Test("get_related_invoices by server id, by account id, or all")
    func related() throws {
        let h = try SandboxHarness()
        let server = h.fixture.overTrafficServerID
        let byServer = try h.call("get_related_invoices", [("id", String(server))])["invoices"]?.arrayValue ?? []
        #expect(!byServer.isEmpty)
        for entry in byServer {
            let id = try #require(entry["invoiceid"]?.int)
            let items = try h.call("get_invoice", [("invoice_id", String(id))])["items"]?["item"]?.arrayValue ?? []
            #expect(items.contains { $0["relid"]?.int == server })
            #expect(entry["currency"]?.text == "RUB" && entry["userid"]?.int == h.demoID)
        }
        let account = try #require(try h.call("get_billing_data", [("id", String(server))])["data"]?["account_id"]?.int)
        let byAccount = try h.call("get_related_invoices", [("account_id", String(account))])["invoices"]?.arrayValue ?? []
        #expect(byAccount == byServer)
        #expect(try h.call("get_related_invoices")["invoices"]?.arrayValue?.count == 24)
        #expect(failureMessage(try h.call("get_related_invoices", [("id", "123")])) == "server 123 are not linked to the billing")
    }

    @Test("transactions: all of the caller's, or filtered by invoice or transaction id")
    func transactions() throws {
        let h = try SandboxHarness()
        let all = try h.call("transactions")
        #expect(all["action"]?.text == "transactions")
        let list = try #require(all["transactions"]?.arrayValue)
        #expect(list.count == h.sandbox.transactionCount(clientID: h.demoID))
        let refunds = list.filter { (amount($0["amount"]) ?? 0) < 0 }
        #expect(!refunds.isEmpty, "refunded invoices carry a negative transaction")
        let first = try #require(list.first)
        #expect(first["date"]?.text?.hasSuffix("Z") == true && first["status"]?.text == "Completed")
        let byInvoice = try h.call("transactions", [("invoice_id", String(h.fixture.refundedInvoiceID))])["transactions"]?.arrayValue ?? []
        #expect(byInvoice.count == 2)
        let transid = try #require(first["transid"]?.text)
        #expect(try h.call("transactions", [("transaction_id", transid)])["transactions"]?.arrayValue?.count == 1)
        #expect(failureMessage(try h.call("transactions", [("transaction_id", "TX0")]))?.hasPrefix("failed to retrive transactions") == true)
        #expect(failureMessage(try h.call("transactions", [("invoice_id", "5")])) == "failed to retrive transactions - invoice 5 not found")
    }

    @Test("getpaymentgw: a URL, an HTML button and an HTML bank-transfer note, for Unpaid invoices")
    func gateways() throws {
        let h = try SandboxHarness()
        let id = h.fixture.payableInvoiceID
        let methods = try #require(try h.call("getpaymentgw", [("invoice_id", String(id))])["methods"]?.objectValue)
        #expect(methods.keys == ["paymaster", "bitpaycheckout", "banktransfer"])
        #expect(methods["paymaster"]?["call"]?.text == "https://invapi.hostkey.ru/modules/gateways/paymaster.php?id=\(id)")
        #expect(methods["bitpaycheckout"]?["call"]?.text?.hasPrefix("<input type=\"submit\"") == true)
        #expect(methods["banktransfer"]?["call"]?.text?.contains("invoice_id=\(id)</span>") == true)
        #expect(failureMessage(try h.call("getpaymentgw", [("invoice_id", String(h.fixture.paidInvoiceID))]))?
            .hasPrefix("failed to retrive payment gw list") == true)
        #expect(failureMessage(try h.call("getpaymentgw", [("invoice_id", "1")])) == "failed to retrive payment gw list: invoice 1 not found")
    }

    @Test("download_invoice answers result success and a base64 PDF, with or without action")
    func download() throws {
        let h = try SandboxHarness()
        let answer = try h.call("download_invoice", [("invoice_id", String(h.fixture.payableInvoiceID)), ("viewpdf", "1")])
        #expect(answer["result"]?.text == "success")
        let pdf = try #require(Data(base64Encoded: answer["message"]?.text ?? ""))
        #expect(pdf.starts(with: Data("%PDF-1.4".utf8)))
        #expect(failureMessage(try h.call("download_invoice", [("invoice_id", "1")])) == "Invalid invoice id or invalid billing location")

        var form = FormParameters()
        form.add("token", h.sandbox.demoToken)
        form.add("invoice_id", String(h.fixture.paidInvoiceID))
        form.add("proforma_invoice", "0")
        let noAction = try h.send(form, path: "/whmcs.php", action: "download_invoice")
        #expect(noAction["result"]?.text == "success")
        #expect(h.sandbox.requestCount(action: "download_invoice") == 3)
    }
}
