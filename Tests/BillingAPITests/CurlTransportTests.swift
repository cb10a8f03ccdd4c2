import CCurl
import Foundation
import Testing
@testable import BillingAPI

/// CurlTransport against a real loopback HTTP server whose answers each test scripts.
@Suite("CurlTransport")
struct CurlTransportTests {
    static let userAgent = "hkbill/0.0-test"

    static func transport(totalTimeout: Double = 5, maxResponseBytes: Int = 32 * 1024 * 1024) -> CurlTransport {
        CurlTransport(configuration: CurlConfiguration(userAgent: userAgent, connectTimeout: 2,
                                                       totalTimeout: totalTimeout, maxResponseBytes: maxResponseBytes))
    }

    static func request(_ url: String, action: String = "getcredits", extra: String = "", mutating: Bool = false,
                        headers: [(name: String, value: String)] = []) -> HTTPRequest {
        HTTPRequest(url: url, body: Data("action=\(action)&token=t0k3n-secret\(extra)".utf8), headers: headers,
                    actionName: action, isMutating: mutating)
    }

    /// A JSON answer that echoes the request body, so concurrent callers can tell answers apart.
    static let echo: ScriptedHTTPServer.Script = { request in
        .respond(status: 200, headers: [("Content-Type", "application/json")],
                 body: Data("{\"result\":\"OK\",\"echo\":\"\(request.bodyText)\"}".utf8))
    }

