import Foundation

/// Collects one response while curl delivers it: header lines (names lower-cased) and the body,
/// capped at a byte limit. curl's callbacks reach it through WRITEDATA/HEADERDATA; it lives for
/// exactly one transfer, on the thread running that transfer.
final class CurlResponseSink {
    private let limit: Int
    private(set) var body = Data()
    private(set) var headers: [String: String] = [:]
    private var headerBytes = 0
    /// Set when the response outgrew `limit` and the transfer was aborted.
    private(set) var exceeded = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Appends body bytes; false (abort) once the body would pass the limit.
    func appendBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= limit else {
            exceeded = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// Takes one raw header line. A status line starts a new header set: curl also hands over the
    /// headers of interim (1xx) answers and of an attempt it retried internally.
    func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) -> Bool {
        // Headers count against the same limit, so an endless header stream is cut off too.
        headerBytes += bytes.count
        guard headerBytes <= limit else {
            exceeded = true
            return false
        }
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            headers = [:]
            return true
        }
        guard let colon = line.firstIndex(of: ":") else { return true }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return true }
        // A repeated header keeps every value, joined as HTTP allows for list-valued fields.
        if let earlier = headers[name] {
            headers[name] = earlier + ", " + value
        } else {
            headers[name] = value
        }
        return true
    }
}
