import Foundation

/// A server's billing record (`get_billing_data`): the reference's fields plus the contract data
/// the cancellation wizard needs. Anything else the server sends is kept in `fields`.
public struct BillingData: Sendable, Equatable {
    public var serverID: Int
    public var accountID: Int?
    public var billingLocation: String?
    public var status: String?
    public var customerName: String?
    public var location: String?
    public var deployDate: BillingDate?
    public var billingPeriodMonths: Int?
    public var recurringAmount: Money?
    public var nextDueDate: BillingDate?
    public var trafficUsedGB: Decimal?
    public var trafficLimitGB: Decimal?
    public var licenses: [String]
    public var hasSubscription: Bool
    public var upgradePending: Bool
    public var fields: [(key: String, value: String)]

    public init?(json: JSONValue, serverID: Int, currency: Currency) {
        guard let o = (json["data"] ?? json).objectValue else { return nil }
        self.serverID = o.int("server_id", "id") ?? serverID
        accountID = o.int("account_id", "relid")
        billingLocation = o.string("type_billing", "billing")
        status = o.string("status")
        customerName = o.string("customer_name")
        location = o.string("location")
        deployDate = o.date("deploy_date", "d_deploy_time", "regdate")
        billingPeriodMonths = o.int("billing_period", "d_period", "period_months")
        let cur = o.currency("currency", "currencycode") ?? currency
        recurringAmount = o.decimal("recurring_amount", "d_reccuring", "recurringamount").map { Money($0, cur) }
        nextDueDate = o.date("next_due_date", "nextduedate")
        trafficUsedGB = o.decimal("traffic_used_gb", "traffic_used")
        trafficLimitGB = o.decimal("traffic_limit_gb", "traffic_limit")
        licenses = (o["licenses"] ?? .null).listElements.compactMap { v in
            v.nonEmptyText.map(ServerText.sanitize) ?? v.objectValue?.string("name", "license")
        }
        hasSubscription = o.bool("subscription", "has_subscription") ?? false
        upgradePending = o.bool("upgrade_pending") ?? false
        fields = o.scalarFields
    }

    /// True when the server used more traffic than its plan allows (cancellation is then refused).
    public var isOverTraffic: Bool {
        guard let used = trafficUsedGB, let limit = trafficLimitGB, limit > 0 else { return false }
        return used > limit
    }

    public static func == (a: BillingData, b: BillingData) -> Bool {
        a.serverID == b.serverID && a.accountID == b.accountID && a.status == b.status && a.deployDate == b.deployDate
            && a.billingPeriodMonths == b.billingPeriodMonths && a.recurringAmount == b.recurringAmount
            && a.nextDueDate == b.nextDueDate && a.licenses == b.licenses && a.hasSubscription == b.hasSubscription
            && a.trafficUsedGB == b.trafficUsedGB && a.trafficLimitGB == b.trafficLimitGB
    }
}
