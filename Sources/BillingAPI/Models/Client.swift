import Foundation

/// The customer's WHMCS profile (`get_client`'s `client` block). `fields` keeps every scalar the
/// server sent, so the profile pane can show fields this type does not name.
public struct Client: Sendable, Equatable, Identifiable {
    public var id: Int
    public var email: String
    public var firstName: String
    public var lastName: String
    public var fullName: String
    public var companyName: String?
    public var countryCode: String?
    public var currency: Currency
    public var status: String?
    public var groupID: Int?
    public var isCorporate: Bool
    public var phoneNumber: String?
    public var customerType: String?       // Individual / Company
    public var address: [String]           // address1, address2, city, state, postcode, country
    public var fields: [(key: String, value: String)]

    public init?(json: JSONValue) {
        guard let o = json.objectValue, let id = o.int("id", "client_id", "userid") else { return nil }
        self.id = id
        self.email = o.string("email") ?? ""
        self.firstName = o.string("firstname") ?? ""
        self.lastName = o.string("lastname") ?? ""
        let full = o.string("fullname") ?? [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ")
        self.fullName = full
        self.companyName = o.string("companyname")
        self.countryCode = o.string("countrycode", "country")
        self.currency = o.currency("currency_code", "currencycode") ?? .unknown
        self.status = o.string("status")
        self.groupID = o.int("groupid")
        self.isCorporate = o.bool("corporate") ?? false
        self.phoneNumber = o.string("phonenumber", "phonenumberformatted", "co_smsnum")
        self.customerType = o.string("co_customertype", "customertype")
        self.address = ["address1", "address2", "city", "state", "postcode", "countryname"].compactMap { o.string($0) }
        self.fields = o.scalarFields
    }

    /// The name an agent recognises: company for corporate customers, else the person.
    public var displayName: String {
        if isCorporate, let c = companyName, !c.isEmpty { return c }
        return fullName.isEmpty ? (companyName ?? email) : fullName
    }

    public static func == (a: Client, b: Client) -> Bool {
        a.id == b.id && a.email == b.email && a.firstName == b.firstName && a.lastName == b.lastName
            && a.companyName == b.companyName && a.currency == b.currency && a.status == b.status
            && a.groupID == b.groupID && a.isCorporate == b.isCorporate && a.phoneNumber == b.phoneNumber
    }
}

/// Everything `get_client` returns: the profile, its billing location, the internal account and
/// (with `full`) contacts and group data.
public struct ClientDetails: Sendable, Equatable {
    public var client: Client
    public var billingLocation: String?
    public var internalAccount: InternalAccount?
    public var group: ClientGroup?
    public var contacts: [Contact]

    public init?(json: JSONValue) {
        guard let c = json["client"].flatMap(Client.init(json:)) else { return nil }
        client = c
        billingLocation = json.objectValue?.string("billing_location", "location", "billing")
        internalAccount = json["internal"].flatMap(InternalAccount.init(json:))
        group = json["groupdata"].flatMap(ClientGroup.init(json:))
        let contactsV = json["contacts"] ?? json["client"]?["contacts"] ?? .null
        contacts = contactsV.list(wrappedIn: "contact").compactMap(Contact.init(json:))
    }
}

/// HOSTKEY's own account record for the customer (`get_client`'s `internal` block).
public struct InternalAccount: Sendable, Equatable {
    public var id: Int?
    public var email: String?
    public var activeSince: BillingDate?
    public var fields: [(key: String, value: String)]

    public init?(json: JSONValue) {
        guard let o = json.objectValue else { return nil }
        id = o.int("id")
        email = o.string("email")
        activeSince = o.date("active_since")
        fields = o.scalarFields
    }

    public static func == (a: InternalAccount, b: InternalAccount) -> Bool {
        a.id == b.id && a.email == b.email && a.activeSince == b.activeSince
    }
}

/// A WHMCS customer group (`get_clientgroups`).
public struct ClientGroup: Sendable, Equatable, Identifiable {
    public var id: Int
    public var name: String

    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }

    public init?(json: JSONValue) {
        guard let o = json.objectValue, let id = o.int("id", "groupid") else { return nil }
        self.id = id
        self.name = o.string("groupname", "name") ?? "Group \(id)"
    }

    public static func list(from json: JSONValue) -> [ClientGroup] {
        (json["data"] ?? json["groups"] ?? .null).list(wrappedIn: "group").compactMap(ClientGroup.init(json:))
    }
}
