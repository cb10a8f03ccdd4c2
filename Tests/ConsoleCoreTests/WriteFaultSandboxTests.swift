import BillingAPI
import BillingSandbox
@testable import ConsoleCore
import Foundation
import LocalStore
import Testing

/// Never twice and outcome unknown, with the sandbox's fault injection on each payment and
/// cancellation write; and read-only mode.
@Suite struct WriteFaultSandboxTests {
    /// The four writes the issue names, each started from the keyboard.
    enum Write: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case applyCredit = "apply_credit", massPay = "mass_pay", addFunds = "create_addfunds"
        case requestCancellation = "request_cancellation"
        var testDescription: String { rawValue }
    }

    /// The faults: all but the 502 page happen after the sandbox applied the action.
    enum FaultKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case dropAfterRead, timeout, htmlErrorPage502, truncatedBody
        var testDescription: String { rawValue }
        var fault: Fault {
            switch self {
            case .dropAfterRead: return Fault(dropAfterRead: true)
            // SandboxTransport turns the timeout into `.timedOut` (request sent) at once, without
            // sleeping, so the client gives up exactly as its own timer would, with no waiting.
            case .timeout: return Fault(timeoutSeconds: 30)
            case .htmlErrorPage502: return Fault(htmlErrorPage: 502)
            case .truncatedBody: return Fault(truncatedBody: true)
            }
        }
        /// A proxy's 502 answers before the action runs: the write did not happen.
        var applied: Bool { self != .htmlErrorPage502 }
    }

    /// What the screen shows of the write's effect after the re-read.
    func truth(_ write: Write, _ h: SandboxHarness, listBefore: Int) -> Bool? {
        switch write {
        case .applyCredit:
            guard let status = h.console.detail?.invoice.value?.status else { return nil }
            return status == .paid
        case .massPay, .addFunds:
            return h.console.list.count == listBefore + 1
        case .requestCancellation:
            guard let requests = h.console.server?.requests.value else { return nil }
            return requests.contains { $0.serverID == h.fixture.cancellableServerID }
        }
    }

    /// Starts the write from the keyboard up to its confirm dialog, then confirms it.
    func start(_ write: Write, _ h: inout SandboxHarness) {
        switch write {
        case .applyCredit:
            h.select(invoice: h.fixture.payableInvoiceID)
            h.press(.char("a"))
            h.press(.enter)
        case .massPay:
            for id in [h.fixture.overdueInvoiceID, h.fixture.payableInvoiceID] { h.select(invoice: id); h.press(.char(" ")) }
            h.press(.char("m"))
        case .addFunds:
            h.press(.char("f"))
            h.type("30")
            h.press(.enter)
        case .requestCancellation:
            let sid = h.fixture.cancellableServerID
            h.sendAndRun(.startCancellation(serverID: sid))
            h.press(.enter)
            h.press(.enter)
            h.type("fault test")
            h.press(.enter)
            h.press(.enter)
            h.type(String(sid))
        }
        #expect(h.console.confirm?.phase == .asking)
        // Enter twice quickly: the second lands while the first is in flight.
        let first = h.send(.key(.enter))
        let second = h.send(.key(.enter))
        #expect(first.count == 1 && second.isEmpty)
        #expect(h.console.isWriteInFlight)
        h.run(first)
    }

    @Test(arguments: Write.allCases, FaultKind.allCases)
    func lostAnswerIsOutcomeUnknownJournaledOnceAndReReadNeverResent(write: Write, fault: FaultKind) throws {
        var h = SandboxHarness()
        defer { h.cleanUp() }
        h.open()
        let listBefore = h.console.list.count
        h.sandbox.faults = FaultPlan(actions: [write.rawValue: fault.fault])
        start(write, &h)

        // Exactly one request reached the sandbox, journaled before it went.
        #expect(h.sandbox.requestCount(action: write.rawValue) == 1)
        #expect(h.transport.writes.map(\.action) == [write.rawValue])
        #expect(h.transport.writes.map(\.pendingBeforeSend) == [true])
        // The journal: the pending line, then the unknown outcome for the same entry.
        let entries = h.journalEntries
        #expect(entries.map(\.action) == [write.rawValue])
        #expect(entries.map(\.state) == [.unknown])
        let lines = try String(contentsOfFile: h.journal.paths.journalFile, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains(#""state":"pending""#) == true)
        #expect(lines.last?.contains(#""state":"unknown""#) == true)
        // The screen says so, in words, and not as a failure.
        #expect(h.console.status?.text.hasPrefix("Outcome unknown") == true)
        #expect(h.console.status?.kind == .warning)
        if write == .requestCancellation {
            #expect(h.console.wizard?.step == .result)
            #expect(h.console.wizard?.resultMessage?.hasPrefix("Outcome unknown") == true)
        } else {
            guard case .outcomeUnknown(let m)? = h.console.confirm?.phase else {
                Issue.record("phase \(String(describing: h.console.confirm?.phase))"); return
            }
            #expect(m.contains("will not be sent again"))
        }
        // The re-read shows what really happened.
        #expect(truth(write, h, listBefore: listBefore) == fault.applied)
        // Pressing on never resends.
        h.sandbox.faults = .none
        h.press(.enter)
        h.press(.enter)
        h.sendAndRun(.confirm)
        #expect(h.sandbox.requestCount(action: write.rawValue) == 1)
        #expect(h.journalEntries.count == 1)
    }

    @Test func readOnlyModeSendsNothingMutatingWhateverIsPressed() {
        var h = SandboxHarness(readOnly: true)
        defer { h.cleanUp() }
        h.open()
        let f = h.fixture
        // Reads work as usual.
        #expect(h.console.list.count > 0)
        h.select(invoice: f.overdueInvoiceID)
        h.press(.char(" "))
        h.select(invoice: f.payableInvoiceID)
        h.press(.char(" "))
        let keys: [Key] = [.char("a"), .char("m"), .char("f"), .char("x"), .char("e")]
        for key in keys {
            h.press(key)
            #expect(h.console.modal == nil && h.console.confirm == nil, "\(key)")
            #expect(h.console.status?.text == Messages.readOnlyRefused, "\(key)")
        }
        h.sendAndRun(.focus(.profile))
        for key: Key in [.char("n"), .char("D"), .char("p"), .enter] {
            h.press(key)
            #expect(h.console.modal == nil && h.console.confirm == nil, "\(key)")
        }
        let intents: [Intent] = [
            .startGenerateDueInvoice(serverID: f.lapsedServerID), .startCancellation(serverID: f.cancellableServerID),
            .startDeleteCancellationRequest(serverID: f.cancellableServerID),
            .startSubscriptionCancellation(serverID: f.cancellableServerID, reason: "x"), .editProfile, .startAddContact,
            .editContact(id: 501), .startDeleteContact(id: 501), .startPasswordReset, .runCommand("cancel \(f.cancellableServerID)"),
            .submit, .confirm, .key(.enter),
        ]
        for intent in intents {
            h.sendAndRun(intent)
            #expect(h.console.modal == nil && h.console.confirm == nil, "\(intent)")
        }
        #expect(h.mutatingRequests == 0)
        #expect(h.transport.writes.isEmpty)
        #expect(h.journalEntries.isEmpty)
        #expect(h.sandbox.requestCount(action: "get_invoices") == 1)
    }
}
