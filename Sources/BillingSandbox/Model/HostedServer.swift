/// A customer's server (equipment) with the billing data HOSTKEY keeps in its tags: deploy date,
/// billing period, recurring price, traffic, licences, bank subscription, pending upgrade.
/// `id` is the server id consoles use (`get_billing_data id=`, invoice items' `relid`);
/// `accountID` is the WHMCS service behind it.
struct HostedServer: Codable, Sendable {
    var id: Int
    var accountID: Int
    var clientID: Int
    var hostname: String
    var product: String
    var datacenter: String
    var status: String
    var deployDate: SandboxDay
    var billingPeriodMonths: Int
    var recurringAmount: Cents
    var nextDueDate: SandboxDay
    var trafficUsedGB: Int
    var trafficLimitGB: Int
    /// The overage tag: set while the server is over its traffic and the overage is unpaid.
    var trafficOverage: Bool
    var licenses: [License]
    var subscription: Bool
    var upgradePending: Bool

    var isActive: Bool { status == "Active" }
    var hasActiveLicenses: Bool { licenses.contains { $0.active } }
    /// The current billing period began one period before the next due date.
    var currentPeriodStart: SandboxDay { nextDueDate.adding(months: -billingPeriodMonths) }
}
