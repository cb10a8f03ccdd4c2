import BillingAPI
import Foundation

/// Serializes an answer, headers and body, into one buffer so it leaves in one `send` (separate
/// writes for headers and body meet delayed ACKs and cost ~40 ms per request).
enum HTTPAnswerBytes {
    /// Bodies above this go out in a second send rather than being copied behind the head: with
    /// TCP_NODELAY nothing waits for an ACK, and a 30 MB list is not copied once more.
    static let separateBodyAbove = 256 * 1024

    static func make(_ response: HTTPResponse, keepAlive: Bool, closeAfter: Bool) -> [UInt8] {
        var out = head(response, keepAlive: keepAlive, closeAfter: closeAfter)
        out.append(contentsOf: response.body)
        return out
    }

    /// The status line and headers, ending with the blank line.
    static func head(_ response: HTTPResponse, keepAlive: Bool, closeAfter: Bool) -> [UInt8] {
        var head = "HTTP/1.1 " + String(response.status) + " " + HTTPStatusText.reason(response.status) + "\r\n"
        head += "Server: hkbill-sandbox\r\n"
        for (name, value) in response.headers where name != "content-length" && name != "connection" {
            head += headerName(name) + ": " + value + "\r\n"
        }
        head += "Content-Length: " + String(response.body.count) + "\r\n"
        head += (keepAlive && !closeAfter ? "Connection: keep-alive\r\n" : "Connection: close\r\n") + "\r\n"
        var out: [UInt8] = []
        out.reserveCapacity(head.utf8.count + (response.body.count <= separateBodyAbove ? response.body.count : 0))
        out.append(contentsOf: head.utf8)
        return out
    }

    /// A short plain-text error answer (400, 413...), always closing the connection.
    static func error(status: Int, reason: String) -> [UInt8] {
        let body = String(status) + " " + HTTPStatusText.reason(status) + ": " + reason + "\n"
        return make(HTTPResponse(status: status, headers: ["content-type": "text/plain; charset=utf-8"], body: Data(body.utf8)),
                    keepAlive: false, closeAfter: true)
    }

    /// `content-type` -> `Content-Type`.
    private static func headerName(_ lower: String) -> String {
        lower.split(separator: "-", omittingEmptySubsequences: false).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "-")
    }
}

