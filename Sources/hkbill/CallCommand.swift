import BillingAPI
import Foundation

/// `hkbill call ACTION [NAME=VALUE ...]`: sends any whmcs.php action and prints the answer.
/// Exit codes: 0 success, 1 API refusal, 2 usage, 3 network/TLS (and unknown write outcomes),
/// 4 unreadable response.
enum CallCommand {
    static let usage = """
    usage: hkbill call ACTION [NAME=VALUE ...] [options]
      NAME may carry brackets (profile_data[firstname]=Anna); repeat NAME[]=V for arrays (invoices[]=1 invoices[]=2)
    options:
      --api-url URL          API base (default: profile, $HOSTKEY_API_URL, https://invapi.hostkey.com)
      --token-file FILE      read the token from FILE (or $HOSTKEY_TOKEN / $HOSTKEY_TOKEN_FILE)
      --api-key-file FILE    log in with the API key in FILE (or $HOSTKEY_API_KEY)
      --profile NAME         use a saved profile instead of the active one
      --yes                  confirm a write (payments, cancellations, edits) without asking
      --connect-timeout S    seconds to wait for a connection (default 10)
      --timeout S            seconds for the whole call (default 30)
    actions: \(Action.allCases.map(\.rawValue).joined(separator: " "))
    """

    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        var options = ConnectionOptions()
        var actionName: String?
        var params = FormParameters()
        var confirmed = false
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            switch a {
            case "-h", "--help":
                print(usage)
                return 0
            case "--yes", "-y":
                confirmed = true
            default:
                do {
                    if try options.consume(a, next: i + 1 < arguments.count ? arguments[i + 1] : nil) {
                        i += 2
                        continue
                    }
                } catch {
                    return usageError(error.message)
                }
                if a.hasPrefix("--") { return usageError("unknown option \(a)") }
                if actionName == nil {
                    actionName = a
                } else {
                    guard let eq = a.firstIndex(of: "="), eq != a.startIndex else {
                        return usageError("expected NAME=VALUE, got '\(ServerText.sanitize(a))'")
                    }
                    let name = String(a[..<eq])
                    guard isValidName(name) else { return usageError("malformed parameter name '\(ServerText.sanitize(name))'") }
                    if name == "token" || name == "action" {
                        return usageError("'\(name)' is set by hkbill; the token comes from the environment, a file or a profile")
                    }
                    params.add(name, String(a[a.index(after: eq)...]))
                }
            }
            i += 1
        }
        guard let actionName else { return usageError("missing ACTION") }
        guard let action = Action(rawValue: actionName) else {
            return usageError("unknown action '\(ServerText.sanitize(actionName))'")
        }
        let connection: Connection
        do {
            connection = try options.resolve(environment: environment)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            return error.exitCode
        }
        if action.isMutating {
            if connection.readOnly {
                return fail("refused: profile '\(connection.profileName ?? "")' is read-only; \(action.rawValue) changes data", code: 1)
            }
            if !confirmed {
                guard Terminal.isInteractive else {
                    return usageError("\(action.rawValue) changes data: add --yes to confirm")
                }
                let shown = params.masked.fields.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
                if !Terminal.confirm("Send \(action.rawValue) \(shown) to \(connection.configuration.baseURL)?") {
                    return fail("cancelled, nothing was sent", code: 1)
                }
            }
        }
        let journal = CallJournal(environment: environment, profile: connection.profileName ?? "env")
        let entry = action.isMutating ? journal.recordPending(action: action.rawValue, parameters: params) : nil
        do {
            let json = try connection.client.send(action, params)
            if let entry { journal.recordOutcome(entry, .done(summary: "OK")) }
            print(JSONWriter.pretty(json))
            return 0
        } catch {
            if let entry {
                journal.recordOutcome(entry, error.isOutcomeUnknown ? .unknown(reason: error.description) : .failed(message: error.description))
            }
            return report(error)
        }
    }

    /// PHP accepts `name`, `name[]`, `name[key]`, `name[key][]`.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        var depth = 0
        for c in name {
            if c == "[" { if depth > 0 { return false }; depth += 1 }
            else if c == "]" { if depth == 0 { return false }; depth -= 1 }
            else if c == "=" || c == "&" || c.isWhitespace || c.asciiValue.map({ $0 < 0x20 }) == true { return false }
        }
        return depth == 0
    }

    static func report(_ error: APIError) -> Int32 {
        switch error {
        case .refused(let code, let message), .authentication(let code, let message):
            let c = code.map { " (code \($0))" } ?? ""
            return fail("\(ServerText.sanitize(message))\(c)", code: 1)
        case .notAuthenticated, .invalidRequest:
            return fail(error.description, code: 2)
        case .network, .outcomeUnknown:
            return fail(error.description, code: 3)
        case .httpStatus(let status, _):
            return fail(error.description, code: status == 401 || status == 403 ? 1 : 3)
        case .unreadable, .unexpectedShape:
            return fail(error.description, code: 4)
        }
    }

    static func usageError(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("error: \(message)\nrun 'hkbill call --help' for usage\n".utf8))
        return 2
    }

    static func fail(_ message: String, code: Int32) -> Int32 {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return code
    }
}
