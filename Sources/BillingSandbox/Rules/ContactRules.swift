import BillingAPI

/// Sub-contacts: `get_contacts`, `add_contact`, `update_contact`, `delete_contact`.
enum ContactRules {
    /// All contacts; with `email`, only the contacts with that address, and
    /// `permission_contacts_granted` says whether that contact may manage contacts.
    static func list(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        let contacts = state.customers[ctx.customerIndex].contacts
        let full = ctx.flag("full")
        guard let email = ctx.text("email")?.lowercased() else {
            return WireAnswer.ok([("permission_contacts_granted", true), ("contacts", .array(contacts.map { json($0, full: full) }))])
        }
        let matching = contacts.filter { $0.email.lowercased() == email }
        let granted = matching.contains { $0.permissions.contains("contacts") }
        return WireAnswer.ok([("permission_contacts_granted", .bool(granted)),
                              ("contacts", .array(matching.map { json($0, full: full) }))])
    }

    static func json(_ c: SubContact, full: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [("id", .int(c.id)), ("email", .string(c.email)), ("firstname", .string(c.firstName)),
                                              ("lastname", .string(c.lastName)), ("permissions", .string(c.permissions.joined(separator: ",")))]
        if full { members.append(("phonenumber", .string(c.phone))) }
        return WireAnswer.object(members)
    }

    /// `type=0` (or any profile data) creates the contact described; no type and no data creates
    /// a random one, as the reference says.
    static func add(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        func field(_ k: String) -> String? { ctx.text("profile_data[" + k + "]") }
        let hasData = ctx.params.names.contains { $0.hasPrefix("profile_data[") }
        if let type = ctx.text("type"), type != "0" { return WireAnswer.failure("unsupported contact type " + type) }
        let customer = state.customers[ctx.customerIndex]
        var contact: SubContact
        if ctx.text("type") == nil && !hasData {
            var rng = state.secretsGenerator
            let first = rng.pick(NameCatalog.latinFirstNames), last = rng.pick(NameCatalog.latinLastNames)
            state.secretsGenerator = rng
            contact = SubContact(id: state.nextContactID, firstName: first, lastName: last,
                              email: (first + "." + last).lowercased().replacingOccurrences(of: " ", with: "")
                                  + String(state.nextContactID) + "@example.org",
                              phone: "", permissions: ["invoices"], passwordDigest: "")
        } else {
            guard let first = field("firstname"), let email = field("email"), let p1 = field("password1"),
                  let p2 = field("password2") else { return WireAnswer.failure("fill_required_fields") }
            guard FieldValidation.isEmail(email) else { return WireAnswer.failure("invalid_email") }
            guard !emailTaken(email, customer: customer, except: nil) else { return WireAnswer.failure("email_already_exists") }
            guard p1 == p2 else { return WireAnswer.failure("passwords_do_not_match") }
            let phone = field("phonenumber") ?? ""
            guard phone.isEmpty || FieldValidation.isPhone(phone) else { return WireAnswer.failure("invalid_phone_number") }
            let permissions = field("permissions").map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            contact = SubContact(id: state.nextContactID, firstName: first, lastName: field("lastname") ?? "", email: email,
                              phone: phone, permissions: permissions ?? ["invoices"],
                              passwordDigest: SandboxDataGenerator.digest(p1))
        }
        state.nextContactID += 1
        state.customers[ctx.customerIndex].contacts.append(contact)
        return WireAnswer.ok([("clientid", .int(customer.id)), ("contactid", .int(contact.id)),
                              ("firstname", .string(contact.firstName)), ("lastname", .string(contact.lastName)),
                              ("email", .string(contact.email))])
    }

    static func update(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        func field(_ k: String) -> String? { ctx.text("params[" + k + "]") }
        guard let idText = field("contact_id"), let email = field("email") else { return WireAnswer.failure("fill_required_fields") }
        let customer = state.customers[ctx.customerIndex]
        guard let n = customer.contacts.firstIndex(where: { String($0.id) == idText }) else {
            return WireAnswer.failure("verification failed, subcontact not found")
        }
        guard FieldValidation.isEmail(email) else { return WireAnswer.failure("invalid_email") }
        guard !emailTaken(email, customer: customer, except: customer.contacts[n].id) else {
            return WireAnswer.failure("email_already_exists")
        }
        let p1 = field("password1"), p2 = field("password2")
        guard p1 == p2 else { return WireAnswer.failure("passwords_do_not_match") }
        if let phone = field("phonenumber"), !FieldValidation.isPhone(phone) { return WireAnswer.failure("invalid_phone_number") }
        var contact = customer.contacts[n]
        contact.email = email
        if let v = field("firstname") { contact.firstName = v }
        if let v = field("lastname") { contact.lastName = v }
        if let v = field("phonenumber") { contact.phone = v }
        if let p1 { contact.passwordDigest = SandboxDataGenerator.digest(p1) }
        state.customers[ctx.customerIndex].contacts[n] = contact
        return WireAnswer.ok([("contact_id", .int(contact.id)), ("location", .string(customer.location.rawValue))])
    }

    static func delete(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        let customer = state.customers[ctx.customerIndex]
        guard let idText = ctx.text("contact_id"), let n = customer.contacts.firstIndex(where: { String($0.id) == idText }) else {
            return WireAnswer.failure("verification failed, subcontact not found")
        }
        state.customers[ctx.customerIndex].contacts.remove(at: n)
        return WireAnswer.ok([("action", "delete_contact"), ("clientid", .int(customer.id))])
    }

    /// Another contact of the customer, or the customer themself, already uses the address.
    private static func emailTaken(_ email: String, customer: Customer, except id: Int?) -> Bool {
        let lower = email.lowercased()
        return customer.email.lowercased() == lower || customer.contacts.contains { $0.id != id && $0.email.lowercased() == lower }
    }
}
