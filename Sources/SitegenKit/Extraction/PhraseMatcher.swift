import Foundation

/// The event finder's patterns that are tried at known word starts (a weekday, "last Monday",
/// "hier", "l'an dernier"), matched by hand on text made of plain scalars, as ICU matches their
/// regular expressions: anchored at the start, case-insensitive, the alternatives of a group
/// tried in order with backtracking, `\b`, `\s+` and `(?![\w-])` as ICU defines them.
///
/// Each attempt through `NSRegularExpression` cost about 25,000 instructions (the sentence
/// copied into UTF-16, the matcher set up, the result boxed); by hand the same attempts cost
/// less than a quarter (for 1,000 generated articles, 55 million instructions against 252). Plain
/// scalars are those whose case folding and classes are known here for sure: ASCII letters,
/// digits, punctuation, tab, line feed, form feed, carriage return, the Latin-1 letters from
/// U+00C0 (but ß, × and ÷), the no-break spaces U+00A0 and U+202F, and the apostrophe ’. When
/// an attempt needs any other scalar (a combining mark, ß, a ligature, Cyrillic...), it goes to
/// the regular expression, so that the answer is always ICU's.
struct PhraseMatcher: Sendable {
    /// One piece of a pattern.
    indirect enum Piece: Sendable {
        /// `\b`.
        case boundary
        /// `\s+`.
        case spaces
        /// `(a|b|c)`, tried in order, captured as group `group` (0: not captured). In a phrase,
        /// with `apostrophes`, "'" stands for `['’]`; with `spaces`, " " for `\s+`.
        case phrases([[Unicode.Scalar]], group: Int, apostrophes: Bool, spaces: Bool)
        /// `(?:…)?`, greedy.
        case optional([Piece])
        /// `(?![\w-])`.
        case notBeforeWordOrHyphen
    }

    let pieces: [Piece]
    /// Capture groups, besides the whole match.
    let groups: Int

    /// nil when a phrase has a scalar that is not plain, or a space where `\s+` would be wrong to
    /// take whole (at an end, or two in a row): such a pattern is left to the regular expression.
    init?(_ pieces: [Piece], groups: Int) {
        func valid(_ p: Piece) -> Bool {
            switch p {
            case .boundary, .spaces, .notBeforeWordOrHyphen: return true
            case .optional(let inner): return inner.allSatisfy(valid)
            case .phrases(let list, let group, let apostrophes, let spaces):
                guard group <= groups else { return false }
                return list.allSatisfy { phrase in
                    guard !phrase.isEmpty, phrase.allSatisfy({ Self.isPlain($0.value) }) else { return false }
                    // A list without apostrophes or spaces is put in the expression as it is: only
                    // letters and hyphens are sure to stand for themselves there.
                    if !apostrophes && !spaces && !phrase.allSatisfy({ Self.isWord($0.value) || $0 == "-" }) { return false }
                    guard spaces else { return true }
                    // "\s+" taken whole is right only before a scalar that is not a space.
                    for (k, c) in phrase.enumerated() where c == " " {
                        if k == 0 || k == phrase.count - 1 || phrase[k + 1] == " " { return false }
                    }
                    return !phrase.contains { $0 != " " && Self.isSpace($0.value) }
                }
            }
        }
        guard pieces.allSatisfy(valid) else { return nil }
        self.pieces = pieces
        self.groups = groups
    }

    /// The scalars whose folding and classes this matcher knows.
    static func isPlain(_ v: UInt32) -> Bool {
        switch v {
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20...0x7E, 0xA0, 0x2019, 0x202F: return true
        case 0xC0...0xFF: return v != 0xD7 && v != 0xDF && v != 0xF7
        default: return false
        }
    }

