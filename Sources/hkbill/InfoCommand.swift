import BillingAPI
import Foundation
import LocalStore

/// `hkbill info [--profile NAME]`: every path the program reads or writes, the profile a call
/// would use and which `HOSTKEY_*` variables override it. Names only, never a secret or a value
/// from the environment.
enum InfoCommand {
    static let usage = "usage: hkbill info [--profile NAME]"

    /// Exit codes: 0 printed, 1 settings unreadable (paths are still printed), 2 usage error.
    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        var profileName: String?
        var words = arguments[...]
        while let word = words.popFirst() {
            switch word {
            case "--profile":
                guard let name = words.popFirst() else { return usageError("--profile needs a NAME") }
                profileName = name
            case _ where word.hasPrefix("--profile="): profileName = String(word.dropFirst("--profile=".count))
            case "-h", "--help": print(usage); return 0
            default: return usageError("unexpected argument \"\(ServerText.sanitize(word))\"")
            }
        }

        let paths = ConfigPaths(environment: environment)
        let store = SettingsStore(paths: paths)
        var settings = Settings()
        var failure: String?
        do { settings = try store.load() } catch { failure = "\(error)" }

        printPaths(paths, settings: settings)
        print("")
        do {
            let effective = try EffectiveProfile.resolve(settings: settings, environment: environment, profileName: profileName)
            printProfile(effective, settings: settings, store: store, explicitProfile: profileName != nil)
        } catch {
            failure = failure ?? "\(error)"
        }
        if let failure {
            FileHandle.standardError.write(Data("hkbill info: \(failure)\n".utf8))
            return 1
        }
        return 0
    }

    // MARK: - Sections

    private static func printPaths(_ paths: ConfigPaths, settings: Settings) {
        let journal = ActionJournal(paths: paths)
        var journalNote = exists(paths.journalFile) ? "" : "  (not created yet)"
        if let entries = try? journal.entries(), !entries.isEmpty {
            let open = entries.filter(\.needsChecking).count
            journalNote = "  (\(entries.count) entries" + (open > 0 ? ", \(open) to check: hkbill journal)" : ")")
        }
        print("paths")
        field("config dir", paths.configDirectory)
        field("settings", paths.settingsFile + (exists(paths.settingsFile) ? "" : "  (not created yet)"))
        field("credentials dir", paths.credentialsDirectory)
        field("user themes", paths.themesDirectory)
        field("state dir", paths.stateDirectory)
        field("journal", paths.journalFile + journalNote)
        field("download folder", paths.downloadFolder(for: settings))
    }

    private static func printProfile(_ effective: EffectiveProfile, settings: Settings, store: SettingsStore,
                                     explicitProfile: Bool) {
        print("profile")
        if let profile = effective.profile {
            let active = profile.name == settings.activeProfile ? " (active)" : " (chosen with --profile)"
            field("name", profile.name + active)
        } else {
            field("name", settings.profiles.isEmpty ? "none (add one with: hkbill profile add NAME --token-stdin)"
                                                   : "none active (choose one with: hkbill profile use NAME)")
        }
        field("api url", effective.overridesInEffect.contains("HOSTKEY_API_URL")
              ? "from HOSTKEY_API_URL" : effective.apiURL)
        field("location", effective.billingLocation ?? "-")
        field("read-only", effective.readOnly ? "yes" : "no")
        field("credential", credentialText(effective.credentialSource, store: store))
        print("")
        print("environment overrides")
        if effective.overridesInEffect.isEmpty && effective.overridesIgnored.isEmpty { field("none", "") }
        for name in effective.overridesInEffect { field(name, "set, in effect") }
        for name in effective.overridesIgnored {
            field(name, explicitProfile ? "set, ignored (--profile given)" : "set, ignored (a stronger one is set)")
        }
    }

    private static func credentialText(_ source: EffectiveProfile.CredentialSource, store: SettingsStore) -> String {
        switch source {
        case .environmentToken: return "token from HOSTKEY_TOKEN"
        case .environmentTokenFile: return "token from the file named by HOSTKEY_TOKEN_FILE"
        case .environmentAPIKey: return "API key from HOSTKEY_API_KEY"
        case .none: return "none"
        case .profile(let name):
            let file = store.paths.credentialFile(for: name)
            do {
                guard let stored = try store.credential(for: name) else { return "none stored (\(file))" }
                return "\(stored.kindName) stored in \(file)"
            } catch {
                return "unreadable: \(error)"
            }
        }
    }

    // MARK: - Output

    private static func field(_ name: String, _ value: String) {
        let label = name.padding(toLength: max(name.count, 16), withPad: " ", startingAt: 0)
        let line = "  \(label) \(ServerText.sanitize(value))"
        print(String(line.reversed().drop { $0 == " " }.reversed()))
    }

    private static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    private static func usageError(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("hkbill info: \(message)\n\(usage)\n".utf8))
        return 2
    }
}
