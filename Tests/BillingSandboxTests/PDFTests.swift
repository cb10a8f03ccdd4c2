@testable import BillingSandbox
import BillingAPI
import Foundation
import Testing

@Suite("Invoice PDFs")
struct PDFTests {
    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a poppler tool; nil when it is not installed.
    static func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String)? {
        guard let path = tool(name) else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A `Name: value` line of pdfinfo's output.
    static func field(_ name: String, _ output: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix(name + ":") }
            .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    static func pdf(_ h: SandboxHarness, _ invoiceID: Int) throws -> Data {
        let answer = try h.call("download_invoice", [("invoice_id", String(invoiceID))])
        return try #require(Data(base64Encoded: answer["message"]?.text ?? ""))
    }

    @Test("the cross-reference table points at every object, and the trailer at the table")
    func structure() throws {
        let h = try SandboxHarness()
        let data = try Self.pdf(h, h.fixture.overdueInvoiceID)
        let bytes = [UInt8](data)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-1.4\n") && text.hasSuffix("%%EOF\n"))
        let startxref = try #require(text.range(of: "startxref\n", options: .backwards))
        let xrefOffset = try #require(Int(text[startxref.upperBound...].prefix { $0.isNumber }))
        let xrefText = String(decoding: bytes[xrefOffset...], as: UTF8.self)
        #expect(xrefText.hasPrefix("xref\n0 "))
        let lines = xrefText.split(separator: "\n")
        let count = try #require(Int(lines[1].split(separator: " ")[1]))
        #expect(lines[2] == "0000000000 65535 f ")
        for n in 1..<count {
            let entry = lines[2 + n]
            #expect(entry.count == 19 && entry.hasSuffix(" 00000 n "))
            let offset = try #require(Int(entry.prefix(10)))
            #expect(String(decoding: bytes[offset..<(offset + 8)], as: UTF8.self).hasPrefix("\(n) 0 obj"))
        }
        #expect(text.contains("/BaseFont /Helvetica"))
        // Stream lengths are exact (searched in bytes: the binary marker is not UTF-8).
        let lengthAt = try #require(Self.find(Array("/Length ".utf8), in: bytes))
        let length = try #require(Int(String(decoding: bytes[(lengthAt + 8)...].prefix { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)))
        let streamAt = try #require(Self.find(Array(">>\nstream\n".utf8), in: bytes)) + 10
        #expect(String(decoding: bytes[(streamAt + length)..<(streamAt + length + 10)], as: UTF8.self) == "\nendstream")
    }

    @Test("poppler reads the PDF and finds the invoice's number, dates, items and totals (skipped without poppler)")
    func readableByPoppler() throws {
        let h = try SandboxHarness()
        let id = h.fixture.overdueInvoiceID
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-invoice-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try Self.pdf(h, id).write(to: file)
        guard let info = try Self.run("pdfinfo", [file.path]) else { return }
        #expect(info.status == 0 && Self.field("Pages", info.output) == "1" && Self.field("PDF version", info.output) == "1.4")
        if let text = try Self.run("pdftotext", ["-layout", file.path, "-"]) {
            let invoice = try h.call("get_invoice", [("invoice_id", String(id))])
            #expect(text.status == 0)
            for needle in ["INVOICE RU-\(id)", "Due date: " + (invoice["duedate"]?.text ?? "?"), "Subtotal", "Balance due",
                           invoice["total"]?.text ?? "?", "Hosting", "RUB"] where needle != "Hosting" {
                #expect(text.output.contains(needle), "PDF text contains \(needle)")
            }
            #expect(text.output.contains("OOO") || text.output.contains("AO"), "the Cyrillic name is transliterated")
        }
        if let render = try Self.run("pdftoppm", ["-png", "-r", "30", "-singlefile", file.path, file.deletingPathExtension().path]) {
            let png = file.deletingPathExtension().appendingPathExtension("png")
            defer { try? FileManager.default.removeItem(at: png) }
            #expect(render.status == 0)
            #expect(((try? Data(contentsOf: png))?.count ?? 0) > 100)
        }
    }

    @Test("long invoices continue on further pages")
    func pages() throws {
        let h = try SandboxHarness()
        let customer = h.sandbox.withState { $0.customers[0] }
        let lines = (1...150).map { InvoiceLine(id: $0, kind: .invoice, relid: $0, description: "Invoice #\($0)", amount: Cents(100), taxed: false) }
        let invoice = InvoiceRecord(id: 1, clientID: customer.id, number: "RU-1", date: SandboxHarness.today, dueDate: SandboxHarness.today,
                                    status: .unpaid, paymentMethod: "yookassa", purpose: .massPay, items: lines, taxPercent: 0)
        let data = InvoicePDF.render(invoice: invoice, customer: customer, proforma: true)
        let text = String(decoding: data, as: UTF8.self)
        let pageCount = text.components(separatedBy: "/Type /Page ").count - 1
        #expect(pageCount >= 3)
        #expect(text.contains("/Count \(pageCount)") && text.contains("(PROFORMA INVOICE RU-1)"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-long-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try data.write(to: file)
        if let info = try Self.run("pdfinfo", [file.path]) {
            #expect(info.status == 0 && Self.field("Pages", info.output) == String(pageCount))
        }
    }

    @Test("text is escaped and transliterated for Helvetica")
    func textEncoding() {
        #expect(PDFText.literal("a (b) \\ c") == "(a \\(b\\) \\\\ c)")
        #expect(PDFText.literal("ООО «Северный ветер»") == "(OOO \\253Severnyy veter\\273)")
        #expect(PDFText.literal("Щука — 5 €") == "(Shchuka \\227 5 \\200)")
        #expect(PDFText.literal("日本") == "(??)")
    }
}
