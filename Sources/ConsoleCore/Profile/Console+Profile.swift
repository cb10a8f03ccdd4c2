import Foundation
import BillingAPI

// MARK: - Profile edit, contacts, password reset

extension Console {
    mutating func startEditProfile() -> [Effect] {
        if refuseIfReadOnly() { return [] }
        guard let c = customer.details.value?.client else { say(Messages.clientNotLoaded, .warning); return [] }
        modal = .form(ProfileSubmission.profileForm(c))
        return []
    }

    mutating func startContactForm(id: Int?) -> [Effect] {
        if refuseIfReadOnly() { return [] }
        let list = customer.contacts.value
        var contact: Contact?
        if let id {
            guard let c = list?.contacts.first(where: { $0.id == id }) else { say(Messages.noSuchContact(id), .warning); return [] }
            contact = c
        }
        modal = .form(ProfileSubmission.contactForm(contact, permissionGranted: list?.permissionGranted))
        return []
    }

    mutating func startDeleteContact(id: Int) -> [Effect] {
        if refuseIfReadOnly() { return [] }
        guard let c = customer.contacts.value?.contacts.first(where: { $0.id == id }) else {
            say(Messages.noSuchContact(id), .warning); return []
        }
        var p = FormParameters()
        p.add("contact_id", id)
        if let loc = environment.billingLocation { p.add("location", loc) }
        return requestConfirm(PendingWrite(action: .deleteContact, parameters: p,
                                           summary: [Messages.deleteContactSummary(id, ServerText.sanitize(c.fullName), ServerText.sanitize(c.email))],
                                           purpose: .deleteContact(id: id)))
    }

    mutating func startPasswordReset() -> [Effect] {
        if refuseIfReadOnly() { return [] }
        modal = .form(ProfileSubmission.passwordForm(email: customer.details.value?.client.email ?? ""))
        return []
    }
}
