import Foundation

/// A sub-contact of the customer, with the permissions it was granted.
public struct Contact: Sendable, Equatable, Identifiable {
    public var id: Int
    public var email: String
    public var firstName: String
    public var lastName: String
    public var phoneNumber: String?
    public var permissions: [String]

    public init(id: Int, email: String, firstName: String, lastName: String, phoneNumber: String? = nil, permissions: [String] = []) {
        self.id = id
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.phoneNumber = phoneNumber
        self.permissions = permissions
    }

    public init?(json: JSONValue) {
        guard let o = json.objectValue, let id = o.int("id", "contact_id", "contactid") else { return nil }
        self.id = id
        email = o.string("email") ?? ""
        firstName = o.string("firstname") ?? ""
        lastName = o.string("lastname") ?? ""
        phoneNumber = o.string("phonenumber")
        switch o["permissions"] {
        case .array(let a)?: permissions = a.compactMap { $0.nonEmptyText.map(ServerText.sanitize) }
        case let v?: permissions = (v.nonEmptyText ?? "").split(separator: ",").map { ServerText.sanitize($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
        case nil: permissions = []
        }
    }

    public var fullName: String { [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ") }
}

/// `get_contacts`: the contacts and whether the caller may manage them.
public struct ContactList: Sendable, Equatable {
    public var contacts: [Contact]
    public var permissionGranted: Bool?

    public init(json: JSONValue) {
        contacts = (json["contacts"] ?? .null).list(wrappedIn: "contact").compactMap(Contact.init(json:))
        permissionGranted = json["permission_contacts_granted"]?.bool
    }
}
