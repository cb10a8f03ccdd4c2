import BillingAPI
import Foundation
import Testing

@Suite("Form encoding")
struct FormParametersTests {
    @Test func plainFieldsAreEncodedInOrder() {
        var p = FormParameters()
        p.add("action", "get_invoice")
        p.add("invoice_id", 123)
        p.add("load_client_data", 1)
        #expect(p.encoded == "action=get_invoice&invoice_id=123&load_client_data=1")
    }

    @Test func bracketNamesArePreservedThroughEncoding() {
        var p = FormParameters()
        p.add("profile_data[firstname]", "Анна")
        p.add("params[contact_id]", 7)
        let decoded = FormParameters.decode(p.encoded)
        #expect(decoded.names == ["profile_data[firstname]", "params[contact_id]"])
        #expect(decoded["profile_data[firstname]"] == "Анна")
        #expect(p.encoded.hasPrefix("profile_data%5Bfirstname%5D=%D0%90"))
    }

    @Test func arraysRepeatTheBracketName() {
        var p = FormParameters()
        p.add(array: "invoices", [12345, 67890])
        #expect(p.encoded == "invoices%5B%5D=12345&invoices%5B%5D=67890")
        #expect(FormParameters.decode(p.encoded).values("invoices[]") == ["12345", "67890"])
    }

    @Test func booleansAreOneOrZero() {
        var p = FormParameters()
        p.add("full", true)
        p.add("subscribe", false)
        #expect(p.encoded == "full=1&subscribe=0")
    }

    @Test func moneyAndDecimalsAreExactText() {
        var p = FormParameters()
        p.add("amount", Money(DecimalText.parse("29.99")!, .usd))
        p.add("refund", DecimalText.parse("0.10")! + DecimalText.parse("0.20")!)
        p.add("whole", Money(50, .usd))
        #expect(p.encoded == "amount=29.99&refund=0.3&whole=50.00")
    }

    @Test func specialCharactersAndSpacesRoundTrip() {
        var p = FormParameters()
        let reason = "Переезд & смена ДЦ = 100% + \"кавычки\"\nвторая строка"
        p.add("cancellation_reason", reason)
        p.add("email", "a+b@example.com")
        let d = FormParameters.decode(p.encoded)
        #expect(d["cancellation_reason"] == reason)
        #expect(d["email"] == "a+b@example.com")
        #expect(!p.encoded.contains(" "))
    }

    @Test func optionalParametersAreOmittedWhenAbsent() {
        var p = FormParameters()
        p.add("location", ifPresent: nil as String?)
        p.add("id", ifPresent: 5 as Int?)
        #expect(p.encoded == "id=5")
    }

    @Test func maskingHidesSecretsButNotOrdinaryFields() {
        var p = FormParameters()
        p.add("token", "abc")
        p.add("key", "k")
        p.add("profile_data[password1]", "p1")
        p.add("params[password2]", "p2")
        p.add("pass", "new")
        p.add("code", "123456")
        p.add("reset_token", "rt")
        p.add("invoice_id", "5")
        p.add("cancellation_reason", "no longer needed")
        let m = p.masked
        for name in ["token", "key", "profile_data[password1]", "params[password2]", "pass", "code", "reset_token"] {
            #expect(m[name] == SecretFields.mask, "\(name) must be masked")
        }
        #expect(m["invoice_id"] == "5")
        #expect(m["cancellation_reason"] == "no longer needed")
        #expect(!p.description.contains("abc"))
    }

    @Test func decodingToleratesOddInput() {
        let d = FormParameters.decode("a=1&&b=&c&d=%ZZ&e=x+y")
        #expect(d["a"] == "1")
        #expect(d["b"] == "")
        #expect(d["c"] == "")
        #expect(d["d"] == "%ZZ")
        #expect(d["e"] == "x y")
    }
}
