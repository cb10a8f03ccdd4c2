/// The xterm palette, for mapping an exact colour to the nearest one a terminal can show.
enum ColorPalette {
    typealias RGB = (Int, Int, Int)

    /// xterm's 16 basic colours.
    static let basic: [RGB] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// On an 8-colour terminal, pure primaries judge better than xterm's dimmed ones: a mid grey
    /// should become white (readable), not black.
    static let pure8: [RGB] = [
        (0, 0, 0), (255, 0, 0), (0, 255, 0), (255, 255, 0), (0, 0, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    static func rgb(ofIndex n: Int) -> RGB {
        if n < 16 { return basic[max(0, n)] }
        if n < 232 {
            let i = n - 16
            return (cubeLevels[i / 36], cubeLevels[(i / 6) % 6], cubeLevels[i % 6])
        }
        let level = 8 + 10 * (min(n, 255) - 232)
        return (level, level, level)
    }

    /// A bright colour (8...15) on a terminal of 8: its basic form, except bright black (a grey),
    /// which becomes white so muted text stays readable on a dark background.
    static func basicIndex(forBright n: Int) -> Int {
        n == 8 ? 7 : n - 8
    }

    static func nearest(_ c: RGB, colorCount: Int) -> Int {
        if colorCount >= 256 {
            var best = 16, bestDistance = Int.max
            for n in 16..<256 {
                let d = distance(c, rgb(ofIndex: n))
                if d < bestDistance { best = n; bestDistance = d }
            }
            return best
        }
        let palette = colorCount >= 16 ? basic : pure8
        var best = 0, bestDistance = Int.max
        for (n, p) in palette.enumerated() {
            let d = distance(c, p)
            if d < bestDistance { best = n; bestDistance = d }
        }
        return best
    }

    private static func distance(_ a: RGB, _ b: RGB) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return dr * dr * 3 + dg * dg * 4 + db * db * 2
    }
}
