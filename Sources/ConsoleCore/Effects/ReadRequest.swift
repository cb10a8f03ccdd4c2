import BillingAPI

/// One read the console wants made. Reads are never journaled and may run in parallel.
public enum ReadRequest: Sendable, Equatable {
    case client(billingLocation: String?)
    case credit
    case contacts
    case clientGroups(location: String?)
    case invoices(location: String?)
    case authInfo
    case invoice(id: Int)
    case transactions(invoiceID: Int)
    case paymentGateways(invoiceID: Int)
    case downloadInvoice(id: Int, proforma: Bool)
    case billingData(serverID: Int)
    case relatedInvoices(serverID: Int)
    case cancellationRequests(serverID: Int?)
}

/// The answer to a `ReadRequest`, one case per request kind.
public enum ReadResult: Sendable, Equatable {
    case client(ClientDetails)
    case credit(CreditBalance)
    case contacts(ContactList)
    case clientGroups([ClientGroup])
    /// The customer's invoices with the list's index already built (by the runner, off the UI thread).
    case invoices(InvoiceIndex)
    case authInfo(AuthInfo)
    case invoice(Invoice)
    case transactions([Transaction])
    case paymentGateways([PaymentGateway])
    case pdf(Data)
    case billingData(BillingData)
    case relatedInvoices([Invoice])
    case cancellationRequests([CancellationRequest])
}

import Foundation
