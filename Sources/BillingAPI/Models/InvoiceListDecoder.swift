import Foundation

/// Decodes the plain shape of a `get_invoices` answer, `{"result":"OK", "invoices":{"invoice":[{...}]}}`
/// (or `"invoices":[...]`), straight from its bytes into `Invoice` values: no JSON tree, no String
/// for member names, dates and amounts read in place. Anything else (a failure envelope, escapes
/// in strings, nested items, odd shapes) returns nil and the caller takes the general path, so
/// this only ever speeds up answers the tree decoder would read the same way.
enum InvoiceListDecoder {
    static func decode(_ data: Data, currency: Currency) -> [Invoice]? {
        data.withUnsafeBytes { raw -> [Invoice]? in
            var c = ByteCursor(raw.bindMemory(to: UInt8.self))
            return decodeDocument(&c, currency: currency)
        }
    }

    private static func decodeDocument(_ c: inout ByteCursor, currency: Currency) -> [Invoice]? {
        guard c.consume(UInt8(ascii: "{")) else { return nil }
        var invoices: [Invoice]?
        var sawSuccess = false
        if c.consume(UInt8(ascii: "}")) { return nil }
        repeat {
            guard let key = c.plainString() else { return nil }
            guard c.consume(UInt8(ascii: ":")) else { return nil }
            if equals(key, "result") {
                guard let v = c.plainString(), equals(v, "OK") || equals(v, "ok") || equals(v, "success") else { return nil }
                sawSuccess = true
            } else if equals(key, "code") {
                guard let v = c.number(), v.count == 1, v[v.startIndex] == UInt8(ascii: "0") else { return nil }
            } else if equals(key, "invoices") {
                guard invoices == nil, let list = decodeWrapper(&c, currency: currency) else { return nil }
                invoices = list
            } else {
                guard c.skipValue() else { return nil }
            }
        } while c.consume(UInt8(ascii: ","))
        guard c.consume(UInt8(ascii: "}")), c.atEnd, sawSuccess else { return nil }
        return invoices
    }

    /// `{"invoice": [...]}` or `[...]`.
    private static func decodeWrapper(_ c: inout ByteCursor, currency: Currency) -> [Invoice]? {
        if c.peek == UInt8(ascii: "[") { return decodeArray(&c, currency: currency) }
        guard c.consume(UInt8(ascii: "{")) else { return nil }
        guard let key = c.plainString(), equals(key, "invoice"), c.consume(UInt8(ascii: ":")),
              c.peek == UInt8(ascii: "[") else { return nil }
        guard let list = decodeArray(&c, currency: currency), c.consume(UInt8(ascii: "}")) else { return nil }
        return list
    }

    private static func decodeArray(_ c: inout ByteCursor, currency: Currency) -> [Invoice]? {
        guard c.consume(UInt8(ascii: "[")) else { return nil }
        var out: [Invoice] = []
        out.reserveCapacity(c.remaining / 120)
        if c.consume(UInt8(ascii: "]")) { return out }
        var lastCurrency: (bytes: UnsafeBufferPointer<UInt8>, value: Currency)?
        repeat {
            guard let fields = decodeRecord(&c, lastCurrency: &lastCurrency) else { return nil }
            // A record without an id is skipped, as the tree decoder does.
            if let inv = Invoice(fields: fields, fallbackCurrency: currency) { out.append(inv) }
        } while c.consume(UInt8(ascii: ","))
        guard c.consume(UInt8(ascii: "]")) else { return nil }
        return out
    }

    private static func decodeRecord(_ c: inout ByteCursor,
                                     lastCurrency: inout (bytes: UnsafeBufferPointer<UInt8>, value: Currency)?) -> InvoiceFields? {
        guard c.consume(UInt8(ascii: "{")) else { return nil }
        var f = InvoiceFields()
        if c.consume(UInt8(ascii: "}")) { return f }
        repeat {
            guard let key = c.plainString(), c.consume(UInt8(ascii: ":")) else { return nil }
            guard let field = Invoice.field(utf8: key) else {
                guard c.skipValue() else { return nil }
                continue
            }
            switch field {
            case .items, .transactions, .customer:
                return nil  // nested data: the tree decoder handles it
            case .id:
                guard let v = c.scalar(), let n = integer(v) else { return nil }
                if f.id == nil { f.id = n }
            case .clientID:
                guard let v = c.scalar() else { return nil }
                if f.clientID == nil { f.clientID = integer(v) }
            case .total, .balance, .subtotal, .credit, .tax:
                guard let v = c.scalar() else { return nil }
                let d = v.isEmpty ? nil : DecimalText.parse(bytes: v)
                if !v.isEmpty && d == nil { return nil }  // let the general path judge odd amounts
                switch field {
                case .total: if f.total == nil { f.total = d }
                case .balance: f.balance = d
                case .subtotal: f.subtotal = d
                case .credit: f.credit = d
                default: f.tax = d
                }
            case .date, .dueDate, .datePaid:
                guard let v = c.scalar() else { return nil }
                let d = BillingDate.parseDigits(v).flatMap { BillingDate(year: $0.0, month: $0.1, day: $0.2) }
                if field == .date { f.date = d } else if field == .dueDate { f.dueDate = d } else { f.datePaid = d }
            case .status:
                guard let v = c.scalar() else { return nil }
                if f.status == nil && f.statusText == nil { f.status = status(v) }
            case .currency:
                guard let v = c.scalar() else { return nil }
                if let last = lastCurrency, last.bytes.count == v.count,
                   let a = last.bytes.baseAddress, let b = v.baseAddress, memcmp(a, b, v.count) == 0 {
                    f.currency = last.value
                } else if !v.isEmpty {
                    let cur = Currency(ServerText.sanitize(String(decoding: v, as: UTF8.self)))
                    f.currency = cur
                    lastCurrency = (v, cur)
                }
            case .number, .paymentMethod, .billing, .notes:
                guard let v = c.scalar() else { return nil }
                let text = v.isEmpty ? nil : String(decoding: v, as: UTF8.self)
                switch field {
                case .number: f.number = text.map(ServerText.sanitize)
                case .paymentMethod: f.paymentMethod = text.map(ServerText.sanitize)
                case .billing: f.billing = text.map(ServerText.sanitize)
                default: f.notes = text.map(ServerText.sanitizeMultiline)
                }
            }
        } while c.consume(UInt8(ascii: ","))
        guard c.consume(UInt8(ascii: "}")) else { return nil }
        return f
    }

