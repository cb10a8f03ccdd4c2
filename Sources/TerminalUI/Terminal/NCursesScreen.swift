import CNCurses
import ConsoleCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal, through ncursesw. It starts curses in the mode the console needs (UTF-8
/// locale, cbreak, no echo, keypad, colours, mouse), shows each `Canvas` frame by writing only the
/// cells that changed since the previous one (ncurses then sends only what differs on the glass,
/// using line insert/delete where it can), reads and decodes keys, and restores the terminal on
/// `end()`. Use it from one thread only: the event loop's.
public final class NCursesScreen: KeySource {
    /// Which terminal to open.
    public enum Terminal: Sendable {
        /// stdin and stdout, with `$TERM`.
        case standard
        /// Explicit descriptors and terminal type (a pty in tests and benchmarks).
        case descriptors(input: Int32, output: Int32, term: String)
    }

    /// Why the screen could not start.
    public struct StartError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public private(set) var theme: Theme
    /// The palette in use for the current theme and terminal.
    public private(set) var palette: ScreenPalette
    /// True when the locale is UTF-8 (box drawing and non-ASCII text can be shown).
    public private(set) var isUnicode = false
    /// The terminal's colour count (0 when it has none).
    public private(set) var colorCount = 0
    public private(set) var isActive = false
    public private(set) var inputDescriptor: Int32 = STDIN_FILENO

    private let enableMouse: Bool
    private var screen: OpaquePointer?
    /// The streams of a `.descriptors` screen, closed after it ends.
    private var files: [UnsafeMutablePointer<FILE>] = []
    private var defaultColors = false
    private var previous: Canvas?
    private var cursorVisible: Bool?
    private var buffer = [wchar_t](repeating: 0, count: 8)

    public init(theme: Theme, mouse: Bool = true) {
        self.theme = theme
        enableMouse = mouse
        palette = ScreenPalette(theme: theme, colorCount: 0, pairCount: 0, defaultColors: false)
    }

    deinit { end() }

    /// Opens the terminal. Call `TerminalGuard.install()` first so its handlers are in place.
    public func start(_ terminal: Terminal = .standard) throws(StartError) {
        guard !isActive else { return }
        setlocale(LC_ALL, "")
        switch terminal {
        case .standard:
            guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
                throw StartError(description: "the console needs a terminal on stdin and stdout")
            }
            screen = hk_newterm_stdio()
            inputDescriptor = STDIN_FILENO
        case .descriptors(let input, let output, let term):
            var outFile: UnsafeMutablePointer<FILE>?
            var inFile: UnsafeMutablePointer<FILE>?
            screen = hk_newterm_fds(term, output, input, &outFile, &inFile)
            files = [outFile, inFile].compactMap { $0 }
            inputDescriptor = input
        }
        guard let screen else {
            let term = getenv("TERM").map { String(cString: $0) } ?? ""
            throw StartError(description: "cannot start the terminal (TERM=\(term.isEmpty ? "unset" : term))")
        }
        _ = set_term(screen)
        isActive = true
        isUnicode = hk_locale_is_utf8() != 0
        let win = hk_stdscr()
        _ = cbreak()
        _ = noecho()
        _ = nonl()
        _ = keypad(win, true)
        _ = nodelay(win, true)
        _ = set_escdelay(25)
        idlok(win, true)
        _ = scrollok(win, false)
        setCursor(visible: false)
        if has_colors() {
            _ = start_color()
            defaultColors = use_default_colors() == OK
            colorCount = Int(hk_colors())
        }
        if enableMouse {
            let mask = hk_button1_pressed() | hk_button1_released() | hk_button4_pressed() | hk_button5_pressed()
            _ = mousemask(mask, nil)
            _ = mouseinterval(0)
        }
        applyPalette()
        TerminalGuard.chainResizeWakeup()
    }

    /// Restores the terminal (leaves the alternate screen, shows the cursor, resets modes).
    public func end() {
        guard isActive, let screen else { return }
        _ = set_term(screen)
        if enableMouse { _ = mousemask(0, nil) }
        _ = curs_set(1)
        _ = endwin()
        delscreen(screen)
        for file in files { fclose(file) }
        files = []
        self.screen = nil
        isActive = false
        previous = nil
    }

    /// The terminal's size in cells.
    public var size: (width: Int, height: Int) {
        guard isActive else { return (0, 0) }
        return (Int(getmaxx(hk_stdscr())), Int(getmaxy(hk_stdscr())))
    }

    /// The drawing characters this terminal can show.
    public var glyphs: Glyphs { Glyphs.forUnicode(isUnicode) }

    /// An empty canvas the size of the screen, with the right glyphs.
    public func makeCanvas() -> Canvas {
        let s = size
        return Canvas(width: s.width, height: s.height, glyphs: glyphs)
    }

    /// Switches theme; the next frame is drawn in full.
    public func setTheme(_ theme: Theme) {
        self.theme = theme
        if isActive { applyPalette() }
        previous = nil
    }

    /// Forgets the previous frame so the next one is written in full and the terminal repainted
    /// (after something else wrote to the terminal).
    public func invalidate() {
        previous = nil
        if isActive { _ = clearok(hk_stdscr(), true) }
    }

    /// Shows `canvas`: writes the cells that differ from the previous frame (all of them on the
    /// first frame or after a resize) and refreshes. The cursor is shown at `cursor` (a text
    /// input) or hidden.
    public func draw(_ canvas: Canvas, cursor: (row: Int, col: Int)? = nil) {
        guard isActive else { return }
        let win = hk_stdscr()
        let spans: [CanvasSpan]
        if let previous, previous.width == canvas.width, previous.height == canvas.height {
            spans = canvas.diff(from: previous)
        } else {
            if previous != nil { _ = clearok(win, true) }    // resized: repaint the glass
            spans = (0..<canvas.height).map { CanvasSpan(row: $0, startCol: 0, endCol: canvas.width) }
        }
        for span in spans {
            let base = span.row * canvas.width
            for col in span.startCol..<span.endCol {
                let cell = canvas.cells[base + col]
                if cell.isContinuation { continue }
                let wide = col + 1 < canvas.width && canvas.cells[base + col + 1].isContinuation
                write(cell, of: canvas, row: span.row, col: col, width: wide ? 2 : 1)
            }
        }
        if let cursor, cursor.row >= 0, cursor.row < canvas.height, cursor.col >= 0, cursor.col < canvas.width {
            setCursor(visible: true)
            _ = wmove(win, Int32(cursor.row), Int32(cursor.col))
        } else {
            setCursor(visible: false)
        }
        _ = wrefresh(win)
        previous = canvas
    }

    // MARK: - KeySource

    /// Reads everything pending (without waiting) and decodes it.
    public func readKeys() -> [Key] {
        guard isActive else { return [] }
        return InputDecoder.decode(readRawInput())
    }

    /// Raw input as ncurses reports it, until nothing is pending.
    public func readRawInput() -> [RawInput] {
        guard isActive else { return [] }
        var out: [RawInput] = []
        var ch: wint_t = 0
        let win = hk_stdscr()
        while out.count < 4096 {
            let status = wget_wch(win, &ch)
            if status == ERR { break }
            if status == KEY_CODE_YES {
                if Int32(ch) == KEY_MOUSE {
                    var event = MEVENT()
                    if getmouse(&event) == OK, let kind = InputDecoder.mouseKind(buttonState: event.bstate) {
                        out.append(.mouse(MouseEvent(kind: kind, row: Int(event.y), column: Int(event.x))))
                    }
                    continue
                }
                out.append(.keyCode(Int32(ch)))
            } else {
                out.append(.character(UInt32(ch)))
            }
        }
        return out
    }

    // MARK: - Internal

    private func applyPalette() {
        palette = ScreenPalette(theme: theme, colorCount: colorCount, pairCount: Int(hk_color_pairs()),
                                defaultColors: defaultColors)
        if palette.usesColor {
            for entry in palette.entries where entry.pair > 0 {
                _ = init_pair(Int16(entry.pair), Int16(entry.foreground), Int16(entry.background))
            }
        }
        let normal = palette[.normal]
        wbkgdset(hk_stdscr(), cursesAttributes(normal.attributes) | hk_color_pair(Int32(normal.pair)) | 0x20)
        previous = nil
    }

    private func cursesAttributes(_ a: TextAttributes) -> attr_t {
        var out = hk_a_normal()
        if a.contains(.bold) { out |= hk_a_bold() }
        if a.contains(.underline) { out |= hk_a_underline() }
        if a.contains(.reverse) { out |= hk_a_reverse() }
        if a.contains(.dim) { out |= hk_a_dim() }
        return out
    }

    private func setCursor(visible: Bool) {
        guard cursorVisible != visible else { return }
        cursorVisible = visible
        _ = curs_set(visible ? 1 : 0)
    }

    /// Writes one cell. The canvas measured it in Swift; where the C library's idea of the width
    /// differs (an emoji it thinks narrow, a flag, a character the locale cannot show), a stand-in
    /// of the canvas's width is written, so ncurses' columns never drift from the canvas's.
    private func write(_ cell: Cell, of canvas: Canvas, row: Int, col: Int, width: Int) {
        let entry = palette[cell.role]
        let attributes = cursesAttributes(entry.attributes.union(cell.attributes))
        let pair = Int16(entry.pair)
        let win = hk_stdscr()
        var padRight = false
        if !cell.isCluster {
            let code = cell.code
            let terminalWidth = code < 0x7F ? 1 : Int(hk_wcwidth(wchar_t(bitPattern: code)))
            if terminalWidth == width || (terminalWidth == 1 && width == 2) {
                buffer[0] = wchar_t(bitPattern: code)
                padRight = terminalWidth != width
            } else {
                buffer[0] = 0x3F               // "?"
                padRight = width == 2
            }
            buffer[1] = 0
        } else {
            padRight = fillCluster(Array(canvas.scalars(of: cell)), width: width, row: row, col: col,
                                   attributes: attributes, pair: pair)
            if buffer[0] == 0 { return }       // written by fillCluster
        }
        _ = buffer.withUnsafeBufferPointer { hk_set_cell(win, Int32(row), Int32(col), $0.baseAddress, attributes, pair) }
        if padRight {
            buffer[0] = 0x20
            buffer[1] = 0
            _ = buffer.withUnsafeBufferPointer { hk_set_cell(win, Int32(row), Int32(col + 1), $0.baseAddress, attributes, pair) }
        }
    }

    /// Puts a multi-scalar grapheme into `buffer`: the base and the zero-width scalars the C
    /// library will combine with it (up to ncurses' limit). A ZWJ sequence keeps its first emoji;
    /// a flag the terminal would draw narrow becomes its two letters. Returns whether a space must
    /// follow; leaves `buffer[0] == 0` when it wrote the cells itself.
    private func fillCluster(_ scalars: [Unicode.Scalar], width: Int, row: Int, col: Int,
                             attributes: attr_t, pair: Int16) -> Bool {
        guard let base = scalars.first else { buffer[0] = 0x20; buffer[1] = 0; return width == 2 }
        let terminalWidth = Int(hk_wcwidth(wchar_t(bitPattern: base.value)))
        let isFlag = scalars.count == 2 && scalars.allSatisfy { (0x1F1E6...0x1F1FF).contains($0.value) }
        if isFlag && terminalWidth != 2 {
            let win = hk_stdscr()
            for (i, s) in scalars.enumerated() {
                buffer[0] = wchar_t(s.value - 0x1F1E6 + 0x41)
                buffer[1] = 0
                _ = buffer.withUnsafeBufferPointer { hk_set_cell(win, Int32(row), Int32(col + i), $0.baseAddress, attributes, pair) }
            }
            buffer[0] = 0
            return false
        }
        guard terminalWidth == width || (terminalWidth == 1 && width == 2) else {
            buffer[0] = 0x3F
            buffer[1] = 0
            return width == 2
        }
        var count = 1
        buffer[0] = wchar_t(bitPattern: base.value)
        for s in scalars.dropFirst() {
            if s.value == 0x200D || count >= 5 { break }
            if s.value == 0xFE0F && terminalWidth != width { continue }
            if hk_wcwidth(wchar_t(bitPattern: s.value)) == 0 {
                buffer[count] = wchar_t(bitPattern: s.value)
                count += 1
            }
        }
        buffer[count] = 0
        return terminalWidth != width
    }
}
