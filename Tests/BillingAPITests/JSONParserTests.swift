import BillingAPI
import Foundation
import Testing

@Suite("JSON reader and writer")
struct JSONParserTests {
    @Test func parsesEveryKindAndKeepsNumberText() throws {
        let v = try JSONParser.parse(#" {"a": [1, -2.50, 3e2, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\udcb3", "c": {}} "#)
        #expect(v["a"]?.arrayValue?.count == 6)
        #expect(v["a"]?.arrayValue?[1] == .number("-2.50"))
        #expect(v["b"]?.text == "x\"\\/\né💳")
        #expect(v["c"]?.objectValue?.isEmpty == true)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\":}", "01", "1.", "-", "tru", "\"abc", "{\"a\":1} x", "[\"\u{01}\"]", "nul"])
    func rejectsInvalidDocuments(_ text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test func rejectsInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Data([0x22, 0xFF, 0x22])) }
        let deep = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(deep) }
    }

    @Test func keepsKeyOrderAndRoundTrips() throws {
        let text = #"{"z":1,"a":[true,null,"Анна"],"m":{"k":29.99}}"#
        let v = try JSONParser.parse(text)
        #expect(v.objectValue?.keys == ["z", "a", "m"])
        #expect(JSONWriter.compact(v) == text)
        #expect(try JSONParser.parse(JSONWriter.pretty(v)) == v)
        #expect(JSONWriter.pretty(v).contains("\n  \"z\": 1"))
    }

    @Test func writerEscapesControlCharacters() {
        #expect(JSONWriter.compact(.string("a\u{1B}b\n")) == #""a\u001bb\n""#)
    }

    @Test func lenientScalars() throws {
        let v = try JSONParser.parse(#"{"i":"12","f":12.0,"b":"yes","n":"","x":"1.5"}"#)
        #expect(v["i"]?.int == 12)
        #expect(v["f"]?.int == 12)
        #expect(v["x"]?.int == nil)
        #expect(v["b"]?.bool == true)
        #expect(v["n"]?.nonEmptyText == nil)
    }
}
