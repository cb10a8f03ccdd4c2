import Foundation
import BillingAPI

/// What the console is opened with: profile name, read-only flag, today, the download folder,
/// the billing location, the servers from the login and the key map. Injected so tests choose
/// "today" and folders.
public struct ConsoleEnvironment: Sendable, Equatable {
    public var profileName: String
    public var readOnly: Bool
    public var today: BillingDate
    public var downloadFolder: String
    public var billingLocation: String?
    public var sessionServers: [ServerRef]
    public var keyMap: KeyMap

    public init(profileName: String, readOnly: Bool = false, today: BillingDate, downloadFolder: String,
                billingLocation: String? = nil, sessionServers: [ServerRef] = [], keyMap: KeyMap = KeyMap()) {
        self.profileName = profileName
        self.readOnly = readOnly
        self.today = today
        self.downloadFolder = downloadFolder
        self.billingLocation = billingLocation
        self.sessionServers = sessionServers
        self.keyMap = keyMap
    }
}
