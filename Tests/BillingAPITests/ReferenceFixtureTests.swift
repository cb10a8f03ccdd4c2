import BillingAPI
import Foundation
import Testing

/// Every example answer and every example failure of whmcs-api.txt, through the typed methods.
@Suite("Reference examples")
struct ReferenceFixtureTests {
    static let allActions = Action.allCases.map(\.rawValue)

    @Test(arguments: allActions)
    func everyExampleFailureIsARefusalWithItsCode(_ action: String) throws {
        let (client, _) = Fixture.client(answering: "\(action).failure")
        let a = try #require(Action(rawValue: action))
        do {
            _ = try client.send(a, FormParameters())
            Issue.record("\(action) failure fixture was accepted")
        } catch {
            // "Invalid token or access denied" is an authentication failure, not a plain refusal.
            let (code, message): (APICode?, String)
            switch error {
            case .refused(let c, let m): (code, message) = (c, m)
            case .authentication(let c, let m) where action == "get_clientgroups": (code, message) = (c, m)
            default: Issue.record("\(action): \(error)"); return
            }
            #expect(!message.isEmpty)
            let expected: APICode = action == "request_cancellation" ? .number(-3) : .number(-1)
            #expect(code == expected, "\(action)")
        }
    }

    @Test(arguments: allActions)
    func everyExampleSuccessIsAccepted(_ action: String) throws {
        let (client, t) = Fixture.client(answering: action)
        let a = try #require(Action(rawValue: action))
        let json = try client.send(a, FormParameters())
        #expect(json.objectValue != nil)
        #expect(t.sent.count == 1)
        #expect(t.sent[0].form["action"] == action)
        #expect(t.sent[0].form["token"] == "T0KEN-secret")
        #expect(!t.sent[0].url.contains("T0KEN"))
        #expect(t.sent[0].url == "https://invapi.hostkey.com/whmcs.php")
    }

    @Test func getClient() throws {
        let (c, t) = Fixture.client(answering: "get_client")
        let d = try c.getClient(full: true)
        #expect(d.client.id == 123)
        #expect(d.client.fullName == "John Doe")
        #expect(d.client.companyName == "Company LLC")
        #expect(d.client.currency == .usd)
        #expect(d.client.isCorporate == false)
        #expect(d.billingLocation == "whmcs_com")
        #expect(d.internalAccount?.id == 456)
        #expect(d.internalAccount?.activeSince?.description == "2023-01-15")
        #expect(d.group == nil)
        #expect(t.sent[0].form["full"] == "1")
    }

    @Test func getClientGroups() throws {
        let groups = try Fixture.client(answering: "get_clientgroups").0.getClientGroups()
        #expect(groups == [ClientGroup(id: 1, name: "VIP Customers"), ClientGroup(id: 2, name: "Standard Users")])
    }

    @Test func getContacts() throws {
        let list = try Fixture.client(answering: "get_contacts").0.getContacts()
        #expect(list.permissionGranted == true)
        #expect(list.contacts.count == 1)
        #expect(list.contacts[0].id == 123)
        #expect(list.contacts[0].permissions == ["contacts"])
    }

    @Test func getInvoices() throws {
        let list = try Fixture.client(answering: "get_invoices").0.getInvoices(currency: .usd)
        #expect(list.count == 1)
        let inv = list[0]
        #expect(inv.id == 101)
        #expect(inv.status == .paid)
        #expect(inv.total == Money(DecimalText.parse("49.99")!, .usd))
        #expect(inv.date?.description == "2023-10-01")
        #expect(inv.dueDate?.description == "2023-11-01")
        #expect(inv.clientID == 5)
        #expect(inv.balance.isZero)
    }

    @Test func getInvoiceTakesTheRequestedIdAndItsCurrency() throws {
        let (c, t) = Fixture.client(answering: "get_invoice")
        let inv = try c.getInvoice(id: 123, currency: .rub)
        #expect(inv.id == 123)
        #expect(inv.currency == .usd)          // the record's own currencycode wins
        #expect(inv.status == .paid)
        #expect(inv.items.count == 1)
        #expect(inv.items[0].type == "Hosting")
        #expect(inv.items[0].amount == Money(50, .usd))
        #expect(inv.total == Money(50, .usd))  // no total sent: the sum of the items
        #expect(inv.billingLocation == "whmcs_ru")
        #expect(inv.customer?.displayName == "John Doe")
        #expect(t.sent[0].form["invoice_id"] == "123")
        #expect(t.sent[0].form["load_client_data"] == "1")
    }

