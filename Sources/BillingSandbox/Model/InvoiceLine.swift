/// One line of an invoice. `relid` names what it bills: a server id for server lines, an invoice
/// id for the lines of a combined (mass pay) invoice, 0 for add funds.
struct InvoiceLine: Codable, Sendable {
    /// WHMCS item types the sandbox uses.
    enum Kind: String, Codable, Sendable {
        case hosting = "Hosting"      // a server's renewal for one billing period
        case traffic = "Traffic"      // traffic overage of a server
        case license = "License"      // software licences on a server
        case upgrade = "Upgrade"
        case addFunds = "AddFunds"
        case invoice = "Invoice"      // one original invoice inside a mass pay invoice
        case setup = "Setup"
    }

    var id: Int
    var kind: Kind
    var relid: Int
    var description: String
    var amount: Cents
    var taxed: Bool
}
