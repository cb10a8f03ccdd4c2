import Foundation

/// Twelve months of two series, billed and paid, as bars side by side (▁▂▃▄▅▆▇█, or `.:-=+*#`
/// without UTF-8), scaled to the largest value, so late payment or growth shows at a glance.
/// Each month gets a billed bar and a paid bar; labels and a legend go underneath when there is
/// room.
public struct BarChart: Sendable {
    public var labels: [String]
    public var billed: [Decimal]
    public var paid: [Decimal]
    public var billedName: String
    public var paidName: String

    public init(labels: [String], billed: [Decimal], paid: [Decimal],
                billedName: String = "billed", paidName: String = "paid") {
        self.labels = labels
        self.billed = billed
        self.paid = paid
        self.billedName = billedName
        self.paidName = paidName
    }

    /// How many eighths (or sevenths in ASCII) of a cell a value's bar is, out of `steps` for
    /// the largest value. A value above zero always shows at least one step.
    public static func barSteps(_ value: Decimal, max: Decimal, steps: Int) -> Int {
        guard value > 0, max > 0, steps > 0 else { return 0 }
        var scaled = value * Decimal(steps) / max
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        let n = NSDecimalNumber(decimal: rounded).intValue
        return Swift.min(steps, Swift.max(1, n))
    }

    /// Draws the chart into `rect`.
    public func draw(into canvas: inout Canvas, in rect: Rect) {
        let area = rect.intersection(canvas.bounds)
        let months = Swift.max(billed.count, paid.count, labels.count)
        guard months > 0, area.width >= months, area.height >= 1 else { return }
        canvas.fill(area, style: .normal)
        let showLegend = area.height >= 3
        let showLabels = area.height >= 2
        let barRows = area.height - (showLegend ? 1 : 0) - (showLabels ? 1 : 0)
        let groupWidth = area.width >= months * 3 ? 3 : (area.width >= months * 2 ? 2 : 1)
        let levels = canvas.glyphs.bars
        let steps = barRows * levels.count
        let largest = (billed + paid).max() ?? 0
        for m in 0..<months {
            let x = area.col + m * groupWidth
            let b = m < billed.count ? billed[m] : 0
            let p = m < paid.count ? paid[m] : 0
            drawBar(BarChart.barSteps(b, max: largest, steps: steps), into: &canvas, col: x,
                    bottom: area.row + barRows - 1, levels: levels, role: .chartBilled)
            if groupWidth >= 2 {
                drawBar(BarChart.barSteps(p, max: largest, steps: steps), into: &canvas, col: x + 1,
                        bottom: area.row + barRows - 1, levels: levels, role: .chartPaid)
            }
            if showLabels, m < labels.count {
                let label = String(labels[m].prefix(groupWidth))
                canvas.put(text: label, row: area.row + barRows, col: x, style: .muted, limit: x + groupWidth)
            }
        }
        if showLegend {
            drawLegend(into: &canvas, row: area.endRow - 1, col: area.col, width: area.width,
                       full: levels.last ?? "#", billedOnly: groupWidth < 2)
        }
    }

    private func drawBar(_ steps: Int, into canvas: inout Canvas, col: Int, bottom: Int,
                         levels: [Character], role: StyleRole) {
        var remaining = steps
        var row = bottom
        while remaining > 0 {
            let here = Swift.min(remaining, levels.count)
            canvas.put(levels[here - 1], row: row, col: col, style: role)
            remaining -= here
            row -= 1
        }
    }

    private func drawLegend(into canvas: inout Canvas, row: Int, col: Int, width: Int, full: Character, billedOnly: Bool) {
        let end = col + width
        var x = canvas.put(full, row: row, col: col, style: .chartBilled) + col
        x = canvas.put(text: " " + billedName, row: row, col: x, style: .muted, limit: end)
        guard !billedOnly, x + 3 < end else { return }
        x += 2
        x += canvas.put(full, row: row, col: x, style: .chartPaid)
        canvas.put(text: " " + paidName, row: row, col: x, style: .muted, limit: end)
    }
}
