import Foundation
import Testing
@testable import TerminalUI

@Suite struct ThemeLoaderTests {
    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hkbill-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func searchesDirectoriesInOrder() throws {
        let user = try Self.temporaryDirectory(), shared = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: user); try? FileManager.default.removeItem(at: shared) }
        try "header = red\n".write(to: shared.appendingPathComponent("ocean.theme"), atomically: true, encoding: .utf8)
        try "header = green\n".write(to: shared.appendingPathComponent("forest.theme"), atomically: true, encoding: .utf8)
        try "header = blue\n".write(to: user.appendingPathComponent("ocean.theme"), atomically: true, encoding: .utf8)
        let loader = ThemeLoader(directories: [user.path, shared.path], environment: [:])
        let ocean = loader.load(named: "ocean")
        #expect(ocean.theme[.header].foreground == .indexed(4))
        #expect(ocean.path == user.appendingPathComponent("ocean.theme").path)
        #expect(ocean.warnings.isEmpty)
        #expect(loader.load(named: "forest").theme[.header].foreground == .indexed(2))
        // Roles the file leaves out keep the default theme's style.
        #expect(ocean.theme[.selection] == BuiltInThemes.defaultTheme[.selection])
        #expect(loader.availableThemeNames().contains("forest"))
        #expect(loader.availableThemeNames().contains("default"))
    }

    @Test func aBadFileWarnsWithFileAndLineAndFallsBack() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("broken.theme").path
        try "# broken\nheader = white on blue\npaid = greenish\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = ThemeLoader(directories: [dir.path], environment: [:]).load(named: "broken")
        #expect(result.theme == BuiltInThemes.defaultTheme)
        #expect(result.path == nil)
        #expect(result.warnings.first?.hasPrefix("\(path):3: paid: unknown colour or attribute 'greenish'") == true)
        #expect(result.warnings.contains { $0.contains("built-in default") })
    }

    @Test func aMissingThemeWarnsAndFallsBackButDefaultIsQuiet() {
        let loader = ThemeLoader(directories: ["/nonexistent/hkbill"], environment: [:])
        let missing = loader.load(named: "nosuch")
        #expect(missing.theme == BuiltInThemes.defaultTheme)
        #expect(missing.warnings.count == 1)
        #expect(missing.warnings[0].contains("theme 'nosuch' not found"))
        let fallback = loader.load(named: "default")
        #expect(fallback.theme == BuiltInThemes.defaultTheme)
        #expect(fallback.warnings.isEmpty)
        #expect(loader.load(named: "mono").theme.isMonochrome)
        #expect(!loader.load(named: "../etc/passwd-ish").warnings.isEmpty)
    }

    @Test func aPathLoadsThatFile() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("mine.theme").path
        try "paid = #00ff00 bold\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = ThemeLoader(directories: [], environment: [:]).load(named: path)
        #expect(result.theme.name == "mine")
        #expect(result.theme[.paid] == RoleStyle(.rgb(red: 0, green: 255, blue: 0), on: .default, .bold))
    }

    @Test func noColorMakesAnyThemeMonochrome() {
        let dir = ThemeTests.themesDirectory.path
        let plain = ThemeLoader(directories: [dir], environment: ["NO_COLOR": ""]).load(named: "dark")
        #expect(!plain.theme.isMonochrome)      // empty NO_COLOR does not count
        let mono = ThemeLoader(directories: [dir], environment: ["NO_COLOR": "1"]).load(named: "dark")
        #expect(mono.theme.isMonochrome)
        #expect(mono.theme[.selection].attributes.contains(.reverse))
        #expect(mono.theme[.error].attributes.contains(.bold))
    }

    @Test func standardDirectoriesFollowTheDocumentedOrder() {
        let dirs = ThemeLoader.standardDirectories(
            environment: ["XDG_CONFIG_HOME": "/home/a/.cfg", "HOME": "/home/a"],
            executablePath: "/src/hkbill/.build/debug/hkbill", currentDirectory: "/work")
        #expect(dirs == ["/home/a/.cfg/hkbill/themes", "/src/hkbill/.build/share/hkbill/themes",
                         "/src/hkbill/.build/debug/themes", "/src/hkbill/themes", "/work/themes"])
        let installed = ThemeLoader.standardDirectories(environment: ["HOME": "/home/b"],
                                                        executablePath: "/usr/local/bin/hkbill", currentDirectory: "/")
        #expect(installed == ["/home/b/.config/hkbill/themes", "/usr/local/share/hkbill/themes",
                              "/usr/local/bin/themes", "/themes"])
    }
}
