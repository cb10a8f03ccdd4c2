// Comparing two frames so the terminal is sent only what changed.

extension Canvas {
    /// The cells that differ from `previous`, one span per changed row (from its first to its last
    /// changed cell, widened so a wide character is never split). A canvas of another size differs
    /// everywhere.
    public func diff(from previous: Canvas) -> [CanvasSpan] {
        guard previous.width == width, previous.height == height else {
            return (0..<height).map { CanvasSpan(row: $0, startCol: 0, endCol: width) }
        }
        var spans: [CanvasSpan] = []
        for row in 0..<height {
            if let span = changedSpan(row: row, previous: previous) { spans.append(span) }
        }
        return spans
    }

    /// True when both canvases show exactly the same thing.
    public func isIdentical(to other: Canvas) -> Bool {
        other.width == width && other.height == height && diff(from: other).isEmpty
    }

    private func changedSpan(row: Int, previous: Canvas) -> CanvasSpan? {
        let base = row * width
        var first = -1
        var last = -1
        cells.withUnsafeBufferPointer { now in
            previous.cells.withUnsafeBufferPointer { before in
                for col in 0..<width where !same(now[base + col], before[base + col], previous) {
                    if first < 0 { first = col }
                    last = col
                }
            }
        }
        guard first >= 0 else { return nil }
        if first > 0 && cells[base + first].isContinuation { first -= 1 }
        if last + 1 < width && cells[base + last + 1].isContinuation { last += 1 }
        return CanvasSpan(row: row, startCol: first, endCol: last + 1)
    }

    private func same(_ a: Cell, _ b: Cell, _ previous: Canvas) -> Bool {
        if a == b && !a.isCluster { return true }
        guard a.role == b.role, a.attributes == b.attributes else { return false }
        if a.isCluster && b.isCluster {
            return clusters[Int(a.code - Cell.clusterBase)] == previous.clusters[Int(b.code - Cell.clusterBase)]
        }
        return a.code == b.code && !a.isCluster
    }
}
