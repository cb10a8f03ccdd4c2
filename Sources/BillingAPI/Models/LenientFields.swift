import Foundation

/// Lenient readers for billing records: a field may be missing, null, a number or a numeric
/// string, and several names may mean the same thing. These keep each model's `init(json:)` short.
extension JSONObject {
    public func int(_ keys: String...) -> Int? {
        for k in keys { if let v = self[k]?.int { return v } }
        return nil
    }

    /// Sanitized text of the first present key (empty strings count as absent).
    public func string(_ keys: String...) -> String? {
        for k in keys { if let v = self[k]?.nonEmptyText { return ServerText.sanitize(v) } }
        return nil
    }

    public func decimal(_ keys: String...) -> Decimal? {
        for k in keys { if let v = self[k]?.decimal { return v } }
        return nil
    }

    public func bool(_ keys: String...) -> Bool? {
        for k in keys { if let v = self[k]?.bool { return v } }
        return nil
    }

    public func date(_ keys: String...) -> BillingDate? {
        for k in keys { if let t = self[k]?.text, let d = BillingDate(text: t) { return d } }
        return nil
    }

    public func currency(_ keys: String...) -> Currency? {
        for k in keys { if let t = self[k]?.nonEmptyText { return Currency(ServerText.sanitize(t)) } }
        return nil
    }

    /// Every scalar member as sanitized text, for "show every field" views.
    public var scalarFields: [(key: String, value: String)] {
        members.compactMap { m in
            guard let t = m.value.text else { return nil }
            return (ServerText.sanitize(m.key), ServerText.sanitize(t))
        }
    }
}
