import Foundation

/// An invoice as the list and detail views need it. Built leniently from `get_invoices`,
/// `get_invoice`, `get_related_invoices` and `generate_due_invoice`, whose field names differ.
public struct Invoice: Sendable, Equatable, Identifiable {
    public var id: Int
    public var number: String?            // invoicenum, when the billing numbers invoices separately
    public var clientID: Int?
    public var status: InvoiceStatus
    public var date: BillingDate?
    public var dueDate: BillingDate?
    public var datePaid: BillingDate?
    public var subtotal: Money?
    public var credit: Money?
    public var tax: Money?
    public var total: Money
    /// What is still to pay. `get_invoice` sends it; lists do not, so it is derived from status.
    public var balance: Money
    public var currency: Currency
    public var paymentMethod: String?
    public var billingLocation: String?
    public var items: [InvoiceItem]
    public var transactions: [Transaction]
    public var customer: InvoiceCustomer?
    public var notes: String?

    public init(id: Int, status: InvoiceStatus, total: Money, date: BillingDate? = nil, dueDate: BillingDate? = nil,
                balance: Money? = nil, items: [InvoiceItem] = []) {
        self.id = id
        self.status = status
        self.total = total
        self.currency = total.currency
        self.date = date
        self.dueDate = dueDate
        self.balance = balance ?? (status == .unpaid ? total : .zero(total.currency))
        self.items = items
        self.transactions = []
    }

    /// Unpaid with a due date before `today` (WHMCS's "Overdue" filter).
    public func isOverdue(today: BillingDate) -> Bool {
        guard status == .unpaid, let due = dueDate else { return false }
        return due < today
    }

    /// The servers this invoice bills (`relid` of its items), without duplicates.
    public var serverIDs: [Int] {
        var seen = Set<Int>()
        return items.compactMap { $0.serverID }.filter { $0 > 0 && seen.insert($0).inserted }
    }

    // MARK: - Decoding

    /// Decodes one invoice record. `currency` is used when the record does not name its own.
    /// A single pass over the members keeps decoding of 100,000-invoice lists fast.
    public init?(json: JSONValue, currency fallback: Currency) {
        guard case .object(let o) = json else { return nil }
        var id: Int?
        var statusText: String?
        var totalV: JSONValue?, balanceV: JSONValue?, subtotalV: JSONValue?, creditV: JSONValue?, taxV: JSONValue?
        var currency: Currency?
        var date: BillingDate?, due: BillingDate?, paid: BillingDate?
        var clientID: Int?, number: String?, method: String?, billing: String?, notes: String?
        var itemsV: JSONValue?, txV: JSONValue?, customerV: JSONValue?
        for m in o.members {
            guard let field = Self.fieldNames[m.key] else { continue }
            switch field {
            case .id: if id == nil { id = m.value.int }
            case .status: if statusText == nil { statusText = m.value.text }
            case .total: if totalV == nil { totalV = m.value }
            case .balance: balanceV = m.value
            case .subtotal: subtotalV = m.value
            case .credit: creditV = m.value
            case .tax: taxV = m.value
            case .currency: if let t = m.value.nonEmptyText { currency = Currency(ServerText.sanitize(t)) }
            case .date: date = BillingDate(json: m.value)
            case .dueDate: due = BillingDate(json: m.value)
            case .datePaid: paid = BillingDate(json: m.value)
            case .clientID: if clientID == nil { clientID = m.value.int }
            case .number: number = m.value.nonEmptyText.map(ServerText.sanitize)
            case .paymentMethod: method = m.value.nonEmptyText.map(ServerText.sanitize)
            case .billing: billing = m.value.nonEmptyText.map(ServerText.sanitize)
            case .notes: notes = m.value.nonEmptyText.map(ServerText.sanitizeMultiline)
            case .items: itemsV = m.value
            case .transactions: txV = m.value
            case .customer: customerV = m.value
            }
        }
        guard let id, id > 0 else { return nil }
        let cur = currency ?? fallback
        func money(_ v: JSONValue?) -> Money? { v?.decimal.map { Money($0, cur) } }
        let status = InvoiceStatus(statusText ?? "")
        let items = itemsV.map { $0.list(wrappedIn: "item").compactMap { InvoiceItem(json: $0, currency: cur) } } ?? []
        let itemsTotal = items.reduce(Decimal(0)) { $0 + $1.amount.amount }
        let total = money(totalV) ?? money(subtotalV) ?? Money(itemsTotal, cur)
        self.id = id
        self.number = number
        self.clientID = clientID
        self.status = status
        self.date = date
        self.dueDate = due
        self.datePaid = paid
        self.subtotal = money(subtotalV)
        self.credit = money(creditV)
        self.tax = money(taxV)
        self.total = total
        self.balance = money(balanceV) ?? (status == .unpaid || status == .paymentPending ? total : .zero(cur))
        self.currency = cur
        self.paymentMethod = method
        self.billingLocation = billing
        self.items = items
        self.transactions = txV.map { $0.list(wrappedIn: "transaction").compactMap { Transaction(json: $0, currency: cur) } } ?? []
        self.customer = customerV.flatMap(InvoiceCustomer.init(json:))
        self.notes = notes
    }

