import Foundation

/// Separates the body of a pasted clipping from what the web page put around it, by general
/// rules, each with a name that `--verbose` reports. When in doubt a line is kept: losing a
/// sentence is worse than keeping a stray line.
public struct Cleaner: Sendable {
    public struct Line: Sendable {
        public var number: Int
        public var text: String
    }

    public struct Output: Sendable {
        public var title: String?
        public var titleWasGuessed: Bool
        public var author: String?
        public var date: PartialDate?
        public var dateSource: String?
        public var language: String
        public var paragraphs: [Paragraph]
        public var dropped: [DroppedLine]
    }

    let lexicon: Lexicon
    let dates: DateFinder
    let social: [String]
    /// `social` (the lexicon's [noise.social]), searched for all at once.
    let socialSearch: PhraseSearch
    /// [noise.social.places]: a prompt's only when short or addressed to the reader.
    let socialPlaceSearch: PhraseSearch
    /// "Il vous reste 68 % de cet article à lire", "Cet article vous a été utile ?", anywhere in a line.
    let endNoteSearch: PhraseSearch
    let readAlso: [String]
    /// Folded: "image caption", "légende".
    let captionPrefixes: [String]
    /// Their first bytes: most lines start with none of them.
    let captionHeads: PhraseHeads
    let furniture: [String]
    /// The first bytes of the read-also and furniture phrases: most lines start with none of them.
    let readAlsoHeads: PhraseHeads
    let furnitureHeads: PhraseHeads
    let dateWords: Set<String>
    let bylineRoles: Set<String>
    let credits: [String]
    /// Each of `credits` as scalars, for the search of lines of simple scalars.
    let creditScalars: [[Unicode.Scalar]]
    let navigation: Set<String>
    let timeWords: Set<String>
    let rubrics: Set<String>
    let contributions: [String]
    let consent: [String]
    let agencies: Set<String>
    /// Folded: "le figaro", "franceinfo".
    let outlets: Set<String>
    /// The words of the outlets' and agencies' names, and "avec" and "with": words that may stand
    /// beside a date on a date line with an outlet's name ("Ouest-France Avec AFP. Publié le …").
    let outletWords: Set<String>
    let datePrefixes: [String]
    /// The words of each of `datePrefixes`, in the same order (`droppingTrailing` compares words).
    let datePrefixWords: [[String]]
    let bylinePrefixes: [String]
    /// Each of `bylinePrefixes` and a space: how a byline starts.
    let bylineStarts: [String]
    let stopFR: WordTable
    let stopEN: WordTable
    let firstNames: Set<String>
    let notNames: Set<String>
    /// "de", "Le", "van": words that may stand inside a name.
    let particles: Set<String>

    public init(lexicon: Lexicon = .standard, dates: DateFinder? = nil) {
        self.lexicon = lexicon
        self.dates = dates ?? DateFinder(lexicon: lexicon)
        social = lexicon["noise.social"].map(Text.fold)
        socialSearch = PhraseSearch(social)
        socialPlaceSearch = PhraseSearch(lexicon["noise.social.places"].map(Text.fold))
        endNoteSearch = PhraseSearch(lexicon["noise.endnotes"].map(Text.fold))
        readAlso = lexicon["noise.readalso"].map(Text.fold)
        captionPrefixes = lexicon["caption.prefixes"].map(Text.fold)
        captionHeads = PhraseHeads(captionPrefixes)
        furniture = lexicon["noise.furniture"].map(Text.fold)
        readAlsoHeads = PhraseHeads(readAlso)
        furnitureHeads = PhraseHeads(furniture)
        dateWords = lexicon.foldedSet("date.words")
        bylineRoles = lexicon.foldedSet("byline.roles")
        credits = lexicon["credits"].map(Text.fold).sorted { $0.count > $1.count }
        creditScalars = credits.map { Array($0.unicodeScalars) }
        navigation = lexicon.foldedSet("noise.navigation")
        timeWords = lexicon.foldedSet("noise.time.words")
        rubrics = lexicon.foldedSet("noise.rubrics")
        contributions = lexicon["noise.contributions"].map(Text.fold)
        consent = lexicon["noise.consent"].map(Text.fold)
        agencies = lexicon.foldedSet("credits.agencies")
        outlets = lexicon.foldedSet("outlets")
        outletWords = Set((lexicon["outlets"] + lexicon["credits.agencies"] + ["avec", "with"]).flatMap { Text.fold($0).split { !$0.isLetter }.map(String.init) })
        datePrefixes = lexicon["date.prefixes"].map(Text.fold).sorted { $0.count > $1.count }
        datePrefixWords = datePrefixes.map { $0.split(separator: " ").map(String.init) }
        bylinePrefixes = lexicon["byline.prefixes"].map(Text.fold).sorted { $0.count > $1.count }
        bylineStarts = bylinePrefixes.map { $0 + " " }
        stopFR = WordTable(lexicon.foldedSet("stopwords.fr"))
        stopEN = WordTable(lexicon.foldedSet("stopwords.en"))
        firstNames = lexicon.foldedSet("male", "female", "unisex")
        notNames = lexicon.foldedSet("not.names")
        particles = lexicon.foldedSet("particles")
    }

    // MARK: - Entry point

