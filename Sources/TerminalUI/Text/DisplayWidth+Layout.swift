// Fitting text into a number of cells by display width: truncation with an ellipsis, padding,
// alignment and word wrapping. A wide character is never split: where one would straddle the edge
// a space takes its place.

extension DisplayWidth {
    /// Cuts `text` so it takes at most `width` cells, ending with `ellipsis` when something was cut.
    /// When the text was cut, the result is exactly `width` cells wide (a space fills the gap a
    /// wide character would have straddled); text that fits comes back unchanged.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.isPrintableASCII(text) {
            if text.utf8.count <= width { return text }
        } else if of(text) <= width {
            return text
        }
        let ellipsisWidth = of(ellipsis)
        let mark = ellipsisWidth <= width ? ellipsis : ""
        let room = width - (ellipsisWidth <= width ? ellipsisWidth : 0)
        var out = ""
        var used = 0
        for c in text {
            let w = of(c)
            if used + w > room { break }
            out.append(c)
            used += w
        }
        out += mark
        used += of(mark)
        if used < width { out += String(repeating: " ", count: width - used) }
        return out
    }

    /// `text` fitted to exactly `width` cells: truncated with an ellipsis when too long, padded with
    /// spaces on the side `alignment` leaves open when too short.
    public static func fit(_ text: String, toWidth width: Int, alignment: TextAlignment = .left,
                           ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let cut = truncate(text, toWidth: width, ellipsis: ellipsis)
        return pad(cut, toWidth: width, alignment: alignment)
    }

    /// Pads `text` with spaces to `width` cells (left-aligned by default); text already as wide or
    /// wider comes back unchanged.
    public static func pad(_ text: String, toWidth width: Int, alignment: TextAlignment = .left) -> String {
        let gap = width - of(text)
        guard gap > 0 else { return text }
        switch alignment {
        case .left: return text + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + text
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: gap - left)
        }
    }

    /// Right-aligns `text` in `width` cells (amounts, counters), truncating when it cannot fit.
    public static func rightAligned(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        fit(text, toWidth: width, alignment: .right, ellipsis: ellipsis)
    }

    /// Breaks `text` into lines of at most `width` cells, at spaces where possible; a word longer
    /// than a line is cut by display width. Existing line breaks are kept.
    public static func wrap(_ text: String, toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var rest = Substring(word)
                var restWidth = of(rest)
                if lineWidth > 0 && lineWidth + 1 + restWidth <= width {
                    line += " " + rest
                    lineWidth += 1 + restWidth
                    continue
                }
                if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
                while restWidth > width {
                    let (head, headWidth, tail) = split(rest, atWidth: width)
                    if headWidth == 0 { break }    // a wide character in a one-cell line: give up on it
                    lines.append(String(head))
                    rest = tail
                    restWidth = of(rest)
                }
                line = restWidth <= width ? String(rest) : ""
                lineWidth = restWidth <= width ? restWidth : 0
            }
            lines.append(line)
        }
        return lines
    }

    /// The longest prefix of `text` no wider than `width`, its width, and what is left.
    static func split(_ text: Substring, atWidth width: Int) -> (Substring, Int, Substring) {
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let w = of(text[index])
            if used + w > width { break }
            used += w
            index = text.index(after: index)
        }
        return (text[text.startIndex..<index], used, text[index...])
    }
}
