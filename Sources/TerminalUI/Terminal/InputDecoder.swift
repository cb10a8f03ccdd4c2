import CNCurses
import ConsoleCore

/// Turns raw terminal input into `Key` values: ncurses key codes, control bytes, ESC prefixes
/// (Alt), escape sequences ncurses did not recognise, and mouse reports. Pure, so every mapping
/// is tested without a terminal.
public enum InputDecoder {
    /// Decodes one batch of input read at once. A lone ESC at the end of a batch is the Escape key
    /// (ncurses already waited ESCDELAY for more); ESC followed by a character is Alt + it.
    public static func decode(_ input: [RawInput]) -> [Key] {
        var keys: [Key] = []
        var i = 0
        while i < input.count {
            switch input[i] {
            case .mouse(let event):
                if let event { keys.append(.mouse(event)) }
                i += 1
            case .keyCode(let code):
                if let key = key(forCode: code) { keys.append(key) }
                i += 1
            case .character(27):
                i = decodeEscape(input, from: i, into: &keys)
            case .character(let value):
                appendCharacter(value, to: &keys)
                i += 1
            }
        }
        return keys
    }

    /// The key for an ncurses key code, or nil for codes the console does not use.
    public static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP, KEY_SR: return .up
        case KEY_DOWN, KEY_SF: return .down
        case KEY_LEFT, KEY_SLEFT: return .left
        case KEY_RIGHT, KEY_SRIGHT: return .right
        case KEY_HOME, KEY_A1, KEY_SHOME: return .home
        case KEY_END, KEY_C1, KEY_SEND: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_RESIZE: return .resize
        default:
            let f0 = hk_key_f0()
            if code > f0 && code <= f0 + 24 { return .function(Int(code - f0)) }
            return nil
        }
    }

    /// The kind of a mouse report from its ncurses button state, or nil for events the console
    /// ignores (motion, other buttons).
    public static func mouseKind(buttonState state: mmask_t) -> MouseEvent.Kind? {
        if state & hk_button4_pressed() != 0 { return .wheelUp }
        if state & hk_button5_pressed() != 0 { return .wheelDown }
        if state & (hk_button1_pressed() | hk_button1_clicked()) != 0 { return .press }
        if state & hk_button1_released() != 0 { return .release }
        return nil
    }

    // MARK: - Internal

    private static func appendCharacter(_ value: UInt32, to keys: inout [Key]) {
        switch value {
        case 9: keys.append(.tab)
        case 10, 13: keys.append(.enter)
        case 8, 127: keys.append(.backspace)
        case 0: keys.append(.ctrl("@"))
        case 1...26: keys.append(.ctrl(Character(Unicode.Scalar(value + 96) ?? "?")))
        case 28: keys.append(.ctrl("\\"))
        case 29: keys.append(.ctrl("]"))
        case 30: keys.append(.ctrl("^"))
        case 31: keys.append(.ctrl("_"))
        case 0x80..<0xA0: break                 // C1 controls: never text
        default:
            guard let scalar = Unicode.Scalar(value) else { return }
            let ch = Character(scalar)
            // A combining mark typed after a letter joins it (some input methods send them apart).
            if DisplayWidth.of(scalar) == 0, case .char(let previous)? = keys.last {
                let joined = String(previous) + String(ch)
                if joined.count == 1, let merged = joined.first {
                    keys[keys.count - 1] = .char(merged)
                    return
                }
            }
            if DisplayWidth.of(scalar) == 0 && scalar.properties.generalCategory == .format { return }
            keys.append(.char(ch))
        }
    }

    /// Decodes an ESC at `start`; returns the index after what it consumed.
    private static func decodeEscape(_ input: [RawInput], from start: Int, into keys: inout [Key]) -> Int {
        let next = start + 1
        guard next < input.count, case .character(let c) = input[next] else {
            keys.append(.escape)
            return next
        }
        if c == 0x5B || c == 0x4F {                 // '[' CSI or 'O' SS3 that ncurses left undecoded
            if let (key, end) = parseSequence(input, introducer: c, from: next + 1) {
                if let key { keys.append(key) }
                return end
            }
        }
        if c < 0x20 || c == 0x7F || (0x80..<0xA0).contains(c) {
            keys.append(.escape)                    // ESC then a control: two separate keys
            return next
        }
        guard let scalar = Unicode.Scalar(c) else {
            keys.append(.escape)
            return next
        }
        keys.append(.alt(Character(scalar)))
        return next + 1
    }

    /// Parses the body of a CSI or SS3 sequence starting at `from`. Returns the key (nil for a
    /// complete but unknown sequence, which is dropped) and the index after it; nil when the batch
    /// ends before the sequence does, so the ESC is taken as Alt + the introducer.
    private static func parseSequence(_ input: [RawInput], introducer: UInt32, from: Int) -> (Key?, Int)? {
        var parameters = ""
        var i = from
        while i < input.count, case .character(let c) = input[i] {
            if (0x20...0x3F).contains(c) {
                guard parameters.count < 16, let s = Unicode.Scalar(c) else { return nil }
                parameters.unicodeScalars.append(s)
                i += 1
                continue
            }
            guard (0x40...0x7E).contains(c), let final = Unicode.Scalar(c) else { return nil }
            if introducer == 0x4F && !parameters.isEmpty { return nil }
            return (sequenceKey(final: Character(final), parameters: parameters, ss3: introducer == 0x4F), i + 1)
        }
        return nil
    }

    private static func sequenceKey(final: Character, parameters: String, ss3: Bool) -> Key? {
        let first = Int(parameters.split(separator: ";").first ?? "") ?? 0
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "Z": return .backTab
        case "M" where ss3: return .enter
        case "P", "Q", "R", "S":
            guard ss3 || first <= 1, let a = final.asciiValue else { return nil }
            return .function(Int(a) - 79)
        case "~":
            switch first {
            case 1, 7: return .home
            case 4, 8: return .end
            case 2: return .insert
            case 3: return .delete
            case 5: return .pageUp
            case 6: return .pageDown
            case 11...15: return .function(first - 10)
            case 17...21: return .function(first - 11)
            case 23, 24: return .function(first - 12)
            default: return nil
            }
        default:
            return nil
        }
    }
}
