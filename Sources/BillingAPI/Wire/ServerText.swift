import Foundation

/// Makes text that came from the server safe to draw or print: escape sequences, control and
/// bidirectional-override characters are removed, so a customer name cannot move the cursor,
/// change colours or reorder what an agent reads. HTML is reduced to text plus its links.
public enum ServerText {
    /// One line of display-safe text: escape sequences removed, tabs and newlines turned into
    /// spaces, other controls removed.
    public static func sanitize(_ s: String) -> String { clean(s, keepNewlines: false) }

    /// Like `sanitize`, but keeps line breaks (for multi-line notes).
    public static func sanitizeMultiline(_ s: String) -> String { clean(s, keepNewlines: true) }

    private static func clean(_ s: String, keepNewlines: Bool) -> String {
        // Fast path: nothing to remove.
        if s.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F && !isUnsafe($0) }) { return s }
        var out = String.UnicodeScalarView()
        var it = s.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return it.next()
        }
        while let u = next() {
            switch u.value {
            case 0x1B:
                skipEscape(&it, &pending)
            case 0x9B: // C1 CSI
                skipCSIBody(&it)
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F: // C1 OSC, DCS, SOS, PM, APC: up to ST or BEL
                skipString(&it)
            case 0x0A, 0x0D:
                if keepNewlines { if u.value == 0x0A { out.append("\n") } } else { appendSpace(&out) }
            case 0x09:
                appendSpace(&out)
            case 0..<0x20, 0x7F, 0x80..<0xA0:
                continue
            default:
                if isUnsafe(u) { continue }
                out.append(u)
            }
        }
        return String(out)
    }

    private static func appendSpace(_ out: inout String.UnicodeScalarView) {
        if out.last != " " { out.append(" ") }
    }

    /// Bidi overrides/isolates and other invisible format characters that can disguise text.
    private static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0xFEFF, 0xFFF9...0xFFFB:
            return true
        default: return false
        }
    }

    private static func skipEscape(_ it: inout String.UnicodeScalarView.Iterator, _ pending: inout Unicode.Scalar?) {
        guard let c = it.next() else { return }
        switch c {
        case "[": skipCSIBody(&it)
        case "]", "P", "X", "^", "_": skipString(&it)
        case "(", ")", "*", "+", "-", ".", "/", "#", "%", " ": _ = it.next()  // one more byte of designation
        default: break // two-character sequence: ESC + final
        }
    }

    private static func skipCSIBody(_ it: inout String.UnicodeScalarView.Iterator) {
        // Parameters and intermediates (0x20-0x3F), then a final byte 0x40-0x7E.
        while let c = it.next() {
            if (0x40...0x7E).contains(c.value) { return }
            if c.value < 0x20 || c.value > 0x7E { return }
        }
    }

    private static func skipString(_ it: inout String.UnicodeScalarView.Iterator) {
        // Until BEL, ST (ESC \) or C1 ST.
        var sawEsc = false
        while let c = it.next() {
            if c.value == 0x07 || c.value == 0x9C { return }
            if sawEsc && c == "\\" { return }
            sawEsc = c.value == 0x1B
        }
    }

    // MARK: - HTML

    /// Readable text and the links of an HTML fragment (or a bare URL), as the console shows a
    /// payment gateway: `<p>Please wire funds&nbsp;</p>https://…` becomes the sentence plus the link.
    public struct Reduced: Sendable, Equatable {
        public var text: String
        public var links: [String]
    }

    public static func reduceHTML(_ html: String) -> Reduced {
        var text = ""
        var links: [String] = []
        var i = html.startIndex
        var inScriptOrStyle = false
        while i < html.endIndex {
            let ch = html[i]
            if ch == "<", let close = html[i...].firstIndex(of: ">") {
                let tag = String(html[html.index(after: i)..<close])
                let lowerTag = tag.lowercased()
                let name = lowerTag.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "\t" || $0 == "\n" }).first.map(String.init) ?? ""
                if name == "script" || name == "style" { inScriptOrStyle = true }
                if lowerTag.hasPrefix("/script") || lowerTag.hasPrefix("/style") { inScriptOrStyle = false }
                for attr in ["href", "src", "action", "data-href"] {
                    if let link = attributeValue(attr, in: tag), !link.isEmpty { links.append(decodeEntities(link)) }
                }
                if name == "input" || name == "button", let value = attributeValue("value", in: tag) {
                    text += " [" + decodeEntities(value) + "] "
                }
                if ["p", "/p", "br", "br/", "div", "/div", "li", "tr", "/tr", "h1", "h2", "h3"].contains(name) { text += " " }
                i = html.index(after: close)
                continue
            }
            if !inScriptOrStyle { text.append(ch) }
            i = html.index(after: i)
        }
        let decoded = decodeEntities(text)
        for word in decoded.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            let w = String(word)
            if w.lowercased().hasPrefix("http://") || w.lowercased().hasPrefix("https://") {
                let trimmed = w.trimmingCharacters(in: CharacterSet(charactersIn: ".,;)\"'"))
                if !links.contains(trimmed) { links.append(trimmed) }
            }
        }
        let collapsed = sanitize(decoded).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        var seen = Set<String>()
        let uniqueLinks = links.map(sanitize).filter { seen.insert($0).inserted }
        return Reduced(text: collapsed, links: uniqueLinks)
    }

    private static func attributeValue(_ name: String, in tag: String) -> String? {
        let lower = tag.lowercased()
        var search = lower.startIndex
        while let r = lower.range(of: name, range: search..<lower.endIndex) {
            search = r.upperBound
            // must be a whole attribute name
            if r.lowerBound > lower.startIndex {
                let before = lower[lower.index(before: r.lowerBound)]
                if !(before == " " || before == "\t" || before == "\n") { continue }
            }
            var j = r.upperBound
            while j < lower.endIndex, lower[j] == " " { j = lower.index(after: j) }
            guard j < lower.endIndex, lower[j] == "=" else { continue }
            j = lower.index(after: j)
            while j < lower.endIndex, lower[j] == " " { j = lower.index(after: j) }
            guard j < lower.endIndex else { return nil }
            let quote = lower[j]
            if quote == "\"" || quote == "'" {
                let start = tag.index(after: j)
                guard let end = tag[start...].firstIndex(of: quote) else { return nil }
                return String(tag[start..<end])
            }
            let end = tag[j...].firstIndex(where: { $0 == " " || $0 == ">" }) ?? tag.endIndex
            return String(tag[j..<end])
        }
        return nil
    }

    /// Decodes the common named entities and numeric ones; unknown entities stay as written.
    public static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        let named: [String: String] = ["nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
                                       "laquo": "«", "raquo": "»", "mdash": "—", "ndash": "–", "hellip": "…",
                                       "euro": "€", "copy": "©", "reg": "®", "rub": "₽"]
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
                let body = String(s[s.index(after: i)..<semi])
                var replacement: String? = named[body.lowercased()]
                if replacement == nil, body.hasPrefix("#") {
                    let num = body.dropFirst()
                    let v = num.lowercased().hasPrefix("x") ? UInt32(num.dropFirst(), radix: 16) : UInt32(num)
                    if let v, let u = Unicode.Scalar(v) { replacement = String(Character(u)) }
                }
                if let replacement {
                    out += replacement
                    i = s.index(after: semi)
                    continue
                }
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }

    /// At most `limit` characters, sanitized, for error messages quoting a body.
    public static func excerpt(_ data: Data, limit: Int = 200) -> String {
        let s = String(decoding: data.prefix(limit * 4), as: UTF8.self)
        return String(sanitize(s).prefix(limit))
    }
}
