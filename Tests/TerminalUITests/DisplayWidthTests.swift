import Testing
@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneCellPerCharacter() {
        #expect(DisplayWidth.of("Invoice #1024") == 13)
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of(Character("a")) == 1)
    }

    @Test func cyrillicIsNarrow() {
        #expect(DisplayWidth.of("Анна Кузнецова") == 14)
        #expect(DisplayWidth.of("Ёжик ёлка") == 9)
    }

    @Test func cjkAndHangulAreWide() {
        #expect(DisplayWidth.of("請求書") == 6)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ｆｕｌｌ") == 8)           // fullwidth Latin
        #expect(DisplayWidth.of("日本 ok") == 7)
        #expect(DisplayWidth.of("カタカナ") == 8)
    }

    @Test func emojiAreTwoCellsIncludingSequences() {
        #expect(DisplayWidth.of(Character("💳")) == 2)
        #expect(DisplayWidth.of(Character("👩‍💻")) == 2)       // ZWJ sequence: one grapheme
        #expect(DisplayWidth.of("👩‍💻") == 2)
        #expect(DisplayWidth.of(Character("🇷🇺")) == 2)       // flag: two regional indicators
        #expect(DisplayWidth.of("🇷🇺🇺🇸") == 4)
        #expect(DisplayWidth.of(Character("👍🏽")) == 2)       // skin tone modifier
        #expect(DisplayWidth.of(Character("❤️")) == 2)        // text symbol with emoji presentation selector
        #expect(DisplayWidth.of(Character("1️⃣")) == 2)       // keycap
        #expect(DisplayWidth.of("pay 💳 now") == 10)
    }

    @Test func zeroWidthScalars() {
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)  // combining acute
        #expect(DisplayWidth.of("e\u{301}e\u{300}") == 2)
        #expect(DisplayWidth.of(Unicode.Scalar(0x301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200D)!) == 0) // zero-width joiner
        #expect(DisplayWidth.of(Unicode.Scalar(0xFE0F)!) == 0) // variation selector
        #expect(DisplayWidth.of(Unicode.Scalar(0x200B)!) == 0) // zero-width space
        #expect(DisplayWidth.of("a\u{1B}[31mb") == 6)          // ESC is a control: 0; "[31mb" counts
        #expect(DisplayWidth.of("\t\n\r") == 0)
        #expect(DisplayWidth.of(Character("\u{7F}")) == 0)
        #expect(DisplayWidth.of(Character("\u{9B}")) == 0)     // C1 CSI
        #expect(DisplayWidth.of(Character("Й")) == 1)          // precomposed
        #expect(DisplayWidth.of(Character("И\u{306}")) == 1)   // decomposed Й
    }

    @Test func truncationKeepsWithinWidthAndMarksTheCut() {
        #expect(DisplayWidth.truncate("Invoice", toWidth: 10) == "Invoice")
        #expect(DisplayWidth.truncate("Invoice 1024", toWidth: 8) == "Invoice…")
        #expect(DisplayWidth.truncate("Анна Кузнецова", toWidth: 8) == "Анна Ку…")
        #expect(DisplayWidth.truncate("abc", toWidth: 1) == "…")
        #expect(DisplayWidth.truncate("abc", toWidth: 0) == "")
        #expect(DisplayWidth.truncate("abcdef", toWidth: 4, ellipsis: "~") == "abc~")
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        // Room for 3 cells before the ellipsis: 請 takes 2, 求 would straddle; a space fills in.
        let cut = DisplayWidth.truncate("請求書", toWidth: 4)
        #expect(cut == "請… ")
        #expect(DisplayWidth.of(cut) == 4)
        #expect(DisplayWidth.truncate("請求書", toWidth: 5) == "請求…")
        #expect(DisplayWidth.truncate("👩‍💻👩‍💻👩‍💻", toWidth: 4) == "👩‍💻… ")
        #expect(DisplayWidth.truncate("🇷🇺🇺🇸", toWidth: 3) == "🇷🇺…")
        #expect(DisplayWidth.truncate("請求書", toWidth: 2) == "… ")
    }

    @Test(arguments: ["Анна Кузнецова", "請求書 №2024-0042", "👩‍💻 support 💳 🇷🇺", "e\u{301}té café", "1 234 567 890.12 RUB", "x"])
    func truncationNeverExceedsAnyWidth(_ text: String) {
        let full = DisplayWidth.of(text)
        for width in 0...(full + 2) {
            let cut = DisplayWidth.truncate(text, toWidth: width)
            #expect(DisplayWidth.of(cut) <= width, "width \(width): '\(cut)'")
            if full > width { #expect(DisplayWidth.of(cut) == width) } else { #expect(cut == text) }
        }
    }

    @Test func paddingAndAlignment() {
        #expect(DisplayWidth.pad("ab", toWidth: 5) == "ab   ")
        #expect(DisplayWidth.pad("請", toWidth: 5, alignment: .right) == "   請")
        #expect(DisplayWidth.pad("ab", toWidth: 6, alignment: .center) == "  ab  ")
        #expect(DisplayWidth.pad("abcdef", toWidth: 3) == "abcdef")
        #expect(DisplayWidth.rightAligned("15.95 USD", toWidth: 12) == "   15.95 USD")
        #expect(DisplayWidth.rightAligned("1 234 567 890.12 RUB", toWidth: 10) == "1 234 567…")
        #expect(DisplayWidth.fit("Кузнецова", toWidth: 6) == "Кузне…")
        #expect(DisplayWidth.fit("ok", toWidth: 4) == "ok  ")
    }

    @Test func wrappingBreaksAtSpacesAndCutsLongWords() {
        #expect(DisplayWidth.wrap("terminal too small: need at least 60x20", toWidth: 20)
                == ["terminal too small:", "need at least 60x20"])
        #expect(DisplayWidth.wrap("abcdefgh", toWidth: 3) == ["abc", "def", "gh"])
        #expect(DisplayWidth.wrap("請求書請求書", toWidth: 5) == ["請求", "書請", "求書"])
        #expect(DisplayWidth.wrap("one\ntwo three", toWidth: 20) == ["one", "two three"])
        #expect(DisplayWidth.wrap("", toWidth: 5) == [""])
        for line in DisplayWidth.wrap("Анна Кузнецова оплатила счёт 請求書 💳", toWidth: 7) {
            #expect(DisplayWidth.of(line) <= 7)
        }
    }
}
