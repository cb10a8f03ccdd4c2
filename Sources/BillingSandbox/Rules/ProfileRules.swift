import BillingAPI

/// `get_client`, `update_client` and `get_clientgroups`.
enum ProfileRules {
    static func getClient(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        let customer = state.customers[ctx.customerIndex]
        let location = ctx.text("billing_location") ?? customer.location.rawValue
        if let asked = ctx.text("client"), asked != String(customer.id) {
            return WireAnswer.failure("Request failed for " + asked + "@" + location + ": client not found")
        }
        if location != customer.location.rawValue {
            return WireAnswer.failure("Request failed for " + String(customer.id) + "@" + location + ": client not found")
        }
        var client = JSONObject([
            ("id", .int(customer.id)), ("email", .string(customer.email)), ("firstname", .string(customer.firstName)),
            ("lastname", .string(customer.lastName)), ("fullname", .string(customer.fullName)),
            ("companyname", .string(customer.companyName)), ("address1", .string(customer.address)),
            ("city", .string(customer.city)), ("postcode", .string(customer.postcode)),
            ("countrycode", .string(customer.countryCode)), ("phonenumber", .string(customer.phone)),
            ("currency_code", .string(customer.currency)), ("status", .string(customer.status)),
            ("groupid", .int(customer.groupID)), ("corporate", .int(customer.corporate ? 1 : 0)),
            ("customertype", .string(customer.customerType)), ("credit", customer.credit.string),
            ("datecreated", .string(customer.activeSince.text)), ("twofaenabled", .bool(customer.twoFactorEnabled)),
        ])
        if ctx.flag("full") {
            client["ips"] = .string(customer.ips.joined(separator: ","))
            client["contacts"] = .array(customer.contacts.map { ContactRules.json($0, full: true) })
        }
        var members: [(String, JSONValue)] = [("action", "get_client"), ("client", .object(client)),
                                              ("billing_location", .string(customer.location.rawValue))]
        if ctx.flag("internal") {
            members.append(("internal", WireAnswer.object([
                ("id", .int(customer.internalID)), ("email", .string(customer.email)),
                ("active_since", .string(customer.activeSince.text)), ("tags", .array(customer.tags.map { .string($0) })),
                ("servers", .array(customer.serverIDs.map { .int($0) })),
            ])))
        }
        let group = state.clientGroups.first { $0.id == customer.groupID }
        if ctx.flag("groupdata"), let group {
            members.append(("groupdata", WireAnswer.object([("id", .int(group.id)), ("groupname", .string(group.name)),
                                                            ("discountpercent", .string(String(group.discountPercent) + ".00"))])))
        } else {
            members.append(("groupdata", .null))
        }
        if ctx.flag("full") {
            members.append(("groups", .array(state.clientGroups.filter { $0.location == customer.location }.map(groupJSON))))
        }
        return WireAnswer.ok(members)
    }

    static func groups(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        let own = state.customers[ctx.customerIndex].location
        let wanted = ctx.text("location") ?? own.rawValue
        guard let location = BillingLocation(rawValue: wanted) else {
            return WireAnswer.failure("unknown billing location " + wanted)
        }
        return WireAnswer.ok([("data", .array(state.clientGroups.filter { $0.location == location }.map(groupJSON)))])
    }

    static func groupJSON(_ g: ClientGroup) -> JSONValue {
        WireAnswer.object([("id", .int(g.id)), ("groupname", .string(g.name))])
    }

    /// Validates every sent field before changing anything, so a refused update changes nothing.
    static func updateClient(_ ctx: ActionContext, _ state: inout SandboxState) -> JSONValue {
        var customer = state.customers[ctx.customerIndex]
        let fields = ctx.params.fields.filter { $0.name.hasPrefix("profile_data[") }
        guard !fields.isEmpty else { return WireAnswer.profileFailure("nothing to update") }
        func value(_ key: String) -> String? {
            ctx.params["profile_data[" + key + "]"].map { $0.trimmingCharacters(in: .whitespaces) }
        }
        if let id = value("client_id"), id != String(customer.id) { return WireAnswer.profileFailure("client_id mismatch") }
        if let location = value("location"), location != customer.location.rawValue {
            return WireAnswer.profileFailure("location mismatch")
        }
        if let email = value("billing_email") {
            guard !email.isEmpty else { return WireAnswer.profileFailure("billing_email can't be empty") }
            guard FieldValidation.isEmail(email) else { return WireAnswer.profileFailure("billing_email is not a valid address") }
            let lower = email.lowercased()
            if state.customers.contains(where: { $0.id != customer.id && $0.email.lowercased() == lower }) {
                return WireAnswer.profileFailure("billing_email is already in use")
            }
            customer.email = email
        }
        for (key, keyPath) in [("billing_firstname", \Customer.firstName), ("billing_lastname", \Customer.lastName)] {
            guard let v = value(key) else { continue }
            guard !v.isEmpty else { return WireAnswer.profileFailure(key + " can't be empty") }
            customer[keyPath: keyPath] = v
        }
        for (key, keyPath) in [("billing_companyname", \Customer.companyName), ("billing_address1", \Customer.address),
                               ("billing_city", \Customer.city), ("billing_postcode", \Customer.postcode)] {
            if let v = value(key) { customer[keyPath: keyPath] = v }
        }
        for key in ["co_smsnum", "billing_phonenumber"] {
            guard let phone = value(key) else { continue }
            guard FieldValidation.isPhone(phone) else { return WireAnswer.profileFailure(key + " is not a valid phone number") }
            customer.phone = phone
        }
        if let type = value("co_customertype") {
            guard type == "Individual" || type == "Company" else {
                return WireAnswer.profileFailure("co_customertype must be Individual or Company")
            }
            customer.customerType = type
            customer.corporate = type == "Company"
        }
        if let ips = value("ips") {
            let list = FieldValidation.addressList(ips)
            if let bad = list.first(where: { !FieldValidation.isIPAddress($0) }) {
                return WireAnswer.profileFailure("ips contains an invalid address: " + bad)
            }
            customer.ips = list
        }
        state.customers[ctx.customerIndex] = customer
        return WireAnswer.ok([("clientid", .int(customer.id)), ("location", .string(customer.location.rawValue))])
    }
}
