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

/// `:status ...` sets the list's status filter in one go.
@Suite("Palette status filter")
struct PaletteStatusTests {
    @Test func parsesStatusWords() {
        #expect(PaletteCommand.parse("status paid refunded") == .success(.status([.paid, .refunded], overdueOnly: false)))
        #expect(PaletteCommand.parse("status Unpaid,overdue") == .success(.status([.unpaid], overdueOnly: true)))
        #expect(PaletteCommand.parse("st pending") == .success(.status([.paymentPending], overdueOnly: false)))
        #expect(PaletteCommand.parse("status all") == .success(.status([], overdueOnly: false)))
        guard case .failure(let e) = PaletteCommand.parse("status wibble") else { Issue.record("accepted"); return }
        #expect(e.message.contains("wibble"))
        guard case .failure = PaletteCommand.parse("status") else { Issue.record("accepted"); return }
    }

    @Test func runningItFiltersTheList() {
        var c = Console(environment: ConsoleEnvironment(profileName: "t", today: BillingDate(text: "2026-12-04")!, downloadFolder: "/tmp"))
        _ = c.handle(.runCommand("status cancelled refunded"))
        #expect(c.list.filter.statuses == [.cancelled, .refunded])
        _ = c.handle(.runCommand("status all"))
        #expect(c.list.filter.statuses.isEmpty)
        #expect(c.modal == nil)
    }
}
