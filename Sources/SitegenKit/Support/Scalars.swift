/// Unicode property look-ups by table. `Unicode.Scalar.Properties` answers each question with a
/// search of the Unicode data, which made a third of a build's time; almost every scalar of a
/// clipping lies below U+3000, so one precomputed byte of flags per scalar answers there, and the
/// rest fall back to the standard library.
public enum Scalars {
    public static let letter: UInt8 = 1       // isAlphabetic
    public static let number: UInt8 = 2       // has a numeric type
    public static let mark: UInt8 = 4         // non-spacing mark
    public static let space: UInt8 = 8        // isWhitespace
    public static let upper: UInt8 = 16       // isUppercase

    static let tableSize: UInt32 = 0x3000

    static func compute(_ c: Unicode.Scalar) -> UInt8 {
        let p = c.properties
        var f: UInt8 = 0
        if p.isAlphabetic { f |= letter }
        if p.numericType != nil { f |= number }
        if p.generalCategory == .nonspacingMark { f |= mark }
        if p.isWhitespace { f |= space }
        if p.isUppercase { f |= upper }
        return f
    }

    /// Flags of U+0000 to U+2FFF (immutable after its first use).
    static let table: [UInt8] = (0..<tableSize).map { Unicode.Scalar($0).map(compute) ?? 0 }

    @inline(__always) public static func flags(_ c: Unicode.Scalar) -> UInt8 {
        c.value < tableSize ? table[Int(c.value)] : compute(c)
    }

    /// `flags(c)` from the table as taken once by a loop (`table.withUnsafeBufferPointer`): each
    /// use of a static costs a call on Linux.
    @inline(__always) static func flags(_ c: Unicode.Scalar, in table: UnsafeBufferPointer<UInt8>) -> UInt8 {
        c.value < table.count ? table[Int(c.value)] : compute(c)
    }

    @inline(__always) public static func isLetter(_ c: Unicode.Scalar) -> Bool { flags(c) & letter != 0 }
    @inline(__always) public static func isSpace(_ c: Unicode.Scalar) -> Bool { flags(c) & space != 0 }
    @inline(__always) public static func isUpper(_ c: Unicode.Scalar) -> Bool { flags(c) & upper != 0 }
    @inline(__always) public static func isNumber(_ c: Unicode.Scalar) -> Bool { flags(c) & number != 0 }
    /// A letter, a digit or a combining mark: what words are made of.
    @inline(__always) public static func isWordPart(_ c: Unicode.Scalar) -> Bool { flags(c) & (letter | number | mark) != 0 }

    /// The scalar that starts at byte `at` of UTF-8 text, and its length in bytes.
    @inline(__always)
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> (Unicode.Scalar, Int) {
        let b0 = b[at]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        var v: UInt32, n: Int
        if b0 < 0xE0 { v = UInt32(b0 & 0x1F); n = 2 } else if b0 < 0xF0 { v = UInt32(b0 & 0x0F); n = 3 } else { v = UInt32(b0 & 0x07); n = 4 }
        // The text is a Swift string: its bytes are valid UTF-8, the guard only keeps this total.
        guard at + n <= b.count else { return ("\u{FFFD}", b.count - at) }
        for k in 1..<n { v = v << 6 | UInt32(b[at + k] & 0x3F) }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", n)
    }

    /// `Array(s.unicodeScalars)`, decoded from the string's bytes into an array sized by them
    /// (the scalar view counts its scalars first, then walks them again).
    static func array(_ s: String) -> [Unicode.Scalar] {
        var s = s
        return s.withUTF8 { b in
            [Unicode.Scalar](unsafeUninitializedCapacity: b.count) { out, n in
                var i = 0
                while i < b.count {
                    let (c, length) = decode(b, i)
                    out[n] = c
                    n += 1
                    i += length
                }
            }
        }
    }

    /// `isSpace` of an ASCII scalar, without the table (tab to carriage return, and space).
    @inline(__always) static func isASCIISpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    @inline(__always) public static func isLetterOrNumber(_ c: Unicode.Scalar) -> Bool { flags(c) & (letter | number) != 0 }
}

