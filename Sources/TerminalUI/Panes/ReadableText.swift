import BillingAPI

/// Messages that carry a server's words (a load failure quoting a 502 page) drawn as people read
/// them: an HTML page becomes its text, so a proxy's error page reads "502 Bad Gateway nginx"
/// instead of tags.
enum ReadableText {
    static func of(_ text: String) -> String {
        guard text.contains("<"), text.contains(">") else { return text }
        let reduced = ServerText.reduceHTML(text).text
        return reduced.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }
}
