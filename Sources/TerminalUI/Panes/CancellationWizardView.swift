import BillingAPI
import ConsoleCore

/// The cancellation wizard as a modal: the six steps with the current one marked, then the
/// step's content (server data, the type and what it means, the reason field, the review with
/// the refund estimate and every parameter to be sent, the typed confirmation underneath the
/// confirm dialog, the result with advice) and the keys that go back and forward.
enum CancellationWizardView {
    static let stepNames = ["Server", "Type", "Reason", "Review", "Confirm", "Result"]

    static func draw(_ wizard: CancellationWizard, console: Console, into canvas: inout Canvas,
                     in bounds: Rect, active: Bool) -> (row: Int, col: Int)? {
        var lines: [ModalLine] = [steps(wizard)]
        lines.append(.blank)
        let hints: String
        switch wizard.step {
        case .server:
            serverLines(wizard, console: console, into: &lines)
            hints = "Enter next  d delete open request  b bank subscription  Esc close"
        case .type:
            typeLines(wizard, into: &lines)
            hints = "0/1 or arrows choose  Enter next  Esc back"
        case .reason:
            lines.append(ModalLine("Why is the server cancelled? (required, sent as the reason)", .dialog))
            lines.append(ModalLine(runs: [("Reason ", .label), (wizard.reason, .input)], hasCursor: active, fill: .input))
            hints = "type the reason  Enter next  Esc back"
        case .review, .confirm:
            reviewLines(wizard, console: console, into: &lines)
            hints = wizard.step == .review ? "Enter confirm (type the server id)  Esc back" : "type the server id in the confirm dialog"
        case .result:
            resultLines(wizard, into: &lines)
            hints = "Enter or Esc: close"
        }
        if let error = wizard.error {
            lines.append(.blank)
            lines.append(ModalLine(error, .error))
        }
        let title = "Cancel server #\(wizard.serverID): step \(wizard.step.rawValue) of 6, \(stepNames[wizard.step.rawValue - 1])"
        return ModalSheet(title: title, lines: lines, hints: hints, maxWidth: 84).draw(into: &canvas, in: bounds)
    }

    /// `1 Server › 2 Type › ...` with the current step in the focus colour.
    private static func steps(_ wizard: CancellationWizard) -> ModalLine {
        var runs: [(text: String, role: StyleRole)] = []
        for (i, name) in stepNames.enumerated() {
            if i > 0 { runs.append((" › ", .muted)) }
            let n = i + 1
            let role: StyleRole = n == wizard.step.rawValue ? .buttonFocus : (n < wizard.step.rawValue ? .value : .muted)
            runs.append(("\(n) \(name)", role))
        }
        return ModalLine(runs: runs)
    }

    private static func serverLines(_ wizard: CancellationWizard, console: Console, into lines: inout [ModalLine]) {
        guard let server = console.server, server.serverID == wizard.serverID else {
            lines.append(ModalLine("Loading server \(wizard.serverID)…", .muted))
            return
        }
        // The server pane's own drawing, rendered into a scratch canvas and copied as lines, would
        // lose roles; these few facts are listed again instead.
        if let b = server.billingData.value {
            if let price = b.recurringAmount {
                lines.append(.field("Price", price.formatted + (b.billingPeriodMonths.map { " / \($0) mo" } ?? ""), labelWidth: 12, role: .money))
            }
            if let due = b.nextDueDate { lines.append(.field("Next due", due.description, labelWidth: 12)) }
            if let loc = b.location { lines.append(.field("Location", loc, labelWidth: 12)) }
            if let status = b.status { lines.append(.field("Status", status, labelWidth: 12)) }
            if b.isOverTraffic { lines.append(ModalLine("Over its traffic: the cancellation will be refused until the overage is paid.", .warning)) }
            if !b.licenses.isEmpty { lines.append(.field("Licenses", b.licenses.joined(separator: ", "), labelWidth: 12, role: .warning)) }
            if b.hasSubscription { lines.append(.field("Subscription", "bank subscription (b cancels it)", labelWidth: 12)) }
        } else if let error = server.billingData.error {
            lines.append(ModalLine(error, .error))
        } else {
            lines.append(ModalLine("Loading billing data…", .muted))
        }
        if let open = server.openRequest {
            lines.append(ModalLine("Open request: \(open.type), filed \(open.createdDay?.description ?? open.created ?? "-")", .warning))
        } else if server.requests.value != nil {
            lines.append(ModalLine("No open cancellation request.", .muted))
        }
        if let invoices = server.relatedInvoices.value {
            let unpaid = invoices.filter { $0.status == .unpaid }
            lines.append(ModalLine("Related invoices: \(invoices.count), unpaid: \(unpaid.map { String($0.id) }.joined(separator: ", ").ifEmpty("none"))", .dialog))
        }
    }

    private static func typeLines(_ wizard: CancellationWizard, into lines: inout [ModalLine]) {
        for type in CancellationType.allCases {
            let chosen = type == wizard.type
            lines.append(ModalLine(runs: [((chosen ? "(•) " : "( ) ") + "\(type.title) (\(type.rawValue))", chosen ? .buttonFocus : .dialog)]))
            let explained = type == .immediate ? Messages.immediateExplained : Messages.endOfPeriodExplained
            lines.append(ModalLine("    " + explained, .muted))
        }
    }

    private static func reviewLines(_ wizard: CancellationWizard, console: Console, into lines: inout [ModalLine]) {
        let billing = console.server?.serverID == wizard.serverID ? console.server?.billingData.value : nil
        lines.append(.field("Type", "\(wizard.type.title) (\(wizard.type.rawValue))", labelWidth: 16))
        lines.append(.field("Reason", wizard.reason, labelWidth: 16))
        if let estimate = wizard.refundEstimate(billing: billing, today: console.environment.today) {
            lines.append(.field("Refund estimate", estimate.formatted + " (an estimate)", labelWidth: 16, role: .money))
            lines.append(ModalLine(String(repeating: " ", count: 17) + "The billing computes the real refund from the contract.", .muted))
        } else {
            lines.append(.field("Refund estimate", "none shown (no price, period or due date known)", labelWidth: 16, role: .muted))
        }
        lines.append(.blank)
        lines.append(ModalLine("Will send:", .label))
        let params = wizard.parameters.formParameters.masked.fields
        let width = min(26, max(16, (params.map { DisplayWidth.of($0.name) }.max() ?? 0) + 2))
        lines.append(.field("action", Action.requestCancellation.rawValue, labelWidth: width, role: .value))
        for p in params { lines.append(.field("  " + p.name, p.value, labelWidth: width, role: .value)) }
    }

    private static func resultLines(_ wizard: CancellationWizard, into lines: inout [ModalLine]) {
        let failed = wizard.advice != nil
        lines.append(ModalLine(wizard.resultMessage ?? "No result yet.", failed ? .error : .success))
        if let advice = wizard.advice {
            lines.append(.blank)
            if advice.message != wizard.resultMessage { lines.append(ModalLine(advice.message, .warning)) }
            lines.append(ModalLine("Way out: " + advice.wayOut, .dialog))
        }
    }
}

private extension String {
    func ifEmpty(_ other: String) -> String { isEmpty ? other : self }
}
