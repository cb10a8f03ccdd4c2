import Foundation
import BillingAPI

/// The cancellation wizard for one server, as steps with back and forward. The server's data
/// lives in the console's `ServerPanel`; the wizard holds the user's choices.
public struct CancellationWizard: Sendable, Equatable {
    /// The steps, in order.
    public enum Step: Int, Sendable, Equatable, CaseIterable {
        case server = 1, type, reason, review, confirm, result
    }
    public var serverID: Int
    public var step: Step = .server
    public var type: CancellationType = .endOfBillingPeriod
    public var reason: String = ""
    /// Why the wizard cannot go forward from this step.
    public var error: String?
    /// The result step's text.
    public var resultMessage: String?
    public var advice: CancellationAdvice?
    /// The profile's billing location, sent as `billing` when the profile names one.
    public var billingLocation: String?

    public init(serverID: Int, billingLocation: String? = nil) {
        self.serverID = serverID
        self.billingLocation = billingLocation
    }

    /// Exactly what `request_cancellation` will send. The reference's optional refund inputs
    /// (`refund`, `currency`, `refund_message*`, `service_price`, the `d_*` tags...) are never
    /// sent: the module itself decides whether and how much to refund from the contract, and a
    /// client-side figure (our estimate) must not become the amount the billing pays back.
    public var parameters: CancellationParameters {
        var p = CancellationParameters(serverID: serverID, type: type, reason: reason.trimmingCharacters(in: .whitespaces))
        p.billing = billingLocation
        return p
    }

    /// The refund estimate for the review step, when billing data gives price, period and due date.
    public func refundEstimate(billing: BillingData?, today: BillingDate) -> Money? {
        guard let b = billing, let price = b.recurringAmount, let months = b.billingPeriodMonths, let due = b.nextDueDate
        else { return nil }
        return RefundEstimate.estimate(recurring: price, periodMonths: months, nextDue: due, today: today, type: type)
    }

    /// The write for the confirm step: typed confirmation is the server id.
    public func pendingWrite(billing: BillingData?, today: BillingDate) -> PendingWrite {
        let p = parameters
        var summary = [Messages.cancelSummary(serverID: serverID, type: type), Messages.reasonLine(p.reason)]
        if let estimate = refundEstimate(billing: billing, today: today) { summary.append(Messages.refundEstimateLine(estimate)) }
        return PendingWrite(action: .requestCancellation, parameters: p.formParameters, summary: summary,
                            typedConfirmation: String(serverID), purpose: .requestCancellation(serverID: serverID))
    }
}