    /// Cleans the lines of one article. `knownTitle` comes from front matter, when the user gave one.
    public func clean(_ input: [Line], knownTitle: String? = nil, defaultLanguage: String = "fr") -> Output {
        var dropped: [DroppedLine] = []
        var kept: [Line] = []
        var author: String?
        var date: PartialDate?
        var dateSource: String?
        let nonEmpty = Self.unwrapped(input.filter { !$0.text.isEmpty })
        // Every per-line count the rules need, in one pass over each line's scalars.
        let facts = nonEmpty.map { LineFacts($0.text, cleaner: self) }
        let totals = facts.reduce(into: (fr: 0, en: 0)) { $0.fr += $1.fr; $0.en += $1.en }
        let language = language(of: totals, fallback: defaultLanguage)
        let latinDocument = facts.reduce(0) { $0 + $1.latin } >= facts.reduce(0) { $0 + $1.otherScript }
        // Lines near the top and bottom may carry metadata (byline, date); the body never does.
        // The top is the first lines that are not noise: a live ticker or a menu pasted above
        // the article does not push its byline down into the body.
        let headCount = 6
        let lastNumbers = Set(nonEmpty.suffix(3).map(\.number))
        var notNoise = 0
        /// Lines left of a list of links under a bare "Lire aussi" or "Related Topics".
        var linkLines = 0
        /// Whether the line before was metadata: a date line right after a byline or a date line
        /// is metadata too, even below the top ("mis à jour le …" under "publié le …").
        var afterMeta = false
        /// Whether the line before was a byline (the outlet's name may follow it).
        var afterByline = false
        var skipNext = false

        func drop(_ line: Line, _ rule: String) { dropped.append(DroppedLine(line: line.number, text: line.text, rule: rule)) }

        // A live blog is its timed entries: sentences after their time ("03h32 : « Nous allons
        // gagner », lance JD Vance …"), at least two, and half of the lines of eight words or
        // more. A ticker beside an article lists headlines, or a few lines among its paragraphs.
        let liveEntries = Set(nonEmpty.indices.filter { i in
            facts[i].words >= 8 && isTicker(nonEmpty[i].text) && hasTerminalPunctuation(nonEmpty[i].text)
        })
        let isLive = liveEntries.count >= 2 && liveEntries.count * 2 >= facts.lazy.filter { $0.words >= 8 }.count

        /// The last line of a block dropped with the line that opens it.
        var skipUntil = -1

        for (index, var line) in nonEmpty.enumerated() {
            if skipNext { skipNext = false; continue }
            if index <= skipUntil { continue }
            let t = line.text
            let fact = facts[index]
            if !fact.hasLetterOrNumber { drop(line, "separator"); continue }
            if isLive, liveEntries.contains(index) {
                // (The entry's time goes: the text is the article's.)
                let rest = Self.afterTickerTime(t) ?? Substring(t)
                dropped.append(DroppedLine(line: line.number, text: String(t.prefix(t.count - rest.count)), rule: "live-time"))
                line.text = String(rest)
                kept.append(line)
                continue
            }
            if isTicker(t) { drop(line, "news-ticker"); continue }
            if isOtherScript(fact, latinDocument: latinDocument) { drop(line, "other-script"); continue }
            if isOtherLanguage(fact, language: language, documentCounts: totals) { drop(line, "other-language"); continue }
            // A line of more than 30 words is no prompt, menu, credit or furniture: only the
            // read-also rule looks at it, and only at its start, so only its start is folded.
            // (Exact up to 30, which is all the rules below ask.)
            let spaceWords = Self.wordCount(t, cappedAt: 31)
            let long = spaceWords > 30
            let folded = long ? Text.fold(String(t.prefix(48))) : Text.fold(t)
            // "12 commentaires" in the article's second half: readers' comments follow, to the end.
            if !long, index >= nonEmpty.count / 2, isCommentsHeader(folded) {
                for rest in nonEmpty[index...] { drop(rest, "comments") }
                break
            }
            if !long, isSocialPrompt(folded, words: spaceWords) {
                drop(line, "social-prompt")
                // A newsletter's box: its name and its pitch, up to its sign-up button within
                // three lines ("Newsletter" / "« International »" / "L'actualité … chaque semaine" /
                // "S'inscrire"), go with it.
                if Text.contains(folded, "newsletter"),
                   let button = (index + 1..<min(nonEmpty.count, index + 5)).first(where: { closesSignUpBox(Text.fold(nonEmpty[$0].text)) }),
                   nonEmpty[(index + 1)..<button].allSatisfy({ Self.wordCount($0.text, cappedAt: 31) <= 30 }) {
                    for l in nonEmpty[(index + 1)...button] { drop(l, "social-prompt") }
                    skipUntil = button
                }
                continue
            }
            if !long, index >= nonEmpty.count - 3, endNoteSearch.occurs(in: folded) { drop(line, "end-notice"); continue }
            if !long, isSignUpTerms(folded) { drop(line, "social-prompt"); continue }
            if isReadAlso(folded, line: t) {
                drop(line, "read-also")
                // (A header alone: "Lire aussi", "La rédaction vous conseille".)
                if fact.words <= 3 || isBareReadAlso(folded) { linkLines = 4 }
                continue
            }
            // The titles listed under a bare "Lire aussi": short lines without a final period (a
            // question may be one: "What are ATACMS missiles?").
            if linkLines > 0, fact.words <= 15, !hasTerminalPunctuation(t) || fact.words <= 10 && t.hasSuffix("?") {
                // (A list's counter, as a screen reader hears it, is no title: "list 1 of 4".)
                if !(fact.words <= 4 && Text.anyByte(t, { $0 >= 0x30 && $0 <= 0x39 })) { linkLines -= 1 }
                drop(line, "read-also")
                continue
            }
            linkLines = 0
            // (A cookie banner says so in its first words, which is all of a long line that is folded.)
            if !long && (isFurniture(folded, words: spaceWords) || isContributors(folded)) || isConsent(folded) { drop(line, "page-furniture"); continue }
            if !long, fact.words <= 12, isNavigation(folded, words: fact.words) || isGluedNavigation(t) { drop(line, "navigation"); continue }
            if !long, fact.words <= 10, isCreditLine(folded, t, words: fact.words) { drop(line, "photo-credit"); continue }
            if !long, fact.words <= 8, isOutletCredit(folded) { drop(line, "byline"); continue }
            if endsWithPhotoCredit(t) || !long && isLabelledCaption(folded) { drop(line, "photo-caption"); continue }
            if Self.isEmbeddedPost(t) { drop(line, "embedded-post"); continue }
            let isHead = notNoise < headCount
            notNoise += 1
            let isMeta = isHead || afterMeta || lastNumbers.contains(line.number)
            afterMeta = false
            // The outlet under a byline: "By Laura Gozzi" / "BBC News".
            if afterByline, fact.words <= 4, !Text.anyByte(t, { $0 == 0x3A }), isSectionLabel(t) {
                drop(line, "byline")
                afterByline = false
                afterMeta = true
                continue
            }
            afterByline = false
            // The date-line and byline rules both look for the dates of the whole line (of at
            // most 140 characters, which is all the byline rule reads): they are found once.
            let lineDates = isMeta && !Text.hasMoreCharacters(t, than: 140) ? dates.all(in: t) : nil
            if isMeta, let d = dateLine(t, found: lineDates) {
                drop(line, "date-line")
                if date == nil { date = d; dateSource = t }
                afterMeta = true
                continue
            }
            if isMeta, let b = byline(t, found: lineDates) {
                drop(line, "byline")
                if author == nil { author = b.author }
                if date == nil, let d = b.date { date = d; dateSource = t }
                afterMeta = true
                // (A byline that names only an outlet may have its group's name under it too:
                // "Article rédigé par franceinfo" / "France Télévisions".)
                afterByline = true
                continue
            }
            // A name alone near the top, above a date line, its outlet's name or its author's role
            // ("Pjotr Sauer" / "Sun 17 Mar 2024", "Paul Kirby" / "BBC News", "Steve Rosenberg" /
            // "Russia editor, Moscow"), is a byline without "par" or "by"; the outlet's name or the
            // role goes with it. Above an outlet or a role, the first name must be a known one.
            // The place it was written from goes: "Lauren Gambino in Washington".
            if isHead, notNoise > 1, author == nil, (2...6).contains(fact.words), index + 1 < nonEmpty.count,
               case let name = Self.withoutPlace(Text.words(t)).joined(separator: " "), looksLikeName(name), !outlets.contains(Text.fold(name)),
               case let next = nonEmpty[index + 1].text, case let outletOrRole = isSectionLabel(next) || isBylineRole(next),
               dateLine(next) != nil || (outletOrRole && startsWithKnownFirstName(t)) {
                drop(line, "byline")
                author = name
                if outletOrRole, index + 2 < nonEmpty.count {
                    drop(nonEmpty[index + 1], "byline")
                    skipNext = true
                }
                afterMeta = true
                continue
            }
            // A name alone right under the headline (the second or, under a section label, the
            // third line of the top), its first name a known one, with the date line after the
            // standfirst under it or the author's note at the end: an opinion piece's byline
            // ("Putin doesn't need to hack the vote…" / "Nina Jankowicz" / its standfirst / "Thu
            // 17 Oct 2024"). (With the body right under it, a name alone is a photo's caption.)
            if isHead, (2...3).contains(notNoise), author == nil, (2...4).contains(fact.words), looksLikeName(t),
               !outlets.contains(Text.fold(t)), index + 2 < nonEmpty.count,
               startsWithKnownFirstName(t),
               dateLine(nonEmpty[index + 2].text) != nil || nonEmpty.suffix(3).contains(where: { $0.text.hasPrefix(t + " ") }) {
                drop(line, "byline")
                author = t
                afterMeta = true
                continue
            }
            // Several names above a date line, each perhaps with a note in parentheses: "Tom
            // Ambrose (now) and Léonie Chao-Fong (earlier)" / "Tue 26 Nov 2024 18.05 GMT".
            if isHead, notNoise > 1, author == nil, (3...16).contains(fact.words), index + 1 < nonEmpty.count,
               let names = namesAlone(t), dateLine(nonEmpty[index + 1].text) != nil {
                drop(line, "byline")
                author = names
                afterMeta = true
                continue
            }
            if isHead, let (d, rest) = datePrefix(t) {
                dropped.append(DroppedLine(line: line.number, text: String(t.prefix(t.count - rest.count)), rule: "date-prefix"))
                if date == nil { date = d; dateSource = t }
                line.text = rest
            } else if isHead, let rest = dispatchPrefix(t) {
                dropped.append(DroppedLine(line: line.number, text: String(t.prefix(t.count - rest.count)), rule: "date-prefix"))
                line.text = rest
            }
            if let c = caption(line.text) ?? slashCredit(line.text) {
                // The credit is set apart from the caption: its photographer is no one the article is about.
                dropped.append(DroppedLine(line: line.number, text: c.credit, rule: "photo-credit"))
                if c.dropWhole {
                    if !c.rest.isEmpty { drop(Line(number: line.number, text: c.rest), "photo-caption") }
                    continue
                }
                line.text = c.rest
            }
            kept.append(line)
        }

        // Signature: the author's name alone, or a lone name on the last line.
        if let last = kept.last, kept.count > 1 {
            let f = Text.fold(last.text)
            if (author != nil && f == Text.fold(author ?? "")) || (looksLikeName(last.text) && !hasTerminalPunctuation(last.text)) {
                if author == nil { author = last.text }
                drop(last, "signature")
                kept.removeLast()
            }
        }
        // The authors' biography under the article: "Julian E. Barnes covers the U.S.
        // intelligence agencies. Maggie Haberman is a senior political correspondent."
        if let a = author, kept.count > 1, let last = kept.last, Self.wordCount(last.text, cappedAt: 41) <= 40 {
            let names = a.components(separatedBy: ", ").flatMap { $0.components(separatedBy: " and ") }.flatMap { $0.components(separatedBy: " et ") }
            let f = Text.fold(last.text)
            if names.contains(where: { n in n.contains(" ") && f.hasPrefix(Text.fold(n) + " ") }) {
                drop(last, "author-bio")
                kept.removeLast()
            }
        }
        if let a = author {
            let fa = Text.fold(a)
            kept.removeAll { line in
                // Only a line about as long as the name can be the name.
                guard abs(line.text.utf8.count - a.utf8.count) <= 8, Text.fold(line.text) == fa else { return false }
                drop(line, "signature")
                return true
            }
        }

        // Title: the user's, else the first line left, after any section label above it.
        var title = knownTitle
        var guessed = false
        if title == nil {
            // A rubric sits above a headline that is itself followed by the body: a one-word line
            // above a line shaped like a headline (no final period, even inside a closing quote;
            // not cut mid-sentence), or a short line above a line shorter than the paragraph
            // after it.
            func looksLikeHeadline(_ i: Int) -> Bool {
                !hasTerminalPunctuation(Self.withoutClosingQuotes(kept[i].text)) && !(kept[i + 1].text.first?.isLowercase ?? false)
            }
            // A label of a few words (a site's name, "Monde Afrique") goes above a long headline.
            // Labels may stack ("World" / "Europe" above the headline, or a topic: "World" / "US
            // election 2024"): each goes when the line under it is a label or a short line without
            // a final mark too, and a headline of more than three words comes after them. Returns
            // where that headline is.
            func headlineBelowLabels(_ i: Int) -> Int? {
                var j = i + 1
                while j < kept.count - 1, wordCount(kept[j].text) <= 3,
                      isSectionLabel(kept[j].text) || !hasTerminalPunctuation(kept[j].text) { j += 1 }
                return j > i + 1 && j < kept.count - 1 && wordCount(kept[j].text) > 3 && wordCount(kept[j].text) <= 40 && looksLikeHeadline(j) ? j : nil
            }
            // A topic of a few words above a headline of five words or more, both without a
            // final mark ("Ukraine war" / "Zelensky says … if US stays firm"): the topic goes.
            if kept.count > 2, wordCount(kept[0].text) <= 3, !isSectionLabel(kept[0].text), !hasTerminalPunctuation(kept[0].text),
               case let n = wordCount(kept[1].text), n >= 5, n <= 40, looksLikeHeadline(1), !hasTerminalPunctuation(kept[1].text),
               Text.fold(kept[0].text) != Text.fold(kept[1].text) {
                drop(kept[0], "section-label")
                kept.removeFirst()
            }
            while kept.count > 2, isSectionLabel(kept[0].text) {
                if let j = headlineBelowLabels(0) {
                    for label in kept[..<j] { drop(label, "section-label") }
                    kept.removeFirst(j)
                    break
                }
                guard wordCount(kept[1].text) > 3 && wordCount(kept[1].text) <= 40
                    && ((wordCount(kept[0].text) == 1 && looksLikeHeadline(1)) || wordCount(kept[2].text) > wordCount(kept[1].text)
                        || (wordCount(kept[1].text) >= 6 && looksLikeHeadline(1))) else { break }
                drop(kept[0], "section-label")
                kept.removeFirst()
            }
            if let first = kept.first {
                if wordCount(first.text) <= 40 {
                    title = withoutKicker(withoutOutlet(first.text))
                    dropped.append(DroppedLine(line: first.number, text: first.text, rule: "title"))
                    kept.removeFirst()
                    // A rubric of one word right under the headline ("Analyse", "Opinion").
                    if kept.count > 1, wordCount(kept[0].text) == 1, isSectionLabel(kept[0].text) {
                        drop(kept[0], "section-label")
                        kept.removeFirst()
                    }
                } else {
                    title = headline(from: first.text)
                    guessed = true
                }
            }
        }
        if let t = title {
            let ft = Text.fold(t)
            let length = t.utf8.count
            kept.removeAll { line in
                // (Or the headline again with its outlet: "… | Le Monde".)
                let n = line.text.utf8.count
                guard abs(n - length) <= 8 || n > length && n <= length + 40 && line.text.hasPrefix(t) else { return false }
                let f = Text.fold(line.text)
                guard f == ft || Text.fold(withoutOutlet(line.text)) == ft else { return false }
                drop(line, "repeated-title")
                return true
            }
        }

        // Paragraphs: a line is a paragraph; a line cut in the middle of a sentence joins the next.
        var paragraphs: [Paragraph] = []
        for line in kept {
            if let prev = paragraphs.last, prev.kind == .text, !hasTerminalPunctuation(prev.text),
               let first = line.text.first, first.isLowercase, Self.wordCount(prev.text, cappedAt: 8) >= 8 {
                paragraphs[paragraphs.count - 1].text += " " + line.text
                continue
            }
            paragraphs.append(Paragraph(text: line.text, kind: .text, line: line.number))
        }
        for i in paragraphs.indices where isHeading(paragraphs[i].text) && i + 1 < paragraphs.count {
            paragraphs[i].kind = .heading
        }
        dropped.sort { ($0.line, $0.rule) < ($1.line, $1.rule) }
        return Output(title: title, titleWasGuessed: guessed, author: author, date: date, dateSource: dateSource,
                      language: language, paragraphs: paragraphs, dropped: dropped)
    }

    // MARK: - Hard-wrapped text

