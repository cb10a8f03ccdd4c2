import ConsoleCore

/// Where everything goes at one terminal size: the header row, the status line at the bottom
/// and the panes between. Wide terminals (>= 120 columns) put profile, list and detail side by
/// side; narrower ones show the focused pane over the whole body (Tab switches). The list's
/// height never depends on focus, so its page size only changes when the terminal does.
public struct ConsoleLayout: Sendable, Equatable {
    /// How the panes share the screen.
    public enum Mode: Sendable, Equatable { case tooSmall, narrow, wide }

    public static let wideWidth = 120

    public var mode: Mode
    public var header: Rect
    public var status: Rect
    /// Everything between header and status line; modals centre in it.
    public var body: Rect
    public var profile: Rect?
    public var list: Rect?
    public var detail: Rect?
    public var server: Rect?

    /// The layout of `console` at `width` x `height`.
    public init(width: Int, height: Int, console: Console) {
        let screen = Rect(row: 0, col: 0, width: width, height: height)
        header = Rect(row: 0, col: 0, width: width, height: min(1, height))
        status = Rect(row: max(0, height - 1), col: 0, width: width, height: min(1, height))
        body = Rect(row: 1, col: 0, width: width, height: max(0, height - 2))
        if TooSmallNotice.isTooSmall(width: width, height: height) {
            mode = .tooSmall
            body = screen
            return
        }
        if width >= Self.wideWidth {
            mode = .wide
            layOutWide(console)
        } else {
            mode = .narrow
            layOutNarrow(console)
        }
    }

    /// Data rows of the invoice table in a list pane of this size: frame, table header, table
    /// footer and the totals line take the rest.
    public static func listRows(height: Int) -> Int {
        let body = max(0, height - 2)
        return max(1, body - 2 - 3)
    }

    private mutating func layOutWide(_ console: Console) {
        let profileWidth = min(56, max(34, body.width * 28 / 100))
        let (left, rest) = body.splitLeft(profileWidth)
        profile = left
        let hasRight = console.detail != nil || console.server != nil
        guard hasRight else { list = rest; return }
        let rightWidth = min(70, max(38, body.width * 3 / 10))
        let (middle, right) = rest.splitLeft(rest.width - rightWidth)
        list = middle
        splitRight(right, console)
    }

    /// Detail above, server below (or either alone) in one column.
    private mutating func splitRight(_ rect: Rect, _ console: Console) {
        switch (console.detail != nil, console.server != nil) {
        case (true, true):
            let (top, bottom) = rect.splitTop(rect.height - max(10, rect.height * 2 / 5))
            detail = top
            server = bottom
        case (true, false): detail = rect
        case (false, true): server = rect
        case (false, false): break
        }
    }

    private mutating func layOutNarrow(_ console: Console) {
        switch console.focus {
        case .profile:
            if console.server != nil && body.height >= 24 {
                let (top, bottom) = body.splitTop(body.height / 2)
                profile = top
                server = bottom
            } else {
                profile = body
            }
        case .detail where console.detail != nil:
            if console.server != nil && body.height >= 30 {
                splitRight(body, console)
            } else {
                detail = body
            }
        case .detail, .invoices:
            list = body
        }
    }
}
