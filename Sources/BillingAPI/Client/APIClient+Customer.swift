import Foundation

/// Customer, contacts, groups and password reset.
extension APIClient {
    /// `get_client`: the profile, billing location, internal account and (with `full`) contacts.
    public func getClient(full: Bool = true, clientID: Int? = nil, billingLocation: String? = nil,
                          groupData: Bool = false, internal includeInternal: Bool = false) throws(APIError) -> ClientDetails {
        var p = FormParameters()
        p.add("full", full)
        p.add("client", ifPresent: clientID)
        p.add("billing_location", ifPresent: billingLocation)
        if groupData { p.add("groupdata", true) }
        if includeInternal { p.add("internal", true) }
        let json = try send(.getClient, p)
        guard let details = ClientDetails(json: json) else { throw APIError.unexpectedShape(action: "get_client", detail: "no client block") }
        return details
    }

    /// `get_clientgroups` for a billing location.
    public func getClientGroups(location: String? = nil) throws(APIError) -> [ClientGroup] {
        var p = FormParameters()
        p.add("location", ifPresent: location)
        return ClientGroup.list(from: try send(.getClientGroups, p))
    }

    /// `get_contacts`; with `email`, only contacts that have the matching permissions.
    public func getContacts(email: String? = nil, full: Bool = false) throws(APIError) -> ContactList {
        var p = FormParameters()
        p.add("email", ifPresent: email)
        if full { p.add("full", true) }
        return ContactList(json: try send(.getContacts, p))
    }

    /// `add_contact` (`type=0`: a new contact).
    public func addContact(_ draft: ContactDraft) throws(APIError) -> WriteAcknowledgement {
        try Validation.requireEmail(draft.email)
        try Validation.require(draft.firstName, "first name")
        var p = FormParameters()
        p.add("type", 0)
        p.add("profile_data[firstname]", draft.firstName)
        if !draft.lastName.isEmpty { p.add("profile_data[lastname]", draft.lastName) }
        p.add("profile_data[email]", draft.email)
        p.add("profile_data[password1]", ifPresent: draft.password)
        p.add("profile_data[password2]", ifPresent: draft.passwordConfirmation ?? draft.password)
        p.add("profile_data[phonenumber]", ifPresent: draft.phoneNumber)
        return WriteAcknowledgement(json: try send(.addContact, p))
    }

    /// `update_contact` (`params[...]`).
    public func updateContact(id: Int, _ draft: ContactDraft) throws(APIError) -> WriteAcknowledgement {
        try Validation.requireID(id, "contact id")
        try Validation.requireEmail(draft.email)
        var p = FormParameters()
        p.add("params[contact_id]", id)
        p.add("params[email]", draft.email)
        p.add("params[firstname]", draft.firstName)
        p.add("params[lastname]", draft.lastName)
        p.add("params[phonenumber]", ifPresent: draft.phoneNumber)
        p.add("params[password1]", ifPresent: draft.password)
        p.add("params[password2]", ifPresent: draft.password == nil ? nil : (draft.passwordConfirmation ?? draft.password))
        return WriteAcknowledgement(json: try send(.updateContact, p))
    }

    /// `delete_contact`.
    public func deleteContact(id: Int, location: String? = nil) throws(APIError) -> WriteAcknowledgement {
        try Validation.requireID(id, "contact id")
        var p = FormParameters()
        p.add("contact_id", id)
        p.add("location", ifPresent: location)
        return WriteAcknowledgement(json: try send(.deleteContact, p))
    }

    /// `update_client`: its failure comes as `{"-1": "invalid profile data: ..."}`.
    public func updateClient(_ update: ClientProfileUpdate) throws(APIError) -> WriteAcknowledgement {
        try Validation.requireID(update.clientID, "client id")
        if let e = update.email { try Validation.requireEmail(e) }
        return WriteAcknowledgement(json: try send(.updateClient, update.formParameters))
    }

    /// `reset_password`, one step at a time.
    public func resetPassword(_ step: PasswordResetStep) throws(APIError) -> PasswordResetResult {
        var p = FormParameters()
        switch step {
        case .sendLink(let email, let location):
            try Validation.requireEmail(email)
            p.add("email", email)
            p.add("location", ifPresent: location)
        case .setPassword(let resetToken, let pass):
            try Validation.require(resetToken, "reset token")
            try Validation.require(pass, "new password")
            p.add("reset_token", resetToken)
            p.add("pass", pass)
        case .confirm(let resetToken, let pass, let code):
            try Validation.require(code, "2FA code")
            p.add("reset_token", resetToken)
            p.add("pass", pass)
            p.add("code", code)
        }
        return PasswordResetResult(json: try send(.resetPassword, p))
    }

    // MARK: - auth.php

    /// `auth.php info` for the current token.
    public func authInfo() throws(APIError) -> AuthInfo {
        var p = FormParameters()
        p.add("token", try tokenForAuthCall())
        guard let info = AuthInfo(json: try sendAuthWithToken(.info, p)) else {
            throw APIError.unexpectedShape(action: "info", detail: "no result")
        }
        return info
    }

    /// `auth.php logout`: ends the current token.
    public func logout() throws(APIError) {
        var p = FormParameters()
        p.add("token", try tokenForAuthCall())
        _ = try sendAuthWithToken(.logout, p)
    }
}