    /// The lines of a text wrapped at a fixed width (pasted from a PDF, an e-mail or a wire),
    /// each paragraph joined again: a line that fills the width (three quarters of the longest
    /// line, which is 100 characters at most) and ends without a sentence's final mark goes on
    /// with the line right below it. A text is taken as wrapped when at least three lines, and a
    /// third of them, are such lines; the first line, a headline, is never joined. A line cut
    /// after a hyphen joins without a space ("porte-" / "parole"). The joined line keeps the
    /// number of its first line.
    static func unwrapped(_ lines: [Line]) -> [Line] {
        // (A paragraph of a web page is longer than a wrapped line: most texts stop here.)
        guard lines.count >= 4, !lines.contains(where: { $0.text.utf8.count > 400 }) else { return lines }
        let lengths = lines.map { $0.text.unicodeScalars.count }
        guard let width = lengths.max(), width >= 40, width <= 100 else { return lines }
        func goesOn(_ i: Int) -> Bool {
            i > 0 && i + 1 < lines.count && lines[i + 1].number == lines[i].number + 1 && lengths[i] * 4 >= width * 3
                && !(lines[i].text.last.map { ".!?:;»\"”…)".contains($0) } ?? true)
        }
        let cut = lines.indices.filter(goesOn)
        guard cut.count >= 3, cut.count * 3 >= lines.count else { return lines }
        let cutSet = Set(cut)
        var out: [Line] = []
        var i = 0
        while i < lines.count {
            var line = lines[i]
            while cutSet.contains(i) {
                i += 1
                if !line.text.hasSuffix("-") { line.text += " " }
                line.text += lines[i].text
            }
            out.append(line)
            i += 1
        }
        return out
    }

    // MARK: - Language and script

    /// Words separated by white space.
    func wordCount(_ s: String) -> Int { Self.wordCount(s) }

    /// `cappedAt`: the count stops there (`min(count, cap)`), for a caller that only compares it
    /// with a bound: a paragraph's words are not all counted to learn that it has eight.
    static func wordCount<S: StringProtocol>(_ s: S, cappedAt cap: Int = .max) -> Int {
        if let n = s.utf8.withContiguousStorageIfAvailable({ wordCount(utf8: $0, cappedAt: cap) }) { return n }
        return min(wordCountByScalars(s), cap)
    }

    /// `wordCount` on UTF-8 bytes: an ASCII byte is a scalar of its own; a lead byte starts a
    /// scalar, decoded only to ask whether it is white space (the flags table taken once);
    /// continuation bytes change nothing. Eight bytes at a time where none is below 0x20 or the
    /// lead byte of a space past ASCII (`ByteWord.spaceLeads`): there a word starts at each byte
    /// that is not a space and follows one.
    static func wordCount(utf8 b: UnsafeBufferPointer<UInt8>, cappedAt cap: Int = .max) -> Int {
        Scalars.table.withUnsafeBufferPointer { table in
            var n = 0
            var inWord = false
            var i = 0
            var chunkEnd = 0
            while i < b.count {
                if i >= chunkEnd, i + 8 <= b.count, let base = b.baseAddress {
                    let w = ByteWord.load(base, i)
                    // Plain bytes: none below 0x20 or the lead byte of a space, and the first
                    // not the continuation of a scalar before them (which may be a space).
                    if ByteWord.controls(w) | ByteWord.spaceLeads(w) == 0 && w & 0xC0 != 0x80 {
                        // The high bit of each byte that is not a space; a word starts where the
                        // byte before is a space (before the first: where no word was going on).
                        let highs = ByteWord.highs
                        let words = ~ByteWord.bytes(w, equalTo: 0x20) & highs
                        let starts = words & (((~words & highs) << 8) | (inWord ? 0 : 0x80))
                        n += starts.nonzeroBitCount
                        if n >= cap { return cap }
                        inWord = words >> 63 != 0
                        i += 8
                        continue
                    }
                    // This word's bytes one at a time.
                    chunkEnd = i + 8
                }
                let x = b[i]
                let space: Bool
                if x < 0x80 {
                    space = Scalars.isASCIISpace(x)
                } else if x >= 0xC0 {
                    let c = Scalars.decode(b, i).0
                    space = Scalars.flags(c, in: table) & Scalars.space != 0
                } else {
                    i += 1
                    continue
                }
                if space {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    n += 1
                    if n >= cap { return n }
                }
                i += 1
            }
            return n
        }
    }

    /// `wordCount` one scalar at a time (the byte count must give the same).
    static func wordCountByScalars<S: StringProtocol>(_ s: S) -> Int {
        var n = 0
        var inWord = false
        for c in s.unicodeScalars {
            if Scalars.isSpace(c) { inWord = false } else if !inWord { inWord = true; n += 1 }
        }
        return n
    }

    /// What the rules want to know of a line, counted in one pass.
    struct LineFacts: Equatable {
        var latin = 0, otherScript = 0
        var hasLetterOrNumber = false
        var words = 0, foreignWords = 0
        var fr = 0, en = 0

        init(_ s: String, cleaner: Cleaner) {
            var text = s
            var facts = LineFacts()
            text.withUTF8 { b in
                Scalars.table.withUnsafeBufferPointer { flags in
                    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { scratch in
                        facts.count(utf8: b, flags: flags, scratch: scratch, cleaner: cleaner)
                    }
                }
            }
            self = facts
        }

        private init() {}

        /// One pass over the line's UTF-8: the scalars' scripts, and the words (letters,
        /// apostrophes and hyphens), each folded into `scratch` to be looked up without a string.
        private mutating func count(utf8 b: UnsafeBufferPointer<UInt8>, flags table: UnsafeBufferPointer<UInt8>,
                                    scratch: UnsafeMutableBufferPointer<UInt8>, cleaner: Cleaner) {
            var wordStart = -1
            var foreign = false
            var i = 0
            while i < b.count {
                let x = b[i]
                if x < 0x80 {
                    // ASCII, without the tables: the letters are A-Z and a-z (Latin, not foreign),
                    // the numbers 0-9; an apostrophe or a hyphen goes on a word.
                    let isLetter = (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A
                    if isLetter {
                        hasLetterOrNumber = true
                        latin += 1
                    } else if x >= 0x30 && x <= 0x39 {
                        hasLetterOrNumber = true
                    }
                    if isLetter || x == 0x27 || x == 0x2D {
                        if wordStart < 0 { wordStart = i; foreign = false }
                    } else if wordStart >= 0 {
                        addWord(UnsafeBufferPointer(rebasing: b[wordStart..<i]), foreign: foreign, scratch: scratch, cleaner: cleaner)
                        wordStart = -1
                    }
                    i += 1
                    continue
                }
                let (c, n) = Scalars.decode(b, i)
                let f = Scalars.flags(c, in: table)
                if f & (Scalars.letter | Scalars.number) != 0 { hasLetterOrNumber = true }
                if f & Scalars.letter != 0 {
                    if Cleaner.isLatinLetter(c) { latin += 1 } else { otherScript += 1 }
                }
                if f & Scalars.letter != 0 || c == "'" || c == "\u{2019}" || c == "-" {
                    if wordStart < 0 { wordStart = i; foreign = false }
                    if Cleaner.isForeignLatin(c) { foreign = true }
                } else if wordStart >= 0 {
                    addWord(UnsafeBufferPointer(rebasing: b[wordStart..<i]), foreign: foreign, scratch: scratch, cleaner: cleaner)
                    wordStart = -1
                }
                i += n
            }
            if wordStart >= 0 { addWord(UnsafeBufferPointer(rebasing: b[wordStart...]), foreign: foreign, scratch: scratch, cleaner: cleaner) }
        }

        private mutating func addWord(_ w: UnsafeBufferPointer<UInt8>, foreign: Bool, scratch: UnsafeMutableBufferPointer<UInt8>, cleaner: Cleaner) {
            words += 1
            if foreign { foreignWords += 1 }
            if let n = Text.fold(utf8: w, into: scratch) {
                let folded = UnsafeBufferPointer(rebasing: scratch[0..<n])
                if cleaner.stopFR.contains(utf8: folded) { fr += 1 }
                if cleaner.stopEN.contains(utf8: folded) { en += 1 }
            } else {
                let folded = Text.fold(String(decoding: w, as: UTF8.self))
                if cleaner.stopFR.contains(folded) { fr += 1 }
                if cleaner.stopEN.contains(folded) { en += 1 }
            }
        }

        /// The same facts one scalar at a time, a string per word (the byte pass must give the same).
        init(byScalars s: String, cleaner: Cleaner) {
            let view = s.unicodeScalars
            var wordStart: String.UnicodeScalarView.Index?
            var foreign = false
            var i = view.startIndex
            func addWord(_ w: String, foreign: Bool) {
                words += 1
                if foreign { foreignWords += 1 }
                let folded = Text.fold(w)
                if cleaner.stopFR.contains(folded) { fr += 1 }
                if cleaner.stopEN.contains(folded) { en += 1 }
            }
            while i < view.endIndex {
                let c = view[i]
                let f = Scalars.flags(c)
                if f & (Scalars.letter | Scalars.number) != 0 { hasLetterOrNumber = true }
                if f & Scalars.letter != 0 {
                    if Cleaner.isLatinLetter(c) { latin += 1 } else { otherScript += 1 }
                }
                if f & Scalars.letter != 0 || c == "'" || c == "\u{2019}" || c == "-" {
                    if wordStart == nil { wordStart = i; foreign = false }
                    if Cleaner.isForeignLatin(c) { foreign = true }
                } else if let start = wordStart {
                    addWord(String(view[start..<i]), foreign: foreign)
                    wordStart = nil
                }
                view.formIndex(after: &i)
            }
            if let start = wordStart { addWord(String(view[start..<view.endIndex]), foreign: foreign) }
        }
    }

    /// "fr" or "en" by their commonest words; the dossier's language when there is too little text.
    public func detectLanguage(_ lines: [String], fallback: String) -> String {
        let counts = lines.reduce(into: (fr: 0, en: 0)) { sum, line in
            let f = LineFacts(line, cleaner: self)
            sum.fr += f.fr
            sum.en += f.en
        }
        return language(of: counts, fallback: fallback)
    }

    func language(of counts: (fr: Int, en: Int), fallback: String) -> String {
        if counts.fr + counts.en < 5 { return fallback }
        return counts.en > counts.fr ? "en" : "fr"
    }

    static func isLatinLetter(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return true
        default: return false
        }
    }

    /// A line written mostly in another script than the article (an Arabic ticker in a French article).
    func isOtherScript(_ f: LineFacts, latinDocument: Bool) -> Bool {
        guard f.latin + f.otherScript > 0 else { return false }
        return latinDocument ? f.otherScript > f.latin : f.latin > f.otherScript * 2
    }

    static let foreignLatin1 = Set("×÷ÐðÑñÕõÃãÅåØøÝýÞþßÁáÍíÓóÚúÌìÒò".unicodeScalars)
    /// `foreignLatin1` as bits: bit n for U+00C0 + n (a test checks them against the set, which
    /// cost a hash for every accented letter of every line).
    static let foreignLatin1Bits: UInt64 = 0x65AF_302A_E5AF_302A

