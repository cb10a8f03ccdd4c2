/// A WHMCS customer group of one billing location.
struct ClientGroup: Codable, Sendable {
    var id: Int
    var name: String
    var location: BillingLocation
    var discountPercent: Int
}
