import Foundation

/// Copies text to the user's clipboard through the terminal (OSC 52), so it works over SSH and
/// inside tmux without any clipboard program on the server.
public enum Clipboard {
    /// The OSC 52 sequence that sets the clipboard to `text` (base64, BEL-terminated). Inside tmux
    /// (`$TMUX` set) it is wrapped in tmux's DCS passthrough, ESCs doubled, so tmux forwards it.
    public static func osc52(_ text: String,
                             environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        osc52(text, tmux: !(environment["TMUX"] ?? "").isEmpty)
    }

    /// The OSC 52 sequence, wrapped for tmux or not.
    public static func osc52(_ text: String, tmux: Bool) -> String {
        let plain = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
        guard tmux else { return plain }
        let doubled = plain.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}")
        return "\u{1B}Ptmux;" + doubled + "\u{1B}\\"
    }

    /// What `copy` writes: the plain sequence, and inside tmux also the wrapped one. tmux takes the
    /// plain one itself with `set-clipboard on` and forwards the wrapped one with
    /// `allow-passthrough on`; writing both works with either setting (a terminal that gets both
    /// just sets the same clipboard twice).
    public static func bytesToWrite(_ text: String, environment: [String: String]) -> String {
        let inTmux = !(environment["TMUX"] ?? "").isEmpty
        return osc52(text, tmux: false) + (inTmux ? osc52(text, tmux: true) : "")
    }

    /// Writes the sequence(s) for `text` to the terminal (`descriptor`, stdout by default). Returns
    /// false when the write failed. ncurses does not track it: it moves no cursor and draws nothing.
    @discardableResult
    public static func copy(_ text: String, to descriptor: Int32 = 1,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        let bytes = Array(bytesToWrite(text, environment: environment).utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            written += n
        }
        return true
    }
}
