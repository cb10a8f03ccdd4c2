import Foundation
/// A column of the invoice list; every column can be sorted both ways.
public enum InvoiceColumn: Int, CaseIterable, Sendable, Equatable {
    case id, date, dueDate, total, status

    public var title: String {
        switch self {
        case .id: return "Invoice"
        case .date: return "Date"
        case .dueDate: return "Due"
        case .total: return "Total"
        case .status: return "Status"
        }
    }

    /// The next column when cycling with `s`.
    public var next: InvoiceColumn { InvoiceColumn(rawValue: (rawValue + 1) % InvoiceColumn.allCases.count) ?? .id }
}

/// The list's sort: a column and a direction. Ties are always broken by ascending invoice id,
/// so the order is stable and the same on every reload.
public struct InvoiceSort: Sendable, Equatable {
    public var column: InvoiceColumn
    public var ascending: Bool
    public init(column: InvoiceColumn, ascending: Bool) {
        self.column = column
        self.ascending = ascending
    }
}

/// Which invoices the list shows besides the text query. Empty `statuses` means all.
public struct InvoiceFilter: Sendable, Equatable {
    public var statuses: Set<InvoiceStatus>
    public var overdueOnly: Bool
    public var query: String

    public init(statuses: Set<InvoiceStatus> = [], overdueOnly: Bool = false, query: String = "") {
        self.statuses = statuses
        self.overdueOnly = overdueOnly
        self.query = query
    }

    public var isEmpty: Bool { statuses.isEmpty && !overdueOnly && query.isEmpty }
}

/// Sums of what the list shows, per currency, in exact decimals.
public struct InvoiceTotals: Sendable, Equatable {
    public var shown: Int
    public var unpaid: MoneyTotals
    public var overdue: MoneyTotals
    public init(shown: Int = 0, unpaid: MoneyTotals = MoneyTotals(), overdue: MoneyTotals = MoneyTotals()) {
        self.shown = shown
        self.unpaid = unpaid
        self.overdue = overdue
    }
}

import BillingAPI
