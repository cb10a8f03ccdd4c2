import Foundation

/// Why a local file could not be read or written. Every case names the file, and problems inside
/// a file name its line, so the user can open it and fix it. No case ever carries a secret.
public enum LocalStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not valid JSON (or not the shape expected); it was left as it is.
    case corruptFile(path: String, line: Int, column: Int, reason: String)
    /// The file says `"version": found`, which this build does not understand; it was left as it is.
    case unsupportedVersion(path: String, line: Int, found: String, supported: Int)
    /// A profile name outside `[A-Za-z0-9._-]+`.
    case invalidProfileName(String)
    /// `--profile NAME` or `profile use NAME` named a profile that does not exist.
    case unknownProfile(String)
    /// A credentials file that exists but cannot be understood.
    case unreadableCredential(path: String)
    /// A system call failed on `path`.
    case io(path: String, operation: String, errno: Int32)

    public var description: String {
        switch self {
        case let .corruptFile(path, line, column, reason):
            return "\(path):\(line):\(column): \(reason). The file was left as it is; fix it or move it away."
        case let .unsupportedVersion(path, line, found, supported):
            return "\(path):\(line): settings version \(found) is not supported by this hkbill "
                + "(it reads version \(supported)). The file was left as it is."
        case let .invalidProfileName(name):
            return "invalid profile name \"\(name)\": use letters, digits, '.', '_' and '-' only"
        case let .unknownProfile(name):
            return "no profile named \"\(name)\" (see: hkbill profile list)"
        case let .unreadableCredential(path):
            return "\(path): credentials file is unreadable; remove the profile and add it again"
        case let .io(path, operation, code):
            return "\(path): \(operation) failed: \(String(cString: strerror(code)))"
        }
    }
}
