@testable import BillingAPI
import Foundation
import Testing

/// The byte-level list decoder must agree with the JSON-tree decoder wherever it answers, and
/// step aside (nil) wherever it cannot read plainly.
@Suite("Fast invoice list decoding")
struct InvoiceListDecoderTests {
    func both(_ body: String, _ currency: Currency = .usd) throws -> (fast: [Invoice]?, tree: [Invoice]) {
        let data = Data(body.utf8)
        return (InvoiceListDecoder.decode(data, currency: currency), Invoice.list(from: try JSONParser.parse(data), currency: currency))
    }

    @Test(arguments: [
        #"{"result":"OK","invoices":{"invoice":[{"id":101,"clientid":5,"userid":5,"status":"Paid","total":49.99,"date":"2023-10-01","duedate":"2023-11-01"}]}}"#,
        #"{"result":"OK","invoices":[{"userid":45,"status":"Paid","invoiceid":123,"total":29.99,"currency":"USD"}]}"#,
        #"{ "result" : "success" , "totalresults": "2", "invoices" : { "invoice" : [ { "id" : "7", "status" : "Unpaid", "total" : "15.95", "duedate" : "2020-01-01", "date": "0000-00-00", "currencycode": "EUR", "extra": {"a": [1, true, null]} }, {"id": 8, "status": "Wibble", "total": 1e2, "balance": "0.50", "subtotal": null} ] } }"#,
        #"{"result":"OK","invoices":{"invoice":[]}}"#,
        #"{"code":0,"result":"OK","invoices":[{"id":1,"status":"Payment Pending","total":"0.10","tax":"0.00","credit":"0.20","paymentmethod":"banktransfer","invoicenum":"INV-1"},{"status":"Paid","total":1}]}"#,
    ])
    func agreesWithTheTreeDecoder(_ body: String) throws {
        let r = try both(body)
        let fast = try #require(r.fast)
        #expect(fast == r.tree)
    }

    @Test(arguments: [
        #"{"code":-1,"message":"failed to retrive invoices: error message"}"#,
        #"{"-1":"x"}"#,
        #"{"result":"error","message":"x"}"#,
        #"{"invoices":[{"id":1}]}"#,                                      // no result: let the general path decide
        #"{"result":"OK","invoices":{"invoice":[{"id":1,"notes":"a\"b"}]}}"#,   // escapes
        #"{"result":"OK","invoices":{"invoice":[{"id":1,"notes":"Заметка"}]}}"#, // non-ASCII
        #"{"result":"OK","invoices":{"invoice":[{"id":1,"items":{"item":[]}}]}}"#,
        #"{"result":"OK","invoices":""}"#,
        #"{"result":"OK","invoices":{"invoice":{"id":1}}}"#,
        #"{"result":"OK","invoices":[{"id":1,"total":"1,5"}]}"#,
        #"{"result":"OK","invoices":[{"id":1}"#,
        #"{"result":"OK","invoices":[{"id":1}]} trailing"#,
    ])
    func stepsAsideForAnythingButThePlainShape(_ body: String) {
        #expect(InvoiceListDecoder.decode(Data(body.utf8), currency: .usd) == nil)
    }

    @Test func bodyEntryPointFallsBackAndRejectsFailures() {
        #expect(Invoice.list(fromBody: Data(#"{"result":"OK","invoices":{"invoice":{"id":"3","status":"Unpaid","total":"2"}}}"#.utf8), currency: .usd)?.first?.id == 3)
        #expect(Invoice.list(fromBody: Data(#"{"code":-1,"message":"x"}"#.utf8), currency: .usd) == nil)
        #expect(Invoice.list(fromBody: Data("<html>".utf8), currency: .usd) == nil)
    }

    @Test func largeGeneratedListsMatch() throws {
        var s = #"{"result":"OK","invoices":{"invoice":["#
        let statuses = ["Paid", "Unpaid", "Cancelled", "Refunded", "Collections", "Draft", "Payment Pending"]
        for i in 0..<2000 {
            if i > 0 { s += "," }
            s += #"{"id":\#(i + 1),"userid":5,"status":"\#(statuses[i % 7])","total":\#(i % 3 == 0 ? "\"\(i).\(i % 100)\"" : "\(i).5"),"date":"2024-0\#(1 + i % 9)-1\#(i % 10)","duedate":"2024-02-2\#(i % 9)","currencycode":"\#(i % 2 == 0 ? "USD" : "RUB")"}"#
        }
        s += "]}}"
        let r = try both(s)
        #expect(r.fast?.count == 2000)
        #expect(r.fast == r.tree)
    }

    @Test func theClientUsesItAndStillReadsOddShapes() throws {
        let odd = RecordingTransport(json: #"{"result":"OK","invoices":{"invoice":{"id":"9","status":"Unpaid","total":"3.30","notes":"\u0041"}}}"#)
        let list = try APIClient(transport: odd, credentials: .token("t")).getInvoices(currency: .eur)
        #expect(list.map(\.id) == [9])
        #expect(list.first?.total == Money(DecimalText.parse("3.3")!, .eur))
        let failing = RecordingTransport(json: #"{"code":-1,"message":"failed to retrive invoices: error message"}"#)
        #expect(throws: APIError.refused(code: .number(-1), message: "failed to retrive invoices: error message")) {
            try APIClient(transport: failing, credentials: .token("t")).getInvoices()
        }
    }
}