    /// Runs `body` and returns the TransportError it threw (nil when it did not throw one).
    static func transportError(_ body: () throws(TransportError) -> HTTPResponse) -> TransportError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    @Test("sequential requests share one kept-alive connection")
    func keepAlive() throws {
        let server = try ScriptedHTTPServer(script: Self.echo)
        defer { server.stop() }
        let transport = Self.transport()
        for i in 1...5 {
            let response = try transport.send(Self.request(server.url, extra: "&n=\(i)"))
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self).contains("n=\(i)"))
        }
        #expect(server.requests.count == 5)
        #expect(server.connectionsAccepted == 1)
    }

    @Test("concurrent sends from many threads all get their own answer")
    func concurrentSends() throws {
        let server = try ScriptedHTTPServer(script: Self.echo)
        defer { server.stop() }
        let transport = Self.transport()
        let threads = 12, perThread = 4
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for r in 0..<perThread {
                let tag = "&caller=\(t)-\(r)"
                do {
                    let response = try transport.send(Self.request(server.url, extra: tag))
                    if response.status != 200 || !String(decoding: response.body, as: UTF8.self).contains(tag + "\"") {
                        failures.add("wrong answer for \(tag)")
                    }
                } catch {
                    failures.add("\(tag): \(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
        #expect(server.requests.count == threads * perThread)
        // More callers than pooled handles: the pool bounds the connections opened.
        #expect(server.connectionsAccepted <= CurlTransport.maxHandles)
    }

    @Test("form body and headers arrive exactly; the token stays out of the request line")
    func bodyAndHeadersOnTheWire() throws {
        let server = try ScriptedHTTPServer(script: Self.echo)
        defer { server.stop() }
        let body = "action=update_client&token=t0k3n-secret&profile_data%5Bfirstname%5D=J%C3%B6rg&invoices%5B%5D=1&invoices%5B%5D=2"
        let request = HTTPRequest(url: server.url, body: Data(body.utf8),
                                  headers: [("X-Request-Id", "abc-1"), ("Content-Type", "text/plain"),
                                            ("X-Evil", "a\r\nX-Injected: 1")],
                                  actionName: "update_client", isMutating: false)
        let response = try Self.transport().send(request)
        #expect(response.status == 200)
        let seen = try #require(server.requests.first)
        #expect(seen.requestLine == "POST /whmcs.php HTTP/1.1")
        #expect(!seen.requestLine.contains("t0k3n"))
        #expect(seen.body == Data(body.utf8))
        #expect(seen.values("Content-Type") == ["application/x-www-form-urlencoded"])
        #expect(seen.values("User-Agent") == [Self.userAgent])
        #expect(seen.values("Content-Length") == ["\(body.utf8.count)"])
        #expect(seen.values("Expect").isEmpty)
        #expect(seen.values("X-Request-Id") == ["abc-1"])
        // CR/LF in a caller's header value cannot smuggle in another header.
        #expect(seen.values("X-Injected").isEmpty)
        #expect(seen.values("X-Evil") == ["aX-Injected: 1"])
    }

    @Test("a large form body is sent without Expect: 100-continue")
    func largeBodyWithoutExpect() throws {
        let server = try ScriptedHTTPServer(script: Self.echo)
        defer { server.stop() }
        let filler = String(repeating: "a", count: 1_100_000)
        let response = try Self.transport().send(Self.request(server.url, extra: "&notes=\(filler)"))
        #expect(response.status == 200)
        let seen = try #require(server.requests.first)
        #expect(seen.values("Expect").isEmpty)
        #expect(seen.field("notes") == filler)
    }

    @Test("a server slower than the total timeout: timedOut, request sent")
    func timeout() throws {
        let server = try ScriptedHTTPServer { _ in
            .delayed(seconds: 10, reply: .respond(status: 200, body: Data("{}".utf8)))
        }
        defer { server.stop() }
        let error = Self.transportError { () throws(TransportError) in
            try Self.transport(totalTimeout: 0.5).send(Self.request(server.url))
        }
        #expect(error?.kind == .timedOut)
        #expect(error?.requestSent == true)
        #expect(server.requests.count == 1)
    }

    @Test("connection refused: connectFailed, request not sent")
    func connectionRefused() throws {
        let port = try ScriptedHTTPServer.unusedPort()
        let error = Self.transportError { () throws(TransportError) in
            try Self.transport().send(Self.request("http://127.0.0.1:\(port)/whmcs.php"))
        }
        #expect(error?.kind == .connectFailed)
        #expect(error?.requestSent == false)
        #expect(error?.detail.isEmpty == false)
    }

    @Test("a connect that never completes: timedOut, request not sent")
    func connectTimeout() throws {
        let listener = try ScriptedHTTPServer.SaturatedListener()
        defer { listener.release() }
        let transport = CurlTransport(configuration: CurlConfiguration(userAgent: Self.userAgent, connectTimeout: 0.3))
        let error = Self.transportError { () throws(TransportError) in
            try transport.send(Self.request("http://127.0.0.1:\(listener.port)/whmcs.php"))
        }
        #expect(error?.kind == .timedOut)
        #expect(error?.requestSent == false)
    }

    @Test("certificates are verified, names included; caInfoPath adds a trusted CA",
          .enabled(if: OpenSSLTestServer.isAvailable))
    func certificateVerification() throws {
        let server = try OpenSSLTestServer()
        defer { server.stop() }
        let byName = "https://localhost:\(server.port)/whmcs.php"
        let untrusted = Self.transportError { () throws(TransportError) in
            try Self.transport().send(Self.request(byName))
        }
        #expect(untrusted?.kind == .tls)
        #expect(untrusted?.requestSent == false)

        let trusting = CurlTransport(configuration: CurlConfiguration(
            userAgent: Self.userAgent, totalTimeout: 1, caInfoPath: server.certificatePath))
        // The certificate names localhost only: reaching it by address must fail verification.
        let wrongName = Self.transportError { () throws(TransportError) in
            try trusting.send(Self.request("https://127.0.0.1:\(server.port)/whmcs.php"))
        }
        #expect(wrongName?.kind == .tls)
        #expect(wrongName?.requestSent == false)
        // s_server never answers a POST, so a timeout after sending shows the handshake passed.
        let trusted = Self.transportError { () throws(TransportError) in
            try trusting.send(Self.request(byName))
        }
        #expect(trusted?.kind == .timedOut)
        #expect(trusted?.requestSent == true)
    }

    @Test("a body cut short of its Content-Length: connectionDropped, sent; the transport recovers")
    func closeMidBody() throws {
        let server = try ScriptedHTTPServer { request in
            request.field("action") == "cut"
                ? .truncated(declaredLength: 1000, sent: Data("{\"result\":".utf8))
                : .respond(status: 200, body: Data("{\"result\":\"OK\"}".utf8))
        }
        defer { server.stop() }
        let transport = Self.transport()
        let error = Self.transportError { () throws(TransportError) in
            try transport.send(Self.request(server.url, action: "cut"))
        }
        #expect(error?.kind == .connectionDropped)
        #expect(error?.requestSent == true)
        #expect(error?.detail.contains("t0k3n") == false)
        let next = try transport.send(Self.request(server.url))
        #expect(next.status == 200)
    }

    @Test("closed without an answer: connectionDropped, sent")
    func closeWithoutAnswer() throws {
        let server = try ScriptedHTTPServer { _ in .closeWithoutAnswer }
        defer { server.stop() }
        let error = Self.transportError { () throws(TransportError) in
            try Self.transport().send(Self.request(server.url))
        }
        #expect(error?.kind == .connectionDropped)
        #expect(error?.requestSent == true)
    }

    @Test("an answer that is not HTTP at all: a network error, request sent")
    func notHTTP() throws {
        let server = try ScriptedHTTPServer { _ in .raw(Data("{\"result\":\"OK\"}\n".utf8)) }
        defer { server.stop() }
        let error = Self.transportError { () throws(TransportError) in
            try Self.transport().send(Self.request(server.url))
        }
        #expect(error?.kind == .other)
        #expect(error?.requestSent == true)
    }

    @Test("a write is never replayed, even when its connection dies unanswered")
    func writeNotReplayed() throws {
        let server = try ScriptedHTTPServer { request in
            request.field("action") == "apply_credit" ? .closeWithoutAnswer
                : .respond(status: 200, body: Data("{\"result\":\"OK\"}".utf8))
        }
        defer { server.stop() }
        let transport = Self.transport()
        // A read first leaves a kept-alive connection that curl would otherwise reuse and retry on.
        _ = try transport.send(Self.request(server.url))
        let error = Self.transportError { () throws(TransportError) in
            try transport.send(Self.request(server.url, action: "apply_credit", mutating: true))
        }
        #expect(error?.kind == .connectionDropped)
        #expect(error?.requestSent == true)
        #expect(server.requests.filter { $0.field("action") == "apply_credit" }.count == 1)
    }

    @Test("an HTML 502 page is a response, not a transport error")
    func badGatewayPage() throws {
        let page = "<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"
        let server = try ScriptedHTTPServer { _ in
            .respond(status: 502, headers: [("Content-Type", "text/html")], body: Data(page.utf8))
        }
        defer { server.stop() }
        let response = try Self.transport().send(Self.request(server.url))
        #expect(response.status == 502)
        #expect(response.body == Data(page.utf8))
        #expect(response.headers["content-type"] == "text/html")
    }

    @Test("429 with Retry-After: response with the header readable")
    func tooManyRequests() throws {
        let server = try ScriptedHTTPServer { _ in
            .respond(status: 429, headers: [("Retry-After", "7"), ("X-Trace", "a"), ("X-Trace", "b")],
                     body: Data("slow down".utf8))
        }
        defer { server.stop() }
        let response = try Self.transport().send(Self.request(server.url))
        #expect(response.status == 429)
        #expect(response.retryAfterSeconds == 7)
        #expect(response.headers["x-trace"] == "a, b")
    }

    @Test("a declared body over the default 32 MiB cap is refused before it is read")
    func oversizedDeclared() throws {
        let server = try ScriptedHTTPServer { _ in .stream(total: 40 * 1024 * 1024, declared: true) }
        defer { server.stop() }
        let error = Self.transportError { () throws(TransportError) in
            try Self.transport().send(Self.request(server.url))
        }
        #expect(error?.kind == .responseTooLarge)
        #expect(error?.requestSent == true)
        #expect(error?.detail == "response exceeded 32 MiB")
    }

    @Test("an undeclared body is cut off at the cap by the write callback")
    func oversizedStreamed() throws {
        let server = try ScriptedHTTPServer { _ in .stream(total: 1024 * 1024, declared: false) }
        defer { server.stop() }
        let transport = Self.transport(maxResponseBytes: 64 * 1024)
        let error = Self.transportError { () throws(TransportError) in
            try transport.send(Self.request(server.url))
        }
        #expect(error?.kind == .responseTooLarge)
        #expect(error?.requestSent == true)
        #expect(error?.detail == "response exceeded 64 KiB")
    }

    @Test("a body exactly at the cap is accepted")
    func bodyAtTheCap() throws {
        let server = try ScriptedHTTPServer { _ in .stream(total: 64 * 1024, declared: false) }
        defer { server.stop() }
        let response = try Self.transport(maxResponseBytes: 64 * 1024).send(Self.request(server.url))
        #expect(response.body.count == 64 * 1024)
    }

    @Test("plain http to a remote host, or a non-http scheme, is refused before any network activity",
          arguments: [
              ("http://invapi.hostkey.com/whmcs.php", TransportError.Kind.insecureURL),
              // URLPolicy reads the host after the last "@" as 127.0.0.1; curl reads example.com.
              ("http://example.com#@127.0.0.1/whmcs.php", .insecureURL),
              ("ftp://127.0.0.1/whmcs.php", .invalidURL),
              ("https://", .invalidURL),
          ])
    func refusedURLs(url: String, kind: TransportError.Kind) {
        let error = Self.transportError { () throws(TransportError) in
            try Self.transport().send(Self.request(url))
        }
        #expect(error?.kind == kind)
        #expect(error?.requestSent == false)
    }

    @Test("curl failures map to kinds, and to 'sent' whenever the request may have left")
    func failureMapping() {
        func map(_ code: CURLcode, sent: Bool) -> TransportError {
            CurlHandle.failure(code: code, mayHaveSent: sent, limit: 1 << 20, limitExceeded: false, detail: "d")
        }
        #expect(map(CURLE_COULDNT_RESOLVE_HOST, sent: false) == TransportError(.resolveFailed, requestSent: false, detail: "d"))
        #expect(map(CURLE_SSL_CONNECT_ERROR, sent: false) == TransportError(.tls, requestSent: false, detail: "d"))
        #expect(map(CURLE_PEER_FAILED_VERIFICATION, sent: false).kind == .tls)
        // curl retried a dead reused connection after sending: a later connect failure is still "sent".
        #expect(map(CURLE_COULDNT_CONNECT, sent: true).requestSent == true)
        #expect(map(CURLE_OPERATION_TIMEDOUT, sent: false).requestSent == false)
        #expect(map(CURLE_UNSUPPORTED_PROTOCOL, sent: false) == TransportError(.invalidURL, requestSent: false, detail: "d"))
        #expect(map(CURLE_UNSUPPORTED_PROTOCOL, sent: true) == TransportError(.other, requestSent: true, detail: "d"))
        #expect(map(CURLE_RECV_ERROR, sent: false) == TransportError(.connectionDropped, requestSent: true, detail: "d"))
        #expect(map(CURLE_PARTIAL_FILE, sent: false).kind == .connectionDropped)
        #expect(map(CURLE_WEIRD_SERVER_REPLY, sent: false) == TransportError(.other, requestSent: true, detail: "d"))
        #expect(map(CURLE_FILESIZE_EXCEEDED, sent: false) == TransportError(.responseTooLarge, requestSent: true, detail: "response exceeded 1 MiB"))
        #expect(CurlHandle.describeSize(1000) == "1000 bytes")
    }
}

/// Failures collected from several threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ message: String) { lock.withLock { list.append(message) } }
    var all: [String] { lock.withLock { list } }
}
