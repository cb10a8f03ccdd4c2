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
    /// `HOSTKEY_API_KEY`), then the active profile; an explicit `--profile` wins over the
    /// environment (LocalStore's `EffectiveProfile` holds that rule for every command).
    /// `loaded`: settings the caller has already read (the console reads them once at start).
    func resolve(environment env: [String: String], loaded: Settings? = nil) throws(ConnectionError) -> Connection {
        let store = SettingsStore(paths: ConfigPaths(environment: env))
        let settings: Settings
        if let loaded {
            settings = loaded
        } else {
            do {
                settings = try store.load()
            } catch {
                // A broken settings file matters only when a profile is needed; say so then.
                let envCredential = env["HOSTKEY_TOKEN"] ?? env["HOSTKEY_TOKEN_FILE"] ?? env["HOSTKEY_API_KEY"] ?? ""
                if (profile != nil || envCredential.isEmpty) && tokenFile == nil && apiKeyFile == nil {
                    throw ConnectionError(message: "\(error)", exitCode: 1)
                }
                settings = Settings()
            }
        }
        let effective: EffectiveProfile
        do { effective = try EffectiveProfile.resolve(settings: settings, environment: env, profileName: profile) } catch {
            throw ConnectionError(message: "\(error) (see 'hkbill profile list')")
        }
        let url = apiURL ?? effective.apiURL
        do { try URLPolicy.check(url + "/whmcs.php") } catch { throw ConnectionError(message: error.description) }

        let credentials: Credentials
        if let tokenFile {
            credentials = .token(try Self.readSecret(tokenFile, what: "token"))
        } else if let apiKeyFile {
            credentials = .apiKey(try Self.readSecret(apiKeyFile, what: "API key"))
        } else {
            switch effective.credentialSource {
            case .environmentToken:
                credentials = .token((env["HOSTKEY_TOKEN"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
            case .environmentTokenFile(let path):
                credentials = .token(try Self.readSecret(path, what: "token"))
            case .environmentAPIKey:
                credentials = .apiKey((env["HOSTKEY_API_KEY"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
            case .profile(let name):
                let stored: StoredCredential?
                do { stored = try store.credential(for: name) } catch { throw ConnectionError(message: "\(error)", exitCode: 1) }
                switch stored {
                case .token(let t)?: credentials = .token(t)
                case .apiKey(let k)?: credentials = .apiKey(k)
                case nil: throw ConnectionError(message: "profile '\(name)' has no stored token or API key (hkbill profile add \(name) --replace ...)")
                }
            case .none:
                throw ConnectionError(message: "no credentials: set HOSTKEY_TOKEN or HOSTKEY_API_KEY, pass --token-file/--api-key-file, or add a profile with 'hkbill profile add'")
            }
        }
        let configuration = APIConfiguration(baseURL: url)
        let transport = CurlTransport(configuration: CurlConfiguration(userAgent: configuration.userAgent, connectTimeout: connectTimeout, totalTimeout: totalTimeout))
        let client = APIClient(configuration: configuration, transport: transport, credentials: credentials)
        return Connection(client: client, configuration: configuration, readOnly: readOnly || effective.readOnly,
                          profileName: effective.profile?.name, billingLocation: effective.billingLocation)
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
