/// An open request to cancel a server, with the invoices it cancelled so that deleting the request
/// can restore them.
struct ServerCancellation: Codable, Sendable {
    /// `request_cancellation`'s `cancellation_type`: 1 immediate (with a refund where possible),
    /// 0 at the end of the billing period.
    enum Kind: Int, Codable, Sendable {
        case endOfBillingPeriod = 0
        case immediate = 1

        var wireName: String { self == .immediate ? "Immediate" : "End of Billing Period" }
    }

    var id: Int
    var serverID: Int
    var clientID: Int
    /// Unix seconds.
    var created: Int
    var reason: String
    var kind: Kind
    var effectiveDate: SandboxDay
    var refund: Cents
    var cancelledInvoiceIDs: [Int]
}
