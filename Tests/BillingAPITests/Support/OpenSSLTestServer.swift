import Foundation

/// A TLS listener on 127.0.0.1 run by `openssl s_server` with a throw-away self-signed certificate
/// for the name `localhost` only (not the address), so tests can check certificate verification without a network.
/// It completes handshakes but never answers a POST (`-www` only serves `GET /`).
final class OpenSSLTestServer {
    static let executable = "/usr/bin/openssl"
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    let port: UInt16
    /// The self-signed certificate, usable as a CA bundle (`caInfoPath`).
    let certificatePath: String
    private let directory: URL
    private let process: Process

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hkbill-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        certificatePath = directory.appendingPathComponent("cert.pem").path
        let keyPath = directory.appendingPathComponent("key.pem").path
        try Self.run(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                      "-keyout", keyPath, "-out", certificatePath, "-days", "2", "-subj", "/CN=localhost",
                      "-addext", "subjectAltName=DNS:localhost"])
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["s_server", "-accept", "127.0.0.1:0", "-cert", certificatePath, "-key", keyPath, "-www"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // s_server prints "ACCEPT 127.0.0.1:<port>" once it listens.
        var text = ""
        var found: UInt16?
        while found == nil {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT ") }),
               let port = line.split(separator: ":").last.flatMap({ UInt16($0) }) {
                found = port
            }
        }
        guard let found else {
            kill(process.processIdentifier, SIGKILL)
            try? FileManager.default.removeItem(at: directory)
            throw ServerFailure(message: "openssl s_server did not start: \(text)")
        }
        port = found
    }

    struct ServerFailure: Error { var message: String }

    func stop() {
        if process.isRunning {
            // SIGKILL: children spawned from test threads inherit a signal mask that blocks SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    private static func run(_ arguments: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw ServerFailure(message: "openssl \(arguments[0]) failed") }
    }
}
