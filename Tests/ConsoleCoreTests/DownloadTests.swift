import BillingAPI
@testable import ConsoleCore
import Foundation
import Testing

@Suite struct DownloadTests {
    @Test func savingNeverOverwritesAndSaysWhichNameItChose() throws {
        let folder = NSTemporaryDirectory() + "hkbill-dl-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let saver = DiskFileSaver()
        let name = DownloadName.preferred(invoiceID: 12, proforma: false)
        #expect(name == "invoice-12.pdf")
        #expect(DownloadName.preferred(invoiceID: 12, proforma: true) == "invoice-12-proforma.pdf")
        let first = try saver.save(Data("%PDF-1 a".utf8), folder: folder, preferredName: name)
        let second = try saver.save(Data("%PDF-1 b".utf8), folder: folder, preferredName: name)
        #expect(first.hasSuffix("/invoice-12.pdf"))
        #expect(second.hasSuffix("/invoice-12 (2).pdf"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data("%PDF-1 a".utf8))
    }

    @Test func downloadIsAReadThenASaveEffectWithTheResultShown() {
        var c = Console(environment: ConsoleEnvironment(profileName: "p", today: BillingDate(year: 2024, month: 1, day: 1)!,
                                                        downloadFolder: "/downloads"))
        _ = c.handle(.openInvoice(12))
        let effects = c.handle(.download(proforma: true))
        guard case .read(let r, let t)? = effects.last, r == .downloadInvoice(id: 12, proforma: true) else { Issue.record("no read"); return }
        let save = c.handle(.readFinished(r, t, .success(.pdf(Data("%PDF".utf8)))))
        #expect(save == [.saveFile(SaveFile(folder: "/downloads", preferredName: "invoice-12-proforma.pdf", data: Data("%PDF".utf8), invoiceID: 12))])
        _ = c.handle(.fileSaved(invoiceID: 12, .success("/downloads/invoice-12-proforma (2).pdf")))
        #expect(c.detail?.downloadMessage == "Saved /downloads/invoice-12-proforma (2).pdf")
        #expect(c.detail?.downloading == false)
    }
}
