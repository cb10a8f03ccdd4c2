import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 (ephemeral port) for transport tests. Every request it
/// reads is recorded and handed to the test's script, which decides how the server answers:
/// normally (keep-alive), late, cut off mid-body, streamed without end, or not at all.
/// One thread accepts; each connection gets a thread of its own.
final class ScriptedHTTPServer: @unchecked Sendable {
    /// A request as the server read it off the wire.
    struct Request: Sendable {
        var requestLine: String
        var headers: [(name: String, value: String)]
        var body: Data
        /// 1 for the first connection accepted, 2 for the second, ...
        var connection: Int

        var method: String { String(requestLine.split(separator: " ").first ?? "") }
        var target: String { requestLine.split(separator: " ").dropFirst().first.map(String.init) ?? "" }
        var bodyText: String { String(decoding: body, as: UTF8.self) }
        /// Every value of a header (case-insensitive name).
        func values(_ name: String) -> [String] {
            headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
        }
        /// The form field `name` of the (unencoded-name) body, as sent.
        func field(_ name: String) -> String? {
            for pair in bodyText.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if parts.first.map(String.init) == name { return parts.count > 1 ? String(parts[1]) : "" }
            }
            return nil
        }
    }

    /// How to answer one request.
    indirect enum Reply: Sendable {
        /// A complete answer with Content-Length; the connection stays open for the next request.
        case respond(status: Int, headers: [(String, String)] = [], body: Data)
        /// Wait (or until the client goes away), then give `reply`.
        case delayed(seconds: Double, reply: Reply)
        /// Declare `declaredLength` bytes, send only `sent`, then close.
        case truncated(declaredLength: Int, sent: Data)
        /// Stream `total` bytes of filler (declaring it when `declared`, else close-delimited) and close.
        case stream(total: Int, declared: Bool)
        /// Send these bytes as they are (no status line of our own), then close.
        case raw(Data)
        /// Close the connection without a byte of answer.
        case closeWithoutAnswer
    }

    typealias Script = @Sendable (Request) -> Reply

    let port: UInt16
    private let listenFD: Int32
    private let script: Script
    private let lock = NSLock()
    private var openFDs: Set<Int32> = []
    private var stopped = false
    private var listenClosed = false
    private var accepted = 0
    private var recorded: [Request] = []
    private let threads = DispatchGroup()

    /// Starts listening at once; call `stop()` when done.
    init(script: @escaping Script) throws {
        self.script = script
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError.socket("socket", errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let code = errno
            close(fd)
            throw ServerError.socket("bind/listen", code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listenFD = fd
        port = UInt16(bigEndian: address.sin_port)
        threads.enter()
        Thread { [self] in
            acceptLoop()
            threads.leave()
        }.start()
    }

    enum ServerError: Error { case socket(String, Int32) }

    /// `http://127.0.0.1:<port>/whmcs.php`
    var url: String { "http://127.0.0.1:\(port)/whmcs.php" }

    /// Connections accepted so far.
    var connectionsAccepted: Int { lock.withLock { accepted } }

    /// Every request read so far, in arrival order.
    var requests: [Request] { lock.withLock { recorded } }

    /// Stops accepting, cuts every open connection and waits (briefly) for the threads to end.
    func stop() {
        lock.withLock {
            stopped = true
            // shutdown, not close: each fd is closed only by the thread owning it, so a number
            // can never be reused under a thread still holding it.
            if !listenClosed { shutdown(listenFD, Int32(SHUT_RDWR)) }
            for fd in openFDs { shutdown(fd, Int32(SHUT_RDWR)) }
        }
        _ = threads.wait(timeout: .now() + 5)
    }

    /// A port on 127.0.0.1 that nothing listens on (bound, then released).
    static func unusedPort() throws -> UInt16 {
        let server = try ScriptedHTTPServer { _ in .closeWithoutAnswer }
        let port = server.port
        server.stop()
        return port
    }

    // MARK: - Connections

    private func acceptLoop() {
        defer {
            lock.withLock {
                listenClosed = true
                close(listenFD)
            }
        }
        while true {
            let fd = accept(listenFD, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                return
            }
            let number: Int? = lock.withLock {
                if stopped { return nil }
                accepted += 1
                openFDs.insert(fd)
                return accepted
            }
            guard let number else {
                close(fd)
                return
            }
            threads.enter()
            Thread { [self] in
                serve(fd, connection: number)
                lock.withLock { _ = openFDs.remove(fd) }
                close(fd)
                threads.leave()
            }.start()
        }
    }

    private func serve(_ fd: Int32, connection: Int) {
        var buffer = Data()
        while let request = readRequest(fd, buffer: &buffer, connection: connection) {
            lock.withLock { recorded.append(request) }
            guard answer(script(request), on: fd) else { return }
        }
    }

    /// Sends `reply`; false when the connection is finished.
    private func answer(_ reply: Reply, on fd: Int32) -> Bool {
        switch reply {
        case .respond(let status, let headers, let body):
            var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\nContent-Length: \(body.count)\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            return write(fd, Data((head + "\r\n").utf8) + body)
        case .delayed(let seconds, let reply):
            // Wakes early when the client hangs up (or stop() shuts the socket): readable = EOF.
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&pfd, 1, Int32(seconds * 1000)) != 0 { return false }
            return answer(reply, on: fd)
        case .truncated(let declared, let sent):
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(declared)\r\n\r\n"
            _ = write(fd, Data(head.utf8) + sent)
            return false
        case .stream(let total, let declared):
            var head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            head += declared ? "Content-Length: \(total)\r\n\r\n" : "Connection: close\r\n\r\n"
            guard write(fd, Data(head.utf8)) else { return false }
            let chunk = Data(repeating: UInt8(ascii: "x"), count: 64 * 1024)
            var left = total
            while left > 0, write(fd, chunk.prefix(left)) { left -= chunk.count }
            return false
        case .raw(let bytes):
            _ = write(fd, bytes)
            return false
        case .closeWithoutAnswer:
            return false
        }
    }

    /// Reads one request (headers, then a Content-Length body); nil at EOF or on a broken request.
    private func readRequest(_ fd: Int32, buffer: inout Data, connection: Int) -> Request? {
        let separator = Data("\r\n\r\n".utf8)
        var headerEnd = buffer.range(of: separator)
        while headerEnd == nil {
            guard readMore(fd, into: &buffer) else { return nil }
            headerEnd = buffer.range(of: separator)
        }
        guard let headerEnd else { return nil }
        let lines = String(decoding: buffer[buffer.startIndex..<headerEnd.lowerBound], as: UTF8.self)
            .components(separatedBy: "\r\n")
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        buffer = Data(buffer[headerEnd.upperBound...])
        while buffer.count < length {
            guard readMore(fd, into: &buffer) else { return nil }
        }
        let body = Data(buffer.prefix(length))
        buffer = Data(buffer.dropFirst(length))
        return Request(requestLine: lines.first ?? "", headers: headers, body: body, connection: connection)
    }

    private func readMore(_ fd: Int32, into buffer: inout Data) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
                return true
            }
            if n < 0 && errno == EINTR { continue }
            return false
        }
    }

    /// Writes all of `data`; false once the peer is gone. MSG_NOSIGNAL: no SIGPIPE for the test run.
    private func write(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                guard let base = raw.baseAddress else { return false }
                let n = send(fd, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 429: return "Too Many Requests"
        case 502: return "Bad Gateway"
        default: return "Status"
        }
    }
}

extension ScriptedHTTPServer {
    /// A loopback listener that never accepts and whose accept queue is full, so a further connect
    /// hangs unanswered (the kernel drops its SYNs): a connect timeout without a remote network.
    final class SaturatedListener {
        let port: UInt16
        private var fds: [Int32] = []

        init() throws {
            let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard server >= 0 else { throw ServerError.socket("socket", errno) }
            fds.append(server)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let ok = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(server, $0, length) == 0 && listen(server, 0) == 0 && getsockname(server, $0, &length) == 0
                }
            }
            guard ok else {
                let code = errno
                close(server)
                throw ServerError.socket("bind/listen", code)
            }
            port = UInt16(bigEndian: address.sin_port)
            // Connect until one attempt stays pending: from then on the queue is full.
            for _ in 0..<16 {
                let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
                guard client >= 0 else { break }
                fds.append(client)
                _ = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
                var pfd = pollfd(fd: client, events: Int16(POLLOUT), revents: 0)
                if poll(&pfd, 1, 100) == 0 { return }
            }
            release()
            throw ServerError.socket("could not fill the accept queue", 0)
        }

        func release() {
            for fd in fds { close(fd) }
            fds = []
        }

        deinit { release() }
    }
}
