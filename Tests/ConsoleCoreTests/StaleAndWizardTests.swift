import BillingAPI
@testable import ConsoleCore
import Foundation
import Testing

@Suite struct StaleAndWizardTests {
    func console() -> Console {
        Console(environment: ConsoleEnvironment(profileName: "p", today: BillingDate(year: 2024, month: 6, day: 21)!, downloadFolder: "/tmp"))
    }

    @Test func resultsForALeftInvoiceAreDropped() {
        var c = console()
        let a = c.handle(.openInvoice(1))
        _ = c.handle(.openInvoice(2))
        guard case .read(let req, let ticket)? = a.first else { Issue.record("no read"); return }
        let stale = Invoice(id: 1, status: .paid, total: Money(5, .usd))
        #expect(c.handle(.readFinished(req, ticket, .success(.invoice(stale)))).isEmpty)
        #expect(c.detail?.invoiceID == 2 && c.detail?.invoice.value == nil)
    }

    @Test func resultsForAnEarlierCustomerLoadAreDropped() {
        var c = console()
        let first = c.handle(.open)
        _ = c.handle(.switchBillingLocation("whmcs_ru"))
        guard case .read(_, let old)? = first.first(where: { if case .read(.invoices, _) = $0 { return true }; return false }) else {
            Issue.record("no invoices read"); return
        }
        _ = c.handle(.readFinished(.invoices(location: nil), old, .success(.invoices(InvoiceIndex([Invoice(id: 1, status: .paid, total: Money(1, .usd))])))))
        #expect(c.list.invoices.isEmpty)
        #expect(c.customer.invoicesLoading)
    }

    @Test func wizardWalksStepsAndConfirmsByTypingTheServerID() {
        var c = console()
        let effects = c.handle(.startCancellation(serverID: 456))
        #expect(effects.count == 3)
        guard case .read(_, let t)? = effects.first else { return }
        var b = BillingData(json: .object(JSONObject()), serverID: 456, currency: .usd)
        b?.recurringAmount = Money(30, .usd)
        b?.billingPeriodMonths = 1
        b?.nextDueDate = BillingDate(year: 2024, month: 7, day: 1)
        if let b { _ = c.handle(.readFinished(.billingData(serverID: 456), t, .success(.billingData(b)))) }
        _ = c.handle(.readFinished(.cancellationRequests(serverID: 456), t, .success(.cancellationRequests([]))))
        _ = c.handle(.key(.enter))                 // -> type
        _ = c.handle(.key(.char("1")))             // immediate
        _ = c.handle(.key(.enter))                 // -> reason
        _ = c.handle(.key(.enter))                 // reason required
        guard case .cancellation(let w1)? = c.modal else { Issue.record("closed"); return }
        #expect(w1.step == .reason && w1.error == Messages.reasonRequired)
        for ch in "moving" { _ = c.handle(.key(.char(ch))) }
        _ = c.handle(.key(.enter))                 // -> review
        guard case .cancellation(let w2)? = c.modal else { return }
        #expect(w2.step == .review)
        #expect(w2.refundEstimate(billing: c.server?.billingData.value, today: c.environment.today) == Money(10, .usd))
        #expect(w2.parameters.formParameters == FormParameters([("id", "456"), ("cancellation_type", "1"), ("cancellation_reason", "moving")]))
        _ = c.handle(.key(.enter))                 // -> confirm dialog
        #expect(c.confirm?.write.typedConfirmation == "456")
        #expect(c.handle(.key(.enter)).isEmpty)    // not typed yet
        for ch in "456" { _ = c.handle(.key(.char(ch))) }
        let send = c.handle(.key(.enter))
        #expect(send.count == 1)
        guard case .write(let id, let pw)? = send.first else { return }
        #expect(c.handle(.key(.enter)).isEmpty)    // in flight
        let after = c.handle(.writeFinished(id: id, pw.purpose, .failed(.refused(code: .number(-3), message: "whmcs_server_exceded_traffic"))))
        #expect(after.isEmpty)
        guard case .cancellation(let w3)? = c.modal else { return }
        #expect(w3.step == .result)
        #expect(w3.advice?.kind == .overTraffic)
        #expect(c.confirm == nil)
    }

    @Test func adviceForKnownRefusals() {
        #expect(CancellationAdvice.explain(.refused(code: .number(-1), message: "Server has active licenses")).kind == .licenses)
        #expect(CancellationAdvice.explain(.refused(code: .number(-1), message: "There are unpaid invoices")).kind == .unpaidInvoices)
        #expect(CancellationAdvice.explain(.refused(code: .number(-1), message: "Request already exists")).kind == .alreadyRequested)
        #expect(CancellationAdvice.explain(.refused(code: .number(-1), message: "boom")).kind == .other)
    }

    @Test func profileEditValidatesDiffsAndAttachesServerFieldError() {
        var c = console()
        let t = LoadTicket(scope: .customer, generation: 0)
        _ = c.handle(.open)
        let json = try? JSONParser.parse(Data(#"{"client":{"id":7,"email":"a@b.example","firstname":"Ann","lastname":"Lee"}}"#.utf8))
        guard let json, let details = ClientDetails(json: json) else { Issue.record("fixture"); return }
        _ = c.handle(.readFinished(.client(billingLocation: nil), LoadTicket(scope: .customer, generation: 1), .success(.client(details))))
        _ = t
        _ = c.handle(.editProfile)
        _ = c.handle(.submit)
        guard case .form(let f0)? = c.modal else { Issue.record("no form"); return }
        #expect(f0.error == Messages.nothingChanged)
        _ = c.handle(.nextField); _ = c.handle(.nextField); _ = c.handle(.nextField)   // phone
        for ch in "12ab" { _ = c.handle(.input(ch)) }
        _ = c.handle(.submit)
        guard case .form(let f1)? = c.modal else { return }
        #expect(f1.fields[3].error == Messages.badPhone)
        for _ in 0..<2 { _ = c.handle(.deleteBackward) }
        for ch in "34567" { _ = c.handle(.input(ch)) }
        _ = c.handle(.submit)
        #expect(c.confirm?.write.parameters == FormParameters([("profile_data[client_id]", "7"), ("profile_data[co_smsnum]", "1234567")]))
        #expect(c.confirm?.write.summary.last == "Phone:  → 1234567")
        guard case .write(let id, let w)? = c.handle(.confirm).first else { Issue.record("not sent"); return }
        _ = c.handle(.writeFinished(id: id, w.purpose, .failed(.refused(code: .number(-1), message: "invalid profile data: co_smsnum is bad"))))
        guard case .form(let f2)? = c.modal else { return }
        #expect(f2.fields[3].error == "invalid profile data: co_smsnum is bad")
        #expect(c.confirm == nil)
    }
}
