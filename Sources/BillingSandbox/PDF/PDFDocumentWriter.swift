import Foundation

/// Writes a minimal PDF 1.4 file: a catalog, a page tree, the two standard Helvetica fonts and one
/// content stream per page, with a cross-reference table of exact byte offsets. Enough for every
/// viewer; no compression, no embedded fonts.
struct PDFDocumentWriter {
    /// One line of text on a page: position in points from the bottom left, size, bold or not.
    struct TextLine {
        var x: Int
        var y: Int
        var size: Int
        var bold: Bool
        var text: String
    }

    /// A horizontal rule from `x1` to `x2` at height `y`.
    struct Rule {
        var x1: Int
        var x2: Int
        var y: Int
    }

    struct Page {
        var lines: [TextLine] = []
        var rules: [Rule] = []
    }

    static let width = 595   // A4
    static let height = 842

    /// The finished file. Object numbers: 1 catalog, 2 page tree, 3 and 4 fonts, 5 info, then a
    /// page object and its content stream for each page.
    static func document(pages: [Page], title: String) -> Data {
        var objects: [Data] = []
        let pageCount = max(pages.count, 1)
        let kids = (0..<pageCount).map { "\(6 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append(Data("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        objects.append(Data("<< /Type /Pages /Kids [\(kids)] /Count \(pageCount) >>".utf8))
        objects.append(Data("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8))
        objects.append(Data("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>".utf8))
        objects.append(Data("<< /Title \(PDFText.literal(title)) /Producer (hkbill sandbox) >>".utf8))
        for (n, page) in (pages.isEmpty ? [Page()] : pages).enumerated() {
            objects.append(Data(("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(width) \(height)] "
                + "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents \(7 + 2 * n) 0 R >>").utf8))
            let content = Data(contentStream(page).utf8)
            var stream = Data("<< /Length \(content.count) >>\nstream\n".utf8)
            stream.append(content)
            stream.append(Data("\nendstream".utf8))
            objects.append(stream)
        }

        var out = Data("%PDF-1.4\n%".utf8)
        out.append(contentsOf: [0xE2, 0xE3, 0xCF, 0xD3, 0x0A])   // marks the file as binary
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out.append(Data("\(i + 1) 0 obj\n".utf8))
            out.append(body)
            out.append(Data("\nendobj\n".utf8))
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            table += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R /Info 5 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        out.append(Data(table.utf8))
        return out
    }

    private static func contentStream(_ page: Page) -> String {
        var s = ""
        for rule in page.rules {
            s += "0.5 w \(rule.x1) \(rule.y) m \(rule.x2) \(rule.y) l S\n"
        }
        for line in page.lines {
            s += "BT /\(line.bold ? "F2" : "F1") \(line.size) Tf 1 0 0 1 \(line.x) \(line.y) Tm \(PDFText.literal(line.text)) Tj ET\n"
        }
        return s
    }
}
