import Foundation

/// Finds the dates in an article's sentences. Absolute dates keep their precision; a date
/// without a year takes the article's year (the nearer one); a weekday or "hier" is resolved
/// against the article's date only when that date is known to the day, and is otherwise kept
/// as unresolved rather than guessed.
public struct EventFinder: Sendable {
    let dates: DateFinder
    let months: [String: Int]
    let weekdays: [String: Int]
    /// The keys of `weekdays`, asked of every word of a sentence that may hold a date.
    let weekdayWords: WordTable
    let relativeDays: [String: Int]
    /// "l'an dernier" -> (year, -1), "le mois prochain" -> (month, +1); keys in lower case with
    /// straight apostrophes and single spaces.
    let relativePeriods: [String: (year: Bool, offset: Int)]
    /// The words a relative period turns on ("an", "mois", "year"), and those that must stand
    /// after ("dernier", "prochain", "ci") or before ("cette", "last") them: "an" alone is no date.
    let periodHeads: WordTable
    let periodAfter: WordTable
    let periodBefore: WordTable
    /// Words that put a weekday after them in the future (`saysFuture`), and words with the
    /// ending of a French future that are none.
    let futureWords: WordTable
    let notFutureWords: WordTable
    /// Each pattern by its form; the patterns tried at known word starts have a hand matcher too.
    let patterns: [(form: String, regex: Pattern, phrases: PhraseMatcher?)]

