import Foundation

/// The contents of `settings.json`: profiles, the active one, theme, key overrides, download
/// folder and whether writes are confirmed. It never holds a secret.
public struct Settings: Codable, Sendable, Equatable {
    /// The only format version this build reads and writes.
    public static let currentVersion = 1

    public var version: Int
    public var profiles: [Profile]
    public var activeProfile: String?
    public var theme: String?
    /// Key spelling to command name, e.g. `"J": "moveDown"`; these win over the default bindings.
    public var keyOverrides: [String: String]
    /// Where downloads go; nil means `ConfigPaths.defaultDownloadFolder`. `~` is expanded.
    public var downloadFolder: String?
    /// Ask before every write; turning it off is the user's explicit choice.
    public var confirmations: Bool

    public init(version: Int = Settings.currentVersion, profiles: [Profile] = [], activeProfile: String? = nil,
                theme: String? = nil, keyOverrides: [String: String] = [:], downloadFolder: String? = nil,
                confirmations: Bool = true) {
        self.version = version
        self.profiles = profiles
        self.activeProfile = activeProfile
        self.theme = theme
        self.keyOverrides = keyOverrides
        self.downloadFolder = downloadFolder
        self.confirmations = confirmations
    }

    /// The profile called `name`, if any.
    public func profile(named name: String) -> Profile? { profiles.first { $0.name == name } }

    /// The active profile, if one is set and still exists.
    public var active: Profile? { activeProfile.flatMap { profile(named: $0) } }

    private enum CodingKeys: String, CodingKey {
        case version, profiles, activeProfile, theme, keyOverrides, downloadFolder, confirmations
    }

    /// Missing keys take their defaults so a short hand-written file is enough.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? Settings.currentVersion
        profiles = try c.decodeIfPresent([Profile].self, forKey: .profiles) ?? []
        activeProfile = try c.decodeIfPresent(String.self, forKey: .activeProfile)
        theme = try c.decodeIfPresent(String.self, forKey: .theme)
        keyOverrides = try c.decodeIfPresent([String: String].self, forKey: .keyOverrides) ?? [:]
        downloadFolder = try c.decodeIfPresent(String.self, forKey: .downloadFolder)
        confirmations = try c.decodeIfPresent(Bool.self, forKey: .confirmations) ?? true
    }
}
