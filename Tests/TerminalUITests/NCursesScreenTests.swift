import ConsoleCore
import Foundation
import Testing
@testable import TerminalUI

/// The real ncurses screen on a pseudo-terminal: what reaches the terminal, and keys coming back.
/// Serialized: ncurses has one current screen per process.
@Suite(.serialized) struct NCursesScreenTests {
    static func frame(_ screen: NCursesScreen, selected: Int, offset: Int = 0) -> Canvas {
        var canvas = screen.makeCanvas()
        SampleInvoices.table(rowCount: 1000, selected: selected, offset: offset, caption: "/unpaid")
            .draw(into: &canvas, in: canvas.bounds)
        return canvas
    }

    @Test func writesOnlyWhatChanged() throws {
        let pty = try PseudoTerminal(width: 100, height: 30)
        defer { pty.close() }
        let screen = NCursesScreen(theme: BuiltInThemes.defaultTheme, mouse: false)
        try screen.start(.descriptors(input: pty.slave, output: pty.slave, term: "xterm-256color"))
        defer { screen.end() }
        _ = try pty.takeOutput()                              // terminal set-up
        #expect(screen.size.width == 100 && screen.size.height == 30)
        #expect(screen.colorCount == 256)

        screen.draw(Self.frame(screen, selected: 0))
        let full = try pty.takeOutput()
        #expect(full.count > 2000)
        #expect(String(decoding: full, as: UTF8.self).contains("1000"))

        screen.draw(Self.frame(screen, selected: 0))
        #expect(try pty.takeOutput().count < 16)             // nothing changed: (almost) nothing sent

        screen.draw(Self.frame(screen, selected: 1))
        let move = try pty.takeOutput()
        #expect(move.count * 8 < full.count, "selection move wrote \(move.count) bytes of a \(full.count)-byte frame")
        let moved = String(decoding: move, as: UTF8.self)
        #expect(moved.contains("1001") && !moved.contains("1005"))

        screen.invalidate()
        screen.draw(Self.frame(screen, selected: 1))
        #expect(try pty.takeOutput().count * 2 > full.count)  // a forced repaint sends the screen again
    }

    @Test func scrollingOneRowSendsLessThanAQuarterOfTheScreen() throws {
        let pty = try PseudoTerminal(width: 120, height: 40)
        defer { pty.close() }
        let screen = NCursesScreen(theme: BuiltInThemes.defaultTheme, mouse: false)
        try screen.start(.descriptors(input: pty.slave, output: pty.slave, term: "xterm-256color"))
        defer { screen.end() }
        _ = try pty.takeOutput()
        screen.draw(Self.frame(screen, selected: 37, offset: 0))
        let full = try pty.takeOutput()
        screen.draw(Self.frame(screen, selected: 38, offset: 1))
        let scroll = try pty.takeOutput()
        #expect(scroll.count * 4 < full.count, "one-row scroll wrote \(scroll.count) bytes of a \(full.count)-byte frame")
    }

    @Test func readsAndDecodesKeys() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        defer { pty.close() }
        let screen = NCursesScreen(theme: BuiltInThemes.defaultTheme, mouse: false)
        try screen.start(.descriptors(input: pty.slave, output: pty.slave, term: "xterm-256color"))
        defer { screen.end() }
        pty.type("j\u{1B}OA\u{1B}[6~\t\u{1B}[Z\u{1B}x/")
        var keys: [Key] = []
        for _ in 0..<200 where keys.count < 7 {
            keys += screen.readKeys()
            if keys.count < 7 { usleep(5_000) }
        }
        #expect(keys == [.char("j"), .up, .pageDown, .tab, .backTab, .alt("x"), .char("/")])
    }

    @Test func decodesMouseReports() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        defer { pty.close() }
        let screen = NCursesScreen(theme: BuiltInThemes.defaultTheme, mouse: true)
        try screen.start(.descriptors(input: pty.slave, output: pty.slave, term: "xterm-256color"))
        defer { screen.end() }
        let setup = String(decoding: try pty.takeOutput(), as: UTF8.self)
        #expect(setup.contains("\u{1B}[?1006;1000h"))           // SGR mouse reporting switched on
        // Press and release at column 10, row 5 (1-based), then the wheel down at 3,2. Sent one at a
        // time as a terminal does (ncurses folds a burst of reports read at once into its last one).
        var keys: [Key] = []
        for report in ["\u{1B}[<0;10;5M", "\u{1B}[<0;10;5m", "\u{1B}[<65;3;2M"] {
            pty.type(report)
            let before = keys.count
            for _ in 0..<200 where keys.count == before {
                keys += screen.readKeys()
                if keys.count == before { usleep(5_000) }
            }
        }
        #expect(keys == [.mouse(MouseEvent(kind: .press, row: 4, column: 9)),
                         .mouse(MouseEvent(kind: .release, row: 4, column: 9)),
                         .mouse(MouseEvent(kind: .wheelDown, row: 1, column: 2))])
        screen.end()
        #expect(String(decoding: try pty.takeOutput(), as: UTF8.self).contains("\u{1B}[?1006;1000l"))
    }
}
