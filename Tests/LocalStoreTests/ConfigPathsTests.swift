import Testing
@testable import LocalStore

@Suite struct ConfigPathsTests {
    @Test func hkbillVariablesWinOverXDG() {
        let p = ConfigPaths(environment: ["HOME": "/h", "HKBILL_CONFIG_DIR": "/c", "XDG_CONFIG_HOME": "/x",
                                          "HKBILL_STATE_DIR": "/s", "XDG_STATE_HOME": "/y"])
        #expect(p.configDirectory == "/c")
        #expect(p.stateDirectory == "/s")
        #expect(p.settingsFile == "/c/settings.json")
        #expect(p.credentialsDirectory == "/c/credentials")
        #expect(p.credentialFile(for: "prod") == "/c/credentials/prod.json")
        #expect(p.themesDirectory == "/c/themes")
        #expect(p.journalFile == "/s/journal.jsonl")
    }

    @Test func xdgDirectoriesGetAnHkbillSubdirectory() {
        let p = ConfigPaths(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/x/", "XDG_STATE_HOME": "/y"])
        #expect(p.configDirectory == "/x/hkbill")
        #expect(p.stateDirectory == "/y/hkbill")
    }

    @Test func homeFallbacksAndIgnoredValues() {
        // Empty values and relative XDG values do not count.
        let p = ConfigPaths(environment: ["HOME": "/h", "HKBILL_CONFIG_DIR": "", "XDG_CONFIG_HOME": "relative",
                                          "XDG_STATE_HOME": ""])
        #expect(p.configDirectory == "/h/.config/hkbill")
        #expect(p.stateDirectory == "/h/.local/state/hkbill")
        #expect(p.defaultDownloadFolder == "/h/Downloads/hkbill")
    }

    @Test func downloadFolderComesFromSettingsWithTildeExpanded() {
        let p = ConfigPaths(environment: ["HOME": "/h"])
        #expect(p.downloadFolder(for: Settings()) == "/h/Downloads/hkbill")
        #expect(p.downloadFolder(for: Settings(downloadFolder: "~/bills")) == "/h/bills")
        #expect(p.downloadFolder(for: Settings(downloadFolder: "/srv/pdf")) == "/srv/pdf")
        #expect(p.downloadFolder(for: Settings(downloadFolder: "")) == "/h/Downloads/hkbill")
    }

    @Test func profileNames() {
        for good in ["prod", "a", "ru-1", "client_2.test", "A.B-c_9"] { #expect(Profile.isValidName(good), "\(good)") }
        for bad in ["", ".", "..", "a/b", "a b", "ä", "x;y", "-\n", String(repeating: "a", count: 65)] {
            #expect(!Profile.isValidName(bad), "\(bad)")
        }
    }
}
