/// An API token and whose it is. `expires` is unix seconds; nil never expires (the demo token).
struct IssuedToken: Codable, Sendable {
    var clientID: Int
    var expires: Int?
    var role: String
}
