import Foundation

/// One HTTP request as the API client hands it to a transport: always a form-encoded POST.
public struct HTTPRequest: Sendable {
    /// Full URL, e.g. `https://invapi.hostkey.com/whmcs.php`. Never carries the token.
    public var url: String
    /// The form body (holds `action`, `token` and the parameters).
    public var body: Data
    /// Extra headers; `Content-Type` and `User-Agent` are always set by the client.
    public var headers: [(name: String, value: String)]
    /// The action name, for logs, fault injection and counters (not sent separately).
    public var actionName: String
    /// Whether the request changes something; transports must never repeat such a request.
    public var isMutating: Bool

    public init(url: String, body: Data, headers: [(name: String, value: String)] = [], actionName: String, isMutating: Bool) {
        self.url = url
        self.body = body
        self.headers = headers
        self.actionName = actionName
        self.isMutating = isMutating
    }

    /// The path part of `url` (`/whmcs.php`).
    public var path: String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        let p = rest[slash...]
        return String(p.split(separator: "?", maxSplits: 1).first ?? "/")
    }
}

/// What came back: a status, headers (names lower-cased) and the raw body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// `Retry-After` in seconds (the delta-seconds form), if present.
    public var retryAfterSeconds: Double? {
        guard let v = headers["retry-after"]?.trimmingCharacters(in: .whitespaces), let s = Double(v), s >= 0 else { return nil }
        return s
    }
}

/// A failure below HTTP: the request did not complete. `requestSent` tells whether the server may
/// have received (and acted on) the request: that is what separates "refused" from "outcome unknown".
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case invalidURL, insecureURL, resolveFailed, connectFailed, tls, timedOut, connectionDropped,
             responseTooLarge, other
    }
    public var kind: Kind
    public var requestSent: Bool
    public var detail: String

    public init(_ kind: Kind, requestSent: Bool, detail: String) {
        self.kind = kind
        self.requestSent = requestSent
        self.detail = detail
    }

    public var description: String {
        switch kind {
        case .invalidURL: return "invalid API URL: \(detail)"
        case .insecureURL: return "refusing plain http to a non-loopback host (\(detail)); use https"
        case .resolveFailed: return "could not resolve host: \(detail)"
        case .connectFailed: return "could not connect: \(detail)"
        case .tls: return "TLS failure: \(detail)"
        case .timedOut: return "timed out: \(detail)"
        case .connectionDropped: return "connection dropped: \(detail)"
        case .responseTooLarge: return "response too large: \(detail)"
        case .other: return "network error: \(detail)"
        }
    }
}

/// Sends one request and returns one response. Implementations: `CurlTransport` (libcurl, real
/// network) and the sandbox's in-process transport. A transport never retries; the client decides.
public protocol Transport: Sendable {
    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse
}

/// Plain http is allowed only to loopback (the sandbox); everything else must be https.
public enum URLPolicy {
    public static func check(_ url: String) throws(TransportError) {
        let lower = url.lowercased()
        if lower.hasPrefix("https://") { return }
        guard lower.hasPrefix("http://") else { throw TransportError(.invalidURL, requestSent: false, detail: "must start with https://") }
        let host = hostOf(lower)
        if isLoopback(host) { return }
        throw TransportError(.insecureURL, requestSent: false, detail: host)
    }

    public static func hostOf(_ url: String) -> String {
        guard let r = url.range(of: "://") else { return "" }
        var rest = url[r.upperBound...]
        // The authority ends at the first '/', '?' or '#': a '#@127.0.0.1' trick must not pass.
        if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" || $0 == "\\" }) { rest = rest[..<slash] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("[") , let close = rest.firstIndex(of: "]") { return String(rest[rest.index(after: rest.startIndex)..<close]) }
        if let colon = rest.lastIndex(of: ":") { rest = rest[..<colon] }
        return String(rest)
    }

    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" { return true }
        let parts = host.split(separator: ".")
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
