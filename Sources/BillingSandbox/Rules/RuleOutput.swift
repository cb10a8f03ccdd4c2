import BillingAPI

/// What a rule answers: a JSON value, or bytes it wrote itself (the long lists, see `ListEncoding`).
enum RuleOutput {
    case json(JSONValue)
    case bytes([UInt8])
}