    @Test func getRelatedInvoices() throws {
        let list = try Fixture.client(answering: "get_related_invoices").0.getRelatedInvoices(serverID: 9)
        #expect(list.count == 1)
        #expect(list[0].id == 123)
        #expect(list[0].total.plainText == "29.99")
        #expect(list[0].currency == .usd)
    }

    @Test func getCredits() throws {
        let c = try Fixture.client(answering: "getcredits").0.getCredits(currency: .usd)
        #expect(c.amount == Money(DecimalText.parse("150.5")!, .usd))
    }

    @Test func getPaymentGatewaysReducesHTML() throws {
        let gws = try Fixture.client(answering: "getpaymentgw").0.getPaymentGateways(invoiceID: 123)
        #expect(gws.map(\.name) == ["paymaster", "bitpaycheckout", "banktransfer"])
        #expect(gws[0].links == ["https://invapi.hostkey.com/modules/gateways/paymaster.php?id=123"])
        #expect(gws[1].text == "[Pay Now]")
        #expect(gws[2].text.hasPrefix("Please wire funds in favor of:"))
        #expect(gws[2].links == ["https://invapi.hostkey.com?invoice_id=123"])
        #expect(!gws[2].text.contains("<"))
    }

    @Test func transactions() throws {
        let list = try Fixture.client(answering: "transactions").0.transactions(invoiceID: 123)
        #expect(list.count == 1)
        #expect(list[0].id == "12345")
        #expect(list[0].amount == Money(50, .usd))
        #expect(list[0].day?.description == "2024-05-20")
        #expect(list[0].description == "Payment for invoice #123")
    }

