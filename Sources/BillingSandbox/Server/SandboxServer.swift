import BillingAPI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The sandbox on loopback HTTP/1.1: `POST /whmcs.php` and `/auth.php` on 127.0.0.1 only, with
/// keep-alive, several concurrent connections (a thread each), 400 for malformed requests and 413
/// above 1 MiB. Port 0 picks a free port; read it back from `port` after `start()`.
public final class SandboxServer: @unchecked Sendable {
    public let sandbox: Sandbox
    private let requestedPort: UInt16
    private let lock = NSLock()
    private var listenFD: Int32 = -1
    private var wakePipe: [Int32] = [-1, -1]
    private var boundPort: UInt16 = 0
    private var running = false
    private var accepted = 0
    private var open: Set<Int32> = []
    private let connections = DispatchGroup()
    private let acceptLoopDone = DispatchSemaphore(value: 0)

    /// Idle keep-alive connections are closed after this long.
    static let idleSeconds = 60

    public init(sandbox: Sandbox, port: UInt16 = 0) {
        self.sandbox = sandbox
        requestedPort = port
    }

    deinit { stop() }

    /// The bound port (after `start()`).
    public var port: UInt16 { lock.lock(); defer { lock.unlock() }; return boundPort }

    /// `http://127.0.0.1:PORT`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Connections accepted since `start()`: a keep-alive client makes one for many requests.
    public var connectionCount: Int { lock.lock(); defer { lock.unlock() }; return accepted }

    /// Binds 127.0.0.1 (never another address), listens, and starts accepting on a thread.
    public func start() throws(SandboxServerError) {
        lock.lock()
        defer { lock.unlock() }
        guard !running else { return }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SandboxServerError(call: "socket", errno: errno) }
        SocketIO.setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = requestedPort.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian   // 127.0.0.1, loopback only
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { let e = errno; close(fd); throw SandboxServerError(call: "bind", errno: e) }
        guard listen(fd, 256) == 0 else { let e = errno; close(fd); throw SandboxServerError(call: "listen", errno: e) }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { let e = errno; close(fd); throw SandboxServerError(call: "pipe", errno: e) }
        for p in fds { _ = fcntl(p, F_SETFD, FD_CLOEXEC) }
        let wakeRead = fds[0]
        listenFD = fd
        wakePipe = fds
        boundPort = UInt16(bigEndian: actual.sin_port)
        running = true
        accepted = 0
        let thread = Thread { [self] in acceptLoop(listening: fd, wake: wakeRead) }
        thread.name = "sandbox-accept"
        thread.start()
    }

    /// The address the listening socket is bound to (`127.0.0.1`), for tests.
    public var boundAddress: String {
        lock.lock()
        defer { lock.unlock() }
        guard listenFD >= 0 else { return "" }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listenFD, $0, &length) }
        }
        let host = UInt32(bigEndian: actual.sin_addr.s_addr)
        return "\(host >> 24).\(host >> 16 & 255).\(host >> 8 & 255).\(host & 255)"
    }

    /// Stops accepting, closes every open connection and waits (briefly) for their threads.
    public func stop() {
        lock.lock()
        guard running else { lock.unlock(); return }
        running = false
        let wake = wakePipe[1]
        lock.unlock()
        var byte: UInt8 = 1
        _ = write(wake, &byte, 1)
        acceptLoopDone.wait()
        lock.lock()
        close(listenFD)
        close(wakePipe[0])
        close(wakePipe[1])
        listenFD = -1
        wakePipe = [-1, -1]
        for fd in open { SocketIO.shutdownBoth(fd) }
        lock.unlock()
        // A connection sleeping in a timeout fault finishes on its own; do not hang on it.
        _ = connections.wait(timeout: .now() + 2)
    }

    // MARK: - Accepting

    private func acceptLoop(listening fd: Int32, wake: Int32) {
        defer { acceptLoopDone.signal() }
        var polls = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        while true {
            polls[0].revents = 0
            polls[1].revents = 0
            let n = poll(&polls, 2, -1)
            if n < 0 { if errno == EINTR { continue } else { return } }
            if polls[1].revents != 0 { return }
            guard polls[0].revents & Int16(POLLIN) != 0 else { continue }
            let client = accept(fd, nil, nil)
            guard client >= 0 else { continue }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            lock.lock()
            guard running else { lock.unlock(); close(client); return }
            accepted += 1
            open.insert(client)
            let base = "http://127.0.0.1:\(boundPort)"
            lock.unlock()
            SocketIO.setOption(client, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
            var idle = timeval(tv_sec: Self.idleSeconds, tv_usec: 0)
            _ = setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &idle, socklen_t(MemoryLayout<timeval>.size))
            connections.enter()
            let thread = Thread { [self] in
                HTTPConnection(fd: client, sandbox: sandbox, baseURL: base).run()
                lock.lock()
                open.remove(client)
                lock.unlock()
                close(client)
                connections.leave()
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
    }
}