    public init(lexicon: Lexicon = .standard) {
        dates = DateFinder(lexicon: lexicon)
        months = dates.months
        weekdays = lexicon.numbers("weekdays")
        weekdayWords = WordTable(Set(weekdays.keys))
        var rel: [String: Int] = [:]
        for e in lexicon["relative.days"] {
            let kv = e.split(separator: "=")
            if kv.count == 2, let v = Int(kv[1].trimmingCharacters(in: .whitespaces)) { rel[Text.lower(String(kv[0]).trimmingCharacters(in: .whitespaces))] = v }
        }
        relativeDays = rel
        var periods: [String: (year: Bool, offset: Int)] = [:]
        for e in lexicon["relative.periods"] {
            let kv = e.split(separator: "=")
            guard kv.count == 2 else { continue }
            let value = kv[1].trimmingCharacters(in: .whitespaces)
            let isYear = value.hasPrefix("year")
            guard isYear || value.hasPrefix("month"), let n = Int(value.dropFirst(isYear ? 4 : 5).replacingOccurrences(of: "+", with: "")) else { continue }
            periods[Text.lower(kv[0].trimmingCharacters(in: .whitespaces)).split(separator: " ").joined(separator: " ")] = (isYear, n)
        }
        relativePeriods = periods
        periodHeads = WordTable(["an", "annee", "mois", "year", "month"])
        periodAfter = WordTable(["dernier", "derniere", "passe", "passee", "prochain", "prochaine", "ci"])
        periodBefore = WordTable(["cette", "ce", "last", "next", "this"])
        futureWords = WordTable(lexicon.foldedSet("future.words"))
        notFutureWords = WordTable(lexicon.foldedSet("future.not"))
        var trig = Set(months.keys).union(weekdays.keys)
        for k in rel.keys { trig.insert(Text.fold(k)); for part in k.split(whereSeparator: { $0 == "'" || $0 == "-" }) { trig.insert(Text.fold(String(part))) } }
        for w in ["last", "this"] { trig.insert(w) }
        triggers = WordTable(trig)
        var relWords = Set<String>()
        for k in rel.keys { for part in k.split(whereSeparator: { $0 == "'" || $0 == "-" }) { relWords.insert(Text.fold(String(part))) } }
        relativeWords = WordTable(relWords)
        var forms = Set(months.keys)
        for e in lexicon["months"] { if let k = e.split(separator: "=").first { forms.insert(String(k).trimmingCharacters(in: .whitespaces).lowercased()) } }
        // Without a year, a three-letter abbreviation ("mar", "jan", "oct": the start of a longer
        // name of its month) is too often a word or a name to count as a month. A short full name
        // ("mai", "may") counts, and one that is also a word ("may") only with its capital.
        let numbers = dates.months
        let named = forms.filter { form in
            form.count > 3 || !forms.contains { $0.count > form.count && $0.hasPrefix(form) && numbers[Text.fold($0)] == numbers[Text.fold(form)] }
        }
        let month = "(" + named.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }.joined(separator: "|") + ")"
        // With its period, an abbreviation is a month before a day: "Feb. 23", "Jan. 20" (with its
        // capital, checked in `resolve`).
        // (So is a longer one with its period: "Sept. 4".)
        let shortened = forms.filter { form in forms.contains { $0.count > form.count && $0.hasPrefix(form) && numbers[Text.fold($0)] == numbers[Text.fold(form)] } }
        let abbreviated = shortened.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }.map { $0 + "\\." }
        let monthBeforeDay = "(" + (named.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 } + abbreviated).joined(separator: "|") + ")"
        monthWords = WordTable(lexicon.foldedSet("months.also.words"))
        var wd = Set(weekdays.keys)
        for e in lexicon["weekdays"] { if let k = e.split(separator: "=").first { wd.insert(String(k).lowercased()) } }
        let weekdayList = wd.sorted { $0.count > $1.count }
        let weekday = "(" + weekdayList.joined(separator: "|") + ")"
        // "aujourd'hui" is also written with a typographic apostrophe.
        let relativeList = rel.keys.sorted { $0.count > $1.count }
        let relative = "(" + relativeList
            .map { NSRegularExpression.escapedPattern(for: $0).replacingOccurrences(of: "'", with: "['’]") }.joined(separator: "|") + ")"
        let periodList = periods.keys.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        let period = "(" + periodList
            .map { NSRegularExpression.escapedPattern(for: $0).replacingOccurrences(of: "'", with: "['’]").replacingOccurrences(of: " ", with: "\\s+") }
            .joined(separator: "|") + ")"
        let lastWords = ["last", "this", "ce"]
        let dayParts = ["dernier", "prochain", "soir", "matin", "après-midi", "night", "morning", "evening"]
        let specs: [(String, String)] = [
            ("day-month", "\\b(\\d{1,2})(?:er)?\\s+" + month + "\\b"),
            ("month-day", "\\b" + monthBeforeDay + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b"),
            ("in-month", "\\b(?:en|in|au mois d'|au mois de|début|fin|mi-|early|late|mid-)\\s*" + month + "\\b"),
            ("year", "\\b(?:en|in|de|depuis|since|from|to|à|jusqu'en|during|pendant|l'an|année|year)\\s+(1[89]\\d\\d|20\\d\\d|21\\d\\d)\\b"),
            ("last-weekday", "\\b(?:" + lastWords.joined(separator: "|") + ")\\s+" + weekday + "\\b"),
            ("weekday", "\\b" + weekday + "(?:\\s+(" + dayParts.joined(separator: "|") + "))?\\b"),
            ("relative", "\\b" + relative + "(?![\\w-])"),
            ("relative-period", "\\b" + period + "(?![\\w-])"),
        ]
        // The same lists, in the same order, for the hand matchers (`PhraseMatcher`).
        func scalars(_ list: [String]) -> [[Unicode.Scalar]] { list.map { Array($0.unicodeScalars) } }
        typealias Piece = PhraseMatcher.Piece
        let weekdayPiece = Piece.phrases(scalars(weekdayList), group: 1, apostrophes: false, spaces: false)
        let candidates: [String: PhraseMatcher?] = [
            "last-weekday": PhraseMatcher([.boundary, .phrases(scalars(lastWords), group: 0, apostrophes: false, spaces: false), .spaces,
                                           weekdayPiece, .boundary], groups: 1),
            "weekday": PhraseMatcher([.boundary, weekdayPiece,
                                      .optional([.spaces, .phrases(scalars(dayParts), group: 2, apostrophes: false, spaces: false)]), .boundary],
                                     groups: 2),
            "relative": PhraseMatcher([.boundary, .phrases(scalars(relativeList), group: 1, apostrophes: true, spaces: false),
                                       .notBeforeWordOrHyphen], groups: 1),
            "relative-period": PhraseMatcher([.boundary, .phrases(scalars(periodList), group: 1, apostrophes: true, spaces: true),
                                              .notBeforeWordOrHyphen], groups: 1),
        ]
        let hand = candidates.compactMapValues { $0 }
        var compiled: [(String, Pattern, PhraseMatcher?)] = []
        for (form, p) in specs { if let r = Pattern(p) { compiled.append((form, r, hand[form])) } }
        patterns = compiled
        patternCount = specs.count
    }

    public let patternCount: Int
    public var compiledPatternCount: Int { patterns.count }
    let triggers: WordTable
    let relativeWords: WordTable
    /// Month names that are also common words ("may"): in lower case they are the word.
    let monthWords: WordTable

    public struct Found: Sendable, Hashable {
        public var date: PartialDate?
        public var text: String
        public var resolution: String
        public var range: Range<String.Index>

        public static func == (a: Found, b: Found) -> Bool { a.date == b.date && a.text == b.text && a.range == b.range }
        public func hash(into h: inout Hasher) { h.combine(text) }
    }

    /// Whether a sentence can hold a date at all: a digit, a month, weekday or relative-day word,
    /// or a relative period. The regexes run only on such sentences (most have none).
    public func mayHoldDate(_ tokens: ArraySlice<Token>) -> Bool {
        // "l'an dernier", "cette année", "ce mois-ci", "last year": a period's head ("an", "mois",
        // "year"…, starting with a, m or y) with its qualifier before it (c, l, n, t) or after it.
        // The first bytes keep the look-ups to the few words that can be one.
        var afterHead = false, afterQualifier = false
        // Each token's fields are read in place (a closure over the tokens copied each one).
        for k in tokens.indices {
            if tokens[k].kind == .number { return true }
            let f = tokens[k].folded
            let first = f.utf8.first ?? 0, length = f.utf8.count
            // A first byte from 0x80 up may start a digit of another script.
            if first >= 0x80, f.unicodeScalars.first.map(Scalars.isNumber) == true { return true }
            if (0x30...0x39).contains(first) || triggers.contains(f) { return true }
            // "mi-octobre", "mid-March": the month after the hyphen.
            if first == 0x6D, length > 4, f.hasPrefix("mi-") || f.hasPrefix("mid-"), triggers.contains(String(f.drop { $0 != "-" }.dropFirst())) { return true }
            if afterHead, periodAfter.contains(f) { return true }
            afterHead = false
            if length <= 7, first == 0x61 || first == 0x6D || first == 0x79 {
                let head = f.utf8.last == 0x73 && f.hasSuffix("'s") ? String(f.dropLast(2)) : f // "this year's"
                if head == "mois-ci" { return true }
                if periodHeads.contains(head) {
                    if afterQualifier { return true }
                    afterHead = true
                }
            }
            afterQualifier = length <= 5 && (first == 0x63 || first == 0x6C || first == 0x6E || first == 0x74) && periodBefore.contains(f)
        }
        return false
    }

    /// Dates in one sentence, left to right, resolved against `reference` (the article's date).
    /// `fromFirstWord: false` searches each pattern at every place of the sentence (tests compare).
    public func find(in sentence: String, reference: PartialDate?, fromFirstWord: Bool = true) -> [Found] {
        var found: [Found] = []
        let h = dates.hints(sentence)
        let hasDigit = Text.anyByte(sentence) { $0 >= 0x30 && $0 <= 0x39 }
        for m in dates.all(in: sentence, hints: h) {
            found.append(Found(date: m.date, text: String(sentence[m.range]), resolution: "absolute", range: m.range))
        }
        // Where a match of the weekday, "last"/"this", relative-day and period patterns can start:
        // at a weekday, at "last", "this" or "ce" (before a weekday), at a relative-day word, and
        // at most one word before a period's head ("l'an", "cette année"). Their patterns are
        // tried at those words only, not at every place of the sentence.
        func starts(_ kind: (String) -> Bool) -> [Int] { h.words.indices.filter { kind(h.words[$0]) }.map { h.wordStarts[$0] } }
        let weekdayStarts = starts { weekdayWords.contains($0) }
        let lastStarts = weekdayStarts.isEmpty ? [] : starts { $0 == "last" || $0 == "this" || $0 == "ce" }
        let relativeStarts = starts { relativeWords.contains($0) }
        var periodStarts: [Int] = []
        for i in h.words.indices {
            let w = h.words[i], first = w.utf8.first ?? 0
            guard w.utf8.count <= 5, first == 0x61 || first == 0x6D || first == 0x79, periodHeads.contains(w),
                  i > 0 && periodBefore.contains(h.words[i - 1]) || i + 1 < h.words.count && periodAfter.contains(h.words[i + 1]) else { continue }
            let at = h.wordStarts[max(0, i - 1)]
            if periodStarts.last != at { periodStarts.append(at) }
        }
        for (form, regex, phrases) in patterns {
            var starts: [Int]?
            switch form {
            case "day-month", "month-day": if !hasDigit || !h.monthWord { continue }
            case "in-month": if !h.monthWord { continue }
            case "year": if !h.fourDigits { continue }
            case "weekday": starts = weekdayStarts
            case "last-weekday": starts = lastStarts
            case "relative": starts = relativeStarts
            case "relative-period": starts = periodStarts
            default: break
            }
            if starts?.isEmpty == true { continue }
            let matches: [Pattern.Match]
            if fromFirstWord, let starts {
                // At the known word starts: by hand where the pattern has a matcher, else by ICU.
                matches = phrases?.matches(in: sentence, startingAt: starts, regex: regex) ?? regex.matches(in: sentence, startingAt: starts)
            } else {
                matches = regex.matches(in: sentence)
            }
            for m in matches {
                if found.contains(where: { $0.range.overlaps(m.range) }) { continue }
                let text = String(sentence[m.range])
                let future = form == "weekday" && saysFuture(h, in: sentence, before: sentence.utf8.distance(from: sentence.utf8.startIndex, to: m.range.lowerBound))
                if let f = resolve(form: form, m.output, text: text, reference: reference, future: future) {
                    found.append(Found(date: f.0, text: text, resolution: f.1, range: m.range))
                }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private func str(_ o: Pattern.Groups, _ i: Int) -> String? {
        guard i < o.count, let s = o[i].substring else { return nil }
        return String(s)
    }

    /// The year that puts month/day nearest to the reference date.
    func nearestYear(month: Int, day: Int?, reference: PartialDate) -> Int {
        let ref = reference.year * 12 + (reference.month ?? 6)
        let candidates = [reference.year - 1, reference.year, reference.year + 1]
        return candidates.min { abs($0 * 12 + month - ref) < abs($1 * 12 + month - ref) } ?? reference.year
    }

    /// Whether one of the four words before a place (a byte offset) says the future: "doit
    /// s'exprimer jeudi", "se rendra jeudi", "will meet on Thursday", "is due to speak on Friday".
    /// The words come from the hints of `sentence`, folded.
    func saysFuture(_ h: DateFinder.Hints, in sentence: String, before offset: Int) -> Bool {
        let end = h.wordStarts.firstIndex { $0 >= offset } ?? h.words.count
        let utf8 = sentence.utf8
        return (max(0, end - 4)..<end).contains { i in
            let w = h.words[i]
            if futureWords.contains(w) { return true }
            // A French verb in the future tense ("rendra", "tiendront", "participera"), in lower case.
            guard w.utf8.count >= 5, h.wordStarts[i] < offset,
                  !(0x41...0x5A).contains(utf8[utf8.index(utf8.startIndex, offsetBy: h.wordStarts[i])]) else { return false }
            return Words.hasFrenchFutureEnding(w) && !notFutureWords.contains(w)
        }
    }

    private func resolve(form: String, _ o: Pattern.Groups, text: String, reference: PartialDate?, future: Bool = false) -> (PartialDate?, String)? {
        if form == "day-month" || form == "month-day" || form == "in-month",
           let name = str(o, form == "day-month" ? 2 : 1), monthWords.contains(Text.fold(name)) || name.hasSuffix("."),
           !(name.unicodeScalars.first.map(Scalars.isUpper) ?? false) {
            return nil
        }
        switch form {
        case "day-month", "month-day":
            let (dayText, monthText) = form == "day-month" ? (str(o, 1), str(o, 2)) : (str(o, 2), str(o, 1))
            guard let d = dayText.flatMap(Int.init), let mname = monthText?.trimmingCharacters(in: ["."]), let m = months[Text.fold(mname)], (1...31).contains(d) else { return nil }
            guard let ref = reference else { return (nil, "no-year") }
            let y = nearestYear(month: m, day: d, reference: ref)
            guard d <= DateFinder.daysIn(month: m, year: y) else { return nil }
            return (PartialDate(year: y, month: m, day: d), "year-from-article")
        case "in-month":
            guard let mname = str(o, 1), let m = months[Text.fold(mname)] else { return nil }
            guard let ref = reference else { return (nil, "no-year") }
            return (PartialDate(year: nearestYear(month: m, day: nil, reference: ref), month: m), "year-from-article")
        case "year":
            guard let y = str(o, 1).flatMap(Int.init) else { return nil }
            return (PartialDate(year: y), "absolute")
        case "weekday", "last-weekday":
            guard let name = str(o, 1), let wd = weekdays[Text.fold(name)] else { return nil }
            let qualifier = Text.fold(str(o, 2) ?? "")
            guard let ref = reference, let date = Self.date(ref) else { return (nil, "relative-unresolved") }
            // Reported events are past: the latest such weekday on or before the article's date,
            // unless the text says "prochain".
            let current = Self.weekday(date)
            var delta = (current - wd + 7) % 7
            if qualifier == "dernier" || (form == "last-weekday" && text.lowercased().hasPrefix("last")) { if delta == 0 { delta = 7 } }
            if qualifier == "prochain" { delta = -((wd - current + 7) % 7 == 0 ? 7 : (wd - current + 7) % 7) }
            // A future verb before it ("doit s'exprimer jeudi"): the first such day from the article's.
            else if future { delta = -((wd - current + 7) % 7) }
            // "ce jeudi", "this Thursday": that day of the article's week, Monday to Sunday,
            // before or after the article's day.
            if form == "last-weekday", !text.lowercased().hasPrefix("last") { delta = current - wd }
            return (Self.add(days: -delta, to: date), "relative")
        case "relative-period":
            guard let p = relativePeriods[Text.lower(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")] else { return nil }
            guard let ref = reference else { return (nil, "relative-unresolved") }
            if p.year { return (PartialDate(year: ref.year + p.offset), "relative") }
            guard let month = ref.month else { return (nil, "relative-unresolved") }
            let index = ref.year * 12 + (month - 1) + p.offset
            return (PartialDate(year: index / 12, month: index % 12 + 1), "relative")
        case "relative":
            guard let offset = relativeDays[Text.lower(text)] else { return nil }
            guard let ref = reference, let date = Self.date(ref) else { return (nil, "relative-unresolved") }
            return (Self.add(days: offset, to: date), "relative")
        default:
            return nil
        }
    }

    // MARK: - Calendar arithmetic on days (proleptic Gregorian), no time zones involved.

    static func date(_ p: PartialDate) -> (Int, Int, Int)? {
        guard let m = p.month, let d = p.day else { return nil }
        return (p.year, m, d)
    }

    /// Days since 1970-01-01.
    static func dayNumber(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// 1 = Monday … 7 = Sunday.
    static func weekday(_ date: (Int, Int, Int)) -> Int {
        let n = dayNumber(date.0, date.1, date.2)
        return ((n % 7) + 7 + 3) % 7 + 1 // 1970-01-01 was a Thursday
    }

    static func add(days: Int, to date: (Int, Int, Int)) -> PartialDate {
        let (y, m, d) = civil(dayNumber(date.0, date.1, date.2) + days)
        return PartialDate(year: y, month: m, day: d)
    }

    /// The dated sentences of an article, one event per sentence (its most precise date).
    public func events(of article: Article, analysis: ArticleAnalysis, personOfName: [Int?], people: [Person]) -> [Event] {
        var out: [Event] = []
        let namesByParagraph = Dictionary(grouping: analysis.names.indices, by: { analysis.names[$0].paragraph })
        for (pi, p) in analysis.paragraphs.enumerated() where p.kind == .text {
            var bounds = p.sentenceStarts
            bounds.append(p.tokens.count)
            for si in 0..<(bounds.count - 1) where bounds[si] < bounds[si + 1] {
                guard mayHoldDate(p.tokens[bounds[si]..<bounds[si + 1]]) else { continue }
                let lo = p.tokens[bounds[si]].start, hi = p.tokens[bounds[si + 1] - 1].end
                // A real sentence is short; a run-on "sentence" is searched only at its start.
                let sentence = p.scalarText(lo, min(hi, lo + 1500))
                let found = find(in: sentence, reference: article.date)
                guard !found.isEmpty else { continue }
                // The most precise date; at the same precision a written date beats one worked out
                // from a weekday ("le dimanche 7 juillet 2024" is the 7th, whatever the weekday).
                func rank(_ f: Found) -> Int {
                    guard let d = f.date else { return -1 }
                    let written = f.resolution == "relative" ? 0 : 1
                    switch d.precision { case .time: return 8 + written; case .day: return 6 + written; case .month: return 4 + written; case .year: return 2 + written }
                }
                guard let best = found.max(by: { rank($0) < rank($1) }) else { continue }
                var ids: [String] = []
                for ni in namesByParagraph[pi] ?? [] where analysis.names[ni].lo >= bounds[si] && analysis.names[ni].lo < bounds[si + 1] {
                    if let person = personOfName[ni], !ids.contains(people[person].id) { ids.append(people[person].id) }
                }
                let id = "e" + Attributor.hash(article.id + "\u{0}" + sentence)
                out.append(Event(id: id, article: article.id, date: best.date, dateText: best.text, resolution: best.resolution,
                                 sentence: sentence, people: ids, paragraph: pi, start: p.base + lo, end: p.base + hi))
            }
        }
        return out
    }
}
