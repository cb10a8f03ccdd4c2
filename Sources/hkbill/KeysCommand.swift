import ConsoleCore
import Foundation
import LocalStore

/// `hkbill keys [--markdown] [--defaults]`: the key bindings, generated from the key map with the
/// user's overrides applied (the same list `?` shows in the console). `--markdown --defaults`
/// produces the README's table, so the README cannot drift from the code.
enum KeysCommand {
    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        var markdown = false
        var defaults = false
        for a in arguments {
            switch a {
            case "--markdown": markdown = true
            case "--defaults": defaults = true
            case "-h", "--help":
                print("usage: hkbill keys [--markdown] [--defaults]")
                return 0
            default:
                FileHandle.standardError.write(Data("error: unknown option \(a)\nusage: hkbill keys [--markdown] [--defaults]\n".utf8))
                return 2
            }
        }
        var overrides: [String: String] = [:]
        if !defaults, let settings = try? SettingsStore(paths: ConfigPaths(environment: environment)).load() {
            overrides = settings.keyOverrides
        }
        let map = KeyMap(overrides: overrides)
        print(render(map, markdown: markdown))
        for problem in map.problems { FileHandle.standardError.write(Data("warning: \(problem)\n".utf8)) }
        return 0
    }

    static func render(_ map: KeyMap, markdown: Bool) -> String {
        let lines = map.helpLines
        if markdown {
            var out = "| keys | command | what it does |\n| --- | --- | --- |\n"
            for l in lines {
                let keys = l.keys.split(separator: " ").map { "`\($0 == "|" ? "\\|" : String($0))`" }.joined(separator: " ")
                out += "| \(keys) | `\(l.command)` | \(l.summary) |\n"
            }
            return String(out.dropLast())
        }
        let width = lines.map(\.keys.count).max() ?? 0
        return lines.map { $0.keys.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.summary + "  (\($0.command))" }
            .joined(separator: "\n")
    }
}
