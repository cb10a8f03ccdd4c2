#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes sure hkbill never leaves a broken terminal behind. It saves the terminal settings before
/// ncurses starts and installs signal handlers:
/// - SIGINT, SIGTERM, SIGHUP: while an event loop runs, the signal is noted and the loop is woken
///   so it ends cleanly (`EventLoopExit.signal`) and the caller restores the screen; a second
///   such signal, or one with no loop running, restores the terminal and exits with 128 + signal.
/// - SIGILL, SIGTRAP (Swift traps), SIGABRT, SIGSEGV, SIGBUS, SIGFPE: restores the terminal with
///   async-signal-safe calls only (tcsetattr, write), puts back the previous handler (the Swift
///   runtime's backtracer, if any) and raises the signal again.
/// ncurses keeps its own SIGWINCH handler; `chainResizeWakeup` only adds a wake-up after it.
public enum TerminalGuard {
    /// The bytes written to the terminal when it is restored from a signal: reset attributes,
    /// stop mouse reporting, leave keypad-transmit mode, leave the alternate screen, show the cursor.
    public static let restoreSequence = "\u{1B}[0m\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l"
        + "\u{1B}[?1l\u{1B}>\u{1B}[?1049l\u{1B}[?25h"

    static let terminatingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let fatalSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    /// Saves the terminal settings of `input` and installs the handlers. Call once, before the
    /// screen starts (ncurses then leaves SIGINT and SIGTERM to us); later calls do nothing until
    /// `uninstall`.
    public static func install(input: Int32 = 0, output: Int32 = 1) {
        let s = guardState
        // Only the first call saves: later the terminal may already be in curses mode.
        guard s.pointee.installed == 0 else { return }
        s.pointee.inputFD = input
        s.pointee.outputFD = output
        s.pointee.hasSaved = 0
        if isatty(input) == 1, tcgetattr(input, &s.pointee.saved) == 0 { s.pointee.hasSaved = 1 }
        s.pointee.installed = 1
        prepareAlternateStack()
        // SA_RESTART: other threads' reads and writes carry on; poll(2) is interrupted regardless.
        for sig in terminatingSignals { installHandler(sig, terminatingHandler, flags: Int32(SA_RESTART)) }
        for sig in fatalSignals { installHandler(sig, fatalHandler, flags: Int32(SA_ONSTACK)) }
    }

    /// Puts back the handlers that were there before `install`.
    public static func uninstall() {
        let s = guardState
        guard s.pointee.installed == 1 else { return }
        for sig in terminatingSignals + fatalSignals { _ = sigaction(sig, previousActions + Int(sig), nil) }
        if s.pointee.resizeChained == 1 {
            _ = sigaction(SIGWINCH, previousActions + Int(SIGWINCH), nil)
            s.pointee.resizeChained = 0
        }
        s.pointee.installed = 0
    }

    /// Restores the saved terminal settings and writes `restoreSequence`. Safe in a signal handler.
    public static func restoreTerminal() {
        restoreTerminalFromSignal()
    }

    /// The signal (SIGINT, SIGTERM, SIGHUP) that asked the running loop to end, if any; clears it.
    public static func takePendingSignal() -> Int32? {
        let sig = guardState.pointee.pendingSignal
        guard sig != 0 else { return nil }
        guardState.pointee.pendingSignal = 0
        return sig
    }

    /// Wraps the SIGWINCH handler ncurses installed so that, after it has run, the event loop is
    /// woken too (whichever thread the signal landed on). Call after the screen has started.
    public static func chainResizeWakeup() {
        let s = guardState
        guard s.pointee.resizeChained == 0 else { return }
        var action = sigaction()
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(SA_SIGINFO | SA_RESTART)
        action.__sigaction_handler.sa_sigaction = resizeHandler
        if sigaction(SIGWINCH, &action, previousActions + Int(SIGWINCH)) == 0 { s.pointee.resizeChained = 1 }
    }

    /// The descriptor a running event loop wants written to when a signal arrives (-1: none).
    static func setWakeDescriptor(_ fd: Int32) {
        guardState.pointee.wakeFD = fd
    }

    // MARK: - Handlers (async-signal-safe: no allocation, no locks, no Swift runtime calls)

    private static func installHandler(_ sig: Int32, _ handler: @convention(c) (Int32) -> Void, flags: Int32) {
        var action = sigaction()
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        action.__sigaction_handler.sa_handler = handler
        _ = sigaction(sig, &action, previousActions + Int(sig))
    }

