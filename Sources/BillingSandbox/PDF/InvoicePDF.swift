import Foundation

/// Lays an invoice out on A4 pages: seller, customer, number and dates, one line per item, totals.
/// Long invoices (mass pay of many invoices) continue on further pages.
enum InvoicePDF {
    static func render(invoice: InvoiceRecord, customer: Customer, proforma: Bool) -> Data {
        var layout = Layout()
        layout.text("HOSTKEY", size: 20, bold: true)
        layout.text(customer.location == .ru ? "HOSTKEY LLC, invapi.hostkey.ru" : "HOSTKEY B.V., invapi.hostkey.com", size: 9)
        layout.gap(10)
        layout.text((proforma ? "PROFORMA INVOICE " : "INVOICE ") + invoice.number, size: 16, bold: true)
        layout.text("Invoice #" + String(invoice.id) + "    Status: " + invoice.status.rawValue)
        layout.text("Invoice date: " + invoice.date.text + "    Due date: " + invoice.dueDate.text
                    + (invoice.datePaid.map { "    Date paid: " + $0.text } ?? ""))
        layout.gap(8)
        layout.text("Invoiced to", bold: true)
        if !customer.companyName.isEmpty { layout.text(customer.companyName) }
        layout.text(customer.fullName)
        layout.text(customer.address + ", " + customer.city + ", " + customer.postcode + ", " + customer.countryCode)
        layout.text(customer.email)
        layout.gap(10)
        layout.columns("Description", "Amount (" + customer.currency + ")", bold: true)
        layout.rule()
        for item in invoice.items {
            // About 70 characters of 10-point Helvetica fit before the amount column.
            let description = item.description.count > 72 ? String(item.description.prefix(69)) + "..." : item.description
            layout.columns(description, item.amount.text)
        }
        layout.rule()
        layout.columns("Subtotal", invoice.subtotal.text)
        if invoice.taxPercent > 0 { layout.columns("VAT " + String(invoice.taxPercent) + "%", invoice.tax.text) }
        layout.columns("Credit applied", invoice.credit.text)
        layout.columns("Total", invoice.total.text + " " + customer.currency, bold: true)
        layout.columns("Balance due", invoice.balance.text + " " + customer.currency, bold: true)
        layout.gap(8)
        layout.text("Payment method: " + invoice.paymentMethod, size: 9)
        return PDFDocumentWriter.document(pages: layout.finished, title: "Invoice " + invoice.number)
    }

    /// A cursor moving down the page, opening a new page when the bottom margin is reached.
    private struct Layout {
        private var pages: [PDFDocumentWriter.Page] = [PDFDocumentWriter.Page()]
        private var y = PDFDocumentWriter.height - 60
        private let left = 50, amountX = 450, bottom = 60

        var finished: [PDFDocumentWriter.Page] { pages }

        mutating func text(_ s: String, size: Int = 10, bold: Bool = false) {
            advance(size + 4)
            pages[pages.count - 1].lines.append(.init(x: left, y: y, size: size, bold: bold, text: s))
        }

        mutating func columns(_ a: String, _ b: String, bold: Bool = false) {
            advance(14)
            pages[pages.count - 1].lines.append(.init(x: left, y: y, size: 10, bold: bold, text: a))
            pages[pages.count - 1].lines.append(.init(x: amountX, y: y, size: 10, bold: bold, text: b))
        }

        mutating func rule() {
            advance(6)
            pages[pages.count - 1].rules.append(.init(x1: left, x2: PDFDocumentWriter.width - left, y: y + 2))
        }

        mutating func gap(_ points: Int) { advance(points) }

        private mutating func advance(_ points: Int) {
            y -= points
            if y < bottom {
                pages.append(PDFDocumentWriter.Page())
                y = PDFDocumentWriter.height - 60 - points
            }
        }
    }
}
