import BillingAPI
import Foundation
import LocalStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `hkbill profile add|list|use|remove`: manages the accounts in settings.json and their secrets
/// in the credentials directory. Secrets come from stdin or a file, never from argv.
enum ProfileCommand {
    static let usage = """
        usage: hkbill profile add NAME [--api-url URL] [--location LOC] [--read-only] [--replace]
                                  (--token-stdin | --api-key-stdin | --token-file FILE | --api-key-file FILE)
               hkbill profile list
               hkbill profile use NAME
               hkbill profile remove NAME
        """

    /// Exit codes: 0 done, 1 failure (unreadable or corrupt files, unknown profile), 2 usage error.
    static func run(_ arguments: [String], environment: [String: String], stdin: FileHandle) -> Int32 {
        let store = SettingsStore(paths: ConfigPaths(environment: environment))
        do {
            guard let sub = arguments.first else { throw Failure.usage("missing subcommand") }
            let rest = Array(arguments.dropFirst())
            switch sub {
            case "add": try add(rest, store: store, stdin: stdin)
            case "list", "ls": try expectNoArguments(rest); try list(store: store)
            case "use": try use(try singleName(rest), store: store)
            case "remove", "rm": try remove(try singleName(rest), store: store)
            case "-h", "--help", "help": print(usage); return 0
            default: throw Failure.usage("unknown subcommand \"\(ServerText.sanitize(sub))\"")
            }
            return 0
        } catch let failure as Failure {
            return failure.report()
        } catch {
            return Failure.failed("\(error)").report()
        }
    }

    // MARK: - Subcommands

    private static func add(_ arguments: [String], store: SettingsStore, stdin: FileHandle) throws {
        var name: String?
        var apiURL = Profile.defaultAPIURL
        var location: String?
        var readOnly = false, replace = false
        var source: SecretSource?
        var it = CommandArguments(arguments)
        while let argument = it.next() {
            switch argument.option {
            case "--api-url": apiURL = try it.value(for: argument)
            case "--location": location = try it.value(for: argument)
            case "--read-only": try it.noValue(argument); readOnly = true
            case "--replace": try it.noValue(argument); replace = true
            case "--token-stdin": try it.noValue(argument); try setOnce(&source, .stdin(token: true))
            case "--api-key-stdin": try it.noValue(argument); try setOnce(&source, .stdin(token: false))
            case "--token-file": try setOnce(&source, .file(try it.value(for: argument), token: true))
            case "--api-key-file": try setOnce(&source, .file(try it.value(for: argument), token: false))
            case nil where name == nil: name = argument.text
            case nil: throw Failure.usage("unexpected argument \"\(ServerText.sanitize(argument.text))\"")
            default: throw Failure.usage("unknown option \(ServerText.sanitize(argument.text))")
            }
        }
        guard let name else { throw Failure.usage("profile add needs a NAME") }
        try validateName(name)
        try validateURL(apiURL)
        if let location, !Profile.isValidName(location) {
            throw Failure.usage("invalid --location \"\(ServerText.sanitize(location))\" (e.g. whmcs_ru)")
        }
        guard let source else {
            throw Failure.usage("profile add needs a secret: --token-stdin, --api-key-stdin, --token-file FILE or --api-key-file FILE")
        }
        let credential = try source.credential(stdin: stdin, profile: name)
        let profile = Profile(name: name, apiURL: apiURL, billingLocation: location, readOnly: readOnly)

        let becameActive: Bool = try store.update { settings in
            if let index = settings.profiles.firstIndex(where: { $0.name == name }) {
                guard replace else {
                    throw Failure.failed("profile \"\(name)\" already exists; add --replace to change it, or remove it first")
                }
                settings.profiles[index] = profile
            } else {
                settings.profiles.append(profile)
            }
            // Written under the settings lock, so a concurrent add of the same name cannot interleave.
            try store.setCredential(credential, for: name)
            if settings.active == nil {
                settings.activeProfile = name
                return true
            }
            return false
        }
        print("\(replace ? "saved" : "added") profile \(name) (\(credential.kindName) stored in \(store.paths.credentialFile(for: name)))")
        if becameActive { print("\(name) is now the active profile") }
    }

    private static func list(store: SettingsStore) throws {
        let settings = try store.load()
        guard !settings.profiles.isEmpty else {
            print("no profiles yet; add one with: hkbill profile add NAME --token-stdin < token.txt")
            return
        }
        var rows = [["", "NAME", "API URL", "LOCATION", "READ-ONLY", "CREDENTIAL"]]
        for p in settings.profiles {
            let credential: String
            do { credential = try store.credential(for: p.name)?.kindName ?? "none" } catch { credential = "unreadable" }
            rows.append([p.name == settings.activeProfile ? "*" : "", p.name, p.apiURL, p.billingLocation ?? "-",
                         p.readOnly ? "yes" : "no", credential].map(ServerText.sanitize))
        }
        for line in alignedColumns(rows) { print(line) }
        if settings.active == nil { print("no active profile; choose one with: hkbill profile use NAME") }
    }

    private static func use(_ name: String, store: SettingsStore) throws {
        try store.update { settings in
            guard settings.profile(named: name) != nil else { throw LocalStoreError.unknownProfile(name) }
            settings.activeProfile = name
        }
        print("active profile: \(name)")
    }