    /// A stack for the fatal handlers (on this thread), so a stack overflow can still restore the
    /// terminal; kept when one is already set (the Swift runtime's backtracer may have one).
    private static func prepareAlternateStack() {
        var current = stack_t()
        if sigaltstack(nil, &current) == 0 && current.ss_flags & Int32(SS_DISABLE) == 0 { return }  // one exists
        let size = 64 * 1024
        guard let memory = malloc(size) else { return }
        var stack = stack_t()
        stack.ss_sp = memory
        stack.ss_size = size
        stack.ss_flags = 0
        _ = sigaltstack(&stack, nil)
    }
}

/// Everything the handlers touch, allocated once so a handler only reads and writes memory.
struct GuardState {
    var saved = termios()
    var hasSaved: Int32 = 0
    var inputFD: Int32 = STDIN_FILENO
    var outputFD: Int32 = STDOUT_FILENO
    var wakeFD: Int32 = -1
    var pendingSignal: Int32 = 0
    var installed: Int32 = 0
    var resizeChained: Int32 = 0
}

nonisolated(unsafe) let guardState: UnsafeMutablePointer<GuardState> = {
    let p = UnsafeMutablePointer<GuardState>.allocate(capacity: 1)
    p.initialize(to: GuardState())
    return p
}()

/// The handler each signal had before ours, indexed by signal number.
nonisolated(unsafe) let previousActions: UnsafeMutablePointer<sigaction> = {
    let count = 65
    let p = UnsafeMutablePointer<sigaction>.allocate(capacity: count)
    p.initialize(repeating: sigaction(), count: count)
    return p
}()

/// `TerminalGuard.restoreSequence` as bytes, ready for write(2).
nonisolated(unsafe) let restoreBytes: (pointer: UnsafeMutablePointer<UInt8>, count: Int) = {
    let bytes = Array(TerminalGuard.restoreSequence.utf8)
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
    p.initialize(from: bytes, count: bytes.count)
    return (p, bytes.count)
}()

func restoreTerminalFromSignal() {
    let s = guardState
    if s.pointee.hasSaved == 1 { _ = tcsetattr(s.pointee.inputFD, TCSANOW, &s.pointee.saved) }
    let bytes = restoreBytes
    _ = write(s.pointee.outputFD, bytes.pointer, bytes.count)
}

private func wakeLoop() -> Bool {
    let fd = guardState.pointee.wakeFD
    guard fd >= 0 else { return false }
    var byte: UInt8 = 1
    _ = write(fd, &byte, 1)
    return true
}

/// A handler as a number: SIG_DFL is 0 and SIG_IGN is 1 on Linux and macOS.
private func handlerAddress(_ handler: (@convention(c) (Int32) -> Void)?) -> Int {
    guard let handler else { return 0 }
    return unsafeBitCast(handler, to: Int.self)
}

private let terminatingHandler: @convention(c) (Int32) -> Void = { sig in
    let s = guardState
    if s.pointee.pendingSignal == 0 && s.pointee.wakeFD >= 0 {
        s.pointee.pendingSignal = sig
        if wakeLoop() { return }
    }
    restoreTerminalFromSignal()
    _exit(128 + sig)
}

private let fatalHandler: @convention(c) (Int32) -> Void = { sig in
    restoreTerminalFromSignal()
    let previous = previousActions + Int(sig)
    if handlerAddress(previous.pointee.__sigaction_handler.sa_handler) == 1 {   // SIG_IGN
        var fallback = sigaction()
        fallback.__sigaction_handler.sa_handler = SIG_DFL
        _ = sigaction(sig, &fallback, nil)
    } else {
        _ = sigaction(sig, previous, nil)
    }
    _ = raise(sig)
}

private let resizeHandler: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { sig, info, context in
    let previous = previousActions + Int(SIGWINCH)
    if previous.pointee.sa_flags & Int32(SA_SIGINFO) != 0 {
        previous.pointee.__sigaction_handler.sa_sigaction?(sig, info, context)
    } else if let handler = previous.pointee.__sigaction_handler.sa_handler,
              handlerAddress(handler) > 1 {                                    // not SIG_DFL or SIG_IGN
        handler(sig)
    }
    _ = wakeLoop()
}
