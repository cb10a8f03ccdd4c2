import Foundation

/// A server of the account as `auth.php` lists it: ints, strings or objects on the wire.
public struct ServerRef: Sendable, Equatable, Hashable {
    public var id: Int
    public var name: String?
    public init(id: Int, name: String? = nil) {
        self.id = id
        self.name = name
    }

    static func list(from json: JSONValue?) -> [ServerRef] {
        guard let json else { return [] }
        var elements = json.listElements
        // A map of id -> name/object is a third shape seen in the wild.
        if case .object(let o) = json, o["id"] == nil {
            elements = o.members.map { m in
                if case .object(var inner) = m.value { if inner["id"] == nil { inner["id"] = .string(m.key) }; return .object(inner) }
                return .object(JSONObject([("id", .string(m.key)), ("name", m.value)]))
            }
        }
        return elements.compactMap { v in
            if let id = v.int { return ServerRef(id: id) }
            guard let o = v.objectValue, let id = o.int("id", "server_id", "relid") else { return nil }
            return ServerRef(id: id, name: o.string("name", "hostname", "label"))
        }
    }
}

/// What `auth.php login` returned, from either answer shape (top level or nested in `result`).
public struct AuthSession: Sendable, Equatable {
    public var token: String
    public var role: String?
    /// Unix seconds; nil when the server did not say (then the token lives `ttl` seconds).
    public var expiresAt: Date?
    public var apiHost: String?
    public var servers: [ServerRef]

    public init(token: String, role: String? = nil, expiresAt: Date? = nil, apiHost: String? = nil, servers: [ServerRef] = []) {
        self.token = token
        self.role = role
        self.expiresAt = expiresAt
        self.apiHost = apiHost
        self.servers = servers
    }

    public init?(json: JSONValue, requestedTTL: Int, now: Date) {
        let body: JSONObject
        if let inner = json["result"]?.objectValue, inner["token"] != nil { body = inner }
        else if let o = json.objectValue { body = o } else { return nil }
        guard let token = body["token"]?.nonEmptyText else { return nil }
        self.token = token
        role = body.string("role")
        if let exp = body.int("token_expire"), exp > 0 {
            expiresAt = Date(timeIntervalSince1970: TimeInterval(exp))
        } else {
            expiresAt = now.addingTimeInterval(TimeInterval(requestedTTL))
        }
        apiHost = body.string("invapi")
        servers = ServerRef.list(from: body["servers"])
    }

    /// Never shows the token.
    public var redactedDescription: String { "AuthSession(role: \(role ?? "-"), servers: \(servers.map(\.id)))" }
}

/// `auth.php info`: what the current token may do.
public struct AuthInfo: Sendable, Equatable {
    public var role: String?
    public var permissions: [String]
    public var servers: [ServerRef]
    public var whmcsID: Int?
    public var customerID: Int?
    public var expiresAt: Date?

    public init?(json: JSONValue) {
        guard let o = (json["result"]?.objectValue ?? json.objectValue) else { return nil }
        role = o.string("role")
        permissions = (o["permissions"] ?? .null).listElements.compactMap { $0.nonEmptyText.map(ServerText.sanitize) }
        if permissions.isEmpty, let p = o["permissions"]?.objectValue { permissions = p.keys.map(ServerText.sanitize) }
        servers = ServerRef.list(from: o["servers"])
        whmcsID = o.int("whmcs_id")
        customerID = o.int("customer_id")
        expiresAt = o.int("token_expire").flatMap { $0 > 0 ? Date(timeIntervalSince1970: TimeInterval($0)) : nil }
    }
}
