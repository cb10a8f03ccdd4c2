import CNCurses
import ConsoleCore
import Testing
@testable import TerminalUI

@Suite struct InputDecoderTests {
    static func chars(_ s: String) -> [RawInput] { s.unicodeScalars.map { .character($0.value) } }

    @Test func ncursesKeyCodesMapToKeys() {
        // Raw values as ncurses defines them (octal in curses.h).
        let cases: [(Int32, Key)] = [
            (0o403, .up), (0o402, .down), (0o404, .left), (0o405, .right), (0o406, .home), (0o550, .end),
            (0o523, .pageUp), (0o522, .pageDown), (0o541, .backTab), (0o527, .enter), (0o407, .backspace),
            (0o512, .delete), (0o513, .insert), (0o632, .resize), (0o410 + 1, .function(1)), (0o410 + 12, .function(12)),
        ]
        for (code, key) in cases {
            #expect(InputDecoder.decode([.keyCode(code)]) == [key], "code \(code)")
        }
        #expect(KEY_UP == 0o403 && KEY_BTAB == 0o541 && KEY_RESIZE == 0o632)
        #expect(InputDecoder.decode([.keyCode(0o777)]).isEmpty)   // unknown codes are ignored
    }

    @Test func controlBytes() {
        #expect(InputDecoder.decode(Self.chars("\t\r\n")) == [.tab, .enter, .enter])
        #expect(InputDecoder.decode([.character(127), .character(8)]) == [.backspace, .backspace])
        #expect(InputDecoder.decode([.character(1), .character(18), .character(23)]) == [.ctrl("a"), .ctrl("r"), .ctrl("w")])
        #expect(InputDecoder.decode([.character(0), .character(31)]) == [.ctrl("@"), .ctrl("_")])
        #expect(InputDecoder.decode([.character(0x9B)]).isEmpty)          // C1 CSI is never text
    }

    @Test func textIncludingCyrillicAndWide() {
        #expect(InputDecoder.decode(Self.chars("jkЖ請 ")) == [.char("j"), .char("k"), .char("Ж"), .char("請"), .char(" ")])
        // A combining accent sent apart joins the letter before it.
        #expect(InputDecoder.decode([.character(0x65), .character(0x301)]) == [.char("e\u{301}")])
    }

    @Test func escapeAndAlt() {
        #expect(InputDecoder.decode([.character(27)]) == [.escape])
        #expect(InputDecoder.decode(Self.chars("\u{1B}x")) == [.alt("x")])
        #expect(InputDecoder.decode(Self.chars("\u{1B}\u{1B}")) == [.escape, .escape])
        #expect(InputDecoder.decode([.character(27), .keyCode(0o403)]) == [.escape, .up])
        #expect(InputDecoder.decode(Self.chars("\u{1B}\r")) == [.escape, .enter])
        #expect(InputDecoder.decode(Self.chars("\u{1B}[")) == [.alt("[")])   // incomplete: Alt-[
    }

    @Test func escapeSequencesNcursesLeftUndecoded() {
        #expect(InputDecoder.decode(Self.chars("\u{1B}[A\u{1B}[B")) == [.up, .down])
        #expect(InputDecoder.decode(Self.chars("\u{1B}[1;5C")) == [.right])             // Ctrl-Right: an arrow
        #expect(InputDecoder.decode(Self.chars("\u{1B}[5~\u{1B}[6~\u{1B}[3~")) == [.pageUp, .pageDown, .delete])
        #expect(InputDecoder.decode(Self.chars("\u{1B}[15~\u{1B}[24~")) == [.function(5), .function(12)])
        #expect(InputDecoder.decode(Self.chars("\u{1B}OP\u{1B}[Z")) == [.function(1), .backTab])
        #expect(InputDecoder.decode(Self.chars("\u{1B}[200~x")) == [.char("x")])     // unknown: dropped whole
    }

    @Test func mouseReports() {
        let click = MouseEvent(kind: .press, row: 3, column: 7)
        #expect(InputDecoder.decode([.mouse(click), .mouse(nil)]) == [.mouse(click)])
        #expect(InputDecoder.mouseKind(buttonState: hk_button1_pressed()) == .press)
        #expect(InputDecoder.mouseKind(buttonState: hk_button1_released()) == .release)
        #expect(InputDecoder.mouseKind(buttonState: hk_button4_pressed()) == .wheelUp)
        #expect(InputDecoder.mouseKind(buttonState: hk_button5_pressed()) == .wheelDown)
        #expect(InputDecoder.mouseKind(buttonState: 0) == nil)
    }
}
