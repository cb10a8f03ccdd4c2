import CCurl

/// A URL as libcurl itself parsed it (a CURLU handle), checked against the http/https policy on
/// curl's own reading of the host. `URLPolicy` parses the text its own way; checking again here
/// means a URL the two parsers read differently (e.g. `http://example.com#@127.0.0.1/`) can never
/// send the token over plain http to a remote host. The transfer then uses this very handle.
final class CurlURL {
    let handle: OpaquePointer
    /// True for `http://` (allowed only to loopback; never proxied).
    let isPlainHTTP: Bool

    init(_ text: String) throws(TransportError) {
        try CurlGlobal.ensureInitialized()
        guard let handle = curl_url() else {
            throw TransportError(.other, requestSent: false, detail: "libcurl could not parse URLs (out of memory)")
        }
        // Assigned first so that deinit frees the handle on every failure below.
        self.handle = handle
        guard curl_url_set(handle, CURLUPART_URL, text, 0) == CURLUE_OK else {
            self.isPlainHTTP = false
            throw TransportError(.invalidURL, requestSent: false, detail: "libcurl cannot parse the URL")
        }
        let scheme = Self.part(handle, CURLUPART_SCHEME)?.lowercased() ?? ""
        var host = Self.part(handle, CURLUPART_HOST)?.lowercased() ?? ""
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.isPlainHTTP = scheme == "http"
        switch scheme {
        case "https":
            guard !host.isEmpty else { throw TransportError(.invalidURL, requestSent: false, detail: "no host in the URL") }
        case "http":
            guard URLPolicy.isLoopback(host) else { throw TransportError(.insecureURL, requestSent: false, detail: host) }
        default:
            throw TransportError(.invalidURL, requestSent: false, detail: "must start with https://")
        }
    }

    deinit {
        curl_url_cleanup(handle)
    }

    private static func part(_ handle: OpaquePointer, _ which: CURLUPart) -> String? {
        var out: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, which, &out, 0) == CURLUE_OK, let out else { return nil }
        defer { curl_free(out) }
        return String(cString: out)
    }
}
