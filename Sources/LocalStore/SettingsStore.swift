import BillingAPI
import Foundation

/// Reads and writes `settings.json` and the per-profile credentials files. Writes are atomic and
/// private (0600 files in 0700 directories); read-modify-write cycles hold an `flock` so two
/// hkbill processes never lose each other's changes; a corrupt file is reported, never replaced
/// silently.
public struct SettingsStore: Sendable {
    public let paths: ConfigPaths

    public init(paths: ConfigPaths) { self.paths = paths }

    // MARK: - Settings

    /// The settings on disk, or the defaults when there is no file yet. Throws
    /// `LocalStoreError.corruptFile` or `.unsupportedVersion` (with path and line) otherwise.
    public func load() throws(LocalStoreError) -> Settings {
        guard let data = try SecureFile.contents(of: paths.settingsFile) else { return Settings() }
        return try decode(data)
    }

    /// Replaces the settings file atomically. Refuses (with the load error) while the file on disk
    /// is corrupt or of an unknown version, unless `overwriteCorrupt` says the user chose to.
    public func save(_ settings: Settings, overwriteCorrupt: Bool = false) throws(LocalStoreError) {
        try SecureFile.ensurePrivateDirectory(paths.configDirectory)
        let lock = try FileLock(path: paths.settingsLockFile)
        if !overwriteCorrupt { _ = try load() }
        try write(settings)
        _ = consume lock
    }

    /// Loads, lets `body` change the settings, and saves, all under the lock, so concurrent
    /// updates from several processes are applied one after another. When `body` throws nothing
    /// is written. A corrupt file is reported and left alone.
    @discardableResult
    public func update<T>(_ body: (inout Settings) throws -> T) throws -> T {
        try SecureFile.ensurePrivateDirectory(paths.configDirectory)
        let lock = try FileLock(path: paths.settingsLockFile)
        var settings = try load()
        let result = try body(&settings)
        try write(settings)
        _ = consume lock
        return result
    }

    // MARK: - Credentials

    /// The stored token or API key of `profile`, or nil when none is stored.
    public func credential(for profile: String) throws(LocalStoreError) -> StoredCredential? {
        let path = try credentialPath(profile)
        guard let data = try SecureFile.contents(of: path) else { return nil }
        guard let credential = StoredCredential(fileData: data) else { throw .unreadableCredential(path: path) }
        return credential
    }

    /// Stores the secret of `profile` in its own 0600 file inside the 0700 credentials directory.
    public func setCredential(_ credential: StoredCredential, for profile: String) throws(LocalStoreError) {
        let path = try credentialPath(profile)
        try SecureFile.ensurePrivateDirectory(paths.configDirectory)
        try SecureFile.ensurePrivateDirectory(paths.credentialsDirectory)
        try SecureFile.writeAtomically(credential.fileData, to: path)
    }

    /// Deletes the secret of `profile`; nothing stored is fine.
    public func removeCredential(for profile: String) throws(LocalStoreError) {
        let path = try credentialPath(profile)
        try SecureFile.remove(path)
        if access(paths.credentialsDirectory, F_OK) == 0 { try SecureFile.syncDirectory(paths.credentialsDirectory) }
    }

    // MARK: - Internal

    private func credentialPath(_ profile: String) throws(LocalStoreError) -> String {
        guard Profile.isValidName(profile) else { throw .invalidProfileName(profile) }
        return paths.credentialFile(for: profile)
    }

    private func write(_ settings: Settings) throws(LocalStoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data: Data
        do { data = try encoder.encode(settings) } catch {
            // Settings holds only strings, bools and ints; encoding cannot really fail.
            throw .corruptFile(path: paths.settingsFile, line: 1, column: 1, reason: "cannot encode settings: \(error)")
        }
        data.append(0x0A)
        try SecureFile.writeAtomically(data, to: paths.settingsFile)
    }

    /// Syntax first with the exact byte offset of the mistake, then the version, then the shape.
    private func decode(_ data: Data) throws(LocalStoreError) -> Settings {
        let path = paths.settingsFile
        let document: JSONValue
        do { document = try JSONParser.parse(data) } catch {
            let at = TextPosition(offset: error.offset, in: data)
            throw .corruptFile(path: path, line: at.line, column: at.column, reason: "invalid JSON: \(error.reason)")
        }
        guard document.objectValue != nil else {
            throw .corruptFile(path: path, line: 1, column: 1, reason: "settings must be a JSON object")
        }
        if let version = document["version"] {
            guard let text = version.text, Int(text) == Settings.currentVersion, case .number = version else {
                let at = TextPosition.ofKey("version", in: data) ?? TextPosition(offset: 0, in: data)
                throw .unsupportedVersion(path: path, line: at.line, found: JSONWriter.compact(version),
                                          supported: Settings.currentVersion)
            }
        }
        do {
            return try JSONDecoder().decode(Settings.self, from: data)
        } catch let error as DecodingError {
            throw shapeError(error, data: data)
        } catch {
            throw .corruptFile(path: path, line: 1, column: 1, reason: "\(error)")
        }
    }

    /// Turns a Codable failure into "line N: `profiles[0].name`: expected a string".
    private func shapeError(_ error: DecodingError, data: Data) -> LocalStoreError {
        let context: DecodingError.Context
        let what: String
        switch error {
        case let .typeMismatch(type, c): context = c; what = "expected \(Self.jsonName(type))"
        case let .valueNotFound(type, c): context = c; what = "expected \(Self.jsonName(type)), found null"
        case let .keyNotFound(key, c): context = c; what = "missing \"\(key.stringValue)\""
        case let .dataCorrupted(c): context = c; what = c.debugDescription
        @unknown default: return .corruptFile(path: paths.settingsFile, line: 1, column: 1, reason: "\(error)")
        }
        var keyPath = ""
        for key in context.codingPath {
            if let index = key.intValue { keyPath += "[\(index)]" } else { keyPath += keyPath.isEmpty ? key.stringValue : "." + key.stringValue }
        }
        let lastKey = context.codingPath.last { $0.intValue == nil }?.stringValue
        let at = lastKey.flatMap { TextPosition.ofKey($0, in: data) } ?? TextPosition(offset: 0, in: data)
        let reason = keyPath.isEmpty ? what : "\(keyPath): \(what)"
        return .corruptFile(path: paths.settingsFile, line: at.line, column: at.column, reason: reason)
    }

    private static func jsonName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type: return "a whole number"
        default: return type is any Collection.Type ? "a list or object" : "a value of type \(type)"
        }
    }
}
