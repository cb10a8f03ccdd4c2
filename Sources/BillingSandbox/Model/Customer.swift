/// A customer (WHMCS client) with profile, credit balance, contacts, and the ids of their servers
/// and invoices (the invoices themselves live in `SandboxState.invoices`).
struct Customer: Codable, Sendable {
    var id: Int
    var internalID: Int
    var location: BillingLocation
    var firstName: String
    var lastName: String
    var companyName: String
    var email: String
    var phone: String
    var countryCode: String
    var city: String
    var address: String
    var postcode: String
    var currency: String
    var status: String
    var groupID: Int
    var corporate: Bool
    var customerType: String
    var ips: [String]
    var activeSince: SandboxDay
    var credit: Cents
    var apiKey: String
    var passwordDigest: String
    var twoFactorEnabled: Bool
    var autoTopUp: Bool
    var tags: [String]
    var contacts: [SubContact]
    var serverIDs: [Int]
    var invoiceIDs: [Int]

    var fullName: String { firstName + " " + lastName }
    /// The name a billing screen shows: the company when there is one.
    var displayName: String { companyName.isEmpty ? fullName : companyName }
}
