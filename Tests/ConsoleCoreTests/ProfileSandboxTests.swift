import BillingAPI
import BillingSandbox
@testable import ConsoleCore
import Foundation
import Testing

/// The client profile form, contacts and the password reset against the sandbox.
@Suite struct ProfileSandboxTests {
    /// Clears the focused form field.
    func clearField(_ h: inout SandboxHarness) {
        guard let f = h.console.form else { return }
        for _ in f.fields[f.focused].value { h.press(.backspace) }
    }

    /// The e-mail of another customer of the sandbox, read through its own API key.
    func otherCustomersEmail(_ sandbox: Sandbox) throws -> String {
        // The first customer that can log in (one with an active server).
        for id in sandbox.customerIDs where id != sandbox.demoClientID {
            guard let key = sandbox.apiKey(clientID: id) else { continue }
            let other = APIClient(configuration: APIConfiguration(baseURL: "http://127.0.0.1:1"),
                                  transport: SandboxTransport(sandbox: sandbox), credentials: .apiKey(key))
            if let email = try? other.getClient().client.email { return email }
        }
        throw APIError.invalidRequest("no other customer can log in")
    }

    @Test func profileEditValidatesThenShowsTheServersRefusalNextToTheField() throws {
        var h = SandboxHarness(clients: 8)
        defer { h.cleanUp() }
        h.open()
        let original = try #require(h.console.customer.details.value?.client)
        h.press(.char("e"))
        #expect(h.console.form?.value("email") == original.email)
        // Checked before sending: a broken address, an empty name.
        clearField(&h)
        h.type("not-an-address")
        h.press(.tab)
        clearField(&h)
        h.press(.enter)
        #expect(h.console.form?.fields[0].error == Messages.badEmail)
        #expect(h.console.form?.fields[1].error == Messages.required)
        #expect(h.console.confirm == nil)
        h.type(original.firstName)
        h.press(.backTab)
        clearField(&h)
        // An address the server refuses: another customer already uses it.
        let taken = try otherCustomersEmail(h.sandbox)
        h.type(taken)
        h.press(.enter)
        #expect(h.console.confirm?.write.summary == ["Update client \(original.id):", "E-mail: \(original.email) → \(taken)"])
        #expect(h.console.confirm?.write.parameters["profile_data[billing_email]"] == taken)
        h.press(.enter)
        #expect(h.sandbox.requestCount(action: "update_client") == 1)
        #expect(h.console.confirm == nil)
        #expect(h.console.form?.fields[0].error == "invalid profile data: billing_email is already in use")
        #expect(h.journalEntries.map(\.state) == [.failed])
        // Fixed and sent again: the form closes and the re-read profile shows it.
        let reads = h.sandbox.requestCount(action: "get_client")
        clearField(&h)
        h.type("accounts@example.org")
        h.press(.enter)
        h.press(.enter)
        #expect(h.console.modal == nil)
        #expect(h.console.customer.details.value?.client.email == "accounts@example.org")
        #expect(h.sandbox.requestCount(action: "get_client") == reads + 1)
        #expect(h.journalEntries.map(\.state) == [.failed, .done])
    }

