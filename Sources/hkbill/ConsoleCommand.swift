import BillingAPI
import BillingSandbox
import ConsoleCore
import Foundation
import LocalStore
import TerminalUI

/// `hkbill [--demo] [--profile NAME] [--read-only] [--theme NAME]`: opens the full-screen console,
/// on the active profile (environment variables override it, as for `hkbill call`) or, with
/// `--demo`, on the in-process sandbox's seeded customer.
enum ConsoleCommand {
    static let usage = """
    usage: hkbill [--profile NAME] [--read-only] [--theme NAME] [--api-url URL] [--token-file FILE] [--api-key-file FILE]
           hkbill --demo [--seed N] [--invoices N] [--read-only] [--theme NAME]
    """

    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        var options = ConnectionOptions()
        var demo = false
        var seed: UInt64 = 1
        var demoInvoices: Int?
        var theme: String?
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            let next = i + 1 < arguments.count ? arguments[i + 1] : nil
            switch a {
            case "--demo": demo = true
            case "--read-only", "--readonly": options.readOnly = true
            case "--theme":
                guard let next else { return usageError("--theme needs a name") }
                theme = next
                i += 1
            case "--seed":
                guard let next, let n = UInt64(next) else { return usageError("--seed needs a number") }
                seed = n
                i += 1
            case "--invoices":
                guard let next, let n = Int(next), (1...1_000_000).contains(n) else { return usageError("--invoices needs a number (1-1000000)") }
                demoInvoices = n
                i += 1
            case "-h", "--help":
                print(usage)
                return 0
            default:
                do {
                    if try options.consume(a, next: next) { i += 2; continue }
                } catch { return usageError(error.message) }
                return usageError("unknown option \(ServerText.sanitize(a))")
            }
            i += 1
        }
        guard isatty(0) == 1, isatty(1) == 1 else {
            FileHandle.standardError.write(Data("hkbill: the console needs a terminal; use 'hkbill call' in scripts\n".utf8))
            return 2
        }
        let paths = ConfigPaths(environment: environment)
        let store = SettingsStore(paths: paths)
        var warnings: [String] = []
        // Read once here and handed on; nil when unreadable, so connecting reports the file.
        var loaded: Settings? = nil
        do { loaded = try store.load() } catch { warnings.append("settings not loaded: \(error)") }
        let settings = loaded ?? Settings()
        let themeName = theme ?? settings.theme ?? "default"
        // The settings' own themes folder first (the one `hkbill info` names, which follows
        // HKBILL_CONFIG_DIR), then the XDG, installed and source folders.
        let standard = ThemeLoader.standardDirectories(environment: environment,
                                                       executablePath: CommandLine.arguments.first.flatMap(Self.resolvedExecutable),
                                                       currentDirectory: FileManager.default.currentDirectoryPath)
        let themeDirs = [paths.themesDirectory] + standard.filter { $0 != paths.themesDirectory }
        let launchConnection: ConsoleLaunch.Connection
        var unresolved: [String] = []
        if demo {
            launchConnection = DemoSession.connection(seed: seed, invoices: demoInvoices, readOnly: options.readOnly,
                                                      settings: settings, paths: paths)
        } else {
            switch RealSession.connection(options: options, environment: environment, loaded: loaded, paths: paths) {
            case .success(let c): launchConnection = c
            case .failure(let e):
                FileHandle.standardError.write(Data("error: \(e.message)\n".utf8))
                return e.exitCode
            }
            unresolved = ((try? ActionJournal(paths: paths).unresolved()) ?? []).map { "\($0.time) \($0.profile) \($0.action)" }
        }
        let launch = ConsoleLaunch(
            connection: launchConnection, themeName: themeName, themeDirectories: themeDirs, processEnvironment: environment,
            unresolvedWrites: unresolved, startupWarnings: warnings,
            reconnect: { name in
                if demo { return .failure(ReconnectError("the demo has no profiles; run hkbill without --demo")) }
                var o = options
                o.profile = name
                switch RealSession.connection(options: o, environment: environment, loaded: try? store.load(), paths: paths) {
                case .success(let c): return .success(c)
                case .failure(let e): return .failure(ReconnectError(e.message))
                }
            })
        return ConsoleApp.run(launch)
    }

    static func resolvedExecutable(_ arg0: String) -> String? {
        if arg0.contains("/") { return URL(fileURLWithPath: arg0).standardizedFileURL.path }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let p = "\(dir)/\(arg0)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    static func usageError(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("error: \(message)\n\(usage)\n".utf8))
        return 2
    }
}

/// The console's connection to the built-in sandbox: a seeded customer, no token, no network;
/// writes are journaled in memory only, since nothing real happens.
enum DemoSession {
    static func connection(seed: UInt64, invoices: Int?, readOnly: Bool, settings: Settings, paths: ConfigPaths) -> ConsoleLaunch.Connection {
        let sandbox = Sandbox(configuration: SandboxConfiguration(seed: seed, invoicesPerClient: invoices ?? SandboxConfiguration().invoicesPerClient))
        let client = APIClient(configuration: APIConfiguration(baseURL: "https://sandbox.invalid"),
                               transport: SandboxTransport(sandbox: sandbox), credentials: .token(sandbox.demoToken))
        let today = BillingDate(text: sandbox.today.description) ?? BillingDate.today()
        let env = ConsoleEnvironment(profileName: "demo", readOnly: readOnly, today: today,
                                     downloadFolder: paths.downloadFolder(for: settings),
                                     billingLocation: nil, sessionServers: [], keyMap: KeyMap(overrides: settings.keyOverrides))
        return ConsoleLaunch.Connection(client: client, journal: MemoryWriteJournal(), environment: env, profileLabel: "demo (sandbox)")
    }
}

/// The console's connection to a real account: flags, environment and profile merged as for
/// `hkbill call`, writes journaled to the action journal.
enum RealSession {
    static func connection(options: ConnectionOptions, environment: [String: String], loaded: Settings?,
                           paths: ConfigPaths) -> Result<ConsoleLaunch.Connection, ConnectionError> {
        let connection: Connection
        do { connection = try options.resolve(environment: environment, loaded: loaded) } catch { return .failure(error) }
        let settings = loaded ?? Settings()
        let profile = connection.profileName ?? "env"
        let env = ConsoleEnvironment(profileName: profile, readOnly: connection.readOnly, today: BillingDate.today(),
                                     downloadFolder: paths.downloadFolder(for: settings), billingLocation: connection.billingLocation,
                                     sessionServers: connection.client.currentSession?.servers ?? [],
                                     keyMap: KeyMap(overrides: settings.keyOverrides))
        let journal = ActionJournalWriter(journal: ActionJournal(paths: paths), profile: profile)
        let label = connection.profileName ?? URLPolicy.hostOf(connection.configuration.baseURL)
        return .success(ConsoleLaunch.Connection(client: connection.client, journal: journal, environment: env, profileLabel: label))
    }
}
