import Foundation
import LocalStore

/// A fresh directory per test, standing in for `$HOME`, with the environment dictionary that points
/// hkbill's config and state directories inside it. Removed when the value is released.
final class TemporaryHome {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("hkbill-localstore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var configDirectory: String { path + "/config" }
    var stateDirectory: String { path + "/state" }

    var environment: [String: String] {
        ["HOME": path, "HKBILL_CONFIG_DIR": configDirectory, "HKBILL_STATE_DIR": stateDirectory]
    }

    var paths: ConfigPaths { ConfigPaths(environment: environment) }

    func mode(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }
}
