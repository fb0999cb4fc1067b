import Foundation

/// A stretch of a paragraph between quotation marks, found before anyone decides whether it is speech.
public struct QuoteSpan: Hashable, Sendable {
    /// Scalar offsets of the quoted text inside the paragraph (marks excluded).
    public var start: Int
    public var end: Int
    /// Offsets of the marks themselves, where they exist.
    public var openMark: Int?
    public var closeMark: Int?
    /// "opening" or "closing" when that mark was missing and the span was recovered.
    public var recovered: String?
    /// Set when the span continues into the next paragraph (an unclosed quote whose next paragraph opens again).
    public var continuesNext: Bool = false
    /// For the second part of a quote split around its cue (« A, dit-il. B »), the index of the first part.
    public var continues: Int?
}

/// Finds quotation spans: « », “ ”, „ “, "…", ‹ ›, ‘ ’ and '…' (never an apostrophe), any opening mark
/// with any closing one, nested quotes inside the outer one, and quotes whose opening or closing
/// mark is missing (recovered at a cue such as "dit-il", or at the paragraph's edge).
public enum QuoteSpans {
    enum Mark { case open, close, ambiguous }

    static func classify(_ s: [Unicode.Scalar], _ i: Int) -> Mark? {
        let c = s[i]
        let prev: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
        let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
        func isLetter(_ x: Unicode.Scalar?) -> Bool { x.map { Scalars.isLetterOrNumber($0) } ?? false }
        switch c {
        case "«", "\u{2039}", "\u{201E}": return .open
        case "»":
            // "» Nous devons…" at a paragraph's start reopens a quotation that runs on from the
            // previous paragraph (French usage), when the paragraph has no « of its own.
            if s[..<i].allSatisfy({ Scalars.isSpace($0) }), next.map({ Scalars.isSpace($0) }) ?? false, !s.contains("«") { return .open }
            return .close
        case "\u{203A}": return .close
        case "\u{201C}":
            // “ opens, but German-style „…“ closes with it; after a letter it closes.
            if isLetter(prev) || prev.map({ ".!?,;…".unicodeScalars.contains($0) }) ?? false { return .close }
            return .open
        case "\u{201D}":
            if prev == nil || prev.map({ Scalars.isSpace($0) }) ?? true { return next.map { !Scalars.isSpace($0) } ?? false ? .open : nil }
            return .close
        case "\u{2018}":
            return isLetter(prev) ? nil : .open
        case "\u{2019}":
            // An apostrophe sits between letters; a closing single quote does not.
            if isLetter(prev) && isLetter(next) { return nil }
            return isLetter(prev) || prev.map({ ".!?,…".unicodeScalars.contains($0) }) ?? false ? .close : nil
        case "'":
            // A straight single quote, as plain-text English writes them ('We have no illusions,' he
            // said): it opens before a letter after a space or an opening bracket, and closes after
            // a letter or a final mark before a space or punctuation. Between letters it is an
            // apostrophe; before a digit it is an elision ('90s).
            if isLetter(prev) && isLetter(next) { return nil }
            let opens = prev.map({ Scalars.isSpace($0) || "([{—–-/".unicodeScalars.contains($0) }) ?? true
            if opens { return next.map({ Scalars.isLetter($0) }) ?? false ? .open : nil }
            let closes = next.map({ Scalars.isSpace($0) || ",.;:!?)—–".unicodeScalars.contains($0) }) ?? true
            return closes && (isLetter(prev) || prev.map({ ".!?,…".unicodeScalars.contains($0) }) ?? false) ? .close : nil
        case "\"":
            let prevSpace = prev == nil || prev.map({ Scalars.isSpace($0) || "([{—–-/".unicodeScalars.contains($0) }) ?? true
            let nextSpace = next == nil || next.map({ Scalars.isSpace($0) || ",.;:!?)".unicodeScalars.contains($0) }) ?? true
            if prevSpace && !nextSpace { return .open }
            if !prevSpace && nextSpace { return .close }
            return .ambiguous
        default: return nil
        }
    }

    static func isSingle(_ c: Unicode.Scalar) -> Bool { c == "\u{2018}" || c == "\u{2019}" || c == "\u{2039}" || c == "\u{203A}" || c == "'" }

    /// Whether a straight quote closing after an "s" is rather a plural's possessive ("the officials'
    /// claims"): it is, when a later straight quote in the paragraph can close too.
    static func isPossessive(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        guard s[i] == "'", i > 0, s[i - 1] == "s" || s[i - 1] == "S", i + 1 < s.count, Scalars.isSpace(s[i + 1]) else { return false }
        return s[(i + 1)...].indices.contains { s[$0] == "'" && classify(s, $0) == .close }
    }

    /// Spans of one paragraph. `inverted` tells whether an inverted speech cue ("dit-il") starts at a
    /// scalar offset: an unclosed quote is closed just before such a cue.
    public static func find(in text: String, cueStarts: Set<Int> = []) -> [QuoteSpan] {
        // Most paragraphs hold no mark that can start a span; the only span they can hold is a
        // line of dialogue, which starts with a dash and needs a cue.
        if !holdsMark(text) && (cueStarts.isEmpty || !startsWithDash(text)) { return [] }
        return find(scalars: Scalars.array(text), cueStarts: cueStarts)
    }

