import Foundation

/// A pseudo-terminal for driving `NCursesScreen` in tests: the screen writes to the slave side,
/// a reader thread collects what reaches the master side (so the pty never fills up and blocks
/// the writer), and `takeOutput()` returns exactly the bytes of the last frame by writing a
/// sentinel after it and waiting for it to come through in order.
final class PseudoTerminal: @unchecked Sendable {
    let master: Int32
    let slave: Int32
    private let condition = NSCondition()
    private var received: [UInt8] = []
    private var readerDone = false

    static let sentinel = Array("<<hkbill-frame-end>>".utf8)

    struct Failure: Error, CustomStringConvertible { var description: String }

    init(width: Int, height: Int) throws {
        // posix_openpt and friends are not visible through Glibc; these are their Linux insides.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: Int32 = -1
        let setLock: UInt = 0x4004_5431, getNumber: UInt = 0x8004_5430   // TIOCSPTLCK, TIOCGPTN (Linux)
        guard master >= 0, ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0 else {
            throw Failure(description: "cannot open a pseudo-terminal")
        }
        slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw Failure(description: "cannot open the pty slave") }
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
        let thread = Thread { [self] in readLoop() }
        thread.start()
    }

    /// Closes both sides and waits for the reader to stop.
    func close() {
        Glibc.close(slave)
        condition.lock()
        let deadline = Date().addingTimeInterval(5)
        while !readerDone && condition.wait(until: deadline) {}
        condition.unlock()
        Glibc.close(master)
    }

    /// Sends `text` as if typed on the keyboard.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Everything the program wrote since the last call.
    func takeOutput() throws -> [UInt8] {
        _ = PseudoTerminal.sentinel.withUnsafeBytes { write(slave, $0.baseAddress, $0.count) }
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(10)
        while true {
            if let end = find(PseudoTerminal.sentinel, in: received) {
                let frame = Array(received[0..<end])
                received.removeFirst(end + PseudoTerminal.sentinel.count)
                return frame
            }
            if readerDone || !condition.wait(until: deadline) {
                throw Failure(description: "the pty output never reached the sentinel")
            }
        }
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            condition.lock()
            if n <= 0 {
                readerDone = true
                condition.broadcast()
                condition.unlock()
                return
            }
            received += buffer[0..<n]
            condition.broadcast()
            condition.unlock()
        }
    }

    private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }
}
