import Foundation

/// Small, pure text helpers shared by every stage.
public enum Text {
    /// The first place of `needle` in `text` that begins and ends on a character boundary,
    /// compared byte for byte (what Foundation's `range(of:)` finds for text in the same
    /// normalization form, without its cost). nil for an empty needle.
    static func firstRange(of needle: String, in text: String) -> Range<String.Index>? {
        let u = text.utf8, length = needle.utf8.count
        func index(_ offset: Int) -> String.Index? { u.index(u.startIndex, offsetBy: offset).samePosition(in: text) }
        // Only a match on character boundaries counts (not inside a letter's accents).
        guard let at = firstByteOffset(of: needle, in: text, where: { index($0) != nil && index($0 + length) != nil }),
              let lower = index(at), let upper = index(at + length) else { return nil }
        return lower..<upper
    }

    /// A 64-bit FNV-1a hash of a word's UTF-8: a set of these stands for a set of words (two
    /// words of a dossier share one with a chance of about one in 10^13).
    public static func wordHash(_ s: String) -> UInt64 {
        withBytes(s) { b in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for x in b { h = (h ^ UInt64(x)) &* 0x100_0000_01b3 }
            return h
        }
    }

    /// `s.unicodeScalars.count`, on the bytes: every byte but a continuation byte (10xxxxxx)
    /// starts a scalar (the scalar view walks scalar by scalar). Eight bytes at a time: a byte's
    /// low bit in `continuation` is set when its top bits are 1 then 0.
    public static func scalarCount(_ s: String) -> Int {
        s.utf8.withContiguousStorageIfAvailable { b in
            var n = b.count, i = 0
            if let base = b.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i + 8 <= b.count {
                    let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    let continuation = (w >> 7) & ~(w >> 6) & 0x0101_0101_0101_0101
                    n -= continuation.nonzeroBitCount
                    i += 8
                }
            }
            while i < b.count {
                if b[i] & 0xC0 == 0x80 { n -= 1 }
                i += 1
            }
            return n
        } ?? s.unicodeScalars.count
    }

    /// A UTF-8 byte where grapheme breaking may join two scalars into one character: the lead
    /// byte of a scalar from U+0300 up (combining marks, joiners, Prepend and Hangul scalars…),
    /// or a carriage return (CR LF is one character). In a text without one, every scalar is a
    /// character of its own, and characters can be cut and counted on the bytes.
    @inline(__always) static func mayJoinScalars(_ x: UInt8) -> Bool { x >= 0xCC || x == 0x0D }

    /// A scalar from U+0300 up that grapheme breaking never joins to the scalar before it, nor
    /// to a scalar after it that is below U+0300 or one of these (its Grapheme_Cluster_Break is
    /// Other): the precomposed letters of U+1E00 to U+1EFF (Vietnamese), the spaces of U+2000 to
    /// U+200A, the punctuation of U+2010 to U+2027 and U+202F to U+205F (’ – — … ‹ ›; no
    /// zero-width scalar, joiner or format control) and the currency signs (€). French text has
    /// them everywhere, and a text of them and of bytes that do not `mayJoinScalars` is still
    /// one character per scalar.
    @inline(__always) static func standsAlone(_ v: UInt32) -> Bool {
        (v >= 0x1E00 && v <= 0x1EFF) || (v >= 0x2000 && v <= 0x200A) || (v >= 0x2010 && v <= 0x2027)
            || (v >= 0x202F && v <= 0x205F) || (v >= 0x20A0 && v <= 0x20C0)
    }

    /// `s.count > n`. A text has no more characters than bytes; where no byte `mayJoinScalars`,
    /// its scalars are counted on the bytes instead of by grapheme breaking.
    public static func hasMoreCharacters(_ s: String, than n: Int) -> Bool {
        guard s.utf8.count > n else { return false }
        let simple = s.utf8.withContiguousStorageIfAvailable { b in !b.contains(where: mayJoinScalars) } ?? false
        return simple ? scalarCount(s) > n : s.count > n
    }

    /// `s.split(separator: " ")`: the words between spaces, none empty. Where no byte
    /// `mayJoinScalars`, the spaces are found on the bytes instead of by grapheme breaking; any
    /// other text is split the general way.
    public static func words<S: StringProtocol>(_ s: S) -> [Substring] {
        byteSplit(s, givingUpAt: mayJoinScalars, where: { $0 == 0x20 }) ?? Substring(s).split(separator: " ")
    }

    /// `s.prefix(n)`: its first `n` characters. Where each scalar up to the cut is below U+0300
    /// but a carriage return, or `standsAlone`, the cut is found on the bytes instead of by
    /// grapheme breaking (slow on every article's text).
    public static func prefix(_ s: String, characters n: Int) -> Substring {
        guard s.utf8.count > n else { return s[...] }
        let cut: String.Index? = s.utf8.withContiguousStorageIfAvailable { b -> String.Index? in
            var scalars = 0, i = 0
            while i < b.count {
                let x = b[i]
                // The scalar after the cut is checked too: a combining mark there would join the
                // last character.
                if x == 0x0D { return nil }
                if x >= 0xCC, !standsAlone(Scalars.decode(b, i).0.value) { return nil }
                if x & 0xC0 != 0x80 {
                    if scalars == n { return s.utf8.index(s.utf8.startIndex, offsetBy: i) }
                    scalars += 1
                }
                i += 1
            }
            return s.endIndex
        } ?? nil
        return cut.map { s[..<$0] } ?? s.prefix(n)
    }

    /// Lower case, accents and typographic variants removed, white space collapsed: the form used
    /// to compare names and snippets ("Zelenskyy" and "Zélenskyy" fold alike).
    public static func fold(_ s: String) -> String {
        // Fastest path: a word already in folded form (lower-case ASCII, no white space or
        // backquote) is returned as it is, without a copy.
        if allBytes(s, { $0 > 0x20 && $0 < 0x80 && $0 != 0x60 && !($0 >= 0x41 && $0 <= 0x5A) }) { return s }
        // ASCII, Latin, Greek, Cyrillic, punctuation... (below U+2100): tables. Folding nearly
        // always shortens a text, and never an ASCII one; "Ⱥ" folds longer ("ⱥ").
        let folded = rewritten(s, fold(utf8:into:)) {
            var length = 0
            for scalar in s.unicodeScalars {
                let v = scalar.value
                if v < 0x80 { length += 1 } else if v < foldTableEnd { length += foldTable.row(v).count } else { return nil }
            }
            return length
        }
        return folded ?? foldByScalars(s)
    }

    /// What `write` makes of the bytes of `s` (`fold(utf8:into:)`, `lower(utf8:into:)`), written
    /// straight into the new string (a word of up to 15 bytes needs no allocation). The room is
    /// first as many bytes as `s` has, which is nearly always enough; when `write` finds it too
    /// short, `length` counts what it needs. Nil when `length` finds a scalar past the tables.
    @inline(__always) static func rewritten(_ s: String, _ write: (UnsafeBufferPointer<UInt8>, UnsafeMutableBufferPointer<UInt8>) -> Int?,
                                            length: () -> Int?) -> String? {
        var text = s, fits = true
        let first = String(unsafeUninitializedCapacity: text.utf8.count) { out in
            guard let n = text.withUTF8({ write($0, out) }) else { fits = false; return 0 }
            return n
        }
        if fits { return first }
        guard let room = length() else { return nil }
        return String(unsafeUninitializedCapacity: room) { out in text.withUTF8 { write($0, out) } ?? 0 }
    }

    /// `fold` one scalar at a time, for any text (the fast paths above must give the same).
    static func foldByScalars(_ s: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var lastSpace = true
        @inline(__always) func emit<C: Collection>(_ folded: C) where C.Element == UInt8 {
            for b in folded {
                if b == 0x20 {
                    if !lastSpace { bytes.append(0x20) }
                    lastSpace = true
                } else {
                    lastSpace = false
                    bytes.append(b)
                }
            }
        }
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    if !lastSpace { bytes.append(0x20) }
                    lastSpace = true
                } else {
                    lastSpace = false
                    bytes.append(b == 0x60 ? 0x27 : (b >= 0x41 && b <= 0x5A ? b + 0x20 : b))
                }
            } else if v < foldTableEnd {
                emit(foldTable.bytes[foldTable.row(v)])
            } else {
                emit(Array(foldScalar(scalar).utf8))
            }
        }
        if bytes.last == 0x20 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `fold` of the text with these UTF-8 bytes (valid UTF-8), written into `out`: its length,
    /// or nil when a scalar is past the table or `out` is too short (then fold the string).
    static func fold(utf8 b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        guard let input = b.baseAddress else { return 0 }
        guard let output = out.baseAddress else { return nil }
        let count = b.count, room = out.count
        return foldTable.bytes.withUnsafeBufferPointer { table in
            foldTable.offsets.withUnsafeBufferPointer { offsets in
                asciiFold.withUnsafeBufferPointer { ascii in
                    let first = foldTable.first
                    var n = 0
                    var lastSpace = true
                    // Runs of white space become one space; false when `out` is full.
                    @inline(__always) func put(_ x: UInt8) -> Bool {
                        if x == 0x20 {
                            if lastSpace { return true }
                            lastSpace = true
                        } else {
                            lastSpace = false
                        }
                        guard n < room else { return false }
                        output[n] = x
                        n += 1
                        return true
                    }
                    var i = 0
                    while i < count {
                        let x = input[i]
                        // Most bytes are ASCII: one look-up in a table of 128.
                        if x < 0x80 {
                            i += 1
                            guard put(ascii[Int(x)]) else { return nil }
                            continue
                        }
                        let (c, length) = Scalars.decode(b, i)
                        i += length
                        let v = c.value
                        guard v < foldTableEnd else { return nil }
                        let k = Int(v - first)
                        for o in Int(offsets[k])..<Int(offsets[k + 1]) { guard put(table[o]) else { return nil } }
                    }
                    if n > 0 && output[n - 1] == 0x20 { n -= 1 }
                    return n
                }
            }
        }
    }

    /// `fold` of each ASCII byte: white space to a space, the backquote to an apostrophe, capitals
    /// to lower case.
    static let asciiFold: [UInt8] = (0..<128).map { (x: UInt8) -> UInt8 in
        x >= 0x09 && x <= 0x0D ? 0x20 : (x == 0x60 ? 0x27 : (x >= 0x41 && x <= 0x5A ? x + 0x20 : x))
    }

    /// The folded form of one scalar: decomposed, marks dropped, typographic variants made plain, lower case.
    static func foldScalar(_ scalar: Unicode.Scalar) -> String {
        foldDecomposed(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
    }

    /// `foldScalar` of a scalar, given its canonical decomposition.
    static func foldDecomposed<S: Sequence<Unicode.Scalar>>(_ decomposed: S) -> String {
        var out = ""
        for c in decomposed {
            if c.properties.generalCategory == .nonspacingMark { continue }
            switch c.value {
            case 0x2019, 0x2018, 0x02BC, 0x0060, 0x00B4: out += "'"
            case 0x2010, 0x2011, 0x2012, 0x2013: out += "-"
            default: out += c.properties.isWhitespace ? " " : c.properties.lowercaseMapping
            }
        }
        return out
    }

    static let foldTableEnd: UInt32 = 0x2100
    /// `foldScalar` of U+0080 to U+20FF as UTF-8 (white space as one space), computed once (immutable).
    static let foldTable = foldScalars(0x80..<foldTableEnd).map { ScalarTable(0x80..<foldTableEnd, rows: $0) }
        ?? ScalarTable(0x80..<foldTableEnd, foldScalar)

    /// `foldScalar` of each scalar of `range`, from one canonical decomposition of them all, each
    /// after a line feed (Foundation's decomposition costs thousands of instructions a call, and
    /// the table was most of a rebuild's annotation stage). A line feed is of combining class 0,
    /// which canonical reordering never moves a mark across, and no scalar decomposes to one.
    /// Nil if the decomposition does not split into one part a scalar (then fold each alone).
    static func foldScalars(_ range: Range<UInt32>) -> [String]? {
        var joined = String.UnicodeScalarView()
        for v in range {
            joined.append("\n")
            if let c = Unicode.Scalar(v) { joined.append(c) }
        }
        let parts = String(joined).decomposedStringWithCanonicalMapping.unicodeScalars
            .split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        guard parts.count == range.count else { return nil }
        return parts.map { foldDecomposed($0) }
    }

    /// Lower case with straight apostrophes, accents kept: the form grammar words are looked up in
    /// ("à" and "a" stay apart).
    public static func lower(_ s: String) -> String {
        if allBytes(s, { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) { return s }
        // ASCII with capitals ("Poutine"), accented letters, typographic punctuation (scalars
        // below U+2100): from a table of each scalar's lower-case mapping. Lower case is nearly
        // always as long as the text; "İ" and "Ⱥ" lower longer.
        let lowered = rewritten(s, lower(utf8:into:)) {
            var length = 0
            for scalar in s.unicodeScalars {
                let v = scalar.value
                guard v < foldTableEnd else { return nil }
                length += lowerTable.row(v).count
            }
            return length
        }
        return lowered ?? lowerByScalars(s)
    }

    /// `lower` of the text with these UTF-8 bytes (valid UTF-8), written into `out`: its length,
    /// or nil when a scalar is past the table or `out` is too short (then lower the string).
    static func lower(utf8 b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        guard let input = b.baseAddress else { return 0 }
        guard let output = out.baseAddress else { return nil }
        let count = b.count, room = out.count
        return lowerTable.bytes.withUnsafeBufferPointer { table in
            lowerTable.offsets.withUnsafeBufferPointer { offsets in
                var n = 0, i = 0
                while i < count {
                    let x = input[i]
                    if x < 0x80 {
                        guard n < room else { return nil }
                        output[n] = x >= 0x41 && x <= 0x5A ? x + 0x20 : x
                        n += 1
                        i += 1
                        continue
                    }
                    let (c, length) = Scalars.decode(b, i)
                    i += length
                    let v = Int(c.value)
                    guard v < Int(foldTableEnd) else { return nil }
                    for o in Int(offsets[v])..<Int(offsets[v + 1]) {
                        guard n < room else { return nil }
                        output[n] = table[o]
                        n += 1
                    }
                }
                return n
            }
        }
    }

    /// `lower` for any text: `lowercased()` (each scalar's lower-case mapping), then the
    /// typographic apostrophes and the non-breaking hyphen made plain.
    static func lowerByScalars(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.lowercased().unicodeScalars {
            switch c.value {
            case 0x2019, 0x2018, 0x02BC: out.append("'")
            case 0x2011: out.append("-")
            default: out.append(c)
            }
        }
        return String(out)
    }

    /// `lowerByScalars` of each scalar below U+2100, as UTF-8 (immutable).
    static let lowerTable = ScalarTable(0..<foldTableEnd) { lowerByScalars(String($0)) }

    /// A string for each scalar of a range, as UTF-8 end to end: scalar v's bytes are
    /// `bytes[offsets[v - first]..<offsets[v - first + 1]]`.
    struct ScalarTable: Sendable {
        let first: UInt32
        let bytes: [UInt8]
        let offsets: [Int32]

        init(_ scalars: Range<UInt32>, _ make: (Unicode.Scalar) -> String) {
            self.init(scalars, rows: scalars.map { Unicode.Scalar($0).map(make) ?? "" })
        }

        /// `rows`: the string of each scalar of `scalars`, in order.
        init(_ scalars: Range<UInt32>, rows: [String]) {
            precondition(rows.count == scalars.count, "a table of \(scalars.count) scalars given \(rows.count) rows")
            first = scalars.lowerBound
            var bytes: [UInt8] = [], offsets: [Int32] = [0]
            offsets.reserveCapacity(rows.count + 1)
            for row in rows {
                bytes += row.utf8
                offsets.append(Int32(bytes.count))
            }
            self.bytes = bytes
            self.offsets = offsets
        }

        /// Where scalar `v`'s bytes are in `bytes`.
        func row(_ v: UInt32) -> Range<Int> {
            let k = Int(v - first)
            return Int(offsets[k])..<Int(offsets[k + 1])
        }
    }

    /// A URL- and file-safe id: folded, ASCII letters and digits separated by single hyphens.
    public static func slug(_ s: String, maxLength: Int = 80) -> String {
        if isSlug(s, maxLength: maxLength) { return s }
        var out = ""
        var pendingHyphen = false
        for scalar in fold(s).unicodeScalars {
            // The ASCII scalars of `CharacterSet.alphanumerics`, without asking Foundation.
            let v = scalar.value
            if (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
                // All ASCII: its bytes are its characters.
                if out.utf8.count >= maxLength { break }
            } else {
                pendingHyphen = true
            }
        }
        return out
    }

    /// Whether `s` is its own slug: lower-case ASCII letters and digits in runs joined by single
    /// hyphens (most file names, e.g. "00042" or "kirby-declaration").
    static func isSlug(_ s: String, maxLength: Int) -> Bool {
        var count = 0
        var previous: UInt8 = 0x2D
        for b in s.utf8 {
            let alnum = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            guard alnum || (b == 0x2D && previous != 0x2D) else { return false }
            previous = b
            count += 1
        }
        return count > 0 && count <= maxLength && previous != 0x2D
    }

    /// Escapes text for HTML element content and quoted attribute values.
    public static func html(_ s: String) -> String { htmlEscaper.escape(s) }

    /// Escapes text for the middle of a Markdown line: inline markup characters get a backslash
    /// (so "<script>" reaches HTML as text), and line breaks become spaces.
    public static func markdownInline(_ s: String) -> String { markdownEscaper.escape(s) }

    static let htmlEscaper = Escaper(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"])
    static let markdownEscaper = Escaper(Dictionary(uniqueKeysWithValues: "\\`*_[]<>&~|!#".map { ($0, "\\" + String($0)) })
                                         .merging(["\n": " ", "\r": " "]) { a, _ in a })

    /// Replaces some ASCII characters by strings, on UTF-8 bytes, with a table: a text with
    /// nothing to escape is returned as it is.
    struct Escaper: Sendable {
        let replacement: [[UInt8]]
        let escaped: [Bool]

        init(_ map: [Character: String]) {
            var r = [[UInt8]](repeating: [], count: 128)
            var e = [Bool](repeating: false, count: 128)
            for (c, s) in map {
                guard let b = c.asciiValue else { continue }
                r[Int(b)] = Array(s.utf8)
                e[Int(b)] = true
            }
            replacement = r
            escaped = e
        }

        func escape(_ s: String) -> String {
            var s = s
            return escaped.withUnsafeBufferPointer { e in
                s.withUTF8 { b in
                    guard let first = b.firstIndex(where: { $0 < 0x80 && e[Int($0)] }) else { return nil }
                    // The runs between the characters to escape are copied whole.
                    var out: [UInt8] = []
                    out.reserveCapacity(b.count + 16)
                    var run = 0
                    for i in first..<b.count where b[i] < 0x80 && e[Int(b[i])] {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                        out += replacement[Int(b[i])]
                        run = i + 1
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run...]))
                    return String(decoding: out, as: UTF8.self)
                }
            } ?? s
        }
    }

    /// Escapes text so that cmark reads it as one plain paragraph: inline markup is escaped, and a
    /// start that would open a block (heading, list, quote, rule, code) is neutralised.
    public static func markdown(_ s: String) -> String {
        protectBlockStart(markdownInline(s))
    }

    /// Neutralises what would open a block at the start of an already escaped line.
    public static func protectBlockStart(_ line: String) -> String {
        var out = line
        while startsWithBlank(out) { out.removeFirst() }
        if let first = out.unicodeScalars.first {
            if "+-=".unicodeScalars.contains(first) {
                out = "\\" + out
            } else if first.value >= 0x30 && first.value <= 0x39 {
                // Only ASCII digits open a list.
                let digits = out.prefix { $0.isASCII && $0.isNumber }
                let rest = out.dropFirst(digits.count)
                if let next = rest.first, next == "." || next == ")" {
                    out = String(digits) + "\\" + rest
                }
            }
        }
        return out
    }

    /// `s.hasPrefix(" ") || s.hasPrefix("\t")`, on the first two bytes: a scalar below U+0300
    /// after the blank is a character of its own, and only another one is asked of `hasPrefix`
    /// (a mark after the blank joins it into a character that is no blank).
    static func startsWithBlank(_ s: String) -> Bool {
        let u = s.utf8
        guard let first = u.first, first == 0x20 || first == 0x09 else { return false }
        let second = u.dropFirst().first
        if second.map({ $0 < 0xCC }) ?? true { return true }
        return s.hasPrefix(" ") || s.hasPrefix("\t")
    }

    /// Escapes a link destination for Markdown: the characters that would end or break it are
    /// percent-encoded, in one pass.
    public static func markdownURL(_ s: String) -> String {
        guard anyByte(s, { $0 == 0x20 || $0 == 0x3C || $0 == 0x3E || $0 == 0x28 || $0 == 0x29 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for c in s.unicodeScalars {
            switch c {
            case " ": out += "%20"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "(": out += "%28"
            case ")": out += "%29"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Single plain spaces between words, none at either end, no other white space: what most
    /// lines already are. Read on the bytes, the flags table taken once (each use of a static
    /// costs a call on Linux); eight bytes at a time where none is a control byte, the lead byte
    /// of a space past ASCII, or 0xEF (U+FEFF's).
    static func isCollapsed(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            Scalars.table.withUnsafeBufferPointer { table in
                var previousSpace = true
                var i = 0
                var chunkEnd = 0
                while i < b.count {
                    if i >= chunkEnd, i + 8 <= b.count, let base = b.baseAddress {
                        let w = ByteWord.load(base, i)
                        if ByteWord.controls(w) | ByteWord.spaceLeads(w) | ByteWord.bytes(w, equalTo: 0xEF) == 0 {
                            // Two spaces in a row, or a first one after a space (or at the start).
                            let spaces = ByteWord.bytes(w, equalTo: 0x20)
                            if spaces & (spaces << 8) != 0 || (previousSpace && spaces & 0x80 != 0) { return false }
                            previousSpace = spaces >> 63 != 0
                            i += 8
                            continue
                        }
                        // This word's bytes one scalar at a time.
                        chunkEnd = i + 8
                    }
                    let x = b[i]
                    // The rest of a scalar begun in eight plain bytes: not a space.
                    if x & 0xC0 == 0x80 {
                        previousSpace = false
                        i += 1
                        continue
                    }
                    if x == 0x20 {
                        if previousSpace { return false }
                        previousSpace = true
                        i += 1
                        continue
                    }
                    if x < 0x80 {
                        if Scalars.isASCIISpace(x) { return false }
                        i += 1
                    } else {
                        let (c, n) = Scalars.decode(b, i)
                        if Scalars.flags(c, in: table) & Scalars.space != 0 || c.value == 0x200B || c.value == 0xFEFF { return false }
                        i += n
                    }
                    previousSpace = false
                }
                return !previousSpace || b.isEmpty
            }
        }
    }

    /// Collapses runs of white space (including non-breaking and thin spaces) to one space and trims.
    public static func collapseSpaces(_ s: String) -> String {
        if isCollapsed(s) { return s }
        var out = String.UnicodeScalarView()
        var pending = false
        for c in s.unicodeScalars {
            if Scalars.isSpace(c) || c.value == 0x200B || c.value == 0xFEFF {
                pending = !out.isEmpty
            } else {
                if pending { out.append(" "); pending = false }
                out.append(c)
            }
        }
        return String(out)
    }
}
