import Foundation
import Testing
@testable import TerminalUI

@Suite struct BarChartTests {
    static let months = ["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"]
    static let billed: [Decimal] = [120, 120, 135.5, 150, 150, 0, 180, 200, 200, 240.25, 260, 300]
    static let paid: [Decimal] = [120, 100, 135.5, 90, 150, 0, 0, 200, 150, 240.25, 100, 12.5]

    static var chart: BarChart { BarChart(labels: months, billed: billed, paid: paid) }

    @Test func unicodeSnapshot() {
        var canvas = Canvas(width: 38, height: 6)
        Self.chart.draw(into: &canvas, in: canvas.bounds)
        Snapshot.expect(canvas, named: "barchart-utf8-38x6")
        #expect(canvas.role(row: 3, col: 33) == .chartBilled)     // December billed, the tallest
        #expect(canvas.character(row: 0, col: 33) == "█")
    }

    @Test func asciiSnapshot() {
        var canvas = Canvas(width: 38, height: 6, glyphs: .ascii)
        Self.chart.draw(into: &canvas, in: canvas.bounds)
        Snapshot.expect(canvas, named: "barchart-ascii-38x6")
        #expect(canvas.render().unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func narrowChartsShareCells() {
        var two = Canvas(width: 24, height: 4)
        Self.chart.draw(into: &two, in: two.bounds)
        var one = Canvas(width: 12, height: 3)
        Self.chart.draw(into: &one, in: one.bounds)
        Snapshot.expect(two, named: "barchart-utf8-24x4")
        Snapshot.expect(one, named: "barchart-utf8-12x3")
    }

    @Test func scalingIsExactAndNonZeroShows() {
        #expect(BarChart.barSteps(300, max: 300, steps: 24) == 24)
        #expect(BarChart.barSteps(150, max: 300, steps: 24) == 12)
        #expect(BarChart.barSteps(Decimal(string: "0.01")!, max: 1_000_000, steps: 8) == 1)
        #expect(BarChart.barSteps(0, max: 300, steps: 24) == 0)
        #expect(BarChart.barSteps(-5, max: 300, steps: 24) == 0)
        #expect(BarChart.barSteps(5, max: 0, steps: 24) == 0)
        // Exact decimal: 1/3 of 9 steps is 3, not 2.9999.
        #expect(BarChart.barSteps(Decimal(string: "33.33")!, max: Decimal(string: "99.99")!, steps: 9) == 3)
    }

    @Test func allZeroMonthsDrawNoBars() {
        var canvas = Canvas(width: 36, height: 4)
        BarChart(labels: Self.months, billed: Array(repeating: 0, count: 12), paid: Array(repeating: 0, count: 12))
            .draw(into: &canvas, in: canvas.bounds)
        #expect(canvas.text(row: 0).allSatisfy { $0 == " " })
        #expect(canvas.text(row: 1).allSatisfy { $0 == " " })
    }
}