    /// Letters French and English never use: the mark of Vietnamese, Polish, Turkish... text.
    static func isForeignLatin(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x41...0x5A, 0x61...0x7A: return false
        case 0xC0...0xFF: return foreignLatin1Bits >> UInt64(c.value - 0xC0) & 1 != 0
        case 0x152, 0x153, 0x178: return false
        case 0x100...0x24F, 0x1E00...0x1EFF: return true
        default: return false
        }
    }

    /// A line in another language than the article: words full of letters the language lacks
    /// (a Vietnamese caption), or a short English line in a French article (and the reverse).
    func isOtherLanguage(_ f: LineFacts, language: String, documentCounts: (fr: Int, en: Int)) -> Bool {
        guard f.words >= 3 else { return false }
        if f.foreignWords >= 2 && f.foreignWords * 10 >= f.words * 3 { return true }
        guard f.words <= 25 else { return false }
        let (lineOwn, lineOther) = language == "en" ? (f.en, f.fr) : (f.fr, f.en)
        guard lineOther >= 3 && lineOwn == 0 else { return false }
        // The rest of the article must clearly be in its language, and the line a small part of
        // it: a half-French, half-English text loses nothing.
        let (docOwn, docOther) = language == "en" ? (documentCounts.en, documentCounts.fr) : (documentCounts.fr, documentCounts.en)
        let restOwn = docOwn - lineOwn, restOther = docOther - lineOther
        return restOwn >= 2 * max(restOther, 1) && lineOther * 10 <= (docOwn + docOther) * 4
    }

    // MARK: - Noise rules

    /// "- 21:08 Headline", "21h03 Headline": a live ticker's entries.
    func isTicker(_ s: String) -> Bool {
        // A ticker's line starts with one of the marks below, a space or a digit: the first byte
        // of any other line answers (most lines start with a letter).
        guard let b0 = s.utf8.first, Self.mayStartTicker(b0) else { return false }
        return isTickerByCharacters(s)
    }

    /// `isTicker` read character by character, for any line.
    func isTickerByCharacters(_ s: String) -> Bool { Self.afterTickerTime(s) != nil }

    /// A ticker's line after its marks, its time and the separator after it ("Nous allons
    /// gagner" in "03h32 : Nous allons gagner", "- 21:08 - Un titre"); nil for a line that does
    /// not open on a time.
    static func afterTickerTime(_ s: String) -> Substring? {
        var rest = Substring(s)
        while let f = rest.first, f == "-" || f == "–" || f == "•" || f == "·" || f == "*" || f == " " { rest = rest.dropFirst() }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count) else { return nil }
        rest = rest.dropFirst(digits.count)
        guard let sep = rest.first, sep == ":" || sep == "h" || sep == "H" else { return nil }
        rest = rest.dropFirst()
        let minutes = rest.prefix { $0.isASCII && $0.isNumber }
        guard minutes.count == 2 else { return nil }
        rest = rest.dropFirst(2)
        guard rest.first.map({ !$0.isNumber }) ?? true else { return nil }
        return rest.drop { $0 == " " || $0 == ":" || $0 == "-" || $0 == "–" || $0 == "—" || $0 == "|" || $0 == "\u{A0}" }
    }

    /// Whether a line that starts with this byte may be a ticker's entry: the first byte of "-",
    /// "–", "•", "·", "*", a space, or an ASCII digit.
    static func mayStartTicker(_ b: UInt8) -> Bool {
        b == 0x2D || b == 0xE2 || b == 0xC2 || b == 0x2A || b == 0x20 || (b >= 0x30 && b <= 0x39)
    }

    /// "Temps de lecture 4 min.", "Reporting by …; Editing by …", "Our Standards: …".
    /// `words`: the line's count of words between spaces, when known.
    func isFurniture(_ folded: String, words known: Int? = nil) -> Bool {
        // Short, or shaped like furniture (a number, a colon, a bar…): not a sentence of the article.
        let words = known ?? wordCount(folded)
        guard words <= 25, words <= 8 || folded.unicodeScalars.contains(where: { Scalars.isNumber($0) || Self.isFurnitureMark($0) })
        else { return false }
        guard furnitureHeads.mayStart(folded, at: Self.startsFurniture) else { return false }
        let f = folded.drop { !$0.isLetter && $0 != "(" && $0 != "©" }
        return furniture.contains { f.hasPrefix($0) }
    }

    /// ":", ";", "|", "(" or "©".
    static func isFurnitureMark(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x3A, 0x3B, 0x7C, 0x28, 0xA9: return true
        default: return false
        }
    }

    func isSocialPrompt(_ folded: String, words: Int? = nil) -> Bool {
        let n = words ?? wordCount(folded)
        guard n <= 14 else { return false }
        if socialSearch.occurs(in: folded) { return true }
        guard socialPlaceSearch.occurs(in: folded) else { return false }
        return n <= 8 || folded.split(separator: " ").contains { Self.readerWords.contains(String($0)) }
    }

    /// Words that speak to the reader, or for the outlet to them.
    static let readerWords: Set<String> = ["vous", "votre", "vos", "nous", "nos", "notre", "you", "your", "us", "our"]

    /// "LIRE AUSSI : Le budget en cinq questions", "Read more - …": a link to another article,
    /// not a sentence that happens to start with the same words.
    /// `line`: the whole line, when `folded` is only its start.
    func isReadAlso(_ folded: String, line: String? = nil) -> Bool {
        guard readAlsoHeads.mayStart(folded, at: Self.startsReadAlso) else { return false }
        let f = folded.drop { !$0.isLetter }
        return readAlso.contains { p in
            guard f.hasPrefix(p) else { return false }
            let rest = f.dropFirst(p.count).drop { $0 == " " }
            guard let next = rest.first else { return true }
            return ":-–—|»>".contains(next) || !hasTerminalPunctuation(line ?? String(f))
        }
    }

    /// A headline without the outlet a page's title adds to it: "Ukraine : … | Le Monde",
    /// "Moscou dénonce une « provocation » - Libération".
    func withoutOutlet(_ headline: String) -> String {
        for separator in [" | ", " - ", " – ", " — "] {
            // (A byte search first: most lines have none of them, and Foundation's is slow.)
            guard Text.contains(headline, separator), let r = headline.range(of: separator, options: .backwards),
                  outlets.contains(Text.fold(Text.trimmingBlanks(String(headline[r.upperBound...])))) else { continue }
            return Text.trimmingBlanks(String(headline[..<r.lowerBound]))
        }
        return headline
    }

    /// "Image caption, …", "Légende : …": a caption that says so.
    func isLabelledCaption(_ folded: String) -> Bool {
        guard captionHeads.mayStart(folded, at: { _ in true }) else { return false }
        return captionPrefixes.contains { p in
            guard folded.hasPrefix(p) else { return false }
            let rest = folded.dropFirst(p.count).drop { $0 == " " }
            return rest.first == "," || rest.first == ":"
        }
    }

    /// The words that join a byline's authors: "Zeke Miller and Colleen Long", "A et B".
    static let authorJoiners: Set<String> = ["and", "et", "&"]

    /// Two names or more on a line of their own, joined by commas, "and" or "et", each perhaps with
    /// a note in parentheses ("Tom Ambrose (now) and Léonie Chao-Fong (earlier)"): the names,
    /// joined by "and" or "et" as written.
    func namesAlone(_ line: String) -> String? {
        guard Text.contains(line, " and ") || Text.contains(line, " et ") || Text.contains(line, " & ") else { return nil }
        var text = ""
        var depth = 0
        for c in line {
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) } else if depth == 0 { text.append(c) }
        }
        let words = Text.words(text).map(String.init)
        var names: [[String]] = [[]]
        var joiner = "and"
        for w in words {
            if Self.authorJoiners.contains(w) { joiner = w == "et" ? "et" : "and"; names.append([]); continue }
            if w.hasSuffix(",") { names[names.count - 1].append(String(w.dropLast())); names.append([]); continue }
            names[names.count - 1].append(w)
        }
        // (One known first name at least: "Paris and Berlin" above a date is no byline.)
        guard names.count >= 2, names.allSatisfy({ looksLikeName($0.joined(separator: " ")) }),
              names.contains(where: { $0.first.map { firstNames.contains(Text.fold($0)) } ?? false }) else { return nil }
        let written = names.map { $0.joined(separator: " ") }
        return written.dropLast().joined(separator: ", ") + " \(joiner) " + (written.last ?? "")
    }

    /// An author's role on a line of its own, under the name: a few words without a final period,
    /// one of them a byline's ("Russia editor, Moscow", "Correspondante à Moscou").
    func isBylineRole(_ line: String) -> Bool {
        let words = line.split { !$0.isLetter }
        guard (1...6).contains(words.count), !hasTerminalPunctuation(line) else { return false }
        return words.contains { isBylineRoleWord(Text.fold(String($0))) }
    }

    /// A byline's word for a role or a desk ("editor", "correspondante"), not its "in" or "à".
    func isBylineRoleWord(_ folded: String) -> Bool { bylineRoles.contains(folded) && !["in", "à", "en"].contains(folded) }

    /// Whether a read-also line is its phrase alone, with marks at most ("La rédaction vous conseille :").
    func isBareReadAlso(_ folded: String) -> Bool {
        let f = folded.drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed()
        return readAlso.contains(String(f))
    }

    /// A photo credit at the end of a line ("… Photo : Reuters", "…électorale.Crédit: PA", "© AFP").
    /// A one-sentence line that carries a credit is a caption and goes whole; from a longer line
    /// only the credit goes.
    func caption(_ line: String) -> (credit: String, rest: String, dropWhole: Bool)? {
        guard Self.mayHoldCredit(line) else { return nil }
        return captionWithMark(line)
    }

    /// "Jordan Bardella, le 1er décembre 2024 à Paris. LP/Olivier Corsan": a credit without a colon
    /// after a caption's last sentence, an agency (or its acronym) and a photographer on either
    /// side of a slash.
    func slashCredit(_ line: String) -> (credit: String, rest: String, dropWhole: Bool)? {
        guard Text.anyByte(line, { $0 == 0x2F }), let cut = line.range(of: ". ", options: .backwards) else { return nil }
        let tail = line[cut.upperBound...]
        let sides = tail.split(separator: "/", omittingEmptySubsequences: false).map { Text.trimmingBlanks(String($0)) }
        guard sides.count == 2, Self.wordCount(tail) <= 5, isAgencyAndPhotographer(sides[0], sides[1]) else { return nil }
        return caption(credit: String(tail), rest: String(line[..<cut.lowerBound]) + ".")
    }

    /// "LP / Olivier Corsan", "JIM WATSON / AFP": an agency (or its acronym) and a photographer,
    /// either way round.
    func isAgencyAndPhotographer(_ a: String, _ b: String) -> Bool {
        func isAgency(_ s: String) -> Bool {
            (2...8).contains(s.count) && s.allSatisfy({ $0.isUppercase || $0 == "." }) || agencies.contains(Text.fold(s))
        }
        func isName(_ s: String) -> Bool {
            let ws = Text.words(s)
            return (1...3).contains(ws.count) && ws.allSatisfy { $0.first?.isUppercase ?? false }
        }
        return isAgency(a) && isName(b) || isName(a) && isAgency(b)
    }

    /// Whether a line may end with a credit, in one pass over its bytes. Every credit has a
    /// colon, "(c)" or a copyright sign (C2 A9 in UTF-8): most lines stop there. A line without
    /// "(" or "©" whose last colon has more than 60 characters or 6 words after it (blanks at
    /// either end aside), or ". ", has none either (`colonTooFarFromEnd`): a credit's name follows
    /// its colon and is that short, and what follows an earlier colon holds what follows the
    /// last one. Most lines with a colon ("Orlova : « … »") end there.
    static func mayHoldCredit(_ line: String) -> Bool {
        // The UTF-8 offset of the last colon; -1 for none, -2 for a "(" or "©" (answered at once).
        var text = line
        let lastColon = text.withUTF8 { b -> Int in
            var previous: UInt8 = 0, colon = -1
            for i in 0..<b.count {
                let x = b[i]
                if x == 0x28 || (previous == 0xC2 && x == 0xA9) { return -2 }
                if x == 0x3A { colon = i }
                previous = x
            }
            return colon
        }
        if lastColon == -2 { return true }
        guard lastColon >= 0 else { return false }
        let after = Text.trimming(Substring(line.utf8[line.utf8.index(line.utf8.startIndex, offsetBy: lastColon + 1)...]), where: Text.isBlank)
        return !(after.utf8.count > 60 && after.count > 60 || wordCount(after) > 6 || Text.contains(after, ". "))
    }

    /// A line with a colon, and no "(" or "©", whose text after its last colon cannot be a
    /// credit's name (`mayHoldCredit`).
    static func colonTooFarFromEnd(_ line: String) -> Bool { Text.anyByte(line, { $0 == 0x3A }) && !mayHoldCredit(line) }

    /// `caption` of a line that holds a colon, "(" or "©".
    func captionWithMark(_ line: String) -> (credit: String, rest: String, dropWhole: Bool)? {
        // A credit ends its line: only the line's tail is searched.
        let long = Text.hasMoreCharacters(line, than: 160)
        let s = long ? String(line.suffix(160)) : line
        let head = long ? String(line.dropLast(160)) : ""
        // Every credit has a colon or a copyright sign.
        guard Self.hasCreditMark(s), let found = captionInTail(s) else { return nil }
        if head.isEmpty { return found }
        return (found.credit, Text.trimmingBlanks(head + found.rest), false)
    }

    /// `s.contains(":") || s.contains("©") || s.lowercased().contains("(c)")`, Foundation's
    /// answers, read on the bytes for a text of scalars below U+0300: each is a character of its
    /// own (but CR LF), none but ":" and "©" themselves are ":" or "©", and only "C" lowers to "c".
    static func hasCreditMark(_ s: String) -> Bool {
        let quick = Text.withBytes(s) { b -> Bool? in
            var found = false
            for i in 0..<b.count {
                let x = b[i]
                if x >= 0xCC { return nil }
                if x == 0x3A || (x == 0xA9 && i > 0 && b[i - 1] == 0xC2)
                    || (x == 0x28 && i + 2 < b.count && b[i + 1] | 0x20 == 0x63 && b[i + 2] == 0x29) { found = true }
            }
            return found
        }
        return quick ?? (s.contains(":") || s.contains("©") || s.lowercased().contains("(c)"))
    }

    func captionInTail(_ s: String) -> (credit: String, rest: String, dropWhole: Bool)? {
        var simple: [Unicode.Scalar] = [], simpleFolded: [Unicode.Scalar] = [], offsets: [Int] = [0]
        simple.reserveCapacity(s.utf8.count)
        simpleFolded.reserveCapacity(s.utf8.count)
        offsets.reserveCapacity(s.utf8.count + 1)
        for c in s.unicodeScalars {
            guard let f = Self.captionFold(c) else { return captionInTailByCharacters(s) }
            simple.append(c)
            simpleFolded.append(f)
            offsets.append(offsets[offsets.count - 1] + UTF8.width(c))
        }
        return captionInSimpleTail(s, simple, folded: simpleFolded, utf8Offsets: offsets)
    }

    /// `captionInTail` for any line, one character at a time (the simple path must give the same).
    func captionInTailByCharacters(_ s: String) -> (credit: String, rest: String, dropWhole: Bool)? {
        let chars = Array(s)
        let foldedChars = chars.map { Text.fold(String($0)).first ?? $0 }
        let folded = String(foldedChars)
        func places(_ k: Int) -> [(start: Int, end: Int)] {
            let marker = credits[k]
            var out: [(start: Int, end: Int)] = []
            var searchStart = folded.startIndex
            while let r = folded.range(of: marker, range: searchStart..<folded.endIndex) {
                searchStart = r.upperBound
                out.append((folded.distance(from: folded.startIndex, to: r.lowerBound), folded.distance(from: folded.startIndex, to: r.upperBound)))
            }
            return out
        }
        return caption(count: chars.count, character: { chars[$0] }, text: { String(chars[$0]) }, places: places)
    }

    /// `captionInTail` for a line of simple scalars (`captionFold`): each is a character of its
    /// own, folds to one scalar, and a marker is found scalar for scalar (the places Foundation's
    /// search finds in such a line). Scalar i of `line` starts at its UTF-8 offset `utf8Offsets[i]`.
    private func captionInSimpleTail(_ line: String, _ chars: [Unicode.Scalar], folded: [Unicode.Scalar],
                                     utf8Offsets: [Int]) -> (credit: String, rest: String, dropWhole: Bool)? {
        func places(_ k: Int) -> [(start: Int, end: Int)] {
            let m = creditScalars[k]
            guard let m0 = m.first, m.count <= folded.count else { return [] }
            var out: [(start: Int, end: Int)] = []
            var from = 0
            while from + m.count <= folded.count,
                  let start = (from...(folded.count - m.count)).first(where: { folded[$0] == m0 && folded[$0..<$0 + m.count].elementsEqual(m) }) {
                out.append((start, start + m.count))
                from = start + m.count
            }
            return out
        }
        // Every scalar is a character of its own: a cut between two is a cut between characters.
        func text(_ r: Range<Int>) -> String {
            let u = line.utf8
            return String(line[u.index(u.startIndex, offsetBy: utf8Offsets[r.lowerBound])..<u.index(u.startIndex, offsetBy: utf8Offsets[r.upperBound])])
        }
        return caption(count: chars.count, character: { Character(chars[$0]) }, text: text, places: places)
    }

    /// The earliest credit of a line of `count` characters, and the split it makes. A marker's
    /// place (`places(k)` gives those of `credits[k]`, in characters) counts when the marker
    /// starts the line or follows a space or the end of a sentence, and is followed by ':' (or
    /// is the © sign itself) and a short name to the end of the line.
    private func caption(count: Int, character: (Int) -> Character, text: (Range<Int>) -> String,
                         places: (Int) -> [(start: Int, end: Int)]) -> (credit: String, rest: String, dropWhole: Bool)? {
        var best: Int?
        for (k, marker) in credits.enumerated() {
            for (start, end) in places(k) {
                if start > 0 {
                    let before = character(start - 1)
                    guard before == " " || ".!?»”)".contains(before) else { continue }
                }
                var j = end
                while j < count, character(j) == " " { j += 1 }
                if marker != "©" && marker != "(c)" {
                    guard j < count, character(j) == ":" else { continue }
                    j += 1
                }
                let tail = Text.trimmingBlanks(text(j..<count))
                guard !tail.isEmpty, tail.count <= 60, wordCount(tail) <= 6, !tail.contains(". ") else { continue }
                if best == nil || start < (best ?? 0) { best = start }
            }
        }
        guard let cut = best else { return nil }
        return caption(credit: text(cut..<count), rest: text(0..<cut))
    }

    /// A credit and the text before it: the line goes whole when that text is one short sentence.
    private func caption(credit: String, rest: String) -> (credit: String, rest: String, dropWhole: Bool) {
        let credit = Text.trimmingBlanks(credit), rest = Text.trimmingBlanks(rest)
        if rest.isEmpty { return (credit, rest, true) }
        let sentences = rest.split { ".!?".contains($0) }.filter { $0.contains { $0.isLetter } }.count
        return (credit, rest, sentences <= 1 && wordCount(rest) <= 25)
    }

    /// What `Text.fold` makes of a character made of one simple scalar (the first scalar of its
    /// fold, or the scalar itself when the fold is empty), for the scalars below U+0300 and the
    /// punctuation and currency signs of U+2010 to U+20C0 but for the format controls, and the
    /// precomposed letters of U+1E00 to U+1EFF (Vietnamese: "Ảnh : AFP"); nil for any other
    /// scalar. Such scalars are in NFC, never join the characters around them, and fold to one
    /// scalar at most.
    static func captionFold(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        let v = c.value
        if v < 0x300 { return captionFoldLow[Int(v)] }
        if v >= 0x1E00 && v <= 0x1EFF { return captionFoldLatin[Int(v - 0x1E00)] }
        if v >= 0x2010 && v <= 0x20C0 { return captionFoldHigh[Int(v - 0x2010)] }
        return nil
    }

    private static func simpleFold(_ v: UInt32) -> Unicode.Scalar? {
        guard let c = Unicode.Scalar(v) else { return nil }
        // A carriage return joins a line feed; the format controls are left to the full search.
        if v == 0x0D || (0x2028...0x202E).contains(v) || (0x2060...0x206F).contains(v) { return nil }
        let folded = Text.fold(String(c))
        guard folded.unicodeScalars.count <= 1 || folded.first.map({ $0.unicodeScalars.count == 1 }) == true else { return nil }
        return folded.unicodeScalars.first ?? c
    }

    private static let captionFoldLow: [Unicode.Scalar?] = (0..<0x300).map(simpleFold)
    private static let captionFoldLatin: [Unicode.Scalar?] = (0x1E00...0x1EFF).map(simpleFold)
    private static let captionFoldHigh: [Unicode.Scalar?] = (0x2010...0x20C0).map(simpleFold)

    /// Strips date-line prefixes ("Publié le", "date", "Updated") from the front of `s`.
    func stripPrefixes(_ s: Substring, _ prefixes: [String]) -> Substring {
        var rest = s.drop { $0 == " " || $0 == "|" || $0 == "-" || $0 == "–" || $0 == ":" }
        var changed = true
        while changed {
            changed = false
            let f = Text.fold(String(rest.prefix(40)))
            for p in prefixes where Text.hasPrefix(f, ascii: p) {
                let after = rest.dropFirst(p.count)
                if let c = after.first, c.isLetter { continue }
                rest = after.drop { $0 == " " || $0 == ":" || $0 == "," || $0 == "|" || $0 == "-" || $0 == "–" }
                changed = true
                break
            }
        }
        return rest
    }

    /// A line that holds only a date, perhaps with "Publié le", "Mis à jour le" and the like.
    /// `found`: the line's dates, when the caller has them (`dates.all(in: s)`).
    func dateLine(_ s: String, found: [DateFinder.Match]? = nil) -> PartialDate? {
        guard !Text.hasMoreCharacters(s, than: 120) else { return nil }
        let ms = found ?? dates.all(in: s)
        guard let first = ms.first else { return Self.withoutRepeat(s).flatMap { dateLine($0) } }
        var rest = s
        for m in ms.reversed() { rest.removeSubrange(m.range) }
        var leftover = Text.fold(rest)
        // ASCII (most lines): each character is a byte, and Foundation's replacing and the split
        // by letters find what a search and a split of the bytes find. Folded text has no marks
        // and no precomposed letters, so Foundation finds a prefix only where its bytes are: a
        // byte search first spares most of its calls.
        let ascii = Text.allBytes(leftover, { $0 < 0x80 })
        for p in datePrefixes where Text.contains(leftover, p) {
            leftover = ascii ? Self.replacingBytes(of: p, with: " ", in: leftover) : leftover.replacingOccurrences(of: p, with: " ")
        }
        let words = Text.asciiSplit(leftover, where: { !Self.isASCIILetter($0) }) ?? leftover.split { !$0.isLetter }
        var others = words.filter { $0.count > 2 && !dateWords.contains(String($0)) }
        // A dispatch's dateline alone: "Chisinau, 21 octobre 2024 (AFP) –" (its place right before
        // the date, its agency after it).
        if !others.isEmpty, let comma = s.firstIndex(of: ","), comma < first.range.lowerBound,
           s[s.index(after: comma)..<first.range.lowerBound].allSatisfy({ $0 == " " }),
           case let place = s[..<comma].split(separator: " "), (1...3).contains(place.count), place.allSatisfy({ $0.first?.isUppercase ?? false }) {
            let placeWords = Set(place.map { Text.fold(String($0)) })
            others.removeAll { placeWords.contains(String($0)) || agencies.contains(String($0)) }
        }
        if others.isEmpty { return first.date }
        if let single = Self.withoutRepeat(s) { return dateLine(single) }
        // An outlet's name and its agency: every other word is theirs, and one outlet is named whole.
        guard others.allSatisfy({ outletWords.contains(String($0)) }) else { return nil }
        let folded = Text.fold(s)
        return outlets.contains { Text.contains(folded, $0) } ? first.date : nil
    }

    /// A line whose end is a date written twice, glued, as a page that shows one of two copies
    /// comes out of a copy ("Published On 8 Nov 20248 Nov 2024"): the line with one copy.
    static func withoutRepeat(_ s: String) -> String? {
        guard DateFinder.hasYearDigits(s) else { return nil }
        let b = Array(s.utf8)
        // (A copy holds a year: at least six bytes.)
        var n = b.count / 2
        while n >= 6 {
            if b[b.count - 1 - n] == b[b.count - 1], b[(b.count - 2 * n)..<(b.count - n)].elementsEqual(b[(b.count - n)...]) {
                return String(decoding: b[..<(b.count - n)], as: UTF8.self)
            }
            n -= 1
        }
        return nil
    }

    /// `s` with every occurrence of `needle`, left to right and not overlapping, replaced by
    /// `replacement`, byte for byte (`s` for an empty needle).
    static func replacingBytes(of needle: String, with replacement: String, in s: String) -> String {
        var out = "", from = 0
        let u = s.utf8
        while let at = Text.firstByteOffset(of: needle, in: s, from: from, where: { _ in true }) {
            out += Substring(u[u.index(u.startIndex, offsetBy: from)..<u.index(u.startIndex, offsetBy: at)])
            out += replacement
            from = at + needle.utf8.count
        }
        guard from > 0 else { return s }
        return out + Substring(u[u.index(u.startIndex, offsetBy: from)...])
    }

    /// "date 2024-09 Le candidat…": a date glued before the headline. Returns the date and the rest.
    func datePrefix(_ s: String) -> (PartialDate, String)? {
        // Every date has a year of four digits: a line without them (most) has none at its start.
        guard DateFinder.hasYearDigits(s) else { return nil }
        var rest = stripPrefixes(Text.prefix(s, characters: 2000), datePrefixes)
        // A dispatch's place before its date: "Genève, 5 mars 2024 (AFP) - …", "WASHINGTON, March 5 — …".
        // (Bytes first: most lines have no comma near their start with a digit after it.)
        if let comma = rest.utf8.prefix(40).firstIndex(of: 0x2C), rest.utf8[comma...].prefix(24).contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
           case let place = rest[..<comma].split(separator: " "), (1...3).contains(place.count), place.allSatisfy({ $0.first?.isUppercase ?? false }),
           let first = rest[rest.index(after: comma)...].drop(while: { $0 == " " }).first, first.isNumber || first.isUppercase {
            let afterPlace = rest[rest.index(after: comma)...].drop { $0 == " " }
            let head = String(afterPlace.prefix(60))
            if let m = dates.first(in: head), m.range.lowerBound == head.startIndex { rest = afterPlace }
        }
        let head = String(rest.prefix(60))
        guard let m = dates.first(in: head), m.range.lowerBound == head.startIndex else { return nil }
        let consumed = head.distance(from: head.startIndex, to: m.range.upperBound)
        // "Le 9 juillet 2024, le département de la Justice a annoncé …": a sentence that opens on
        // a date goes on after a comma with a word in lower case; it is the article's text.
        let next = rest.dropFirst(consumed).drop { $0 == " " }
        if next.first == ",", let word = next.dropFirst().drop(while: { $0 == " " }).first, word.isLowercase { return nil }
        var after = rest.dropFirst(consumed).drop { $0 == " " || $0 == "|" || $0 == "-" || $0 == "–" || $0 == "—" || $0 == ":" }
        // The agency after a dispatch's date: "(AFP) - …".
        if after.first == "(", let close = after.prefix(30).firstIndex(of: ")") {
            after = after[after.index(after: close)...].drop { $0 == " " || $0 == "-" || $0 == "–" || $0 == "—" || $0 == ":" }
        }
        let full = s.count > 2000 ? String(after) + s.dropFirst(2000) : String(after)
        guard wordCount(String(after.prefix(200))) >= 2 else { return nil }
        return (m.date, full)
    }

    /// "… à New York, le 27 octobre 2024. (Photo by ANGELA WEISS / AFP via Getty Images)": a
    /// photo's caption, whose credit in parentheses (opening with one of `credits`, or naming Getty
    /// Images) ends it.
    func endsWithPhotoCredit(_ s: String) -> Bool {
        // "… in Kyiv last month.Credit...Brendan Hoffman for The New York Times": as a copy of a
        // caption gives its credit line, glued.
        if Text.contains(s, "Credit..."), let r = s.range(of: "Credit...", options: .backwards), Self.wordCount(s[r.upperBound...]) <= 10 { return true }
        guard s.utf8.last == 0x29, let open = s.lastIndex(of: "(") else { return false }
        let inside = Text.fold(String(s[s.index(after: open)...]))
        if credits.contains(where: { inside.hasPrefix($0) }) || inside.contains("getty images") { return true }
        // "(JIM WATSON / AFP)": a photographer and an agency, either way round.
        let sides = s[s.index(after: open)..<s.index(before: s.endIndex)].split(separator: "/", omittingEmptySubsequences: false)
        return sides.count == 2 && isAgencyAndPhotographer(Text.trimmingBlanks(String(sides[0])), Text.trimmingBlanks(String(sides[1])))
    }

    /// A post embedded from a social network, as a copy from the page gives it: "… pic.twitter.com/…",
    /// "— Elon Musk (@elonmusk) November 6, 2024".
    static func isEmbeddedPost(_ s: String) -> Bool {
        // (Most lines have no slash: they are not searched.)
        if Text.anyByte(s, { $0 == 0x2F }), s.contains("pic.twitter.com/") { return true }
        guard let first = s.unicodeScalars.first, "—–-".unicodeScalars.contains(first), s.contains("(@"),
              case let last4 = s.unicodeScalars.suffix(4), last4.count == 4, last4.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
        return true
    }

    /// "12 commentaires", "Comments", "3 réactions": the header of the readers' comments.
    func isCommentsHeader(_ folded: String) -> Bool {
        guard folded.utf8.count <= 24 else { return false }
        let words = folded.split(separator: " ")
        guard (1...2).contains(words.count), let last = words.last,
              ["commentaires", "commentaire", "comments", "comment", "reactions", "reaction"].contains(String(last)) else { return false }
        // Alone, only a plural: "Comment" may be a rubric or a subheading ("how").
        if words.count == 1 { return last.hasSuffix("s") }
        return words[0].allSatisfy(\.isNumber)
    }

    /// "WASHINGTON (AP) — President Joe Biden…", "BUDAPEST, Nov 8 (Reuters) - …", "Kiev (AFP) - …",
    /// "MOSCOW, November 6. /TASS/. Russia …": a dispatch's place (and a date without its year)
    /// and agency before its first sentence. Returns the sentence.
    func dispatchPrefix(_ s: String) -> String? {
        dispatchPrefix(s, open: 0x28, close: 0x29) ?? dispatchPrefix(s, open: 0x2F, close: 0x2F)
    }

    /// `dispatchPrefix` with the agency between `open` and `close`: parentheses, then a dash;
    /// slashes, then a period or nothing.
    func dispatchPrefix(_ s: String, open openByte: UInt8, close closeByte: UInt8) -> String? {
        guard let open = s.utf8.prefix(48).firstIndex(of: openByte),
              let close = s.utf8[s.utf8.index(after: open)...].prefix(24).firstIndex(of: closeByte) else { return nil }
        let place = s[..<open].split(separator: ",", maxSplits: 1)
        guard let name = place.first, case let words = name.split(separator: " "), (1...3).contains(words.count),
              words.allSatisfy({ $0.first?.isUppercase ?? false }), place.count == 1 || place[1].count <= 20,
              agencies.contains(Text.fold(String(s[s.index(after: open)..<close]))) else { return nil }
        let after = s[s.index(after: close)...].drop { $0 == " " }
        let rest: String
        if openByte == 0x2F {
            rest = String(after.drop { $0 == "." || $0 == " " })
        } else {
            guard let dash = after.first, "—–-".contains(dash) else { return nil }
            rest = String(after.dropFirst().drop { $0 == " " })
        }
        return wordCount(rest) >= 2 ? rest : nil
    }

    /// "Hoang Bach October 22, 2024 08:28", "Par Jean Dupont", "By Jane Doe | 5 March 2024".
    /// `found`: the line's dates, when the caller has them (`dates.all(in: s)`).
    func byline(_ s: String, found: [DateFinder.Match]? = nil) -> (author: String?, date: PartialDate?)? {
        guard !Text.hasMoreCharacters(s, than: 140) else { return nil }
        let f = Text.fold(s)
        var hasPrefix = false
        for p in bylineStarts where Text.hasPrefix(f, ascii: p) {
            hasPrefix = true
            break
        }
        var namePart = Substring(s)
        if hasPrefix { namePart = stripPrefixes(namePart, bylinePrefixes) }
        var date: PartialDate?
        // Without a prefix the name part is the line, whose dates the caller may have found.
        if let m = hasPrefix ? dates.first(in: String(namePart)) : (found ?? dates.all(in: s)).first {
            let str = hasPrefix ? String(namePart) : s
            let after = String(str[m.range.upperBound...])
            guard Text.fold(after).split(whereSeparator: { !$0.isLetter }).allSatisfy({ $0.count <= 2 }) else { return nil }
            date = m.date
            namePart = Self.droppingTrailing(datePrefixWords, from: Substring(str[..<m.range.lowerBound]), keeping: hasPrefix ? 1 : 2)
        }
        var name = Text.trimming(namePart, where: Self.isBylineEdge)
        // "Recueilli par Julien BOUISSOU.": a final period after a word (not an initial's) ends the line.
        if name.hasSuffix("."), name.dropLast().suffix(3).allSatisfy(\.isLetter) { name = Text.trimming(name.dropLast(), where: Self.isBylineEdge) }
        if hasPrefix {
            // "Par Sophie Durand (avec AFP)", "By Jane Doe, with Reuters": the agency is not the author.
            if name.hasSuffix(")"), let open = name.lastIndex(of: "(") { name = Text.trimming(name[..<open], where: Self.isBylineEdge) }
            for joiner in [", avec ", " avec ", ", with ", " with ", " and agencies", " et agences"] {
                if let r = name.range(of: joiner, options: .caseInsensitive) { name = Text.trimming(name[..<r.lowerBound], where: Self.isBylineEdge) }
            }
        }
        // "Par Le Figaro avec AFP", "Article rédigé par franceinfo", "Par Belga": an outlet or an
        // agency is no author.
        // ("By The Associated Press": the article before the agency's name.)
        if hasPrefix, case let f = Text.fold(name), outlets.contains(f) || agencies.contains(f) || agencies.contains(String(f.dropFirst(f.hasPrefix("the ") ? 4 : 0))) {
            return (nil, date)
        }
        if !hasPrefix && date == nil {
            // "Jessica Elgot Deputy political editor": a known first name, a surname, then only byline words.
            // On ASCII, pieces between spaces are the words split below: most lines have too many.
            if Text.allBytes(name, { $0 < 0x80 }) {
                var pieces = 0, previous: UInt8 = 0x20
                for b in name.utf8 {
                    if b != 0x20 && previous == 0x20 { pieces += 1 }
                    previous = b
                }
                guard pieces >= 3 && pieces <= 8 else { return nil }
            }
            // A first name the list does not know will do before two byline words or more
            // ("Pippa Crerar Political editor").
            let ws = Text.words(name).map(String.init)
            guard ws.count >= 3, ws.count <= 8, firstNames.contains(Text.fold(ws[0])) || ws.count >= 4 && ws[0].first?.isUppercase ?? false,
                  ws[1].first?.isUppercase ?? false,
                  ws.dropFirst(2).allSatisfy({ isBylineRoleWord(Text.fold($0)) }) else { return nil }
            return (ws[0] + " " + ws[1], nil)
        }
        // Byline words after the name are its author's role, not the name; nor is the place the
        // author writes from ("By Lauren Gambino in Washington").
        // After a comma, the outlet or the author's role: "Paul Kirby, BBC News", "Jane Doe, Reuters".
        if hasPrefix {
            var parts = name.components(separatedBy: ", ")
            func isOutletOrRole(_ part: String) -> Bool {
                let words = Text.words(part)
                // An acronym alone is an outlet: "CNN", "AFP".
                if words.count == 1, words[0].count >= 2, words[0].allSatisfy({ $0.isUppercase }) { return true }
                return words.contains { w in
                    let f = Text.fold(String(w))
                    return rubrics.contains(f) || agencies.contains(f) || isBylineRoleWord(f)
                }
            }
            while parts.count > 1, let last = parts.last, isOutletOrRole(last) { parts.removeLast() }
            // Before a comma, a description in lower case: "Par notre correspondant à Moscou,
            // Benjamin Quénelle".
            while parts.count > 1, let first = parts.first, first.first?.isLowercase ?? false { parts.removeFirst() }
            name = parts.joined(separator: ", ")
            // "Par Julie Carriat et Service politique", "By Jane Doe and staff": a desk named
            // last, as a co-author, is not a person.
            for joiner in [" et ", " and "] {
                guard let r = name.range(of: joiner, options: [.caseInsensitive, .backwards]) else { continue }
                let desk = Text.words(String(name[r.upperBound...]))
                if !desk.isEmpty, desk.allSatisfy({ w in
                    let f = Text.fold(String(w))
                    return bylineRoles.contains(f) || rubrics.contains(f) || ["la", "le", "les", "l", "the", "notre", "our"].contains(f)
                }) {
                    name = Text.trimming(name[..<r.lowerBound], where: Self.isBylineEdge)
                }
            }
        }
        var nameWords = Self.withoutPlace(Text.words(name)).map(String.init)
        while nameWords.count > 2, let last = nameWords.last, bylineRoles.contains(Text.fold(last)) { nameWords.removeLast() }
        name = nameWords.joined(separator: " ")
        if name.isEmpty { return date == nil ? nil : (nil, date) }
        // Several authors ("By Zeke Miller, Seung Min Kim and Colleen Long"): each of up to four words.
        var authors: [Int] = [0]
        for w in nameWords {
            if Self.authorJoiners.contains(w) { authors.append(0); continue }
            authors[authors.count - 1] += 1
            if w.hasSuffix(",") { authors.append(0) }
        }
        func isNameWord(_ word: String) -> Bool {
            let w = word.hasSuffix(",") ? String(word.dropLast()) : word
            if w.first?.isUppercase ?? false { return true }
            // "Thomas d'Istria"
            if w.hasPrefix("d'") || w.hasPrefix("d’") { return w.dropFirst(2).first?.isUppercase ?? false }
            return ["de", "du", "van", "von", "et", "and", "le", "la", "&"].contains(w)
        }
        guard (hasPrefix || looksLikeName(name)), authors.count <= 4, authors.allSatisfy({ (1...4).contains($0) }),
              nameWords.count <= 6 || authors.count > 1, nameWords.allSatisfy(isNameWord)
        else { return nil }
        // "By ILLIA NOVIKOV and SAMYA KULLAB", "Julien BOUISSOU": names in capitals are written
        // as names, word by word (a word of two letters or more), each part of a compound too
        // ("DUPONT-MOREL" is "Dupont-Morel").
        if nameWords.contains(where: { $0.count >= 2 && $0.contains(where: \.isLetter) && $0 == $0.uppercased() }) {
            name = nameWords.map { w in
                guard w.count >= 2, w == w.uppercased() else { return w }
                if ["AND", "ET"].contains(w) { return w.lowercased() }
                return w.split(separator: "-", omittingEmptySubsequences: false).map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: "-")
            }.joined(separator: " ")
        }
        return (name, date)
    }

    /// A byline's words without the place at their end: "Lauren Gambino in Washington", "Piotr
    /// Smolar à Jérusalem" (a name of two words or more, "in", "à", "at" or "from", and one to
    /// three capitalised words).
    static func withoutPlace(_ words: [Substring]) -> [Substring] {
        guard words.count >= 4 else { return words }
        for k in 2..<(words.count - 1) where ["in", "à", "at", "from", "depuis"].contains(words[k]) {
            let place = words[(k + 1)...]
            if place.count <= 3, place.allSatisfy({ $0.first?.isUppercase ?? false }) { return Array(words[..<k]) }
        }
        return words
    }

    /// `s` without the words of `phrases` (each a phrase's folded words, longest phrase first) at
    /// its end, as often as they are there, keeping at least `keeping` words: "Jeanne Martin |
    /// Publié le" before a date is "Jeanne Martin |". Words are separated by spaces; each is
    /// folded once.
    static func droppingTrailing(_ phrases: [[String]], from s: Substring, keeping: Int) -> Substring {
        var words = Text.words(s)
        var folded = words.map { Text.fold(String($0)) }
        var changed = true
        while changed {
            changed = false
            for p in phrases where !p.isEmpty {
                let n = p.count
                guard words.count - n >= keeping else { continue }
                if folded.suffix(n).elementsEqual(p) {
                    words.removeLast(n)
                    folded.removeLast(n)
                    changed = true
                    break
                }
            }
        }
        return Substring(words.joined(separator: " "))
    }

    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    /// The ASCII characters where the read-also and furniture rules look for their phrases
    /// (after the characters they skip): a letter; for furniture, also "(" ("(avec AFP)").
    static func startsReadAlso(_ b: UInt8) -> Bool { isASCIILetter(b) }
    static func startsFurniture(_ b: UInt8) -> Bool { isASCIILetter(b) || b == 0x28 }

    /// What is cut from either end of a byline's name: " ,|-–—/·•:".
    static func isBylineEdge(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x2C, 0x7C, 0x2D, 0x2013, 0x2014, 0x2F, 0xB7, 0x2022, 0x3A: return true
        default: return false
        }
    }

    /// Two to four capitalised words, none a common function word: "Hoang Bach"; between the
    /// first and the last, a name particle in either case ("Isabelle Le Goff", "Minh de La Tour").
    func looksLikeName(_ s: String) -> Bool {
        let ws = Text.words(s)
        guard (2...4).contains(ws.count), !hasTerminalPunctuation(s) else { return false }
        for (i, w) in ws.enumerated() {
            if i > 0 && i < ws.count - 1 && particles.contains(Text.fold(String(w))) { continue }
            guard let c = w.first, c.isUppercase, w.count >= 2, !notNames.contains(Text.fold(String(w))) else { return false }
            guard w.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }) else { return false }
        }
        return true
    }

    /// `s` without quotation marks (and blanks) at its ends: a quoted headline ("Orlova : « Je
    /// ne renoncerai pas »") ends where its quotation ends.
    static func withoutClosingQuotes(_ s: String) -> String {
        Text.trimming(Substring(s), where: { $0 == "»" || $0 == "”" || $0 == "\"" || Text.isBlank($0) })
    }

    func hasTerminalPunctuation(_ s: String) -> Bool {
        guard let last = Text.trimmingTrailingSpaces(s).last else { return false }
        return ".!?:;»\"”…)".contains(last)
    }

    /// A menu item, a button, a breadcrumb or a page's timestamp: "Accueil", "Skip to content",
    /// "Home | UK | World", "Accueil › Politique", "3 min", "2 hours ago".
    /// `words`: the line's words of letters (`LineFacts.words`).
    func isNavigation(_ folded: String, words letterWords: Int) -> Bool {
        // Most lines are too long for a button and have no digit or separator: one pass over
        // the bytes tells ("›", "•" and "·" end in BA, A2 and B7).
        var digit = false, separator = false
        for b in folded.utf8 {
            if b >= 0x30 && b <= 0x39 { digit = true } else if b == 0x7C || b == 0x3E || b == 0xBA || b == 0xA2 || b == 0xB7 { separator = true }
        }
        guard letterWords <= 5 || separator else { return false }
        if letterWords <= 5 {
            let words = Text.asciiSplit(folded, where: Self.separatesNavigationWords) ?? folded.split { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "-" }
            guard !words.isEmpty else { return false }
            if words.count <= 5, navigation.contains(words.joined(separator: " ")) { return true }
            if digit, words.count <= 5, words.contains(where: { $0.allSatisfy(\.isNumber) }), words.contains(where: { timeWords.contains(String($0)) }),
               words.allSatisfy({ $0.allSatisfy(\.isNumber) || timeWords.contains(String($0)) }), dates.first(in: folded) == nil { return true }
        }
        guard separator else { return false }
        // Short items between bars, chevrons or bullets.
        for sep: Character in ["|", "›", ">", "•", "·"] where folded.contains(sep) {
            let items = folded.split(separator: sep, omittingEmptySubsequences: false).map { Text.trimmingBlanks(String($0)) }
            if items.count >= (sep == "›" || sep == ">" ? 2 : 3), items.allSatisfy({ !$0.isEmpty && Self.wordCount($0) <= 3 }) { return true }
        }
        return false
    }

    /// The ASCII bytes between a navigation line's words: all but letters, digits, "'" and "-"
    /// (CR LF, one character, separates as each of its bytes does).
    static func separatesNavigationWords(_ b: UInt8) -> Bool { !isASCIILetter(b) && !(b >= 0x30 && b <= 0x39) && b != 0x27 && b != 0x2D }

    /// The ASCII bytes between a credit line's items: "/", "," and "|".
    static func separatesCreditItems(_ b: UInt8) -> Bool { b == 0x2F || b == 0x2C || b == 0x7C }

    /// "Associated Press writers Jane Doe and John Roe contributed to this report.": a credit to
    /// the reporters who helped, wherever the phrase stands in its line.
    func isContributors(_ folded: String) -> Bool {
        Text.contains(folded, "contribu") && contributions.contains { Text.contains(folded, $0) }
    }

    /// "Nous utilisons des cookies pour améliorer votre expérience…": a line of a cookie banner.
    func isConsent(_ folded: String) -> Bool {
        (Text.contains(folded, "cookie") || Text.contains(folded, "traceur")) && consent.contains { Text.contains(folded, $0) }
    }

    /// "Skip to main contentSkip to navigation": menu items copied without a space between them.
    /// The line is cut where a lower-case letter touches a capital, and every piece must be one.
    func isGluedNavigation(_ line: String) -> Bool {
        var pieces: [Substring] = []
        var start = line.utf8.startIndex
        var previous: UInt8 = 0
        for i in line.utf8.indices {
            let b = line.utf8[i]
            if b >= 0x41 && b <= 0x5A && previous >= 0x61 && previous <= 0x7A {
                pieces.append(line[start..<i])
                start = i
            }
            previous = b
        }
        guard !pieces.isEmpty else { return false }
        pieces.append(line[start...])
        return pieces.allSatisfy { piece in
            let text = String(piece)
            let words = wordCount(text)
            return words <= 5 && isNavigation(Text.fold(text), words: words)
        }
    }

    /// A photo credit on a line of its own, without a colon: "Photo AFP / Ludovic Marin",
    /// "Getty Images", "Ludovic Marin/AFP".
    func isCreditLine(_ folded: String, _ line: String, words: Int) -> Bool {
        // One agency and a name, or items between slashes, commas or bars.
        guard words <= 4 || Text.anyByte(folded, { $0 == 0x2F || $0 == 0x2C || $0 == 0x7C }), !hasTerminalPunctuation(line) else { return false }
        let items = (Text.asciiSplit(folded, where: Self.separatesCreditItems) ?? folded.split { $0 == "/" || $0 == "," || $0 == "|" })
            .map { Text.trimmingBlanks(String($0)) }
        guard !items.isEmpty, items.allSatisfy({ Self.wordCount($0) <= 4 }) else { return false }
        func isAgency(_ item: String) -> Bool {
            var words = (Text.asciiSplit(item, where: { $0 == 0x20 }) ?? item.split(separator: " ")).map(String.init)
            // "photo afp", "crédit photo reuters", "afp photo"
            while let w = words.first, credits.contains(w) || w == "photo" || w == "credit" { words.removeFirst() }
            while let w = words.last, w == "photo" || w == "photos" { words.removeLast() }
            return !words.isEmpty && agencies.contains(words.joined(separator: " "))
        }
        guard items.contains(where: isAgency) else { return false }
        // With a photographer, the line must say it is a credit: a bar or a slash, or a credit word.
        let firstWord = items[0].split(separator: " ").first.map(String.init) ?? ""
        return items.count == 1 ? isAgency(items[0]) : credits.contains(firstWord) || folded.contains("/") || items.allSatisfy(isAgency)
    }

    /// Whether a line's first word is a first name the lexicon knows.
    func startsWithKnownFirstName(_ s: String) -> Bool {
        s.split(separator: " ", maxSplits: 1).first.map { firstNames.contains(Text.fold(String($0))) } ?? false
    }

    /// A newsletter's sign-up button: "S'inscrire", "Je m'abonne", "Sign up", "Subscribe".
    func isSignUpButton(_ folded: String) -> Bool {
        ["s'inscrire", "je m'inscris", "inscrivez-vous", "je m'abonne", "s'abonner", "sign up", "subscribe", "sign me up"].contains(folded)
    }

    /// A headline without the rubric written in capitals before it: "DÉCRYPTAGE - Pourquoi
    /// Moscou mise sur l'Afrique", "ANALYSIS: …", "VIDÉO. …" (one to three words, one of them a
    /// rubric, then a dash, a colon or a period, then five words or more).
    func withoutKicker(_ title: String) -> String {
        for separator in [" - ", " – ", " — ", " : ", ": ", ". "] {
            guard let r = title.range(of: separator), title.distance(from: title.startIndex, to: r.lowerBound) <= 32 else { continue }
            let kicker = title[..<r.lowerBound]
            let words = kicker.split(separator: " ")
            let rest = title[r.upperBound...]
            guard (1...3).contains(words.count), kicker.contains(where: \.isLetter), !kicker.contains(where: \.isLowercase),
                  words.contains(where: { rubrics.contains(Text.fold(String($0))) }), wordCount(String(rest)) >= 5 else { continue }
            return String(rest)
        }
        return title
    }

    /// The last line of a newsletter's box: its button, or the terms under it ("En cliquant sur
    /// « Je m'inscris », vous acceptez nos CGU", "By signing up, you agree to our Terms").
    func closesSignUpBox(_ folded: String) -> Bool { isSignUpButton(folded) || isSignUpTerms(folded) }

    /// "En cliquant sur « Je m'inscris », vous acceptez …", "By subscribing, you agree to …": what
    /// a sign-up button binds the reader to (a cookie banner is `isConsent`).
    func isSignUpTerms(_ folded: String) -> Bool {
        folded.utf8.count <= 300 && Self.signUpOpenings.contains { folded.hasPrefix($0) } && Self.signUpAgreements.contains { Text.contains(folded, $0) }
    }

    static let signUpOpenings = ["en cliquant", "en vous inscrivant", "en vous abonnant", "by clicking", "by signing up", "by subscribing", "by registering"]
    static let signUpAgreements = ["vous acceptez", "vous reconnaissez", "you agree", "you accept", "you acknowledge"]

    /// A line that credits the outlet and its agencies, with no author: "Le Monde avec AFP",
    /// "The Guardian with agencies", "Le Parisien avec AFP et Reuters".
    func isOutletCredit(_ folded: String) -> Bool {
        for joiner in [" avec ", " with "] {
            guard let r = folded.range(of: joiner), outlets.contains(String(folded[..<r.lowerBound])) else { continue }
            let rest = folded[r.upperBound...].split { $0 == " " || $0 == "," }.map(String.init)
            return !rest.isEmpty && rest.allSatisfy { agencies.contains($0) || ["et", "and", "agences", "agencies", "l'afp"].contains($0) }
        }
        return false
    }

    /// "International", "Politique": a rubric above the headline.
    func isSectionLabel(_ s: String) -> Bool {
        // A breadcrumb of a site's sections, one of them a rubric: "Opinion | US elections 2024",
        // "Monde › Europe". (A headline with its outlet, "… | Le Monde", has a longer part.)
        for separator in [" | ", " › ", " > "] where Text.contains(s, separator) {
            let parts = s.components(separatedBy: separator)
            return (2...4).contains(parts.count) && s.count <= 64
                && parts.allSatisfy { Text.words($0).count <= 4 && !hasTerminalPunctuation($0) }
                && parts.contains { Text.words($0).contains { rubrics.contains(Text.fold(String($0))) } }
        }
        let ws = Text.words(s)
        guard (1...3).contains(ws.count), s.count <= 32, !hasTerminalPunctuation(s), !s.contains(",") else { return false }
        // One word, or words that are all capitalised ("Monde Afrique"), never a sentence; or a
        // capitalised line with a rubric's word ("US news").
        return ws.count == 1 || ws.allSatisfy { $0.first?.isUppercase ?? false }
            || (ws[0].first?.isUppercase ?? false) && ws.contains { rubrics.contains(Text.fold(String($0))) }
    }

    /// A short line without final punctuation, between paragraphs: a subheading.
    func isHeading(_ s: String) -> Bool {
        let n = Self.wordCount(s, cappedAt: 11)
        guard n >= 1 && n <= 10, !hasTerminalPunctuation(s), !s.hasSuffix(","), let f = s.first, f.isUppercase else { return false }
        return true
    }

    /// The first sentence of a paragraph, shortened, for an article that has no headline line.
    func headline(from s: String) -> String {
        var sentence = s
        if let r = s.range(of: ". ") { sentence = String(s[..<r.lowerBound]) }
        let ws = Text.words(sentence)
        if ws.count > 14 { return ws.prefix(14).joined(separator: " ") + " …" }
        return sentence
    }
}

