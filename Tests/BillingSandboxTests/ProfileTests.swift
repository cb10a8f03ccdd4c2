@testable import BillingSandbox
import BillingAPI
import Foundation
import Testing

@Suite("Profile: get_client, update_client, get_clientgroups, reset_password")
struct ProfileTests {
    @Test("get_client: the reference's fields, with full, groupdata and internal on request")
    func getClient() throws {
        let h = try SandboxHarness()
        let plain = try h.call("get_client")
        #expect(plain["action"]?.text == "get_client" && plain["groupdata"] == .null && plain["internal"] == nil)
        let client = try #require(plain["client"]?.objectValue)
        for field in ["id", "email", "firstname", "lastname", "fullname", "companyname", "countrycode", "currency_code", "status",
                      "groupid", "corporate"] {
            #expect(client[field] != nil, "field \(field)")
        }
        #expect(client["corporate"]?.int == 1 && client["countrycode"]?.text == "RU")
        let full = try h.call("get_client", [("full", "1"), ("groupdata", "1"), ("internal", "1"), ("client", String(h.demoID)),
                                             ("billing_location", "whmcs_ru")])
        #expect(full["client"]?["contacts"]?.arrayValue?.count == 2)
        #expect(full["groups"]?.arrayValue?.isEmpty == false)
        #expect(full["groupdata"]?["groupname"]?.text == "Корпоративные клиенты")
        #expect(full["internal"]?["active_since"]?.text != nil && full["internal"]?["servers"]?.arrayValue?.count == 4)
        #expect(failureMessage(try h.call("get_client", [("billing_location", "whmcs_com")])) ==
            "Request failed for \(h.demoID)@whmcs_com: client not found")
    }

    @Test("get_clientgroups lists a location's groups")
    func groups() throws {
        let h = try SandboxHarness()
        let own = try h.call("get_clientgroups")["data"]?.arrayValue ?? []
        #expect(own.count == 2 && own.allSatisfy { $0["id"]?.int != nil && $0["groupname"]?.text != nil })
        let com = try h.call("get_clientgroups", [("location", "whmcs_com")])["data"]?.arrayValue ?? []
        let names = com.compactMap { $0["groupname"]?.text }
        #expect(names.contains("VIP Customers"))
        #expect(failureMessage(try h.call("get_clientgroups", [("location", "mars")])) == "unknown billing location mars")
    }

    @Test("update_client changes the profile and answers clientid and location")
    func updateClient() throws {
        let h = try SandboxHarness()
        let answer = try h.call("update_client", [
            ("profile_data[client_id]", String(h.demoID)), ("profile_data[location]", "whmcs_ru"),
            ("profile_data[billing_email]", "finance@example.ru"), ("profile_data[billing_firstname]", "Пётр"),
            ("profile_data[co_smsnum]", "+7 916 555-01-02"), ("profile_data[ips]", "192.0.2.1, 2001:db8::1 198.51.100.0/24"),
            ("profile_data[co_customertype]", "Individual"),
        ])
        #expect(answer == ["result": "OK", "clientid": .int(h.demoID), "location": "whmcs_ru"])
        let client = try h.call("get_client", [("full", "1")])["client"]
        #expect(client?["email"]?.text == "finance@example.ru" && client?["firstname"]?.text == "Пётр")
        #expect(client?["customertype"]?.text == "Individual" && client?["corporate"]?.int == 0)
        #expect(client?["ips"]?.text == "192.0.2.1,2001:db8::1,198.51.100.0/24")
    }

    @Test("update_client refusals use the {\"-1\": \"invalid profile data: ...\"} shape and change nothing",
          arguments: [
            ("profile_data[billing_email]", "", "billing_email can't be empty"),
            ("profile_data[billing_email]", "not-an-email", "billing_email is not a valid address"),
            ("profile_data[billing_email]", "a@b", "billing_email is not a valid address"),
            ("profile_data[billing_firstname]", " ", "billing_firstname can't be empty"),
            ("profile_data[client_id]", "1", "client_id mismatch"),
            ("profile_data[location]", "whmcs_com", "location mismatch"),
            ("profile_data[co_customertype]", "Alien", "co_customertype must be Individual or Company"),
            ("profile_data[ips]", "10.0.0.300", "ips contains an invalid address: 10.0.0.300"),
            ("profile_data[co_smsnum]", "call me", "co_smsnum is not a valid phone number"),
          ])
    func updateClientRefusals(field: String, value: String, detail: String) throws {
        let h = try SandboxHarness()
        let before = try h.call("get_client", [("full", "1")])
        let answer = try h.call("update_client", [("profile_data[billing_lastname]", "Changed"), (field, value)])
        #expect(answer == .object(JSONObject([("-1", .string("invalid profile data: " + detail))])))
        #expect(ResponseClassifier.failure(in: answer)?.code == .number(-1))
        #expect(try h.call("get_client", [("full", "1")]) == before)
    }

    @Test("update_client refuses an e-mail another customer uses, and an empty update")
    func emailUniqueness() throws {
        let h = try SandboxHarness()
        let taken = h.sandbox.withState { $0.customers[2].email }
        #expect(try h.call("update_client", [("profile_data[billing_email]", taken.uppercased())]) ==
            .object(JSONObject([("-1", "invalid profile data: billing_email is already in use")])))
        #expect(try h.call("update_client")["-1"]?.text == "invalid profile data: nothing to update")
    }

    @Test("reset_password: e-mail link, then token and password, then the 2FA code")
    func resetWithTwoFactor() throws {
        let h = try SandboxHarness()
        let email = try #require(try h.call("get_client")["client"]?["email"]?.text)
        #expect(failureMessage(try h.call("reset_password", [("email", "nobody@example.org")])) == "user_not_found")
        #expect(failureMessage(try h.call("reset_password", [])) == "email is required")
        let first = try h.call("reset_password", [("email", email)], token: "")
        #expect(first["message"]?.text == "Password reset link was sent to the registred email.")
        let resetToken = try #require(first["debug"]?["token"]?.text)
        #expect(first["debug"]?["hash"]?.text != nil && first["debug"]?["expire"]?.text?.hasSuffix("Z") == true)

        #expect(failureMessage(try h.call("reset_password", [("reset_token", "bad"), ("pass", "long enough pass")])) ==
            "Invalid password reset token, please try again.")
        #expect(failureMessage(try h.call("reset_password", [("reset_token", resetToken), ("pass", "short")])) ==
            "new password must be at least 8 characters")
        let second = try h.call("reset_password", [("reset_token", resetToken), ("pass", "n3w-Passw0rd")])
        #expect(second["message"]?.text == "2fa_code_required" && second["require_2fa"] == .bool(true))
        let code = try #require(second["debug"]?["code"]?.text)
        #expect(failureMessage(try h.call("reset_password", [("reset_token", resetToken), ("pass", "n3w-Passw0rd"),
                                                             ("code", code == "000000" ? "111111" : "000000")])) ==
            "Invalid two-factor authentication code")
        let third = try h.call("reset_password", [("reset_token", resetToken), ("pass", "n3w-Passw0rd"), ("code", code)])
        #expect(third["message"]?.text == "Password has been changed.")
        #expect(failureMessage(try h.call("reset_password", [("reset_token", resetToken), ("pass", "n3w-Passw0rd"), ("code", code)])) ==
            "Invalid password reset token, please try again.", "a reset token works once")
    }

    @Test("reset_password without 2FA changes the password at the token step; reset tokens expire")
    func resetWithoutTwoFactor() throws {
        let h = try SandboxHarness()
        let email = h.sandbox.withState { s -> String in
            s.customers[3].twoFactorEnabled = false
            return s.customers[3].email
        }
        let token = try #require(try h.call("reset_password", [("email", email), ("location", "whmcs_com")], token: "")["debug"]?["token"]?.text)
        #expect(try h.call("reset_password", [("reset_token", token), ("pass", "another-password")], token: "")["message"]?.text ==
            "Password has been changed.")
        let late = try #require(try h.call("reset_password", [("email", email)], token: "")["debug"]?["token"]?.text)
        h.sandbox.advanceClock(seconds: 3_601)
        #expect(failureMessage(try h.call("reset_password", [("reset_token", late), ("pass", "another-password")])) ==
            "Invalid password reset token, please try again.")
    }
}
