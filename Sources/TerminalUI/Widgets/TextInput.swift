import ConsoleCore

/// A one-line text field (the list filter, the command palette, an amount): editing by grapheme
/// (so `é`, `Й`, `請` and `👩‍💻` are one step each) and drawing that scrolls by display width to
/// keep the cursor in view.
public struct TextInput: Sendable, Hashable {
    public private(set) var characters: [Character]
    /// The cursor, as a grapheme index from 0 (before the first) to `characters.count` (after the last).
    public private(set) var cursor: Int

    public init(text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    // MARK: - Editing

    public mutating func insert(_ string: String) {
        for c in string { insert(c) }
    }

    public mutating func insert(_ c: Character) {
        // A lone combining mark joins the character before the cursor when they make one grapheme.
        if DisplayWidth.of(c) == 0, cursor > 0 {
            let joined = String(characters[cursor - 1]) + String(c)
            if joined.count == 1, let merged = joined.first {
                characters[cursor - 1] = merged
                return
            }
        }
        guard !c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return }
        characters.insert(c, at: cursor)
        cursor += 1
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Deletes the word before the cursor (Ctrl-W), with the spaces after it.
    public mutating func deleteWordBackward() {
        var start = cursor
        while start > 0 && characters[start - 1] == " " { start -= 1 }
        while start > 0 && characters[start - 1] != " " { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = characters.count }

    public mutating func clear() {
        characters.removeAll()
        cursor = 0
    }

    /// Applies an editing key; returns false for keys that are not editing (Enter, Esc, Tab,
    /// Up, ...), which the caller handles.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c): insert(c)
        case .backspace, .ctrl("h"): deleteBackward()
        case .delete, .ctrl("d"): deleteForward()
        case .left, .ctrl("b"): moveLeft()
        case .right, .ctrl("f"): moveRight()
        case .home, .ctrl("a"): moveToStart()
        case .end, .ctrl("e"): moveToEnd()
        case .ctrl("w"): deleteWordBackward()
        case .ctrl("u"): clear()
        default: return false
        }
        return true
    }

    // MARK: - Drawing

    /// The first grapheme shown in a field `width` cells wide: 0 while the cursor fits, else as
    /// far right as needed to keep the cursor in the last cell.
    public func firstVisibleIndex(width: Int) -> Int {
        guard width > 1 else { return cursor }
        var used = 1                                  // the cursor's own cell
        var start = cursor
        while start > 0 {
            let w = DisplayWidth.of(characters[start - 1])
            if used + w > width { break }
            used += w
            start -= 1
        }
        let widthBeforeCursor = characters[0..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        return widthBeforeCursor + 1 <= width ? 0 : start
    }

    /// Draws `prompt` and the field in `width` cells at (`row`, `col`); a `placeholder` shows
    /// (muted) while empty. Returns the cursor's column on the canvas.
    @discardableResult
    public func draw(into canvas: inout Canvas, row: Int, col: Int, width: Int, prompt: String = "",
                     placeholder: String = "", style: StyleRole = .input) -> Int {
        guard width > 0 else { return col }
        let promptWidth = min(DisplayWidth.of(prompt), max(0, width - 2))
        if promptWidth > 0 {
            canvas.putFitted(text: prompt, row: row, col: col, width: promptWidth, style: .label)
        }
        let fieldCol = col + promptWidth
        let fieldWidth = width - promptWidth
        canvas.fill(Rect(row: row, col: fieldCol, width: fieldWidth, height: 1), style: style)
        if characters.isEmpty && !placeholder.isEmpty {
            canvas.putFitted(text: placeholder, row: row, col: fieldCol, width: fieldWidth, style: .muted)
            return fieldCol
        }
        let start = firstVisibleIndex(width: fieldWidth)
        var x = fieldCol
        var cursorCol = fieldCol
        for i in start..<characters.count {
            if i == cursor { cursorCol = x }
            let w = DisplayWidth.of(characters[i])
            if x + w > fieldCol + fieldWidth { break }
            x += canvas.put(characters[i], row: row, col: x, style: style)
        }
        if cursor == characters.count { cursorCol = x }
        return min(cursorCol, fieldCol + fieldWidth - 1)
    }
}
