import BillingAPI
import Foundation
import Testing

/// Retries, write safety and authentication of `APIClient`, over a scripted transport.
@Suite("API client behaviour")
struct APIClientBehaviourTests {
    final class Sleeps: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Double] = []
        func record(_ s: Double) { lock.lock(); values.append(s); lock.unlock() }
        var all: [Double] { lock.lock(); defer { lock.unlock() }; return values }
    }

    static let dropped = TransportError(.connectionDropped, requestSent: true, detail: "reset")
    static let refused = TransportError(.connectFailed, requestSent: false, detail: "refused")

    @Test func readsAreRetriedThreeTimesInAllWithBackoff() {
        let sleeps = Sleeps()
        let t = RecordingTransport { _, _ throws(TransportError) in throw Self.dropped }
        let c = APIClient(transport: t, credentials: .token("t"), sleep: { sleeps.record($0) }, random: { 0.5 })
        #expect(throws: APIError.network(Self.dropped)) { try c.getCredits() }
        #expect(t.count(action: "getcredits") == 3)
        #expect(sleeps.all == [0.3, 0.6])
    }

    @Test func readsRecoverAfterA5xx() throws {
        let t = RecordingTransport { _, n in
            n == 1 ? HTTPResponse(status: 503, body: Data("<html>busy</html>".utf8)) : Fixture.ok(#"{"result":"OK","message":"10.5"}"#)
        }
        let c = APIClient(transport: t, credentials: .token("t"), sleep: { _ in })
        #expect(try c.getCredits(currency: .usd).amount == Money(DecimalText.parse("10.5")!, .usd))
        #expect(t.sent.count == 2)
    }

    @Test func retryAfterIsHonouredUpToThirtySeconds() {
        let sleeps = Sleeps()
        let t = RecordingTransport { _, n in
            HTTPResponse(status: 429, headers: ["retry-after": n == 1 ? "2" : "120"], body: Data())
        }
        let c = APIClient(transport: t, credentials: .token("t"), sleep: { sleeps.record($0) })
        #expect(throws: APIError.httpStatus(429, bodyPrefix: "")) { try c.getInvoices() }
        #expect(sleeps.all == [2, 30])
    }

    @Test func refusalsAndClientErrorsAreNotRetried() {
        let t = RecordingTransport(json: #"{"code":-1,"message":"nope"}"#)
        let c = APIClient(transport: t, credentials: .token("t"), sleep: { _ in })
        #expect(throws: APIError.self) { try c.getInvoices() }
        let t2 = RecordingTransport(json: "x", status: 404)
        #expect(throws: APIError.self) { try APIClient(transport: t2, credentials: .token("t"), sleep: { _ in }).getInvoices() }
        #expect(t.sent.count == 1)
        #expect(t2.sent.count == 1)
    }

    @Test(arguments: [Action.applyCredit, .massPay, .createAddFunds, .requestCancellation, .updateClient])
    func writesGetExactlyOneAttemptAndUnknownOutcome(_ action: Action) {
        let t = RecordingTransport { _, _ throws(TransportError) in throw Self.dropped }
        let c = APIClient(transport: t, credentials: .token("t"), sleep: { _ in })
        do {
            _ = try c.send(action, FormParameters([("invoice_id", "5")]))
            Issue.record("expected failure")
        } catch {
            #expect(error.isOutcomeUnknown, "\(error)")
        }
        #expect(t.sent.count == 1)
        #expect(t.sent[0].isMutating)
    }

    @Test func aWriteThatNeverConnectedIsAPlainNetworkError() {
        let t = RecordingTransport { _, _ throws(TransportError) in throw Self.refused }
        let c = APIClient(transport: t, credentials: .token("t"), sleep: { _ in })
        #expect(throws: APIError.network(Self.refused)) { try c.applyCredit(invoiceID: 1, amount: Money(5, .usd)) }
        #expect(t.sent.count == 1)
    }

    @Test func writesAnswered502AreUnknownAndNotRetried() {
        let t = RecordingTransport(json: "<html>Bad Gateway</html>", status: 502)
        let c = APIClient(transport: t, credentials: .token("t"), sleep: { _ in })
        do { _ = try c.massPay(invoiceIDs: [1, 2]); Issue.record("expected failure") } catch {
            #expect(error.isOutcomeUnknown)
        }
        #expect(t.sent.count == 1)
    }

    // MARK: - Authentication

    static func loginAnswer(_ token: String, expire: Int) -> HTTPResponse {
        Fixture.ok(#"{"token":"\#(token)","role":"client","token_expire":\#(expire),"servers":[101,102]}"#)
    }

    @Test func apiKeyLogsInOnceAndReusesTheToken() throws {
        let t = RecordingTransport { form, _ in
            form["action"] == "login" ? Self.loginAnswer("tok-1", expire: 2_000_000_000) : Fixture.ok(#"{"result":"OK","message":1}"#)
        }
        let c = APIClient(transport: t, credentials: .apiKey("KEY-secret"), now: { Date(timeIntervalSince1970: 1_000_000_000) })
        _ = try c.getCredits()
        _ = try c.getCredits()
        #expect(t.count(action: "login") == 1)
        let login = t.sent[0]
        #expect(login.url.hasSuffix("/auth.php"))
        #expect(login.form["key"] == "KEY-secret")
        #expect(login.form["fix_ip"] == "0")
        #expect(login.form["ttl"] == "3600")
        #expect(t.sent[1].form["token"] == "tok-1")
        #expect(c.currentSession?.servers.map(\.id) == [101, 102])
    }

    @Test func tokenIsRenewedTwoMinutesBeforeExpiry() throws {
        final class Clock: @unchecked Sendable { var now = Date(timeIntervalSince1970: 1_000) }
        let clock = Clock()
        let t = RecordingTransport { form, n in
            form["action"] == "login" ? Self.loginAnswer("tok-\(n)", expire: 1_000 + 3600) : Fixture.ok(#"{"result":"OK","message":1}"#)
        }
        let c = APIClient(transport: t, credentials: .apiKey("k"), now: { clock.now })
        _ = try c.getCredits()
        clock.now = Date(timeIntervalSince1970: 1_000 + 3600 - 121)
        _ = try c.getCredits()
        #expect(t.count(action: "login") == 1)
        clock.now = Date(timeIntervalSince1970: 1_000 + 3600 - 119)
        _ = try c.getCredits()
        #expect(t.count(action: "login") == 2)
    }

    @Test func anExpiredTokenAnswerLogsInAgainOnceNeverInALoop() throws {
        let t = RecordingTransport { form, _ in
            form["action"] == "login" ? Self.loginAnswer("tok", expire: 2_000_000_000) : Fixture.ok(#"{"code":-1,"message":"Invalid token"}"#)
        }
        let c = APIClient(transport: t, credentials: .apiKey("k"), now: { Date(timeIntervalSince1970: 1_000_000_000) }, sleep: { _ in })
        #expect(throws: APIError.self) { try c.getInvoices() }
        #expect(t.count(action: "login") == 2)
        #expect(t.count(action: "get_invoices") == 2)
    }

    @Test func http401TriggersOneReloginAndThenSucceeds() throws {
        let t = RecordingTransport { form, n in
            if form["action"] == "login" { return Self.loginAnswer("tok-\(n)", expire: 2_000_000_000) }
            return form["token"] == "tok-1" ? HTTPResponse(status: 401, body: Data()) : Fixture.ok(#"{"result":"OK","message":"3"}"#)
        }
        let c = APIClient(transport: t, credentials: .apiKey("k"), now: { Date(timeIntervalSince1970: 1_000_000_000) })
        #expect(try c.getCredits().amount.amount == 3)
        #expect(t.count(action: "login") == 2)
    }

    @Test func aFixedTokenRefusedIsAnAuthenticationErrorWithoutSecrets() {
        let t = RecordingTransport(json: #"{"code":-1,"message":"Invalid token"}"#)
        let c = APIClient(transport: t, credentials: .token("SECRET-TOKEN"))
        do { _ = try c.getInvoices(); Issue.record("expected failure") } catch {
            guard case .authentication = error else { Issue.record("\(error)"); return }
            #expect(!error.description.contains("SECRET-TOKEN"))
        }
        #expect(t.sent.count == 1)
    }

    @Test func noAppropriateServersAndWrongKeyAreClearErrors() {
        let none = RecordingTransport(json: #"{"code":"NO_APPROPRIATE_SERVERS","message":"No appropriate servers found"}"#)
        do { _ = try APIClient(transport: none, credentials: .apiKey("KEY-x")).getInvoices(); Issue.record("expected failure") } catch {
            #expect(error.description.contains("no appropriate servers"))
            #expect(!error.description.contains("KEY-x"))
            #expect(none.count(action: "get_invoices") == 0)
        }
        let wrong = RecordingTransport(json: #"{"result":"error","message":"wrong key"}"#)
        do { _ = try APIClient(transport: wrong, credentials: .apiKey("KEY-x")).getInvoices(); Issue.record("expected failure") } catch {
            guard case .authentication(_, "wrong key") = error else { Issue.record("\(error)"); return }
        }
    }

    @Test func noCredentialsSendsNothing() {
        let t = RecordingTransport(json: "{}")
        #expect(throws: APIError.self) { try APIClient(transport: t, credentials: .none).getInvoices() }
        #expect(t.sent.isEmpty)
    }

    @Test func authInfoAndLogoutCarryTheToken() throws {
        let t = RecordingTransport { form, _ in
            form["action"] == "info"
                ? Fixture.ok(#"{"result":{"role":"client","permissions":["billing"],"servers":[5],"whmcs_id":12,"customer_id":34,"token_expire":1900000000}}"#)
                : Fixture.ok(#"{"result":"OK"}"#)
        }
        let c = APIClient(transport: t, credentials: .token("tt"))
        let info = try c.authInfo()
        #expect(info.servers == [ServerRef(id: 5)])
        #expect(info.whmcsID == 12)
        #expect(info.customerID == 34)
        #expect(info.permissions == ["billing"])
        try c.logout()
        #expect(t.sent.map { $0.form["token"] } == ["tt", "tt"])
        #expect(t.sent.allSatisfy { $0.url.hasSuffix("/auth.php") })
    }

    @Test func invapiHostIsFollowedOnlyWithinTheSameDomain() {
        #expect(APIClientTestHooks.followed("https://invapi.hostkey.com", "api.hostkey.com") == "https://api.hostkey.com")
        #expect(APIClientTestHooks.followed("https://invapi.hostkey.com", "evil.example.com") == "https://invapi.hostkey.com")
        #expect(APIClientTestHooks.followed("http://127.0.0.1:8080", "invapi.hostkey.com") == "http://127.0.0.1:8080")
        #expect(APIClientTestHooks.followed("https://invapi.hostkey.com", "x.hostkey.com/path") == "https://invapi.hostkey.com")
    }

    @Test func requestsCarryUserAgentAndFormContentType() throws {
        let (c, t) = Fixture.client(answering: "getcredits")
        _ = try c.getCredits()
        let h = Dictionary(t.sent[0].headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(h["user-agent"] == "hkbill/\(APIConfiguration.version)")
        #expect(h["content-type"] == "application/x-www-form-urlencoded")
    }

    @Test func plainHTTPIsRefusedExceptToLoopback() {
        #expect(throws: TransportError.self) { try URLPolicy.check("http://invapi.hostkey.com/whmcs.php") }
        #expect(throws: TransportError.self) { try URLPolicy.check("ftp://x") }
        #expect(throws: Never.self) { try URLPolicy.check("http://127.0.0.1:9/whmcs.php") }
        #expect(throws: Never.self) { try URLPolicy.check("http://localhost:9/whmcs.php") }
        #expect(throws: Never.self) { try URLPolicy.check("http://[::1]:9/whmcs.php") }
        #expect(throws: Never.self) { try URLPolicy.check("https://invapi.hostkey.com/whmcs.php") }
        #expect(throws: TransportError.self) { try URLPolicy.check("http://127.0.0.1.evil.com/whmcs.php") }
        #expect(throws: TransportError.self) { try URLPolicy.check("http://example.com#@127.0.0.1/whmcs.php") }
        #expect(throws: TransportError.self) { try URLPolicy.check("http://example.com?@127.0.0.1/whmcs.php") }
    }
}
