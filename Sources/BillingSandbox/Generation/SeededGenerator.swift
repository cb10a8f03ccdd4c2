/// SplitMix64: a tiny deterministic generator. The same seed always yields the same customers,
/// invoices, tokens and fault decisions, on every platform (the standard library's generator is
/// neither seedable nor stable across releases).
struct SeededGenerator: RandomNumberGenerator, Codable, Sendable {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one purpose (`stream`), independent of how much the others were used.
    init(seed: UInt64, stream: UInt64) {
        var g = SeededGenerator(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        state = g.next() ^ stream
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`, uniformly (the modulo bias is irrelevant for test data).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next() % span)
    }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    /// Probability in [0, 1): the fault plan's failure rate is a probability, not money.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// `count` lowercase hex digits.
    mutating func hex(_ count: Int) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(count)
        var bits = next(), left = 16
        for _ in 0..<count {
            if left == 0 { bits = next(); left = 16 }
            out.append(digits[Int(bits & 15)])
            bits >>= 4
            left -= 1
        }
        return out
    }

    /// `count` decimal digits (2FA codes).
    mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(int(0...9))) })
    }
}
