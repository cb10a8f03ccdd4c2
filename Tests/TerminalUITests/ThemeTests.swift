import Foundation
import Testing
@testable import TerminalUI

@Suite struct ThemeTests {
    static var themesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes")
    }

    static let requiredThemes = ["default", "light", "dark", "high-contrast", "mono"]

    @Test(arguments: requiredThemes)
    func everyThemeFileParsesAndDefinesEveryRole(_ name: String) throws {
        let path = Self.themesDirectory.appendingPathComponent(name + ".theme").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let definition = try ThemeParser.parse(text, file: path)
        #expect(definition.missingRoles.isEmpty, "\(name) lacks \(definition.missingRoles.map(\.themeName))")
        #expect(text.hasPrefix("# hkbill theme: \(name)\n"))
    }

    @Test func everyFileInTheThemesFolderParses() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDirectory.path)
            .filter { $0.hasSuffix(".theme") }
        #expect(Set(Self.requiredThemes.map { $0 + ".theme" }).isSubset(of: Set(files)))
        for f in files {
            let path = Self.themesDirectory.appendingPathComponent(f).path
            let definition = try ThemeParser.parse(try String(contentsOfFile: path, encoding: .utf8), file: path)
            #expect(definition.missingRoles.isEmpty, "\(f)")
        }
    }

    @Test func builtInThemesMatchTheirFiles() throws {
        for (name, text) in BuiltInThemes.all {
            let file = try String(contentsOf: Self.themesDirectory.appendingPathComponent(name + ".theme"), encoding: .utf8)
            #expect(file == text + "\n", "built-in \(name) differs from themes/\(name).theme")
        }
        #expect(BuiltInThemes.defaultTheme[.selection] == RoleStyle(.indexed(0), on: .indexed(6)))
        #expect(BuiltInThemes.mono.isMonochrome)
    }

    @Test func parsesColoursBackgroundsAndAttributes() throws {
        let text = """
            # comment line
            header = bright-white on blue bold   # a trailing comment
            selection = #1e90ff on color236 reverse underline
            muted=color244
              error = on red bold
            paid = default normal
            """
        let d = try ThemeParser.parse(text, file: "t.theme")
        #expect(d.styles[.header] == RoleStyle(.indexed(15), on: .indexed(4), .bold))
        #expect(d.styles[.selection] == RoleStyle(.rgb(red: 0x1E, green: 0x90, blue: 0xFF), on: .indexed(236), [.reverse, .underline]))
        #expect(d.styles[.muted] == RoleStyle(.indexed(244)))
        #expect(d.styles[.error] == RoleStyle(.default, on: .indexed(1), .bold))
        #expect(d.styles[.paid] == RoleStyle())
        #expect(d.missingRoles.contains(.unpaid))
        let theme = d.theme(name: "t", base: BuiltInThemes.defaultTheme)
        #expect(theme[.unpaid] == BuiltInThemes.defaultTheme[.unpaid])
        #expect(theme[.header] == RoleStyle(.indexed(15), on: .indexed(4), .bold))
    }

    @Test func themeTextRoundTrips() throws {
        for name in ["default", "dark"] {
            let theme = ThemeLoader(directories: [Self.themesDirectory.path], environment: [:]).load(named: name).theme
            let again = try ThemeParser.parse(theme.fileText, file: "x").theme(name: name)
            #expect(again == theme)
        }
    }

    @Test func badLinesNameFileLineAndProblem() {
        let text = """
            header = white on blue
            selecton = black on cyan
            paid = grey
            unpaid = yellow on
            overdue red
            header = red
            money = #12345
            """
        #expect {
            try ThemeParser.parse(text, file: "/tmp/bad.theme")
        } throws: { error in
            guard let e = error as? ThemeError else { return false }
            let lines = e.problems.map(\.line)
            let text = e.description
            return e.file == "/tmp/bad.theme" && lines == [2, 3, 4, 5, 6, 7]
                && text.contains("/tmp/bad.theme:2: unknown role 'selecton'")
                && text.contains("'selection'")
                && text.contains("/tmp/bad.theme:3: paid: unknown colour or attribute 'grey'")
                && text.contains("/tmp/bad.theme:4: unpaid: 'on' must be followed by a background colour")
                && text.contains("/tmp/bad.theme:5: expected 'role = colour")
                && text.contains("/tmp/bad.theme:6: role 'header' is already set on line 1")
                && text.contains("/tmp/bad.theme:7: money: unknown colour '#12345' (expected #rrggbb)")
        }
    }

    @Test func colourSpellings() {
        #expect(ThemeColor(themeSpelling: "bright-black") == .indexed(8))
        #expect(ThemeColor(themeSpelling: "CYAN") == .indexed(6))
        #expect(ThemeColor(themeSpelling: "color255") == .indexed(255))
        #expect(ThemeColor(themeSpelling: "color256") == nil)
        #expect(ThemeColor(themeSpelling: "color0009") == nil)
        #expect(ThemeColor(themeSpelling: "#gg0000") == nil)
        #expect(ThemeColor(themeSpelling: "grey") == nil)
        #expect(ThemeColor.rgb(red: 1, green: 2, blue: 255).description == "#0102ff")
        #expect(ThemeColor.indexed(12).description == "bright-blue")
    }

    @Test func coloursMapDownToWhatTheTerminalHas() {
        #expect(ThemeColor.default.terminalIndex(colorCount: 256) == -1)
        #expect(ThemeColor.indexed(33).terminalIndex(colorCount: 256) == 33)
        #expect(ThemeColor.rgb(red: 0, green: 0x87, blue: 0xFF).terminalIndex(colorCount: 256) == 33)
        #expect(ThemeColor.rgb(red: 0x30, green: 0x30, blue: 0x30).terminalIndex(colorCount: 256) == 236)
        #expect(ThemeColor.indexed(12).terminalIndex(colorCount: 8) == 4)      // bright blue -> blue
        #expect(ThemeColor.indexed(8).terminalIndex(colorCount: 8) == 7)       // grey stays readable
        #expect(ThemeColor.indexed(196).terminalIndex(colorCount: 8) == 1)     // pure red
        #expect(ThemeColor.indexed(234).terminalIndex(colorCount: 8) == 0)     // near black
        #expect(ThemeColor.indexed(252).terminalIndex(colorCount: 8) == 7)     // near white
        #expect(ThemeColor.rgb(red: 0, green: 0, blue: 0xAA).terminalIndex(colorCount: 8) == 4)
        #expect(ThemeColor.indexed(46).terminalIndex(colorCount: 16) == 10)    // bright green
    }

    @Test func roleNamesRoundTrip() {
        #expect(StyleRole.selectionInactive.themeName == "selection-inactive")
        #expect(StyleRole.paymentPending.themeName == "payment-pending")
        for role in StyleRole.allCases { #expect(StyleRole(themeName: role.themeName) == role) }
    }

    @Test func monochromeKeepsMeaningInAttributes() {
        let mono = BuiltInThemes.defaultTheme.monochrome()
        #expect(mono.isMonochrome)
        #expect(mono[.selection].attributes.contains(.reverse))
        #expect(mono[.header].attributes.contains(.bold))
        #expect(mono[.overdue].attributes.contains(.bold))
    }
}
