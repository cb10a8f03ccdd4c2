import BillingAPI
import Foundation
import Testing

/// The shape variations NOTES.md describes: envelopes, list wrappers, numbers as strings.
@Suite("Answer shapes")
struct ShapeVariationTests {
    func classify(_ body: String, status: Int = 200, mutating: Bool = false) -> Result<JSONValue, APIError> {
        ResponseClassifier.classify(HTTPResponse(status: status, body: Data(body.utf8)), action: "x", isMutating: mutating)
    }

    @Test func successEnvelopes() {
        for body in [#"{"result":"OK"}"#, #"{"result":"success"}"#, #"{"result":"ok","x":1}"#, #"{"token":"t"}"#, #"{"result":1}"#, "[]"] {
            #expect((try? classify(body).get()) != nil, "\(body)")
        }
    }

    @Test func failureEnvelopes() {
        #expect(throws: APIError.refused(code: .number(-1), message: "m")) { try classify(#"{"code":-1,"message":"m"}"#).get() }
        #expect(throws: APIError.refused(code: .number(-3), message: "e")) { try classify(#"{"code":"-3","error":"e"}"#).get() }
        #expect(throws: APIError.refused(code: .text("NO_APPROPRIATE_SERVERS"), message: "No appropriate servers found")) {
            try classify(#"{"code":"NO_APPROPRIATE_SERVERS","message":"No appropriate servers found"}"#).get()
        }
        #expect(throws: APIError.refused(code: .number(-1), message: "invalid profile data: x")) { try classify(#"{"-1":"invalid profile data: x"}"#).get() }
        #expect(throws: APIError.refused(code: nil, message: "boom")) { try classify(#"{"result":"error","message":"boom"}"#).get() }
        #expect(throws: APIError.refused(code: nil, message: "Invalid token")) { try classify(#"{"result":"error","error":"Invalid token"}"#).get() }
        #expect(throws: APIError.self) { try classify(#"{"result":5}"#).get() }
        #expect((try? classify(#"{"code":0,"result":"OK"}"#).get()) != nil)
    }

