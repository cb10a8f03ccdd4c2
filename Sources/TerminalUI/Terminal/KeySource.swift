import ConsoleCore

/// Where the event loop gets keys: a descriptor to wait on and a way to read everything that is
/// pending without blocking. `NCursesScreen` is the real one; tests use a pipe.
public protocol KeySource: AnyObject {
    /// The descriptor that becomes readable when input arrives.
    var inputDescriptor: Int32 { get }
    /// All keys available now, decoded; returns at once (empty when nothing is pending).
    func readKeys() -> [Key]
}
