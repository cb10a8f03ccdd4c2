/// Turns text into a PDF string literal for the standard Helvetica font (WinAnsi encoding, no
/// embedded font). Cyrillic has no glyphs there, so it is transliterated to Latin; Latin-1 letters
/// are kept as octal escapes; anything else becomes `?`.
enum PDFText {
    /// `(escaped text)`, ready for `Tj`.
    static func literal(_ text: String) -> String {
        var out = "("
        for scalar in transliterate(text).unicodeScalars {
            switch scalar.value {
            case 0x28, 0x29, 0x5C: out += "\\" + String(scalar)
            case 0x20...0x7E: out.unicodeScalars.append(scalar)
            case 0xA0...0xFF: out += "\\" + octal(scalar.value)
            default:
                if let code = winAnsiExtras[scalar.value] { out += "\\" + octal(code) } else { out += "?" }
            }
        }
        return out + ")"
    }

    /// Cyrillic letters in a simple Latin spelling (`Северный` becomes `Severnyy`).
    static func transliterate(_ text: String) -> String {
        var out = ""
        for ch in text {
            let lower = Character(ch.lowercased())
            if let latin = cyrillic[lower] {
                out += ch.isUppercase && !latin.isEmpty ? latin.prefix(1).uppercased() + latin.dropFirst() : latin
            } else if ch == "№" {
                out += "No."
            } else {
                out.append(ch)
            }
        }
        return out
    }

    private static func octal(_ v: UInt32) -> String {
        let s = String(v, radix: 8)
        return String(repeating: "0", count: max(0, 3 - s.count)) + s
    }

    /// Unicode punctuation that WinAnsi places in 0x80...0x9F.
    private static let winAnsiExtras: [UInt32: UInt32] = [
        0x2013: 0x96, 0x2014: 0x97, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95,
        0x2026: 0x85, 0x20AC: 0x80, 0x2122: 0x99,
    ]

    private static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya",
    ]
}