    @Test func httpAndBodyFailuresCarryStatusAndASanitizedPrefix() {
        let html = "<html><body>\u{1B}[31mBad gateway" + String(repeating: "x", count: 500) + "</body></html>"
        guard case .failure(.httpStatus(502, let prefix)) = classify(html, status: 502) else { Issue.record("expected httpStatus"); return }
        #expect(prefix.count == 200)
        #expect(!prefix.contains("\u{1B}"))
        guard case .failure(.unreadable(200, _, let p2)) = classify("<html>oops</html>") else { Issue.record("expected unreadable"); return }
        #expect(p2 == "<html>oops</html>")
        guard case .failure(.unreadable(200, let reason, _)) = classify("   ") else { Issue.record("expected empty"); return }
        #expect(reason == "empty body")
        guard case .failure(.unreadable) = classify(#"{"result":"OK","invoices":{"invo"#) else { Issue.record("expected truncated"); return }
    }

    @Test func writesWithUnusableAnswersAreOutcomeUnknown() {
        for (body, status) in [("<html>502</html>", 502), ("", 200), (#"{"result":"su"#, 200), ("<html>", 200)] {
            let r = classify(body, status: status, mutating: true)
            guard case .failure(let e) = r, e.isOutcomeUnknown else { Issue.record("\(body) \(status): \(r)"); continue }
        }
        // A 401 means the token was refused before anything ran: not unknown.
        guard case .failure(.httpStatus(401, _)) = classify("", status: 401, mutating: true) else { Issue.record("401"); return }
    }

    @Test(arguments: [
        #"{"result":"OK","invoices":[]}"#,
        #"{"result":"OK","invoices":""}"#,
        #"{"result":"OK"}"#,
        #"{"result":"OK","invoices":{"invoice":[]}}"#,
        #"{"result":"OK","invoices":{}}"#,
        #"{"result":"OK","invoices":null}"#,
    ])
    func emptyListShapes(_ body: String) throws {
        let json = try JSONParser.parse(body)
        #expect(Invoice.list(from: json, currency: .usd).isEmpty)
    }

    @Test func oneElementListAsABareObjectAndNumbersAsStrings() throws {
        let body = #"{"result":"OK","invoices":{"invoice":{"id":"7","userid":"5","status":"Unpaid","total":"15.95","duedate":"2020-01-01","date":"0000-00-00"}}}"#
        let list = Invoice.list(from: try JSONParser.parse(body), currency: .eur)
        #expect(list.count == 1)
        #expect(list[0].id == 7)
        #expect(list[0].total == Money(DecimalText.parse("15.95")!, .eur))
        #expect(list[0].balance == list[0].total)
        #expect(list[0].date == nil)
        #expect(list[0].isOverdue(today: BillingDate(text: "2020-01-02")!))
        #expect(!list[0].isOverdue(today: BillingDate(text: "2020-01-01")!))
    }

    @Test func statusFieldNamesVaryAndUnknownStatusesSurvive() throws {
        let body = #"{"invoices":[{"id":1,"paymentstatus":"Paid","total":1},{"id":2,"invoicestatus":"Payment Pending","total":1},{"id":3,"status":"Wibble\u001b[2J","total":1}]}"#
        let list = Invoice.list(from: try JSONParser.parse(body), currency: .usd)
        #expect(list.map(\.status) == [.paid, .paymentPending, .other("Wibble")])
        #expect(list[2].status.description == "Wibble")
    }

    @Test func contactsPermissionsAndServerListShapes() throws {
        let c = try JSONParser.parse(#"{"contacts":{"contact":{"id":"4","email":"a@b.c","permissions":"invoices, contacts"}}}"#)
        #expect(ContactList(json: c).contacts.first?.permissions == ["invoices", "contacts"])
        for servers in [#"[1, "2", {"id": 3, "name": "web"}]"#, #"{"1": "a", "2": {"name":"b"}, "3": "c"}"#] {
            let login = try JSONParser.parse(#"{"token":"t","servers":\#(servers)}"#)
            let s = try #require(AuthSession(json: login, requestedTTL: 60, now: Date()))
            #expect(Set(s.servers.map(\.id)) == [1, 2, 3])
        }
    }

    @Test func loginAnswerShapes() throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let top = try #require(AuthSession(json: try JSONParser.parse(#"{"token":"abc","role":"client","token_expire":1700003600,"invapi":"invapi.hostkey.com","servers":[10]}"#), requestedTTL: 60, now: now))
        #expect(top.token == "abc")
        #expect(top.role == "client")
        #expect(top.expiresAt == Date(timeIntervalSince1970: 1_700_003_600))
        #expect(top.apiHost == "invapi.hostkey.com")
        let nested = try #require(AuthSession(json: try JSONParser.parse(#"{"result":{"token":"def","token_expire":0}}"#), requestedTTL: 3600, now: now))
        #expect(nested.token == "def")
        #expect(nested.expiresAt == now.addingTimeInterval(3600))
        #expect(!nested.redactedDescription.contains("def"))
    }

    @Test func sanitizerRemovesEscapesAndControls() {
        #expect(ServerText.sanitize("Анна\u{1B}[31m Кузнецова\u{7}") == "Анна Кузнецова")
        #expect(ServerText.sanitize("a\u{1B}]0;title\u{7}b") == "ab")
        #expect(ServerText.sanitize("a\u{1B}]52;c;Zm9v\u{1B}\\b") == "ab")
        #expect(ServerText.sanitize("x\u{9B}2Jy") == "xy")
        #expect(ServerText.sanitize("line1\nline2\ttab") == "line1 line2 tab")
        #expect(ServerText.sanitize("evil\u{202E}txt.exe") == "eviltxt.exe")
        #expect(ServerText.sanitizeMultiline("a\r\nb") == "a\nb")
        #expect(ServerText.sanitize("請求書 💳") == "請求書 💳")
    }

    @Test func htmlReduction() {
        let r = ServerText.reduceHTML(#"<a href="https://pay.example/x?a=1&amp;b=2">Pay &laquo;now&raquo;</a><script>alert(1)</script>"#)
        #expect(r.text == "Pay «now»")
        #expect(r.links == ["https://pay.example/x?a=1&b=2"])
    }
}
