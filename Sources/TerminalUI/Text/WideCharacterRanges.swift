/// The East Asian Wide and Fullwidth code point ranges that are not emoji (emoji are found through
/// the standard library's Unicode properties). Sorted, non-overlapping, searched by bisection.
/// Kept in Swift so measuring text never depends on the C locale's `wcwidth`.
enum WideCharacterRanges {
    static func contains(_ value: UInt32) -> Bool {
        if value < 0x1100 { return false }
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let mid = (low + high) >> 1
            let r = ranges[mid]
            if value < r.lowerBound {
                high = mid - 1
            } else if value > r.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    static let ranges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo initial consonants
        0x2329...0x232A,    // angle brackets
        0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x2FF0...0x2FFF, // CJK radicals, ideographic description
        0x3000...0x303E,    // CJK symbols and punctuation, ideographic space
        0x3041...0x3096, 0x3099...0x30FF, // Hiragana, Katakana
        0x3105...0x312F, 0x3131...0x318E, 0x3190...0x31E5, 0x31EF...0x321E, // Bopomofo, Hangul compatibility Jamo, Kanbun, strokes
        0x3220...0x3247, 0x3250...0x4DBF, // enclosed CJK, CJK compatibility, extension A
        0x4E00...0xA48C, 0xA490...0xA4C6, // CJK unified ideographs, Yi
        0xA960...0xA97C,    // Hangul Jamo extended A
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE10...0xFE19, 0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B, // vertical, compatibility, small forms
        0xFF01...0xFF60, 0xFFE0...0xFFE6, // fullwidth forms
        0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5, 0x18D00...0x18D08, // Tangut, Khitan
        0x1AFF0...0x1AFFE, 0x1B000...0x1B122, 0x1B132...0x1B132, 0x1B150...0x1B152, 0x1B155...0x1B155,
        0x1B164...0x1B167, 0x1B170...0x1B2FB, // Kana supplement, Nushu
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, // enclosed ideographs
        0x20000...0x2FFFD, 0x30000...0x3FFFD, // CJK extensions B and beyond
    ]
}
