import Foundation

/// The account a command will talk to: the profile chosen with `--profile` or the active one, with
/// the `HOSTKEY_*` environment variables of `hkbill call` applied on top. It names where the
/// secret comes from but never holds it; read it from the source when sending.
public struct EffectiveProfile: Sendable, Equatable {
    /// Where the token or API key comes from, in the order they win.
    public enum CredentialSource: Sendable, Equatable {
        /// `HOSTKEY_TOKEN`.
        case environmentToken
        /// `HOSTKEY_TOKEN_FILE`, a file holding the token.
        case environmentTokenFile(path: String)
        /// `HOSTKEY_API_KEY`, logged in through `auth.php`.
        case environmentAPIKey
        /// The profile's credentials file (`SettingsStore.credential(for:)`).
        case profile(name: String)
        /// Nothing configured.
        case none
    }

    /// Environment variables that override a profile, as `hkbill call` reads them.
    public static let overrideVariables = ["HOSTKEY_API_URL", "HOSTKEY_TOKEN", "HOSTKEY_TOKEN_FILE", "HOSTKEY_API_KEY"]

    /// The profile in use, or nil when none is chosen and none is active.
    public var profile: Profile?
    public var apiURL: String
    public var billingLocation: String?
    public var readOnly: Bool
    public var credentialSource: CredentialSource
    /// Names (never values) of the override variables that took effect.
    public var overridesInEffect: [String]
    /// Names of override variables that are set but ignored because `--profile` was given.
    public var overridesIgnored: [String]

    /// Resolves the account. An explicit `profileName` (from `--profile`) is the most specific
    /// choice, so it wins over the environment, as command-line options do; without it the
    /// environment overrides the active profile field by field.
    public static func resolve(settings: Settings, environment: [String: String],
                               profileName: String? = nil) throws(LocalStoreError) -> EffectiveProfile {
        let chosen: Profile?
        if let profileName {
            guard let p = settings.profile(named: profileName) else { throw .unknownProfile(profileName) }
            chosen = p
        } else {
            chosen = settings.active
        }
        let set = overrideVariables.filter { !(environment[$0] ?? "").isEmpty }
        var result = EffectiveProfile(
            profile: chosen, apiURL: chosen?.apiURL ?? Profile.defaultAPIURL, billingLocation: chosen?.billingLocation,
            readOnly: chosen?.readOnly ?? false, credentialSource: chosen.map { .profile(name: $0.name) } ?? .none,
            overridesInEffect: [], overridesIgnored: [])
        if profileName != nil {
            result.overridesIgnored = set
            return result
        }
        if let url = environment["HOSTKEY_API_URL"], !url.isEmpty {
            result.apiURL = url
            result.overridesInEffect.append("HOSTKEY_API_URL")
        }
        if set.contains("HOSTKEY_TOKEN") {
            result.credentialSource = .environmentToken
        } else if let file = environment["HOSTKEY_TOKEN_FILE"], !file.isEmpty {
            result.credentialSource = .environmentTokenFile(path: file)
        } else if set.contains("HOSTKEY_API_KEY") {
            result.credentialSource = .environmentAPIKey
        }
        let credentialVariable: String? = switch result.credentialSource {
        case .environmentToken: "HOSTKEY_TOKEN"
        case .environmentTokenFile: "HOSTKEY_TOKEN_FILE"
        case .environmentAPIKey: "HOSTKEY_API_KEY"
        default: nil
        }
        if let credentialVariable { result.overridesInEffect.append(credentialVariable) }
        // A lower-priority credential variable that lost to a higher one is set but not used.
        result.overridesIgnored = set.filter { !result.overridesInEffect.contains($0) }
        return result
    }
}
