@testable import BillingSandbox
import BillingAPI
import Foundation
import Testing

@Suite("Cents and SandboxDay")
struct PrimitivesTests {
    @Test("amounts read from form text exactly, rounding a third decimal half up",
          arguments: [("49.99", 4_999), ("0.1", 10), ("20", 2_000), ("-5.5", -550), ("+1.005", 101), ("1.004", 100), (" 7.25 ", 725),
                      (".5", 50), ("3.", 300)])
    func parse(text: String, value: Int64) {
        #expect(Cents(text: text)?.value == value)
    }

    @Test("anything but plain decimal text is refused", arguments: ["", "abc", "1e3", "1,000.00", "--1", "12.3.4", "NaN", "."])
    func refuse(text: String) { #expect(Cents(text: text) == nil) }

    @Test("amounts print with two decimals and convert to Decimal exactly")
    func format() {
        #expect(Cents(4_999).text == "49.99" && Cents(-5).text == "-0.05" && Cents(150_000).text == "1500.00")
        #expect(Cents(4_999).decimal == DecimalText.parse("49.99"))
        #expect(Cents(1_000).percent(21) == Cents(210) && Cents(5).percent(50) == Cents(3))
        #expect(Cents(3_100).scaled(15, over: 31) == Cents(1_500))
    }

    @Test("calendar arithmetic: text round trip, month ends, leap years")
    func days() {
        let d = SandboxDay(year: 2024, month: 1, day: 31)
        #expect(d.text == "2024-01-31" && SandboxDay(text: "2024-01-31") == d)
        #expect(d.adding(months: 1).text == "2024-02-29")
        #expect(SandboxDay(year: 2023, month: 1, day: 31).adding(months: 1).text == "2023-02-28")
        #expect(d.adding(months: -2).text == "2023-11-30")
        #expect(d.adding(days: 1).text == "2024-02-01")
        #expect(SandboxDay(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(SandboxDay(year: 2000, month: 3, day: 1).days(until: SandboxDay(year: 2001, month: 3, day: 1)) == 365)
        for bad in ["2024-02-30", "0000-00-00", "2024-13-01", "24-01-01", "today"] { #expect(SandboxDay(text: bad) == nil) }
        #expect(WireAnswer.dateTime(86_400 + 3_723) == "1970-01-02 01:02:03")
        #expect(WireAnswer.isoDateTime(0) == "1970-01-01T00:00:00Z")
    }

    @Test("the byte writer matches the shared JSON writer, escapes included")
    func jsonBytes() throws {
        let value: JSONValue = ["a": "quote \" backslash \\ newline \n tab \t bell \u{07} del \u{7F} ру́сский", "n": .number("1.50"),
                                "list": [true, false, nil, ["x": []]], "empty": [:]]
        let bytes = JSONBytes.data(value)
        #expect(try JSONParser.parse(bytes) == value)
        #expect(String(decoding: bytes, as: UTF8.self) == JSONWriter.compact(value))
    }

    @Test("the pieces of directly written lists: integers, days, amounts")
    func listPieces() {
        func text(_ body: (inout [UInt8]) -> Void) -> String {
            var out: [UInt8] = []
            body(&out)
            return String(decoding: out, as: UTF8.self)
        }
        #expect(text { JSONBytes.int(0, into: &$0) } == "0")
        #expect(text { JSONBytes.int(-1_234_567, into: &$0) } == "-1234567")
        #expect(text { JSONBytes.int(Int.max, into: &$0) } == String(Int.max))
        #expect(text { JSONBytes.day(SandboxDay(year: 987, month: 3, day: 4), into: &$0) } == "\"0987-03-04\"")
        #expect(text { JSONBytes.day(SandboxDay(year: 12_345, month: 12, day: 31), quoted: false, into: &$0) } == "12345-12-31")
        #expect(text { JSONBytes.cents(Cents(-5), quoted: true, into: &$0) } == "\"-0.05\"")
        #expect(text { JSONBytes.cents(Cents(123_456), quoted: false, into: &$0) } == "1234.56")
        for t in [0, 59, 86_399, 1_741_996_800 + 45_296, 4_102_444_799] {
            #expect(text { JSONBytes.isoDateTime(t, into: &$0) } == "\"" + WireAnswer.isoDateTime(t) + "\"")
        }
        #expect(text { JSONBytes.key("a", first: true, into: &$0); JSONBytes.key("b", into: &$0) } == "\"a\":,\"b\":")
    }
}
