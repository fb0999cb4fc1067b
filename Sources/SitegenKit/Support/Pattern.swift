import Foundation

/// A compiled regular expression (ICU, through `NSRegularExpression`), case-insensitive. The
/// standard library's `Regex` made date finding a tenth of a build; ICU is many times faster.
/// `@unchecked Sendable`: the expression is immutable after init and ICU matching is thread-safe.
public struct Pattern: @unchecked Sendable {
    let regex: NSRegularExpression

    /// nil when `pattern` does not compile (callers count compiled patterns, and tests check the count).
    public init?(_ pattern: String) {
        guard let r = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
        regex = r
    }

    public struct Group: Sendable { public var substring: Substring? }

    /// The capture groups of a match, 0 being the whole match.
    public struct Groups: Sendable {
        let subs: [Substring?]
        public var count: Int { subs.count }
        public subscript(i: Int) -> Group { Group(substring: subs[i]) }
    }

    public struct Match: Sendable {
        public var range: Range<String.Index>
        public var output: Groups
    }

    /// Every non-overlapping match in `s`, left to right.
    public func matches(in s: String) -> [Match] { matches(in: s, from: 0) }

    /// Every non-overlapping match in `s` that starts at UTF-8 offset `from` or after. What comes
    /// before still counts for `\b` and look-behinds, so the matches are those of the whole text
    /// that start there: a caller that knows no match can start earlier saves the search of the start.
    public func matches(in s: String, from: Int) -> [Match] {
        var places = UTF16Places(s)
        let results = regex.matches(in: s, options: from > 0 ? [.withTransparentBounds] : [],
                                    range: places.range(fromUTF8: min(max(from, 0), s.utf8.count)))
        return results.compactMap { match($0, in: s, &places) }
    }

    /// The matches that start at the UTF-8 offsets `starts` (ascending, each a scalar's start),
    /// left to right, one attempt at each start that no match found already covers. For a
    /// caller that knows every place a match can start: it gives what `matches(in:from:)` gives
    /// (a scan of every place from the first) for the cost of one try at each.
    public func matches(in s: String, startingAt starts: [Int]) -> [Match] {
        var places = UTF16Places(s)
        var found: [Match] = []
        var end = 0
        for at in starts where at >= end && at <= s.utf8.count {
            guard let tried = firstMatch(in: s, at: at, places: &places) else { continue }
            if let m = tried.match { found.append(m) }
            end = tried.end
        }
        return found
    }

    /// The match that starts at UTF-8 offset `at`, and the UTF-8 offset where it ends; nil when
    /// none starts there. A match whose ends are not between characters is left out (nil
    /// `match`), as `matches(in:from:)` leaves it out; what it covers is still passed (`end`).
    func firstMatch(in s: String, at: Int, places: inout UTF16Places) -> (match: Match?, end: Int)? {
        guard let r = regex.firstMatch(in: s, options: [.anchored, .withTransparentBounds], range: places.range(fromUTF8: at)) else { return nil }
        return (match(r, in: s, &places), places.utf8Offset(r.range.location + r.range.length) ?? s.utf8.count)
    }

    private func match(_ r: NSTextCheckingResult, in s: String, _ places: inout UTF16Places) -> Match? {
        guard let whole = places.range(r.range) else { return nil }
        var subs: [Substring?] = []
        for i in 0..<r.numberOfRanges {
            let nr = r.range(at: i)
            subs.append(nr.location == NSNotFound ? nil : places.range(nr).map { s[$0] })
        }
        return Match(range: whole, output: Groups(subs: subs))
    }
}

/// The string ranges of a string's `NSRange`s (UTF-16 offsets), as `Range(_:in:)` gives them
/// (nil unless both ends are character boundaries), found by walking its UTF-8 from the last
/// place asked rather than from its start each time: a match's ranges and the next match's are
/// close by.
struct UTF16Places {
    private let s: String
    /// A UTF-8 offset and its UTF-16 offset, always between two scalars.
    private var utf8 = 0, utf16 = 0

    init(_ s: String) {
        var s = s
        s.makeContiguousUTF8()
        self.s = s
    }

    /// The text from the scalar at UTF-8 offset `from` to its end, in UTF-16.
    mutating func range(fromUTF8 from: Int) -> NSRange {
        var t = s
        let end = t.utf8.count
        let (start, length) = t.withUTF8 { b in
            move(b, toUTF8: from)
            let start = utf16
            move(b, toUTF8: end)
            return (start, utf16 - start)
        }
        return NSRange(location: start, length: length)
    }

    mutating func range(_ r: NSRange) -> Range<String.Index>? {
        guard r.location != NSNotFound, let lower = index(r.location), let upper = index(r.location + r.length) else { return nil }
        return lower..<upper
    }

    /// The index at a UTF-16 offset, if it is a character boundary; nil inside a scalar (between
    /// two surrogates), between two scalars of one character, or past the end.
    mutating func index(_ offset: Int) -> String.Index? {
        guard let at = utf8Offset(offset) else { return nil }
        let u = s.utf8
        return String.Index(u.index(u.startIndex, offsetBy: at), within: s)
    }

    /// The UTF-8 offset at a UTF-16 offset; nil inside a scalar or past the end.
    mutating func utf8Offset(_ offset: Int) -> Int? {
        var t = s
        return t.withUTF8 { b in
            while utf16 > offset { back(b) }
            while utf16 < offset && utf8 < b.count { forward(b) }
            return utf16 == offset ? utf8 : nil
        }
    }

    private mutating func move(_ b: UnsafeBufferPointer<UInt8>, toUTF8 target: Int) {
        while utf8 > target { back(b) }
        while utf8 < target { forward(b) }
    }

    /// Over the scalar that starts here: one UTF-16 unit, two for one of four UTF-8 bytes.
    private mutating func forward(_ b: UnsafeBufferPointer<UInt8>) {
        let x = b[utf8]
        let width = x < 0x80 ? 1 : x < 0xE0 ? 2 : x < 0xF0 ? 3 : 4
        utf8 += width
        utf16 += width == 4 ? 2 : 1
    }

    /// Back over the scalar that ends here.
    private mutating func back(_ b: UnsafeBufferPointer<UInt8>) {
        var start = utf8 - 1
        while b[start] & 0xC0 == 0x80 { start -= 1 }
        utf16 -= utf8 - start == 4 ? 2 : 1
        utf8 = start
    }
}
