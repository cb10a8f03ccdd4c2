import Foundation

/// The one way hkbill talks to invapi: builds form requests, authenticates, retries reads,
/// never repeats writes, and classifies answers. Typed methods for every action live in the
/// `APIClient+*.swift` extensions; they all go through `send(_:_:)`.
///
/// Calls are synchronous and thread-safe: run them off the UI thread (the effect runner does).
public final class APIClient: @unchecked Sendable {
    public let configuration: APIConfiguration
    private let transport: any Transport
    private let credentials: Credentials
    private let now: @Sendable () -> Date
    private let sleep: @Sendable (Double) -> Void
    private let random: @Sendable () -> Double

    private let lock = NSLock()
    private var session: AuthSession?
    private var baseURL: String

    /// - Parameters:
    ///   - now, sleep, random: injectable for tests (token expiry, back-off without waiting).
    public init(configuration: APIConfiguration = APIConfiguration(), transport: any Transport, credentials: Credentials,
                now: @escaping @Sendable () -> Date = { Date() },
                sleep: @escaping @Sendable (Double) -> Void = { Thread.sleep(forTimeInterval: $0) },
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.configuration = configuration
        self.transport = transport
        self.credentials = credentials
        self.now = now
        self.sleep = sleep
        self.random = random
        self.baseURL = configuration.baseURL
        if case .token(let t) = credentials { session = AuthSession(token: t) }
    }

    /// The current login's servers and role, if the client logged in with an API key.
    public var currentSession: AuthSession? {
        lock.lock(); defer { lock.unlock() }
        return session
    }

    /// The base URL in use (it may follow the login's `invapi` host within the same domain).
    public var effectiveBaseURL: String {
        lock.lock(); defer { lock.unlock() }
        return baseURL
    }

    // MARK: - Sending

    /// Sends one `whmcs.php` action and returns the answer's JSON when it is a success.
    /// Reads are retried on network failures, 429 and 5xx; writes get exactly one attempt, and a
    /// write whose answer was lost is `APIError.outcomeUnknown`.
    public func send(_ action: Action, _ parameters: FormParameters = FormParameters()) throws(APIError) -> JSONValue {
        try send(action, parameters, fastDecode: Self.noFastPath, decode: { $0 })
    }

    /// Like `send`, but lets a caller decode the raw body directly (`fastDecode`, which must return
    /// nil for anything but a plain success) before the general path (`decode` of the JSON tree).
    /// Used for large lists, where building the tree first would double the work.
    func send<T>(_ action: Action, _ parameters: FormParameters, fastDecode: (Data) -> T?,
                 decode: (JSONValue) throws(APIError) -> T) throws(APIError) -> T {
        var reauthenticated = false
        while true {
            let token = try currentToken()
            do {
                let outcome: Decoded<T> = try sendWithRetries(
                    endpoint: .whmcs, actionName: action.rawValue, isMutating: action.isMutating,
                    parameters: parameters, token: token, fastDecode: fastDecode)
                switch outcome {
                case .fast(let value): return value
                case .json(let json): return try decode(json)
                }
            } catch {
                // One fresh login, never a loop, when the token was refused (the action did not run).
                if error.isExpiredToken, !reauthenticated, case .apiKey = credentials {
                    reauthenticated = true
                    invalidateSession(token: token)
                    continue
                }
                if error.isExpiredToken, case .refused(let code, let message) = error {
                    throw APIError.authentication(code: code, message: message)
                }
                throw error
            }
        }
    }

    private enum Decoded<T> {
        case fast(T)
        case json(JSONValue)

        var json: JSONValue {
            if case .json(let j) = self { return j }
            return .null
        }
    }

    private static func noFastPath(_: Data) -> JSONValue? { nil }

    /// Sends an `auth.php` action with the given parameters (the token is added for info/logout).
    public func sendAuth(_ action: AuthAction, _ parameters: FormParameters) throws(APIError) -> JSONValue {
        try sendWithRetries(endpoint: .auth, actionName: action.rawValue, isMutating: action == .logout,
                            parameters: parameters, token: nil, fastDecode: Self.noFastPath).json
    }

    private func sendWithRetries<T>(endpoint: Endpoint, actionName: String, isMutating: Bool, parameters: FormParameters,
                                    token: String?, fastDecode: (Data) -> T?) throws(APIError) -> Decoded<T> {
        var body = FormParameters()
        body.add("action", actionName)
        for f in parameters.fields where f.name != "action" && f.name != "token" { body.add(f.name, f.value) }
        if let token { body.add("token", token) }
        let request = HTTPRequest(url: urlFor(endpoint), body: body.encodedData,
                                  headers: [("User-Agent", configuration.userAgent),
                                            ("Content-Type", "application/x-www-form-urlencoded")],
                                  actionName: actionName, isMutating: isMutating)
        let attempts = isMutating ? 1 : max(1, configuration.retry.maxAttempts)
        var attempt = 0
        while true {
            attempt += 1
            let outcome = attemptOnce(request, fastDecode: fastDecode)
            switch outcome {
            case .success(let decoded): return decoded
            case .failure(let error):
                guard !isMutating, attempt < attempts, RetryPolicy.isRetryable(error.error) else { throw error.error }
                sleep(configuration.retry.delay(afterAttempt: attempt, retryAfter: error.retryAfter, random: random()))
            }
        }
    }

