/// Why the loopback server could not start.
public struct SandboxServerError: Error, Sendable, CustomStringConvertible {
    /// The system call that failed (`socket`, `bind`, `listen`...).
    public var call: String
    public var errno: Int32

    public var description: String { "sandbox server: \(call) failed (errno \(errno))" }
}
