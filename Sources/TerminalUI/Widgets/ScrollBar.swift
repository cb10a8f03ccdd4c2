/// A vertical scroll bar: a track with a thumb whose size and place show which part of a long
/// list is on screen. Drawn only when the list is longer than the view.
public enum ScrollBar {
    /// The thumb's first row (relative to the track) and its length.
    public static func thumb(trackHeight: Int, total: Int, visible: Int, offset: Int) -> (start: Int, length: Int) {
        guard trackHeight > 0, total > visible, visible > 0 else { return (0, trackHeight) }
        let length = min(trackHeight, max(1, trackHeight * visible / total))
        let maxOffset = total - visible
        let clamped = min(max(0, offset), maxOffset)
        let start = (trackHeight - length) * clamped / maxOffset
        return (start, length)
    }

    /// Draws the bar in column `col` from `row` down `height` rows; nothing when all rows fit.
    public static func draw(into canvas: inout Canvas, row: Int, col: Int, height: Int,
                            total: Int, visible: Int, offset: Int) {
        guard height > 0, total > visible else { return }
        let (start, length) = thumb(trackHeight: height, total: total, visible: visible, offset: offset)
        for i in 0..<height {
            let onThumb = i >= start && i < start + length
            canvas.put(onThumb ? canvas.glyphs.scrollThumb : canvas.glyphs.scrollTrack,
                       row: row + i, col: col, style: .scrollbar)
        }
    }
}
