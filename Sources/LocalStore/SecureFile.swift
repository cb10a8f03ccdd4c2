import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Private directories and crash-safe whole-file writes, with POSIX calls so the modes and the
/// fsyncs are exactly what we ask for (Foundation's atomic write neither fsyncs nor sets modes).
enum SecureFile {
    static let privateDirectoryMode: mode_t = 0o700
    static let privateFileMode: mode_t = 0o600

    /// Creates `path` (and missing parents) with mode 0700, as the XDG specification asks, and
    /// tightens `path` itself to 0700 when it already exists with group or other bits.
    static func ensurePrivateDirectory(_ path: String) throws(LocalStoreError) {
        var st = stat()
        if stat(path, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFDIR else { throw .io(path: path, operation: "mkdir", errno: ENOTDIR) }
            if st.st_mode & 0o077 != 0, chmod(path, privateDirectoryMode) != 0 {
                throw .io(path: path, operation: "chmod", errno: errno)
            }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path, access(parent, F_OK) != 0 {
            try ensureParents(parent)
        }
        if mkdir(path, privateDirectoryMode) != 0, errno != EEXIST {
            throw .io(path: path, operation: "mkdir", errno: errno)
        }
        // mkdir's mode is filtered by the umask; set it exactly.
        if chmod(path, privateDirectoryMode) != 0 { throw .io(path: path, operation: "chmod", errno: errno) }
    }

    /// Missing ancestors get 0700 too, but existing ones are never touched (they may be `~`).
    private static func ensureParents(_ path: String) throws(LocalStoreError) {
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path, access(parent, F_OK) != 0 { try ensureParents(parent) }
        if mkdir(path, privateDirectoryMode) != 0, errno != EEXIST {
            throw .io(path: path, operation: "mkdir", errno: errno)
        }
    }

    /// Reads a whole file; nil when it does not exist.
    static func contents(of path: String) throws(LocalStoreError) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .io(path: path, operation: "open", errno: errno)
        }
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: "read", errno: errno)
            }
            if n == 0 { return data }
            data.append(contentsOf: buffer[0..<n])
        }
    }

    /// Replaces `path` with `data` so that a crash at any moment leaves either the old file or the
    /// new one: write a temporary file beside it, fsync it, rename it over, fsync the directory.
    static func writeAtomically(_ data: Data, to path: String, mode: mode_t = privateFileMode) throws(LocalStoreError) {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = ConfigPaths.join(directory, ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if fd < 0 { throw .io(path: temporary, operation: "create", errno: errno) }
        do throws(LocalStoreError) {
            defer { close(fd) }
            if fchmod(fd, mode) != 0 { throw .io(path: temporary, operation: "chmod", errno: errno) }
            try writeAll(fd, data, path: temporary)
            if fsync(fd) != 0 { throw .io(path: temporary, operation: "fsync", errno: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw .io(path: path, operation: "rename", errno: code)
        }
        try syncDirectory(directory)
    }

    /// Makes a rename or a new file in `directory` durable.
    static func syncDirectory(_ directory: String) throws(LocalStoreError) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw .io(path: directory, operation: "open", errno: errno) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw .io(path: directory, operation: "fsync", errno: errno) }
    }

    /// Writes every byte, retrying short writes and EINTR.
    static func writeAll(_ fd: Int32, _ data: Data, path: String) throws(LocalStoreError) {
        let failure: Int32? = data.withUnsafeBytes { raw -> Int32? in
            guard var p = raw.baseAddress else { return nil }
            var left = raw.count
            while left > 0 {
                let n = write(fd, p, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                p += n
                left -= n
            }
            return nil
        }
        if let failure { throw .io(path: path, operation: "write", errno: failure) }
    }

    /// Removes a file; a file already gone is fine.
    static func remove(_ path: String) throws(LocalStoreError) {
        if unlink(path) != 0, errno != ENOENT { throw .io(path: path, operation: "unlink", errno: errno) }
    }
}
