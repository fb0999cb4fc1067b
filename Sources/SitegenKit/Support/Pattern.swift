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
        let start = s.utf8.index(s.utf8.startIndex, offsetBy: min(max(from, 0), s.utf8.count))
        let results = regex.matches(in: s, options: from > 0 ? [.withTransparentBounds] : [], range: NSRange(start..<s.endIndex, in: s))
        return results.compactMap { r in
            guard let whole = Range(r.range, in: s) else { return nil }
            var subs: [Substring?] = []
            for i in 0..<r.numberOfRanges {
                let nr = r.range(at: i)
                subs.append(nr.location == NSNotFound ? nil : Range(nr, in: s).map { s[$0] })
            }
            return Match(range: whole, output: Groups(subs: subs))
        }
    }
}
