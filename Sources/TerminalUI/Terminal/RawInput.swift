import ConsoleCore

/// One item of input as the terminal library reports it, before decoding into a `Key`.
public enum RawInput: Sendable, Hashable {
    /// A character code (`get_wch` returned OK): text, or a control byte such as 27 or 127.
    case character(UInt32)
    /// A key code (`get_wch` returned KEY_CODE_YES): KEY_UP, KEY_F(5), KEY_RESIZE...
    case keyCode(Int32)
    /// A mouse report already read with `getmouse` (nil when it carried nothing usable).
    case mouse(MouseEvent?)
}
