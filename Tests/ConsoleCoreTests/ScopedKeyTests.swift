import BillingAPI
@testable import ConsoleCore
import Testing

/// Pane-only commands (filters of the list, contact keys of the profile) are in the key map,
/// can be rebound, and do nothing outside their pane.
@Suite("Pane-scoped keys")
struct ScopedKeyTests {
    func console(overrides: [String: String] = [:]) -> Console {
        Console(environment: ConsoleEnvironment(profileName: "t", today: BillingDate(text: "2026-12-04")!,
                                                downloadFolder: "/tmp", keyMap: KeyMap(overrides: overrides)))
    }

    @Test func scopedCommandsAreInTheKeyMapWithTheirPane() {
        let map = KeyMap()
        #expect(map.command(for: .char("u")) == .unpaidOnly)
        #expect(map.command(for: .char("D")) == .deleteContact)
        #expect(map.command(for: .delete) == .deleteContact)
        #expect(Command.unpaidOnly.scope == .invoices)
        #expect(Command.resetPassword.scope == .profile)
        #expect(Command.applyCredit.scope == nil)
        #expect(map.helpLines.contains { $0.command == "filter-unpaid" })
    }

    @Test func aProfileKeyDoesNothingInTheInvoiceList() {
        var c = console()
        #expect(c.focus == .invoices)
        #expect(c.handle(.key(.char("p"))).isEmpty)
        #expect(c.modal == nil)
        _ = c.handle(.key(.char("u")))
        #expect(c.list.filter.statuses == [.unpaid])
    }

    @Test func scopedCommandsCanBeRebound() {
        var c = console(overrides: ["U": "filter-unpaid"])
        _ = c.handle(.key(.char("U")))
        #expect(c.list.filter.statuses == [.unpaid])
        c.focus = .profile
        _ = c.handle(.key(.char("U")))
        #expect(c.list.filter.statuses == [.unpaid])   // not in the list pane: ignored
    }
}
