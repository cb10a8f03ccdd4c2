/// How many terminal cells text takes, computed in Swift from Unicode properties (never from the
/// C locale), so layout and tests agree on every machine: 0 for marks, joiners, variation
/// selectors and controls; 2 for East Asian wide/fullwidth and emoji presentation; 1 otherwise.
public enum DisplayWidth {
    /// The width of one grapheme cluster: its first visible scalar decides, except that any emoji
    /// presentation inside (a ZWJ sequence, a flag, a keycap, `❤️`) makes it 2.
    public static func of(_ character: Character) -> Int {
        var iterator = character.unicodeScalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        guard var next = iterator.next() else { return of(first) }
        var width = of(first)
        var emoji = first.properties.isEmojiPresentation
        var textPresentation = false
        while true {
            switch next.value {
            case 0xFE0F:
                if first.properties.isEmoji { emoji = true }
            case 0xFE0E:
                textPresentation = true
            default:
                // A cluster may open with a prepended format character; the first visible scalar decides.
                if width == 0 { width = of(next) }
                if next.properties.isEmojiPresentation { emoji = true }
            }
            guard let n = iterator.next() else { break }
            next = n
        }
        if emoji && !textPresentation && width > 0 { return 2 }
        return width
    }

    /// The width of a single scalar, outside of any cluster.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }                       // DEL and C1 controls
        if v < 0x300 { return v == 0xAD ? 0 : 1 }      // Latin-1 and Latin extended: no marks here
        if v >= 0x400 && v <= 0x482 { return 1 }       // common Cyrillic letters
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 } // Hangul medial/final Jamo
        if v == 0x200B || v == 0x2028 || v == 0x2029 { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator, .surrogate:
            return 0
        default:
            break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        return WideCharacterRanges.contains(v) ? 2 : 1
    }

    /// The width of a string: the sum of its grapheme clusters' widths.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var asciiWidth = 0
        var allASCII = true
        for byte in text.utf8 {
            if byte >= 0x80 { allASCII = false; break }
            if byte >= 0x20 && byte != 0x7F { asciiWidth += 1 }
        }
        if allASCII { return asciiWidth }
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    /// True when every byte is printable ASCII, so one byte is one cell (the fast path of layout).
    static func isPrintableASCII<S: StringProtocol>(_ text: S) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }
}
