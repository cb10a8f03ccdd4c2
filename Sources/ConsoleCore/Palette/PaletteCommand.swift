import Foundation
import BillingAPI
/// A command typed in the `:` palette, parsed.
public enum PaletteCommand: Sendable, Equatable {
    case invoice(Int)
    case server(Int)
    case profile(String)
    case theme(String)
    case location(String?)
    case cancel(Int)
    /// Generate the due invoice of a server (`due 456`).
    case due(Int)
    /// Show only these statuses (`status paid refunded`, `status overdue`, `status all`).
    case status(Set<InvoiceStatus>, overdueOnly: Bool)
    case reload
    case quit
    case help

    /// The names the palette knows, for completion and the error message.
    public static let names = ["invoice", "server", "cancel", "due", "status", "profile", "theme", "location", "reload", "quit", "help"]

    /// Parses `invoice 123`, `server 456`, `profile NAME`, `theme NAME`, `reload`, `quit`...
    public static func parse(_ text: String) -> Result<PaletteCommand, PaletteError> {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let name = words.first?.lowercased() else { return .failure(PaletteError(message: Messages.emptyCommand)) }
        let args = Array(words.dropFirst())
        func id(_ what: String, _ make: (Int) -> PaletteCommand) -> Result<PaletteCommand, PaletteError> {
            guard args.count == 1, let n = Int(args[0]), n > 0 else {
                return .failure(PaletteError(message: Messages.needsID(name, what)))
            }
            return .success(make(n))
        }
        func word(_ make: (String) -> PaletteCommand) -> Result<PaletteCommand, PaletteError> {
            guard args.count == 1 else { return .failure(PaletteError(message: Messages.needsName(name))) }
            return .success(make(args[0]))
        }
        func bare(_ c: PaletteCommand) -> Result<PaletteCommand, PaletteError> {
            args.isEmpty ? .success(c) : .failure(PaletteError(message: Messages.takesNoArguments(name)))
        }
        switch name {
        case "invoice", "inv", "i": return id("invoice", PaletteCommand.invoice)
        case "server", "srv": return id("server", PaletteCommand.server)
        case "cancel": return id("server", PaletteCommand.cancel)
        case "due": return id("server", PaletteCommand.due)
        case "profile": return word(PaletteCommand.profile)
        case "theme": return word(PaletteCommand.theme)
        case "location": return args.isEmpty ? .success(.location(nil)) : word { .location($0) }
        case "status", "st": return statusFilter(args)
        case "reload": return bare(.reload)
        case "quit", "q": return bare(.quit)
        case "help": return bare(.help)
        default: return .failure(PaletteError(message: Messages.unknownPaletteCommand(name)))
        }
    }
}

extension PaletteCommand {
    /// `status` words: WHMCS's statuses (case-insensitive; `pending` for Payment Pending),
    /// `overdue` (Unpaid past due), `all` (no status filter).
    static func statusFilter(_ words: [String]) -> Result<PaletteCommand, PaletteError> {
        guard !words.isEmpty else { return .failure(PaletteError(message: Messages.statusWords)) }
        var statuses = Set<InvoiceStatus>()
        var overdue = false
        for w in words.flatMap({ $0.split(separator: ",").map { String($0).lowercased() } }) {
            switch w {
            case "all": statuses = []; overdue = false
            case "overdue": overdue = true
            case "pending", "payment-pending", "paymentpending": statuses.insert(.paymentPending)
            default:
                let s = InvoiceStatus(w)
                guard case .other = s else { statuses.insert(s); continue }
                return .failure(PaletteError(message: Messages.unknownStatus(w)))
            }
        }
        return .success(.status(statuses, overdueOnly: overdue))
    }
}

/// Why a palette line could not be run, for people.
public struct PaletteError: Error, Sendable, Equatable {
    public var message: String
}
