import ConsoleCore
import Foundation
import Testing
@testable import TerminalUI

/// Keys written to a pipe as text, one character a key: a key source without a terminal.
final class PipeKeySource: KeySource {
    let readEnd: Int32
    let writeEnd: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        readEnd = fds[0]
        writeEnd = fds[1]
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        close(readEnd)
        if writeEnd >= 0 { close(writeEnd) }
    }

    var inputDescriptor: Int32 { readEnd }

    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
    }

    func readKeys() -> [Key] {
        var buffer = [UInt8](repeating: 0, count: 256)
        var raw: [RawInput] = []
        while true {
            let n = read(readEnd, &buffer, buffer.count)
            if n <= 0 { break }
            raw += String(decoding: buffer[0..<n], as: UTF8.self).unicodeScalars.map { .character($0.value) }
        }
        return InputDecoder.decode(raw)
    }
}

/// Serialized: a running loop registers itself with `TerminalGuard`, which is process-wide.
@Suite(.serialized) struct EventLoopTests {
    @Test func keysAreHandledAndDrawnInBatches() throws {
        let loop = try EventLoop<String>()
        let source = PipeKeySource()
        source.type("jk")
        var keys: [Key] = []
        var draws = 0
        let exit = loop.run(keys: source, onKey: { key in
            keys.append(key)
            if key == .char("q") { loop.stop() }
            if keys.count == 2 { source.type("q") }
        }, onMessage: { _ in }, draw: { draws += 1 })
        #expect(exit == .stopped)
        #expect(keys == [.char("j"), .char("k"), .char("q")])
        // One draw at the start and one after the batch "jk"; none after the stopping batch.
        #expect(draws == 2)
    }

    @Test func messagesPostedFromOtherThreadsWakeTheLoop() throws {
        let loop = try EventLoop<Int>()
        let source = PipeKeySource()
        var received: [Int] = []
        let thread = Thread {
            for i in 1...50 { loop.post(i) }
        }
        thread.start()
        let exit = loop.run(keys: source, onKey: { _ in }, onMessage: { n in
            received.append(n)
            if received.count == 50 { loop.stop() }
        }, draw: {})
        #expect(exit == .stopped)
        #expect(received == Array(1...50))    // in posting order
    }

    @Test func ticksRunOnlyWhileAnIntervalIsSet() throws {
        let loop = try EventLoop<String>()
        let source = PipeKeySource()
        loop.tickInterval = .milliseconds(5)
        var ticks = 0
        var draws = 0
        let exit = loop.run(keys: source, onKey: { _ in }, onMessage: { _ in loop.stop() }, onTick: {
            ticks += 1
            if ticks == 3 { loop.tickInterval = nil; loop.post("done") }
        }, draw: { draws += 1 })
        #expect(exit == .stopped)
        #expect(ticks == 3)
        #expect(draws == 4)       // the first frame and one after each tick
    }

    @Test func ticksStopAndMessagesStillArrive() throws {
        let loop = try EventLoop<String>()
        let source = PipeKeySource()
        loop.tickInterval = .milliseconds(2)
        var ticks = 0
        var messages: [String] = []
        let exit = loop.run(keys: source, onKey: { _ in }, onMessage: { m in
            messages.append(m)
            loop.stop()
        }, onTick: {
            ticks += 1
            if ticks == 2 {
                loop.tickInterval = nil
                let l = loop
                Thread.detachNewThread { usleep(20_000); l.post("loaded") }
            }
        }, draw: {})
        #expect(exit == .stopped)
        #expect(ticks == 2)
        #expect(messages == ["loaded"])
    }

    @Test func closedInputEndsTheLoop() throws {
        let loop = try EventLoop<String>()
        let source = PipeKeySource()
        source.type("a")
        close(source.writeEnd)
        var keys: [Key] = []
        let exit = loop.run(keys: source, onKey: { keys.append($0) }, onMessage: { _ in }, draw: {})
        #expect(exit == .inputClosed)
        #expect(keys == [.char("a")])
    }

    @Test func aTerminatingSignalEndsTheLoopCleanly() throws {
        let devNull = open("/dev/null", O_WRONLY)
        defer { close(devNull) }
        TerminalGuard.install(input: devNull, output: devNull)
        defer { TerminalGuard.uninstall() }
        let loop = try EventLoop<String>()
        let source = PipeKeySource()
        loop.post("go")
        var handledAfterSignal = false
        let exit = loop.run(keys: source, onKey: { _ in }, onMessage: { m in
            // To the process, as `kill` or a closing terminal sends it: the test runs on a worker
            // thread that blocks signals, so another thread takes it and must wake the loop.
            if m == "go" { kill(getpid(), SIGTERM) } else { handledAfterSignal = true }
        }, draw: {})
        #expect(exit == .signal(SIGTERM))
        #expect(!handledAfterSignal)
        #expect(TerminalGuard.takePendingSignal() == nil)     // taken by the loop
    }

    @Test func restoreSequenceLeavesTheTerminalUsable() {
        let s = TerminalGuard.restoreSequence
        for part in ["\u{1B}[0m", "\u{1B}[?1000l", "\u{1B}[?1006l", "\u{1B}[?1049l", "\u{1B}[?25h"] {
            #expect(s.contains(part))
        }
    }
}
