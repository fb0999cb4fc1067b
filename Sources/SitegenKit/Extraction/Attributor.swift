import Foundation

/// Who said each quotation, by explainable rules over the tokens around it. Every quote keeps the
/// words that name its speaker (the cue), the rule that fired and a confidence.
///
/// Rules, strongest first:
/// - `inverted-pronoun`: « … », a-t-il précisé / dit-elle
/// - `inverted-name`: « … », a déclaré Kirby / a déclaré le porte-parole / said Kirby
/// - `cue-before`: X a déclaré que « … » / X a qualifié Y de « … » / X, précisant que « … »
/// - `colon`: X … : « … »
/// - `selon`: selon X, « … » / according to X
/// - `cue-after`: « … » Trump a déclaré / « … », he said
/// - `continuation`: a quote right after another one, with no new cue between them, nor one of
///   its own after it (« … », lâche quelqu'un: nobody's, rather than the previous speaker's)
/// - `continues-sentence`: a lower-case fragment that goes on with the previous speaker's sentence
/// - `sentence-subject`: the sentence's subject, when nothing better is found (low confidence)
/// - `colon-after`, `next-sentence`: « … » : c'est en ces termes que X … / « … » C'est ainsi que X …
public struct Attributor: Sendable {
    let g: Grammar
    let analyzer: Analyzer

    public init(grammar: Grammar) {
        g = grammar
        analyzer = Analyzer(grammar: grammar)
    }

    /// Whether a word in lower case is "d'après" (as String's ==, which holds for any canonically
    /// equivalent form). Every such form starts with the byte "d": String's == is asked of those only
    /// (it normalizes a word with an accent first, and the rules ask this of most words).
    static func isDApres(_ lower: String) -> Bool { lower.utf8.first == 0x64 && lower == "d'après" }

    enum Speaker: Equatable {
        case person(Int)
        case organisation(String)
        case unresolved(String)

        var isPerson: Bool { if case .person = self { return true }; return false }
    }

    /// Whether a subject pronoun, alone or inverted ("ils", "they", "a-t-on", "disent-elles"),
    /// stands for a group.
    static func isPluralPronoun(_ lower: String) -> Bool {
        Words.pluralPronouns.contains(lower) || lower.hasSuffix("-ils") || lower.hasSuffix("-elles") || lower.hasSuffix("-on")
    }

    struct Found {
        var speaker: Speaker?
        var cueLo: Int
        var cueHi: Int
        var rule: String
        var confidence: Double
        var notes: [String] = []
    }

    public struct Output: Sendable {
        public var quotes: [Quote]
        public var reported: [Quote]
    }

    /// `roles`: the people's roles indexed by article, made once for the dossier (without it,
    /// each article filters every role of every person it names: quadratic in a big dossier).
    public func attribute(article: Article, analysis a: ArticleAnalysis, personOfName: [Int?], people: [Person],
                          roles: RoleIndex? = nil) -> Output {
        var ctx = Context(g: g, analyzer: analyzer, a: a, personOfName: personOfName, people: people, roles: roles ?? RoleIndex(people))
        var quotes: [Quote] = []
        var reported: [Quote] = []
        var usedIDs = Set<String>()
        var sentenceNo = 0
        var previous: (para: Int, span: Int, speaker: Speaker?, tokenEnd: Int, found: Found?)?

        // (`ctx` is passed in, not captured: a closure that captures the mutable context makes
        // every later call on it copy the whole context out of its box.)
        func makeQuote(_ kind: Quote.Kind, para pi: Int, lo: Int, hi: Int, found: Found?, recovered: String?, ctx: Context) -> Quote {
            let p = a.paragraphs[pi]
            let text = p.scalarText(lo, hi)
            var id = "q" + Self.hash(article.id + "\u{0}" + Text.fold(text))
            var n = 2
            let baseID = id
            while usedIDs.contains(id) { id = baseID + "-\(n)"; n += 1 }
            usedIDs.insert(id)
            var notes = found?.notes ?? []
            if let r = recovered { notes.append(Self.recoveryNote(r)) }
            var speakerID: String?
            var speakerName: String?
            switch found?.speaker {
            case .person(let i)?: speakerID = people[i].id; speakerName = people[i].name
            case .organisation(let s)?: speakerName = s
            case .unresolved(let s)?: speakerName = s
            case nil: notes.append("no speaker found")
            }
            let cue = found.map { ctx.cueText(pi, $0.cueLo, $0.cueHi) } ?? ""
            let confidence = (found?.confidence ?? 0) * (recovered == nil ? 1 : 0.9)
            return Quote(id: id, article: article.id, text: text, kind: kind, speaker: speakerID, speakerName: speakerName,
                         evidence: Evidence(cue: cue, rule: found?.rule ?? "none", confidence: (confidence * 100).rounded() / 100, notes: notes),
                         note: nil, start: p.base + lo, end: p.base + hi, paragraph: pi)
        }

        // Quotes left open at a paragraph's end, waiting for the cue of the paragraph that goes on with them.
        var pendingContinued: [Int] = []
        for (pi, p) in a.paragraphs.enumerated() {
            // Only a paragraph that opens with a quotation mark goes on with an open quote (« or,
            // in French usage, » at the start of each paragraph the quotation runs on to).
            var carried = pendingContinued
            pendingContinued = []
            // (Or with a quote whose opening mark is missing, from its first word: "« Leur objectif
            // est clair … » / "Nous avons tous les moyens de nous défendre », a martelé Vladimir Poutine".)
            if let first = p.spans.first, let open = first.openMark ?? (first.recovered == "opening" ? first.start : nil),
               ctx.tokenIndex(pi, atOrAfter: open) == 0 {} else { carried = [] }
            let quotesBefore = quotes.count
            var bounds = p.sentenceStarts
            bounds.append(p.tokens.count)
            // Spans in order of their anchor token: one sweep assigns them to sentences.
            let anchors = p.spans.indices.map { ctx.anchorToken(pi, $0) }
            var nextSpan = 0
            for si in 0..<(bounds.count - 1) {
                let sent = bounds[si]..<bounds[si + 1]
                sentenceNo += 1
                ctx.sentenceNo = sentenceNo
                var spans: [Int] = []
                while nextSpan < anchors.count, anchors[nextSpan] < sent.upperBound {
                    if anchors[nextSpan] >= sent.lowerBound { spans.append(nextSpan) }
                    nextSpan += 1
                }
                for s in spans {
                    let span = p.spans[s]
                    if ctx.isNotSpeech(pi, s) { continue }
                    var found: Found?
                    if let first = span.continues, let prev = previous, prev.para == pi, prev.span == first {
                        // « A, dit-il. B »: B has A's speaker and cue.
                        found = prev.found.map { var f = $0; f.rule = "split-quote"; return f }
                    }
                    found = found ?? ctx.afterCue(pi, s, strongOnly: true) ?? ctx.beforeCue(pi, s, sentence: sent) ?? ctx.afterCue(pi, s, strongOnly: false)
                    // « … » : c'est en ces termes qu'Antoine Armand a voulu rassurer: the clause after
                    // the colon names the speaker.
                    let colon = found == nil ? ctx.colonAfter(pi, s, before: sent.upperBound) : nil
                    if found == nil, let c = colon, let m = ctx.firstMention(pi, from: c, to: sent.upperBound),
                       case .name = m.kind, !p.isInQuote(m.lo), ctx.eligible(m), let r = ctx.resolve(m) {
                        found = Found(speaker: r.speaker, cueLo: c - 1, cueHi: m.hi, rule: "colon-after", confidence: 0.6,
                                      notes: r.notes + ["the clause after the quote's colon names its speaker"])
                    }
                    // "« … » C'est en ces termes que le secrétaire d'État Antony Blinken a justifié …":
                    // the next sentence says whose words the quote that ends this one were.
                    if found == nil, si + 2 < bounds.count, ctx.afterSpan(pi, s) >= sent.upperBound - 1,
                       let k = ctx.pointsBack(pi, at: sent.upperBound), case let next = sent.upperBound..<bounds[si + 2],
                       let m0 = ctx.firstMention(pi, from: k, to: next.upperBound), case let m = ctx.head(m0, pi), case .name = m.kind,
                       ctx.eligible(m), let r = ctx.resolve(m) {
                        found = Found(speaker: r.speaker, cueLo: next.lowerBound, cueHi: m.hi, rule: "next-sentence", confidence: 0.6,
                                      notes: r.notes + ["the next sentence says whose words these were"])
                    }
                    // "« L'issue de cette élection n'est pas celle que nous voulions. » Devant ses
                    // partisans, Kamala Harris a reconnu sa défaite": a quote that is its sentence
                    // whole, then a sentence whose subject, a name, speaks (not to answer or judge
                    // someone else's words: "… Kamala Harris a dénoncé ces propos").
                    if found == nil, si + 2 < bounds.count, ctx.anchorToken(pi, s) == sent.lowerBound, ctx.afterSpan(pi, s) >= sent.upperBound - 1,
                       !ctx.startsLowercase(pi, s), case let next = sent.upperBound..<bounds[si + 2],
                       let v = next.first(where: { ctx.isSpeechVerb(pi, $0) }), !g.isReaction(ctx.tokens(pi)[v].folded),
                       let m = ctx.mainSubject(pi, next, before: v), case .name = m.kind, ctx.eligible(m), let r = ctx.resolve(m) {
                        found = Found(speaker: r.speaker, cueLo: m.lo, cueHi: v + 1, rule: "next-sentence", confidence: 0.5,
                                      notes: r.notes + ["a quote that is a sentence of its own: the next sentence's subject speaks"])
                    }
                    // "Le Kremlin « suit avec attention » le scrutin, a indiqué Dmitri Peskov": the
                    // cue that ends the quote's sentence.
                    if found == nil, colon == nil { found = ctx.trailingCue(pi, s, sent) }
                    // (A quote after a colon, or before one, has a clause of its own to introduce it:
                    // when that clause names nobody the rules know, the quote is not the previous
                    // speaker's.)
                    if found == nil, let prev = previous, let sp = prev.speaker,
                       (prev.para == pi || (prev.para == pi - 1 && ctx.anchorToken(pi, s) == 0)),
                       !(ctx.anchorToken(pi, s) > 0 && ctx.tokens(pi)[ctx.anchorToken(pi, s) - 1].textIs(":")), colon == nil,
                       !ctx.hasOwnCueAfter(pi, s),
                       !ctx.hasCueBetween(prevPara: prev.para, prevEnd: prev.tokenEnd, para: pi, upTo: ctx.anchorToken(pi, s),
                                          skipping: prev.found.map { $0.cueLo..<max($0.cueLo, $0.cueHi) } ?? 0..<0) {
                        found = Found(speaker: sp, cueLo: 0, cueHi: 0, rule: "continuation", confidence: 0.6,
                                      notes: ["follows another quote by the same speaker, with no cue of its own"])
                    }
                    if found == nil, ctx.anchorToken(pi, s) == sent.lowerBound, ctx.startsLowercase(pi, s), let last = ctx.lastSpeaker() {
                        found = Found(speaker: last, cueLo: 0, cueHi: 0, rule: "continues-sentence", confidence: 0.55,
                                      notes: ["a lower-case fragment that goes on with the previous speaker's sentence"])
                    }
                    // (The subject of the quote's own clause after "tandis que", "while", "mais":
                    // "X a célébré …, tandis que le Kremlin attend des « actes concrets »".)
                    if found == nil, !ctx.hasSpeechVerb(pi, from: sent.lowerBound, to: ctx.anchorToken(pi, s)),
                       let m = ctx.contrastClause(pi, sent, before: ctx.anchorToken(pi, s)).flatMap({ c in ctx.mainSubject(pi, c..<sent.upperBound, before: ctx.anchorToken(pi, s)) })
                        ?? ctx.mainSubject(pi, sent, before: ctx.clauseEnd(pi, sent, before: ctx.anchorToken(pi, s))), let sp = ctx.resolve(m) {
                        found = Found(speaker: sp.speaker, cueLo: m.lo, cueHi: m.hi, rule: "sentence-subject", confidence: 0.4,
                                      notes: sp.notes + ["no speech verb: the sentence's subject was taken"])
                    }
                    let kind: Quote.Kind = ctx.startsLowercase(pi, s) ? .partial : .direct
                    quotes.append(makeQuote(kind, para: pi, lo: span.start, hi: span.end, found: found, recovered: span.recovered, ctx: ctx))
                    if let f = found, let sp = f.speaker {
                        ctx.pushSpeaker(sp)
                        ctx.learnGender(from: f, para: pi)
                    }
                    previous = (pi, s, found?.speaker, ctx.tokenIndex(pi, atOrAfter: span.end), found)
                    if span.continuesNext { pendingContinued.append(quotes.count - 1) }
                }
                if spans.isEmpty, let ind = ctx.indirect(pi, sent) {
                    reported.append(makeQuote(.indirect, para: pi, lo: ind.lo, hi: ind.hi, found: ind.found, recovered: nil, ctx: ctx))
                    if let sp = ind.found.speaker { ctx.pushSpeaker(sp) }
                }
                ctx.notePersons(pi, sent, hasQuote: !spans.isEmpty)
            }
            // A quote that ran on from the previous paragraph takes the speaker found here.
            if !carried.isEmpty, quotes.count > quotesBefore, quotes[quotesBefore].speakerName != nil {
                // Guesses made without a cue ("continuation", "sentence-subject") give way too.
                for i in carried where quotes[i].speakerName == nil || Self.weakRules.contains(quotes[i].evidence.rule) {
                    quotes[i].speaker = quotes[quotesBefore].speaker
                    quotes[i].speakerName = quotes[quotesBefore].speakerName
                    quotes[i].evidence.cue = quotes[quotesBefore].evidence.cue
                    quotes[i].evidence.rule = "continued-quote"
                    quotes[i].evidence.confidence = 0.6
                    quotes[i].evidence.notes = quotes[i].evidence.notes.filter { $0 == Self.recoveryNote("opening") || $0 == Self.recoveryNote("closing") }
                        + ["the quotation goes on in the next paragraph, where its speaker is named"]
                }
            }
        }
        Self.attributeRepeats(&quotes)
        return Output(quotes: quotes, reported: reported)
    }

