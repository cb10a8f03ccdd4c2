/// A ticket asking to end a server's bank subscription (HOSTKEY files it in JIRA). One open ticket
/// per server.
struct SubscriptionTicket: Codable, Sendable {
    var id: Int
    var key: String
    var serverID: Int
    var clientID: Int
    var created: Int
    var reason: String
    var cancellationType: String
    var open: Bool
}