    /// Whether `text` holds a mark that can start a span on its own: " « » “ ” „ ‹ ‘, or ' after a
    /// space, bracket or dash. The others,
    /// ’ and ›, close a span only that one of these opened (`find` skips them otherwise).
    static func holdsMark(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            var i = 0
            while i < b.count {
                switch b[i] {
                case 0x22: return true
                case 0x27:
                    // A straight single quote opens only after a space, a bracket or a dash.
                    if i == 0 || [0x20, 0x09, 0x28, 0x5B, 0x7B, 0x2D, 0x2F, 0x93, 0x94, 0xA0].contains(b[i - 1]) { return true }
                case 0xC2: if i + 1 < b.count, b[i + 1] == 0xAB || b[i + 1] == 0xBB { return true }
                case 0xE2:
                    // U+2018, U+201C, U+201D, U+201E, U+2039: E2 80 then 98, 9C, 9D, 9E, B9.
                    if i + 2 < b.count, b[i + 1] == 0x80 {
                        switch b[i + 2] {
                        case 0x98, 0x9C, 0x9D, 0x9E, 0xB9: return true
                        default: break
                        }
                    }
                default: break
                }
                i += 1
            }
            return false
        }
    }

    /// Whether the first scalar after white space is an em or en dash.
    static func startsWithDash(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { !Scalars.isSpace($0) }) else { return false }
        return first == "\u{2014}" || first == "\u{2013}"
    }

    /// `find` on every paragraph, marks or not (the tests compare).
    static func find(scalars s: [Unicode.Scalar], cueStarts: Set<Int>) -> [QuoteSpan] {
        var spans: [QuoteSpan] = []
        // Stack of open marks (offset, isSingle). Only the outermost span is kept; inner marks nest.
        var stack: [(Int, Bool)] = []
        var lastEnd = 0
        let lastSingleClose = s.indices.last(where: { s[$0] == "\u{2019}" || s[$0] == "\u{203A}" || (s[$0] == "'" && classify(s, $0) == .close) }) ?? -1
        var i = 0
        while i < s.count {
            guard var mark = classify(s, i) else { i += 1; continue }
            let single = isSingle(s[i])
            if mark == .ambiguous { mark = stack.contains(where: { s[$0.0] == "\"" }) ? .close : .open }
            if single && mark == .close && (!stack.contains(where: { $0.1 }) || isPossessive(s, i)) { i += 1; continue }
            if single && mark == .open {
                // A ‘ opens only if a ’ closes it later in the paragraph.
                if lastSingleClose <= i { i += 1; continue }
            }
            switch mark {
            case .open:
                stack.append((i, single))
            case .close:
                if let idx = stack.lastIndex(where: { $0.1 == single }) ?? (single ? nil : stack.indices.last) {
                    let open = stack[idx].0
                    stack.removeSubrange(idx...)
                    if stack.isEmpty {
                        spans.append(QuoteSpan(start: open + 1, end: i, openMark: open, closeMark: i, recovered: nil))
                        lastEnd = i + 1
                    }
                } else if !single {
                    // A closing mark with no opening: the quote began at the paragraph's start, or
                    // right after the previous quote or sentence that is not part of it.
                    let start = recoveredStart(s, from: lastEnd, to: i)
                    if i > start { spans.append(QuoteSpan(start: start, end: i, openMark: nil, closeMark: i, recovered: "opening")) }
                    lastEnd = i + 1
                }
            case .ambiguous: break
            }
            i += 1
        }
        if let (open, _) = stack.first {
            // Never closed: up to an inverted cue ("… ? dit-il."), else to the paragraph's end.
            var end = s.count
            if let cue = cueStarts.filter({ $0 > open + 1 }).min() {
                end = cue
                while end > open + 1, Scalars.isSpace(s[end - 1]) || s[end - 1] == "," { end -= 1 }
            }
            while end > open + 1, Scalars.isSpace(s[end - 1]) { end -= 1 }
            if end > open + 1 {
                spans.append(QuoteSpan(start: open + 1, end: end, openMark: open, closeMark: nil, recovered: "closing",
                                       continuesNext: end == s.count))
            }
        }
        // "— Nous sommes prêts, a-t-il assuré.": a line of dialogue opened by a dash, up to the
        // comma before its inverted cue.
        if spans.isEmpty, stack.isEmpty, let dash = s.firstIndex(where: { !Scalars.isSpace($0) }), s[dash] == "\u{2014}" || s[dash] == "\u{2013}",
           dash + 1 < s.count, Scalars.isSpace(s[dash + 1]), let cue = cueStarts.filter({ $0 > dash + 2 }).min() {
            var end = cue
            while end > dash + 2, Scalars.isSpace(s[end - 1]) { end -= 1 }
            if end > dash + 2, s[end - 1] == "," {
                spans.append(QuoteSpan(start: dash + 2, end: end - 1, openMark: dash, closeMark: nil, recovered: nil))
            }
        }
        return spans.map { trim($0, s) }.filter { $0.end > $0.start }
    }

    static func recoveredStart(_ s: [Unicode.Scalar], from: Int, to: Int) -> Int {
        // The paragraph's start, or after the previous closed quote.
        var start = from
        while start < to, Scalars.isSpace(s[start]) || s[start] == "," { start += 1 }
        return start
    }

    static func trim(_ span: QuoteSpan, _ s: [Unicode.Scalar]) -> QuoteSpan {
        var q = span
        while q.start < q.end, Scalars.isSpace(s[q.start]) { q.start += 1 }
        while q.end > q.start, Scalars.isSpace(s[q.end - 1]) { q.end -= 1 }
        return q
    }
}
