import Testing
@testable import TerminalUI

@Suite struct TableViewTests {
    @Test func snapshot80x24() {
        var canvas = Canvas(width: 80, height: 24)
        SampleInvoices.table(rowCount: 30, selected: 3, marked: [1, 4], caption: "/unpaid  3 marked")
            .draw(into: &canvas, in: canvas.bounds)
        Snapshot.expect(canvas, named: "table-80x24")
        #expect(canvas.role(row: 4, col: 10) == .selection)       // header + rows 0...3
        #expect(canvas.character(row: 2, col: 0) == "●")
        #expect(canvas.role(row: 2, col: 0) == .marked)
    }

    @Test func snapshot120x40WithScrollPosition() {
        var canvas = Canvas(width: 120, height: 40)
        SampleInvoices.table(rowCount: 100_000, selected: 119, offset: 100, sort: TableSort(column: 4, ascending: true))
            .draw(into: &canvas, in: canvas.bounds)
        Snapshot.expect(canvas, named: "table-120x40")
        #expect(canvas.text(row: 39).hasSuffix("120/100000"))
    }

    @Test func snapshot200x60() {
        var canvas = Canvas(width: 200, height: 60)
        SampleInvoices.table(rowCount: 500, selected: 499, offset: 0, marked: [470, 499], caption: "sorted by total")
            .draw(into: &canvas, in: canvas.bounds)
        Snapshot.expect(canvas, named: "table-200x60")
        #expect(canvas.text(row: 59).hasSuffix("500/500"))
    }

    @Test func emptyList() {
        var canvas = Canvas(width: 80, height: 24)
        SampleInvoices.table(rowCount: 0, selected: nil, caption: "/zzz").draw(into: &canvas, in: canvas.bounds)
        Snapshot.expect(canvas, named: "table-empty-80x24")
        #expect(canvas.text(row: 23).hasSuffix("0/0"))
    }

    @Test func asciiWithoutUTF8() {
        var canvas = Canvas(width: 80, height: 12, glyphs: .ascii)
        SampleInvoices.table(rowCount: 40, selected: 2, marked: [0]).draw(into: &canvas, in: canvas.bounds)
        Snapshot.expect(canvas, named: "table-ascii-80x12")
        #expect(!canvas.render().contains("▼"))
    }

    @Test func narrowTableDropsLowPriorityColumnsFirst() {
        var canvas = Canvas(width: 44, height: 8)
        SampleInvoices.table(rowCount: 5, selected: 1).draw(into: &canvas, in: canvas.bounds)
        Snapshot.expect(canvas, named: "table-narrow-44x8")
        #expect(!canvas.text(row: 0).contains("Due"))
        #expect(canvas.text(row: 0).contains("Total"))
    }

    @Test func onlyVisibleRowsAreAskedFor() {
        final class Counter { var asked: [Int] = [] }
        let counter = Counter()
        let table = TableView(columns: SampleInvoices.columns, rowCount: 100_000, selectedRow: 50_000,
                              firstVisibleRow: 0) { i in
            counter.asked.append(i)
            return SampleInvoices.row(i)
        }
        var canvas = Canvas(width: 100, height: 22)
        table.draw(into: &canvas, in: canvas.bounds)
        #expect(counter.asked == Array(49_981...50_000))       // 20 rows ending at the selection
    }

    @Test func unfocusedSelectionUsesTheInactiveRole() {
        var table = SampleInvoices.table(rowCount: 3, selected: 0)
        table.isFocused = false
        var canvas = Canvas(width: 80, height: 6)
        table.draw(into: &canvas, in: canvas.bounds)
        #expect(canvas.role(row: 1, col: 5) == .selectionInactive)
        #expect(canvas.role(row: 2, col: 75) == .paymentPending || canvas.role(row: 2, col: 75) == .unpaid)
    }

    @Test func noCellIsEverHalfAWideCharacter() {
        for width in [30, 41, 57, 80, 99] {
            var canvas = Canvas(width: width, height: 12)
            SampleInvoices.table(rowCount: 20, selected: 2).draw(into: &canvas, in: canvas.bounds)
            for row in 0..<canvas.height {
                for col in 0..<canvas.width where canvas.cell(row: row, col: col)?.isContinuation == true {
                    #expect(col > 0 && DisplayWidth.of(canvas.character(row: row, col: col - 1) ?? " ") == 2,
                            "width \(width) row \(row) col \(col)")
                }
                #expect(DisplayWidth.of(canvas.text(row: row)) == width)
            }
        }
    }

    @Test func layoutSharesSpaceAndDropsColumns() {
        let columns = [TableColumn("a", width: .fixed(5)), TableColumn("b", width: .flexible(min: 4, weight: 1)),
                       TableColumn("c", width: .flexible(min: 4, weight: 3))]
        #expect(TableColumn.layout(columns, width: 23) == [5, 6, 10])      // 2 separators, 8 extra split 1:3
        #expect(TableColumn.layout(columns, width: 15) == [5, 4, 4])
        #expect(TableColumn.layout(columns, width: 10) == [5, 4, 0])        // c goes first (rightmost)
        #expect(TableColumn.layout(columns, width: 3) == [3, 0, 0])
        #expect(TableColumn.layout(columns, width: 0) == [0, 0, 0])
    }

    @Test func offsetKeepsTheSelectionVisible() {
        #expect(TableView.adjustedOffset(selected: 5, offset: 0, visibleRows: 10, rowCount: 100) == 0)
        #expect(TableView.adjustedOffset(selected: 15, offset: 0, visibleRows: 10, rowCount: 100) == 6)
        #expect(TableView.adjustedOffset(selected: 3, offset: 6, visibleRows: 10, rowCount: 100) == 3)
        #expect(TableView.adjustedOffset(selected: nil, offset: 95, visibleRows: 10, rowCount: 100) == 90)
        #expect(TableView.adjustedOffset(selected: 2, offset: 0, visibleRows: 10, rowCount: 3) == 0)
        #expect(TableView.positionText(selected: 119, firstVisibleRow: 100, rowCount: 100_000) == "120/100000")
    }

    @Test func scrollBarThumb() {
        #expect(ScrollBar.thumb(trackHeight: 10, total: 100, visible: 10, offset: 0) == (0, 1))
        #expect(ScrollBar.thumb(trackHeight: 10, total: 100, visible: 10, offset: 90) == (9, 1))
        #expect(ScrollBar.thumb(trackHeight: 10, total: 20, visible: 10, offset: 5) == (2, 5))
    }
}