    private enum Field {
        case id, status, total, balance, subtotal, credit, tax, currency, date, dueDate, datePaid, clientID, number,
             paymentMethod, billing, notes, items, transactions, customer
    }

    /// Every wire name an invoice field goes by, across the actions that return invoices.
    private static let fieldNames: [String: Field] = [
        "id": .id, "invoiceid": .id, "invoice_id": .id, "inv_id": .id,
        "status": .status, "paymentstatus": .status, "invoicestatus": .status,
        "total": .total, "amount": .total, "balance": .balance, "subtotal": .subtotal, "credit": .credit, "tax": .tax,
        "currencycode": .currency, "currency": .currency, "currency_code": .currency,
        "date": .date, "duedate": .dueDate, "due_date": .dueDate, "datepaid": .datePaid, "date_paid": .datePaid,
        "userid": .clientID, "clientid": .clientID, "client_id": .clientID, "invoicenum": .number,
        "paymentmethod": .paymentMethod, "billing": .billing, "billing_location": .billing, "notes": .notes,
        "items": .items, "transactions": .transactions, "customer": .customer,
    ]

    /// Decodes a list answer: `{"invoices": {"invoice": [...]}}`, `{"invoices": [...]}`, or the
    /// empty shapes (`[]`, `""`, missing). Records without an id are skipped.
    public static func list(from json: JSONValue, currency: Currency) -> [Invoice] {
        let wrapper = json["invoices"] ?? json["data"] ?? .null
        let records = wrapper.list(wrappedIn: "invoice")
        var out: [Invoice] = []
        out.reserveCapacity(records.count)
        for r in records { if let inv = Invoice(json: r, currency: currency) { out.append(inv) } }
        return out
    }
}

/// One line of an invoice. `serverID` is WHMCS's `relid`: the service (server) the line bills.
public struct InvoiceItem: Sendable, Equatable {
    public var id: Int?
    public var type: String
    public var serverID: Int?
    public var description: String
    public var amount: Money
    public var taxed: Bool

    public init(id: Int? = nil, type: String, serverID: Int? = nil, description: String, amount: Money, taxed: Bool = false) {
        self.id = id
        self.type = type
        self.serverID = serverID
        self.description = description
        self.amount = amount
        self.taxed = taxed
    }

    public init?(json: JSONValue, currency: Currency) {
        guard let o = json.objectValue else { return nil }
        self.id = o.int("id")
        self.type = o.string("type") ?? ""
        self.serverID = o.int("relid", "server_id")
        self.description = o["description"]?.nonEmptyText.map(ServerText.sanitizeMultiline) ?? ""
        self.amount = Money(o.decimal("amount", "total") ?? 0, o.currency("currencycode", "currency") ?? currency)
        self.taxed = o.bool("taxed") ?? false
    }
}

/// The client block of `get_invoice` with `load_client_data=1`.
public struct InvoiceCustomer: Sendable, Equatable {
    public var firstName: String
    public var lastName: String
    public var companyName: String?
    public var email: String?
    public var fields: [(key: String, value: String)]

    public init?(json: JSONValue) {
        let c = json["client"] ?? json
        guard let o = c.objectValue else { return nil }
        firstName = o.string("firstname") ?? ""
        lastName = o.string("lastname") ?? ""
        companyName = o.string("companyname")
        email = o.string("email")
        fields = o.scalarFields
    }

    public var displayName: String {
        let n = [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ")
        if let c = companyName, !c.isEmpty { return n.isEmpty ? c : "\(n) (\(c))" }
        return n
    }

    public static func == (a: InvoiceCustomer, b: InvoiceCustomer) -> Bool {
        a.firstName == b.firstName && a.lastName == b.lastName && a.companyName == b.companyName && a.email == b.email
    }
}
