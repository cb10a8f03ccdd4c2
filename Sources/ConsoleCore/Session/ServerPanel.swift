import Foundation
import BillingAPI

/// One server looked up on demand: its billing data, open cancellation requests and related
/// invoices.
public struct ServerPanel: Sendable, Equatable {
    public var serverID: Int
    public var billingData = Loadable<BillingData>.loading
    public var requests = Loadable<[CancellationRequest]>.loading
    public var relatedInvoices = Loadable<[Invoice]>.loading

    public init(serverID: Int) { self.serverID = serverID }

    /// The open request for this server, if any.
    public var openRequest: CancellationRequest? {
        (requests.value ?? []).first { $0.serverID == serverID }
    }
}
