/// An invoice's status. WHMCS's seven are named; anything else is kept as it came (`other`), so a
/// new status on the server never breaks the console. "Overdue" is not a status: it is Unpaid
/// with a due date in the past (see `Invoice.isOverdue`).
public enum InvoiceStatus: Sendable, Hashable, CustomStringConvertible {
    case draft, unpaid, paid, cancelled, refunded, collections, paymentPending
    case other(String)

    public init(_ text: String) {
        // Exact spellings first: they are what the billing sends, and this runs per list row.
        switch text {
        case "Unpaid": self = .unpaid; return
        case "Paid": self = .paid; return
        case "Cancelled": self = .cancelled; return
        case "Refunded": self = .refunded; return
        case "Draft": self = .draft; return
        case "Collections": self = .collections; return
        case "Payment Pending": self = .paymentPending; return
        default: break
        }
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "draft": self = .draft
        case "unpaid": self = .unpaid
        case "paid": self = .paid
        case "cancelled", "canceled": self = .cancelled
        case "refunded": self = .refunded
        case "collections": self = .collections
        case "payment pending", "paymentpending", "payment_pending": self = .paymentPending
        default: self = .other(ServerText.sanitize(text))
        }
    }

    public var description: String {
        switch self {
        case .draft: return "Draft"
        case .unpaid: return "Unpaid"
        case .paid: return "Paid"
        case .cancelled: return "Cancelled"
        case .refunded: return "Refunded"
        case .collections: return "Collections"
        case .paymentPending: return "Payment Pending"
        case .other(let s): return s.isEmpty ? "Unknown" : s
        }
    }

    /// The named statuses, in the order a filter menu lists them.
    public static let known: [InvoiceStatus] = [.unpaid, .paid, .draft, .paymentPending, .collections, .cancelled, .refunded]
}
