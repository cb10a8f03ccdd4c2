import Foundation

/// Servers: billing data, due invoices and cancellation.
extension APIClient {
    /// `get_billing_data` of a server.
    public func getBillingData(serverID: Int, customerName: String? = nil, currency: Currency = .unknown) throws(APIError) -> BillingData {
        try Validation.requireID(serverID, "server id")
        var p = FormParameters()
        p.add("id", serverID)
        p.add("customer_name", ifPresent: customerName)
        guard let d = BillingData(json: try send(.getBillingData, p), serverID: serverID, currency: currency) else {
            throw APIError.unexpectedShape(action: "get_billing_data", detail: "no data block")
        }
        return d
    }

    /// `generate_due_invoice`: the next invoice of a server, when its cycle allows.
    public func generateDueInvoice(serverID: Int, currency: Currency = .unknown) throws(APIError) -> [Invoice] {
        try Validation.requireID(serverID, "server id")
        var p = FormParameters()
        p.add("id", serverID)
        return Invoice.list(from: try send(.generateDueInvoice, p), currency: currency)
    }

    /// `get_cancellation_requests`, filtered.
    public func getCancellationRequests(_ filter: CancellationFilter = CancellationFilter()) throws(APIError) -> [CancellationRequest] {
        var p = FormParameters()
        p.add("id", ifPresent: filter.serverID)
        p.add("period_from", ifPresent: filter.from?.description)
        p.add("period_to", ifPresent: filter.to?.description)
        p.add("cancellation_type", ifPresent: filter.type)
        p.add("billing_status", ifPresent: filter.billingStatus)
        return CancellationRequest.list(from: try send(.getCancellationRequests, p))
    }

    /// `request_cancellation`. Refusals keep their code: `-3` means the server is over its traffic.
    public func requestCancellation(_ parameters: CancellationParameters) throws(APIError) -> JSONValue {
        try Validation.requireID(parameters.serverID, "server id")
        try Validation.require(parameters.reason, "cancellation reason")
        return try send(.requestCancellation, parameters.formParameters)
    }

    /// `delete_cancellation_request` of a server.
    public func deleteCancellationRequest(serverID: Int) throws(APIError) -> JSONValue {
        try Validation.requireID(serverID, "server id")
        var p = FormParameters()
        p.add("id", serverID)
        return try send(.deleteCancellationRequest, p)
    }

    /// `request_subscription_cancellation`: asks support to end a server's bank subscription.
    public func requestSubscriptionCancellation(serverID: Int, type: CancellationType = .endOfBillingPeriod,
                                                reason: String) throws(APIError) -> SubscriptionCancellationResult {
        try Validation.requireID(serverID, "server id")
        try Validation.require(reason, "cancellation reason")
        var p = FormParameters()
        p.add("id", serverID)
        p.add("cancellation_type", String(type.rawValue))
        p.add("cancellation_reason", reason)
        return SubscriptionCancellationResult(json: try send(.requestSubscriptionCancellation, p))
    }
}
