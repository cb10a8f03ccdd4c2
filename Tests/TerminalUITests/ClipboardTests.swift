import Foundation
import Testing
import TerminalUI

@Suite struct ClipboardTests {
    @Test func plainSequenceIsBase64BetweenOSC52AndBEL() {
        #expect(Clipboard.osc52("INV-1024", tmux: false) == "\u{1B}]52;c;SU5WLTEwMjQ=\u{07}")
        #expect(Clipboard.osc52("Анна", tmux: false) == "\u{1B}]52;c;0JDQvdC90LA=\u{07}")
        #expect(Clipboard.osc52("", environment: [:]) == "\u{1B}]52;c;\u{07}")
    }

    @Test func insideTmuxItIsWrappedWithDoubledEscapes() {
        let wrapped = Clipboard.osc52("INV-1024", environment: ["TMUX": "/tmp/tmux-1000/default,123,0"])
        #expect(wrapped == "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;SU5WLTEwMjQ=\u{07}\u{1B}\\")
        #expect(Clipboard.osc52("x", environment: ["TMUX": ""]) == Clipboard.osc52("x", tmux: false))
    }

    @Test func copyInsideTmuxWritesPlainAndWrapped() {
        let both = Clipboard.bytesToWrite("42", environment: ["TMUX": "/tmp/t,1,0"])
        #expect(both == "\u{1B}]52;c;NDI=\u{07}" + "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;NDI=\u{07}\u{1B}\\")
        #expect(Clipboard.bytesToWrite("42", environment: [:]) == "\u{1B}]52;c;NDI=\u{07}")
    }

    @Test func copyWritesTheSequence() throws {
        var fds: [Int32] = [-1, -1]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        #expect(Clipboard.copy("42", to: fds[1], environment: [:]))
        close(fds[1])
        let data = FileHandle(fileDescriptor: fds[0]).readDataToEndOfFile()
        #expect(String(decoding: data, as: UTF8.self) == "\u{1B}]52;c;NDI=\u{07}")
    }
}
