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
        var f = InvoiceFields()
        var itemsV: JSONValue?, txV: JSONValue?, customerV: JSONValue?
        for m in o.members {
            guard let field = Self.field(named: m.key) else { continue }
            switch field {
            case .id: if f.id == nil { f.id = m.value.int }
            case .status: if f.statusText == nil { f.statusText = m.value.text }
            case .total: if f.total == nil { f.total = m.value.decimal }
            case .balance: f.balance = m.value.decimal
            case .subtotal: f.subtotal = m.value.decimal
            case .credit: f.credit = m.value.decimal
            case .tax: f.tax = m.value.decimal
            case .currency: if let t = m.value.nonEmptyText { f.currency = Currency(ServerText.sanitize(t)) }
            case .date: f.date = BillingDate(json: m.value)
            case .dueDate: f.dueDate = BillingDate(json: m.value)
            case .datePaid: f.datePaid = BillingDate(json: m.value)
            case .clientID: if f.clientID == nil { f.clientID = m.value.int }
            case .number: f.number = m.value.nonEmptyText.map(ServerText.sanitize)
            case .paymentMethod: f.paymentMethod = m.value.nonEmptyText.map(ServerText.sanitize)
            case .billing: f.billing = m.value.nonEmptyText.map(ServerText.sanitize)
            case .notes: f.notes = m.value.nonEmptyText.map(ServerText.sanitizeMultiline)
            case .items: itemsV = m.value
            case .transactions: txV = m.value
            case .customer: customerV = m.value
            }
        }
        let cur = f.currency ?? fallback
        let items = itemsV.map { $0.list(wrappedIn: "item").compactMap { InvoiceItem(json: $0, currency: cur) } } ?? []
        self.init(fields: f, fallbackCurrency: fallback, items: items,
                  transactions: txV.map { $0.list(wrappedIn: "transaction").compactMap { Transaction(json: $0, currency: cur) } } ?? [],
                  customer: customerV.flatMap(InvoiceCustomer.init(json:)))
    }

    /// Builds an invoice from decoded fields; shared by the tree decoder and the fast list decoder.
    init?(fields f: InvoiceFields, fallbackCurrency: Currency, items: [InvoiceItem] = [], transactions: [Transaction] = [],
          customer: InvoiceCustomer? = nil) {
        guard let id = f.id, id > 0 else { return nil }
        let cur = f.currency ?? fallbackCurrency
        let status = f.status ?? InvoiceStatus(f.statusText ?? "")
        let itemsTotal = items.reduce(Decimal(0)) { $0 + $1.amount.amount }
        let total = Money(f.total ?? f.subtotal ?? itemsTotal, cur)
        self.id = id
        self.number = f.number
        self.clientID = f.clientID
        self.status = status
        self.date = f.date
        self.dueDate = f.dueDate
        self.datePaid = f.datePaid
        self.subtotal = f.subtotal.map { Money($0, cur) }
        self.credit = f.credit.map { Money($0, cur) }
        self.tax = f.tax.map { Money($0, cur) }
        self.total = total
        self.balance = f.balance.map { Money($0, cur) } ?? (status == .unpaid || status == .paymentPending ? total : .zero(cur))
        self.currency = cur
        self.paymentMethod = f.paymentMethod
        self.billingLocation = f.billing
        self.items = items
        self.transactions = transactions
        self.customer = customer
        self.notes = f.notes
    }

    enum Field {
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

    /// The names bucketed by UTF-8 length, so a lookup compares a handful of bytes instead of
    /// hashing every key of every record (a measurable share of decoding 100,000 invoices).
    private static let namesByLength: [[(bytes: [UInt8], field: Field)]] = {
        var buckets = Array(repeating: [([UInt8], Field)](), count: 24)
        for (name, field) in fieldNames where name.utf8.count < 24 { buckets[name.utf8.count].append((Array(name.utf8), field)) }
        return buckets.map { $0.map { (bytes: $0.0, field: $0.1) } }
    }()

    static func field(named key: String) -> Field? {
        var key = key
        return key.withUTF8 { field(utf8: $0) }
    }

    /// The field a member name (as UTF-8 bytes) stands for, or nil for names the console ignores.
    static func field(utf8 b: UnsafeBufferPointer<UInt8>) -> Field? {
        guard b.count > 0, b.count < namesByLength.count, let keyStart = b.baseAddress else { return nil }
        for candidate in namesByLength[b.count] {
            let same = candidate.bytes.withUnsafeBufferPointer { c in c.baseAddress.map { memcmp($0, keyStart, b.count) == 0 } ?? false }
            if same { return candidate.field }
        }
        return nil
    }

    /// Decodes a list answer: `{"invoices": {"invoice": [...]}}`, `{"invoices": [...]}`, or the
    /// empty shapes (`[]`, `""`, missing). Records without an id are skipped.
    public static func list(from json: JSONValue, currency: Currency) -> [Invoice] {
        return listFromTree(json, currency: currency)
    }

    /// Decodes a `get_invoices`-style body straight from its bytes when it has the plain shape,
    /// else through the JSON tree. Nil when the body is not a successful JSON answer at all.
    public static func list(fromBody body: Data, currency: Currency) -> [Invoice]? {
        if let fast = InvoiceListDecoder.decode(body, currency: currency) { return fast }
        guard let json = try? JSONParser.parse(body), ResponseClassifier.failure(in: json) == nil else { return nil }
        return listFromTree(json, currency: currency)
    }

    static func listFromTree(_ json: JSONValue, currency: Currency) -> [Invoice] {
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
