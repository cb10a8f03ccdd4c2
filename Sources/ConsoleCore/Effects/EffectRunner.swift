import BillingAPI
import Foundation
import LocalStore

/// Performs the console's effects off the UI thread and feeds each outcome back as an intent.
/// Independent effects run at the same time, each on its own worker thread, because API calls
/// block: opening a customer takes about one round trip, not six.
public final class EffectRunner: @unchecked Sendable {
    private let client: APIClient
    private let journal: any WriteJournal
    private let files: any FileSaver
    private let workers = BlockingWorkers(name: "hkbill.effects")
    private let deliver: @Sendable (Intent) -> Void

    /// - Parameter deliver: called on a background thread with each outcome; the front end queues
    ///   it and wakes its loop, then calls `Console.handle` on its own thread.
    public init(client: APIClient, journal: any WriteJournal, files: any FileSaver = DiskFileSaver(),
                deliver: @escaping @Sendable (Intent) -> Void) {
        self.client = client
        self.journal = journal
        self.files = files
        self.deliver = deliver
    }

    /// Starts every runner effect in parallel; front-end effects are skipped (the caller does them).
    public func run(_ effects: [Effect]) {
        for effect in effects where effect.isRunnerEffect {
            workers.submit { [self] in
                if let intent = perform(effect) { deliver(intent) }
            }
        }
    }

    /// Performs one effect on the calling thread and returns the outcome intent.
    public func perform(_ effect: Effect) -> Intent? {
        switch effect {
        case .read(let request, let ticket):
            return .readFinished(request, ticket, Result { () throws(APIError) in try read(request) })
        case .write(let id, let pending):
            return .writeFinished(id: id, pending.purpose, write(pending))
        case .saveFile(let file):
            do {
                let path = try files.save(file.data, folder: file.folder, preferredName: file.preferredName)
                return .fileSaved(invoiceID: file.invoiceID, .success(path))
            } catch let e as SaveError {
                return .fileSaved(invoiceID: file.invoiceID, .failure(e))
            } catch {
                return .fileSaved(invoiceID: file.invoiceID, .failure(SaveError(message: "\(error)")))
            }
        case .frontEnd:
            return nil
        }
    }

    private func read(_ request: ReadRequest) throws(APIError) -> ReadResult {
        switch request {
        case .client(let location): return .client(try client.getClient(full: true, billingLocation: location))
        case .credit: return .credit(try client.getCredits())
        case .contacts: return .contacts(try client.getContacts(full: true))
        case .clientGroups(let location): return .clientGroups(try client.getClientGroups(location: location))
        case .invoices(let location):
            // The index is the costly part of a large list: build it here, not on the UI thread.
            return .invoices(InvoiceIndex(try client.getInvoices(location: location)))
        case .authInfo: return .authInfo(try client.authInfo())
        case .invoice(let id): return .invoice(try client.getInvoice(id: id, loadClientData: true))
        case .transactions(let id): return .transactions(try client.transactions(invoiceID: id))
        case .paymentGateways(let id): return .paymentGateways(try client.getPaymentGateways(invoiceID: id))
        case .downloadInvoice(let id, let proforma): return .pdf(try client.downloadInvoice(id: id, proforma: proforma))
        case .billingData(let id): return .billingData(try client.getBillingData(serverID: id))
        case .relatedInvoices(let id): return .relatedInvoices(try client.getRelatedInvoices(serverID: id))
        case .cancellationRequests(let id):
            return .cancellationRequests(try client.getCancellationRequests(CancellationFilter(serverID: id)))
        }
    }

    /// Journal pending, send exactly the confirmed parameters once, journal the outcome.
    private func write(_ pending: PendingWrite) -> WriteOutcome {
        guard pending.action.isMutating else { return .failed(.invalidRequest("not a write: \(pending.action.rawValue)")) }
        let journalID: UUID
        do {
            journalID = try journal.recordPending(action: pending.action, parameters: pending.parameters)
        } catch {
            return .notSent(reason: Messages.journalFailed("\(error)"))
        }
        let outcome: WriteOutcome
        do {
            outcome = .done(try client.send(pending.action, pending.parameters))
        } catch {
            outcome = error.isOutcomeUnknown ? .unknown(reason: error.description) : .failed(error)
        }
        let record: JournalOutcome
        switch outcome {
        case .done: record = .done(summary: pending.summary.first ?? pending.action.rawValue)
        case .failed(let e): record = .failed(message: e.message)
        case .unknown(let reason): record = .unknown(reason: reason)
        case .notSent(let reason): record = .failed(message: reason)
        }
        // The request is already sent; a failing outcome line must not turn it into a resend.
        try? journal.recordOutcome(id: journalID, outcome: record)
        return outcome
    }
}
