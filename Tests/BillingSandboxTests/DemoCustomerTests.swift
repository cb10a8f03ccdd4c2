@testable import BillingSandbox
import BillingAPI
import Foundation
import Testing

@Suite("Demo customer and generated data")
struct DemoCustomerTests {
    static func hasCyrillic(_ s: String) -> Bool { s.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) } }

    @Test("the demo customer's guarantees hold whatever the seed", arguments: [0, 1, 2, 3, 42, 977, 1_234_567, UInt64.max])
    func guarantees(seed: UInt64) throws {
        let h = try SandboxHarness(seed: seed, clients: 3, invoices: 10)
        let client = try h.call("get_client")
        let profile = try #require(client["client"])
        #expect(Self.hasCyrillic(profile["companyname"]?.text ?? "") || Self.hasCyrillic(profile["fullname"]?.text ?? ""))
        #expect(Self.hasCyrillic(profile["fullname"]?.text ?? ""))
        #expect(client["billing_location"]?.text == "whmcs_ru")
        #expect(profile["currency_code"]?.text == "RUB")

        let list = try h.call("get_invoices")["invoices"]?["invoice"]?.arrayValue ?? []
        let statuses = list.compactMap { $0["status"]?.text }
        let unpaid = list.filter { $0["status"]?.text == "Unpaid" }
        #expect(unpaid.count >= 3)
        #expect(unpaid.contains { ($0["duedate"]?.text ?? "9999") < SandboxHarness.today.text }, "one unpaid invoice is overdue")
        for status in ["Paid", "Cancelled", "Refunded"] { #expect(statuses.contains(status), "has a \(status) invoice") }

        let credit = try #require(amount(try h.call("getcredits")["message"]))
        let cheapest = try #require(unpaid.compactMap { amount($0["total"]) }.min())
        #expect(credit >= cheapest, "the credit pays at least one unpaid invoice in full")

        let contacts = try h.call("get_contacts")["contacts"]?.arrayValue ?? []
        #expect(contacts.count >= 2)

        let login = try h.auth("login", [("key", h.sandbox.demoAPIKey), ("ttl", "3600")])
        #expect((login["servers"] ?? login["result"]?["servers"])?.listElements.count ?? 0 >= 2)
        let blocked = try h.call("request_cancellation", [("id", String(h.fixture.overTrafficServerID)), ("cancellation_type", "0")])
        #expect(blocked["code"]?.int == -3)
        let allowed = try h.call("request_cancellation", [("id", String(h.fixture.cancellableServerID)), ("cancellation_type", "0")])
        #expect(isSuccess(allowed))
    }

    @Test("same seed, same data; another seed, other data")
    func determinism() throws {
        func snapshot(_ seed: UInt64) throws -> [String] {
            let h = try SandboxHarness(seed: seed, clients: 5, invoices: 40)
            var parts = [h.sandbox.demoToken, h.sandbox.demoAPIKey]
            for action in ["get_invoices", "get_client", "get_contacts", "transactions", "getcredits"] {
                parts.append(JSONWriter.compact(try h.call(action)))
            }
            parts.append(contentsOf: h.sandbox.customerIDs.compactMap { h.sandbox.apiKey(clientID: $0) })
            return parts
        }
        #expect(try snapshot(11) == snapshot(11))
        #expect(try snapshot(11) != snapshot(12))
    }

    @Test("the demo customer has as many invoices as asked, never fewer than its guarantees need")
    func invoiceCount() throws {
        #expect(try SandboxHarness(invoices: 50).call("get_invoices")["totalresults"]?.int == 50)
        let few = try SandboxHarness(invoices: 1).call("get_invoices")["totalresults"]?.int ?? 0
        #expect(few == DemoCustomerFactory.guaranteedInvoiceCount)
    }

    @Test("other customers are in whmcs_com, pay in USD or EUR, and have Latin names")
    func otherCustomers() throws {
        let h = try SandboxHarness(seed: 5, clients: 8)
        let others = h.sandbox.customerIDs.filter { $0 != h.demoID }
        #expect(others.count == 7)
        for (index, id) in others.enumerated() {
            let key = try #require(h.sandbox.apiKey(clientID: id))
            if index == 0 {
                // The second customer never has an active server.
                let refused = try h.auth("login", [("key", key)])
                #expect(refused["code"]?.text == "NO_APPROPRIATE_SERVERS")
                continue
            }
            let token = try h.login(apiKey: key)
            let client = try h.call("get_client", token: token)
            #expect(client["billing_location"]?.text == "whmcs_com")
            #expect(["USD", "EUR"].contains(client["client"]?["currency_code"]?.text ?? ""))
            #expect(!Self.hasCyrillic(client["client"]?["fullname"]?.text ?? "x"))
            #expect(client["client"]?["id"]?.int == id)
        }
    }

    @Test("invoice items name the server they bill, and every demo server appears in them")
    func itemsCarryServers() throws {
        let h = try SandboxHarness()
        let servers = Set(h.sandbox.serverIDs(clientID: h.demoID))
        var seen: Set<Int> = []
        for id in h.sandbox.invoiceIDs(clientID: h.demoID) {
            let invoice = try h.call("get_invoice", [("invoice_id", String(id))])
            for item in invoice["items"]?["item"]?.arrayValue ?? [] where item["type"]?.text != "Invoice" {
                if let relid = item["relid"]?.int, relid != 0 { seen.insert(relid) }
            }
        }
        #expect(seen == servers)
    }

    @Test("100,000 invoices for one customer: generated, listed in full and paged")
    func largeCustomer() throws {
        let sandbox = Sandbox(configuration: SandboxConfiguration(seed: 3, clients: 2, invoicesPerClient: 100_000,
                                                                  today: SandboxHarness.today))
        let transport = SandboxTransport(sandbox: sandbox)
        var form = FormParameters()
        form.add("action", "get_invoices")
        form.add("token", sandbox.demoToken)
        let response = try transport.send(HTTPRequest(url: "http://127.0.0.1/whmcs.php", body: form.encodedData,
                                                      actionName: "get_invoices", isMutating: false))
        let json = try JSONParser.parse(response.body)
        #expect(json["totalresults"]?.int == 100_000)
        #expect(json["invoices"]?["invoice"]?.arrayValue?.count == 100_000)
        form.add("limitstart", 99_990)
        form.add("limitnum", 25)
        let page = try JSONParser.parse(try transport.send(HTTPRequest(url: "http://127.0.0.1/whmcs.php", body: form.encodedData,
                                                                       actionName: "get_invoices", isMutating: false)).body)
        #expect(page["numreturned"]?.int == 10)
    }
}
