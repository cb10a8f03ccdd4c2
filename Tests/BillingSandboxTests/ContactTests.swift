@testable import BillingSandbox
import BillingAPI
import Foundation
import Testing

@Suite("Contacts: get_contacts, add_contact, update_contact, delete_contact")
struct ContactTests {
    @Test("get_contacts lists every contact; an e-mail filters and tells whether that contact may manage contacts")
    func list() throws {
        let h = try SandboxHarness()
        let all = try h.call("get_contacts")
        #expect(all["permission_contacts_granted"] == .bool(true) && all["contacts"]?.arrayValue?.count == 2)
        let granted = try h.call("get_contacts", [("email", h.fixture.contactWithPermissionsEmail.uppercased())])
        #expect(granted["permission_contacts_granted"] == .bool(true) && granted["contacts"]?.arrayValue?.count == 1)
        #expect(granted["contacts"]?.arrayValue?.first?["permissions"]?.text?.contains("contacts") == true)
        let denied = try h.call("get_contacts", [("email", h.fixture.contactWithoutPermissionsEmail)])
        #expect(denied["permission_contacts_granted"] == .bool(false) && denied["contacts"]?.arrayValue?.count == 1)
        let unknown = try h.call("get_contacts", [("email", "ghost@example.org"), ("full", "1")])
        #expect(unknown["permission_contacts_granted"] == .bool(false) && unknown["contacts"]?.arrayValue?.isEmpty == true)
    }

    @Test("add_contact validates, creates, and answers the reference's fields")
    func add() throws {
        let h = try SandboxHarness()
        func add(_ fields: [(String, String)]) throws -> JSONValue {
            try h.call("add_contact", [("type", "0")] + fields.map { ("profile_data[\($0.0)]", $0.1) })
        }
        let valid = [("firstname", "Мария"), ("lastname", "Иванова"), ("email", "maria@example.ru"), ("password1", "secret-1"),
                     ("password2", "secret-1"), ("phonenumber", "+7 900 111-22-33")]
        #expect(failureMessage(try add(valid.filter { $0.0 != "email" })) == "fill_required_fields")
        #expect(failureMessage(try add(valid.filter { $0.0 != "password2" })) == "fill_required_fields")
        #expect(failureMessage(try add(valid.map { $0.0 == "email" ? ("email", "maria") : $0 })) == "invalid_email")
        #expect(failureMessage(try add(valid.map { $0.0 == "password2" ? ("password2", "other") : $0 })) == "passwords_do_not_match")
        #expect(failureMessage(try add(valid.map { $0.0 == "phonenumber" ? ("phonenumber", "12") : $0 })) == "invalid_phone_number")
        #expect(failureMessage(try add(valid.map { $0.0 == "email" ? ("email", h.fixture.contactWithPermissionsEmail) : $0 })) ==
            "email_already_exists")
        #expect(failureMessage(try h.call("add_contact", [("type", "3")])) == "unsupported contact type 3")
        let answer = try add(valid)
        #expect(answer["clientid"]?.int == h.demoID && answer["firstname"]?.text == "Мария" && answer["email"]?.text == "maria@example.ru")
        #expect(try h.call("get_contacts")["contacts"]?.arrayValue?.count == 3)
    }

    @Test("add_contact with no type and no data creates a random contact")
    func addRandom() throws {
        let h = try SandboxHarness()
        let answer = try h.call("add_contact")
        #expect(isSuccess(answer) && answer["email"]?.text?.hasSuffix("@example.org") == true)
        #expect(try h.call("get_contacts")["contacts"]?.arrayValue?.count == 3)
    }

    @Test("update_contact requires id and e-mail, finds the contact, and changes it")
    func update() throws {
        let h = try SandboxHarness()
        let contacts = try h.call("get_contacts")["contacts"]?.arrayValue ?? []
        let id = try #require(contacts.first?["id"]?.int)
        #expect(failureMessage(try h.call("update_contact", [("params[contact_id]", String(id))])) == "fill_required_fields")
        #expect(failureMessage(try h.call("update_contact", [("params[contact_id]", "1"), ("params[email]", "x@example.org")])) ==
            "verification failed, subcontact not found")
        #expect(failureMessage(try h.call("update_contact", [("params[contact_id]", String(id)),
                                                             ("params[email]", contacts[1]["email"]?.text ?? "")])) == "email_already_exists")
        #expect(failureMessage(try h.call("update_contact", [("params[contact_id]", String(id)), ("params[email]", "new@example.org"),
                                                             ("params[password1]", "a-password"), ("params[password2]", "b")])) ==
            "passwords_do_not_match")
        let answer = try h.call("update_contact", [("params[contact_id]", String(id)), ("params[email]", "new@example.org"),
                                                   ("params[firstname]", "Ольга")])
        #expect(answer == ["result": "OK", "contact_id": .int(id), "location": "whmcs_ru"])
        let updated = try h.call("get_contacts", [("email", "new@example.org")])["contacts"]?.arrayValue?.first
        #expect(updated?["firstname"]?.text == "Ольга" && updated?["id"]?.int == id)
    }

    @Test("delete_contact removes the contact; an unknown id fails like the reference")
    func delete() throws {
        let h = try SandboxHarness()
        let id = try #require(try h.call("get_contacts")["contacts"]?.arrayValue?.first?["id"]?.int)
        #expect(failureMessage(try h.call("delete_contact", [("contact_id", "42")])) == "verification failed, subcontact not found")
        #expect(failureMessage(try h.call("delete_contact", [])) == "verification failed, subcontact not found")
        let answer = try h.call("delete_contact", [("contact_id", String(id)), ("location", "whmcs_ru")])
        #expect(answer == ["result": "OK", "action": "delete_contact", "clientid": .int(h.demoID)])
        #expect(try h.call("get_contacts")["contacts"]?.arrayValue?.count == 1)
    }
}
