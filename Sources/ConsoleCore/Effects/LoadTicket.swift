import Foundation
/// What a load belongs to and which generation of it. A result whose ticket is no longer current
/// (the user left that customer, invoice or server) is dropped, so stale answers never overwrite
/// the screen.
public struct LoadTicket: Sendable, Hashable {
    /// The screen area a load fills.
    public enum Scope: Sendable, Hashable {
        case customer
        case invoice(Int)
        case server(Int)
    }
    public var scope: Scope
    public var generation: Int

    public init(scope: Scope, generation: Int) {
        self.scope = scope
        self.generation = generation
    }
}
