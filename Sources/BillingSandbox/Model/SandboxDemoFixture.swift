/// Where the demo customer's guaranteed cases are, so tests and demos can go straight to them:
/// a server that can be cancelled, one that cannot (over its traffic), and invoices in each state.
public struct SandboxDemoFixture: Sendable, Codable, Equatable {
    /// Active, within its traffic, no licences, a bank subscription, an Unpaid renewal not yet due.
    public var cancellableServerID: Int
    /// Over its traffic: `request_cancellation` answers `code -3`; its overdue invoice clears that.
    public var overTrafficServerID: Int
    /// Has active licences and a pending upgrade (cancellation and `generate_due_invoice` refused).
    public var licensedServerID: Int
    /// Its cycle ended more than 30 days ago with nothing unpaid: `generate_due_invoice` succeeds.
    public var lapsedServerID: Int
    /// Unpaid, not overdue, and the credit balance covers it in full.
    public var payableInvoiceID: Int
    /// Unpaid and past its due date (bills the over-traffic server).
    public var overdueInvoiceID: Int
    /// Every Unpaid invoice the demo starts with (at least three).
    public var unpaidInvoiceIDs: [Int]
    public var paidInvoiceID: Int
    public var cancelledInvoiceID: Int
    public var refundedInvoiceID: Int
    /// E-mail of a contact holding the `contacts` permission, and of one without it.
    public var contactWithPermissionsEmail: String
    public var contactWithoutPermissionsEmail: String
}
