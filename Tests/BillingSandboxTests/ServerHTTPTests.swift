@testable import BillingSandbox
import BillingAPI
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Loopback HTTP server")
final class ServerHTTPTests {
    let sandbox = Sandbox(configuration: SandboxConfiguration(seed: 9, clients: 3, today: SandboxHarness.today))
    let server: SandboxServer

    init() throws {
        server = SandboxServer(sandbox: sandbox)
        try server.start()
    }

    deinit { server.stop() }

    var credits: String { "action=getcredits&token=" + sandbox.demoToken }

    func client() throws -> RawHTTPClient { try RawHTTPClient(port: server.port) }

    @Test("several requests share one keep-alive connection")
    func keepAlive() throws {
        let c = try client()
        for _ in 0..<5 {
            try c.post(body: credits)
            let r = try #require(try c.readResponse())
            #expect(r.status == 200 && r.headers["connection"] == "keep-alive")
            #expect(r.headers["content-type"] == "application/json; charset=utf-8")
            #expect(isSuccess(try JSONParser.parse(r.body)))
        }
        #expect(server.connectionCount == 1)
        #expect(sandbox.requestCount(action: "getcredits") == 5)
    }

    @Test("pipelined requests are answered in order")
    func pipelining() throws {
        let c = try client()
        let one = "POST /whmcs.php HTTP/1.1\r\nHost: x\r\nContent-Length: \(credits.utf8.count)\r\n\r\n" + credits
        let two = "POST /whmcs.php HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\naction=nope"
        try c.send(one + two)
        #expect(isSuccess(try JSONParser.parse(try #require(try c.readResponse()).body)))
        #expect(failureMessage(try JSONParser.parse(try #require(try c.readResponse()).body)) != nil)
    }

    @Test("Connection: close and HTTP/1.0 without keep-alive end the connection after the answer")
    func closing() throws {
        let a = try client()
        try a.post(body: credits, headers: ["Connection: close"])
        #expect(try a.readResponse()?.headers["connection"] == "close")
        #expect(a.isClosedByPeer())
        let b = try client()
        try b.send("POST /whmcs.php HTTP/1.0\r\nContent-Length: \(credits.utf8.count)\r\n\r\n" + credits)
        #expect(try b.readResponse()?.status == 200)
        #expect(b.isClosedByPeer())
    }

