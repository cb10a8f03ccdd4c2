import Foundation
/// A named command a key can be bound to. The names are what settings overrides use
/// (`"keyOverrides": {"J": "move-down"}`) and what the help screen lists.
public enum Command: String, Sendable, CaseIterable, Equatable {
    case moveUp = "move-up", moveDown = "move-down", pageUp = "page-up", pageDown = "page-down"
    case top, bottom, open, back
    case nextPane = "next-pane", previousPane = "previous-pane"
    case filter, sortColumn = "sort-column", sortDirection = "sort-direction", mark
    case help, palette, reload, quit
    case applyCredit = "apply-credit", massPay = "mass-pay", addFunds = "add-funds", download
    case cancellation, copyID = "copy-id", editProfile = "edit-profile"
    case generateDue = "generate-due"
    // Keys that act in one pane only (see `scope`).
    case unpaidOnly = "filter-unpaid", overdueOnly = "filter-overdue", downloadProforma = "download-proforma"
    case addContact = "add-contact", deleteContact = "delete-contact", resetPassword = "reset-password"

    /// The pane a command acts in; nil for everywhere. A key bound to a scoped command does
    /// nothing in other panes, so `D` can never delete a contact from the invoice list.
    public var scope: Pane? {
        switch self {
        case .unpaidOnly, .overdueOnly, .downloadProforma: return .invoices
        case .addContact, .deleteContact, .resetPassword: return .profile
        default: return nil
        }
    }

    /// One line for the help screen.
    public var summary: String { Messages.commandSummary(self) }

    /// The intent the command sends.
    public var intent: Intent {
        switch self {
        case .moveUp: return .moveUp
        case .moveDown: return .moveDown
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .top: return .moveToTop
        case .bottom: return .moveToBottom
        case .open: return .activate
        case .back: return .back
        case .nextPane: return .nextPane
        case .previousPane: return .previousPane
        case .filter: return .beginFilter
        case .sortColumn: return .cycleSortColumn
        case .sortDirection: return .toggleSortDirection
        case .mark: return .toggleMark
        case .help: return .toggleHelp
        case .palette: return .openPalette
        case .reload: return .reload
        case .quit: return .quit
        case .applyCredit: return .startApplyCredit
        case .massPay: return .startMassPay
        case .addFunds: return .startAddFunds
        case .download: return .download(proforma: false)
        case .cancellation: return .startCancellation(serverID: nil)
        case .copyID: return .copySelection
        case .editProfile: return .editProfile
        case .generateDue: return .startGenerateDueInvoice(serverID: nil)
        case .unpaidOnly: return .toggleStatusFilter(.unpaid)
        case .overdueOnly: return .toggleOverdueOnly
        case .downloadProforma: return .download(proforma: true)
        case .addContact: return .startAddContact
        case .deleteContact: return .deleteSelectedContact
        case .resetPassword: return .startPasswordReset
        }
    }
}
