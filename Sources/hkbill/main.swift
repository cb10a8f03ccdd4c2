// hkbill: entry point. Parses the first word and hands over to one command; exit codes are
// decided by each command. Keep this file thin: no business logic here.
import BillingAPI
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let environment = ProcessInfo.processInfo.environment

let helpText = """
hkbill \(APIConfiguration.version): a terminal billing console for HOSTKEY's invapi API

usage:
  hkbill [--profile NAME] [--read-only] [--theme NAME]   open the console on the active profile
  hkbill --demo [--read-only] [--theme NAME]             open the console on the built-in sandbox
  hkbill call ACTION [NAME=VALUE ...]                    send one API action, print the JSON answer
  hkbill sandbox serve [--port N] [--seed N] ...         run the WHMCS simulator on 127.0.0.1
  hkbill profile add|list|use|remove ...                 manage saved accounts
  hkbill journal [--json]                                show the journal of writes
  hkbill info                                            show every path and the active profile
  hkbill keys [--markdown]                               the key bindings, with your overrides
  hkbill --version | --help

Credentials come from HOSTKEY_TOKEN, HOSTKEY_TOKEN_FILE, HOSTKEY_API_KEY, --token-file,
--api-key-file or a profile; never from a command-line argument.
"""

func runMain() -> Int32 {
    guard let first = arguments.first else { return ConsoleCommand.run([], environment: environment) }
    let rest = Array(arguments.dropFirst())
    switch first {
    case "--version", "-V", "version":
        print("hkbill \(APIConfiguration.version)")
        return 0
    case "--help", "-h", "help":
        print(helpText)
        return 0
    case "call":
        return CallCommand.run(rest, environment: environment)
    case "sandbox":
        guard rest.first == "serve" else {
            FileHandle.standardError.write(Data("usage: hkbill sandbox serve [--port N] [--seed N] [--clients N] [--invoices N] [--latency-ms N] [--state FILE]\n".utf8))
            return 2
        }
        return SandboxServeCommand.run(Array(rest.dropFirst()))
    case "profile":
        return ProfileCommand.run(rest, environment: environment, stdin: FileHandle.standardInput)
    case "journal":
        return JournalCommand.run(rest, environment: environment)
    case "info":
        return InfoCommand.run(rest, environment: environment)
    case "keys":
        return KeysCommand.run(rest, environment: environment)
    default:
        if first.hasPrefix("-") { return ConsoleCommand.run(arguments, environment: environment) }
        FileHandle.standardError.write(Data("error: unknown command '\(ServerText.sanitize(first))'\n\(helpText)\n".utf8))
        return 2
    }
}

exit(runMain())
