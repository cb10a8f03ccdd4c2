import BillingAPI
import Foundation

/// Something the console wants done outside itself. Values only: the `EffectRunner` performs the
/// I/O ones; the front end performs the `FrontEndRequest` ones (quit, clipboard, theme).
public enum Effect: Sendable, Equatable {
    /// A read; its answer comes back as `Intent.readFinished`.
    case read(ReadRequest, LoadTicket)
    /// A confirmed write with its sequence number; journaled pending before it is sent, then with
    /// its outcome; the answer comes back as `Intent.writeFinished`.
    case write(id: Int, PendingWrite)
    /// Save bytes into a folder under a name that does not overwrite an existing file; the chosen
    /// path comes back as `Intent.fileSaved`.
    case saveFile(SaveFile)
    /// Done by the front end, not the runner.
    case frontEnd(FrontEndRequest)

    /// True for effects the runner performs (API calls and files).
    public var isRunnerEffect: Bool {
        if case .frontEnd = self { return false }
        return true
    }
}

/// A file to save: where, the preferred name, and the invoice it belongs to.
public struct SaveFile: Sendable, Equatable {
    public var folder: String
    public var preferredName: String
    public var data: Data
    public var invoiceID: Int

    public init(folder: String, preferredName: String, data: Data, invoiceID: Int) {
        self.folder = folder
        self.preferredName = preferredName
        self.data = data
        self.invoiceID = invoiceID
    }
}

/// Requests only the terminal front end can carry out.
public enum FrontEndRequest: Sendable, Equatable {
    case quit
    /// Put text on the clipboard (OSC 52).
    case copy(String)
    case applyTheme(String)
    /// Reopen the console on another profile (credentials and client are the front end's business).
    case switchProfile(String)
}
