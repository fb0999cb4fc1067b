import Foundation

/// Finds dates written the ways news sites write them, in French and English, and keeps the
/// precision the text gives: "2024-09" stays a month, "October 22, 2024 08:28" keeps its time.
public struct DateFinder: Sendable {
    public struct Match: Sendable {
        public var date: PartialDate
        public var range: Range<String.Index>
        public var form: String
    }

    let months: [String: Int]
    let monthNames: WordTable
    private let patterns: [(form: String, regex: Pattern)]

    public init(lexicon: Lexicon = .standard) {
        months = lexicon.numbers("months")
        monthNames = WordTable(Set(months.keys))
        // Both the written forms ("février") and the folded ones ("fevrier") are matched.
        var forms = Set(months.keys)
        for e in lexicon["months"] { if let k = e.split(separator: "=").first { forms.insert(String(k).trimmingCharacters(in: .whitespaces).lowercased()) } }
        let names = forms.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }.map { NSRegularExpression.escapedPattern(for: $0) }
        let month = "(" + names.joined(separator: "|") + ")\\.?"
        let time = "(?:\\s*(?:,|à|a|at|-|–|\\|)?\\s*(\\d{1,2})\\s*(?:h|:|\\.)\\s*(\\d{2})(?:\\s*(am|pm|a\\.m\\.|p\\.m\\.))?)?"
        // A year ends at a word's end, or where a time is glued to it ("November 8, 20243:42 PM",
        // as a page's date line often comes out of a copy).
        let yearEnd = "(?:\\b|(?=\\d{1,2}[:h]\\d{2}))"
        let specs: [(String, String)] = [
            ("iso", "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{1,2}):(\\d{2}))?(?![\\d])"),
            ("numeric", "(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?![\\d])" + time),
            ("month-day-year", "\\b" + month + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + yearEnd + time),
            ("day-month-year", "(\\d{1,2})(?:er|st|nd|rd|th)?\\s+" + month + "\\s+(\\d{4})" + yearEnd + time),
            ("iso-month", "(\\d{4})-(\\d{2})(?![\\d-])"),
            ("month-year", "\\b" + month + "\\s+(\\d{4})\\b"),
        ]
        var compiled: [(String, Pattern)] = []
        for (form, p) in specs {
            if let r = Pattern(p) { compiled.append((form, r)) }
        }
        patterns = compiled
        patternCount = specs.count
    }

    /// How many patterns were written, to check that each compiled (`patterns.count`).
    public let patternCount: Int
    public var compiledPatternCount: Int { patterns.count }

    /// What a text holds, found in one pass, so that a pattern that cannot match is not run.
    public struct Hints: Sendable {
        public var fourDigits = false
        public var digitDash = false
        public var digitSeparator = false
        public var monthWord = false
        /// The text's words, folded, in order (repeats kept: most texts are asked once).
        public var words: [String] = []
        /// Where each of `words` starts in the text's UTF-8.
        public var wordStarts: [Int] = []
    }

    public func hints(_ s: String) -> Hints { hints(s, keepingWords: true) }

    /// `keepingWords: false`: `words` stays empty (the dates need only `monthWord`), and no word
    /// becomes a string unless it has a character past the fold table.
    ///
    /// A word is a run of letters and combining marks; anything else ends it (a digit, a space,
    /// "’", "«"), so "12mars", "«mars" and "d’hier" hold the words "mars" and "hier", as a
    /// pattern's `\b` sees them.
    func hints(_ s: String, keepingWords: Bool) -> Hints {
        var h = Hints()
        var run = 0
        var prevDigit = false
        var text = s
        if keepingWords {
            // About one word in six bytes.
            h.words.reserveCapacity(text.utf8.count / 6 + 1)
            h.wordStarts.reserveCapacity(text.utf8.count / 6 + 1)
        }
        text.withUTF8 { b in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { scratch in
                var start = -1
                func endWord(_ end: Int) {
                    guard start >= 0 else { return }
                    let word = UnsafeBufferPointer(rebasing: b[start..<end])
                    let at = start
                    start = -1
                    // Folded in the scratch buffer: a word kept is made a string once, from its fold.
                    if let n = Text.fold(utf8: word, into: scratch) {
                        let folded = UnsafeBufferPointer(rebasing: scratch[0..<n])
                        if !h.monthWord, monthNames.contains(utf8: folded) { h.monthWord = true }
                        if keepingWords { h.words.append(String(decoding: folded, as: UTF8.self)); h.wordStarts.append(at) }
                        return
                    }
                    let w = Text.fold(String(decoding: word, as: UTF8.self))
                    if keepingWords { h.words.append(w); h.wordStarts.append(at) }
                    if monthNames.contains(w) { h.monthWord = true }
                }
                var i = 0
                while i < b.count {
                    let byte = b[i]
                    guard byte < 0x80 else {
                        // A character past ASCII: part of a word if it is a letter or a mark
                        // ("é", a combining accent), a break otherwise ("’", "«", "—").
                        run = 0
                        prevDigit = false
                        let (c, length) = Scalars.decode(b, i)
                        if Scalars.flags(c) & (Scalars.letter | Scalars.mark) != 0 {
                            if start < 0 { start = i }
                        } else {
                            endWord(i)
                        }
                        i += length
                        continue
                    }
                    let isDigit = byte >= 0x30 && byte <= 0x39
                    if isDigit { run += 1; if run >= 4 { h.fourDigits = true } } else { run = 0 }
                    if prevDigit && byte == 0x2D { h.digitDash = true }
                    if prevDigit && (byte == 0x2F || byte == 0x2E) { h.digitSeparator = true }
                    prevDigit = isDigit
                    if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) {
                        if start < 0 { start = i }
                    } else {
                        endWord(i)
                    }
                    i += 1
                }
                endWord(b.count)
            }
        }
        return h
    }

    /// Four ASCII digits in a row: every form has a year, so a text without them has no date.
    static func hasYearDigits(_ s: String) -> Bool {
        Text.withBytes(s) { b in
            var run = 0
            for x in b {
                if x >= 0x30 && x <= 0x39 { run += 1; if run >= 4 { return true } } else { run = 0 }
            }
            return false
        }
    }

    /// Every date in `s`, left to right, without overlaps (the more precise form wins a tie).
    public func all(in s: String) -> [Match] {
        guard Self.hasYearDigits(s) else { return [] }
        return all(in: s, hints: hints(s, keepingWords: false))
    }

    public func all(in s: String, hints h: Hints) -> [Match] {
        var found: [Match] = []
        guard h.fourDigits else { return found } // every form here has a year
        for (form, regex) in patterns {
            switch form {
            case "iso", "iso-month": if !h.digitDash { continue }
            case "numeric": if !h.digitSeparator && !h.digitDash { continue }
            default: if !h.monthWord { continue }
            }
            for m in regex.matches(in: s) {
                // No digit, hyphen or slash right before: "12024-10" or "3/10/2024" are not these dates.
                if m.range.lowerBound > s.startIndex {
                    let before = s[s.index(before: m.range.lowerBound)]
                    if before.isNumber || before == "-" || before == "/" || (before == "." && form == "numeric") { continue }
                }
                guard let date = makeDate(form: form, m.output) else { continue }
                if found.contains(where: { $0.range.overlaps(m.range) }) { continue }
                found.append(Match(date: date, range: m.range, form: form))
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    public func first(in s: String) -> Match? { all(in: s).first }

    private func int(_ o: Pattern.Groups, _ i: Int) -> Int? {
        guard i < o.count, let sub = o[i].substring else { return nil }
        return Int(sub)
    }

    private func str(_ o: Pattern.Groups, _ i: Int) -> String? {
        guard i < o.count, let sub = o[i].substring else { return nil }
        return String(sub)
    }

    private func month(_ o: Pattern.Groups, _ i: Int) -> Int? {
        guard let name = str(o, i) else { return nil }
        return months[Text.fold(name)]
    }

    private func makeDate(form: String, _ o: Pattern.Groups) -> PartialDate? {
        var y: Int?, mo: Int?, d: Int?, h: Int?, mi: Int?, ampm: String?
        switch form {
        case "iso": y = int(o, 1); mo = int(o, 2); d = int(o, 3); h = int(o, 4); mi = int(o, 5)
        case "numeric":
            d = int(o, 1); mo = int(o, 2); y = int(o, 3); h = int(o, 4); mi = int(o, 5); ampm = str(o, 6)
            // Day first, unless the second number cannot be a month ("11/25/2024") or the time
            // has "AM"/"PM" ("11/05/2024 09:15 AM"): then the American order, month first.
            if let first = d, let second = mo, first <= 12, second > 12 || (ampm != nil && second <= 12) { (d, mo) = (second, first) }
        case "month-day-year": mo = month(o, 1); d = int(o, 2); y = int(o, 3); h = int(o, 4); mi = int(o, 5); ampm = str(o, 6)
        case "day-month-year": d = int(o, 1); mo = month(o, 2); y = int(o, 3); h = int(o, 4); mi = int(o, 5); ampm = str(o, 6)
        case "iso-month": y = int(o, 1); mo = int(o, 2)
        case "month-year": mo = month(o, 1); y = int(o, 2)
        default: return nil
        }
        guard let year = y, (1800...2200).contains(year), let m = mo, (1...12).contains(m) else { return nil }
        if let day = d, !(1...Self.daysIn(month: m, year: year)).contains(day) { return nil }
        if var hour = h {
            // "pm", "p.m."
            if let ap = ampm?.lowercased().replacingOccurrences(of: ".", with: "") { if ap == "pm" && hour < 12 { hour += 12 } else if ap == "am" && hour == 12 { hour = 0 } }
            guard (0...23).contains(hour), let minute = mi, (0...59).contains(minute) else {
                return PartialDate(year: year, month: m, day: d)
            }
            return PartialDate(year: year, month: m, day: d, hour: hour, minute: minute)
        }
        return PartialDate(year: year, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
