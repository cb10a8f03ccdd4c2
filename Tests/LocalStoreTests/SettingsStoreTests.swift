import Foundation
import Testing
@testable import LocalStore

@Suite struct SettingsStoreTests {
    @Test func missingFileGivesDefaultsAndCreatesNothing() throws {
        let home = try TemporaryHome()
        let settings = try SettingsStore(paths: home.paths).load()
        #expect(settings == Settings())
        #expect(settings.version == 1 && settings.confirmations && settings.profiles.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: home.configDirectory))
    }

    @Test func roundTripKeepsEveryField() throws {
        let home = try TemporaryHome()
        let store = SettingsStore(paths: home.paths)
        let settings = Settings(
            profiles: [Profile(name: "prod", billingLocation: "whmcs_ru", readOnly: true),
                       Profile(name: "sandbox", apiURL: "http://127.0.0.1:8080")],
            activeProfile: "prod", theme: "solarized", keyOverrides: ["J": "moveDown", "ctrl-r": "reload"],
            downloadFolder: "~/pdf", confirmations: false)
        try store.save(settings)
        #expect(try store.load() == settings)
        let text = try home.read(home.paths.settingsFile)
        #expect(text.contains("\"apiURL\" : \"https://invapi.hostkey.com\""))
        #expect(text.contains("\"version\" : 1"))
    }

    @Test func shortHandWrittenFileTakesDefaults() throws {
        let home = try TemporaryHome()
        try home.write(#"{"profiles":[{"name":"p"}]}"#, to: home.paths.settingsFile)
        let settings = try SettingsStore(paths: home.paths).load()
        #expect(settings.profiles == [Profile(name: "p")])
        #expect(settings.confirmations && settings.version == 1 && settings.keyOverrides.isEmpty)
    }

    @Test func corruptFileIsReportedWithPathAndLineAndLeftUntouched() throws {
        let home = try TemporaryHome()
        let path = home.paths.settingsFile
        let broken = "{\n  \"version\": 1,\n  \"profiles\": [\n    {\"name\": \"a\",}\n  ]\n}\n"
        try home.write(broken, to: path)
        let store = SettingsStore(paths: home.paths)
        let error = try #require(throws: LocalStoreError.self) { try store.load() }
        guard case let .corruptFile(errorPath, line, _, _) = error else { Issue.record("\(error)"); return }
        #expect(errorPath == path)
        #expect(line == 4)
        #expect(error.description.hasPrefix("\(path):4:"))

        // Neither save nor update replaces it without being told to.
        #expect(throws: LocalStoreError.self) { try store.save(Settings()) }
        #expect(throws: LocalStoreError.self) { try store.update { $0.theme = "x" } }
        #expect(try home.read(path) == broken)

        try store.save(Settings(theme: "fresh"), overwriteCorrupt: true)
        #expect(try store.load().theme == "fresh")
    }

    @Test func wrongTypeNamesTheKeyAndItsLine() throws {
        let home = try TemporaryHome()
        try home.write("{\n\"version\": 1,\n\"confirmations\": \"yes\"\n}", to: home.paths.settingsFile)
        let error = try #require(throws: LocalStoreError.self) { try SettingsStore(paths: home.paths).load() }
        guard case let .corruptFile(_, line, _, reason) = error else { Issue.record("\(error)"); return }
        #expect(line == 3)
        #expect(reason.contains("confirmations"))
    }

    @Test func unknownVersionIsRefusedAndKept() throws {
        let home = try TemporaryHome()
        let path = home.paths.settingsFile
        let future = "{\n  \"profiles\": [],\n  \"version\": 2\n}\n"
        try home.write(future, to: path)
        let store = SettingsStore(paths: home.paths)
        let error = try #require(throws: LocalStoreError.self) { try store.load() }
        #expect(error == .unsupportedVersion(path: path, line: 3, found: "2", supported: 1))
        #expect(throws: LocalStoreError.self) { try store.save(Settings()) }
        #expect(try home.read(path) == future)
    }

    @Test func settingsFileIsPrivateAndLooseDirectoryIsTightened() throws {
        let home = try TemporaryHome()
        try FileManager.default.createDirectory(atPath: home.configDirectory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        #expect(try home.mode(of: home.configDirectory) == 0o755)
        let store = SettingsStore(paths: home.paths)
        try store.save(Settings(theme: "dark"))
        #expect(try home.mode(of: home.configDirectory) == 0o700)
        #expect(try home.mode(of: home.paths.settingsFile) == 0o600)
    }

    @Test func missingDirectoriesAreCreatedPrivate() throws {
        let home = try TemporaryHome()
        let env = ["HOME": home.path, "XDG_CONFIG_HOME": home.path + "/deep/er"]
        let paths = ConfigPaths(environment: env)
        try SettingsStore(paths: paths).save(Settings())
        #expect(try home.mode(of: home.path + "/deep") == 0o700)
        #expect(try home.mode(of: paths.configDirectory) == 0o700)
        #expect(try home.mode(of: paths.settingsFile) == 0o600)
    }

    @Test func atomicSaveLeavesNoTemporaryFiles() throws {
        let home = try TemporaryHome()
        let store = SettingsStore(paths: home.paths)
        for i in 0..<5 { try store.save(Settings(theme: "t\(i)")) }
        try store.update { $0.confirmations = false }
        let names = try FileManager.default.contentsOfDirectory(atPath: home.configDirectory).sorted()
        #expect(names == [".settings.lock", "settings.json"])
        #expect(try store.load() == Settings(theme: "t4", confirmations: false))
    }

    @Test func updateThatThrowsWritesNothing() throws {
        struct Stop: Error {}
        let home = try TemporaryHome()
        let store = SettingsStore(paths: home.paths)
        try store.save(Settings(theme: "kept"))
        #expect(throws: Stop.self) { try store.update { s in s.theme = "lost"; throw Stop() } }
        #expect(try store.load().theme == "kept")
    }

    @Test func concurrentUpdatesFromManyThreadsLoseNothing() throws {
        let home = try TemporaryHome()
        let paths = home.paths
        let writers = 4, perWriter = 15
        DispatchQueue.concurrentPerform(iterations: writers) { w in
            // A store per thread: each lock is its own open file description, as in separate processes.
            let store = SettingsStore(paths: paths)
            for i in 0..<perWriter {
                try? store.update { $0.profiles.append(Profile(name: "w\(w)-\(i)")) }
            }
        }
        let names = Set(try SettingsStore(paths: paths).load().profiles.map(\.name))
        #expect(names.count == writers * perWriter)
    }
}
