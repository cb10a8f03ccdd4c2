import Testing
@testable import TerminalUI

@Suite struct CanvasTests {
    @Test func putWritesAndClipsAtTheRightEdge() {
        var c = Canvas(width: 10, height: 2)
        let end = c.put(text: "Invoice 1024", row: 0, col: 2)
        #expect(end == 10)
        #expect(c.text(row: 0) == "  Invoice ")
        #expect(c.render() == "  Invoice\n")
    }

    @Test func putClipsAtTheLeftEdgeAndOutsideRows() {
        var c = Canvas(width: 6, height: 2)
        c.put(text: "abcdef", row: 0, col: -3)
        c.put(text: "zzz", row: 5, col: 0)
        c.put(text: "zzz", row: -1, col: 0)
        #expect(c.render() == "def\n")
    }

    @Test func wideCharactersTakeTwoCells() {
        var c = Canvas(width: 8, height: 1)
        let end = c.put(text: "請求書", row: 0, col: 1)
        #expect(end == 7)
        #expect(c.character(row: 0, col: 1) == "請")
        #expect(c.cell(row: 0, col: 2)?.isContinuation == true)
        #expect(c.character(row: 0, col: 2) == nil)
        #expect(c.character(row: 0, col: 3) == "求")
        #expect(c.render() == " 請求書")
    }

    @Test func aWideCharacterAtTheRightEdgeBecomesASpace() {
        var c = Canvas(width: 5, height: 1)
        c.put(text: "ab請求", row: 0, col: 0)   // 請 fits at 2-3, 求 would need 4-5
        #expect(c.render() == "ab請")
        #expect(c.character(row: 0, col: 4) == " ")
        #expect(!(c.cell(row: 0, col: 4)?.isContinuation ?? true))
    }

    @Test func aWideCharacterCutByTheLeftEdgeLeavesASpace() {
        var c = Canvas(width: 4, height: 1)
        c.put(text: "請ab", row: 0, col: -1)
        #expect(c.render() == " ab")
        #expect(c.cell(row: 0, col: 0)?.isContinuation == false)
    }

    @Test func overwritingHalfOfAWideCharacterClearsTheOtherHalf() {
        var c = Canvas(width: 6, height: 1)
        c.put(text: "請求書", row: 0, col: 0)
        c.put(text: "x", row: 0, col: 1)          // right half of 請
        #expect(c.render() == " x求書")
        c.put(text: "y", row: 0, col: 2)          // left half of 求
        #expect(c.render() == " xy 書")
        for col in 0..<6 {
            if c.cell(row: 0, col: col)?.isContinuation == true {
                #expect(DisplayWidth.of(c.character(row: 0, col: col - 1) ?? " ") == 2)
            }
        }
    }

    @Test func limitStopsTextInsideAField() {
        var c = Canvas(width: 12, height: 1)
        c.put(text: "Кузнецова", row: 0, col: 0, limit: 4)
        c.put(text: "請求", row: 0, col: 5, limit: 8)  // 求 would straddle the limit
        #expect(c.render() == "Кузн 請")
    }

    @Test func clustersAndEmojiAreKeptWhole() {
        var c = Canvas(width: 10, height: 1)
        c.put(text: "e\u{301}👩‍💻🇷🇺", row: 0, col: 0)
        #expect(c.character(row: 0, col: 0) == "e\u{301}")
        #expect(c.character(row: 0, col: 1) == "👩‍💻")
        #expect(c.character(row: 0, col: 3) == "🇷🇺")
        #expect(c.render() == "e\u{301}👩‍💻🇷🇺")
    }

    @Test func controlCharactersNeverReachTheCanvas() {
        var c = Canvas(width: 12, height: 1)
        c.put(text: "a\u{1B}[2Jb\u{7}c", row: 0, col: 0)
        #expect(c.render() == "a[2Jbc")
        #expect(!c.render().unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func putFittedTruncatesAndAligns() {
        var c = Canvas(width: 20, height: 2)
        c.putFitted(text: "15.95 USD", row: 0, col: 0, width: 12, alignment: .right, style: .money)
        c.putFitted(text: "Анна Кузнецова", row: 1, col: 0, width: 8)
        #expect(c.render() == "   15.95 USD\nАнна Ку…")
        #expect(c.role(row: 0, col: 0) == .money)
    }

