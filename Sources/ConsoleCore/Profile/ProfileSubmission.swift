import Foundation
import BillingAPI

/// Validation and write building for the profile, contact and password-reset forms.
enum ProfileSubmission {
    static let customerTypes = ["Individual", "Company"]

    static func isPhone(_ s: String) -> Bool {
        guard !s.isEmpty else { return true }
        let digits = s.filter(\.isNumber).count
        return digits >= 5 && s.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "+" || $0 == " " || $0 == "-") }
            && !s.dropFirst().contains("+")
    }

    /// The edit form for the client, prefilled with what is on file.
    static func profileForm(_ c: Client) -> DialogForm {
        DialogForm(purpose: .editProfile(clientID: c.id), title: Messages.editProfileTitle(c.id), fields: [
            FormField(name: "email", label: Messages.emailLabel, value: c.email),
            FormField(name: "firstname", label: Messages.firstNameLabel, value: c.firstName),
            FormField(name: "lastname", label: Messages.lastNameLabel, value: c.lastName),
            FormField(name: "phone", label: Messages.phoneLabel, value: c.phoneNumber ?? ""),
            FormField(name: "customertype", label: Messages.customerTypeLabel,
                      value: c.isCorporate ? "Company" : "Individual", kind: .choice(customerTypes)),
        ])
    }

    /// Only changed fields are sent; the summary is the diff.
    static func updateClient(_ f: inout DialogForm, clientID: Int, context: FormContext) -> PendingWrite? {
        guard let c = context.client else { f.error = Messages.clientNotLoaded; return nil }
        let email = f.value("email"), first = f.value("firstname"), last = f.value("lastname")
        let phone = f.value("phone"), type = f.value("customertype")
        if !EmailAddress.isValid(email) { f.setError("email", Messages.badEmail) }
        if first.isEmpty { f.setError("firstname", Messages.required) }
        if last.isEmpty { f.setError("lastname", Messages.required) }
        if !isPhone(phone) { f.setError("phone", Messages.badPhone) }
        if !customerTypes.contains(type) { f.setError("customertype", Messages.badCustomerType) }
        guard !f.hasFieldErrors else { return nil }
        var u = ClientProfileUpdate(clientID: clientID, location: context.location)
        var diff: [String] = []
        func change(_ label: String, _ old: String, _ new: String, _ set: (inout ClientProfileUpdate) -> Void) {
            guard old != new else { return }
            set(&u)
            diff.append(Messages.diffLine(label, old, new))
        }
        change(Messages.emailLabel, c.email, email) { $0.email = email }
        change(Messages.firstNameLabel, c.firstName, first) { $0.firstName = first }
        change(Messages.lastNameLabel, c.lastName, last) { $0.lastName = last }
        change(Messages.phoneLabel, c.phoneNumber ?? "", phone) { $0.smsNumber = phone }
        change(Messages.customerTypeLabel, c.isCorporate ? "Company" : "Individual", type) { $0.customerType = type }
        guard !diff.isEmpty else { f.error = Messages.nothingChanged; return nil }
        return PendingWrite(action: .updateClient, parameters: u.formParameters,
                            summary: [Messages.updateClientSummary(clientID)] + diff, purpose: .updateClient)
    }

    static func contactForm(_ c: Contact?, permissionGranted: Bool?) -> DialogForm {
        let notes = permissionGranted.map { [Messages.contactPermission($0)] } ?? []
        return DialogForm(purpose: c.map { .editContact(id: $0.id) } ?? .addContact,
                          title: c.map { Messages.editContactTitle($0.id) } ?? Messages.addContactTitle, notes: notes, fields: [
            FormField(name: "firstname", label: Messages.firstNameLabel, value: c?.firstName ?? ""),
            FormField(name: "lastname", label: Messages.lastNameLabel, value: c?.lastName ?? ""),
            FormField(name: "email", label: Messages.emailLabel, value: c?.email ?? ""),
            FormField(name: "phone", label: Messages.phoneLabel, value: c?.phoneNumber ?? ""),
            // The reference's add_contact needs both password fields ("fill_required_fields").
            FormField(name: "password", label: c == nil ? Messages.contactPasswordLabel : Messages.passwordLabel, kind: .secret),
        ])
    }

    static func contact(_ f: inout DialogForm, id: Int?, context: FormContext) -> PendingWrite? {
        let first = f.value("firstname"), last = f.value("lastname"), email = f.value("email")
        let phone = f.value("phone"), password = f.fields.first { $0.name == "password" }?.value ?? ""
        if first.isEmpty { f.setError("firstname", Messages.required) }
        if !EmailAddress.isValid(email) { f.setError("email", Messages.badEmail) }
        if !isPhone(phone) { f.setError("phone", Messages.badPhone) }
        if id == nil && password.isEmpty { f.setError("password", Messages.required) }
        guard !f.hasFieldErrors else { return nil }
        var p = FormParameters()
        if let id {
            p.add("params[contact_id]", id)
            p.add("params[email]", email)
            p.add("params[firstname]", first)
            p.add("params[lastname]", last)
            if !phone.isEmpty { p.add("params[phonenumber]", phone) }
            if !password.isEmpty { p.add("params[password1]", password); p.add("params[password2]", password) }
            return PendingWrite(action: .updateContact, parameters: p, summary: [Messages.updateContactSummary(id, email)],
                                purpose: .updateContact(id: id))
        }
        p.add("type", 0)
        p.add("profile_data[firstname]", first)
        if !last.isEmpty { p.add("profile_data[lastname]", last) }
        p.add("profile_data[email]", email)
        if !password.isEmpty { p.add("profile_data[password1]", password); p.add("profile_data[password2]", password) }
        if !phone.isEmpty { p.add("profile_data[phonenumber]", phone) }
        return PendingWrite(action: .addContact, parameters: p, summary: [Messages.addContactSummary(first, email)], purpose: .addContact)
    }

    static func passwordForm(email: String) -> DialogForm {
        DialogForm(purpose: .resetPassword, title: Messages.resetPasswordTitle, notes: [Messages.resetPasswordNote], fields: [
            FormField(name: "email", label: Messages.emailLabel, value: email),
            FormField(name: "reset_token", label: Messages.resetTokenLabel, kind: .secret),
            FormField(name: "password", label: Messages.newPasswordLabel, kind: .secret),
            FormField(name: "code", label: Messages.twoFactorLabel),
        ])
    }

    /// Step 1 sends the link (no token yet); step 2 sets the password; step 3 adds the 2FA code.
    static func resetPassword(_ f: inout DialogForm, context: FormContext) -> PendingWrite? {
        let token = f.fields.first { $0.name == "reset_token" }?.value ?? ""
        let password = f.fields.first { $0.name == "password" }?.value ?? ""
        let code = f.value("code")
        var p = FormParameters()
        if token.isEmpty {
            let email = f.value("email")
            guard EmailAddress.isValid(email) else { f.setError("email", Messages.badEmail); return nil }
            p.add("email", email)
            if let loc = context.location { p.add("location", loc) }
            return PendingWrite(action: .resetPassword, parameters: p, summary: [Messages.resetLinkSummary(email)], purpose: .resetPassword)
        }
        guard !password.isEmpty else { f.setError("password", Messages.required); return nil }
        p.add("reset_token", token)
        p.add("pass", password)
        if !code.isEmpty { p.add("code", code) }
        return PendingWrite(action: .resetPassword, parameters: p, summary: [Messages.setPasswordSummary(withCode: !code.isEmpty)],
                            purpose: .resetPassword)
    }
}