    /// A quote without a cue whose words another quote of the article holds with its speaker (a
    /// crosshead or pull quote repeating the text: "'They don't need you to believe it'" above
    /// "\"They don't need you to believe it,\" Watts said") has that speaker. Three words at
    /// least: a word or two is a phrase anyone can quote.
    static func attributeRepeats(_ quotes: inout [Quote]) {
        let unattributed = quotes.indices.filter { quotes[$0].speakerName == nil && quotes[$0].evidence.rule == "none" }
        guard !unattributed.isEmpty else { return }
        let folded = quotes.map { Text.fold($0.text).trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) }
        for i in unattributed where folded[i].split(separator: " ").count >= 3 {
            guard let j = quotes.indices.first(where: { $0 != i && quotes[$0].speakerName != nil && folded[$0].contains(folded[i]) }) else { continue }
            quotes[i].speaker = quotes[j].speaker
            quotes[i].speakerName = quotes[j].speakerName
            quotes[i].evidence.cue = quotes[j].evidence.cue
            quotes[i].evidence.rule = "repeated"
            quotes[i].evidence.confidence = 0.6
            quotes[i].evidence.notes = quotes[i].evidence.notes.filter { $0 != "no speaker found" }
                + ["the same words are quoted elsewhere in the article with their speaker"]
        }
    }

    /// The note of a quote whose `recovered` ("opening" or "closing") mark was missing.
    static func recoveryNote(_ recovered: String) -> String {
        "the \(recovered) quotation mark is missing; the quote's \(recovered == "opening" ? "start" : "end") was recovered"
    }

    /// Rules that give a speaker without a cue of the quote's own.
    static let weakRules: Set<String> = ["continuation", "continues-sentence", "sentence-subject"]

    /// FNV-1a, 32 bits, as 8 hex digits: a stable id from stable text.
    static func hash(_ s: String) -> String {
        let h = Text.withBytes(s) { b in
            var h: UInt32 = 0x811C9DC5
            for x in b { h = (h ^ UInt32(x)) &* 0x0100_0193 }
            return h
        }
        // Eight hex digits, the high ones first.
        return String(unsafeUninitializedCapacity: 8) { out in
            for k in 0..<8 {
                let d = UInt8(h >> UInt32(28 - 4 * k) & 15)
                out[k] = d < 10 ? 0x30 + d : 0x57 + d
            }
            return 8
        }
    }

    // MARK: - The state of one article's attribution

    /// Each person's roles by the article that gives them ("" for the registry's).
    public struct RoleIndex: Sendable {
        let byPerson: [[String: [Int]]]

        public init(_ people: [Person]) {
            byPerson = people.map { p in Dictionary(grouping: p.roles.indices, by: { p.roles[$0].article }) }
        }

        /// Where in `people[person].roles` the roles it holds in `article` and everywhere lie, in their order.
        private func held(_ person: Int, in article: String) -> [Int] {
            let own = byPerson[person][article] ?? []
            let everywhere = article.isEmpty ? [] : byPerson[person][""] ?? []
            return (own + everywhere).sorted()
        }

        /// The roles `person` holds in `article` and everywhere, in their order, lower case.
        func roles(of person: Int, in article: String, people: [Person]) -> [String] {
            held(person, in: article).map { Text.lower(people[person].roles[$0].text) }
        }

        /// Adds to `h` what `roles(of:in:people:)` is made of (the same roles, as written).
        func hash(of person: Int, in article: String, people: [Person], into h: inout StableHash) {
            let indices = held(person, in: article)
            h.add(int: indices.count)
            for i in indices { h.add(people[person].roles[i].text) }
        }
    }

    struct Context {
        let g: Grammar
        let analyzer: Analyzer
        let a: ArticleAnalysis
        let personOfName: [Int?]
        let people: [Person]
        var sentenceNo = 0
        /// Recent speakers, oldest first, with the sentence where they spoke.
        var speakers: [(speaker: Speaker, sentence: Int)] = []
        /// People named outside quotes so far, oldest first.
        var persons: [(person: Int, sentence: Int)] = []
        /// Genders this article gave, by a pronoun, to people whose first name does not tell
        /// ("Rick Dalton … he added"): a later "she" then looks past them.
        var learnedGender: [Int: Gender] = [:]
        /// The latest sentence without a quote: its subject is worked out when a pronoun asks.
        var lastPlainSentence: (para: Int, range: Range<Int>, sentence: Int)?
        /// Mentions by paragraph, indexed by their last token and by their first.
        let mentionEnding: [MentionsByToken]
        let mentionStarting: [MentionsByToken]
        /// The names of the article whose person holds a role, with those roles (lower case, as
        /// `Grammar.canonicalRole` writes them).
        let roleHolders: [(name: NameMention, person: Int, roles: [String])]
        /// The person of the dossier the article's headline names, when it names one only.
        let headlinePerson: Int?

        /// The first mention that starts in `lo..<hi` of paragraph `pi`.
        func firstMention(_ pi: Int, from lo: Int, to hi: Int) -> Mention? {
            for t in lo..<max(lo, hi) { if let m = mentionStarting[pi][t] { return m } }
            return nil
        }

        init(g: Grammar, analyzer: Analyzer, a: ArticleAnalysis, personOfName: [Int?], people: [Person], roles index: RoleIndex) {
            self.g = g
            self.analyzer = analyzer
            self.a = a
            self.personOfName = personOfName
            self.people = people
            var ending = a.paragraphs.map { MentionsByToken(tokens: $0.tokens.count) }
            var starting = ending
            for m in a.mentions where m.paragraph >= 0 {
                // A lone capitalised word that is nobody of the dossier is no mention ("Plus", "Interrogé").
                if case .name(let ni) = m.kind, personOfName[ni] == nil, a.names[ni].words.count == 1, a.names[ni].title == nil { continue }
                // Names win over pronouns and roles that share a token.
                if ending[m.paragraph][m.hi - 1] == nil || { if case .name = m.kind { return true }; return false }() {
                    ending[m.paragraph][m.hi - 1] = m
                }
                if starting[m.paragraph][m.lo] == nil || { if case .name = m.kind { return true }; return false }() {
                    starting[m.paragraph][m.lo] = m
                }
            }
            mentionEnding = ending
            mentionStarting = starting
            var holders: [(NameMention, Int, [String])] = []
            var rolesOf: [Int: [String]] = [:]
            for (ni, m) in a.names.enumerated() {
                guard let person = personOfName[ni] else { continue }
                let roles = rolesOf[person] ?? index.roles(of: person, in: a.articleID, people: people)
                rolesOf[person] = roles
                if !roles.isEmpty { holders.append((m, person, roles.map(g.canonicalRole))) }
            }
            roleHolders = holders
            let inHeadline = Set(a.names.indices.filter { a.names[$0].inTitle }.compactMap { personOfName[$0] })
            headlinePerson = inHeadline.count == 1 ? inHeadline.first : nil
        }

        func tokens(_ pi: Int) -> [Token] { a.paragraphs[pi].tokens }

        func tokenIndex(_ pi: Int, atOrAfter offset: Int) -> Int {
            let ts = tokens(pi)
            var lo = 0, hi = ts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if ts[mid].start < offset { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        /// The token that places a span in its sentence: its opening mark, else its first word.
        func anchorToken(_ pi: Int, _ s: Int) -> Int {
            let span = a.paragraphs[pi].spans[s]
            return tokenIndex(pi, atOrAfter: span.openMark ?? span.start)
        }

        /// The first token after the span's closing mark.
        /// Where the clause after a quote's colon starts, past commas, closing marks and the
        /// quotes listed with it ("« C'est une honte », « un scandale » : les syndicats…"); nil
        /// when no colon follows.
        func colonAfter(_ pi: Int, _ s: Int, before limit: Int) -> Int? {
            let ts = tokens(pi)
            let spans = a.paragraphs[pi].spans
            var k = afterSpan(pi, s)
            var next = s + 1
            while k < min(limit, ts.count) {
                if ts[k].textIs(":") { return k + 1 }
                if Words.commaOrClosingMark.contains(ts[k].text) { k += 1; continue }
                // Another quote listed with this one: past its end.
                if next < spans.count, tokenIndex(pi, atOrAfter: spans[next].openMark ?? spans[next].start) == k {
                    k = afterSpan(pi, next)
                    next += 1
                    continue
                }
                return nil
            }
            return nil
        }

        /// Where a sentence that opens at `k` on words pointing back at the quote before it ("C'est
        /// en ces termes que", "C'est ainsi que", "Ces mots sont ceux de") goes on; else nil.
        func pointsBack(_ pi: Int, at k: Int) -> Int? {
            let ts = tokens(pi)
            // (The reader writes a curly apostrophe straight: "C’est" is "c'" and "est".)
            for phrase in Words.backReferences where Self.startsPhrase(ts, at: k, phrase) { return k + phrase.count }
            return nil
        }

        func afterSpan(_ pi: Int, _ s: Int) -> Int {
            let span = a.paragraphs[pi].spans[s]
            return tokenIndex(pi, atOrAfter: span.closeMark.map { $0 + 1 } ?? span.end)
        }

        /// Past the closing marks, commas and dashes after quote `s` ("« … », - a souligné"): where
        /// its cue would start, and whether a comma or a dash (not a mark alone) was passed.
        func pastQuote(_ pi: Int, _ s: Int) -> (Int, sawComma: Bool) {
            let ts = tokens(pi)
            var k = afterSpan(pi, s)
            var sawComma = false
            while k < ts.count, Words.commaDashOrClosingMark.contains(ts[k].text) { if !Words.closingMarks.contains(ts[k].text) { sawComma = true }; k += 1 }
            return (k, sawComma)
        }

        func startsLowercase(_ pi: Int, _ s: Int) -> Bool {
            let span = a.paragraphs[pi].spans[s]
            let i = tokenIndex(pi, atOrAfter: span.start)
            guard i < tokens(pi).count else { return false }
            let t = tokens(pi)[i]
            return t.kind == .word && !t.isCapitalized
        }

        func cueText(_ pi: Int, _ lo: Int, _ hi: Int) -> String {
            let ts = tokens(pi)
            guard lo < hi, hi <= ts.count else { return "" }
            let p = a.paragraphs[pi]
            if hi - lo > 12 {
                return p.scalarText(ts[lo].start, ts[lo + 2].end) + " … " + p.scalarText(ts[hi - 3].start, ts[hi - 1].end)
            }
            return p.scalarText(ts[lo].start, ts[hi - 1].end)
        }

        func isSpeechVerb(_ pi: Int, _ i: Int) -> Bool {
            // The token is read in place (a copy is three retains and three releases, and this is
            // asked of most tokens).
            let ts = tokens(pi)
            guard ts[i].kind == .word, !a.paragraphs[pi].isInQuote(i) else { return false }
            // A capital after a word is a name's: "the United States would …".
            if ts[i].isCapitalized, i > 0, ts[i - 1].kind == .word { return false }
            if ts[i].lowerIs("selon") || Attributor.isDApres(ts[i].lower) { return false }
            // (After "un", "son", "the", "his" a speech verb's form is a noun: "avec un sourire",
            // "their warning".)
            guard g.speechVerbs.contains(ts[i].lower), !(i > 0 && Words.nounDeterminers.contains(ts[i - 1].lower)) else { return false }
            // ("soutenir" reports speech before "que" or a colon: "a soutenu que", not "soutenir Kiev".)
            if g.speechBeforeQue.contains(ts[i].lower) {
                let next = afterAdverbs(pi, i + 1)
                return next < ts.count && (Words.thatWords.contains(ts[next].lower) || ts[next].textIs(":"))
            }
            return true
        }

        /// A surname alone at token `k` or after its particles ("de La Tour"): one capitalised
        /// word, closed by a mark, a lower-case word or the paragraph's end. The mention tables
        /// leave out such a name when it is nobody of the dossier, and start at the surname when
        /// particles open a sentence; this is asked only where a speaker's name stands (after a
        /// speech verb, "selon", a sentence's start). The mention spans the particles.
        func loneName(_ pi: Int, at k: Int) -> Mention? {
            let ts = tokens(pi)
            let n = afterParticles(pi, k)
            // (Not an elided word: "C'est", "L'Élysée".)
            guard n < ts.count, ts[n].kind == .word, ts[n].isCapitalized, !ts[n].isAllCaps, ts[n].text.last?.isLetter ?? false, !a.paragraphs[pi].isInQuote(n),
                  n + 1 >= ts.count || ts[n + 1].kind == .punct || !ts[n + 1].isCapitalized else { return nil }
            for m in a.mentions where m.paragraph == pi && m.lo == n && m.hi == n + 1 {
                if case .name(let ni) = m.kind, a.names[ni].title == nil { return Mention(kind: .name(ni), paragraph: pi, lo: k, hi: n + 1) }
            }
            return nil
        }

        /// `loneName` at a sentence's start, before its verb: an auxiliary, a clitic or a speech
        /// verb ("Guérin s'est exprimée", "Trump wrote"), not "Face à la crise".
        func loneSubject(_ pi: Int, at k: Int) -> Mention? {
            // (The verb is checked first: it is a table look-up, `loneName` a walk through the
            // article's mentions, and most sentences open on a determiner and a noun.)
            let ts = tokens(pi)
            let v = afterParticles(pi, k) + 1
            guard v < ts.count, ts[v].kind == .word, !ts[v].isCapitalized,
                  g.auxiliaries.contains(ts[v].lower) || g.clitics.contains(ts[v].lower) || isSpeechVerb(pi, v) else { return nil }
            return loneName(pi, at: k)
        }

        /// Whether a speech verb follows the quote after its comma ("« … », pointe X"): the quote has
        /// a cue of its own, even when the rules could not read whom it names, and is not the
        /// previous speaker's.
        func hasOwnCueAfter(_ pi: Int, _ s: Int) -> Bool {
            let ts = tokens(pi)
            let (after, sawComma) = pastQuote(pi, s)
            // (English sets the comma inside the marks: "“…,” said X".)
            let span = a.paragraphs[pi].spans[s]
            let lastInside = tokenIndex(pi, atOrAfter: span.end) - 1
            guard sawComma || lastInside >= 0 && ts[lastInside].textIs(",") else { return false }
            let k = afterSkippables(pi, after)
            return k < ts.count && !ts[k].isCapitalized && isSpeechVerb(pi, k)
        }

        /// "Le Kremlin « suit avec attention » le scrutin, a indiqué Dmitri Peskov, qui …": a cue
        /// further on in the quote's sentence, after a comma and before any other quote: a speech
        /// verb (no participle) and its subject, a name, a role or an institution, which the
        /// sentence's end or a mark closes.
        func trailingCue(_ pi: Int, _ s: Int, _ sent: Range<Int>) -> Found? {
            let ts = tokens(pi)
            let from = afterSpan(pi, s)
            var k = from + 1
            while k < min(sent.upperBound, from + Self.window) {
                if a.paragraphs[pi].isInQuote(k) { return nil }
                defer { k += 1 }
                guard ts[k].textIs(",") else { continue }
                let j = afterSkippables(pi, k + 1)
                guard j < sent.upperBound, !ts[j].isCapitalized, isSpeechVerb(pi, j), !Self.isParticiple(ts[j]) else { continue }
                let sj = afterAdverbs(pi, j + 1)
                guard sj < sent.upperBound, let m0 = mentionStarting[pi][sj], !a.paragraphs[pi].isInQuote(sj), case let m = head(m0, pi),
                      m.hi <= sent.upperBound, m.hi == sent.upperBound || ts[m.hi].isPhraseMark, let r = resolve(m) else { continue }
                if case .pronoun = m.kind { continue }
                return Found(speaker: r.speaker, cueLo: k + 1, cueHi: m.hi, rule: "cue-end", confidence: 0.7,
                             notes: r.notes + ["the cue ends the quote's sentence"])
            }
            return nil
        }

        /// Past the adverbs at `k`, of one word or more ("quant à lui", "de son côté").
        func afterAdverbs(_ pi: Int, _ k: Int) -> Int {
            let ts = tokens(pi)
            var k = k
            outer: while k < ts.count {
                if g.adverbs.contains(ts[k].lower) { k += 1; continue }
                for phrase in g.adverbPhrases where phrase[0] == ts[k].lower && Self.startsPhrase(ts, at: k, phrase) {
                    k += phrase.count
                    continue outer
                }
                break
            }
            return k
        }

        func isSkippable(_ t: Token) -> Bool {
            g.auxiliaries.contains(t.lower) || g.clitics.contains(t.lower) || g.adverbs.contains(t.lower)
        }

        /// Past up to four auxiliaries, clitics and adverbs from `k` ("a en effet", "has also").
        func afterSkippables(_ pi: Int, _ k: Int) -> Int {
            let ts = tokens(pi)
            var k = k
            var skipped = 0
            while k < ts.count, skipped < 4, isSkippable(ts[k]) { k += 1; skipped += 1 }
            return k
        }

        /// Past up to two particles from `k` that a capitalised word follows: the start of "La
        /// Tour" in "de La Tour", of "Silva" in "Da Silva".
        func afterParticles(_ pi: Int, _ k: Int) -> Int {
            let ts = tokens(pi)
            var n = k
            while n < min(ts.count, k + 2), ts[n].kind == .word, g.particles.contains(ts[n].folded), n + 1 < ts.count, ts[n + 1].isCapitalized { n += 1 }
            return n
        }

        // MARK: Speakers

        mutating func pushSpeaker(_ s: Speaker) {
            speakers.append((s, sentenceNo))
            if speakers.count > 16 { speakers.removeFirst() }
        }

        func lastSpeaker() -> Speaker? {
            guard let last = speakers.last, sentenceNo - last.sentence <= 3 else { return nil }
            return last.speaker
        }

        mutating func notePersons(_ pi: Int, _ sent: Range<Int>, hasQuote: Bool = false) {
            // A sentence without a quote ("Daniel Hagari a rejeté ces accusations."): its subject
            // is what "selon lui" or "il a ajouté que" in the next ones may point to.
            if !hasQuote { lastPlainSentence = (pi, sent, sentenceNo) }
            for i in sent {
                guard let m = mentionStarting[pi][i], case .name(let ni) = m.kind, !a.paragraphs[pi].isInQuote(i),
                      let person = personOfName[ni] else { continue }
                persons.append((person, sentenceNo))
            }
            if persons.count > 32 { persons.removeFirst(persons.count - 32) }
        }

        /// The one other person named in the article lately with the surname of person `i` and a
        /// gender that fits (a surname alone was taken for the wrong one of them).
        func namesake(of i: Int, _ wanted: Gender) -> Int? {
            guard wanted != .unknown, let surname = people[i].name.split(separator: " ").last else { return nil }
            var found: Int?
            for p in persons where p.person != i && found != p.person {
                guard people[p.person].name.split(separator: " ").last == surname, personGender(p.person) == wanted else { continue }
                if found != nil { return nil }
                found = p.person
            }
            return found
        }

        func gender(of s: Speaker) -> Gender {
            if case .person(let i) = s { return personGender(i) }
            return .unknown
        }

        func personGender(_ i: Int) -> Gender {
            let known = people[i].gender
            return known == .unknown ? learnedGender[i] ?? .unknown : known
        }

        /// A quote whose cue is a gendered pronoun resolved to a person of unknown gender tells
        /// that person's gender for the rest of the article.
        mutating func learnGender(from f: Found, para pi: Int) {
            guard case .person(let i)? = f.speaker, personGender(i) == .unknown else { return }
            let end = min(f.cueHi, tokens(pi).count)
            guard f.cueLo < end else { return }
            for k in f.cueLo..<end {
                if let m = mentionStarting[pi][k], case .pronoun(let g) = m.kind, g != .unknown {
                    learnedGender[i] = g
                    return
                }
            }
        }

        static func isPronoun(_ m: Mention) -> Bool { if case .pronoun = m.kind { return true }; return false }

        static func compatible(_ a: Gender, _ b: Gender) -> Bool { a == .unknown || b == .unknown || a == b }

        /// `fits`: whether a person may be the one meant (a role's fallback excludes people the
        /// article gives another role).
        /// `subjectWithin`: how many sentences back the plain sentence may be, for `subjectFirst`.
        /// `within`: how many sentences back a speaker or a person named may be (else 6 and 4).
        func resolvePronoun(_ wanted: Gender, plural: Bool = false, subjectFirst: Bool = false, subjectWithin: Int = 2,
                            within: Int? = nil, named: Bool = true, headline: Bool = false, fits: (Int) -> Bool = { _ in true }) -> (Speaker, [String])? {
            // "ils", "they", "on": a group, never guessed to be one person.
            if plural { return nil }
            if subjectFirst, let plain = lastPlainSentence, sentenceNo - plain.sentence <= subjectWithin,
               plain.sentence > speakers.last(where: { s in
                   if case .person = s.speaker { return Self.compatible(gender(of: s.speaker), wanted) }
                   return false
               })?.sentence ?? -1,
               case let subjects = [mainSubject(plain.para, plain.range, before: clauseEnd(plain.para, plain.range, before: plain.range.upperBound)),
                                    viewpoint(plain.para, plain.range)] {
                for m in subjects.compactMap({ $0 }) {
                    // ("Le principal intéressé balaie ces critiques. « … », a-t-il répété.")
                    if case .pronoun = m.kind, Analyzer.concernedPersonLength(tokens(m.paragraph), at: m.lo) == m.hi - m.lo,
                       let r = resolve(m), case .person(let p) = r.speaker, Self.compatible(personGender(p), wanted), fits(p) {
                        return (r.speaker, r.notes + ["pronoun resolved to the subject of the sentence before"])
                    }
                    switch m.kind {
                    case .name, .role:
                        // (A role there is looked up among the article's holders only: its own
                        // fallback would ask this again.)
                        let found: Speaker?
                        if case .role(let phrase, let gender) = m.kind { found = resolveRole(phrase, gender, m.paragraph, m.lo, fallback: false)?.0 } else { found = resolve(m)?.speaker }
                        if case .person(let p)? = found, Self.compatible(personGender(p), wanted), fits(p) {
                            return (.person(p), ["pronoun resolved to the subject of the sentence before"])
                        }
                        // "Mme Morin s'est exprimée vendredi. « … », a-t-elle regretté": a name with
                        // a title that is nobody of the dossier, of the pronoun's gender.
                        if case .name(let ni) = m.kind, a.names[ni].title != nil, Self.compatible(a.names[ni].gender, wanted),
                           let r = resolve(m), case .unresolved = r.speaker {
                            return (r.speaker, r.notes + ["pronoun resolved to the subject of the sentence before"])
                        }
                    default: break
                    }
                }
                // "Guérin s'est exprimée mardi. « … », a-t-elle assuré": a surname alone that is
                // nobody of the dossier, as that sentence's first word before a lower-case verb.
                if subjects.allSatisfy({ $0 == nil }), plain.range.count > 2, let m = loneSubject(plain.para, at: plain.range.lowerBound),
                   let r = resolve(m) {
                    return (r.speaker, r.notes + ["pronoun resolved to the subject of the sentence before"])
                }
            }
            for s in speakers.reversed() where sentenceNo - s.sentence <= within ?? 6 {
                if case .person(let i) = s.speaker, Self.compatible(personGender(i), wanted), fits(i) {
                    return (s.speaker, ["pronoun resolved to the most recent speaker"])
                }
            }
            for p in persons.reversed() where named && sentenceNo - p.sentence <= within ?? 4 && Self.compatible(personGender(p.person), wanted) && fits(p.person) {
                return (.person(p.person), ["pronoun resolved to the most recent person named"])
            }
            // With `headline`, when the text before names nobody who fits: the one person the
            // headline names (an interview under "Thierry Breton : « … »", whose answers go on
            // "…, insiste-t-il").
            if headline, let p = headlinePerson, Self.compatible(personGender(p), wanted), fits(p) {
                return (.person(p), ["pronoun resolved to the one person the headline names: nobody before it fits"])
            }
            return nil
        }

        /// Whether a speaker is one the article does not name, brought in by an indefinite role
        /// whose words hold `noun` ("a senior FBI official", "un diplomate européen").
        func introducesUnnamed(_ s: Speaker, _ noun: String) -> Bool {
            guard case .unresolved(let label) = s, let first = label.split(separator: " ").first,
                  g.indefiniteDeterminers.contains(Text.lower(String(first))) else { return false }
            return label.split(separator: " ").dropFirst().contains { Text.fold(String($0)) == noun }
        }

        /// The person this article named in that role, the closest mention before first. A role
        /// with a complement ("la présidente du groupe LFI") must match the complement too; when
        /// nobody holds it, the role stands for the latest speaker of its gender that the article
        /// gives no other role.
        func resolveRole(_ written: String, _ gender: Gender, _ pi: Int, _ lo: Int, fallback: Bool = true) -> (Speaker, String)? {
            // (Compared as the holders' roles are: `Grammar.canonicalRole`.)
            let phrase = g.canonicalRole(written)
            let noun = String(phrase.split(separator: " ").first ?? "")
            let hasComplement = phrase != noun
            var best: (Int, Int)?
            var ahead: Int?
            for (m, person, roles) in roleHolders {
                let holds = roles.contains { r in
                    hasComplement ? (r == phrase || r.hasPrefix(phrase + " ") || phrase.hasPrefix(r + " ")) : (r == noun || r.hasPrefix(noun + " "))
                }
                // ("le ministre" is not "la ministre Annalena Baerbock".)
                guard holds, Self.compatible(personGender(person), gender) else { continue }
                // (A name inside a quote places nobody: "« Je connais très bien Zelensky … », a lancé
                // l'ancien président".)
                if m.inQuote { continue }
                let before = m.paragraph < pi || (m.paragraph == pi && m.lo < lo)
                // A holder named right after the role, in its sentence ("a réagi le député Leonid
                // Sloutski", "Le président du comité …, Andreï Kartapolov"), is it; one the article
                // names only further on comes after the fallback below: "« … », a lancé l'ancien
                // président" after "Donald Trump a de nouveau affirmé …" is not "le président
                // ukrainien Volodymyr Zelensky" of the next paragraph.
                if !before && !(m.paragraph == pi && m.lo - lo <= 16) { if ahead == nil { ahead = person }; continue }
                let distance = before ? (pi - m.paragraph) * 10_000 + (lo - m.lo) : 1_000_000
                if best == nil || distance < (best?.0 ?? .max) { best = (distance, person) }
            }
            if let b = best { return (.person(b.1), "role resolved to the person the article names so") }
            // "A senior FBI official said … \"…,\" the official said": the unnamed speaker the
            // article brought in with an indefinite role of that noun, not someone named elsewhere.
            if let u = speakers.last(where: { sentenceNo - $0.sentence <= 8 && introducesUnnamed($0.speaker, noun) }) {
                return (u.speaker, "role resolved to the unnamed speaker the article brought in with it")
            }
            // Else, after the fallback below, a holder the article names so further on, or the one
            // person its headline names, when the body gives them no other role ("Emmanuel Macron
            // n'exclut pas l'envoi de troupes" / "Le président français a réaffirmé …").
            let named = ahead.map { (Speaker.person($0), "role resolved to the person the article names so further on") }
                ?? headlinePerson.flatMap { p in
                    Self.compatible(personGender(p), gender) && !roleHolders.contains(where: { $0.person == p })
                        ? (Speaker.person(p), "role resolved to the one person the headline names, whom the article gives no other role") : nil
                }
            guard fallback else { return named }
            // "la présidente du groupe LFI" right after Mathilde Panot's quote: the latest speaker
            // (or the subject of the sentence before) of a fitting gender, unless the article gives
            // them another role (a role with neither the same noun nor the same complement:
            // "l'ancien ministre des finances" is not "la présidente de la Commission"). Only a
            // speaker of the last two sentences: "le porte-parole du Kremlin" three quotes after
            // Emmanuel Macron's is not him. Not a person only named: "Le candidat républicain a
            // vanté …" is not Vladimir Poutine, whom the sentence before names after "à".
            if hasComplement {
                let complement = String(phrase.dropFirst(noun.count + 1))
                // The same noun fits unless both roles have a complement and neither begins the
                // other: "secrétaire général de la CFDT" is not "secrétaire générale de la CGT".
                func fits(_ i: Int) -> Bool {
                    // (A relation is no office: "Son colistier, JD Vance" may be "le sénateur de l'Ohio".)
                    // (Nor a rank: "le général Thierry Burkhard" may be "le chef d'état-major".)
                    let roles = roleHolders.filter { $0.person == i }.flatMap(\.roles).filter { !g.isRelationalRole($0) && !g.isRank($0) }
                    return roles.isEmpty || g.mayHoldHeadRole(phrase, roles: roles) || roles.contains { r in
                        let rNoun = r.split(separator: " ").first.map(String.init) ?? r
                        let rComplement = r.count > rNoun.count ? String(r.dropFirst(rNoun.count + 1)) : ""
                        if rComplement == complement { return true }
                        return rNoun == noun && (rComplement.isEmpty || rComplement.hasPrefix(complement) || complement.hasPrefix(rComplement))
                    }
                }
                if let (s, _) = resolvePronoun(gender, subjectFirst: true, subjectWithin: 1, within: 2, named: false, fits: fits) { return (s, "role resolved to the latest speaker it fits") }
                return named
            }
            // "…," the Kremlin official said; selon le diplomate: a bare role that nobody holds, in
            // the sentence a person spoke or was named in, or the next, stands for that person.
            if let (s, _) = resolvePronoun(gender, subjectFirst: true, subjectWithin: 1, within: 1) {
                return (s, "role resolved to the person of the sentence before, whom the article does not name so")
            }
            return named
        }

        func resolve(_ m: Mention) -> (speaker: Speaker, notes: [String])? {
            switch m.kind {
            case .name(let ni):
                if let p = personOfName[ni] { return (.person(p), []) }
                let n = a.names[ni]
                // (A lone word that is nobody of the dossier is in no mention table: it comes here
                // only from a rule that asked for it where a speaker's name stands, `loneName`.)
                if n.words.count >= 2 || n.title != nil { return (.unresolved(n.surface), ["the name is not linked to a person of the dossier"]) }
                return (.unresolved(analyzer.joinWords(tokens(m.paragraph)[m.lo..<m.hi].map(\.text))), ["a surname alone, not linked to a person of the dossier"])
            case .organisation(let label):
                return (.organisation(label), [])
            case .pronoun(let gender):
                let word = tokens(m.paragraph)[m.lo].lower
                // "L'intéressé", "le principal intéressé": the one person the headline names, else
                // the person of that gender named last.
                // The person of the pronoun's gender named in the last four sentences.
                let namedLast = persons.last { sentenceNo - $0.sentence <= 4 && Self.compatible(personGender($0.person), gender) }?.person
                if Analyzer.concernedPersonLength(tokens(m.paragraph), at: m.lo) == m.hi - m.lo {
                    if let p = headlinePerson, Self.compatible(personGender(p), gender) {
                        return (.person(p), ["'the person concerned' resolved to the one person the headline names"])
                    }
                    guard let p = namedLast else { return nil }
                    return (.person(p), ["'the person concerned' resolved to the person of its gender named last"])
                }
                // "Ce dernier", "cette dernière": the person of that gender named last.
                if m.hi - m.lo == 2 {
                    guard let p = namedLast else { return nil }
                    let ts = tokens(m.paragraph)
                    return (.person(p), ["'\(word) \(ts[m.lo + 1].lower)' resolved to the person of its gender named last"])
                }
                let plural = Attributor.isPluralPronoun(word)
                // A pronoun written before its verb ("Selon lui", "Il a ajouté") may point to the
                // subject of a sentence after the latest quote; "dit-il" goes on with its speaker.
                guard let (s, notes) = resolvePronoun(gender, plural: plural, subjectFirst: !word.contains("-")) else { return nil }
                return (s, notes)
            case .role(let phrase, let gender):
                let ts = tokens(m.paragraph)
                // (As written, with its complement: "Un diplomate européen en poste à Moscou", not "Un
                // diplomate".)
                let label = analyzer.joinWords(ts[m.lo..<max(m.hi, analyzer.roleComplementEnd(ts, m.hi - 1))].map(\.text))
                // "un diplomate européen" is somebody new, not the last diplomat or speaker.
                if g.indefiniteDeterminers.contains(ts[m.lo].lower) {
                    return (.unresolved(label), ["an indefinite role introduces someone the article does not name"])
                }
                if let (s, note) = resolveRole(phrase, gender, m.paragraph, m.lo) { return (s, [note]) }
                return (.unresolved(label), ["the role is not linked to a named person"])
            }
        }

        /// A mention can be a subject when it is not inside a quote and no preposition governs it
        /// (not "à Pavel Zarubin", "dont CNN", "de Kamala Harris").
        func eligible(_ m: Mention) -> Bool {
            let ts = tokens(m.paragraph)
            if a.paragraphs[m.paragraph].isInQuote(m.lo) { return false }
            // A mention in parentheses is an aside, not a subject: "Francfort (AFP) - …".
            if m.lo > 0, ts[m.lo - 1].textIs("(") { return false }
            // Subject pronouns are subjects by their form, unless a preposition governs them ("quant à
            // elle", "avec lui").
            if case .pronoun = m.kind { return !(m.lo > 0 && g.prepositions.contains(ts[m.lo - 1].lower)) }
            // "De La Tour a martelé", "De Villepin a dit": capitalised particles that open the sentence
            // are the name's, not a preposition that governs it.
            if case .name = m.kind {
                var b = m.lo
                while b > 0, m.lo - b < 3, ts[b - 1].kind == .word, g.particles.contains(ts[b - 1].folded) { b -= 1 }
                if b < m.lo, ts[b].isCapitalized, b == 0 || ts[b - 1].kind == .punct { return true }
                // "As Nina Jankowicz put it: …", "…, as Trump said": an "as" that opens a clause
                // before a name is a conjunction; the name is its subject.
                if m.lo > 0, ts[m.lo - 1].lowerIs("as"), m.lo == 1 || ts[m.lo - 2].kind == .punct { return true }
            }
            // A role whose determiner holds a preposition is a complement: "Un proche du président
            // russe a qualifié …" has "Un proche" as its subject.
            if case .role = m.kind, ts[m.lo].lowerIs("du") || ts[m.lo].lowerIs("au") || ts[m.lo].lowerIs("aux") { return false }
            // Walk back over the words that qualify the mention ("le président russe", "the industry
            // body") to the determiner: a preposition there governs the mention.
            var k = m.lo - 1
            var steps = 0
            while k >= 0 && steps < 7 {
                let t = ts[k]
                if g.prepositions.contains(t.lower) {
                    // "l'ancien ministre des affaires étrangères Jean-Yves Le Drian": the preposition
                    // opens the complement of a role set before the name; it does not govern the name.
                    // So does "of" in "Secretary of State Antony Blinken" (a capitalised role word).
                    // (Not before an organisation: "la présidente du groupe RN" has "RN" governed.)
                    if case .name = m.kind, let r = (max(0, k - 2)..<k).last(where: { steps > 0 && g.isRole(ts[$0].lower) || ts[$0].isCapitalized && g.isRoleWord(ts[$0].folded) }) {
                        k = r - 1
                        steps += 1
                        continue
                    }
                    return isVoice(ts, k, m)
                }
                // Right after a speech verb, a name is its object: "a décrit Poutine comme …".
                if steps == 0, !t.isCapitalized || k == 0 || ts[k - 1].kind != .word, g.speechVerbs.contains(t.lower) { return false }
                if t.kind == .punct { return true }
                if g.determiners.contains(t.lower) {
                    return !(k > 0 && g.prepositions.contains(ts[k - 1].lower)) || isVoice(ts, k - 1, m)
                }
                if t.isCapitalized { return true }
                if g.auxiliaries.contains(t.lower) || g.speechVerbs.contains(t.lower) { return steps > 0 }
                steps += 1
                k -= 1
            }
            return true
        }

        /// "Le Kremlin, par la voix de son porte-parole Dmitri Peskov, a affirmé": the preposition
        /// at `k` ends "par la voix", whose name speaks for the organisation.
        func voiceOf(_ ts: [Token], _ k: Int) -> Bool {
            k >= 3 && (ts[k].lowerIs("de") || ts[k].lowerIs("d'")) && ts[k - 1].lowerIs("voix") && ts[k - 2].lowerIs("la") && ts[k - 3].lowerIs("par")
        }

        /// `voiceOf` for mention `m`: a role there speaks only when the article names its holder
        /// ("Le Kremlin, par la voix de son porte-parole, a assuré": else the Kremlin speaks), and
        /// not when a possessive ties it to the institution before ("son porte-parole" is the
        /// Kremlin's, whoever else the article calls "porte-parole").
        func isVoice(_ ts: [Token], _ k: Int, _ m: Mention) -> Bool {
            guard voiceOf(ts, k) else { return false }
            if case .role(let phrase, let gender) = m.kind {
                return !Words.possessives.contains(ts[m.lo].lower) && resolveRole(phrase, gender, m.paragraph, m.lo, fallback: false) != nil
            }
            return true
        }

        /// The nearest subject before the speech verb at `v`, or the subject it shares with an
        /// earlier verb ("… mais a ajouté que", "…, précisant que").
        func subject(ofVerb v: Int, _ pi: Int, _ sent: Range<Int>, depth: Int = 0) -> Mention? {
            let ts = tokens(pi)
            var t = v - 1
            while t >= sent.lowerBound, isSkippable(ts[t]) { t -= 1 }
            // "les déclarations de Joe Biden, qui a qualifié …", "Putin, who has said …": the
            // relative pronoun's antecedent speaks, whatever governs it.
            if t > sent.lowerBound, ts[t].lowerIs("qui") || ts[t].lowerIs("who") {
                let u = ts[t - 1].textIs(",") ? t - 2 : t - 1
                if u >= sent.lowerBound, let m = mentionEnding[pi][u], case .name = m.kind, !a.paragraphs[pi].isInQuote(u) {
                    // "J.D. Vance, le colistier de Donald Trump, qui avait jugé": a name that
                    // completes a role in apposition ("le colistier de") is not the antecedent; the
                    // name the apposition describes is.
                    if m.lo >= 1, Words.ofPrepositions.contains(ts[m.lo - 1].lower),
                       let c = (max(sent.lowerBound, m.lo - 8)..<m.lo).last(where: { ts[$0].textIs(",") }), c > sent.lowerBound,
                       c + 1 < m.lo, g.determiners.contains(ts[c + 1].lower), (c + 1..<m.lo).contains(where: { g.isRole(ts[$0].lower) }),
                       let n = mentionEnding[pi][c - 1], case .name = n.kind {
                        return n
                    }
                    return m
                }
            }
            let participle = Self.isParticiple(ts[v])
            // "sa présidente Christine Lagarde estimant que …", "with Chair Jerome Powell saying":
            // a name right before the participle is its subject.
            if participle, t >= sent.lowerBound, let m = mentionEnding[pi][t], case .name = m.kind, !a.paragraphs[pi].isInQuote(t) { return m }
            let coordinated = t >= sent.lowerBound && g.coordinations.contains(ts[t].lower)
            if (participle || coordinated) && depth < 3 {
                var u = (coordinated ? t : v) - 1
                while u >= max(sent.lowerBound, v - Self.window) {
                    if isSpeechVerb(pi, u), let s = subject(ofVerb: u, pi, sent, depth: depth + 1) { return s }
                    u -= 1
                }
                return mainSubject(pi, sent, before: v)
            }
            // "Mark Warner, who chairs the Intelligence Committee, warned", "Jean Dupont, qui dirige
            // le Parti socialiste, a estimé", "Dmitry Medvedev, now deputy chairman of Russia's
            // Security Council, said": a relative clause or an apposition (a determiner or a role
            // noun, after adverbs) between commas right before the verb describes its subject,
            // which stands before it.
            if t > sent.lowerBound, ts[t].textIs(","),
               let c = (max(sent.lowerBound, t - 20)..<t).last(where: { ts[$0].textIs(",") }), c > sent.lowerBound, c + 1 < t,
               case let o = (c + 1..<t).first(where: { !g.adverbs.contains(ts[$0].lower) && !g.englishAdverbs.contains(ts[$0].lower) }) ?? t, o < t,
               Words.relativePronouns.contains(ts[o].lower) || g.determiners.contains(ts[o].lower) || g.isRole(ts[o].lower) || g.isRoleWord(ts[o].folded) {
                t = c - 1
            }
            // "De La Tour a martelé que « … »": a surname alone that is nobody of the dossier,
            // right before the verb.
            if t >= sent.lowerBound, mentionEnding[pi][t] == nil {
                var k = t
                while k > max(sent.lowerBound, t - 2), g.particles.contains(ts[k - 1].folded) { k -= 1 }
                // (Not a role's complement, a word in lower case before the particle: "Le ministre des
                // Finances a jugé"; nor a word a preposition governs: "the Kyiv School of Economics warned".)
                if k == t || ts[k].isCapitalized || k == sent.lowerBound || ts[k - 1].kind == .punct,
                   k == sent.lowerBound || !g.prepositions.contains(ts[k - 1].lower),
                   let m = loneName(pi, at: k), m.hi == t + 1 { return m }
            }
            var u = t
            let floor = max(sent.lowerBound, t - Self.window)
            while u >= floor {
                // (A possessor is no subject: "Dmitry Peskov, Vladimir Putin's spokesman, dismissed".)
                if !a.paragraphs[pi].isInQuote(u), let m = mentionEnding[pi][u], eligible(m), !(m.hi < ts.count && ts[m.hi].isPossessive) {
                    return coordination(m, pi) ?? head(m, pi)
                }
                u -= 1
            }
            return nil
        }

        /// Where the subject of the verb at `v` starts when it is a determiner and up to three
        /// lower-case words right after "que", "qu'" or "that", with no mention among them ("que
        /// son adversaire avait qualifié"); else nil.
        func unnamedSubjectAfterThat(_ pi: Int, verb v: Int, _ sent: Range<Int>) -> Int? {
            let ts = tokens(pi)
            var e = v
            while e > sent.lowerBound, isSkippable(ts[e - 1]) { e -= 1 }
            guard e > sent.lowerBound + 2, e < v || !Self.isParticiple(ts[v]) else { return nil }
            var d = e - 1
            while d > max(sent.lowerBound, e - 4), !g.determiners.contains(ts[d].lower) {
                guard ts[d].kind == .word, !ts[d].isCapitalized, !g.isFunctionWord(ts[d].lower) else { return nil }
                d -= 1
            }
            guard d > sent.lowerBound, d < e - 1, g.determiners.contains(ts[d].lower), Words.thatWords.contains(ts[d - 1].lower),
                  !(d..<e).contains(where: { mentionStarting[pi][$0] != nil }) else { return nil }
            return d
        }

        /// A French verb in the simple future: "jugera", "diront", "répondra" (the passé simple
        /// "déclara" and "considéra" end otherwise).
        static func isFrenchFuture(_ t: Token) -> Bool { t.lower.utf8.count > 5 && Words.hasFrenchFutureEnding(t.lower) }

        /// The words of a subject that names nobody, from its determiner at `d` to the verb at `v`
        /// without the auxiliaries and adverbs before it ("son adversaire" in "son adversaire
        /// avait qualifié").
        func subjectPhrase(_ pi: Int, from d: Int, verb v: Int) -> String {
            let ts = tokens(pi)
            var e = v
            while e > d + 1, isSkippable(ts[e - 1]) { e -= 1 }
            return analyzer.joinWords(ts[d..<e].map(\.text))
        }

        /// Whether the lower-case words of `phrase` stand in `ts` from `k` on.
        static func startsPhrase(_ ts: [Token], at k: Int, _ phrase: [String]) -> Bool {
            k + phrase.count <= ts.count && phrase.indices.allSatisfy { ts[k + $0].lower == phrase[$0] }
        }

        /// A speech verb's present participle: French "-ant" ("estimant"), English "-ing" ("saying").
        static func isParticiple(_ t: Token) -> Bool { t.lower.hasSuffix("ant") || t.lower.hasSuffix("ing") }

        /// How far, in tokens, a rule looks for a subject or a cue: enough for any real sentence,
        /// and a bound on the work for a paragraph that never ends.
        static let window = 80

        func hasSpeechVerb(_ pi: Int, from: Int, to: Int) -> Bool {
            guard from < to else { return false }
            return (max(from, to - Self.window)..<to).contains { isSpeechVerb(pi, $0) }
        }

        /// The end of the sentence's main clause: its first "que", "qui", "lorsque"… before `limit`.
        func clauseEnd(_ pi: Int, _ sent: Range<Int>, before limit: Int) -> Int {
            let ts = tokens(pi)
            var u = sent.lowerBound
            while u < min(limit, sent.lowerBound + Self.window) {
                if g.clauseBreaks.contains(ts[u].lower) && !a.paragraphs[pi].isInQuote(u) { return u }
                u += 1
            }
            return limit
        }

        /// Where the last clause opened by a contrast ("tandis que", "alors que", "mais", "while",
        /// "whereas", "but") begins before `limit`, outside quotes: past its opening words.
        func contrastClause(_ pi: Int, _ sent: Range<Int>, before limit: Int) -> Int? {
            let ts = tokens(pi)
            var u = min(limit, ts.count) - 1
            while u > sent.lowerBound, u > limit - Self.window {
                if !a.paragraphs[pi].isInQuote(u) {
                    if Words.contrastBeforeQue.contains(ts[u].lower), u + 1 < limit, Words.thatWords.contains(ts[u + 1].lower) { return u + 2 }
                    if Words.contrast.contains(ts[u].lower) { return u + 1 }
                }
                u -= 1
            }
            return nil
        }

        /// The first mention of the sentence that can be a subject.
        func mainSubject(_ pi: Int, _ sent: Range<Int>, before limit: Int) -> Mention? {
            let ts = tokens(pi)
            // "Asked whether Donald Trump would …, Biden demurred", "Interrogé sur …, Poutine a
            // répondu": the subject comes after the clause of a participle that opens the sentence.
            var from = sent.lowerBound
            let p = from + 1 < sent.upperBound && ts[from].lowerIs("s'") ? from + 1 : from
            if g.participleOpeners.contains(ts[p].lower),
               let comma = (p + 1..<min(limit, sent.upperBound, p + 30)).first(where: { ts[$0].textIs(",") }), comma + 1 < limit {
                from = comma + 1
            }
            // (A surname alone that is nobody of the dossier, opening the sentence before its verb.)
            if mentionStarting[pi][from] == nil, let m = loneSubject(pi, at: from), m.hi < limit { return m }
            var u = from
            while u < min(limit, sent.upperBound, from + Self.window) {
                if let m = mentionStarting[pi][u], !a.paragraphs[pi].isInQuote(u), eligible(m) {
                    // A possessor is no subject: "Georgia's top election official, Brad Raffensperger, …".
                    if m.hi < ts.count, ts[m.hi].isPossessive { u = m.hi + 1; continue }
                    if case .pronoun = m.kind, m.lo > from + 3 { u += 1; continue }
                    return head(m, pi)
                }
                u += 1
            }
            return nil
        }

        /// Where a role's complement ("du gouvernement", "de la CFDT") ends: at most six words or
        /// apostrophes from `from`, none of them a speech verb.
        func afterComplement(_ pi: Int, _ from: Int) -> Int {
            let ts = tokens(pi)
            var c = from
            while c < min(ts.count, from + 6), ts[c].kind == .word || ts[c].textIs("'") || ts[c].text == "’", !isSpeechVerb(pi, c) { c += 1 }
            return c
        }

        /// "Pour l'ancien président Dmitri Medvedev, cette élection ne changera rien": the person
        /// whose view a sentence opens with ("pour", "selon", "d'après", "for", "according to",
        /// then a name or a role, then a comma), who a pronoun in the next sentence may point to.
        func viewpoint(_ pi: Int, _ sent: Range<Int>) -> Mention? {
            let ts = tokens(pi)
            var k = sent.lowerBound
            guard k + 2 < sent.upperBound else { return nil }
            switch ts[k].lower {
            case "pour", "selon", "for": k += 1
            case "d'", "d’": guard ts[k + 1].lower == "après" else { return nil }; k += 2
            case "according": guard ts[k + 1].lowerIs("to") else { return nil }; k += 2
            default: return nil
            }
            return viewpointHolder(pi, from: k, before: sent.upperBound)
        }

        /// The name or role a viewpoint's frame opens on, within four tokens of `from`: its head,
        /// when a comma ends the frame ("la députée écologiste Sandrine Rousseau,").
        func viewpointHolder(_ pi: Int, from k: Int, before limit: Int) -> Mention? {
            let ts = tokens(pi)
            for u in k..<min(limit, k + 4) {
                guard let m = mentionStarting[pi][u] else { continue }
                switch m.kind {
                case .name, .role:
                    var h = head(m, pi)
                    // The frame ends at a comma right after the name (its role's complement aside, or
                    // its party in parentheses: "Pour Raphaël Glucksmann (Place publique), …").
                    var from = h.hi
                    if from < ts.count, ts[from].textIs("("), let close = (from + 1..<min(limit, from + 8)).first(where: { ts[$0].textIs(")") }) {
                        from = close + 1
                    }
                    guard let end = (from..<min(limit, from + 8)).first(where: { ts[$0].kind == .punct }), ts[end].textIs(",") else { return nil }
                    // A frame has no verb: a name before its comma is the role's holder ("la députée
                    // écologiste Sandrine Rousseau,").
                    if case .role = h.kind, let n = (h.hi..<end).lazy.compactMap({ self.mentionStarting[pi][$0] }).first, case .name = n.kind, n.hi == end {
                        h = n
                    }
                    return h
                case .organisation:
                    // A paper or an agency the frame names as such, up to its comma: "Pour le
                    // journal progouvernemental Izvestia, …" (not "Pour Moscou, …": a place's view
                    // is the writer's reading).
                    guard (k..<u).contains(where: { g.organisationNouns.contains(ts[$0].lower) }), m.hi < min(limit, ts.count), ts[m.hi].textIs(",") else { return nil }
                    return m
                default: return nil
                }
            }
            return nil
        }

        /// The person a definite description after a speech verb stands for ("« … », répond le
        /// géographe"): after a continuing verb ("ajoute", "added"), the speaker just before; else
        /// the person who opens one of the four sentences before, as its subject, after an
        /// apposition perhaps ("Chercheur associé à l'Iris, Kevin Limonier étudie …"). A sentence
        /// with a quote between stops the search: whoever spoke there may be someone else.
        func describedPerson(_ pi: Int, before token: Int, gender: Gender, continuing: Bool) -> (Int, String)? {
            if continuing {
                guard let last = speakers.last, sentenceNo - last.sentence <= 1, case .person(let i) = last.speaker,
                      Self.compatible(personGender(i), gender) else { return nil }
                return (i, "a description after a continuing verb: the speaker just before")
            }
            var p = pi
            var end = a.paragraphs[pi].sentence(of: token).lowerBound
            for _ in 0..<4 {
                while end == 0 {
                    guard p > 0, p > pi - 2 else { return nil }
                    p -= 1
                    end = tokens(p).count
                }
                let sent = a.paragraphs[p].sentence(of: end - 1)
                end = sent.lowerBound
                if sent.contains(where: { a.paragraphs[p].isInQuote($0) }) { return nil }
                if let person = openingSubject(p, sent) {
                    guard Self.compatible(personGender(person), gender) else { return nil }
                    return (person, "a description the lexicon does not know as a role: the person a sentence before opens on")
                }
            }
            return nil
        }

        /// Whether the sentence right before opens on a singular subject pronoun of `gender` ("Elle
        /// n'a pas souhaité en dire davantage.").
        func plainSubjectIsPronoun(_ plain: (para: Int, range: Range<Int>, sentence: Int), _ gender: Gender) -> Bool {
            guard plain.sentence == sentenceNo - 1, let m = mentionStarting[plain.para][plain.range.lowerBound], case .pronoun(let g0) = m.kind,
                  !Attributor.isPluralPronoun(tokens(plain.para)[m.lo].lower) else { return false }
            return Self.compatible(g0, gender)
        }

        /// The person a sentence opens on as its subject, right before a verb in lower case (or
        /// an apposition between commas, then the verb): at its start or after its first comma
        /// ("Chercheur associé à l'Iris, Kevin Limonier étudie").
        func openingSubject(_ pi: Int, _ sent: Range<Int>) -> Int? {
            let ts = tokens(pi)
            func person(at u: Int) -> Int? {
                guard u < sent.upperBound, let m0 = mentionStarting[pi][u], eligible(m0), case let m = head(m0, pi), case .name(let ni) = m.kind,
                      let person = personOfName[ni], m.hi < sent.upperBound else { return nil }
                // (Perhaps with an apposition between commas: "Jordan Bardella, tête de liste du RN, s'est montré".)
                var v = m.hi
                if ts[v].textIs(","), let close = (v + 1..<min(sent.upperBound, v + 12)).first(where: { ts[$0].isPhraseMark }),
                   ts[close].textIs(",") { v = close + 1 }
                guard v < sent.upperBound, ts[v].kind == .word, !ts[v].isCapitalized else { return nil }
                return person
            }
            if let p = person(at: sent.lowerBound) { return p }
            // (After a coordination: "Mais M. Peskov n'a pas exclu un contact : « … », a-t-il glissé".)
            if sent.lowerBound + 1 < sent.upperBound, g.coordinations.contains(ts[sent.lowerBound].lower),
               let p = person(at: sent.lowerBound + 1) { return p }
            guard let comma = (sent.lowerBound..<min(sent.upperBound, sent.lowerBound + 20)).first(where: { ts[$0].textIs(",") }) else { return nil }
            return person(at: comma + 1)
        }

        /// "le FBI, l'ODNI et la CISA ont affirmé", "the FBI, ODNI and CISA said": institutions
        /// named together, by commas and one "et" or "and" before the last, speak together. The
        /// mention of all of them, labelled as written, when `m` is one of them; else nil.
        func coordination(_ m: Mention, _ pi: Int) -> Mention? {
            guard case .organisation = m.kind else { return nil }
            let ts = tokens(pi)
            func isAnd(_ k: Int) -> Bool { ts[k].lowerIs("et") || ts[k].lowerIs("and") }
            func organisation(_ o: Mention?) -> Mention? {
                guard let o, case .organisation = o.kind, !a.paragraphs[pi].isInQuote(o.lo) else { return nil }
                return o
            }
            var parts = [m]
            // Back: a comma or "et" before each (its determiner first), the one before ending there.
            while let first = parts.first {
                var j = first.lo - 1
                if j >= 0, g.determiners.contains(ts[j].lower) { j -= 1 }
                guard j >= 1, ts[j].textIs(",") || isAnd(j) else { break }
                var k = j - 1
                if isAnd(j), ts[k].textIs(","), k >= 1 { k -= 1 } // "the FBI, ODNI, and CISA"
                guard let o = organisation(mentionEnding[pi][k]) else { break }
                parts.insert(o, at: 0)
            }
            // On: a comma or "et" after each, the next (after its determiner) starting there.
            while let last = parts.last, last.hi + 1 < ts.count, ts[last.hi].textIs(",") || isAnd(last.hi) {
                var k = last.hi + 1
                if ts[last.hi].textIs(","), isAnd(k), k + 1 < ts.count { k += 1 }
                if g.determiners.contains(ts[k].lower), k + 1 < ts.count { k += 1 }
                guard let o = organisation(mentionStarting[pi][k]) else { break }
                parts.append(o)
            }
            // One "et" or "and", before the last: a list, not two clauses.
            guard parts.count >= 2 else { return nil }
            let separators = parts.dropLast().map { p in (p.hi..<(parts.first { $0.lo > p.lo }?.lo ?? p.hi)).filter(isAnd) }
            guard separators.dropLast().allSatisfy(\.isEmpty), let and = separators.last?.first else { return nil }
            let names = parts.map { p -> String in if case .organisation(let label) = p.kind { return label }; return "" }
            let label = names.dropLast().joined(separator: ", ") + " " + ts[and].text + " " + (names.last ?? "")
            return Mention(kind: .organisation(label), paragraph: pi, lo: parts[0].lo, hi: parts[parts.count - 1].hi)
        }

        /// "Kremlin spokesman Dmitry Peskov", "la députée LFI Mathilde Panot": an organisation or a
        /// role a few words before a name, with no comma or preposition between, qualifies the
        /// name, which is the subject.
        func head(_ m: Mention, _ pi: Int) -> Mention {
            if case .name = m.kind { return m }
            if case .pronoun = m.kind { return m }
            let ts = tokens(pi)
            // A role in apposition with its holder: after it and closed by a comma ("Laurent Berger,
            // l'ancien secrétaire général de la CFDT, juge"; a name that a preposition governs is no
            // subject), or before it ("la porte-parole du gouvernement, Maud Bregeon", the name
            // alone before the next mark).
            if case .role = m.kind {
                var b = m.lo - 1
                if b >= 0, g.determiners.contains(ts[b].lower) { b -= 1 }
                let c = afterComplement(pi, m.hi)
                if b >= 1, ts[b].textIs(","), c < ts.count, ts[c].textIs(","), let n = mentionEnding[pi][b - 1], case .name = n.kind, eligible(n) {
                    return n
                }
                // (Not when the role has its holder's name right after it: "Pour le politologue
                // Konstantin Kalatchev, Vladimir Poutine « garde … »".)
                if c + 1 < ts.count, ts[c].textIs(","), let n = mentionStarting[pi][c + 1], case .name = n.kind, n.hi >= ts.count || ts[n.hi].kind == .punct,
                   !(m.hi..<c).contains(where: { if let h = mentionStarting[pi][$0], case .name = h.kind { return true }; return false }) {
                    return n
                }
            }
            // "Le Kremlin, par la voix de Dmitri Peskov, a rejeté …": the voice named speaks.
            if case .organisation = m.kind, m.hi + 5 < ts.count, ts[m.hi].textIs(","), voiceOf(ts, m.hi + 4),
               let n = mentionStarting[pi][m.hi + 5], case .name = n.kind {
                return n
            }
            // "the White House press secretary, Karine Jean-Pierre, told": an institution, its
            // role words in lower case, then the holder's name between commas.
            if case .organisation = m.kind, let r = (m.hi..<min(ts.count, m.hi + 3)).first(where: { g.isRole(ts[$0].lower) }),
               (m.hi..<r).allSatisfy({ ts[$0].kind == .word && !ts[$0].isCapitalized }), r + 2 < ts.count, ts[r + 1].textIs(","),
               let n = mentionStarting[pi][r + 2], case .name = n.kind, n.hi < ts.count, ts[n.hi].textIs(",") {
                return n
            }
            // "le porte-parole du ministère Gueorgui Tykhy", "le président de la Douma d'État
            // Viatcheslav Volodine": a role, its complement, then its holder's name right after a
            // noun of the complement (not after its preposition: "le porte-parole de Vladimir Poutine").
            // ("à", "au" and "aux" open a complement too: "l'ancien conseiller à la sécurité nationale
            // John Bolton", "la secrétaire d'État aux Affaires européennes Laurence Boone".)
            if case .role = m.kind, m.hi < ts.count, Words.ofPrepositions.contains(ts[m.hi].lower) || Words.toPrepositions.contains(ts[m.hi].lower) {
                var e = m.hi + 1
                while e < min(ts.count, m.hi + 8), ts[e].kind == .word || ts[e].textIs("'") || ts[e].text == "’" {
                    if let n = mentionStarting[pi][e] {
                        guard case .name = n.kind else { e = n.hi; continue }
                        // (From the role on, so that a cue shows it: "Le chef de la diplomatie russe
                        // Sergueï Lavrov a déclaré".)
                        if !g.prepositions.contains(ts[e - 1].lower), !g.determiners.contains(ts[e - 1].lower), !Words.ofPrepositions.contains(ts[e - 1].lower) {
                            return Mention(kind: n.kind, paragraph: n.paragraph, lo: m.lo, hi: n.hi)
                        }
                        break
                    }
                    if isSpeechVerb(pi, e) || g.auxiliaries.contains(ts[e].lower) || g.clauseBreaks.contains(ts[e].lower) { break }
                    e += 1
                }
            }
            var k = m.hi
            while k < min(ts.count, m.hi + 4) {
                if let n = mentionStarting[pi][k], case .name = n.kind { return n }
                let t = ts[k]
                // Only role words, nationalities and capitalised words qualify a name: "Le président
                // reçoit Jean Dupont" has its subject before the verb; "Le premier ministre hongrois
                // Viktor Orban, hôte du sommet, a plaidé" has Orban.
                if t.kind != .word || isSpeechVerb(pi, k) || !(t.isCapitalized || g.isRole(t.lower) || g.isDemonym(t.folded)) { break }
                k += 1
            }
            return m
        }

        /// After an inverted speech verb, the subject may follow a short phrase: "a réagi sur X la
        /// députée …", "a affirmé dimanche sur France Inter le ministre …". Returns where the
        /// subject would start after at most two such phrases.
        func afterPrepositionalPhrases(_ pi: Int, _ from: Int) -> Int {
            let ts = tokens(pi)
            var k = from
            for _ in 0..<2 {
                // ("en" too, which the lexicon leaves out of its prepositions for its pronoun: "a
                // soutenu en entrevue Darren Linvill".)
                guard k < ts.count, g.prepositions.contains(ts[k].lower) || ts[k].lowerIs("en"),
                      !["selon", "comme", "as", "than", "dont"].contains(ts[k].lower) else { break }
                var e = k + 1
                if e < ts.count, g.determiners.contains(ts[e].lower) { e += 1 }
                guard e < ts.count else { break }
                if let m = mentionStarting[pi][e] { e = m.hi } else if ts[e].kind == .word { e += 1 } else { break }
                while e < min(ts.count, k + 6), ts[e].isCapitalized, mentionStarting[pi][e] == nil { e += 1 }
                k = afterAdverbs(pi, e)
            }
            return k
        }

        /// The mention that "selon X" / "d'après X" / "according to X" introduces, at token `i`.
        func selonObject(_ pi: Int, _ i: Int) -> Mention? {
            let ts = tokens(pi)
            guard i < ts.count else { return nil }
            var j = i + 1
            if ts[i].lowerIs("according"), j < ts.count, ts[j].lowerIs("to") {
                j += 1
            } else if ts[i].lowerIs("d'"), j < ts.count, ts[j].lower == "après" {
                j += 1 // "D'après" is two tokens: the elided "d'" and "après".
            } else if ts[i].lowerIs("pour") || ts[i].lowerIs("for"),
                      i == 0 || ts[i - 1].kind == .punct && (ts[i].isCapitalized || !Words.closingQuoteMarks.contains(ts[i - 1].text)) {
                // "Pour Philippe Martin, …", "Pour la députée Sandrine Rousseau, …", "For Collins, …"
                // at a sentence's start reports a view; "Pour cette raison" names nobody; nor does
                // "pour" after a quote in its sentence ("sa « préférence » pour Kamala Harris").
                // "Pour elle, …", "For him, …": the pronoun stands for the person, as in "selon lui".
                if let m = mentionStarting[pi][j], case .pronoun = m.kind, m.hi < ts.count, ts[m.hi].textIs(",") { return m }
                guard let m = viewpointHolder(pi, from: j, before: ts.count) else { return nil }
                switch m.kind {
                case .name, .organisation: return m
                default: return nil
                }
            } else if ts[i].lowerIs("as") || ts[i].lowerIs("comme"),
                      i == 0 || ts[i - 1].kind == .punct || g.coordinations.contains(ts[i - 1].lower) && (i == 1 || ts[i - 2].kind == .punct) {
                // "As Trump put it at a rally, “…”", "Comme l'a rappelé Jean Dupont, « … »", "“…,” as
                // Trump put it.", "But as …": a frame with a speech verb, up to its comma or its
                // sentence's end, whose first name or role speaks.
                var e = j
                var verb = false
                var holder: Mention?
                var limit = i + 14
                while e < min(ts.count, limit), !Words.sentenceEnds.contains(ts[e].text), !a.paragraphs[pi].isInQuote(e) {
                    if ts[e].textIs(",") {
                        // "As Renée DiResta, a former research manager at the Stanford Internet
                        // Observatory, has put it,": the holder's apposition (a determiner or a role
                        // after the comma, up to the next one) is skipped.
                        guard !verb, let h = holder, e == h.hi, e + 1 < ts.count, g.determiners.contains(ts[e + 1].lower) || g.isRole(ts[e + 1].lower),
                              let close = (e + 2..<min(ts.count, e + 16)).first(where: { ts[$0].isPhraseMark }),
                              ts[close].textIs(",") else { break }
                        limit = close + 8
                        e = close + 1
                        continue
                    }
                    if holder == nil, let m = mentionStarting[pi][e] {
                        switch m.kind {
                        case .name, .role: holder = m
                        default: break
                        }
                        e = m.hi
                        continue
                    }
                    if isSpeechVerb(pi, e) || ts[e].lowerIs("put") { verb = true }
                    e += 1
                }
                guard verb, let m = holder, e >= ts.count || ts[e].textIs(",") || Words.sentenceEnds.contains(ts[e].text) else { return nil }
                return head(m, pi)
            } else if let phrase = Words.selonPhrases.first(where: { Self.startsPhrase(ts, at: i, $0) }) {
                // "À en croire le chef de la diplomatie européenne, …", "Aux dires de Dmitri
                // Peskov, …", "De l'aveu même d'un haut fonctionnaire, …": "selon" in more words.
                j = i + phrase.count
            } else if !ts[i].lowerIs("selon") {
                return nil
            }
            guard j < ts.count else { return nil }
            // (An institution's role and holder after it: "According to Clemson University
            // researcher Patrick Warren, …".)
            func holder(_ m: Mention) -> Mention { if case .organisation = m.kind { return head(m, pi) }; return m }
            if let m = mentionStarting[pi][j] { return holder(m) }
            // "D'après Morin", "selon de La Tour": a surname alone.
            if let m = loneName(pi, at: j) { return m }
            if j + 1 < ts.count, g.determiners.contains(ts[j].lower), let m = mentionStarting[pi][j + 1] { return holder(m) }
            // "selon un communiqué de La France insoumise", "according to a statement from her office":
            // the author of the document.
            if j + 3 < ts.count, g.determiners.contains(ts[j].lower), Self.documents.contains(ts[j + 1].folded),
               ["de", "du", "des", "d'", "d’", "from", "of", "by"].contains(ts[j + 2].lower) {
                if let m = mentionStarting[pi][j + 3] { return m }
                return g.determiners.contains(ts[j + 3].lower) && j + 4 < ts.count ? mentionStarting[pi][j + 4] : nil
            }
            return nil
        }

        /// What a source's words come in: "selon un communiqué de …".
        static let documents: Set<String> = ["communique", "declaration", "message", "lettre", "texte", "statement", "release", "letter", "post", "tweet"]

        // MARK: Rules

        func isNotSpeech(_ pi: Int, _ s: Int) -> Bool {
            let ts = tokens(pi)
            let open = anchorToken(pi, s)
            // A title, a name or a slogan: "l'émission « … »", "intitulé « … »", "surnommé « … »".
            var k = open - 1
            // (Past its nationality and a one-word complement: "le réseau russe « Doppelgänger »",
            // "la campagne de désinformation « Matriochka »".)
            var n = k
            if n >= 0, ts[n].kind == .word, g.isNationality(ts[n].folded) { n -= 1 }
            if n >= 1, ts[n].kind == .word, !ts[n].isCapitalized, Words.ofPrepositions.contains(ts[n - 1].lower) { n -= 2 }
            if n >= 0, ts[n].kind == .word, g.isNationality(ts[n].folded) { n -= 1 }
            if n >= 0, g.notSpeechMarkersAdjacent.contains(ts[n].lower) { return true }
            // English names the thing before its noun: 'the "Doppelganger" operation' (an English
            // determiner before the quote, the noun right after it).
            let after = afterSpan(pi, s)
            if k >= 0, Words.englishDeterminers.contains(ts[k].lower), after < ts.count,
               g.notSpeechMarkersAdjacent.contains(ts[after].lower) || g.notSpeechMarkers.contains(ts[after].lower) { return true }
            var seen = 0
            while k >= 0 && seen < 3 {
                if g.notSpeechMarkers.contains(ts[k].lower) { return true }
                if ts[k].kind == .punct && ts[k].text != "’" { break }
                // "a estimé sur son podcast que « … »": a clause opens the quote, not a title.
                if Words.thatWords.contains(ts[k].lower) { break }
                seen += 1
                k -= 1
            }
            // Capitalised words only, and more than one: a name or a title ("Moscou. Kremlin. Poutine").
            let span = a.paragraphs[pi].spans[s]
            // (Its words counted, up to 8, not copied.)
            // (Words all in capitals are shouted, not a title: “KAMALA IS WEAK ON RUSSIA!”.)
            var inside = 0, allCapitalized = true, allCaps = true
            var k2 = tokenIndex(pi, atOrAfter: span.start)
            while k2 < ts.count, ts[k2].start < span.end, inside < 8 {
                if ts[k2].end <= span.end && ts[k2].kind == .word {
                    inside += 1
                    if !ts[k2].isCapitalized { allCapitalized = false }
                    if !ts[k2].isAllCaps { allCaps = false }
                }
                k2 += 1
            }
            if inside >= 2 && inside <= 6 && allCapitalized && !(allCaps && inside >= 3) { return true }
            return inside == 0
        }

        /// « … », a-t-il dit / a déclaré X / X a déclaré / he said. With `strongOnly`, only the
        /// inverted forms (verb before subject), which cannot belong to another sentence.
        func afterCue(_ pi: Int, _ s: Int, strongOnly: Bool) -> Found? {
            let ts = tokens(pi)
            let span = a.paragraphs[pi].spans[s]
            // Does the quote end with its own sentence-final mark? (the last token inside it)
            let lastInside = tokenIndex(pi, atOrAfter: span.end) - 1
            let endsSentence = lastInside >= 0 && Words.sentenceEnds.contains(ts[lastInside].text)
            let (k, sawComma) = pastQuote(pi, s)
            guard k < ts.count else { return nil }
            let start = k
            // (i) dit-il, ajoute-t-elle, a-t-il précisé
            if analyzer.isInvertedVerb(ts[k].lower), let gender = analyzer.pronounGender(ts[k].lower) {
                var e = k + 1
                let j = afterAdverbs(pi, k + 1)
                if j < ts.count, g.speechVerbs.contains(ts[j].lower) { e = j + 1 }
                // "a-t-il ajouté" goes on with the latest speaker; "a-t-il écrit" may point to the
                // subject of the sentence right before, when that sentence has no quote.
                let verb = e > k + 1 ? ts[j].folded : Analyzer.stem(ofInverted: ts[k].folded)
                // "assure-t-on à l'Élysée", "indique-t-on au Kremlin": the impersonal "on" at an
                // institution is the institution.
                if Analyzer.hasASCIISuffix(ts[k].folded, "-on"), e < ts.count, Words.locativePrepositions.contains(ts[e].lower) {
                    let o = e + 1 < ts.count && g.determiners.contains(ts[e + 1].lower) ? e + 2 : e + 1
                    if o < ts.count, let m = mentionStarting[pi][o], case .organisation(let name) = m.kind {
                        return Found(speaker: .organisation(name), cueLo: start, cueHi: m.hi, rule: "inverted-pronoun", confidence: 0.7,
                                     notes: ["an impersonal 'on' at an institution: the institution speaks"])
                    }
                }
                // "Jordan Bardella, tête de liste du RN, s'est montré plus prudent : « … », a-t-il
                // déclaré": the quote's own sentence opens on its subject, which the pronoun is.
                let anchor = anchorToken(pi, s)
                let own = a.paragraphs[pi].sentence(of: anchor)
                if own.lowerBound < anchor, !Attributor.isPluralPronoun(ts[k].lower),
                   !(own.lowerBound..<anchor).contains(where: { a.paragraphs[pi].isInQuote($0) }),
                   let person = openingSubject(pi, own.lowerBound..<anchor), Self.compatible(personGender(person), gender) {
                    return Found(speaker: .person(person), cueLo: start, cueHi: e, rule: "inverted-pronoun", confidence: 0.9,
                                 notes: ["pronoun resolved to the subject the quote's sentence opens on"])
                }
                // "« … », a expliqué Morin. « … », a-t-elle dit", "« … », a indiqué le Kremlin. « … »,
                // a-t-il ajouté": the speaker just before, whom the dossier does not link to a
                // person, or an institution, goes on speaking.
                // (A sentence between whose subject is a pronoun goes on with them too: "D'après
                // N'Diaye, « … ». Elle n'a pas souhaité en dire davantage. « … », a-t-elle martelé".)
                if let last = speakers.last, !last.speaker.isPerson, !Attributor.isPluralPronoun(ts[k].lower),
                   sentenceNo - last.sentence <= 1 && (lastPlainSentence?.sentence ?? -1) < last.sentence
                    || sentenceNo - last.sentence == 2 && lastPlainSentence.map({ plainSubjectIsPronoun($0, gender) }) == true {
                    return Found(speaker: last.speaker, cueLo: start, cueHi: e, rule: "inverted-pronoun", confidence: 0.7,
                                 notes: ["pronoun resolved to the speaker just before, who is not a person of the dossier"])
                }
                // "« … », a expliqué Morin. « … », a-t-elle dit", where the article names Viktor and
                // Claire Morin: the pronoun's gender tells which of one surname's people speaks.
                if let last = speakers.last, case .person(let i) = last.speaker, sentenceNo - last.sentence <= 1,
                   !Self.compatible(personGender(i), gender), let j = namesake(of: i, gender) {
                    return Found(speaker: .person(j), cueLo: start, cueHi: e, rule: "inverted-pronoun", confidence: 0.7,
                                 notes: ["the pronoun's gender tells apart two people of the article with one surname"])
                }
                // A continuing verb ("a-t-il ajouté") goes on with the latest speaker, unless a
                // sentence without a quote opens the quote's paragraph: "Mme Lambert s'est exprimée
                // lundi. « … », a-t-elle ajouté" continues with the person that sentence brings in.
                let opensParagraph = lastPlainSentence.map { $0.para == pi && $0.range.lowerBound == 0 && sentenceNo - $0.sentence == 1 } ?? false
                // ("a-t-on indiqué", "ajoutent-ils": a group or nobody, never guessed to be one person.)
                guard let (sp, notes) = resolvePronoun(gender, plural: Attributor.isPluralPronoun(ts[k].lower),
                                                       subjectFirst: !g.continuingVerbs.contains(verb) || opensParagraph, subjectWithin: 1,
                                                       headline: true) else {
                    return Found(speaker: nil, cueLo: start, cueHi: e, rule: "inverted-pronoun", confidence: 0.3, notes: ["the pronoun could not be resolved"])
                }
                return Found(speaker: sp, cueLo: start, cueHi: e, rule: "inverted-pronoun", confidence: 0.9, notes: notes)
            }
            // (ii) a déclaré Kirby, a déclaré le porte-parole, said Kirby, selon X, according to X
            var j = afterSkippables(pi, k)
            // (and adverbs of more than one word: "a au contraire défendu X")
            if j < ts.count, !g.speechVerbs.contains(ts[j].lower), case let past = afterAdverbs(pi, j), past > j, past < ts.count,
               g.speechVerbs.contains(ts[past].lower) { j = past }
            // (Not "« … ». Selon lui, …" / "… pressure." According to …": a quote that ends its
            // sentence, then a new one opening on "selon", which introduces what it says next.)
            if j < ts.count, !(endsSentence && !sawComma && ts[j].isCapitalized), let m = selonObject(pi, j), let r = resolve(m) {
                return Found(speaker: r.speaker, cueLo: start, cueHi: m.hi, rule: "selon", confidence: 0.85, notes: r.notes)
            }
            // (Not "n'a « pas de projet » d'appeler le président élu": an infinitive the quote's
            // own clause governs, with no comma between; "« … », de dire le ministre" is a cue.)
            let governed = !sawComma && j > k && (ts[k].lowerIs("de") || ts[k].lowerIs("d'") || ts[k].lowerIs("d’"))
            if j < ts.count, g.speechVerbs.contains(ts[j].lower), !ts[j].isCapitalized, !governed {
                var sj = afterAdverbs(pi, j + 1)
                func subjectAt(_ k: Int) -> Mention? {
                    guard k < ts.count else { return nil }
                    if let m = mentionStarting[pi][k] ?? (g.determiners.contains(ts[k].lower) && k + 1 < ts.count ? mentionStarting[pi][k + 1] : nil) {
                        return m
                    }
                    // "a dit Da Silva", "a précisé de La Tour": a surname's particles before the
                    // mention of its last word.
                    let j = afterParticles(pi, k)
                    if j > k, let n = mentionStarting[pi][j], case .name = n.kind { return n }
                    return nil
                }
                var subject = subjectAt(sj)
                if subject == nil {
                    sj = afterPrepositionalPhrases(pi, sj)
                    subject = subjectAt(sj)
                }
                if let m0 = subject, case let m = head(m0, pi), let r = resolve(m) {
                    let rule = { if case .role = m.kind { return "inverted-role" }; return "inverted-name" }()
                    return Found(speaker: r.speaker, cueLo: start, cueHi: m.hi, rule: rule, confidence: 0.95, notes: r.notes)
                }
                // "a reconnu Fernández": a surname alone that no person of the dossier has (no
                // mention of the tables above), as the subject of a speech verb, is somebody's.
                if subject == nil, let m = loneName(pi, at: sj), let r = resolve(m) {
                    return Found(speaker: r.speaker, cueLo: start, cueHi: m.hi, rule: "inverted-name", confidence: 0.7, notes: r.notes)
                }
                // « … », confie un proche du président: the quote has its own cue, whose subject
                // is nobody named. It is not given to the previous speaker.
                if subject == nil, sj < ts.count, g.determiners.contains(ts[sj].lower), !a.paragraphs[pi].isInQuote(sj) {
                    var e = sj + 1
                    // (up to a phrase of place or time: "le Premier ministre devant les sénateurs")
                    // (The noun right after the determiner may be a speech verb's form: "indique un
                    // communiqué conjoint du FBI".)
                    while e < min(ts.count, sj + 8), ts[e].kind != .punct, !g.clauseBreaks.contains(ts[e].lower), e == sj + 1 || !isSpeechVerb(pi, e),
                          !(e > sj + 1 && g.prepositions.contains(ts[e].lower) && !Words.ofPrepositions.contains(ts[e].lower)) { e += 1 }
                    // "déplore l'essayiste libéral Raphaël Enthoven": a description the lexicon does
                    // not know as a role, in lower case, then the name.
                    if let n = (sj + 1..<e).lazy.compactMap({ mentionStarting[pi][$0] }).first, case .name = n.kind,
                       (sj + 1..<n.lo).allSatisfy({ ts[$0].kind == .word && !ts[$0].isCapitalized }), let r = resolve(n) {
                        return Found(speaker: r.speaker, cueLo: start, cueHi: n.hi, rule: "inverted-name", confidence: 0.85,
                                     notes: r.notes + ["a description before the name"])
                    }
                    // "« … », répond le géographe": a definite description of one or two words in
                    // lower case (not a role of the lexicon: that is a role's mention), who the
                    // article has just brought in.
                    if Words.definiteDeterminers.contains(ts[sj].lower), (2...3).contains(e - sj),
                       (sj + 1..<e).allSatisfy({ ts[$0].kind == .word && !ts[$0].isCapitalized }),
                       case let gender: Gender = ts[sj].lowerIs("le") ? .male : ts[sj].lowerIs("la") ? .female : .unknown,
                       let (person, note) = describedPerson(pi, before: start, gender: gender, continuing: g.continuingVerbs.contains(ts[j].lower)) {
                        return Found(speaker: .person(person), cueLo: start, cueHi: e, rule: "inverted-description", confidence: 0.6, notes: [note])
                    }
                    if e > sj + 1 {
                        // (As written: "one U.S. official".)
                        let phrase = a.paragraphs[pi].scalarText(ts[sj].start, ts[e - 1].end)
                        return Found(speaker: .unresolved(phrase), cueLo: start, cueHi: e, rule: "inverted-unnamed", confidence: 0.5,
                                     notes: ["the speech verb's subject names nobody: the quote is left to it"])
                    }
                }
                // "recalled former FBI agent Peter Strzok": English puts a role and what qualifies
                // it, without a determiner, between the verb and the name.
                if subject == nil {
                    var e = sj
                    var afterRole = false
                    while e < min(ts.count, sj + 6), !a.paragraphs[pi].isInQuote(e) {
                        if let m = mentionStarting[pi][e] {
                            if case .organisation = m.kind { e = m.hi; afterRole = false; continue }
                            if case .name = m.kind, e > sj, afterRole || g.isTitle(ts[e].lower) || g.isRoleWord(ts[e].folded), let r = resolve(m) {
                                return Found(speaker: r.speaker, cueLo: start, cueHi: m.hi, rule: "inverted-name", confidence: 0.9,
                                             notes: r.notes + ["a role without a determiner before the name"])
                            }
                            break
                        }
                        // (A capitalised word no mention starts at qualifies too: "Republican strategist".)
                        let t = ts[e]
                        guard t.kind == .word, !g.clauseBreaks.contains(t.lower), !g.prepositions.contains(t.lower),
                              !g.determiners.contains(t.lower), !isSpeechVerb(pi, e) else { break }
                        afterRole = g.isRole(t.lower)
                        e += 1
                    }
                }
                // « … », souffle Olena, 34 ans: a witness named by a first name alone, with an age.
                if subject == nil, sj + 3 < ts.count, ts[sj].kind == .word, ts[sj].isCapitalized, !ts[sj].isAllCaps, ts[sj + 1].textIs(","),
                   ts[sj + 2].kind == .number, ["ans", "an", "years", "year"].contains(ts[sj + 3].lower), !a.paragraphs[pi].isInQuote(sj) {
                    return Found(speaker: .unresolved(ts[sj].text), cueLo: start, cueHi: sj + 1, rule: "inverted-name", confidence: 0.6,
                                 notes: ["a first name alone, with an age: someone the article does not name in full"])
                }
            }
            if strongOnly { return nil }
            // (iii) Trump a déclaré, he said
            var m = mentionStarting[pi][k]
            if m == nil, g.determiners.contains(ts[k].lower), k + 1 < ts.count { m = mentionStarting[pi][k + 1] }
            // "spokesman Dmitry Peskov said", "Kremlin spokesman Dmitry Peskov said": a role noun
            // without a determiner (after an institution's name) before the name.
            var r = k
            if let o = m, case .organisation = o.kind { r = o.hi }
            if m == nil || r > k, r + 1 < ts.count, ts[r].kind == .word, !ts[r].isCapitalized, g.isRole(ts[r].lower),
               let n = mentionStarting[pi][r + 1], case .name = n.kind {
                m = n
            }
            if let m0 = m {
                let m = coordination(m0, pi) ?? head(m0, pi)
                var v = afterNameComplement(pi, m.hi)
                // "a spokesperson for the British government said": a role's complement.
                if case .role = m.kind, v == m.hi { v = afterComplement(pi, m.hi) }
                v = afterSkippables(pi, v)
                // (A quote that ends its sentence is not the verb's when the verb's own clause
                // quotes after it: '… a "fringe problem." One senior diplomat assured me that
                // "nobody believes RT."', but « … » Zakharova a déclaré, ajoutant que … « … ».)
                if v < ts.count, g.speechVerbs.contains(ts[v].lower),
                   !(endsSentence && !sawComma && (v + 1..<a.paragraphs[pi].sentence(of: v).upperBound)
                        .prefix(while: { !ts[$0].textIs(",") || a.paragraphs[pi].isInQuote($0) }).contains { a.paragraphs[pi].isInQuote($0) }),
                   let r = resolve(m) {
                    return Found(speaker: r.speaker, cueLo: start, cueHi: v + 1, rule: "cue-after",
                                 confidence: endsSentence && !sawComma ? 0.75 : 0.85, notes: r.notes)
                }
            }
            // "“…,” Fernandez said": a surname alone that is nobody of the dossier, in the quote's
            // own sentence.
            if m == nil, sawComma || !endsSentence, let n = loneName(pi, at: k), let r = resolve(n) {
                let v = afterSkippables(pi, n.hi)
                if v < ts.count, !ts[v].isCapitalized, g.speechVerbs.contains(ts[v].lower) {
                    return Found(speaker: r.speaker, cueLo: start, cueHi: v + 1, rule: "cue-after", confidence: 0.65, notes: r.notes)
                }
            }
            return nil
        }

        /// Where the verb may stand after a name and what qualifies it: "Sen. Lindsey Graham of South
        /// Carolina told CNN", "John Fetterman, a Democrat from Pennsylvania, said", "Jean Dupont,
        /// le maire de Lyon, a déclaré". A phrase between commas must open with a determiner or a
        /// role and hold no speech verb.
        func afterNameComplement(_ pi: Int, _ from: Int) -> Int {
            let ts = tokens(pi)
            var k = from
            if k + 1 < ts.count, ["of", "from"].contains(ts[k].lower), ts[k + 1].isCapitalized {
                k += 1
                while k < min(ts.count, from + 4), ts[k].isCapitalized { k += 1 }
                return k
            }
            // (Or a possessor: "Dmitry Peskov, Vladimir Putin's spokesperson, told reporters".)
            func opensOnPossessor(_ j: Int) -> Bool {
                let end = mentionStarting[pi][j]?.hi ?? j + 1
                return end < ts.count && ts[end].isPossessive
            }
            guard k + 1 < ts.count, ts[k].textIs(","), g.determiners.contains(ts[k + 1].lower) || g.isRole(ts[k + 1].lower) || opensOnPossessor(k + 1)
            else { return from }
            var e = k + 1
            // (Up to sixteen tokens: "Sterling, the chief operating officer of Georgia's secretary of
            // state's office, said".)
            while e < min(ts.count, k + 16) {
                if ts[e].textIs(",") { return e + 1 }
                if ts[e].isPhraseMark || isSpeechVerb(pi, e) || a.paragraphs[pi].isInQuote(e) { return from }
                e += 1
            }
            return from
        }

        /// X a déclaré que « … », X : « … », selon X, « … » — in the quote's own sentence.
        func beforeCue(_ pi: Int, _ s: Int, sentence sent: Range<Int>) -> Found? {
            let ts = tokens(pi)
            let open = anchorToken(pi, s)
            var t = open - 1
            if t >= sent.lowerBound, ts[t].textIs(":") {
                // The sentence's subject, unless the speech verb the colon ends the clause of has
                // another ("The campaign was relentless, as Clint Watts told reporters: …").
                var subject = mainSubject(pi, sent, before: t)
                if let v = (max(sent.lowerBound, t - 8)..<t).last(where: { isSpeechVerb(pi, $0) && !Self.isParticiple(ts[$0]) }),
                   let own = self.subject(ofVerb: v, pi, sent), let r = resolve(own), subject.flatMap({ resolve($0)?.speaker }) != r.speaker {
                    subject = own
                }
                if let m = subject, let r = resolve(m) {
                    return Found(speaker: r.speaker, cueLo: m.lo, cueHi: t + 1, rule: "colon", confidence: 0.8, notes: r.notes)
                }
                // "the Russian embassy in Washington wrote: “…”": a speech verb right before the
                // colon, whose subject is a phrase that names nobody. The quote is left to it.
                var v = t - 1
                while v > sent.lowerBound, isSkippable(ts[v]) { v -= 1 }
                if v > sent.lowerBound, isSpeechVerb(pi, v), !Self.isParticiple(ts[v]) {
                    var d = v - 1
                    while d >= max(sent.lowerBound, v - 7), !g.determiners.contains(ts[d].lower), ts[d].kind == .word, !isSpeechVerb(pi, d) { d -= 1 }
                    if d >= sent.lowerBound, d < v - 1, g.determiners.contains(ts[d].lower),
                       d == sent.lowerBound || ts[d - 1].kind == .punct {
                        return Found(speaker: .unresolved(subjectPhrase(pi, from: d, verb: v)), cueLo: d, cueHi: t + 1, rule: "colon", confidence: 0.5,
                                     notes: ["the speech verb's subject names nobody: the quote is left to it"])
                    }
                }
            }
            while t >= max(sent.lowerBound, open - Self.window) {
                if a.paragraphs[pi].isInQuote(t) { t -= 1; continue }
                if let m = selonObject(pi, t), let r = resolve(m) {
                    return Found(speaker: r.speaker, cueLo: t, cueHi: m.hi, rule: "selon", confidence: 0.85, notes: r.notes)
                }
                // A French verb in the future reports nobody's words: "Selon le porte-parole, Moscou
                // jugera la nouvelle administration sur ses « actes concrets »" is the spokesman's.
                if Self.isFrenchFuture(ts[t]), isSpeechVerb(pi, t) { t -= 1; continue }
                // "Si Kamala Harris juge ce discours « dangereux », le chancelier Olaf Scholz parle
                // d'une « illusion »": a clause between the verb and the quote, opened after a comma
                // by a name or a role and its verb, has the quote; the verb is the other clause's.
                if isSpeechVerb(pi, t), let n = newClauseSubject(pi, after: t, before: open) {
                    if let r = resolve(n) {
                        return Found(speaker: r.speaker, cueLo: n.lo, cueHi: n.hi, rule: "sentence-subject", confidence: 0.4,
                                     notes: r.notes + ["the quote's clause has no speech verb: its subject was taken, not the verb of the clause before"])
                    }
                    return nil
                }
                // "La vice-présidente a rappelé que son adversaire avait qualifié Vladimir Poutine de
                // « génie »": a verb whose subject, right after "que", is a phrase that names nobody
                // has the quote; the main clause's subject did not say it.
                if isSpeechVerb(pi, t), let d = unnamedSubjectAfterThat(pi, verb: t, sent) {
                    return Found(speaker: .unresolved(subjectPhrase(pi, from: d, verb: t)), cueLo: d, cueHi: t + 1, rule: "cue-before", confidence: 0.5,
                                 notes: ["the speech verb's subject after 'que' names nobody: the quote is left to it"])
                }
                if isSpeechVerb(pi, t), let m = subject(ofVerb: t, pi, sent) {
                    // "Le dirigeant russe, Vladimir Poutine, avait déclaré en septembre qu'il soutenait
                    // Kamala Harris en raison de son « rire contagieux »": the pronoun of a clause after
                    // "que" is the person the sentence opens on, when the gender fits.
                    if case .pronoun(let gender) = m.kind, m.lo > sent.lowerBound + 1, Words.thatWords.contains(ts[m.lo - 1].lower),
                       let s0 = mainSubject(pi, sent, before: m.lo - 1), s0.lo < m.lo, !Self.isPronoun(s0),
                       case .person(let p)? = resolve(s0)?.speaker, Self.compatible(personGender(p), gender) {
                        return Found(speaker: .person(p), cueLo: s0.lo, cueHi: t + 1, rule: "cue-before", confidence: 0.8,
                                     notes: ["the pronoun after 'que' is the subject the sentence opens on"])
                    }
                    let lo = min(m.lo, t)
                    guard let r = resolve(m) else {
                        // "what they called « … »": the speaker is a group or nobody named; an
                        // earlier verb's subject would be a guess.
                        return Found(speaker: nil, cueLo: lo, cueHi: t + 1, rule: "cue-before", confidence: 0.3,
                                     notes: ["the speech verb's subject is a group or a pronoun with no named person"])
                    }
                    return Found(speaker: r.speaker, cueLo: lo, cueHi: t + 1, rule: "cue-before", confidence: 0.85, notes: r.notes)
                }
                // "…", a écrit M. Zelensky, précisant avoir eu une "réunion franche": a participle
                // with no subject of its own goes on with the speaker of the sentence's earlier quote.
                if isSpeechVerb(pi, t), Self.isParticiple(ts[t]), let last = speakers.last, last.sentence == sentenceNo {
                    return Found(speaker: last.speaker, cueLo: t, cueHi: t + 1, rule: "cue-before", confidence: 0.7,
                                 notes: ["a participle without a subject: the speaker of the quote before it in the sentence"])
                }
                if analyzer.isInvertedVerb(ts[t].lower), let gender = analyzer.pronounGender(ts[t].lower), let (sp, notes) = resolvePronoun(gender, headline: true) {
                    return Found(speaker: sp, cueLo: t, cueHi: t + 1, rule: "inverted-pronoun", confidence: 0.8, notes: notes)
                }
                t -= 1
            }
            return nil
        }

        /// The subject of a clause that opens after a comma between `from` and `limit`: a name or a
        /// role (after its determiner), then a lower-case word that is neither a participle nor a
        /// speech verb, all outside quotes.
        func newClauseSubject(_ pi: Int, after from: Int, before limit: Int) -> Mention? {
            let ts = tokens(pi)
            for c in from + 1..<max(from + 1, limit - 2) where ts[c].textIs(",") && !a.paragraphs[pi].isInQuote(c) {
                guard let m = mentionStarting[pi][c + 1] ?? (g.determiners.contains(ts[c + 1].lower) && c + 2 < limit ? mentionStarting[pi][c + 2] : nil),
                      m.hi < limit else { continue }
                switch m.kind {
                case .name, .role: break
                default: continue
                }
                // (Past the name a role goes with: "le chancelier allemand Olaf Scholz".)
                var h = head(m, pi)
                var v = h.hi
                while v < limit {
                    if let n = mentionStarting[pi][v], case .name = n.kind { h = n; v = n.hi; continue }
                    // (A lower-case word right before a name qualifies the role: "allemand".)
                    if ts[v].kind == .word, !ts[v].isCapitalized, v + 1 < limit, let n = mentionStarting[pi][v + 1], case .name = n.kind {
                        h = n
                        v = n.hi
                        continue
                    }
                    break
                }
                guard v < limit, ts[v].kind == .word, !ts[v].isCapitalized, !Self.isParticiple(ts[v]), !isSpeechVerb(pi, v),
                      !g.prepositions.contains(ts[v].lower), !g.coordinations.contains(ts[v].lower), !g.clauseBreaks.contains(ts[v].lower),
                      !a.paragraphs[pi].isInQuote(v) else { continue }
                return h
            }
            return nil
        }

        /// Whether the name is the one told, right after "told" ("told Fareed Zakaria", "told CNN's
        /// Fareed Zakaria"): English's speech verbs with the addressee as their object.
        func isAddressee(_ pi: Int, _ m: Mention) -> Bool {
            let ts = tokens(pi)
            var k = m.lo - 1
            while k >= 0, m.lo - k <= 3, ts[k].isPossessive || ts[k].kind == .word && ts[k].isCapitalized { k -= 1 }
            return k >= 0 && ["told", "tells", "tell", "telling", "asked", "asks"].contains(ts[k].lower)
        }

        /// A speech verb or a name outside quotes between two quotes means the second has its own
        /// cue. The first quote's own cue (`skipping`, in the first quote's paragraph) does not
        /// count: in « "A," said Whitmore, a Democrat. "B." » B goes on with Whitmore's words.
        func hasCueBetween(prevPara: Int, prevEnd: Int, para pi: Int, upTo limit: Int, skipping: Range<Int> = 0..<0) -> Bool {
            func scan(_ p: Int, _ from: Int, _ to: Int) -> Bool {
                guard from < to else { return false }
                if to - from > Self.window { return true } // far apart: not a continuation
                let ts = tokens(p)
                for i in from..<to where p != prevPara || !skipping.contains(i) {
                    // ("said one U.S. official, who asked not to be named", "qui a demandé à ne pas
                    // être cité": a request in a relative clause about the speaker is no cue.)
                    // (Nor a verb in the passive: "Sandu said after the results were announced".)
                    if isSpeechVerb(p, i), !(i + 1 < ts.count && ["not", "to", "à", "de", "d'"].contains(ts[i + 1].lower)
                                             && (max(0, i - 2)..<i).contains(where: { ts[$0].lowerIs("who") || ts[$0].lowerIs("qui") })),
                       !(i > 0 && Words.passiveAuxiliaries.contains(ts[i - 1].lower)) { return true }
                    // A name that can be a subject; not one a preposition governs ("said of Putin"),
                    // nor whom the speaker told ("Zelenskyy told CNN's Fareed Zakaria").
                    if let m = mentionStarting[p][i], !a.paragraphs[p].isInQuote(i) {
                        if case .name = m.kind, eligible(m), !isAddressee(p, m) { return true }
                    }
                }
                return false
            }
            if prevPara == pi { return scan(pi, prevEnd, limit) }
            return scan(prevPara, prevEnd, tokens(prevPara).count) || scan(pi, 0, limit)
        }

        /// Reported speech without quotation marks: "X a déclaré que …", "selon X, …", "…, a déclaré X".
        func indirect(_ pi: Int, _ sent: Range<Int>) -> (lo: Int, hi: Int, found: Found)? {
            let ts = tokens(pi)
            guard sent.count >= 5 else { return nil }
            var endTok = sent.upperBound
            while endTok > sent.lowerBound, ts[endTok - 1].kind == .punct { endTok -= 1 }
            guard endTok > sent.lowerBound else { return nil }
            let endOffset = ts[endTok - 1].end
            // Selon X, …
            if let m = selonObject(pi, sent.lowerBound), let r = resolve(m), m.hi < sent.upperBound, ts[m.hi].textIs(",") || (m.hi + 1 < ts.count && ts[m.hi + 1].textIs(",")) {
                let from = ts[m.hi].textIs(",") ? m.hi + 1 : m.hi + 2
                guard from < endTok else { return nil }
                return (ts[from].start, endOffset, Found(speaker: r.speaker, cueLo: sent.lowerBound, cueHi: m.hi, rule: "selon", confidence: 0.7, notes: r.notes))
            }
            for v in sent.prefix(Self.window) where isSpeechVerb(pi, v) {
                var q = v + 1
                var steps = 0
                while q < sent.upperBound, steps < 5, !Words.thatWords.contains(ts[q].lower), ts[q].kind != .punct || ts[q].textIs(",") { q += 1; steps += 1 }
                guard q < endTok, Words.thatWords.contains(ts[q].lower), q + 1 < endTok else { continue }
                guard let m = subject(ofVerb: v, pi, sent), let r = resolve(m) else { return nil }
                let lo = min(m.lo, v)
                return (ts[q + 1].start, endOffset, Found(speaker: r.speaker, cueLo: lo, cueHi: v + 1, rule: "reported-que", confidence: 0.7, notes: r.notes))
            }
            // …, a déclaré X. (A role with its complement and its holder's name: "…, a annoncé son
            // directeur de campagne Cedric Richmond.")
            var k = endTok - 1
            while k > sent.lowerBound, k > endTok - 12 {
                if ts[k].textIs(",") {
                    var j = k + 1
                    while j < endTok, isSkippable(ts[j]) { j += 1 }
                    if j < endTok, isSpeechVerb(pi, j), j + 1 < endTok, let m0 = mentionStarting[pi][j + 1], case let m = head(m0, pi),
                       m.hi >= endTok - 1, let r = resolve(m) {
                        return (ts[sent.lowerBound].start, ts[k - 1].end, Found(speaker: r.speaker, cueLo: k + 1, cueHi: m.hi, rule: "reported-inverted", confidence: 0.7, notes: r.notes))
                    }
                }
                k -= 1
            }
            return nil
        }
    }
}

/// The mentions of one paragraph by token (the one that starts there, or ends there): what a
/// dictionary from token to mention answers, read from an array (the rules ask it of most tokens
/// of a sentence, and hashing each token was a tenth of their cost).
struct MentionsByToken {
    /// For each token, where its mention is in `mentions`; -1 for none.
    private var slots: [Int32]
    private var mentions: [Mention] = []

    init(tokens: Int) { slots = [Int32](repeating: -1, count: tokens) }

    subscript(token: Int) -> Mention? {
        get { token >= 0 && token < slots.count && slots[token] >= 0 ? mentions[Int(slots[token])] : nil }
        set {
            // A mention lies in its paragraph's tokens; a place past them grows the index.
            guard token >= 0 else { return }
            if token >= slots.count { slots += repeatElement(-1, count: token + 1 - slots.count) }
            if let m = newValue {
                slots[token] = Int32(mentions.count)
                mentions.append(m)
            } else {
                slots[token] = -1
            }
        }
    }
}
