/// A sub-contact of a customer, with WHMCS's permission names (`profile`, `contacts`, `invoices`...).
struct SubContact: Codable, Sendable {
    var id: Int
    var firstName: String
    var lastName: String
    var email: String
    var phone: String
    var permissions: [String]
    var passwordDigest: String
}
