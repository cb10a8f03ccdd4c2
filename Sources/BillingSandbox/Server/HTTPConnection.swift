import BillingAPI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One client connection: reads requests one after another (HTTP/1.1 keep-alive), hands each to
/// the sandbox, writes each answer in one send. Runs on its own thread until the peer closes, a
/// request is refused (400, 413...), a fault drops the connection, or the server stops.
final class HTTPConnection {
    static let maximumBody = 1 << 20
    static let maximumHead = 16 * 1024

    private let fd: Int32
    private let sandbox: Sandbox
    private let baseURL: String
    private var buffer: [UInt8] = []
    private var start = 0
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)

    init(fd: Int32, sandbox: Sandbox, baseURL: String) {
        self.fd = fd
        self.sandbox = sandbox
        self.baseURL = baseURL
        buffer.reserveCapacity(64 * 1024)
    }

    /// Set by a fault that must look like a dropped connection: close at once, no lingering.
    private var abrupt = false

    /// Serves requests until the connection should close; the caller closes the descriptor.
    func run() {
        while serveOne() {}
        if !abrupt { lingeringClose() }
    }

    /// Ends our side first and reads what the peer still sends for a moment: closing a socket
    /// with unread input makes the kernel send a reset, which can destroy the answer (a 400 or
    /// 413) before the client reads it.
    private func lingeringClose() {
        _ = shutdown(fd, Int32(SHUT_WR))
        var wait = timeval(tv_sec: 0, tv_usec: 200_000)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var drained = 0
        while drained < 1 << 20 {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return }
            drained += n
        }
    }

    // MARK: - One request

    private func serveOne() -> Bool {
        guard let headEnd = readHead() else { return false }
        let parsed = HTTPRequestHead.parse(buffer[start..<(headEnd - 4)])
        start = headEnd
        let head: HTTPRequestHead
        switch parsed {
        case .failure(let refusal): return refuse(refusal.status, refusal.reason)
        case .success(let h): head = h
        }
        guard head.method == "POST" || head.method == "GET" else { return refuse(405, "only POST and GET") }
        guard let body = readBody(head) else { return false }
        compact()

        let target = head.target.hasPrefix("/") ? baseURL + head.target : head.target
        let reply = sandbox.reply(to: HTTPRequest(url: target, body: Data(body), actionName: "", isMutating: false))
        if reply.latencyMs > 0 { usleep(useconds_t(min(reply.latencyMs, 600_000) * 1000)) }
        switch reply.delivery {
        case .answer:
            return answer(reply.response, keepAlive: head.keepAlive)
        case .dropAfterRead:
            abrupt = true
            return false
        case .dropMidAnswer:
            abrupt = true
            let bytes = HTTPAnswerBytes.make(reply.response, keepAlive: false, closeAfter: true)
            _ = SocketIO.sendAll(fd, bytes[0..<(bytes.count - reply.response.body.count / 2)])
            return false
        case .timeout(let seconds):
            usleep(useconds_t(min(max(seconds, 0), 600) * 1_000_000))
            return answer(reply.response, keepAlive: head.keepAlive)
        }
    }

    /// Writes the answer: one send (head and body in one buffer), or two for a very large body.
    private func answer(_ response: HTTPResponse, keepAlive: Bool) -> Bool {
        guard response.body.count > HTTPAnswerBytes.separateBodyAbove else {
            return SocketIO.sendAll(fd, HTTPAnswerBytes.make(response, keepAlive: keepAlive, closeAfter: false)) && keepAlive
        }
        guard SocketIO.sendAll(fd, HTTPAnswerBytes.head(response, keepAlive: keepAlive, closeAfter: false)) else { return false }
        let sent = response.body.withUnsafeBytes { SocketIO.sendAll(fd, $0) }
        return sent && keepAlive
    }

    /// Sends a plain error answer and ends the connection.
    private func refuse(_ status: Int, _ reason: String) -> Bool {
        _ = SocketIO.sendAll(fd, HTTPAnswerBytes.error(status: status, reason: reason))
        return false
    }

    /// Receives until a whole head is buffered; the index just past its blank line, or nil when
    /// the peer left or the head is too large (answered with 431).
    private func readHead() -> Int? {
        var scanned = start
        while true {
            // Empty lines before a request line are tolerated (RFC 9112, section 2.2).
            while buffer.count - start >= 2, buffer[start] == 0x0D, buffer[start + 1] == 0x0A { start += 2 }
            scanned = max(scanned, start)
            let end = findBlankLine(from: &scanned)
            if (end ?? buffer.count) - start > Self.maximumHead {
                _ = refuse(431, "request head too large")
                return nil
            }
            if let end { return end }
            if SocketIO.receive(fd, into: &buffer, chunk: &chunk) <= 0 { return nil }
        }
    }

    private func findBlankLine(from scanned: inout Int) -> Int? {
        let count = buffer.count
        let found: Int? = buffer.withUnsafeBufferPointer { p in
            var i = max(scanned - 3, start)
            while i + 3 < count {
                if p[i + 3] == 0x0A && p[i + 2] == 0x0D && p[i + 1] == 0x0A && p[i] == 0x0D { return i + 4 }
                i += 1
            }
            return nil
        }
        scanned = count
        return found
    }

    private func readBody(_ head: HTTPRequestHead) -> [UInt8]? {
        if head.expectsContinue && buffer.count == start {
            guard SocketIO.sendAll(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return nil }
        }
        if head.chunked { return readChunkedBody() }
        let length = head.contentLength ?? 0
        guard length <= Self.maximumBody else {
            _ = refuse(413, "body above 1 MiB")
            return nil
        }
        guard fill(length) else { return nil }
        defer { start += length }
        return Array(buffer[start..<(start + length)])
    }

    /// `Transfer-Encoding: chunked`: hex sizes, data, CRLF; a zero size and trailers end it.
    private func readChunkedBody() -> [UInt8]? {
        var body: [UInt8] = []
        while true {
            guard let line = readLine() else { return nil }
            let sizeText = line.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard !sizeText.isEmpty, sizeText.count <= 8, let size = Int(sizeText, radix: 16) else {
                _ = refuse(400, "malformed chunk size")
                return nil
            }
            if size == 0 {
                while true {
                    guard let trailer = readLine() else { return nil }
                    if trailer.isEmpty { return body }
                }
            }
            guard body.count + size <= Self.maximumBody else {
                _ = refuse(413, "body above 1 MiB")
                return nil
            }
            guard fill(size + 2) else { return nil }
            guard buffer[start + size] == 0x0D, buffer[start + size + 1] == 0x0A else {
                _ = refuse(400, "malformed chunk")
                return nil
            }
            body.append(contentsOf: buffer[start..<(start + size)])
            start += size + 2
        }
    }

    /// One CRLF-terminated line (without the CRLF), at most 4 KiB.
    private func readLine() -> String? {
        while true {
            if let cr = buffer[start...].firstIndex(of: 0x0D), cr + 1 < buffer.count {
                guard buffer[cr + 1] == 0x0A else {
                    _ = refuse(400, "malformed line")
                    return nil
                }
                let line = String(decoding: buffer[start..<cr], as: UTF8.self)
                start = cr + 2
                return line
            }
            if buffer.count - start > 4_096 {
                _ = refuse(400, "line too long")
                return nil
            }
            if SocketIO.receive(fd, into: &buffer, chunk: &chunk) <= 0 { return nil }
        }
    }

    /// Receives until `count` bytes past `start` are buffered.
    private func fill(_ count: Int) -> Bool {
        while buffer.count - start < count {
            if SocketIO.receive(fd, into: &buffer, chunk: &chunk) <= 0 { return false }
        }
        return true
    }

    /// Drops consumed bytes so the buffer does not grow over a long keep-alive connection.
    private func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 256 * 1024 {
            buffer.removeFirst(start)
            start = 0
        }
    }
}
