import Foundation

/// A contact to add or the new values of one to update. Empty optionals are not sent.
public struct ContactDraft: Sendable, Equatable {
    public var firstName: String
    public var lastName: String
    public var email: String
    public var phoneNumber: String?
    public var password: String?
    public var passwordConfirmation: String?

    public init(firstName: String, lastName: String = "", email: String, phoneNumber: String? = nil,
                password: String? = nil, passwordConfirmation: String? = nil) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phoneNumber = phoneNumber
        self.password = password
        self.passwordConfirmation = passwordConfirmation
    }
}

/// The fields `update_client` changes (`profile_data[...]`). Only set fields are sent.
public struct ClientProfileUpdate: Sendable, Equatable {
    public var clientID: Int
    public var location: String?
    public var email: String?
    public var firstName: String?
    public var lastName: String?
    public var smsNumber: String?
    public var ips: String?
    public var customerType: String?     // "Individual" or "Company"
    /// Further `profile_data[name]` fields, for address and custom fields.
    public var extra: [(name: String, value: String)]

    public init(clientID: Int, location: String? = nil, email: String? = nil, firstName: String? = nil,
                lastName: String? = nil, smsNumber: String? = nil, ips: String? = nil, customerType: String? = nil,
                extra: [(name: String, value: String)] = []) {
        self.clientID = clientID
        self.location = location
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.smsNumber = smsNumber
        self.ips = ips
        self.customerType = customerType
        self.extra = extra
    }

    public var formParameters: FormParameters {
        var p = FormParameters()
        p.add("profile_data[client_id]", clientID)
        p.add("profile_data[location]", ifPresent: location)
        p.add("profile_data[billing_email]", ifPresent: email)
        p.add("profile_data[billing_firstname]", ifPresent: firstName)
        p.add("profile_data[billing_lastname]", ifPresent: lastName)
        p.add("profile_data[co_smsnum]", ifPresent: smsNumber)
        p.add("profile_data[ips]", ifPresent: ips)
        p.add("profile_data[co_customertype]", ifPresent: customerType)
        for e in extra { p.add("profile_data[\(e.name)]", e.value) }
        return p
    }

    public static func == (a: ClientProfileUpdate, b: ClientProfileUpdate) -> Bool { a.formParameters == b.formParameters }
}

/// Every parameter of `request_cancellation`. Only `serverID`, `type` and `reason` are needed by the
/// console; the rest are the module's optional refund-calculation inputs, sent when set.
public struct CancellationParameters: Sendable, Equatable {
    public var serverID: Int
    public var type: CancellationType
    public var reason: String
    public var refund: Money?
    public var servicePrice: Money?
    public var refundMessage: String?
    public var refundMessageShort: String?
    public var clientID: Int?
    public var billing: String?
    public var email: String?
    public var lastInvoice: Int?
    public var previousInvoiceID: Int?
    public var relid: Int?
    public var vatMessage: String?
    public var amountBeforeTax: Decimal?
    public var deployTime: String?
    public var billTime: String?
    public var recurring: String?
    public var period: String?
    public var cbpAdjusted: String?

    public init(serverID: Int, type: CancellationType, reason: String) {
        self.serverID = serverID
        self.type = type
        self.reason = reason
    }

    /// Exactly what will be sent, in order (the review step shows this list).
    public var formParameters: FormParameters {
        var p = FormParameters()
        p.add("id", serverID)
        p.add("cancellation_type", type.rawValue)
        p.add("cancellation_reason", reason)
        if let refund { p.add("refund", refund.plainText); p.add("currency", refund.currency.code) }
        if let servicePrice { p.add("service_price", servicePrice.plainText) }
        p.add("refund_message", ifPresent: refundMessage)
        p.add("refund_message_short", ifPresent: refundMessageShort)
        p.add("clientid", ifPresent: clientID)
        p.add("billing", ifPresent: billing)
        p.add("email", ifPresent: email)
        p.add("last_invoice", ifPresent: lastInvoice)
        p.add("prev_invoice_id", ifPresent: previousInvoiceID)
        p.add("relid", ifPresent: relid)
        p.add("vat_msg", ifPresent: vatMessage)
        p.add("rec_before_tax", ifPresent: amountBeforeTax)
        p.add("d_deploy_time", ifPresent: deployTime)
        p.add("d_bill_time", ifPresent: billTime)
        p.add("d_reccuring", ifPresent: recurring)
        p.add("d_period", ifPresent: period)
        p.add("cbp_adjusted", ifPresent: cbpAdjusted)
        return p
    }
}

/// Filters of `get_cancellation_requests`; all optional.
public struct CancellationFilter: Sendable, Equatable {
    public var serverID: Int?
    public var from: BillingDate?
    public var to: BillingDate?
    public var type: String?
    public var billingStatus: String?

    public init(serverID: Int? = nil, from: BillingDate? = nil, to: BillingDate? = nil, type: String? = nil, billingStatus: String? = nil) {
        self.serverID = serverID
        self.from = from
        self.to = to
        self.type = type
        self.billingStatus = billingStatus
    }
}

/// The three steps of `reset_password`: send the e-mail link, set the password with the link's
/// token, confirm with a 2FA code when the account asks for one.
public enum PasswordResetStep: Sendable, Equatable {
    case sendLink(email: String, location: String?)
    case setPassword(resetToken: String, newPassword: String)
    case confirm(resetToken: String, newPassword: String, code: String)
}