    @Test func downloadInvoiceRejectsThePlaceholderButDecodesARealPDF() throws {
        #expect(throws: APIError.self) { try Fixture.client(answering: "download_invoice").0.downloadInvoice(id: 12345) }
        let pdf = Data("%PDF-1.4\n%%EOF\n".utf8)
        let t = RecordingTransport(json: #"{"result":"success","message":"\#(pdf.base64EncodedString())"}"#)
        let c = APIClient(transport: t, credentials: .token("t"))
        #expect(try c.downloadInvoice(id: 12345, proforma: true) == pdf)
        #expect(t.sent[0].form["proforma_invoice"] == "1")
        #expect(t.sent[0].form["action"] == "download_invoice")
    }

    @Test func applyCredit() throws {
        let (c, t) = Fixture.client(answering: "apply_credit")
        let r = try c.applyCredit(invoiceID: 123, amount: Money(DecimalText.parse("60")!, .usd))
        #expect(r.invoiceID == 123)
        #expect(r.applied == Money(50, .usd))
        #expect(r.status == .paid)
        #expect(t.sent[0].form["amount"] == "60.00")
    }

    @Test func createAddFunds() throws {
        let (c, t) = Fixture.client(answering: "create_addfunds")
        let r = try c.createAddFunds(amount: Money(50, .usd), subscribe: true)
        #expect(r.invoiceID == 12345)
        #expect(r.status == .unpaid)
        #expect(r.message == "Invoice 12345 created")
        #expect(t.sent[0].form["subscribe"] == "1")
    }

    @Test func massPay() throws {
        let (c, t) = Fixture.client(answering: "mass_pay")
        #expect(try c.massPay(invoiceIDs: [12345, 67890]).invoiceID == 12345)
        #expect(t.sent[0].form.values("invoices[]") == ["12345", "67890"])
        #expect(throws: APIError.self) { try c.massPay(invoiceIDs: [1, 1]) }
        #expect(t.sent.count == 1)
    }

    @Test func generateDueInvoice() throws {
        let list = try Fixture.client(answering: "generate_due_invoice").0.generateDueInvoice(serverID: 5)
        #expect(list.first?.id == 12345)
        #expect(list.first?.total == Money(DecimalText.parse("29.99")!, .usd))
        #expect(list.first?.status == .unpaid)
    }

    @Test func getBillingData() throws {
        let d = try Fixture.client(answering: "get_billing_data").0.getBillingData(serverID: 77)
        #expect(d.serverID == 77)
        #expect(d.accountID == 12345)
        #expect(d.billingLocation == "whmcs_ru")
        #expect(d.status == "Active")
        #expect(d.customerName == "John Doe")
        #expect(d.location == "RU")
    }

    @Test func getCancellationRequests() throws {
        let (c, t) = Fixture.client(answering: "get_cancellation_requests")
        let list = try c.getCancellationRequests(CancellationFilter(serverID: 123, from: BillingDate(text: "2024-01-01")))
        #expect(list.count == 1)
        #expect(list[0].serverID == 123)
        #expect(list[0].type == "End of Billing Period")
        #expect(list[0].dueDate?.description == "2024-06-20")
        #expect(list[0].isCorporate == false)
        #expect(list[0].customerID == 101)
        #expect(t.sent[0].form["period_from"] == "2024-01-01")
    }

    @Test func requestCancellationSendsEveryParameterAndKeepsCodeMinus3() throws {
        let (c, t) = Fixture.client(answering: "request_cancellation")
        var p = CancellationParameters(serverID: 12345, type: .immediate, reason: "Переезд")
        p.refund = Money(50, .usd)
        p.billing = "whmcs_ru"
        _ = try c.requestCancellation(p)
        let f = t.sent[0].form
        #expect(f["id"] == "12345")
        #expect(f["cancellation_type"] == "1")
        #expect(f["cancellation_reason"] == "Переезд")
        #expect(f["refund"] == "50.00")
        #expect(f["currency"] == "USD")
        #expect(f["billing"] == "whmcs_ru")
        let (failing, _) = Fixture.client(answering: "request_cancellation.failure")
        #expect(throws: APIError.refused(code: .number(-3), message: "whmcs_server_exceded_traffic")) { try failing.requestCancellation(p) }
    }

    @Test func deleteCancellationRequestAndSubscription() throws {
        let json = try Fixture.client(answering: "delete_cancellation_request").0.deleteCancellationRequest(serverID: 5)
        #expect(json["data"]?["result"]?.text == "success")
        let r = try Fixture.client(answering: "request_subscription_cancellation").0
            .requestSubscriptionCancellation(serverID: 5, reason: "bank")
        #expect(r.fields["billing"] == "string")
    }

    @Test func contactsAndProfileWrites() throws {
        let add = try Fixture.client(answering: "add_contact").0.addContact(ContactDraft(firstName: "John", email: "j@example.com", password: "x"))
        #expect(add.clientID == 123)
        let (uc, t) = Fixture.client(answering: "update_contact")
        #expect(try uc.updateContact(id: 12345, ContactDraft(firstName: "J", email: "j@example.com")).contactID == 12345)
        #expect(t.sent[0].form["params[contact_id]"] == "12345")
        #expect(try Fixture.client(answering: "delete_contact").0.deleteContact(id: 5).clientID == 12345)
        let upd = try Fixture.client(answering: "update_client").0.updateClient(ClientProfileUpdate(clientID: 12345, location: "whmcs_ru", email: "new@example.com"))
        #expect(upd.clientID == 12345)
        #expect(upd.location == "whmcs_ru")
    }

    @Test func updateClientFailureShapeKeepsTheMessage() throws {
        let c = Fixture.client(answering: "update_client.failure").0
        #expect(throws: APIError.refused(code: .number(-1), message: "invalid profile data: billing_email can't be empty")) {
            try c.updateClient(ClientProfileUpdate(clientID: 1, email: "a@b.co"))
        }
    }

    @Test func resetPasswordNeverExposesTheDebugToken() throws {
        let r = try Fixture.client(answering: "reset_password").0.resetPassword(.sendLink(email: "a@example.com", location: nil))
        #expect(r.message == "Password reset link was sent to the registred email.")
        #expect(!"\(r)".contains("abc123xyz"))
    }

    @Test func invalidInputIsRefusedBeforeSending() {
        let (c, t) = Fixture.client(answering: "apply_credit")
        #expect(throws: APIError.self) { try c.applyCredit(invoiceID: 0, amount: Money(1, .usd)) }
        #expect(throws: APIError.self) { try c.applyCredit(invoiceID: 5, amount: Money(0, .usd)) }
        #expect(throws: APIError.self) { try c.createAddFunds(amount: Money(-5, .usd)) }
        #expect(throws: APIError.self) { try c.addContact(ContactDraft(firstName: "A", email: "not-an-email")) }
        #expect(throws: APIError.self) { try c.requestCancellation(CancellationParameters(serverID: 5, type: .immediate, reason: "  ")) }
        #expect(t.sent.isEmpty)
    }
}
