import ConsoleCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why `EventLoop.run` returned.
public enum EventLoopExit: Sendable, Hashable {
    /// `stop()` was called.
    case stopped
    /// SIGINT, SIGTERM or SIGHUP arrived (see `TerminalGuard`); exit with 128 + the signal.
    case signal(Int32)
    /// The input was closed (the terminal went away).
    case inputClosed
    /// poll(2) failed with this errno.
    case failed(Int32)
}

/// The console's one UI thread. It sleeps in `poll()` on the key source and a wake-up pipe, so an
/// idle console takes no CPU. Other threads hand it work with `post(_:)`, which queues the message
/// and writes one byte to the pipe; the loop handles every pending message and key, then draws
/// once. A tick interval, set only while something animates (a spinner during a call), is the
/// only timeout. Everything except `post` and `stop` must be called on the loop's thread.
public final class EventLoop<Message: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [Message] = []
    private var stopRequested = false
    private let readFD: Int32
    private let writeFD: Int32

    /// While set, `onTick` runs this often (and the screen is redrawn after it); nil means wait
    /// for input or messages only.
    public var tickInterval: Duration?

    /// Creates the wake-up pipe.
    public init() throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw EventLoopError(errno: errno) }
        readFD = fds[0]
        writeFD = fds[1]
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    /// Queues `message` for the loop thread and wakes it. Safe from any thread.
    public func post(_ message: Message) {
        lock.lock()
        queue.append(message)
        lock.unlock()
        wake()
    }

    /// Makes `run` return `.stopped` after the current batch. Safe from any thread.
    public func stop() {
        lock.lock()
        stopRequested = true
        lock.unlock()
        wake()
    }

    /// Runs until `stop()`, a terminating signal, or closed input. Draws once at the start and
    /// then after each batch of keys, messages or ticks.
    public func run(keys: KeySource, onKey: (Key) -> Void, onMessage: (Message) -> Void,
                    onTick: () -> Void = {}, draw: () -> Void) -> EventLoopExit {
        TerminalGuard.setWakeDescriptor(writeFD)
        defer { TerminalGuard.setWakeDescriptor(-1) }
        lock.lock()
        stopRequested = false
        lock.unlock()
        var emptyReads = 0
        var nextTick: ContinuousClock.Instant?
        draw()
        while true {
            if isStopRequested { return .stopped }
            if let sig = TerminalGuard.takePendingSignal() { return .signal(sig) }
            let timeout = pollTimeout(&nextTick)
            var fds = [pollfd(fd: keys.inputDescriptor, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: readFD, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno != EINTR { return .failed(errno) }
            var changed = false
            if fds[1].revents != 0 {
                drainPipe()
                for message in takeMessages() {
                    onMessage(message)
                    changed = true
                }
            }
            // Read keys on input, and also after a wake-up or EINTR: a resize (SIGWINCH) is
            // reported by ncurses as a key on the next read.
            let inputReady = fds[0].revents != 0
            let batch = keys.readKeys()
            for key in batch { onKey(key) }
            if !batch.isEmpty { changed = true; emptyReads = 0 }
            if !inputReady { emptyReads = 0 }
            if inputReady && batch.isEmpty {
                // Readable but nothing to read, again and again: the input is at end of file.
                emptyReads += 1
                if fds[0].revents & Int16(POLLHUP | POLLNVAL | POLLERR) != 0 || emptyReads > 64 { return .inputClosed }
            }
            if let due = nextTick, ContinuousClock.now >= due {
                onTick()
                changed = true
                nextTick = nil
            }
            if changed && !isStopRequested { draw() }
        }
    }

    // MARK: - Internal

    private var isStopRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopRequested
    }

    private func takeMessages() -> [Message] {
        lock.lock()
        defer { lock.unlock() }
        let taken = queue
        queue.removeAll(keepingCapacity: true)
        return taken
    }

    private func wake() {
        var byte: UInt8 = 1
        // A full pipe already guarantees a wake-up, so EAGAIN is fine to ignore.
        _ = write(writeFD, &byte, 1)
    }

    private func drainPipe() {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(readFD, &buffer, buffer.count) > 0 {}
    }

    /// Milliseconds until the next tick (or -1 to wait indefinitely), scheduling one if needed.
    private func pollTimeout(_ nextTick: inout ContinuousClock.Instant?) -> Int32 {
        guard let interval = tickInterval, interval > .zero else {
            nextTick = nil
            return -1
        }
        let now = ContinuousClock.now
        let due = nextTick ?? now.advanced(by: interval)
        nextTick = due
        let remaining = now.duration(to: due)
        if remaining <= .zero { return 0 }
        let (seconds, attoseconds) = remaining.components
        return Int32(clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}

/// The wake-up pipe could not be created.
public struct EventLoopError: Error, Sendable, CustomStringConvertible {
    public var errno: Int32
    public var description: String { "cannot create the event loop's wake-up pipe: \(String(cString: strerror(errno)))" }
}
