import Foundation
import BillingAPI

/// Everything that can happen to the console: a key, a user intent, or an effect's outcome.
/// The front end sends `.key` (or a specific intent); the runner sends the `...Finished` ones.
public enum Intent: Sendable, Equatable {
    // Input
    case key(Key)
    case setPageSize(Int)

    // Session
    case open
    case reload
    case switchBillingLocation(String?)
    /// The front end switched to another profile (after `FrontEndRequest.switchProfile`, with a new
    /// client and runner): everything of the previous customer is cleared and its answers still
    /// on the way are dropped.
    case reopen(ConsoleEnvironment)
    case quit

    // Navigation
    case moveUp, moveDown, pageUp, pageDown, moveToTop, moveToBottom
    case activate          // Enter: open the selected thing
    case back              // Esc: close the top panel or go back
    case nextPane, previousPane
    case focus(Pane)

    // Invoice list
    case beginFilter
    case setQuery(String)
    case toggleStatusFilter(InvoiceStatus)
    case toggleOverdueOnly
    case clearFilter
    case cycleSortColumn
    case toggleSortDirection
    case sortBy(InvoiceSort)
    case toggleMark
    case openInvoice(Int)
    case openServer(Int)
    case copySelection
    case download(proforma: Bool)

    // Payments
    case startApplyCredit
    case startMassPay
    case startAddFunds
    case startGenerateDueInvoice(serverID: Int?)

    // Forms and text fields
    case input(Character)
    case deleteBackward
    case nextField
    case previousField
    case submit

    // The one confirm path
    case confirm
    case cancelConfirm

    // Cancellation
    case startCancellation(serverID: Int?)
    case wizardNext
    case wizardBack
    case chooseCancellationType(CancellationType)
    case startDeleteCancellationRequest(serverID: Int)
    case startSubscriptionCancellation(serverID: Int, reason: String)

    // Profile
    case editProfile
    case startAddContact
    case editContact(id: Int)
    case startDeleteContact(id: Int)
    /// Delete the contact under the cursor of the profile pane (asks first).
    case deleteSelectedContact
    case startPasswordReset

    // Palette and help
    case openPalette
    case runCommand(String)
    case toggleHelp

    // Outcomes
    case readFinished(ReadRequest, LoadTicket, Result<ReadResult, APIError>)
    case writeFinished(id: Int, WritePurpose, WriteOutcome)
    case fileSaved(invoiceID: Int, Result<String, SaveError>)
}

/// The panes that take keyboard focus.
public enum Pane: String, Sendable, Equatable, CaseIterable {
    case profile, invoices, detail
}
