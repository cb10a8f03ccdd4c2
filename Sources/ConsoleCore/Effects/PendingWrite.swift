import Foundation
import BillingAPI

/// A write waiting for confirmation: the action, the exact parameters that will be sent, a summary
/// for people, and what the console must re-read afterwards. Every mutating call the console can
/// make is built as one of these and goes through the one confirm dialog.
public struct PendingWrite: Sendable, Equatable {
    public var action: Action
    public var parameters: FormParameters
    /// Lines shown in the confirm dialog ("Apply 12.50 USD of credit to invoice 1001").
    public var summary: [String]
    /// When set, the user must type exactly this text (the server id) before confirming.
    public var typedConfirmation: String?
    /// What the write touches, so its outcome can reload the right panes.
    public var purpose: WritePurpose

    /// The parameters as the confirm dialog draws them: passwords and tokens masked.
    public var displayParameters: FormParameters { parameters.masked }

    public init(action: Action, parameters: FormParameters, summary: [String], typedConfirmation: String? = nil,
                purpose: WritePurpose) {
        self.action = action
        self.parameters = parameters
        self.summary = summary
        self.typedConfirmation = typedConfirmation
        self.purpose = purpose
    }
}

/// What a write is about; decides the re-reads after it (done or outcome unknown).
public enum WritePurpose: Sendable, Equatable {
    case applyCredit(invoiceID: Int)
    case massPay(invoiceIDs: [Int])
    case addFunds
    case generateDueInvoice(serverID: Int)
    case requestCancellation(serverID: Int)
    case deleteCancellationRequest(serverID: Int)
    case subscriptionCancellation(serverID: Int)
    case updateClient
    case addContact
    case updateContact(id: Int)
    case deleteContact(id: Int)
    case resetPassword
}
