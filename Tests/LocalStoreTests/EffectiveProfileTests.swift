import Testing
@testable import LocalStore

@Suite struct EffectiveProfileTests {
    private let settings = Settings(
        profiles: [Profile(name: "prod", billingLocation: "whmcs_ru", readOnly: true),
                   Profile(name: "lab", apiURL: "http://127.0.0.1:9000")],
        activeProfile: "prod")

    @Test func activeProfileWithoutOverrides() throws {
        let e = try EffectiveProfile.resolve(settings: settings, environment: ["HOME": "/h"])
        #expect(e.profile?.name == "prod")
        #expect(e.apiURL == "https://invapi.hostkey.com" && e.billingLocation == "whmcs_ru" && e.readOnly)
        #expect(e.credentialSource == .profile(name: "prod"))
        #expect(e.overridesInEffect.isEmpty && e.overridesIgnored.isEmpty)
    }

    @Test func environmentOverridesTheActiveProfileFieldByField() throws {
        let env = ["HOSTKEY_API_URL": "https://other.example", "HOSTKEY_TOKEN": "t", "HOSTKEY_API_KEY": "k"]
        let e = try EffectiveProfile.resolve(settings: settings, environment: env)
        #expect(e.apiURL == "https://other.example")
        #expect(e.billingLocation == "whmcs_ru")
        #expect(e.credentialSource == .environmentToken)
        #expect(e.overridesInEffect == ["HOSTKEY_API_URL", "HOSTKEY_TOKEN"])
        #expect(e.overridesIgnored == ["HOSTKEY_API_KEY"])
    }

    @Test func tokenFileBeatsAPIKey() throws {
        let e = try EffectiveProfile.resolve(settings: Settings(), environment: ["HOSTKEY_TOKEN_FILE": "/t", "HOSTKEY_API_KEY": "k"])
        #expect(e.profile == nil)
        #expect(e.credentialSource == .environmentTokenFile(path: "/t"))
    }

    @Test func explicitProfileWinsOverEnvironment() throws {
        let e = try EffectiveProfile.resolve(settings: settings, environment: ["HOSTKEY_TOKEN": "t"], profileName: "lab")
        #expect(e.apiURL == "http://127.0.0.1:9000" && !e.readOnly)
        #expect(e.credentialSource == .profile(name: "lab"))
        #expect(e.overridesIgnored == ["HOSTKEY_TOKEN"])
        #expect(throws: LocalStoreError.unknownProfile("nope")) {
            try EffectiveProfile.resolve(settings: settings, environment: [:], profileName: "nope")
        }
    }

    @Test func nothingConfigured() throws {
        let e = try EffectiveProfile.resolve(settings: Settings(), environment: ["HOSTKEY_TOKEN": ""])
        #expect(e.credentialSource == .none && e.apiURL == Profile.defaultAPIURL && e.overridesInEffect.isEmpty)
    }
}
