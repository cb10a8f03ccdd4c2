import BillingAPI
import Foundation

/// Writes a `JSONValue` as compact UTF-8 bytes. Same output as `JSONWriter.compact`, but strings
/// are copied a run of bytes at a time instead of scalar by scalar, which is what makes a
/// 100,000-invoice answer (30 MB) take a fraction of a second instead of seconds.
enum JSONBytes {
    static func data(_ value: JSONValue) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out)
        return Data(out)
    }

    static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let b): b ? out.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) : out.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        case .number(let n): append(n, to: &out)
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                write(item, into: &out)
            }
            out.append(0x5D)
        case .object(let object):
            out.append(0x7B)
            for (i, member) in object.members.enumerated() {
                if i > 0 { out.append(0x2C) }
                writeString(member.key, into: &out)
                out.append(0x3A)
                write(member.value, into: &out)
            }
            out.append(0x7D)
        }
    }

    // MARK: - Pieces for answers written directly (long lists)

    /// `"key":`, after a comma unless it opens the object.
    @inline(__always) static func key(_ key: StaticString, first: Bool = false, into out: inout [UInt8]) {
        if !first { out.append(0x2C) }
        out.append(0x22)
        key.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(contentsOf: [0x22, 0x3A])
    }

    /// A decimal integer, without going through `String`.
    static func int(_ value: Int, into out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }
        var m = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[count] = UInt8(0x30 + m % 10)
                m /= 10
                count += 1
            } while m > 0
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(d[i]) }
        }
    }

    /// `YYYY-MM-DD` (quoted when `quoted`).
    static func day(_ day: SandboxDay, quoted: Bool = true, into out: inout [UInt8]) {
        let c = day.components
        if quoted { out.append(0x22) }
        padded(c.year, 4, into: &out)
        out.append(0x2D)
        padded(c.month, 2, into: &out)
        out.append(0x2D)
        padded(c.day, 2, into: &out)
        if quoted { out.append(0x22) }
    }

    /// `"YYYY-MM-DDTHH:MM:SSZ"` of unix seconds (the reference's transaction dates).
    static func isoDateTime(_ unix: Int, into out: inout [UInt8]) {
        let day = SandboxDay(daysSinceEpoch: unix >= 0 ? unix / 86_400 : (unix - 86_399) / 86_400)
        let s = unix - day.midnightUnix
        out.append(0x22)
        JSONBytes.day(day, quoted: false, into: &out)
        out.append(0x54)
        padded(s / 3600, 2, into: &out)
        out.append(0x3A)
        padded(s / 60 % 60, 2, into: &out)
        out.append(0x3A)
        padded(s % 60, 2, into: &out)
        out.append(contentsOf: [0x5A, 0x22])
    }

    private static func padded(_ n: Int, _ width: Int, into out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var v = n
        if v >= divisor * 10 { int(v / (divisor * 10), into: &out); v %= divisor * 10 }
        while divisor > 0 {
            out.append(UInt8(0x30 + v / divisor % 10))
            divisor /= 10
        }
    }

    /// An amount with two decimals, as a number or (`quoted`) as a string.
    static func cents(_ amount: Cents, quoted: Bool, into out: inout [UInt8]) {
        if quoted { out.append(0x22) }
        if amount.value < 0 { out.append(0x2D) }
        let m = Int(amount.value.magnitude)
        int(m / 100, into: &out)
        out.append(0x2E)
        out.append(UInt8(0x30 + m / 10 % 10))
        out.append(UInt8(0x30 + m % 10))
        if quoted { out.append(0x22) }
    }

    @inline(__always) private static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    static func writeString(_ s: String, into out: inout [UInt8]) {
        var s = s
        out.append(0x22)
        s.withUTF8 { bytes in
            var runStart = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F else { continue }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                runStart = i + 1
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                default: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
                }
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])) }
        }
        out.append(0x22)
    }
}
