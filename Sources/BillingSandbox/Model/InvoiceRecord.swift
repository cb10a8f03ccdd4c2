/// An invoice with its lines and what has been paid on it.
///
/// Totals are fixed when the invoice is made (its lines never change afterwards), so they are
/// stored rather than summed on every read. `balance` is what is still owed:
/// `total - credit - paid`, where `credit` is credit applied and `paid` gateway payments.
struct InvoiceRecord: Codable, Sendable {
    /// WHMCS invoice statuses (NOTES.md). "Overdue" is not one: it is Unpaid past its due date.
    enum Status: String, Codable, Sendable, CaseIterable {
        case draft = "Draft"
        case unpaid = "Unpaid"
        case paid = "Paid"
        case cancelled = "Cancelled"
        case refunded = "Refunded"
        case collections = "Collections"
        case paymentPending = "Payment Pending"
    }

    /// What the invoice is for; decides what paying it does.
    enum Purpose: String, Codable, Sendable {
        case service    // renewals, licences, traffic: paying advances or clears things on servers
        case addFunds   // paying it raises the credit balance
        case massPay    // paying it pays each invoice it combines
    }

    var id: Int
    var clientID: Int
    var number: String
    var date: SandboxDay
    var dueDate: SandboxDay
    var datePaid: SandboxDay?
    var status: InvoiceRecord.Status
    var paymentMethod: String
    var purpose: Purpose
    var items: [InvoiceLine]
    var taxPercent: Int
    var subtotal: Cents
    var tax: Cents
    var total: Cents
    var credit: Cents
    var paid: Cents

    var balance: Cents { total - credit - paid }

    init(id: Int, clientID: Int, number: String, date: SandboxDay, dueDate: SandboxDay, status: InvoiceRecord.Status,
         paymentMethod: String, purpose: Purpose, items: [InvoiceLine], taxPercent: Int) {
        self.id = id
        self.clientID = clientID
        self.number = number
        self.date = date
        self.dueDate = dueDate
        self.datePaid = nil
        self.status = status
        self.paymentMethod = paymentMethod
        self.purpose = purpose
        self.items = items
        self.taxPercent = taxPercent
        var sub = Cents.zero
        var taxable = Cents.zero
        for item in items {
            sub += item.amount
            if item.taxed { taxable += item.amount }
        }
        subtotal = sub
        tax = taxable.percent(taxPercent)
        total = sub + tax
        credit = .zero
        paid = .zero
    }

    /// Unpaid with a due date before `today`.
    func isOverdue(today: SandboxDay) -> Bool { status == .unpaid && dueDate < today }

    /// Whether any line bills server `serverID`.
    func bills(server serverID: Int) -> Bool {
        items.contains { $0.relid == serverID && $0.kind != .invoice && $0.kind != .addFunds }
    }
}
