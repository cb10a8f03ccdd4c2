import Foundation
import BillingAPI

/// The whole console as one value: the panes, the panels, focus and status, and the reducer that
/// turns intents into new state plus effects. It does no I/O. The front end calls `handle` on its
/// one thread, passes the returned effects to an `EffectRunner` (and performs the `.frontEnd`
/// ones itself), and draws the state.
public struct Console: Sendable, Equatable {
    public internal(set) var environment: ConsoleEnvironment
    public internal(set) var customer = CustomerState()
    public internal(set) var list: InvoiceList
    public internal(set) var detail: InvoiceDetail?
    public internal(set) var server: ServerPanel?
    public internal(set) var focus: Pane = .invoices
    public internal(set) var modal: Modal?
    /// The confirm dialog, above any modal. Only its `.confirm` sends a write.
    public internal(set) var confirm: ConfirmDialog?
    /// True while `/` is editing the list's query.
    public internal(set) var isEditingFilter = false
    public internal(set) var status: StatusMessage?
    /// Contact cursor in the profile pane.
    public internal(set) var contactCursor = 0
    /// Effects started and not yet answered (the header's spinner).
    public internal(set) var inFlight = 0
    /// Journal entries left pending by an earlier run, to show at start.
    public internal(set) var unresolvedWrites: [String] = []

    var customerGeneration = 0
    var invoiceGeneration = 0
    var serverGeneration = 0
    var nextWriteID = 1

    public init(environment: ConsoleEnvironment) {
        self.environment = environment
        self.list = InvoiceList(today: environment.today)
        customer.sessionServers = environment.sessionServers
        if !environment.keyMap.problems.isEmpty {
            status = StatusMessage(environment.keyMap.problems.joined(separator: "; "), .warning)
        }
    }

    /// Tells the console about journal entries that never got an outcome (shown until dismissed).
    public mutating func setUnresolvedWrites(_ lines: [String]) {
        unresolvedWrites = lines
        if !lines.isEmpty { status = StatusMessage(Messages.unresolvedWrites(lines.count), .warning) }
    }

    /// True while a confirmed write waits for its answer: switching profile is refused then, so
    /// the outcome is shown on the customer it belongs to.
    public var isWriteInFlight: Bool { confirm?.isSending ?? false }

    /// Applies one intent; returns the effects to perform.
    public mutating func handle(_ intent: Intent) -> [Effect] {
        switch intent {
        case .readFinished, .writeFinished, .fileSaved: inFlight = max(0, inFlight - 1)
        default: break
        }
        let effects = reduce(intent)
        inFlight += effects.filter(\.isRunnerEffect).count
        return effects
    }

    private mutating func reduce(_ intent: Intent) -> [Effect] {
        switch intent {
        case .key(let key): return handleKey(key)
        case .setPageSize(let n): list.setPageSize(n); return []
        case .open, .reload: return openCustomer()
        case .switchBillingLocation(let loc):
            environment.billingLocation = loc
            return openCustomer()
        case .reopen(let env): return reopen(env)
        case .quit: return [.frontEnd(.quit)]
        case .moveUp: return move(-1)
        case .moveDown: return move(1)
        case .pageUp: return move(-list.pageSize)
        case .pageDown: return move(list.pageSize)
        case .moveToTop: return move(Int.min / 2)
        case .moveToBottom: return move(Int.max / 2)
        case .activate: return activate()
        case .back: return back()
        case .nextPane: cycleFocus(1); return []
        case .previousPane: cycleFocus(-1); return []
        case .focus(let p): focus = p; return []
        case .beginFilter: isEditingFilter = true; focus = .invoices; return []
        case .setQuery(let q): var f = list.filter; f.query = q; list.setFilter(f); return []
        case .toggleStatusFilter(let s):
            var f = list.filter
            if f.statuses.contains(s) { f.statuses.remove(s) } else { f.statuses.insert(s) }
            list.setFilter(f); return []
        case .toggleOverdueOnly: var f = list.filter; f.overdueOnly.toggle(); list.setFilter(f); return []
        case .clearFilter: list.setFilter(InvoiceFilter()); isEditingFilter = false; return []
        case .cycleSortColumn: list.setSort(InvoiceSort(column: list.sort.column.next, ascending: list.sort.ascending)); return []
        case .toggleSortDirection: list.setSort(InvoiceSort(column: list.sort.column, ascending: !list.sort.ascending)); return []
        case .sortBy(let s): list.setSort(s); return []
        case .toggleMark: list.toggleMark(); list.move(by: 1); return []
        case .openInvoice(let id): return openInvoice(id)
        case .openServer(let id): return openServer(id)
        case .copySelection: return copySelection()
        case .download(let proforma): return download(proforma: proforma)
        case .startApplyCredit: return startApplyCredit()
        case .startMassPay: return startMassPay()
        case .startAddFunds: return startAddFunds()
        case .startGenerateDueInvoice(let id): return startGenerateDue(serverID: id)
        case .input(let c): return input(c)
        case .deleteBackward: return deleteBackward()
        case .nextField: return moveField(1)
        case .previousField: return moveField(-1)
        case .submit: return submit()
        case .confirm: return confirmWrite()
        case .cancelConfirm: return cancelConfirm()
        case .startCancellation(let id): return startCancellation(serverID: id)
        case .wizardNext: return wizardNext()
        case .wizardBack: return wizardBack()
        case .chooseCancellationType(let t): return chooseType(t)
        case .startDeleteCancellationRequest(let id): return startDeleteRequest(serverID: id)
        case .startSubscriptionCancellation(let id, let reason): return startSubscriptionCancellation(serverID: id, reason: reason)
        case .editProfile: return startEditProfile()
        case .startAddContact: return startContactForm(id: nil)
        case .editContact(let id): return startContactForm(id: id)
        case .startDeleteContact(let id): return startDeleteContact(id: id)
        case .deleteSelectedContact: return selectedContact.map { startDeleteContact(id: $0.id) } ?? []
        case .startPasswordReset: return startPasswordReset()
        case .openPalette: modal = .palette(PaletteInput()); return []
        case .runCommand(let text): return runCommand(text)
        case .toggleHelp: modal = modal == .help ? nil : .help; return []
        case .readFinished(let request, let ticket, let result): return readFinished(request, ticket, result)
        case .writeFinished(let id, let purpose, let outcome): return writeFinished(id: id, purpose: purpose, outcome: outcome)
        case .fileSaved(let id, let result): return fileSaved(invoiceID: id, result)
        }
    }

    // MARK: - Helpers shared by the extensions

    mutating func say(_ text: String, _ kind: StatusMessage.Kind = .info) { status = StatusMessage(text, kind) }

    /// A message from the front end (clipboard, theme, profile switch) for the status line.
    public mutating func notify(_ text: String, _ kind: StatusMessage.Kind = .info) { say(text, kind) }

    /// The one gate of read-only mode: true (and a message) when writes are refused.
    mutating func refuseIfReadOnly() -> Bool {
        guard environment.readOnly else { return false }
        say(Messages.readOnlyRefused, .warning)
        return true
    }

    private mutating func cycleFocus(_ delta: Int) {
        let panes: [Pane] = detail == nil ? [.profile, .invoices] : Pane.allCases
        let i = panes.firstIndex(of: focus) ?? 0
        focus = panes[(i + delta + panes.count) % panes.count]
    }
}