    private static func integer(_ v: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !v.isEmpty, v.count < 19 else { return v.isEmpty ? nil : Int(String(decoding: v, as: UTF8.self)) }
        var n = 0
        for b in v {
            guard b >= 0x30 && b <= 0x39 else { return Int(String(decoding: v, as: UTF8.self)) ?? JSONValue.number(String(decoding: v, as: UTF8.self)).int }
            n = n * 10 + Int(b - 0x30)
        }
        return n
    }

    private static let statusSpellings: [(bytes: [UInt8], status: InvoiceStatus)] =
        InvoiceStatus.known.map { (Array($0.description.utf8), $0) }

    private static func status(_ v: UnsafeBufferPointer<UInt8>) -> InvoiceStatus {
        for s in statusSpellings where s.bytes.count == v.count {
            if s.bytes.withUnsafeBufferPointer({ a in zip(a, v).allSatisfy { $0 == $1 } }) { return s.status }
        }
        return InvoiceStatus(String(decoding: v, as: UTF8.self))
    }

    private static func equals(_ b: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
        guard b.count == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        for i in 0..<b.count where b[i] != p[i] { return false }
        return true
    }
}

/// A forward-only reader over JSON bytes for `InvoiceListDecoder`: skips white space itself and
/// hands out byte ranges. It refuses (returns nil/false) whatever it does not read plainly.
struct ByteCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var pos = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var remaining: Int { bytes.count - pos }
    var atEnd: Bool {
        mutating get { skipSpace(); return pos == bytes.count }
    }

    var peek: UInt8? {
        mutating get { skipSpace(); return pos < bytes.count ? bytes[pos] : nil }
    }

    @inline(__always) private mutating func skipSpace() {
        while pos < bytes.count {
            let c = bytes[pos]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            pos += 1
        }
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        skipSpace()
        guard pos < bytes.count, bytes[pos] == byte else { return false }
        pos += 1
        return true
    }

    /// The bytes of a string with no escapes and only printable ASCII (else nil).
    mutating func plainString() -> UnsafeBufferPointer<UInt8>? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = pos
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") {
                defer { pos += 1 }
                return UnsafeBufferPointer(rebasing: bytes[start..<pos])
            }
            if c == UInt8(ascii: "\\") || c < 0x20 || c >= 0x80 { return nil }
            pos += 1
        }
        return nil
    }

    /// The text of a number.
    mutating func number() -> UnsafeBufferPointer<UInt8>? {
        skipSpace()
        let start = pos
        while pos < bytes.count {
            let c = bytes[pos]
            guard (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".")
                    || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") else { break }
            pos += 1
        }
        return pos > start ? UnsafeBufferPointer(rebasing: bytes[start..<pos]) : nil
    }

    /// A plain string's bytes, a number's text, or empty for `null`; nil for anything else.
    mutating func scalar() -> UnsafeBufferPointer<UInt8>? {
        switch peek {
        case UInt8(ascii: "\"")?: return plainString()
        case UInt8(ascii: "n")?:
            guard literal("null") else { return nil }
            return UnsafeBufferPointer(rebasing: bytes[pos..<pos])
        default: return number()
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count else { return false }
        for i in 0..<n where bytes[pos + i] != word.utf8Start[i] { return false }
        pos += n
        return true
    }

    /// Skips any plain value (strings without escapes, numbers, literals, nested containers).
    mutating func skipValue() -> Bool {
        switch peek {
        case UInt8(ascii: "\"")?: return plainString() != nil
        case UInt8(ascii: "t")?: return literal("true")
        case UInt8(ascii: "f")?: return literal("false")
        case UInt8(ascii: "n")?: return literal("null")
        case UInt8(ascii: "{")?:
            pos += 1
            if consume(UInt8(ascii: "}")) { return true }
            repeat {
                guard plainString() != nil, consume(UInt8(ascii: ":")), skipValue() else { return false }
            } while consume(UInt8(ascii: ","))
            return consume(UInt8(ascii: "}"))
        case UInt8(ascii: "[")?:
            pos += 1
            if consume(UInt8(ascii: "]")) { return true }
            repeat { guard skipValue() else { return false } } while consume(UInt8(ascii: ","))
            return consume(UInt8(ascii: "]"))
        case nil: return false
        default: return number() != nil
        }
    }
}
