import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes downloaded files without ever replacing an existing one.
public protocol FileSaver: Sendable {
    /// Saves `data` in `folder` under `preferredName`, or the first free alternative
    /// (`name (2).pdf`, ...); returns the full path used.
    func save(_ data: Data, folder: String, preferredName: String) throws -> String
}

/// The real file system. The file is created with O_EXCL, so a name taken between the check and
/// the write is skipped rather than overwritten.
public struct DiskFileSaver: FileSaver {
    public init() {}

    public func save(_ data: Data, folder: String, preferredName: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in DownloadName.alternatives(for: preferredName, limit: 1000) {
            let path = (folder as NSString).appendingPathComponent(name)
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw SaveError(message: Messages.cannotSave(path: path, reason: String(cString: strerror(errno))))
            }
            defer { close(fd) }
            let ok = data.withUnsafeBytes { buf -> Bool in
                var offset = 0
                while offset < buf.count {
                    let n = write(fd, buf.baseAddress.map { $0 + offset }, buf.count - offset)
                    if n <= 0 { return false }
                    offset += n
                }
                return fsync(fd) == 0
            }
            guard ok else { throw SaveError(message: Messages.cannotSave(path: path, reason: "write failed")) }
            return path
        }
        throw SaveError(message: Messages.cannotSave(path: folder, reason: "no free file name"))
    }
}

/// A save that failed, with a message for people.
public struct SaveError: Error, Sendable, Equatable {
    public var message: String
}

/// File names for downloads: `invoice-<id>.pdf`, `invoice-<id>-proforma.pdf`, and the
/// alternatives used when the name is taken.
public enum DownloadName {
    public static func preferred(invoiceID: Int, proforma: Bool) -> String {
        proforma ? "invoice-\(invoiceID)-proforma.pdf" : "invoice-\(invoiceID).pdf"
    }

    /// `name.pdf`, `name (2).pdf`, `name (3).pdf`, ...
    public static func alternatives(for name: String, limit: Int) -> [String] {
        let ext = (name as NSString).pathExtension
        let stem = ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
        return [name] + (2..<max(2, limit + 1)).map { ext.isEmpty ? "\(stem) (\($0))" : "\(stem) (\($0)).\(ext)" }
    }
}
