import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every file and directory hkbill reads or writes, resolved from an environment dictionary so
/// tests can point the whole program at a temporary directory.
public struct ConfigPaths: Sendable, Equatable {
    /// Holds `settings.json`, `credentials/` and `themes/`.
    public var configDirectory: String
    /// Holds the action journal.
    public var stateDirectory: String
    /// The user's home directory, for `~` in settings and the default download folder.
    public var homeDirectory: String

    /// Resolution order: `$HKBILL_CONFIG_DIR`, then `$XDG_CONFIG_HOME/hkbill`, then
    /// `~/.config/hkbill` (and the same for the state directory). Empty values are ignored, and so
    /// are relative XDG values, as the XDG base directory specification asks.
    public init(environment: [String: String]) {
        let home = Self.nonEmpty(environment["HOME"]) ?? Self.passwordDatabaseHome() ?? "/"
        homeDirectory = home
        configDirectory = Self.nonEmpty(environment["HKBILL_CONFIG_DIR"])
            ?? Self.absolute(environment["XDG_CONFIG_HOME"]).map { Self.join($0, "hkbill") }
            ?? Self.join(home, ".config/hkbill")
        stateDirectory = Self.nonEmpty(environment["HKBILL_STATE_DIR"])
            ?? Self.absolute(environment["XDG_STATE_HOME"]).map { Self.join($0, "hkbill") }
            ?? Self.join(home, ".local/state/hkbill")
    }

    /// The paths for this process's real environment.
    public static var current: ConfigPaths { ConfigPaths(environment: ProcessInfo.processInfo.environment) }

    public var settingsFile: String { Self.join(configDirectory, "settings.json") }
    /// Taken with `flock` around every read-modify-write of the settings; never renamed over, so
    /// every process locks the same inode.
    public var settingsLockFile: String { Self.join(configDirectory, ".settings.lock") }
    public var credentialsDirectory: String { Self.join(configDirectory, "credentials") }
    public var themesDirectory: String { Self.join(configDirectory, "themes") }
    public var journalFile: String { Self.join(stateDirectory, "journal.jsonl") }
    public var defaultDownloadFolder: String { Self.join(homeDirectory, "Downloads/hkbill") }

    /// The credentials file of one profile; the name must already be valid (`Profile.isValidName`).
    public func credentialFile(for profile: String) -> String {
        Self.join(credentialsDirectory, profile + ".json")
    }

    /// The folder downloads go to: the settings' folder (with `~` expanded) or the default.
    public func downloadFolder(for settings: Settings) -> String {
        guard let folder = Self.nonEmpty(settings.downloadFolder) else { return defaultDownloadFolder }
        return expandTilde(folder)
    }

    /// `~` and `~/x` become paths under the home directory; anything else is returned unchanged.
    public func expandTilde(_ path: String) -> String {
        if path == "~" { return homeDirectory }
        if path.hasPrefix("~/") { return Self.join(homeDirectory, String(path.dropFirst(2))) }
        return path
    }

    // MARK: - Internal

    static func join(_ directory: String, _ component: String) -> String {
        directory.hasSuffix("/") ? directory + component : directory + "/" + component
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    private static func absolute(_ value: String?) -> String? {
        guard let value = nonEmpty(value), value.hasPrefix("/") else { return nil }
        return value
    }

    /// Used only when `HOME` is unset (cron, some service managers).
    private static func passwordDatabaseHome() -> String? {
        guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return nil }
        return nonEmpty(String(cString: dir))
    }
}
