import Foundation

/// Turns an HTTP response into either the JSON of a success or an `APIError`, accepting every
/// success and failure shape of the reference and NOTES.md.
public enum ResponseClassifier {
    /// Classifies a response to `action`. Writes whose answer is unusable become `outcomeUnknown`:
    /// a proxy's 502 page or a cut-off body does not prove the server did nothing.
    public static func classify(_ response: HTTPResponse, action: String, isMutating: Bool) -> Result<JSONValue, APIError> {
        let prefix = ServerText.excerpt(response.body)
        guard (200..<300).contains(response.status) else {
            // 401 is an authentication answer, not a lost write: the request was rejected before it ran.
            if isMutating && response.status != 401 && response.status != 403 && response.status != 429 {
                return .failure(.outcomeUnknown(action: action, reason: "HTTP \(response.status)" + (prefix.isEmpty ? "" : ": \(prefix)")))
            }
            return .failure(.httpStatus(response.status, bodyPrefix: prefix))
        }
        let body = response.body
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            if isMutating { return .failure(.outcomeUnknown(action: action, reason: "empty response")) }
            return .failure(.unreadable(status: response.status, reason: "empty body", bodyPrefix: ""))
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(body)
        } catch {
            if isMutating { return .failure(.outcomeUnknown(action: action, reason: "unreadable response: \(error.description)")) }
            return .failure(.unreadable(status: response.status, reason: error.description, bodyPrefix: prefix))
        }
        if let failure = failure(in: json) { return .failure(failure) }
        return .success(json)
    }

    /// The failure a JSON answer describes, or nil when it is a success.
    public static func failure(in json: JSONValue) -> APIError? {
        guard case .object(let o) = json else {
            // A bare list or scalar carries no envelope; accept it as data.
            return nil
        }
        // {"code": <non-zero>, "message"|"error": ...}
        if let codeValue = o["code"], let code = apiCode(codeValue), code != .number(0) {
            let message = o.first("message", "error", "msg", "description")?.text ?? describe(o.first("message", "error"))
            return .refused(code: code, message: ServerText.sanitize(message.isEmpty ? "request failed" : message))
        }
        // {"-1": "invalid profile data: ..."}: an object whose only key is a negative number.
        if o.count == 1, let key = o.members.first?.key, let n = Int(key), n < 0 {
            let message = o.members[0].value.text ?? describe(o.members[0].value)
            return .refused(code: .number(n), message: ServerText.sanitize(message))
        }
        if let result = o["result"] {
            switch result {
            case .string(let s):
                let l = s.lowercased()
                if l == "ok" || l == "success" { return nil }
                let message = o.first("message", "error", "msg")?.text ?? s
                return .refused(code: o["code"].flatMap(apiCode), message: ServerText.sanitize(message))
            case .number(let n):
                if n == "1" || n == "0" { return nil }
                let message = o.first("message", "error")?.text ?? "result \(n)"
                return .refused(code: Int(n).map(APICode.number), message: ServerText.sanitize(message))
            case .bool(false):
                let message = o.first("message", "error")?.text ?? "request failed"
                return .refused(code: nil, message: ServerText.sanitize(message))
            default:
                return nil  // auth.php nests its answer in `result`
            }
        }
        if let err = o["error"], o["result"] == nil, o["token"] == nil, let text = err.nonEmptyText {
            return .refused(code: o["code"].flatMap(apiCode), message: ServerText.sanitize(text))
        }
        return nil
    }

    static func apiCode(_ v: JSONValue) -> APICode? {
        switch v {
        case .number(let n): return Int(n).map(APICode.number) ?? .text(n)
        case .string(let s):
            let t = s.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return nil }
            return Int(t).map(APICode.number) ?? .text(t)
        case .bool(let b): return b ? .number(1) : nil
        default: return nil
        }
    }

    private static func describe(_ v: JSONValue?) -> String {
        guard let v else { return "" }
        return JSONWriter.compact(v)
    }
}
