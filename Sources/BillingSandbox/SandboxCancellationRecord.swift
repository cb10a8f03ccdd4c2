import Foundation

/// An open cancellation request as the inspection API shows it.
public struct SandboxCancellationRecord: Sendable, Equatable {
    public var serverID: Int
    /// 1 immediate, 0 end of billing period.
    public var type: Int
    public var reason: String
    public var refund: Decimal
    public var cancelledInvoiceIDs: [Int]
}
