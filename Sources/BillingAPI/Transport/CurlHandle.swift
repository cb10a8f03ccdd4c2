import CCurl
import Foundation

/// One libcurl easy handle and the memory it points into (its error buffer). An easy handle is not
/// thread-safe, so a `CurlHandle` serves one request at a time; `CurlTransport` pools them.
/// Reusing the same handle for the next request lets curl reuse its kept-alive connection.
final class CurlHandle {
    private let easy: UnsafeMutableRawPointer
    /// CURLOPT_ERRORBUFFER target: curl writes its detailed message here during a transfer.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let maxResponseBytes: Int

    /// Creates a handle with every option that does not change between requests.
    init(configuration: CurlConfiguration) throws(TransportError) {
        try CurlGlobal.ensureInitialized()
        guard let easy = curl_easy_init() else {
            throw TransportError(.other, requestSent: false, detail: "libcurl could not create a handle")
        }
        self.easy = easy
        self.maxResponseBytes = max(0, configuration.maxResponseBytes)
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        // From here on deinit cleans up, so a failing option below leaks nothing.
        try applyFixedOptions(configuration)
    }

    deinit {
        curl_easy_cleanup(easy)
        errorBuffer.deallocate()
    }

    // MARK: - One transfer

    /// Performs exactly one POST of `request` to `url` (already checked against the URL policy).
    /// Non-2xx statuses are returned as responses; only failures below HTTP throw.
    func perform(_ request: HTTPRequest, url: CurlURL, userAgent: String) throws(TransportError) -> HTTPResponse {
        let sink = CurlResponseSink(limit: maxResponseBytes)
        let headers = try Self.headerList(for: request, userAgent: userAgent)
        defer { curl_slist_free_all(headers) }
        // A NUL after the body keeps the pointer non-null for an empty body (a NULL POSTFIELDS would
        // make curl read the body from stdin instead).
        var body = [UInt8](request.body)
        body.append(0)
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()

        let code: CURLcode = body.withUnsafeMutableBufferPointer { bytes in
            errorBuffer[0] = 0
            var setup = hk_curl_setopt_ptr(easy, CURLOPT_CURLU, UnsafeMutableRawPointer(url.handle))
            setup = setup == CURLE_OK ? hk_curl_setopt_slist(easy, CURLOPT_HTTPHEADER, headers) : setup
            setup = setup == CURLE_OK ? hk_curl_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)) : setup
            setup = setup == CURLE_OK ? hk_curl_setopt_ptr(easy, CURLOPT_POSTFIELDS, bytes.baseAddress) : setup
            setup = setup == CURLE_OK ? hk_curl_setopt_ptr(easy, CURLOPT_WRITEDATA, sinkPointer) : setup
            setup = setup == CURLE_OK ? hk_curl_setopt_ptr(easy, CURLOPT_HEADERDATA, sinkPointer) : setup
            // curl silently replays a request once on a fresh connection when a reused connection
            // died before answering. For a write that replay could pay twice, so a write always gets
            // a connection of its own (no reuse, so no replay). Plain http only ever goes to loopback:
            // never through a proxy, where the token would travel in clear.
            setup = setup == CURLE_OK ? hk_curl_setopt_long(easy, CURLOPT_FRESH_CONNECT, request.isMutating ? 1 : 0) : setup
            setup = setup == CURLE_OK ? hk_curl_setopt_str(easy, CURLOPT_NOPROXY, url.isPlainHTTP ? "*" : nil) : setup
            guard setup == CURLE_OK else { return setup }
            return curl_easy_perform(easy)
        }
        // Drop every pointer into memory this call owned, so nothing dangles between requests.
        _ = hk_curl_setopt_ptr(easy, CURLOPT_CURLU, nil)
        _ = hk_curl_setopt_slist(easy, CURLOPT_HTTPHEADER, nil)
        _ = hk_curl_setopt_ptr(easy, CURLOPT_POSTFIELDS, nil)
        _ = hk_curl_setopt_ptr(easy, CURLOPT_WRITEDATA, nil)
        _ = hk_curl_setopt_ptr(easy, CURLOPT_HEADERDATA, nil)
        withExtendedLifetime(sink) {}

        guard code == CURLE_OK else {
            throw Self.failure(code: code, mayHaveSent: mayHaveSentRequest(), limit: maxResponseBytes,
                               limitExceeded: sink.exceeded, detail: errorDetail(code))
        }
        var status = 0
        if hk_curl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status) != CURLE_OK || status <= 0 {
            throw TransportError(.other, requestSent: true, detail: "no HTTP status in the response")
        }
        return HTTPResponse(status: status, headers: sink.headers, body: sink.body)
    }

    /// Whether any byte of the request may have left: curl counted request bytes, or got as far as
    /// starting the transfer on an established (and, for https, handshaken) connection.
    /// `REQUEST_SIZE` also survives curl's internal retry, so a request sent on a dead reused
    /// connection still counts even when the fresh connect after it fails.
    private func mayHaveSentRequest() -> Bool {
        var requestSize = 0
        var uploaded: curl_off_t = 0
        var pretransfer: curl_off_t = 0
        let a = hk_curl_getinfo_long(easy, CURLINFO_REQUEST_SIZE, &requestSize)
        let b = hk_curl_getinfo_off(easy, CURLINFO_SIZE_UPLOAD_T, &uploaded)
        let c = hk_curl_getinfo_off(easy, CURLINFO_PRETRANSFER_TIME_T, &pretransfer)
        // Unreadable counters: assume the worst (an unknown outcome is the safe answer).
        guard a == CURLE_OK, b == CURLE_OK, c == CURLE_OK else { return true }
        return requestSize > 0 || uploaded > 0 || pretransfer > 0
    }

    /// curl's detailed message from the error buffer, or its generic text for the code. It never
    /// holds the body (the token lives there); it is sanitized because it may quote the server.
    private func errorDetail(_ code: CURLcode) -> String {
        let text = String(cString: errorBuffer).trimmingCharacters(in: .whitespacesAndNewlines)
        return ServerText.sanitize(text.isEmpty ? CurlGlobal.describe(code) : text)
    }

    // MARK: - Options and headers

    private func applyFixedOptions(_ configuration: CurlConfiguration) throws(TransportError) {
        let connectMillis = Self.milliseconds(configuration.connectTimeout)
        let totalMillis = Self.milliseconds(configuration.totalTimeout)
        let bodyCallback: hk_curl_data_cb = { data, size, count, context in
            let bytes = size * count
            guard let data, let context else { return 0 }
            let sink = Unmanaged<CurlResponseSink>.fromOpaque(context).takeUnretainedValue()
            // Returning anything but `bytes` makes curl abort the transfer with CURLE_WRITE_ERROR.
            return sink.appendBody(UnsafeRawBufferPointer(start: data, count: bytes)) ? bytes : 0
        }
        let headerCallback: hk_curl_data_cb = { data, size, count, context in
            let bytes = size * count
            guard let data, let context else { return 0 }
            let sink = Unmanaged<CurlResponseSink>.fromOpaque(context).takeUnretainedValue()
            return sink.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: bytes)) ? bytes : 0
        }
        var steps: [(String, CURLcode)] = [
            ("ERRORBUFFER", hk_curl_setopt_ptr(easy, CURLOPT_ERRORBUFFER, errorBuffer)),
            // Threads call us concurrently: curl must not use signals (SIGALRM) for timeouts.
            ("NOSIGNAL", hk_curl_setopt_long(easy, CURLOPT_NOSIGNAL, 1)),
            ("PROTOCOLS_STR", hk_curl_setopt_str(easy, CURLOPT_PROTOCOLS_STR, "http,https")),
            ("FOLLOWLOCATION", hk_curl_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0)),
            ("SSL_VERIFYPEER", hk_curl_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1)),
            ("SSL_VERIFYHOST", hk_curl_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2)),
            ("CONNECTTIMEOUT_MS", hk_curl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, connectMillis)),
            ("TIMEOUT_MS", hk_curl_setopt_long(easy, CURLOPT_TIMEOUT_MS, totalMillis)),
            // Refuses a declared Content-Length above the cap before any of the body is read; the
            // write callback enforces the same cap on bodies of unknown length.
            ("MAXFILESIZE_LARGE", hk_curl_setopt_off(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maxResponseBytes))),
            ("POST", hk_curl_setopt_long(easy, CURLOPT_POST, 1)),
            // Compressed answers are welcome; the cap applies to the decoded bytes (no zip bombs).
            ("ACCEPT_ENCODING", hk_curl_setopt_str(easy, CURLOPT_ACCEPT_ENCODING, "")),
            ("WRITEFUNCTION", hk_curl_setopt_datacb(easy, CURLOPT_WRITEFUNCTION, bodyCallback)),
            ("HEADERFUNCTION", hk_curl_setopt_datacb(easy, CURLOPT_HEADERFUNCTION, headerCallback)),
        ]
        if let caInfo = configuration.caInfoPath {
            steps.append(("CAINFO", hk_curl_setopt_str(easy, CURLOPT_CAINFO, caInfo)))
        }
        if let failed = steps.first(where: { $0.1 != CURLE_OK }) {
            throw TransportError(.other, requestSent: false,
                                 detail: "libcurl refused option \(failed.0): \(CurlGlobal.describe(failed.1))")
        }
    }

    /// Seconds to curl's milliseconds, at least 1 (0 would mean "no timeout" to curl).
    private static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 1 }
        return max(1, Int(min(seconds, 86_400) * 1000))
    }

    /// Names the transport controls itself; a caller's header of the same name is dropped.
    private static let reservedHeaderNames: Set<String> = ["content-type", "user-agent", "expect", "content-length", "host", "transfer-encoding"]

    /// The request's header list. `Expect:` with no value stops curl from adding
    /// `Expect: 100-continue`, which would cost a round trip on larger bodies.
    private static func headerList(for request: HTTPRequest, userAgent: String) throws(TransportError) -> UnsafeMutablePointer<curl_slist>? {
        var lines = [
            "Content-Type: application/x-www-form-urlencoded",
            "User-Agent: \(singleLine(userAgent))",
            "Expect:",
        ]
        for header in request.headers {
            let name = singleLine(header.name).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains(":"), !reservedHeaderNames.contains(name.lowercased()) else { continue }
            let value = singleLine(header.value).trimmingCharacters(in: .whitespaces)
            // "Name;" is curl's spelling of a header with an empty value ("Name:" would delete it).
            lines.append(value.isEmpty ? "\(name);" : "\(name): \(value)")
        }
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let next = curl_slist_append(list, line) else {
                curl_slist_free_all(list)
                throw TransportError(.other, requestSent: false, detail: "out of memory building request headers")
            }
            list = next
        }
        return list
    }

    /// Removes CR, LF and NUL so a header value can never start another header.
    private static func singleLine(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" && $0 != "\0" })
    }

    // MARK: - Failure mapping

    /// Maps a failed transfer to a `TransportError`. Failures that can only happen before the
    /// request leaves (resolve, connect, TLS handshake, a bad URL) are "not sent" unless curl had
    /// already sent it once (`mayHaveSent`); everything else is "sent", because when in doubt an
    /// unknown outcome is the safe answer for a write.
    static func failure(code: CURLcode, mayHaveSent: Bool, limit: Int, limitExceeded: Bool, detail: String) -> TransportError {
        if limitExceeded || code == CURLE_FILESIZE_EXCEEDED {
            return TransportError(.responseTooLarge, requestSent: true, detail: "response exceeded \(describeSize(limit))")
        }
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            // After sending, "unsupported protocol" means the answer was not HTTP (e.g. HTTP/0.9).
            return TransportError(mayHaveSent ? .other : .invalidURL, requestSent: mayHaveSent, detail: detail)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return TransportError(.resolveFailed, requestSent: mayHaveSent, detail: detail)
        case CURLE_COULDNT_CONNECT, CURLE_PROXY:
            return TransportError(.connectFailed, requestSent: mayHaveSent, detail: detail)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
             CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
             CURLE_SSL_ENGINE_INITFAILED, CURLE_USE_SSL_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
             CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT:
            return TransportError(.tls, requestSent: mayHaveSent, detail: detail)
        case CURLE_OPERATION_TIMEDOUT:
            return TransportError(.timedOut, requestSent: mayHaveSent, detail: detail)
        case CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_HTTP2,
             CURLE_HTTP2_STREAM, CURLE_HTTP3:
            return TransportError(.connectionDropped, requestSent: true, detail: detail)
        default:
            return TransportError(.other, requestSent: true, detail: detail)
        }
    }

    /// "32 MiB", "64 KiB" or "1000 bytes": the cap as a person would say it.
    static func describeSize(_ bytes: Int) -> String {
        if bytes > 0 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes > 0 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
