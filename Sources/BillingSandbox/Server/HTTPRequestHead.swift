/// The request line and the headers the sandbox acts on, parsed strictly: anything ambiguous
/// (bad request line, folded or nameless headers, conflicting lengths, both a length and chunked
/// encoding) is refused, since a lenient parser is how requests get smuggled.
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
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(Refusal(status: 400, reason: "head is not UTF-8")) }
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty else { return .failure(Refusal(status: 400, reason: "empty head")) }
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3, !requestLine[0].isEmpty, requestLine[0].allSatisfy({ $0 >= "A" && $0 <= "Z" }),
              requestLine[1].hasPrefix("/") || requestLine[1].hasPrefix("http://"),
              !requestLine[1].contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x21 } ?? false }) else {
            return .failure(Refusal(status: 400, reason: "malformed request line"))
        }
        let version = requestLine[2]
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { return .failure(Refusal(status: 400, reason: "unsupported version")) }
        var head = HTTPRequestHead(method: String(requestLine[0]), target: String(requestLine[1]), isHTTP11: version == "HTTP/1.1",
                                   contentLength: nil, chunked: false, keepAlive: version == "HTTP/1.1", expectsContinue: false)
        var sawHost = false
        for line in lines {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                return .failure(Refusal(status: 400, reason: "malformed header"))
            }
            let name = line[..<colon]
            guard !name.contains(where: { $0 == " " || $0 == "\t" }), line.first != " ", line.first != "\t" else {
                return .failure(Refusal(status: 400, reason: "malformed header name"))
            }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch name.lowercased() {
            case "host":
                sawHost = true
            case "content-length":
                guard !value.isEmpty, value.count <= 18, value.allSatisfy(\.isASCIIDigit), let n = Int(value) else {
                    return .failure(Refusal(status: 400, reason: "invalid Content-Length"))
                }
                if let previous = head.contentLength, previous != n {
                    return .failure(Refusal(status: 400, reason: "conflicting Content-Length"))
                }
                head.contentLength = n
            case "transfer-encoding":
                guard value.lowercased() == "chunked" else { return .failure(Refusal(status: 501, reason: "unsupported Transfer-Encoding")) }
                head.chunked = true
            case "connection":
                let tokens = value.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                if tokens.contains("close") { head.keepAlive = false } else if tokens.contains("keep-alive") { head.keepAlive = true }
            case "expect":
                head.expectsContinue = value.lowercased() == "100-continue"
            default:
                break
            }
        }
        guard !(head.chunked && head.contentLength != nil) else {
            return .failure(Refusal(status: 400, reason: "both Content-Length and chunked"))
        }
        guard sawHost || !head.isHTTP11 else { return .failure(Refusal(status: 400, reason: "missing Host")) }
        return .success(head)
    }
}
