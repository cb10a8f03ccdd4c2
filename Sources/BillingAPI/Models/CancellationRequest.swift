import Foundation

/// An open request to cancel a server (`get_cancellation_requests`).
public struct CancellationRequest: Sendable, Equatable {
    public var serverID: Int                  // relid
    public var created: String?               // cr_date, as sent
    public var createdDay: BillingDate?
    public var reason: String
    public var type: String                   // "End of Billing Period" / "Immediate"
    public var dueDate: BillingDate?
    public var clientName: String?
    public var billingLocation: String?
    public var accountID: Int?
    public var status: String?
    public var isCorporate: Bool
    public var customerID: Int?

    public init?(json: JSONValue) {
        guard let o = json.objectValue, let relid = o.int("relid", "id", "server_id") else { return nil }
        serverID = relid
        created = o.string("cr_date")
        createdDay = o.date("cr_date")
        reason = o["cr_reason"]?.nonEmptyText.map(ServerText.sanitizeMultiline) ?? ""
        type = o.string("cr_type", "type") ?? ""
        dueDate = o.date("due_date")
        clientName = o.string("name_client")
        billingLocation = o.string("billing")
        accountID = o.int("account_id")
        status = o.string("status")
        isCorporate = o.bool("corporate") ?? false
        customerID = o.int("customer_id")
    }

    /// `message` (or `data`) holds the list; an empty answer may be `[]`, `""` or missing.
    public static func list(from json: JSONValue) -> [CancellationRequest] {
        (json["message"] ?? json["data"] ?? json["requests"] ?? .null).list(wrappedIn: "request")
            .compactMap(CancellationRequest.init(json:))
    }
}

/// `cancellation_type` of `request_cancellation`.
public enum CancellationType: Int, Sendable, CaseIterable {
    /// Service runs until the end of the paid period; nothing is refunded.
    case endOfBillingPeriod = 0
    /// Service stops now; the unused part is refunded where the contract allows.
    case immediate = 1

    public var title: String {
        switch self {
        case .endOfBillingPeriod: return "End of Billing Period"
        case .immediate: return "Immediate"
        }
    }
}
