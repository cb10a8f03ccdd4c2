import Foundation

/// One way to pay an invoice (`getpaymentgw`). The server's `call` is a URL, an HTML button or an
/// HTML note; `text` and `links` are what is safe and useful to show.
public struct PaymentGateway: Sendable, Equatable {
    public var name: String
    /// The raw `call` value, unsanitized: never draw it; use `text` and `links`.
    public var rawCall: String
    public var text: String
    public var links: [String]

    public init(name: String, call: String) {
        self.name = ServerText.sanitize(name)
        self.rawCall = call
        let trimmed = call.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.contains("<"), trimmed.lowercased().hasPrefix("http"), !trimmed.contains(" ") {
            text = ""
            links = [ServerText.sanitize(trimmed)]
        } else {
            let r = ServerText.reduceHTML(call)
            text = r.text
            links = r.links
        }
    }

    /// `{"methods": {"name": {"call": ...}, ...}}`; also a list of `{"name":..,"call":..}`.
    public static func list(from json: JSONValue) -> [PaymentGateway] {
        let methods = json["methods"] ?? json["gateways"] ?? .null
        switch methods {
        case .object(let o):
            return o.members.map { m in
                let call = m.value["call"]?.text ?? m.value.text ?? ""
                return PaymentGateway(name: m.value.objectValue?.string("name") ?? m.key, call: call)
            }
        case .array(let a):
            return a.compactMap { v in
                guard let o = v.objectValue, let name = o.string("name", "gateway") else { return nil }
                return PaymentGateway(name: name, call: o["call"]?.text ?? "")
            }
        default: return []
        }
    }
}