    /// ICU's `\w` among plain scalars: letters, digits and "_".
    static func isWord(_ v: UInt32) -> Bool {
        (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || v == 0x5F
            || ((0xC0...0xFF).contains(v) && v != 0xD7 && v != 0xF7)
    }

    /// ICU's `\s` among plain scalars.
    static func isSpace(_ v: UInt32) -> Bool { v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0C || v == 0x0D || v == 0xA0 || v == 0x202F }

    /// Simple case folding among plain scalars.
    static func fold(_ v: UInt32) -> UInt32 {
        (0x41...0x5A).contains(v) || ((0xC0...0xDE).contains(v) && v != 0xD7) ? v + 0x20 : v
    }

    /// The outcome of one attempt.
    enum Attempt: Equatable {
        /// A match ending at this UTF-8 offset; each group's UTF-8 range, nil when it took no part.
        case match(end: Int, groups: [Range<Int>?])
        case none
        /// A scalar the matcher does not know was needed: ask the regular expression.
        case unknown
    }

    /// The match that starts at UTF-8 offset `at` (a scalar's start) of the text `b`.
    func attempt(_ b: UnsafeBufferPointer<UInt8>, at: Int) -> Attempt {
        var state = State(captures: [Range<Int>?](repeating: nil, count: groups + 1))
        let end = run(pieces, 0, at: at, b, &state) { p, _ in p }
        if state.unknown { return .unknown }
        guard let end else { return .none }
        return .match(end: end, groups: Array(state.captures.dropFirst()))
    }

    struct State {
        var captures: [Range<Int>?]
        var unknown = false
    }

    /// The plain scalar at `p` (nil at the end), or nil with `unknown` set.
    private func scalar(_ b: UnsafeBufferPointer<UInt8>, _ p: Int, _ state: inout State) -> (value: UInt32, length: Int)? {
        guard p < b.count else { return nil }
        let (s, n) = Scalars.decode(b, p)
        guard Self.isPlain(s.value) else { state.unknown = true; return nil }
        return (s.value, n)
    }

    /// Whether `\b` holds at `p`: a word scalar on one side only (nil, with `unknown`, when a
    /// side is not plain).
    private func boundary(_ b: UnsafeBufferPointer<UInt8>, _ p: Int, _ state: inout State) -> Bool? {
        var before = false
        if p > 0 {
            var q = p - 1
            while q > 0 && b[q] & 0xC0 == 0x80 { q -= 1 }
            guard let s = scalar(b, q, &state) else { return nil }
            before = Self.isWord(s.value)
        }
        var after = false
        if p < b.count {
            guard let s = scalar(b, p, &state) else { return nil }
            after = Self.isWord(s.value)
        }
        return before != after
    }

    /// Past the spaces from `p` (nil, with `unknown`, at a scalar that is not plain).
    private func spaces(_ b: UnsafeBufferPointer<UInt8>, from p: Int, _ state: inout State) -> Int? {
        var q = p
        while q < b.count {
            guard let s = scalar(b, q, &state) else { return nil }
            guard Self.isSpace(s.value) else { break }
            q += s.length
        }
        return q
    }

    /// Where `phrase` ends when it stands at `p`, else nil (with `unknown` when a scalar that is
    /// not plain was met).
    private func phrase(_ phrase: [Unicode.Scalar], _ b: UnsafeBufferPointer<UInt8>, at p: Int, apostrophes: Bool, spaces takesSpaces: Bool,
                        _ state: inout State) -> Int? {
        var q = p
        for c in phrase {
            if takesSpaces && c == " " {
                guard let after = spaces(b, from: q, &state), after > q else { return nil }
                q = after
                continue
            }
            guard let s = scalar(b, q, &state) else { return nil }
            if apostrophes && c == "'" {
                guard s.value == 0x27 || s.value == 0x2019 else { return nil }
            } else if Self.fold(s.value) != Self.fold(c.value) {
                return nil
            }
            q += s.length
        }
        return q
    }

    /// Matches `seq` from its piece `k` at `p`, then `next`; the end of the whole match, or nil.
    private func run(_ seq: [Piece], _ k: Int, at p: Int, _ b: UnsafeBufferPointer<UInt8>, _ state: inout State,
                     next: (Int, inout State) -> Int?) -> Int? {
        guard !state.unknown else { return nil }
        guard k < seq.count else { return next(p, &state) }
        switch seq[k] {
        case .boundary:
            guard boundary(b, p, &state) == true else { return nil }
            return run(seq, k + 1, at: p, b, &state, next: next)
        case .spaces:
            guard let q = spaces(b, from: p, &state), q > p else { return nil }
            return run(seq, k + 1, at: q, b, &state, next: next)
        case .phrases(let list, let group, let apostrophes, let takesSpaces):
            for candidate in list {
                guard let q = phrase(candidate, b, at: p, apostrophes: apostrophes, spaces: takesSpaces, &state) else {
                    if state.unknown { return nil }
                    continue
                }
                let saved = state.captures[group]
                if group > 0 { state.captures[group] = p..<q }
                if let end = run(seq, k + 1, at: q, b, &state, next: next) { return end }
                if state.unknown { return nil }
                state.captures[group] = saved
            }
            return nil
        case .optional(let inner):
            // A group inside that took part in an attempt that failed was put back by its piece.
            if let end = run(inner, 0, at: p, b, &state, next: { q, s in run(seq, k + 1, at: q, b, &s, next: next) }) { return end }
            if state.unknown { return nil }
            return run(seq, k + 1, at: p, b, &state, next: next)
        case .notBeforeWordOrHyphen:
            if p < b.count {
                guard let s = scalar(b, p, &state) else { return nil }
                if Self.isWord(s.value) || s.value == 0x2D { return nil }
            }
            return run(seq, k + 1, at: p, b, &state, next: next)
        }
    }

    /// `Pattern.matches(in:startingAt:)` of `regex`, the pattern this matcher stands for: each
    /// start that no match covers is tried here, or by `regex` when this cannot tell.
    func matches(in s: String, startingAt starts: [Int], regex: Pattern) -> [Pattern.Match] {
        var text = s
        text.makeContiguousUTF8()
        var places: UTF16Places?
        var found: [Pattern.Match] = []
        var end = 0
        let count = text.utf8.count
        for at in starts where at >= end && at <= count {
            let outcome = text.withUTF8 { attempt($0, at: at) }
            switch outcome {
            case .none: continue
            case .match(let stop, let groups):
                let u = s.utf8
                func index(_ o: Int) -> String.Index { u.index(u.startIndex, offsetBy: o) }
                var subs: [Substring?] = [s[index(at)..<index(stop)]]
                for g in groups { subs.append(g.map { s[index($0.lowerBound)..<index($0.upperBound)] }) }
                found.append(Pattern.Match(range: index(at)..<index(stop), output: Pattern.Groups(subs: subs)))
                end = stop
            case .unknown:
                if places == nil { places = UTF16Places(text) }
                guard var p = places, let tried = regex.firstMatch(in: text, at: at, places: &p) else { continue }
                places = p
                if let m = tried.match { found.append(m) }
                end = tried.end
            }
        }
        return found
    }
}
