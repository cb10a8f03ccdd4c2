import Testing
@testable import TerminalUI

@Suite struct ScreenPaletteTests {
    @Test func twoHundredFiftySixColoursUseTheThemeAsWritten() {
        let p = ScreenPalette(theme: BuiltInThemes.defaultTheme, colorCount: 256, pairCount: 256, defaultColors: true)
        #expect(p.usesColor)
        #expect(p[.selection] == .init(pair: Int(StyleRole.selection.rawValue) + 1, foreground: 0, background: 6, attributes: []))
        #expect(p[.normal].foreground == -1 && p[.normal].background == -1)
        #expect(p[.status].background == 238)
        #expect(Set(p.entries.map(\.pair)).count == StyleRole.allCases.count)   // one pair per role
    }

    @Test func eightColoursMapDownAndBrightBecomesBold() {
        let p = ScreenPalette(theme: BuiltInThemes.defaultTheme, colorCount: 8, pairCount: 64, defaultColors: true)
        #expect(p[.status].background == 0)               // color238, a dark grey
        #expect(p[.header].foreground == 7)               // bright-white
        #expect(p[.header].attributes.contains(.bold))
        #expect(p[.borderFocus].attributes.contains(.bold))
        #expect(p[.muted].foreground == 7)
    }

    @Test func withoutDefaultColoursWhiteOnBlackStandsIn() {
        let p = ScreenPalette(theme: BuiltInThemes.defaultTheme, colorCount: 8, pairCount: 64, defaultColors: false)
        #expect(p[.normal].foreground == 7 && p[.normal].background == 0)
    }

    @Test func noColourOrMonochromeThemeUsesAttributesOnly() {
        for p in [ScreenPalette(theme: BuiltInThemes.defaultTheme, colorCount: 0, pairCount: 0, defaultColors: false),
                  ScreenPalette(theme: BuiltInThemes.defaultTheme.monochrome(), colorCount: 256, pairCount: 256, defaultColors: true)] {
            #expect(!p.usesColor)
            #expect(p.entries.allSatisfy { $0.pair == 0 })
            #expect(p[.selection].attributes.contains(.reverse))
        }
    }

    @Test(arguments: ["default", "light", "dark", "high-contrast"])
    func everyThemeStaysReadableOnEightColours(_ name: String) {
        let theme = ThemeLoader(directories: [ThemeTests.themesDirectory.path], environment: [:]).load(named: name).theme
        for colors in [8, 16, 256] {
            let p = ScreenPalette(theme: theme, colorCount: colors, pairCount: 64, defaultColors: true)
            for role in StyleRole.allCases {
                let e = p[role]
                #expect(e.foreground < 0 || e.foreground != e.background, "\(name) \(role) on \(colors) colours")
            }
        }
    }
}
