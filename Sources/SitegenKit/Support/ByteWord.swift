/// Eight bytes of UTF-8 read as one word and tested all at once: the fast paths of the text
/// scans (word counts, white space, binary files, JSON strings, UTF-8 checks) take eight plain
/// bytes in one step. Each answer marks the bytes it finds by their high bit, byte 0 the lowest.
enum ByteWord {
    @inline(__always) static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @inline(__always) static var highs: UInt64 { 0x8080_8080_8080_8080 }

    /// The eight bytes at `base + at`, the first in the low byte.
    @inline(__always) static func load(_ base: UnsafePointer<UInt8>, _ at: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
    }

    /// The high bit of each byte of `x` that is zero (exactly: no borrow runs into the next byte).
    @inline(__always) static func zeros(_ x: UInt64) -> UInt64 {
        let low7 = ones &* 0x7F
        return ~(((x & low7) &+ low7) | x | low7)
    }

    /// The high bit of the first byte of `x` that is zero, and maybe of bytes after it (a borrow
    /// may run on from it): one operation fewer than `zeros`, for a scan that goes to the first
    /// match only. None set: no byte is zero.
    @inline(__always) static func firstZeros(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }

    /// The high bit of each byte of `w` equal to `b`.
    @inline(__always) static func bytes(_ w: UInt64, equalTo b: UInt8) -> UInt64 { zeros(w ^ (ones &* UInt64(b))) }

    /// The high bit of each byte of `w` below 0x20 (a control character).
    @inline(__always) static func controls(_ w: UInt64) -> UInt64 { zeros(w & (ones &* 0xE0)) }

    /// The high bit of each byte of `w` that starts a white-space scalar past ASCII: 0xC2
    /// (U+0085, U+00A0), 0xE1 (U+1680), 0xE2 (U+2000 to U+205F) and 0xE3 (U+3000) are the only
    /// lead bytes of the spaces of `Scalars`' table (a test checks every scalar).
    @inline(__always) static func spaceLeads(_ w: UInt64) -> UInt64 {
        bytes(w, equalTo: 0xC2) | bytes(w, equalTo: 0xE1) | bytes(w, equalTo: 0xE2) | bytes(w, equalTo: 0xE3)
    }
}
