import ConsoleCore

/// Draws the whole console from its state onto a canvas, as a pure function (same state, same
/// size, same context: same cells), and says what a mouse event means. The event loop calls
/// these three and nothing else of the panes.
public enum ConsoleRenderer {
    /// Draws everything; returns where the terminal cursor should sit (a text field being edited) or nil.
    public static func draw(_ console: Console, into canvas: inout Canvas, context: RenderContext) -> (row: Int, col: Int)? {
        let layout = ConsoleLayout(width: canvas.width, height: canvas.height, console: console)
        guard layout.mode != .tooSmall else {
            TooSmallNotice.draw(into: &canvas)
            return nil
        }
        canvas.clear()
        HeaderBar.draw(console, context: context, into: &canvas, in: layout.header)
        if let r = layout.profile { ProfilePane.draw(console, into: &canvas, in: r) }
        if let r = layout.list { InvoiceListPane.draw(console, into: &canvas, in: r) }
        if let r = layout.detail { InvoiceDetailPane.draw(console, into: &canvas, in: r) }
        if let r = layout.server { ServerPane.draw(console, into: &canvas, in: r) }
        var cursor: (row: Int, col: Int)?
        if console.isEditingFilter && console.modal == nil && console.confirm == nil {
            cursor = FilterInput.draw(console, into: &canvas, in: layout.status)
        } else {
            StatusLine.draw(console, context: context, into: &canvas, in: layout.status)
        }
        let modalArea = layout.body
        let underConfirm = console.confirm == nil
        switch console.modal {
        case .form(let form)?:
            let c = FormDialogView.draw(form, into: &canvas, in: modalArea, active: underConfirm)
            if underConfirm { cursor = c }
        case .cancellation(let wizard)?:
            let c = CancellationWizardView.draw(wizard, console: console, into: &canvas, in: modalArea, active: underConfirm)
            if underConfirm { cursor = c }
        case .palette(let input)?:
            cursor = PaletteView.draw(input, into: &canvas, in: modalArea)
        case .help?:
            HelpView.draw(console.environment.keyMap, into: &canvas, in: modalArea)
            cursor = nil
        case nil:
            break
        }
        if let confirm = console.confirm {
            // A little lower than the panel it confirms, so both stay readable.
            let area = Rect(row: modalArea.row + 2, col: modalArea.col, width: modalArea.width, height: max(0, modalArea.height - 2))
            cursor = ConfirmDialogView.draw(confirm, into: &canvas, in: area)
        }
        return cursor
    }

    /// How many invoice rows the list shows at this size (the app sends `.setPageSize` with it).
    public static func listPageSize(width: Int, height: Int, console: Console) -> Int {
        ConsoleLayout.listRows(height: height)
    }

    /// What a mouse event at this size means (click selects/focuses the pane or row under it; wheel scrolls), or [] .
    public static func intents(for mouse: MouseEvent, width: Int, height: Int, console: Console) -> [Intent] {
        ConsoleMouse.intents(for: mouse, layout: ConsoleLayout(width: width, height: height, console: console), console: console)
    }
}