/// The first four bytes of each phrase of a list, to tell without comparing characters that a
/// line cannot start with any of them (the read-also and furniture rules test dozens of
/// phrases on every line). A phrase of ASCII characters is a prefix of a text's characters
/// only where it is a prefix of its bytes (an ASCII character is one scalar, equal only to
/// itself), so a line whose first four bytes, from where the rule's phrases would start, are
/// none of these cannot match; any other line goes to the rule itself.
struct PhraseHeads: Sendable {
    private let heads: Set<UInt32>
    /// Off when a phrase is shorter than four bytes: every line then goes to the rule.
    private let usable: Bool

    init(_ phrases: [String]) {
        usable = phrases.allSatisfy { $0.utf8.count >= 4 }
        heads = Set(phrases.map { $0.utf8.prefix(4).reduce(0) { $0 << 8 | UInt32($1) } })
    }

    /// False only when no phrase can start the line: the rule skips the ASCII characters for
    /// which `start` is false, and a phrase would begin at the first one for which it is true.
    /// A non-ASCII byte before that point may be a letter, or a mark joined to the character
    /// before it: the line then goes to the rule.
    func mayStart(_ text: String, at start: (UInt8) -> Bool) -> Bool {
        guard usable else { return true }
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b >= 0x80 { return true }
                if start(b) {
                    guard i + 4 <= bytes.count else { return false }
                    return heads.contains(bytes[i..<i + 4].reduce(0) { $0 << 8 | UInt32($1) })
                }
                i += 1
            }
            return false
        }
    }
}

