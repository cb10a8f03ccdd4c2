import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the BSD socket calls the server needs, retrying on EINTR.
enum SocketIO {
    /// Writes all of `bytes`; false when the peer is gone. MSG_NOSIGNAL: a closed peer must not
    /// kill the process with SIGPIPE.
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        sendAll(fd, bytes[...])
    }

    static func sendAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let n = bytes[offset...].withUnsafeBytes { raw in
                send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
            }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    static func sendAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = send(fd, bytes.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    /// Reads what is available into `buffer` (appending); returns the count, 0 at end of stream,
    /// -1 on error or idle timeout.
    static func receive(_ fd: Int32, into buffer: inout [UInt8], chunk: inout [UInt8]) -> Int {
        // A keep-alive client usually sends its next request within microseconds: look for it
        // briefly before sleeping in recv, which saves a wake-up per request on one connection.
        let spinUntil = DispatchTime.now().uptimeNanoseconds + 40_000
        while DispatchTime.now().uptimeNanoseconds < spinUntil {
            let n = chunk.withUnsafeMutableBytes { raw in recv(fd, raw.baseAddress, raw.count, Int32(MSG_DONTWAIT)) }
            if n > 0 { buffer.append(contentsOf: chunk[0..<n]); return n }
            if n == 0 { return 0 }
            if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR { return -1 }
        }
        while true {
            let n = chunk.withUnsafeMutableBytes { raw in recv(fd, raw.baseAddress, raw.count, 0) }
            if n < 0 && errno == EINTR { continue }
            if n > 0 { buffer.append(contentsOf: chunk[0..<n]) }
            return n
        }
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) {
        var v = value
        _ = setsockopt(fd, level, name, &v, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Closes both directions so a thread blocked in `recv` on `fd` wakes up.
    static func shutdownBoth(_ fd: Int32) {
        _ = shutdown(fd, Int32(SHUT_RDWR))
    }
}
