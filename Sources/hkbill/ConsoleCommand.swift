import Foundation

/// Opens the full-screen console. The terminal front end arrives with issue 5; until then this
/// says so plainly instead of pretending.
enum ConsoleCommand {
    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        FileHandle.standardError.write(Data("hkbill: the full-screen console is not built yet; use 'hkbill call' (see --help)\n".utf8))
        return 2
    }
}
