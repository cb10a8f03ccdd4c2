import BillingAPI
import ConsoleCore

/// The top row: the program, the profile, the billing location, the customer and their credit on
/// the left; the read-only marker and the spinner (while calls are in flight) on the right.
enum HeaderBar {
    static func draw(_ console: Console, context: RenderContext, into canvas: inout Canvas, in rect: Rect) {
        guard rect.height > 0, rect.width > 0 else { return }
        canvas.fill(rect, style: .header)
        let row = rect.row
        // Right side first, so the left side knows where to stop.
        var right: [(String, StyleRole)] = []
        if console.inFlight > 0 {
            right.append(("\(Spinner.frame(context.spinnerTick, glyphs: canvas.glyphs)) \(console.inFlight)", .headerAccent))
        }
        if console.environment.readOnly { right.append(("READ-ONLY", .readOnly)) }
        var end = rect.endCol
        for (text, role) in right.reversed() {
            let w = DisplayWidth.of(text) + 2
            guard end - w > rect.col + rect.width / 2 else { break }
            end -= w
            canvas.putFitted(text: " " + text + " ", row: row, col: end, width: w, style: role, attributes: .bold)
        }
        var x = rect.col
        for (i, (text, role)) in segments(console, context: context).enumerated() {
            let sep = i == 0 ? " " : " \(canvas.glyphs.vertical) "
            x = canvas.put(text: sep, row: row, col: x, style: .header, limit: end - 1)
            let room = end - 1 - x
            guard room > 0 else { break }
            let shown = DisplayWidth.truncate(text, toWidth: room, ellipsis: canvas.glyphs.ellipsis)
            x = canvas.put(text: shown, row: row, col: x, style: role, attributes: i == 0 ? .bold : [], limit: end - 1)
        }
    }

    /// The left side, most important first after the program name.
    static func segments(_ console: Console, context: RenderContext) -> [(String, StyleRole)] {
        var out: [(String, StyleRole)] = [("hkbill", .headerAccent)]
        out.append((ServerText.sanitize(context.profileLabel), .header))
        let details = console.customer.details
        if let client = details.value?.client {
            out.append(("\(client.displayName) #\(client.id)", .headerAccent))
        } else if details.error != nil {
            out.append(("client not loaded", .error))
        } else if details.isLoading {
            out.append(("loading client…", .header))
        }
        if let credit = console.customer.credit.value {
            out.append(("credit " + ProfilePane.creditText(credit, console), .header))
        } else if console.customer.credit.isLoading {
            out.append(("credit …", .header))
        }
        let location = console.environment.billingLocation ?? details.value?.billingLocation
        out.append(("location " + (location ?? "default"), .header))
        return out
    }
}
