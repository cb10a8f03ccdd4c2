import Foundation

/// Finds and runs the built `hkbill` executable for end-to-end tests: `HKBILL_BIN` when set,
/// else the binary beside the test bundle in `.build/<config>/`.
enum HkbillBinary {
    static var path: String {
        if let p = ProcessInfo.processInfo.environment["HKBILL_BIN"], !p.isEmpty { return p }
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("hkbill").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return ".build/debug/hkbill"
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `hkbill` with `arguments`, the given environment (nothing inherited but PATH/HOME
    /// unless `inherit`), and `stdin` text; waits for it to exit.
    static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
                    inherit: Bool = false) throws -> Outcome {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        var env: [String: String] = inherit ? ProcessInfo.processInfo.environment : [:]
        let base = ProcessInfo.processInfo.environment
        env["PATH"] = base["PATH"] ?? "/usr/bin:/bin"
        if env["HOME"] == nil { env["HOME"] = base["HOME"] ?? "/tmp" }
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes concurrently so a large output cannot deadlock the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Outcome(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self))
    }
}