    private struct AttemptFailure: Error {
        var error: APIError
        var retryAfter: Double?
    }

    private func attemptOnce<T>(_ request: HTTPRequest, fastDecode: (Data) -> T?) -> Result<Decoded<T>, AttemptFailure> {
        let response: HTTPResponse
        do {
            response = try transport.send(request)
        } catch {
            if request.isMutating && error.requestSent {
                return .failure(AttemptFailure(error: .outcomeUnknown(action: request.actionName, reason: error.description)))
            }
            return .failure(AttemptFailure(error: .network(error)))
        }
        if (200..<300).contains(response.status), let value = fastDecode(response.body) { return .success(.fast(value)) }
        switch ResponseClassifier.classify(response, action: request.actionName, isMutating: request.isMutating) {
        case .success(let json): return .success(.json(json))
        case .failure(let e): return .failure(AttemptFailure(error: e, retryAfter: response.retryAfterSeconds))
        }
    }

    private func urlFor(_ endpoint: Endpoint) -> String {
        lock.lock(); defer { lock.unlock() }
        return baseURL + "/" + endpoint.rawValue
    }

    // MARK: - Tokens

    /// The token to send: the configured one, or a key-obtained one renewed before it expires.
    private func currentToken() throws(APIError) -> String {
        switch credentials {
        case .none:
            throw APIError.notAuthenticated("no token or API key configured: set HOSTKEY_TOKEN, HOSTKEY_TOKEN_FILE, HOSTKEY_API_KEY or add a profile")
        case .token(let t):
            return t
        case .apiKey(let key):
            lock.lock()
            let current = session
            lock.unlock()
            if let current, let exp = current.expiresAt, exp.timeIntervalSince(now()) > configuration.renewBefore {
                return current.token
            }
            return try login(apiKey: key).token
        }
    }

    /// The token for `auth.php info`/`logout` (logging in first when only a key is configured).
    func tokenForAuthCall() throws(APIError) -> String { try currentToken() }

    func sendAuthWithToken(_ action: AuthAction, _ parameters: FormParameters) throws(APIError) -> JSONValue {
        // info is a read (retried); logout changes state (one attempt).
        try sendWithRetries(endpoint: .auth, actionName: action.rawValue, isMutating: action != .info,
                            parameters: parameters.fields.filter { $0.name != "token" }.reduce(into: FormParameters()) { $0.add($1.name, $1.value) },
                            token: parameters["token"], fastDecode: Self.noFastPath).json
    }

    private func invalidateSession(token: String) {
        lock.lock(); defer { lock.unlock() }
        if session?.token == token { session = nil }
    }

    /// Exchanges an API key for a token (`auth.php login`, `fix_ip=0`). A refusal is an
    /// authentication error: a wrong key, or `NO_APPROPRIATE_SERVERS` for an account without servers.
    @discardableResult
    public func login(apiKey: String) throws(APIError) -> AuthSession {
        var p = FormParameters()
        p.add("key", apiKey)
        p.add("ttl", configuration.tokenTTL)
        p.add("fix_ip", 0)
        let json: JSONValue
        do {
            json = try sendAuth(.login, p)
        } catch {
            switch error {
            case .refused(let code, let message):
                if code == .text("NO_APPROPRIATE_SERVERS") || message.contains("NO_APPROPRIATE_SERVERS") {
                    throw APIError.authentication(code: code, message: "no appropriate servers found: the account has no active server")
                }
                throw APIError.authentication(code: code, message: message)
            case .httpStatus(let s, _) where s == 401 || s == 403:
                throw APIError.authentication(code: .number(s), message: "the API key was refused")
            case .outcomeUnknown(_, let reason):
                throw APIError.network(TransportError(.other, requestSent: true, detail: "login: \(reason)"))
            default: throw error
            }
        }
        guard let s = AuthSession(json: json, requestedTTL: configuration.tokenTTL, now: now()) else {
            throw APIError.authentication(code: nil, message: "login answer has no token")
        }
        lock.lock()
        session = s
        if let host = s.apiHost { baseURL = Self.followedBase(current: baseURL, invapiHost: host) }
        lock.unlock()
        return s
    }

    /// Switches to the login's `invapi` host only within the configured registrable domain
    /// (a login answer must not redirect the token to a foreign host).
    static func followedBase(current: String, invapiHost: String) -> String {
        let host = invapiHost.lowercased().trimmingCharacters(in: .whitespaces)
        guard !host.isEmpty, !host.contains("/"), !host.contains("@"), !host.contains(":") else { return current }
        let currentHost = URLPolicy.hostOf(current.lowercased())
        guard !URLPolicy.isLoopback(currentHost), current.lowercased().hasPrefix("https://") else { return current }
        func registrable(_ h: String) -> String { h.split(separator: ".").suffix(2).joined(separator: ".") }
        guard registrable(host) == registrable(currentHost), host.split(separator: ".").count >= 2 else { return current }
        return "https://" + host
    }
}

/// Internal behaviour exposed for tests only.
public enum APIClientTestHooks {
    public static func followed(_ current: String, _ host: String) -> String { APIClient.followedBase(current: current, invapiHost: host) }
}
