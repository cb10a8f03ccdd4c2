import ConsoleCore
import Testing
@testable import TerminalUI

@Suite struct WidgetTests {
    @Test func panelWithTitlesAndFocus() {
        var canvas = Canvas(width: 40, height: 5)
        let inner = Panel(title: "Клиент: Анна Кузнецова", rightTitle: "12/340", isFocused: true)
            .draw(into: &canvas, in: canvas.bounds)
        canvas.put(text: "Credit 1 234.00 RUB", row: inner.row, col: inner.col + 1)
        Snapshot.expect(canvas, named: "panel-40x5")
        #expect(inner == Rect(row: 1, col: 1, width: 38, height: 3))
        #expect(canvas.role(row: 0, col: 0) == .borderFocus)
        var small = Canvas(width: 12, height: 3)
        Panel(title: "Invoices for 請求書", rightTitle: "1/2").draw(into: &small, in: small.bounds)
        Snapshot.expect(small, named: "panel-12x3")
    }

    @Test func textInputEditsByGrapheme() {
        var input = TextInput(text: "Анна")
        input.insert("👩‍💻")
        #expect(input.characters.count == 5)
        input.deleteBackward()
        #expect(input.text == "Анна")
        input.moveToStart()
        let movedRight = input.handle(.right)
        #expect(movedRight)
        input.insert("e")
        input.insert("\u{301}")                   // joins the e before it
        #expect(input.text == "А" + "e\u{301}" + "нна")   // Latin e with a combining acute
        #expect(input.characters.count == 5)
        let cleared = input.handle(.ctrl("u"))
        #expect(cleared)
        #expect(input.isEmpty)
        let enterEdits = input.handle(.enter)
        #expect(!enterEdits)
        input.insert("pay invoice 42")
        let deletedWord = input.handle(.ctrl("w"))
        #expect(deletedWord)
        #expect(input.text == "pay invoice ")
        input.insert("a\u{1B}b")                  // control characters are refused
        #expect(input.text == "pay invoice ab")
    }

    @Test func textInputScrollsToKeepTheCursorVisible() {
        var input = TextInput(text: "invoice 請求書 1234567890")
        var canvas = Canvas(width: 20, height: 3)
        let cursorCol = input.draw(into: &canvas, row: 0, col: 0, width: 20, prompt: "/")
        #expect(cursorCol == 19)
        input.moveToStart()
        let startCol = input.draw(into: &canvas, row: 1, col: 0, width: 20, prompt: ":")
        #expect(startCol == 1)
        TextInput().draw(into: &canvas, row: 2, col: 0, width: 20, prompt: "/", placeholder: "filter invoices")
        Snapshot.expect(canvas, named: "textinput-20x3")
        #expect(canvas.role(row: 2, col: 1) == .muted)
    }

    @Test func textInputNeverSplitsAWideCharacterWhenScrolled() {
        var input = TextInput(text: "請求書請求書請求書")
        for width in 2...12 {
            var canvas = Canvas(width: width + 1, height: 1)
            let col = input.draw(into: &canvas, row: 0, col: 1, width: width)
            #expect(col <= width)
            #expect(DisplayWidth.of(canvas.text(row: 0)) == width + 1)
            input.moveLeft()
        }
    }

    @Test func statusBarKeepsWholeHintsAndTheMessage() {
        let hints = [StatusBar.Hint("a", "apply credit"), StatusBar.Hint("m", "mass pay"), StatusBar.Hint("f", "add funds"),
                     StatusBar.Hint("d", "PDF"), StatusBar.Hint("x", "cancel"), StatusBar.Hint("?", "help")]
        var canvas = Canvas(width: 80, height: 3)
        StatusBar(hints: hints).draw(into: &canvas, row: 0, col: 0, width: 80)
        StatusBar(hints: hints, message: "Payment of 15.95 USD recorded on invoice 1024", messageRole: .success)
            .draw(into: &canvas, row: 1, col: 0, width: 80)
        StatusBar(hints: hints, message: "Ошибка: сервер ответил 503, повторите позже — слишком длинное сообщение",
                  messageRole: .error).draw(into: &canvas, row: 2, col: 0, width: 40)
        Snapshot.expect(canvas, named: "statusbar-80x3")
        #expect(canvas.role(row: 0, col: 1) == .statusKey)
        #expect(canvas.role(row: 1, col: 79) == .success)
        #expect(canvas.role(row: 2, col: 39) == .error)
    }

    @Test func dialogIsCentredWithButtons() {
        var canvas = Canvas(width: 80, height: 24)
        canvas.fill(canvas.bounds, with: ".")
        let layout = Dialog(title: "Apply credit", lines: [
            "Apply 1 234.00 RUB of credit to invoice 1024 (Анна Кузнецова)?",
            "",
            Dialog.Line("Will send: action=ApplyCredit invoiceid=1024 amount=1234.00", role: .muted),
        ], buttons: ["Apply", "Cancel"], selectedButton: 1).draw(into: &canvas, in: canvas.bounds)
        Snapshot.expect(canvas, named: "dialog-80x24")
        #expect(layout.buttons.count == 2)
        #expect(canvas.role(row: layout.buttons[1].row, col: layout.buttons[1].col) == .buttonFocus)
        #expect(layout.frame.col == (80 - layout.frame.width) / 2)
    }

    @Test func dialogInASmallScreenWrapsAndCuts() {
        var canvas = Canvas(width: 30, height: 9)
        Dialog(title: "Отмена сервера", lines: [
            "Сервер 456 будет отменён в конце расчётного периода. Это действие нельзя отменить из консоли.",
        ], buttons: ["Да", "Нет"]).draw(into: &canvas, in: canvas.bounds)
        Snapshot.expect(canvas, named: "dialog-30x9")
    }

    @Test(arguments: [(20, 5), (59, 19), (80, 3), (12, 2), (5, 1), (1, 1)])
    func tooSmallNoticeFitsAnySize(_ size: (Int, Int)) {
        var canvas = Canvas(width: size.0, height: size.1)
        canvas.fill(canvas.bounds, with: "x")
        TooSmallNotice.draw(into: &canvas)
        let text = canvas.render()
        #expect(!text.contains("x "), "leftovers: \(text)")
        #expect(text.contains("60x20") || size.0 < 5 || text.contains("60x"))
        if size == (20, 5) || size == (59, 19) { Snapshot.expect(canvas, named: "toosmall-\(size.0)x\(size.1)") }
        #expect(TooSmallNotice.isTooSmall(width: size.0, height: size.1))
    }

    @Test func tooSmallBoundary() {
        #expect(!TooSmallNotice.isTooSmall(width: 60, height: 20))
        #expect(TooSmallNotice.isTooSmall(width: 59, height: 20))
        #expect(TooSmallNotice.isTooSmall(width: 60, height: 19))
    }

    @Test func spinnerCycles() {
        #expect(Spinner.frame(0, glyphs: .ascii) == "|")
        #expect(Spinner.frame(5, glyphs: .ascii) == "/")
        #expect(Spinner.frame(-1, glyphs: .ascii) == "\\")
        #expect(Spinner.frame(10, glyphs: .unicode) == "⠋")
    }
}
