import Foundation
// MARK: - Running palette commands

extension Console {
    mutating func runCommand(_ text: String) -> [Effect] {
        switch PaletteCommand.parse(text) {
        case .failure(let e):
            modal = .palette(PaletteInput(text: text, error: e.message))
            say(e.message, .error)
            return []
        case .success(let command):
            modal = nil
            switch command {
            case .invoice(let id): return openInvoice(id)
            case .server(let id): return openServer(id)
            case .cancel(let id): return startCancellation(serverID: id)
            case .due(let id): return startGenerateDue(serverID: id)
            case .status(let statuses, let overdue):
                var f = list.filter
                f.statuses = statuses
                f.overdueOnly = overdue
                list.setFilter(f)
                focus = .invoices
                return []
            case .profile(let name):
                if isWriteInFlight { say(Messages.writeInFlight, .warning); return [] }
                return [.frontEnd(.switchProfile(name))]
            case .theme(let name): return [.frontEnd(.applyTheme(name))]
            case .location(let loc): return reduceIntent(.switchBillingLocation(loc))
            case .reload: return openCustomer()
            case .quit: return [.frontEnd(.quit)]
            case .help: modal = .help; return []
            }
        }
    }
}