/// Whether any of a list of phrases occurs in a text, byte for byte (`Text.contains` of each),
/// in one pass over the text: a phrase can only start where the text's next two bytes are the
/// first two bytes of a phrase, which a table of 65,536 bits tells; only there are the phrases
/// compared.
struct PhraseSearch: Sendable {
    private let phrases: [[UInt8]]
    /// Bit (b0 << 8 | b1) is set when a phrase starts with bytes b0 b1.
    private let pairs: [UInt64]
    /// Off when a phrase is shorter than two bytes: then each phrase is searched in turn.
    private let usable: Bool

    init(_ phrases: [String]) {
        self.phrases = phrases.map { Array($0.utf8) }
        usable = self.phrases.allSatisfy { $0.count >= 2 }
        var pairs = [UInt64](repeating: 0, count: 1024)
        for p in self.phrases where p.count >= 2 {
            let k = Int(p[0]) << 8 | Int(p[1])
            pairs[k >> 6] |= 1 << UInt64(k & 63)
        }
        self.pairs = pairs
    }

    func occurs(in text: String) -> Bool {
        guard usable else { return phrases.contains { p in Text.contains(text, String(decoding: p, as: UTF8.self)) } }
        var text = text
        return text.withUTF8 { b in
            guard b.count >= 2 else { return false }
            return pairs.withUnsafeBufferPointer { pairs in
                for i in 0..<(b.count - 1) {
                    let k = Int(b[i]) << 8 | Int(b[i + 1])
                    guard pairs[k >> 6] >> UInt64(k & 63) & 1 != 0 else { continue }
                    for p in phrases where p[0] == b[i] && p[1] == b[i + 1] && i + p.count <= b.count {
                        var j = 2
                        while j < p.count && b[i + j] == p[j] { j += 1 }
                        if j == p.count { return true }
                    }
                }
                return false
            }
        }
    }
}
