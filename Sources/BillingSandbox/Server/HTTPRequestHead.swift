/// The request line and the headers the sandbox acts on, parsed strictly over bytes: anything
/// ambiguous (bad request line, folded or nameless headers, conflicting lengths, both a length and
/// chunked encoding) is refused, since a lenient parser is how requests get smuggled.
struct HTTPRequestHead {
    var method: String
    var target: String
    var isHTTP11: Bool
    var contentLength: Int?
    var chunked: Bool
    var keepAlive: Bool
    var expectsContinue: Bool

    /// Why a head was refused, and the status to answer with.
    struct Refusal: Error {
        var status: Int
        var reason: String
    }

    /// Parses the bytes before the blank line (without the final CRLF CRLF).
    static func parse(_ bytes: ArraySlice<UInt8>) -> Result<HTTPRequestHead, Refusal> {
        var lines = Lines(bytes)
        guard let requestLine = lines.next() else { return .failure(Refusal(status: 400, reason: "empty head")) }
        guard let head = requestLineHead(requestLine) else { return .failure(Refusal(status: 400, reason: "malformed request line")) }
        var result = head
        var sawHost = false
        while let line = lines.next() {
            guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex else {
                return .failure(Refusal(status: 400, reason: "malformed header"))
            }
            let name = line[line.startIndex..<colon]
            guard !name.contains(where: { $0 < 0x21 || $0 > 0x7E }) else {
                return .failure(Refusal(status: 400, reason: "malformed header name"))
            }
            let value = trimmed(line[(colon + 1)...])
            if equalsIgnoringCase(name, "host") {
                sawHost = true
            } else if equalsIgnoringCase(name, "content-length") {
                guard !value.isEmpty, value.count <= 18, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                    return .failure(Refusal(status: 400, reason: "invalid Content-Length"))
                }
                let n = value.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                if let previous = result.contentLength, previous != n {
                    return .failure(Refusal(status: 400, reason: "conflicting Content-Length"))
                }
                result.contentLength = n
            } else if equalsIgnoringCase(name, "transfer-encoding") {
                guard equalsIgnoringCase(value, "chunked") else {
                    return .failure(Refusal(status: 501, reason: "unsupported Transfer-Encoding"))
                }
                result.chunked = true
            } else if equalsIgnoringCase(name, "connection") {
                for token in value.split(separator: 0x2C) {
                    let t = trimmed(token)
                    if equalsIgnoringCase(t, "close") { result.keepAlive = false }
                    else if equalsIgnoringCase(t, "keep-alive") { result.keepAlive = true }
                }
            } else if equalsIgnoringCase(name, "expect") {
                result.expectsContinue = equalsIgnoringCase(value, "100-continue")
            }
        }
        guard !(result.chunked && result.contentLength != nil) else {
            return .failure(Refusal(status: 400, reason: "both Content-Length and chunked"))
        }
        guard sawHost || !result.isHTTP11 else { return .failure(Refusal(status: 400, reason: "missing Host")) }
        return .success(result)
    }

    /// `METHOD SP target SP HTTP/1.x` with an upper-case method and an origin-form (or absolute
    /// http) target without spaces or controls.
    private static func requestLineHead(_ line: ArraySlice<UInt8>) -> HTTPRequestHead? {
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }),
              parts[1].first == 0x2F || parts[1].starts(with: "http://".utf8),
              parts[1].allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else { return nil }
        let version = parts[2]
        let isHTTP11 = version.elementsEqual("HTTP/1.1".utf8)
        guard isHTTP11 || version.elementsEqual("HTTP/1.0".utf8) else { return nil }
        return HTTPRequestHead(method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
                               isHTTP11: isHTTP11, contentLength: nil, chunked: false, keepAlive: isHTTP11, expectsContinue: false)
    }

    private static func trimmed(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = s
        while let f = s.first, f == 0x20 || f == 0x09 { s.removeFirst() }
        while let l = s.last, l == 0x20 || l == 0x09 { s.removeLast() }
        return s
    }

    /// ASCII case-insensitive comparison with a lower-case literal.
    private static func equalsIgnoringCase(_ bytes: ArraySlice<UInt8>, _ lower: StaticString) -> Bool {
        guard bytes.count == lower.utf8CodeUnitCount else { return false }
        return lower.withUTF8Buffer { l in
            var i = 0
            for b in bytes {
                let folded = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                if folded != l[i] { return false }
                i += 1
            }
            return true
        }
    }

    /// The CRLF-separated lines of a head.
    private struct Lines {
        var rest: ArraySlice<UInt8>
        var done = false
        init(_ bytes: ArraySlice<UInt8>) { rest = bytes }

        mutating func next() -> ArraySlice<UInt8>? {
            guard !done else { return nil }
            var i = rest.startIndex
            while i + 1 < rest.endIndex {
                if rest[i] == 0x0D && rest[i + 1] == 0x0A {
                    let line = rest[rest.startIndex..<i]
                    rest = rest[(i + 2)...]
                    return line
                }
                i += 1
            }
            done = true
            return rest
        }
    }
}