    private static func remove(_ name: String, store: SettingsStore) throws {
        let wasActive: Bool = try store.update { settings in
            guard settings.profile(named: name) != nil else { throw LocalStoreError.unknownProfile(name) }
            // The secret goes first: if we stop half way, a profile without a credential is visible
            // in `profile list`, whereas an orphaned secret file would linger unseen.
            try store.removeCredential(for: name)
            settings.profiles.removeAll { $0.name == name }
            guard settings.activeProfile == name else { return false }
            // Not silently switching to another account: the next call must not go somewhere unexpected.
            settings.activeProfile = nil
            return true
        }
        print("removed profile \(name) and its credentials")
        if wasActive { print("\(name) was the active profile; choose another with: hkbill profile use NAME") }
    }

    // MARK: - Arguments

    private static func singleName(_ arguments: [String]) throws -> String {
        guard arguments.count == 1, let name = arguments.first, !name.hasPrefix("-") else {
            throw Failure.usage(arguments.isEmpty ? "missing NAME" : "expected exactly one NAME")
        }
        try validateName(name)
        return name
    }

    private static func expectNoArguments(_ arguments: [String]) throws {
        if let extra = arguments.first { throw Failure.usage("unexpected argument \"\(ServerText.sanitize(extra))\"") }
    }

    private static func validateName(_ name: String) throws {
        guard Profile.isValidName(name) else {
            throw Failure.usage("invalid profile name \"\(ServerText.sanitize(name))\": use letters, digits, '.', '_' and '-'")
        }
    }

    /// https only (http to loopback for the sandbox), a host, and no user:password@ part, which
    /// would put a secret into settings.json.
    private static func validateURL(_ url: String) throws {
        do { try URLPolicy.check(url) } catch { throw Failure.usage("--api-url: \(error)") }
        let host = URLPolicy.hostOf(url)
        let authority = url.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first ?? ""
        if host.isEmpty || url.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true }) {
            throw Failure.usage("--api-url: not a usable URL")
        }
        if authority.contains("@") { throw Failure.usage("--api-url must not contain a user name or password") }
    }

    private static func setOnce(_ source: inout SecretSource?, _ value: SecretSource) throws {
        guard source == nil else { throw Failure.usage("give only one of --token-stdin, --api-key-stdin, --token-file, --api-key-file") }
        source = value
    }
}

// MARK: - Private helpers

/// A usage mistake (exit 2, usage shown) or a failure (exit 1), reported on stderr.
private enum Failure: Error {
    case usage(String)
    case failed(String)

    func report() -> Int32 {
        switch self {
        case .usage(let message):
            writeToStandardError("hkbill profile: \(message)\n\(ProfileCommand.usage)\n")
            return 2
        case .failed(let message):
            writeToStandardError("hkbill profile: \(message)\n")
            return 1
        }
    }
}

/// Where `profile add` reads the secret from.
private enum SecretSource: Equatable {
    case stdin(token: Bool)
    case file(String, token: Bool)

    func credential(stdin: FileHandle, profile: String) throws -> StoredCredential {
        let raw: Data
        let isToken: Bool
        switch self {
        case .stdin(let token):
            isToken = token
            raw = readStandardInput(stdin, prompt: "\(token ? "Token" : "API key") for \(profile): ")
        case .file(let path, let token):
            isToken = token
            do { raw = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw Failure.failed("cannot read \(path): \(error.localizedDescription)")
            }
        }
        let what = isToken ? "token" : "API key"
        let secret = String(decoding: raw, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        // Never echo the secret back, even in part: only say what is wrong with it.
        guard !secret.isEmpty else { throw Failure.usage("the \(what) is empty") }
        guard !secret.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) else {
            throw Failure.usage("the \(what) contains spaces, line breaks or control characters; expected a single word")
        }
        return isToken ? .token(secret) : .apiKey(secret)
    }

    /// All of stdin when it is a pipe or file; on a terminal, one line typed without echo.
    private func readStandardInput(_ handle: FileHandle, prompt: String) -> Data {
        let fd = handle.fileDescriptor
        guard isatty(fd) == 1 else { return handle.readDataToEndOfFile() }
        writeToStandardError(prompt)
        var saved = termios()
        let canHide = tcgetattr(fd, &saved) == 0
        if canHide {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(fd, TCSAFLUSH, &quiet)
        }
        defer {
            if canHide { tcsetattr(fd, TCSAFLUSH, &saved) }
            writeToStandardError("\n")
        }
        var line = Data()
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1, byte != 0x0A { line.append(byte) }
        return line
    }
}

/// One command-line word: an option (`--name`, with its `=value` if written so) or a positional.
private struct CommandArgument {
    var text: String
    var option: String?
    var inlineValue: String?
}

/// Walks the words, splitting `--name=value`; everything after `--` is positional.
private struct CommandArguments {
    private var words: ArraySlice<String>
    private var positionalOnly = false

    init(_ words: [String]) { self.words = words[...] }

    mutating func next() -> CommandArgument? {
        guard let word = words.popFirst() else { return nil }
        if !positionalOnly, word == "--" { positionalOnly = true; return next() }
        guard !positionalOnly, word.hasPrefix("-"), word != "-" else { return CommandArgument(text: word) }
        if let eq = word.firstIndex(of: "=") {
            return CommandArgument(text: word, option: String(word[..<eq]), inlineValue: String(word[word.index(after: eq)...]))
        }
        return CommandArgument(text: word, option: word)
    }

    mutating func value(for argument: CommandArgument) throws -> String {
        if let inline = argument.inlineValue { return inline }
        guard let value = words.popFirst() else { throw Failure.usage("\(argument.text) needs a value") }
        return value
    }

    func noValue(_ argument: CommandArgument) throws {
        if argument.inlineValue != nil { throw Failure.usage("\(argument.option ?? argument.text) takes no value") }
    }
}
