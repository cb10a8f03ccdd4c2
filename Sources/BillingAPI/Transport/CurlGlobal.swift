import CCurl

/// libcurl's process-wide set-up, done once, lazily, before the first easy handle is made.
///
/// `curl_global_init` must run once per process before any thread uses curl. A Swift `static let`
/// is initialised exactly once under a lock (swift_once), which is exactly that guarantee.
enum CurlGlobal {
    /// The result of the one `curl_global_init` call (`CURLE_OK` when curl is usable).
    static let initResult: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))

    /// Initialises curl on first use; throws when the library could not be set up.
    static func ensureInitialized() throws(TransportError) {
        let code = initResult
        guard code == CURLE_OK else {
            throw TransportError(.other, requestSent: false, detail: "libcurl could not be initialised (\(CurlGlobal.describe(code)))")
        }
    }

    /// curl's own short text for a result code.
    static func describe(_ code: CURLcode) -> String {
        guard let text = curl_easy_strerror(code) else { return "curl error \(code.rawValue)" }
        return String(cString: text)
    }
}
