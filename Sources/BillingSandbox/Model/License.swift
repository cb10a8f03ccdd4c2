/// A software licence rented with a server. An active licence blocks cancelling the server.
struct License: Codable, Sendable {
    var name: String
    var active: Bool
    var monthlyPrice: Cents
}
