import Foundation

/// Where and how the client talks to the API.
public struct APIConfiguration: Sendable {
    public static let defaultBaseURL = "https://invapi.hostkey.com"
    public static let version = "0.1.0"

    /// `https://invapi.hostkey.com`; `whmcs.php` and `auth.php` are appended.
    public var baseURL: String
    public var userAgent: String
    public var retry: RetryPolicy
    /// Token lifetime asked for at login (seconds).
    public var tokenTTL: Int
    /// Renew a key-obtained token this long before it expires.
    public var renewBefore: Double

    public init(baseURL: String = APIConfiguration.defaultBaseURL, userAgent: String = "hkbill/\(APIConfiguration.version)",
                retry: RetryPolicy = RetryPolicy(), tokenTTL: Int = 3600, renewBefore: Double = 120) {
        var base = baseURL.trimmingCharacters(in: .whitespaces)
        while base.hasSuffix("/") { base.removeLast() }
        for suffix in ["/whmcs.php", "/auth.php"] where base.hasSuffix(suffix) { base.removeLast(suffix.count) }
        self.baseURL = base
        self.userAgent = userAgent
        self.retry = retry
        self.tokenTTL = tokenTTL
        self.renewBefore = renewBefore
    }

    public func url(for endpoint: Endpoint) -> String { baseURL + "/" + endpoint.rawValue }
}
