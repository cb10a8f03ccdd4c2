/// One key press as the console understands it, independent of the terminal library. The front
/// end decodes raw input into `Key`; the key map turns `Key` into intents.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case char(Character)          // printable text, including Cyrillic and other non-ASCII letters
    case ctrl(Character)          // Ctrl + letter, lower-cased: .ctrl("c")
    case alt(Character)           // Meta/Alt + character (ESC prefix)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)            // F1...F12
    case resize
    case mouse(MouseEvent)

    /// A stable, human-editable spelling used in settings overrides and the help screen:
    /// `j`, `G`, `Enter`, `Esc`, `Tab`, `S-Tab`, `C-r`, `M-x`, `PgUp`, `F5`, `Space`.
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "C-\(c)"
        case .alt(let c): return "M-\(c)"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        case .resize: return "Resize"
        case .mouse(let m): return "Mouse(\(m.kind) \(m.row),\(m.column))"
        }
    }

    /// Parses the spelling produced by `description` (case-insensitive for named keys).
    public init?(spelling: String) {
        let s = spelling.trimmingCharacters(in: .whitespaces)
        if s.count == 1, let c = s.first { self = .char(c); return }
        let lower = s.lowercased()
        switch lower {
        case "space": self = .char(" "); return
        case "enter", "return", "ret": self = .enter; return
        case "esc", "escape": self = .escape; return
        case "tab": self = .tab; return
        case "s-tab", "shift-tab", "backtab": self = .backTab; return
        case "backspace", "bs": self = .backspace; return
        case "del", "delete": self = .delete; return
        case "ins", "insert": self = .insert; return
        case "up": self = .up; return
        case "down": self = .down; return
        case "left": self = .left; return
        case "right": self = .right; return
        case "home": self = .home; return
        case "end": self = .end; return
        case "pgup", "pageup": self = .pageUp; return
        case "pgdn", "pagedown": self = .pageDown; return
        default: break
        }
        if lower.hasPrefix("c-"), s.count == 3, let c = s.last { self = .ctrl(Character(c.lowercased())); return }
        if lower.hasPrefix("m-"), s.count == 3, let c = s.last { self = .alt(c); return }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) { self = .function(n); return }
        return nil
    }
}

/// A mouse report: what happened and where (0-based screen cell).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case press, release, wheelUp, wheelDown }
    public var kind: Kind
    public var row: Int
    public var column: Int
    public init(kind: Kind, row: Int, column: Int) {
        self.kind = kind
        self.row = row
        self.column = column
    }
}

import Foundation
