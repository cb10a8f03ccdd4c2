/// What the simulator generates: a seed (same seed, same data), how many customers, how many
/// invoices the demo customer has, and the calendar day it takes as today.
public struct SandboxConfiguration: Sendable, Equatable {
    /// Seed of every generated value (names, amounts, tokens, fault decisions).
    public var seed: UInt64
    /// Number of customers, the demo customer included (at least 1).
    public var clients: Int
    /// Number of invoices of the demo customer (at least the handful its guarantees need; up to
    /// 100,000 and beyond for load tests).
    public var invoicesPerClient: Int
    /// The day the sandbox takes as today; pin it for reproducible dates.
    public var today: SandboxDay

    public init(seed: UInt64 = 1, clients: Int = 8, invoicesPerClient: Int = 24, today: SandboxDay = .current) {
        self.seed = seed
        self.clients = clients
        self.invoicesPerClient = invoicesPerClient
        self.today = today
    }
}
