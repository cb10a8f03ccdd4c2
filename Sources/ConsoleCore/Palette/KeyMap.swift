import Foundation
/// Keys to commands: the defaults, with the user's overrides (from `Settings.keyOverrides`)
/// winning. Overrides that name an unknown key or command are reported, not silently dropped.
public struct KeyMap: Sendable, Equatable {
    public private(set) var bindings: [Key: Command]
    /// Problems found in the overrides, for the status line.
    public private(set) var problems: [String] = []

    public static let defaults: [(Key, Command)] = [
        (.up, .moveUp), (.char("k"), .moveUp), (.down, .moveDown), (.char("j"), .moveDown),
        (.pageUp, .pageUp), (.pageDown, .pageDown), (.char("g"), .top), (.home, .top),
        (.char("G"), .bottom), (.end, .bottom), (.enter, .open), (.escape, .back),
        (.tab, .nextPane), (.backTab, .previousPane), (.char("/"), .filter),
        (.char("s"), .sortColumn), (.char("S"), .sortDirection), (.char(" "), .mark),
        (.char("?"), .help), (.char(":"), .palette), (.char("r"), .reload), (.char("q"), .quit),
        (.char("a"), .applyCredit), (.char("m"), .massPay), (.char("f"), .addFunds),
        (.char("d"), .download), (.char("x"), .cancellation), (.char("y"), .copyID), (.char("e"), .editProfile),
        (.char("i"), .generateDue),
        (.char("u"), .unpaidOnly), (.char("o"), .overdueOnly), (.char("P"), .downloadProforma),
        (.char("n"), .addContact), (.insert, .addContact), (.char("D"), .deleteContact), (.delete, .deleteContact),
        (.char("p"), .resetPassword),
    ]

    /// - Parameter overrides: key spelling (`Key(spelling:)`) to command name.
    public init(overrides: [String: String] = [:]) {
        var b: [Key: Command] = [:]
        for (k, c) in Self.defaults { b[k] = c }
        for (spelling, name) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let key = Key(spelling: spelling) else { problems.append(Messages.unknownKey(spelling)); continue }
            guard let command = Command(rawValue: name) else { problems.append(Messages.unknownCommand(name)); continue }
            b[key] = command
        }
        bindings = b
    }

    public func command(for key: Key) -> Command? { bindings[key] }

    /// The keys bound to a command, in a stable order.
    public func keys(for command: Command) -> [Key] {
        bindings.filter { $0.value == command }.map(\.key).sorted { $0.description < $1.description }
    }

    /// The help listing: one row per command with its keys, in the order of `Command.allCases`.
    public var helpLines: [(keys: String, command: String, summary: String)] {
        Command.allCases.compactMap { c in
            let ks = keys(for: c)
            guard !ks.isEmpty else { return nil }
            return (ks.map(\.description).joined(separator: " "), c.rawValue, c.summary)
        }
    }

    public static func == (a: KeyMap, b: KeyMap) -> Bool { a.bindings == b.bindings && a.problems == b.problems }
}
