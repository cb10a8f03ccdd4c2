import BillingAPI
import Foundation
import LocalStore

/// A usage or configuration problem found while resolving how to connect.
struct ConnectionError: Error {
    var message: String
    var exitCode: Int32 = 2
}

/// What `hkbill call` and the console connect with, once flags, environment and profile are merged.
struct Connection {
    var client: APIClient
    var configuration: APIConfiguration
    var readOnly: Bool
    var profileName: String?
    var billingLocation: String?
}

/// Connection flags shared by `hkbill call` and the console. Secrets are only ever read from the
/// environment, files or the profile's credentials file: no flag takes a secret itself.
struct ConnectionOptions {
    var apiURL: String?
    var tokenFile: String?
    var apiKeyFile: String?
    var profile: String?
    var readOnly = false
    var connectTimeout: Double = 10
    var totalTimeout: Double = 30

    /// Consumes `arg` (and its value `next`) when it is a connection flag; returns whether it did.
    mutating func consume(_ arg: String, next: String?) throws(ConnectionError) -> Bool {
        func value() throws(ConnectionError) -> String {
            guard let next, !next.hasPrefix("--") else { throw ConnectionError(message: "\(arg) needs a value") }
            return next
        }
        func seconds() throws(ConnectionError) -> Double {
            let v = try value()
            guard let d = Double(v), d > 0, d <= 3600 else { throw ConnectionError(message: "\(arg) takes seconds (0-3600), got '\(v)'") }
            return d
        }
        switch arg {
        case "--api-url": apiURL = try value()
        case "--token-file": tokenFile = try value()
        case "--api-key-file": apiKeyFile = try value()
        case "--profile": profile = try value()
        case "--connect-timeout": connectTimeout = try seconds()
        case "--timeout": totalTimeout = try seconds()
        case "--token", "--api-key", "--key":
            throw ConnectionError(message: "\(arg) is not accepted: secrets never go on the command line; use HOSTKEY_TOKEN, --token-file, HOSTKEY_API_KEY or --api-key-file")
        default: return false
        }
        return true
    }

    /// Order: flags, then environment (`HOSTKEY_API_URL`, `HOSTKEY_TOKEN`, `HOSTKEY_TOKEN_FILE`,
    /// `HOSTKEY_API_KEY`), then the chosen or active profile, then the defaults.
    func resolve(environment env: [String: String]) throws(ConnectionError) -> Connection {
        let store = SettingsStore(paths: ConfigPaths(environment: env))
        var settings: Settings? = nil
        do { settings = try store.load() } catch {
            // A broken settings file only matters when we need a profile from it.
            if profile != nil { throw ConnectionError(message: "\(error)", exitCode: 1) }
        }
        let chosenName = profile ?? settings?.activeProfile
        let chosen = chosenName.flatMap { n in settings?.profiles.first { $0.name == n } }
        if let profile, chosen == nil { throw ConnectionError(message: "no profile named '\(profile)' (see 'hkbill profile list')") }

        let url = apiURL ?? env["HOSTKEY_API_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? chosen?.apiURL ?? APIConfiguration.defaultBaseURL
        do { try URLPolicy.check(url + "/whmcs.php") } catch { throw ConnectionError(message: error.description) }

        let credentials: Credentials
        if let tokenFile {
            credentials = .token(try Self.readSecret(tokenFile, what: "token"))
        } else if let apiKeyFile {
            credentials = .apiKey(try Self.readSecret(apiKeyFile, what: "API key"))
        } else if let t = env["HOSTKEY_TOKEN"], !t.isEmpty {
            credentials = .token(t.trimmingCharacters(in: .whitespacesAndNewlines))
        } else if let f = env["HOSTKEY_TOKEN_FILE"], !f.isEmpty {
            credentials = .token(try Self.readSecret(f, what: "token"))
        } else if let k = env["HOSTKEY_API_KEY"], !k.isEmpty {
            credentials = .apiKey(k.trimmingCharacters(in: .whitespacesAndNewlines))
        } else if let chosen, let stored = try? store.credential(for: chosen.name) {
            switch stored {
            case .token(let t): credentials = .token(t)
            case .apiKey(let k): credentials = .apiKey(k)
            }
        } else {
            throw ConnectionError(message: "no credentials: set HOSTKEY_TOKEN or HOSTKEY_API_KEY, pass --token-file/--api-key-file, or add a profile with 'hkbill profile add'")
        }
        let configuration = APIConfiguration(baseURL: url)
        let transport = CurlTransport(configuration: CurlConfiguration(connectTimeout: connectTimeout, totalTimeout: totalTimeout,
                                                                      userAgent: configuration.userAgent))
        let client = APIClient(configuration: configuration, transport: transport, credentials: credentials)
        return Connection(client: client, configuration: configuration, readOnly: readOnly || (chosen?.readOnly ?? false),
                          profileName: chosen?.name, billingLocation: chosen?.billingLocation)
    }

    /// Reads a secret from a file, trimmed; the error never quotes the file's content.
    static func readSecret(_ path: String, what: String) throws(ConnectionError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConnectionError(message: "cannot read the \(what) file \(path)")
        }
        let s = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !s.isEmpty else { throw ConnectionError(message: "the \(what) file \(path) is empty") }
        return s
    }
}

/// Questions on the controlling terminal, for confirmations outside the full-screen console.
enum Terminal {
    static var isInteractive: Bool { isatty(0) == 1 && isatty(2) == 1 }

    static func confirm(_ question: String) -> Bool {
        FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
        guard let line = readLine() else { return false }
        return ["y", "yes"].contains(line.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
