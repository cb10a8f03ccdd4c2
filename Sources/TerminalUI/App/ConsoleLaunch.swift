import BillingAPI
import ConsoleCore
import Foundation

/// Everything the executable hands to the console: the first state, the client and journal to
/// run effects with, the look, and how to reconnect when the agent switches profile.
public struct ConsoleLaunch {
    /// A connection to another profile, made by the executable (it owns credentials and settings).
    public struct Connection {
        public var client: APIClient
        public var journal: any WriteJournal
        public var environment: ConsoleEnvironment
        public var profileLabel: String

        public init(client: APIClient, journal: any WriteJournal, environment: ConsoleEnvironment, profileLabel: String) {
            self.client = client
            self.journal = journal
            self.environment = environment
            self.profileLabel = profileLabel
        }
    }

    public var connection: Connection
    public var themeName: String
    public var themeDirectories: [String]
    public var processEnvironment: [String: String]
    /// Journal lines of writes a previous run left pending (the program died mid-call).
    public var unresolvedWrites: [String]
    /// Problems found in settings (key overrides, theme) to show once at start.
    public var startupWarnings: [String]
    /// Opens another profile; a failure message is shown in the status line.
    public var reconnect: (String) -> Result<Connection, ReconnectError>

    public init(connection: Connection, themeName: String, themeDirectories: [String], processEnvironment: [String: String],
                unresolvedWrites: [String] = [], startupWarnings: [String] = [],
                reconnect: @escaping (String) -> Result<Connection, ReconnectError>) {
        self.connection = connection
        self.themeName = themeName
        self.themeDirectories = themeDirectories
        self.processEnvironment = processEnvironment
        self.unresolvedWrites = unresolvedWrites
        self.startupWarnings = startupWarnings
        self.reconnect = reconnect
    }
}

/// Why switching to another profile failed, in words for the status line.
public struct ReconnectError: Error {
    public var message: String
    public init(_ message: String) { self.message = message }
}
