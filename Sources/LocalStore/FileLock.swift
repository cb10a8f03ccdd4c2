import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on a lock file, held until the value goes away. It serializes
/// read-modify-write cycles between processes (and between threads, since each lock opens its own
/// file description). The kernel releases it if the process dies.
struct FileLock: ~Copyable {
    private let fd: Int32

    /// Blocks until the lock is ours.
    init(path: String) throws(LocalStoreError) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, SecureFile.privateFileMode)
        if fd < 0 { throw .io(path: path, operation: "open", errno: errno) }
        while flock(fd, LOCK_EX) != 0 {
            let code = errno
            if code != EINTR {
                close(fd)
                throw .io(path: path, operation: "flock", errno: code)
            }
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
