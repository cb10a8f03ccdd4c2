import BillingAPI
import BillingSandbox
import Foundation
import Testing

/// The typed API client of BillingAPI reads every answer the sandbox gives, through both faces:
/// what the console will see in `--demo`.
@Suite("The typed API client against the sandbox")
struct APIClientCompatibilityTests {
    static func client(_ sandbox: Sandbox, transport: any Transport, baseURL: String = "http://127.0.0.1") -> APIClient {
        APIClient(configuration: APIConfiguration(baseURL: baseURL), transport: transport, credentials: .apiKey(sandbox.demoAPIKey),
                  sleep: { _ in })
    }

    @Test("login, reads and a payment decode into the client's models", arguments: Face.allCases)
    func roundTrip(face: Face) throws {
        let sandbox = Sandbox(configuration: SandboxConfiguration(seed: 4, clients: 3, today: SandboxHarness.today))
        var server: SandboxServer?
        let api: APIClient
        switch face {
        case .inProcess:
            api = Self.client(sandbox, transport: SandboxTransport(sandbox: sandbox))
        case .loopback:
            let s = SandboxServer(sandbox: sandbox)
            try s.start()
            server = s
            api = Self.client(sandbox, transport: SocketTransport(port: s.port), baseURL: s.baseURL)
        }
        defer { server?.stop() }
        let f = sandbox.demoFixture

        let credit = try api.getCredits()
        #expect(credit.amount.amount == sandbox.creditBalance(clientID: sandbox.demoClientID))
        #expect(api.currentSession?.servers.count == 4)

        let invoices = try api.getInvoices()
        #expect(invoices.count == 24)
        #expect(invoices.filter { $0.status == .unpaid }.count == 3)
        #expect(invoices.allSatisfy { $0.currency == .rub })

        let overdue = try api.getInvoice(id: f.overdueInvoiceID)
        #expect(overdue.serverIDs == [f.overTrafficServerID])
        #expect(overdue.customer?.email?.isEmpty == false)
        #expect(overdue.balance == overdue.total)

        let billing = try api.getBillingData(serverID: f.overTrafficServerID)
        #expect(billing.isOverTraffic && billing.billingPeriodMonths == 1 && billing.recurringAmount?.currency == .rub)
        let licensed = try api.getBillingData(serverID: f.licensedServerID)
        #expect(licensed.licenses.count == 2 && licensed.upgradePending)

        let payable = try api.getInvoice(id: f.payableInvoiceID)
        let paid = try api.applyCredit(invoiceID: f.payableInvoiceID, amount: payable.balance)
        #expect(paid.applied == payable.balance && paid.status == .paid)

        do {
            _ = try api.requestCancellation(CancellationParameters(serverID: f.overTrafficServerID, type: .endOfBillingPeriod, reason: "x"))
            Issue.record("an over-traffic server must not be cancellable")
        } catch {
            #expect(error.code == .number(-3))
        }
        _ = try api.requestCancellation(CancellationParameters(serverID: f.lapsedServerID, type: .immediate, reason: "moving"))
        let requests = try api.getCancellationRequests()
        #expect(requests.map(\.serverID) == [f.lapsedServerID] && requests.first?.type == "Immediate")
        #expect(try api.transactions(invoiceID: f.payableInvoiceID).count == 1)
        #expect(try api.downloadInvoice(id: f.paidInvoiceID).starts(with: Data("%PDF".utf8)))
        #expect(sandbox.requestCount(action: "login") == 1)
    }
}
