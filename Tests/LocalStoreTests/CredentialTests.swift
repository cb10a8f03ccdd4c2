import Foundation
import Testing
@testable import LocalStore

@Suite struct CredentialTests {
    @Test func storedPrivatelyAndReadBack() throws {
        let home = try TemporaryHome()
        let store = SettingsStore(paths: home.paths)
        try store.setCredential(.token("tok-SECRET-1"), for: "prod")
        try store.setCredential(.apiKey("key \"quoted\" SECRET-2"), for: "ru")
        #expect(try store.credential(for: "prod") == .token("tok-SECRET-1"))
        #expect(try store.credential(for: "ru") == .apiKey("key \"quoted\" SECRET-2"))
        #expect(try store.credential(for: "none") == nil)
        #expect(try home.mode(of: home.paths.credentialsDirectory) == 0o700)
        #expect(try home.mode(of: home.paths.configDirectory) == 0o700)
        #expect(try home.mode(of: home.paths.credentialFile(for: "prod")) == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: home.paths.credentialsDirectory).sorted()
        #expect(leftovers == ["prod.json", "ru.json"])
    }

    @Test func neverInSettingsFile() throws {
        let home = try TemporaryHome()
        let store = SettingsStore(paths: home.paths)
        try store.update { $0.profiles.append(Profile(name: "prod")); $0.activeProfile = "prod" }
        try store.setCredential(.token("tok-SECRET-3"), for: "prod")
        try store.update { $0.theme = "dark" }
        #expect(!(try home.read(home.paths.settingsFile)).contains("SECRET"))
    }

    @Test func removeDeletesTheFile() throws {
        let home = try TemporaryHome()
        let store = SettingsStore(paths: home.paths)
        try store.setCredential(.token("t"), for: "prod")
        try store.removeCredential(for: "prod")
        #expect(try store.credential(for: "prod") == nil)
        try store.removeCredential(for: "prod")
        #expect(!FileManager.default.fileExists(atPath: home.paths.credentialFile(for: "prod")))
    }

    @Test func descriptionNeverShowsTheSecret() {
        for c in [StoredCredential.token("tok-SECRET"), .apiKey("key-SECRET")] {
            #expect(!c.description.contains("SECRET"))
            #expect(!String(reflecting: c).contains("SECRET"))
            #expect(!"\(c)".contains("SECRET"))
        }
        #expect(StoredCredential.apiKey("k").description.contains("API key"))
    }

    @Test func invalidNamesAreRefusedBeforeTouchingFiles() throws {
        let home = try TemporaryHome()
        let store = SettingsStore(paths: home.paths)
        for bad in ["..", "../x", "a/b", ""] {
            #expect(throws: LocalStoreError.invalidProfileName(bad)) { try store.setCredential(.token("t"), for: bad) }
            #expect(throws: LocalStoreError.invalidProfileName(bad)) { try store.credential(for: bad) }
        }
        #expect(!FileManager.default.fileExists(atPath: home.configDirectory))
    }

    @Test func garbledFileIsReportedWithoutItsContents() throws {
        let home = try TemporaryHome()
        let path = home.paths.credentialFile(for: "prod")
        try home.write("SECRET-garbage", to: path)
        let error = try #require(throws: LocalStoreError.self) { try SettingsStore(paths: home.paths).credential(for: "prod") }
        #expect(error == .unreadableCredential(path: path))
        #expect(!error.description.contains("SECRET"))
    }
}
