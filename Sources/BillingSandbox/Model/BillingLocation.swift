/// The WHMCS installation a customer belongs to; its raw value is the wire name (`whmcs_ru`).
enum BillingLocation: String, Codable, Sendable, CaseIterable {
    case ru = "whmcs_ru"
    case com = "whmcs_com"

    /// The invapi host a login answer names for this location.
    var invapiHost: String { self == .ru ? "invapi.hostkey.ru" : "invapi.hostkey.com" }
}
