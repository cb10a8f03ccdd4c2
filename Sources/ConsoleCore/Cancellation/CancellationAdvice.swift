import Foundation
import BillingAPI

/// Plain-language explanations, with a way out, for the refusals of the cancellation calls.
public struct CancellationAdvice: Sendable, Equatable {
    /// Which known refusal it was.
    public enum Kind: Sendable, Equatable { case overTraffic, licenses, unpaidInvoices, alreadyRequested, other }
    public var kind: Kind
    public var message: String
    public var wayOut: String

    /// Classifies a failure of `request_cancellation` or `request_subscription_cancellation`.
    public static func explain(_ error: APIError) -> CancellationAdvice {
        let text = error.message.lowercased()
        if error.code == .number(-3) || text.contains("exceded_traffic") || text.contains("exceeded_traffic")
            || text.contains("traffic") {
            return CancellationAdvice(kind: .overTraffic, message: Messages.overTraffic, wayOut: Messages.overTrafficWayOut)
        }
        if text.contains("licen") {
            return CancellationAdvice(kind: .licenses, message: Messages.hasLicenses, wayOut: Messages.hasLicensesWayOut)
        }
        if text.contains("unpaid") || text.contains("not paid") {
            return CancellationAdvice(kind: .unpaidInvoices, message: Messages.hasUnpaid, wayOut: Messages.hasUnpaidWayOut)
        }
        if text.contains("already") || text.contains("exists") || text.contains("duplicate") {
            return CancellationAdvice(kind: .alreadyRequested, message: Messages.alreadyRequested,
                                      wayOut: Messages.alreadyRequestedWayOut)
        }
        return CancellationAdvice(kind: .other, message: ServerText.sanitize(error.message), wayOut: Messages.checkAndRetry)
    }
}