extension Text {
    /// What Foundation's `CharacterSet.whitespaces` holds: the space separators (Zs), the tab and
    /// the zero-width space.
    @inline(__always) static func isBlank(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `body` of the UTF-8 bytes of `s`: in place when they are contiguous (a native string's
    /// always are), for loops that the UTF-8 view's iterator makes slower than their own work.
    @inline(__always) static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        s.utf8.withContiguousStorageIfAvailable(body) ?? Array(s.utf8).withUnsafeBufferPointer(body)
    }

    /// Whether every UTF-8 byte of `s` satisfies `test`, read from its contiguous bytes (the
    /// generic walk of the UTF-8 view goes through its iterator byte by byte).
    @inline(__always) static func allBytes(_ s: String, _ test: (UInt8) -> Bool) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(test) } ?? s.utf8.allSatisfy(test)
    }

    /// Whether some UTF-8 byte of `s` satisfies `test`, read from its contiguous bytes (the
    /// generic search of the UTF-8 view goes through its iterator byte by byte).
    @inline(__always) static func anyByte(_ s: String, _ test: (UInt8) -> Bool) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { $0.contains(where: test) } ?? s.utf8.contains(where: test)
    }

    /// Whether `s` holds an ASCII hyphen (asked of every token).
    @inline(__always) static func hasHyphen(_ s: String) -> Bool { anyByte(s) { $0 == 0x2D } }

    /// `s` without the blanks (`isBlank`) at its end, as `trimmingCharacters(in: .whitespaces)`
    /// leaves its end, without going through NSString. A blank never joins the character before
    /// it, so the cut is on a character boundary.
    static func trimmingTrailingSpaces(_ s: String) -> Substring {
        let scalars = s.unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex {
            let before = scalars.index(before: end)
            guard isBlank(scalars[before]) else { break }
            end = before
        }
        return s[..<end]
    }

    /// `s` without the scalars that `trim` accepts at either end: `trimmingCharacters(in:)`
    /// without NSString and without making a `CharacterSet`.
    static func trimming(_ s: Substring, where trim: (Unicode.Scalar) -> Bool) -> String {
        let scalars = s.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, trim(scalars[start]) { scalars.formIndex(after: &start) }
        while end > start {
            let before = scalars.index(before: end)
            guard trim(scalars[before]) else { break }
            end = before
        }
        return String(scalars[start..<end])
    }

    /// `s` without blanks (`isBlank`) at either end: `trimmingCharacters(in: .whitespaces)`
    /// without NSString.
    static func trimmingBlanks(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last, isBlank(first) || isBlank(last) else { return s }
        return trimming(Substring(s), where: isBlank)
    }

    /// `s.split(whereSeparator:)` (empty pieces left out) for an ASCII text, cut on its bytes;
    /// nil for a text with a byte past ASCII. In ASCII each character is one byte but for CR LF,
    /// which `isSeparator` must answer for as it answers for both bytes (the rules' separators
    /// take both or neither). Splitting by characters costs a grapheme break a character.
    static func asciiSplit<S: StringProtocol>(_ s: S, where isSeparator: (UInt8) -> Bool) -> [Substring]? {
        byteSplit(s, givingUpAt: { $0 >= 0x80 }, where: isSeparator)
    }

    /// The pieces of `s` between the bytes `isSeparator` takes (empty ones left out), cut on its
    /// bytes; nil as soon as a byte is one `giveUp` takes (the caller then splits by characters).
    @inline(__always) static func byteSplit<S: StringProtocol>(_ s: S, givingUpAt giveUp: (UInt8) -> Bool,
                                                              where isSeparator: (UInt8) -> Bool) -> [Substring]? {
        let text = Substring(s)
        let utf8 = text.utf8
        let cuts = utf8.withContiguousStorageIfAvailable { b -> [Range<Int>]? in
            var cuts: [Range<Int>] = []
            var start = 0
            for i in 0..<b.count {
                let x = b[i]
                if giveUp(x) { return nil }
                if isSeparator(x) {
                    if i > start { cuts.append(start..<i) }
                    start = i + 1
                }
            }
            if b.count > start { cuts.append(start..<b.count) }
            return cuts
        } ?? nil
        guard let cuts else { return nil }
        return cuts.map { r in text[utf8.index(utf8.startIndex, offsetBy: r.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: r.upperBound)] }
    }

    /// `s.hasPrefix(p)`, answered on the bytes where that is the same answer: where `p` is ASCII
    /// without a carriage return and `s`'s bytes under it are ASCII, character i of either is
    /// byte i, and the prefix ends between two characters unless a byte past ASCII follows it
    /// (a combining mark would join its last character); that case, and any other, is left to
    /// `hasPrefix`. The rules ask it of every line near an article's top with each of a list of
    /// phrases, and the standard library's answer costs about two hundred instructions.
    static func hasPrefix(_ s: String, ascii p: String) -> Bool {
        let answer = withBytes(s) { b -> Bool? in
            withBytes(p) { q -> Bool? in
                // (A prefix past ASCII may be canonically equivalent to fewer bytes: "é" has the prefix "e\u{301}".)
                for y in q where y >= 0x80 || y == 0x0D { return nil }
                guard b.count >= q.count else { return false }
                for i in 0..<q.count {
                    if b[i] >= 0x80 { return nil }
                    if b[i] != q[i] { return false }
                }
                return b.count == q.count || b[q.count] < 0x80 ? true : nil
            }
        }
        return answer ?? s.hasPrefix(p)
    }

    /// Whether `needle` occurs in `haystack`, byte for byte: the standard library's and
    /// Foundation's `contains` go through NSString on Linux, which is slow in hot loops.
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        needle.isEmpty || firstByteOffset(of: needle, in: haystack) { _ in true } != nil
    }

    /// The first UTF-8 offset from `from` where `needle` occurs in `haystack` and `accept`
    /// agrees; nil when there is none or `needle` is empty.
    static func firstByteOffset(of needle: String, in haystack: String, from: Int = 0, where accept: (Int) -> Bool) -> Int? {
        var h = haystack, n = needle
        return h.withUTF8 { hb in
            n.withUTF8 { nb in
                guard let first = nb.first, hb.count >= nb.count else { return nil }
                var i = max(from, 0)
                let last = hb.count - nb.count
                while i <= last {
                    if hb[i] == first {
                        var j = 1
                        while j < nb.count && hb[i + j] == nb[j] { j += 1 }
                        if j == nb.count && accept(i) { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }
}