    @Test func contactsAreAddedEditedAndDeletedWithConfirmation() throws {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        let before = h.console.customer.contacts.value?.contacts.count ?? 0
        h.sendAndRun(.focus(.profile))
        h.press(.char("n"))
        #expect(h.console.form?.notes == [Messages.contactPermission(true)])
        h.type("Ivan")
        h.press(.tab)
        h.type("Petrov")
        h.press(.tab)
        h.type("ivan@example.org")
        h.press(.tab)
        h.type("+7 912 555-44-33")
        h.press(.enter)                                       // the password is required for a new contact
        #expect(h.console.form?.fields[4].error == Messages.required)
        #expect(h.console.confirm == nil)
        h.press(.tab)
        h.type("s3cret-pass")
        h.press(.enter)
        #expect(h.console.confirm?.write.displayParameters["profile_data[password1]"] != "s3cret-pass")
        h.press(.enter)
        #expect(h.sandbox.requestCount(action: "add_contact") == 1)
        #expect(h.console.modal == nil)
        let added = try #require(h.console.customer.contacts.value?.contacts.first { $0.email == "ivan@example.org" })
        #expect(h.console.customer.contacts.value?.contacts.count == before + 1)
        #expect(added.fullName == "Ivan Petrov")
        // The journal never holds the password.
        let journaled = try #require(h.journalEntries.last)
        #expect(journaled.parameters["profile_data[password1]"] != "s3cret-pass")
        h.press(.enter)                                       // closes the result
        #expect(h.console.confirm == nil)

        // Edit: the cursor on the new contact, Enter opens it prefilled.
        let index = try #require(h.console.customer.contacts.value?.contacts.firstIndex { $0.id == added.id })
        for _ in 0..<index { h.press(.char("j")) }
        h.press(.enter)
        #expect(h.console.form?.title == Messages.editContactTitle(added.id))
        #expect(h.console.form?.value("email") == "ivan@example.org")
        for _ in 0..<3 { h.press(.tab) }
        clearField(&h)
        h.type("+7 912 555-00-00")
        h.press(.enter)
        h.press(.enter)
        #expect(h.sandbox.requestCount(action: "update_contact") == 1)
        #expect(h.console.customer.contacts.value?.contacts.first { $0.id == added.id }?.phoneNumber == "+7 912 555-00-00")
        h.press(.enter)

        // Delete: confirmed first, then gone from the re-read list.
        h.press(.char("D"))
        #expect(h.console.confirm?.write.summary == [Messages.deleteContactSummary(added.id, "Ivan Petrov", "ivan@example.org")])
        #expect(h.sandbox.requestCount(action: "delete_contact") == 0)
        h.press(.escape)                                      // changed my mind: nothing sent
        #expect(h.console.confirm == nil)
        #expect(h.sandbox.requestCount(action: "delete_contact") == 0)
        h.press(.char("D"))
        h.press(.enter)
        #expect(h.sandbox.requestCount(action: "delete_contact") == 1)
        #expect(h.console.customer.contacts.value?.contacts.contains { $0.id == added.id } == false)
        #expect(h.journalEntries.map(\.state) == [.done, .done, .done])
    }

    @Test func addingAContactWithAnAddressInUseShowsTheRefusalOnTheField() {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        h.sendAndRun(.focus(.profile))
        h.press(.char("n"))
        h.type("Dup")
        h.press(.tab)
        h.press(.tab)
        h.type(h.fixture.contactWithPermissionsEmail)
        h.press(.tab)
        h.press(.tab)
        h.type("password-1")
        h.press(.enter)
        h.press(.enter)
        #expect(h.console.form?.fields[2].error == "email_already_exists")
        #expect(h.console.confirm == nil)
    }

    @Test func passwordResetGoesThroughItsThreeSteps() throws {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        let email = try #require(h.console.customer.details.value?.client.email)
        h.sendAndRun(.focus(.profile))
        h.press(.char("p"))
        #expect(h.console.form?.value("email") == email)
        // Step 1: the link.
        h.press(.enter)
        #expect(h.console.confirm?.write.summary == [Messages.resetLinkSummary(email)])
        h.press(.enter)
        #expect(h.console.confirm?.phase == .done(message: "Password reset link was sent to the registred email."))
        h.press(.enter)
        #expect(h.console.form?.notes == [Messages.resetLinkSent])
        // The token arrives by e-mail; here the sandbox hands one out in `debug`.
        let other = APIClient(transport: SandboxTransport(sandbox: h.sandbox), credentials: .token(h.sandbox.demoToken))
        let link = try other.send(.resetPassword, FormParameters([("email", email)]))
        let token = try #require(link["debug"]?.objectValue?.string("token"))
        // Step 2: token and a password the server finds too short, shown on the field.
        h.press(.tab)
        h.type(token)
        h.press(.tab)
        h.type("short")
        h.press(.enter)
        h.press(.enter)
        #expect(h.console.form?.fields[2].error == "new password must be at least 8 characters")
        for _ in 0..<5 { h.press(.backspace) }
        h.type("long-enough-1")
        h.press(.enter)
        h.press(.enter)
        // The account has 2FA: the form stays, asking for the code.
        h.press(.enter)
        #expect(h.console.form?.notes == [Messages.resetNeedsCode])
        #expect(h.console.form?.fields[(h.console.form?.focused ?? 0)].name == "code")
        let ask = try other.send(.resetPassword, FormParameters([("reset_token", token), ("pass", "long-enough-1")]))
        let code = try #require(ask["debug"]?.objectValue?.string("code"))
        // Step 3: the code.
        h.type(code)
        h.press(.enter)
        h.press(.enter)
        #expect(h.console.confirm?.phase == .done(message: "Password has been changed."))
        #expect(h.console.modal == nil)
        #expect(h.sandbox.requestCount(action: "reset_password") == 6)
        // Nothing secret in the journal.
        for entry in h.journalEntries {
            #expect(entry.parameters["pass"] != "long-enough-1")
            #expect(entry.parameters["reset_token"] != token)
        }
    }
}
