import BillingAPI
@testable import ConsoleCore
import Foundation
import Testing

@Suite struct KeyMapPaletteTests {
    @Test func defaultsAndOverridesWin() {
        let def = KeyMap()
        #expect(def.command(for: .char("j")) == .moveDown)
        #expect(def.command(for: .char("G")) == .bottom)
        #expect(def.command(for: .backTab) == .previousPane)
        #expect(def.command(for: .char(" ")) == .mark)
        let custom = KeyMap(overrides: ["j": "quit", "C-r": "reload", "Space": "help", "zz": "reload", "k": "fly"])
        #expect(custom.command(for: .char("j")) == .quit)
        #expect(custom.command(for: .ctrl("r")) == .reload)
        #expect(custom.command(for: .char(" ")) == .help)
        #expect(custom.problems.count == 2)
        #expect(custom.command(for: .char("k")) == .moveUp)
    }

    @Test func helpIsGeneratedFromTheMap() {
        let m = KeyMap(overrides: ["F5": "reload"])
        let reload = m.helpLines.first { $0.command == "reload" }
        #expect(reload?.keys == "F5 r")
        #expect(m.helpLines.count == Command.allCases.count)
    }

    @Test func paletteParsesAndExplains() {
        #expect(PaletteCommand.parse("invoice 123") == .success(.invoice(123)))
        #expect(PaletteCommand.parse("  server   456 ") == .success(.server(456)))
        #expect(PaletteCommand.parse("profile work") == .success(.profile("work")))
        #expect(PaletteCommand.parse("theme dark") == .success(.theme("dark")))
        #expect(PaletteCommand.parse("reload") == .success(.reload))
        #expect(PaletteCommand.parse("quit") == .success(.quit))
        #expect(PaletteCommand.parse("invoice abc") == .failure(PaletteError(message: Messages.needsID("invoice", "invoice"))))
        #expect(PaletteCommand.parse("invoice -3") == .failure(PaletteError(message: Messages.needsID("invoice", "invoice"))))
        #expect(PaletteCommand.parse("reload now") == .failure(PaletteError(message: Messages.takesNoArguments("reload"))))
        #expect(PaletteCommand.parse("fly") == .failure(PaletteError(message: Messages.unknownPaletteCommand("fly"))))
    }

    @Test func paletteKeysRunCommands() {
        var c = Console(environment: ConsoleEnvironment(profileName: "p", today: BillingDate(year: 2024, month: 1, day: 1)!,
                                                        downloadFolder: "/tmp"))
        _ = c.handle(.key(.char(":")))
        for ch in "invoice 42" { _ = c.handle(.key(.char(ch))) }
        let effects = c.handle(.key(.enter))
        #expect(effects.count == 3)
        #expect(c.detail?.invoiceID == 42 && c.modal == nil && c.focus == .detail)
        _ = c.handle(.key(.char(":")))
        for ch in "theme" { _ = c.handle(.key(.char(ch))) }
        #expect(c.handle(.key(.enter)).isEmpty)
        guard case .palette(let p)? = c.modal else { Issue.record("palette closed"); return }
        #expect(p.error == Messages.needsName("theme"))
        _ = c.handle(.key(.escape))
        _ = c.handle(.key(.char(":")))
        for ch in "quit" { _ = c.handle(.key(.char(ch))) }
        #expect(c.handle(.key(.enter)) == [.frontEnd(.quit)])
    }
}