    @Test func fillBoxAndRestyle() {
        var c = Canvas(width: 6, height: 4)
        c.drawBox(c.bounds, style: .border)
        c.put(text: "ab", row: 1, col: 1, style: .value)
        c.restyle(Rect(row: 1, col: 1, width: 4, height: 1), style: .selection)
        #expect(c.render() == "┌────┐\n│ab  │\n│    │\n└────┘")
        #expect(c.role(row: 1, col: 1) == .selection)
        #expect(c.role(row: 1, col: 5) == .border)
        var ascii = Canvas(width: 4, height: 3, glyphs: .ascii)
        ascii.drawBox(ascii.bounds)
        #expect(ascii.render() == "+--+\n|  |\n+--+")
    }

    @Test func fillOverAWideCharacterHalfClearsIt() {
        var c = Canvas(width: 6, height: 1)
        c.put(text: "請求書", row: 0, col: 0)
        c.fill(Rect(row: 0, col: 3, width: 2, height: 1), with: ".")
        #expect(c.render() == "請 ..")
        #expect(c.text(row: 0) == "請 .. ")
    }

    @Test func diffOfIdenticalCanvasesIsEmpty() {
        var a = Canvas(width: 20, height: 5)
        a.put(text: "Анна 請求書 👩‍💻", row: 2, col: 1)
        let b = a
        #expect(a.diff(from: b).isEmpty)
        #expect(a.isIdentical(to: b))
    }

    @Test func diffTouchesOnlyChangedRowsAndSpans() {
        var before = Canvas(width: 30, height: 6)
        for row in 0..<6 { before.put(text: "row \(row) invoice", row: row, col: 0) }
        var after = before
        after.put(text: "X", row: 1, col: 4)
        after.restyle(Rect(row: 4, col: 0, width: 30, height: 1), style: .selection)
        let spans = after.diff(from: before)
        #expect(spans == [CanvasSpan(row: 1, startCol: 4, endCol: 5), CanvasSpan(row: 4, startCol: 0, endCol: 30)])
    }

    @Test func diffNeverStartsInsideAWideCharacter() {
        var before = Canvas(width: 10, height: 1)
        before.put(text: "ab請", row: 0, col: 0)
        var after = before
        after.put(text: "ab請", row: 0, col: 0, style: .error)
        // Only the style of cells 0-3 changed; restyle just the continuation to force a split.
        var partial = before
        partial.restyle(Rect(row: 0, col: 3, width: 1, height: 1), style: .error)
        #expect(partial.diff(from: before) == [CanvasSpan(row: 0, startCol: 2, endCol: 4)])
        #expect(after.diff(from: before) == [CanvasSpan(row: 0, startCol: 0, endCol: 4)])
    }

    @Test func diffComparesClustersByTextNotByTableIndex() {
        var a = Canvas(width: 10, height: 1)
        a.put(text: "🇷🇺", row: 0, col: 4)
        var b = Canvas(width: 10, height: 1)
        b.put(text: "e\u{301}", row: 0, col: 0)   // interns another cluster first: indexes differ
        b.put(text: " ", row: 0, col: 0)
        b.put(text: "🇷🇺", row: 0, col: 4)
        #expect(a.diff(from: b).isEmpty)
        b.put(text: "🇺🇸", row: 0, col: 4)
        #expect(a.diff(from: b) == [CanvasSpan(row: 0, startCol: 4, endCol: 6)])
    }

    @Test func diffOfAnotherSizeIsEverything() {
        let a = Canvas(width: 4, height: 2)
        let b = Canvas(width: 5, height: 2)
        #expect(a.diff(from: b) == [CanvasSpan(row: 0, startCol: 0, endCol: 4), CanvasSpan(row: 1, startCol: 0, endCol: 4)])
    }
}