    @Test("malformed requests get 400 and the connection closes", arguments: [
        "GARBAGE\r\n\r\n",
        "POST /whmcs.php\r\nHost: x\r\n\r\n",
        "POST /whmcs.php HTTP/2.0\r\nHost: x\r\n\r\n",
        "POST whmcs.php HTTP/1.1\r\nHost: x\r\n\r\n",
        "post /whmcs.php HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /whmcs.php HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc",
        "POST /whmcs.php HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
        "POST /whmcs.php HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
        "POST /whmcs.php HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "POST /whmcs.php HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n",
        "POST /whmcs.php HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n",
        "POST /whmcs.php HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    ])
    func malformed(raw: String) throws {
        let c = try client()
        try c.send(raw)
        let r = try #require(try c.readResponse())
        #expect(r.status == 400)
        #expect(c.isClosedByPeer())
        #expect(sandbox.totalRequestCount == 0, "nothing reached the sandbox")
    }

    @Test("a body above 1 MiB gets 413 without being read, by Content-Length or by chunks")
    func tooLarge() throws {
        let a = try client()
        try a.send("POST /whmcs.php HTTP/1.1\r\nHost: x\r\nContent-Length: \(HTTPConnection.maximumBody + 1)\r\n\r\n")
        #expect(try a.readResponse()?.status == 413)
        #expect(a.isClosedByPeer())
        let b = try client()
        try b.send("POST /whmcs.php HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n100001\r\n")
        #expect(try b.readResponse()?.status == 413)
        // Exactly 1 MiB is accepted.
        let c = try client()
        let body = credits + "&pad=" + String(repeating: "x", count: HTTPConnection.maximumBody - credits.utf8.count - 5)
        try c.post(body: body)
        #expect(try c.readResponse()?.status == 200)
    }

    @Test("a head above 16 KiB gets 431")
    func headTooLarge() throws {
        let c = try client()
        try c.send("POST /whmcs.php HTTP/1.1\r\nHost: x\r\nX-Long: " + String(repeating: "a", count: 20_000) + "\r\n\r\n")
        #expect(try c.readResponse()?.status == 431)
    }

    @Test("chunked bodies and Expect: 100-continue are understood")
    func chunkedAndContinue() throws {
        let c = try client()
        let half = credits.utf8.count / 2
        let (a, b) = (String(credits.prefix(half)), String(credits.dropFirst(half)))
        try c.send("POST /whmcs.php HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                   + String(a.utf8.count, radix: 16) + ";ext=1\r\n" + a + "\r\n" + String(b.utf8.count, radix: 16) + "\r\n" + b
                   + "\r\n0\r\nX-Trailer: 1\r\n\r\n")
        #expect(isSuccess(try JSONParser.parse(try #require(try c.readResponse()).body)))

        try c.send("POST /whmcs.php HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: \(credits.utf8.count)\r\n\r\n")
        #expect(try c.readResponse()?.status == 100)
        try c.send(credits)
        #expect(try c.readResponse()?.status == 200)
    }

    @Test("unknown paths answer 404, other methods 405; auth.php answers on the same server")
    func routing() throws {
        let c = try client()
        try c.post("/nothing.php", body: credits)
        #expect(try c.readResponse()?.status == 404)
        try c.post("/auth.php", body: "action=login&key=" + sandbox.demoAPIKey + "&ttl=60")
        let login = try JSONParser.parse(try #require(try c.readResponse()).body)
        #expect((login["token"] ?? login["result"]?["token"]) != nil)
        try c.post("/api/v1/whmcs.php", body: credits)
        #expect(try c.readResponse()?.status == 200)
        let d = try client()
        try d.send("DELETE /whmcs.php HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try d.readResponse()?.status == 405)
    }

    @Test("the token in the URL is ignored")
    func tokenInURL() throws {
        let c = try client()
        try c.post("/whmcs.php?token=" + sandbox.demoToken, body: "action=getcredits")
        #expect(failureMessage(try JSONParser.parse(try #require(try c.readResponse()).body)) == "Invalid token or access denied")
    }

    @Test("concurrent clients each get their answers; payments from many connections add up exactly")
    func concurrency() throws {
        let port = server.port
        let token = sandbox.demoToken
        let payable = sandbox.demoFixture.payableInvoiceID
        let before = try #require(sandbox.creditBalance(clientID: sandbox.demoClientID))
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            do {
                let c = try RawHTTPClient(port: port)
                for n in 0..<25 {
                    let body = n % 5 == 0 ? "action=apply_credit&invoice_id=\(payable)&amount=0.01&token=\(token)"
                                          : "action=getcredits&token=\(token)"
                    try c.post(body: body)
                    guard let r = try c.readResponse(), r.status == 200, isSuccess(try JSONParser.parse(r.body)) else {
                        failures.add(); continue
                    }
                }
            } catch { failures.add() }
        }
        #expect(failures.value == 0)
        #expect(server.connectionCount == 8)
        #expect(sandbox.requestCount(action: "getcredits") == 160)
        #expect(sandbox.creditBalance(clientID: sandbox.demoClientID) == before - dec("0.40"))
    }

    @Test("a large answer (thousands of invoices) arrives whole on a keep-alive connection")
    func largeAnswer() throws {
        let big = Sandbox(configuration: SandboxConfiguration(seed: 2, clients: 1, invoicesPerClient: 4_000, today: SandboxHarness.today))
        let s = SandboxServer(sandbox: big)
        try s.start()
        defer { s.stop() }
        let c = try RawHTTPClient(port: s.port)
        for _ in 0..<2 {
            try c.post(body: "action=get_invoices&token=" + big.demoToken)
            let r = try #require(try c.readResponse())
            #expect(r.body.count > HTTPAnswerBytes.separateBodyAbove)
            #expect(try JSONParser.parse(r.body)["invoices"]?["invoice"]?.arrayValue?.count == 4_000)
        }
        #expect(s.connectionCount == 1)
    }

    @Test("the server binds 127.0.0.1 only")
    func loopbackOnly() throws {
        #expect(server.boundAddress == "127.0.0.1")
        #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
        // Any other local IPv4 address of this machine must refuse the connection.
        for address in Self.localIPv4Addresses() where !address.hasPrefix("127.") {
            #expect(throws: RawHTTPClient.Failure.self) { try RawHTTPClient(host: address, port: self.server.port) }
        }
    }

    @Test("delivery faults over HTTP: dropped before answering, dropped mid-answer, HTML error pages")
    func faults() throws {
        let credit = try #require(sandbox.creditBalance(clientID: sandbox.demoClientID))
        let pay = "action=apply_credit&amount=1&invoice_id=\(sandbox.demoFixture.payableInvoiceID)&token=" + sandbox.demoToken
        sandbox.faults["apply_credit"] = Fault(dropAfterRead: true)
        let a = try client()
        try a.post(body: pay)
        #expect(try a.readResponse() == nil, "closed without a byte")
        #expect(sandbox.creditBalance(clientID: sandbox.demoClientID) == credit - 1, "but the payment was applied")

        sandbox.faults["apply_credit"] = Fault(dropMidAnswer: true)
        let b = try client()
        try b.post(body: pay)
        #expect(throws: RawHTTPClient.Failure.self) { try b.readResponse() }

        sandbox.faults["apply_credit"] = Fault(htmlErrorPage: 504)
        let c = try client()
        try c.post(body: pay)
        let r = try #require(try c.readResponse())
        #expect(r.status == 504 && r.text.contains("<html>"))
        #expect(sandbox.creditBalance(clientID: sandbox.demoClientID) == credit - 2)
        #expect(sandbox.requestCount(action: "apply_credit") == 3)
    }

    @Test("after stop, nothing listens")
    func stopping() throws {
        let s = SandboxServer(sandbox: sandbox)
        try s.start()
        let port = s.port
        let c = try RawHTTPClient(port: port)
        s.stop()
        #expect(c.isClosedByPeer(), "open connections are closed")
        #expect(throws: RawHTTPClient.Failure.self) { try RawHTTPClient(port: port) }
    }

    static func localIPv4Addresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>? = nil
        guard getifaddrs(&list) == 0 else { return [] }
        defer { freeifaddrs(list) }
        var out: [String] = []
        var p = list
        while let entry = p {
            if let addr = entry.pointee.ifa_addr, addr.pointee.sa_family == sa_family_t(AF_INET) {
                var sin = addr.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee }
                var buffer = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
                inet_ntop(AF_INET, &sin.sin_addr, &buffer, socklen_t(INET_ADDRSTRLEN))
                out.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            p = entry.pointee.ifa_next
        }
        return out
    }
}

/// A thread-safe count for the concurrency test.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
