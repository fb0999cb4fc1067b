import Foundation

/// A name as written in an article, before the dossier decides which person it is.
public struct NameMention: Hashable, Sendable {
    public enum Strength: Int, Sendable, Comparable {
        /// A single word: a person only if it matches a full name, a title or a first name.
        case bare = 0
        /// Several capitalised words with no first name known to the lexicon.
        case weak = 1
        /// A known first name followed by a surname, or a title before a name.
        case strong = 2
        public static func < (a: Strength, b: Strength) -> Bool { a.rawValue < b.rawValue }
    }
    public var paragraph: Int
    /// Token range in the paragraph, the title included.
    public var lo: Int
    public var hi: Int
    /// The name's words, title left out ("Vladimir", "Poutine").
    public var words: [String]
    public var title: String?
    public var gender: Gender
    public var strength: Strength
    /// A role given in apposition or before the name ("porte-parole du Kremlin").
    public var role: String?
    public var inQuote: Bool
    /// Mentioned in the article's title rather than its body.
    public var inTitle: Bool

    public var surface: String { ([title].compactMap { $0 } + words).joined(separator: " ") }
    public var name: String { words.joined(separator: " ") }
}

/// Something that can be the subject of a speech verb: a name, an organisation, a pronoun, a role.
public struct Mention: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case name(Int)            // index into ArticleAnalysis.names
        case organisation(String) // "la Maison Blanche", "CNN"
        case pronoun(Gender)
        case role(String, Gender) // "le porte-parole"
    }
    public var kind: Kind
    public var paragraph: Int
    public var lo: Int
    public var hi: Int
}

/// One paragraph, tokenized, with its quotation spans and sentence starts.
public struct ParagraphAnalysis: Sendable {
    public var text: String
    public var kind: Paragraph.Kind
    /// Offset of the paragraph in the article's cleaned text, in scalars.
    public var base: Int
    public var tokens: [Token]
    public var spans: [QuoteSpan]
    /// For each token, the index of the span it lies in.
    public var spanOfToken: [Int?]
    /// Token indices where sentences start (outside quotes).
    public var sentenceStarts: [Int]
    /// Where each token starts in `text`, as a string index, so that slicing never walks from the start.
    var tokenIndices: [String.Index]
    var scalarCount: Int

    /// From the tokenizer's tokens, with their byte places and the scalar count: no walk over the text.
    init(text: String, kind: Paragraph.Kind, base: Int, tokenized: Tokenizer.Tokenized, spans: [QuoteSpan], spanOfToken: [Int?], sentenceStarts: [Int]) {
        self.text = text
        self.kind = kind
        self.base = base
        self.tokens = tokenized.tokens
        self.spans = spans
        self.spanOfToken = spanOfToken
        self.sentenceStarts = sentenceStarts
        let utf8 = text.utf8
        tokenIndices = tokenized.utf8Starts.map { utf8.index(utf8.startIndex, offsetBy: $0) }
        scalarCount = tokenized.scalarCount
    }

    public func sentence(of token: Int) -> Range<Int> {
        // The last start at or before `token` (binary search), and the next one.
        var a = 0, b = sentenceStarts.count
        while a < b {
            let mid = (a + b) / 2
            if sentenceStarts[mid] <= token { a = mid + 1 } else { b = mid }
        }
        let lo = a > 0 ? sentenceStarts[a - 1] : 0
        let hi = a < sentenceStarts.count ? sentenceStarts[a] : tokens.count
        return lo..<hi
    }

    public func isInQuote(_ token: Int) -> Bool { token >= 0 && token < spanOfToken.count && spanOfToken[token] != nil }

    public func scalarText(_ lo: Int, _ hi: Int) -> String {
        // Tokens know their UTF-8 place too: start from the nearest token instead of the text's start.
        let scalars = text.unicodeScalars
        let count = scalarCount
        let l = max(0, min(lo, count)), h = max(l, min(hi, count))
        return String(scalars[scalarIndex(l)..<scalarIndex(h)])
    }

    /// The index of scalar `offset`, reached from the closest token start (tokens hold their index).
    func scalarIndex(_ offset: Int) -> String.UnicodeScalarView.Index {
        let scalars = text.unicodeScalars
        var t = Analyzer.firstToken(tokens, atOrAfter: offset + 1) - 1
        while t >= 0, tokens[t].start > offset { t -= 1 }
        if t >= 0 { return scalars.index(tokenIndices[t], offsetBy: offset - tokens[t].start) }
        return scalars.index(scalars.startIndex, offsetBy: offset)
    }
}

/// Everything found in one article that does not need the rest of the dossier.
public struct ArticleAnalysis: Sendable {
    public var articleID: String
    public var paragraphs: [ParagraphAnalysis]
    public var names: [NameMention]
    public var mentions: [Mention]
    /// Words seen in lower case in the article (folded, by `Text.wordHash`): such a word written
    /// with a capital is a common noun. Hashes, not strings: gathering every word of a big dossier
    /// as strings costs more than the rest of the first pass's bookkeeping. Each once, in the
    /// order first seen (they are only counted).
    public var lowercaseWords: [UInt64]
}

/// What people resolution needs of an article's analysis: its names, and which names follow a
/// locative word (the dossier's lower-case words are gathered apart, once). Small enough to keep for every article of a big dossier
/// while the tokens are let go.
public struct NameSheet: Sendable {
    public var articleID: String
    public var names: [NameMention]
    /// Indices of `names` that follow "à", "in", "près"... (places, not people).
    public var locative: Set<Int>
}

extension ArticleAnalysis {
    public var sheet: NameSheet {
        NameSheet(articleID: articleID, names: names,
                  locative: Set(names.indices.filter { isLocative(before: names[$0]) }))
    }

    /// "à Atlanta", "in Paris": the word before the name marks a place.
    public func isLocative(before m: NameMention) -> Bool {
        guard m.paragraph >= 0, m.paragraph < paragraphs.count, m.lo > 0 else { return false }
        let t = paragraphs[m.paragraph].tokens[m.lo - 1].lower
        return Words.locativeWords.contains(t)
    }
}

/// Tokenizes an article, finds its quotation spans, sentences, names and other mentions.
public struct Analyzer: Sendable {
    let g: Grammar

    public init(grammar: Grammar) { g = grammar }

    public func analyze(_ article: Article) -> ArticleAnalysis {
        let (paragraphs, lowercase) = self.paragraphs(of: article, lowercase: true)
        var names: [NameMention] = []
        var mentions: [Mention] = []
        for (pi, p) in paragraphs.enumerated() {
            findMentions(p, paragraph: pi, names: &names, mentions: &mentions, inTitle: false, english: article.language == "en")
        }
        // The names of the title and of the photo captions the cleaning took out ("Bruno
        // Saint-Clair à Genève. Photo : AFP") count among the article's people, but no quote is
        // read from them.
        var titleMentions: [Mention] = []
        for text in [article.title] + article.dropped.filter({ $0.rule == "photo-caption" }).map(\.text) {
            let tokenized = Tokenizer.tokenized(text)
            let para = ParagraphAnalysis(text: text, kind: .heading, base: -1, tokenized: tokenized, spans: [],
                                         spanOfToken: [Int?](repeating: nil, count: tokenized.tokens.count), sentenceStarts: [0])
            findMentions(para, paragraph: -1, names: &names, mentions: &titleMentions, inTitle: true, english: article.language == "en")
        }
        return ArticleAnalysis(articleID: article.id, paragraphs: paragraphs, names: names, mentions: mentions, lowercaseWords: lowercase)
    }

    /// The analysis of an article whose names and mentions were found before (by `analyze`, whose
    /// analysis was let go to save memory): only its paragraphs are made again, which is all the
    /// analysis is besides them. Its `lowercaseWords` are left empty (people resolution, their
    /// only reader, is done by then).
    public func analyze(_ article: Article, names: [NameMention], mentions: [Mention]) -> ArticleAnalysis {
        ArticleAnalysis(articleID: article.id, paragraphs: paragraphs(of: article, lowercase: false).paragraphs, names: names,
                        mentions: mentions, lowercaseWords: [])
    }

    /// Each paragraph tokenized, with its quotation spans and sentences; with `lowercase`, also
    /// the folded words seen in lower case.
    func paragraphs(of article: Article, lowercase collect: Bool) -> (paragraphs: [ParagraphAnalysis], lowercase: [UInt64]) {
        var paragraphs: [ParagraphAnalysis] = []
        var lowercase: [UInt64] = []
        var base = 0
        // A transcript's answers are quotes: "Dmitri Peskov : Je ne suis pas au courant …", when
        // two paragraphs or more open on a speaker's label (one may be "Question :").
        var answers: [Int?] = []
        if article.paragraphs.count >= 2 {
            let labels = article.paragraphs.map { speakerLabel($0.text) }
            if labels.lazy.filter({ $0 != nil }).count >= 2 { answers = labels.map { $0.flatMap { $0.named ? $0.textStart : nil } } }
        }
        for (index, p) in article.paragraphs.enumerated() {
            let tokenized = Tokenizer.tokenized(p.text)
            let tokens = tokenized.tokens
            if collect {
                for t in tokens where t.kind == .word && !t.isCapitalized { lowercase.append(Text.wordHash(t.folded)) }
            }
            var cues = invertedCueStarts(tokens)
            if QuoteSpans.startsWithDash(p.text) { cues.formUnion(dialogueCueStarts(tokens)) }
            var spans = splitAroundCues(QuoteSpans.find(in: p.text, cueStarts: cues), tokens)
            if spans.isEmpty, index < answers.count, let start = answers[index] {
                spans = [QuoteSpan(start: start, end: tokenized.scalarCount, openMark: nil, closeMark: nil, recovered: nil)]
            }
            var spanOf = [Int?](repeating: nil, count: tokens.count)
            for (si, s) in spans.enumerated() {
                var ti = Self.firstToken(tokens, atOrAfter: s.start)
                while ti < tokens.count, tokens[ti].start < s.end {
                    if tokens[ti].end <= s.end { spanOf[ti] = si }
                    ti += 1
                }
            }
            let pa = ParagraphAnalysis(text: p.text, kind: p.kind, base: base, tokenized: tokenized, spans: spans,
                                       spanOfToken: spanOf, sentenceStarts: sentenceStarts(tokens, spanOf))
            paragraphs.append(pa)
            base += tokenized.scalarCount + 2
        }
        lowercase.removeDuplicates()
        return (paragraphs, lowercase)
    }

    /// Whether a run at `lo` is a name given to something ("the group, known as APT28 or Fancy
    /// Bear", "un réseau baptisé Doppelgänger"): a naming word before it, past other names and
    /// "or" / "ou".
    func followsNaming(_ tokens: [Token], _ lo: Int) -> Bool {
        var k = lo - 1
        while k >= 0, lo - k <= 4, tokens[k].isCapitalized || tokens[k].kind == .number || tokens[k].lowerIs("or") || tokens[k].lowerIs("ou") { k -= 1 }
        guard k >= 0 else { return false }
        if tokens[k].lowerIs("as"), k > 0, tokens[k - 1].lowerIs("known") { return true }
        return g.namingWords.contains(tokens[k].lower)
    }

    /// Where an institution's name written out in lower case after its capitalised head ends
    /// right before the parenthesis at `paren` ("Bureau fédéral d'investigation (", "Service
    /// canadien du renseignement de sécurité ("): the head's index, or nil.
    func institutionBefore(_ tokens: [Token], paren: Int) -> Int? {
        var k = paren - 1
        while k >= max(0, paren - 9), tokens[k].kind == .word, !tokens[k].isCapitalized { k -= 1 }
        guard k >= 0, k < paren - 1, tokens[k].kind == .word, tokens[k].isCapitalized, g.organisationHeads.contains(tokens[k].folded) else { return nil }
        return k
    }

    /// The length of "l'intéressé(e)" or "le principal intéressé" / "la principale intéressée" at
    /// token `i`, or nil.
    static func concernedPersonLength(_ tokens: [Token], at i: Int) -> Int? {
        func concerned(_ k: Int) -> Bool { k < tokens.count && (tokens[k].lowerIs("intéressé") || tokens[k].lowerIs("intéressée")) }
        guard i + 1 < tokens.count else { return nil }
        if tokens[i].lowerIs("l'") && concerned(i + 1) { return 2 }
        if tokens[i].lowerIs("le") && tokens[i + 1].lowerIs("principal") || tokens[i].lowerIs("la") && tokens[i + 1].lowerIs("principale"),
           concerned(i + 2) { return 3 }
        return nil
    }

    /// A speaker's label that opens a paragraph of a transcript: a name that opens on a known first
    /// name or a title ("Dmitri Peskov : …", "M. Peskov: …"; `named`), or "Question", "Q", "R",
    /// "Réponse", "Answer"; then a colon and a sentence of five words or more that ends on a final
    /// mark. `textStart` is the scalar offset of that sentence.
    func speakerLabel(_ text: String) -> (named: Bool, textStart: Int)? {
        guard text.utf8.prefix(48).contains(0x3A) else { return nil }
        let scalars = Array(text.unicodeScalars.prefix(48))
        guard let colon = scalars.firstIndex(of: ":"), colon > 0, colon + 1 < scalars.count, Scalars.isSpace(scalars[colon + 1]) else { return nil }
        let label = String(String.UnicodeScalarView(scalars[..<colon])).trimmingCharacters(in: .whitespaces)
        let words = label.split(separator: " ").map(String.init)
        guard (1...4).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true && !$0.contains { $0.isNumber } }) else { return nil }
        let rest = text.unicodeScalars.dropFirst(colon + 1)
        let restText = String(rest).trimmingCharacters(in: .whitespaces)
        guard restText.split(separator: " ").count >= 5, let last = restText.last, ".!?…»\"”".contains(last) else { return nil }
        let folded = words.map(Text.fold)
        let named = words.count >= 2 && (g.isFirstName(folded[0]) || g.isTitle(words[0].lowercased()) || g.isTitleWithPeriod(words[0].lowercased()))
        guard named || (words.count == 1 && ["question", "q", "r", "reponse", "answer", "a"].contains(folded[0])) else { return nil }
        let start = colon + 1 + rest.prefix(while: { Scalars.isSpace($0) }).count
        return (named, start)
    }

    /// Sentence starts: after . ! ? … followed by a capital or a quote mark, outside quotes.
    func sentenceStarts(_ tokens: [Token], _ spanOf: [Int?]) -> [Int] {
        var starts = [0]
        var i = 0
        while i < tokens.count {
            // A capital and its period are an initial ("George W. Bush"), but a function word
            // after them opens a sentence: "a écrit Volodymyr Zelensky sur X. Mais M. Peskov …".
            if tokens[i].kind == .word, tokens[i].text.utf8.count == 2, tokens[i].text.utf8.last == 0x2E, spanOf[i] == nil,
               i + 1 < tokens.count, case let next = tokens[i + 1].lower, tokens[i + 1].isCapitalized,
               g.coordinations.contains(next) || g.malePronouns.contains(next) || g.femalePronouns.contains(next)
                || g.determiners.contains(next) && !g.particles.contains(next) {
                starts.append(i + 1)
            }
            // "a écrit Pool sur X. Johnson a qualifié …": a one-letter organisation after a
            // preposition is no initial.
            if tokens[i].kind == .word, tokens[i].text.utf8.count == 2, tokens[i].text.utf8.last == 0x2E, spanOf[i] == nil, i > 0,
               i + 1 < tokens.count, tokens[i + 1].isCapitalized, g.prepositions.contains(tokens[i - 1].lower),
               g.organisations.contains(String(tokens[i].folded.dropLast())) {
                starts.append(i + 1)
            }
            if tokens[i].kind == .punct, Words.sentenceEnds.contains(tokens[i].text), spanOf[i] == nil, i + 1 < tokens.count {
                var j = i + 1
                // Closing marks right after the period belong to the sentence that ends; a straight
                // quote after a space opens the next one (`first. "We will…`).
                while j < tokens.count, tokens[j].kind == .punct, Words.closingMarks.contains(tokens[j].text),
                      tokens[j].text != "\"" || tokens[j].start == tokens[j - 1].end { j += 1 }
                // (A letter right after the period, with no space, is an abbreviation's: "(D-N.Y.)".)
                let glued = j == i + 1 && j < tokens.count && tokens[j].kind == .word && tokens[j].start == tokens[i].end
                // (A comma, a semicolon or a colon goes on with the sentence: "Sen. Marco Rubio (R-Fla.), the vice chair".)
                if j < tokens.count, !glued,
                   tokens[j].isCapitalized || tokens[j].kind == .punct && !Words.commaPeriodSemicolon.contains(tokens[j].text) && !tokens[j].textIs(":")
                    || tokens[j].kind == .number { starts.append(j) }
                i = j
                continue
            }
            // A quote that ends with its own period, followed by a capital or another quote, also ends the sentence.
            if tokens[i].kind == .punct, Words.closingQuoteMarks.contains(tokens[i].text), i > 0, Words.sentenceEnds.contains(tokens[i - 1].text),
               i + 1 < tokens.count, (tokens[i + 1].isCapitalized && spanOf[i + 1] == nil) || Words.openingGuillemets.contains(tokens[i + 1].text) {
                starts.append(i + 1)
            }
            i += 1
        }
        return starts
    }

    /// « A, dit-il. B » and « A, a déclaré X, B »: one quotation with its cue inside becomes two
    /// spans, the second marked as continuing the first, and the cue stays outside both.
    /// The index of the first token that starts at or after `offset` (binary search).
    static func firstToken(_ tokens: [Token], atOrAfter offset: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func splitAroundCues(_ spans: [QuoteSpan], _ tokens: [Token]) -> [QuoteSpan] {
        var out: [QuoteSpan] = []
        for span in spans {
            var inner: [Int] = []
            var ti = Self.firstToken(tokens, atOrAfter: span.start)
            while ti < tokens.count, tokens[ti].start < span.end, inner.count < 400 {
                if tokens[ti].end <= span.end { inner.append(ti) }
                ti += 1
            }
            var split: (aEnd: Int, bStart: Int)?
            for (n, k) in inner.enumerated() where n > 1 && tokens[k - 1].textIs(",") {
                var e = k
                if isInvertedVerb(tokens[k].lower) {
                    e = k + 1
                    if e < tokens.count, g.speechVerbs.contains(tokens[e].lower) { e += 1 }
                } else {
                    while e < tokens.count, g.auxiliaries.contains(tokens[e].lower) { e += 1 }
                    // A verb alone is in the third person: "dit", "explique" (then its subject must follow).
                    guard e < tokens.count, g.speechVerbs.contains(tokens[e].lower), e > k || tokens[e].lower.hasSuffix("t") || tokens[e].lower.hasSuffix("e") else { continue }
                    e += 1
                    // "explique au Monde un conseiller de l'exécutif": a short phrase may come first.
                    // (Its first capital is enough: the split needs only where the cue ends.)
                    if e + 2 < tokens.count, g.prepositions.contains(tokens[e].lower), tokens[e + 1].isCapitalized { e += 2 }
                    guard e < tokens.count, tokens[e].isCapitalized || g.determiners.contains(tokens[e].lower) || g.isRole(tokens[e].lower) else { continue }
                    // The subject and its complement, up to the period or comma that ends the cue.
                    let limit = min(tokens.count, e + 8)
                    e += 1
                    while e < limit, tokens[e].kind != .punct || tokens[e].textIs("'") || tokens[e].text == "’" { e += 1 }
                }
                guard e < tokens.count, Words.periodOrComma.contains(tokens[e].text), e + 1 < tokens.count, tokens[e + 1].start < span.end else { continue }
                split = (tokens[k - 1].start, tokens[e + 1].start)
                break
            }
            if let (aEnd, bStart) = split {
                var a = span, b = span
                a.end = aEnd; a.closeMark = nil; a.continuesNext = false
                b.start = bStart; b.openMark = nil
                out.append(a)
                b.continues = out.count - 1
                out.append(b)
            } else {
                out.append(span)
            }
        }
        return out
    }

    /// Scalar offsets where an inverted cue starts: "dit-il", "a-t-elle ajouté", ", a déclaré X".
    func invertedCueStarts(_ tokens: [Token]) -> Set<Int> {
        var out = Set<Int>()
        for t in tokens where t.kind == .word && t.hasHyphen {
            if isInvertedVerb(t.lower) { out.insert(t.start) }
        }
        return out
    }

    /// In a line of dialogue ("— Nous sommes prêts, a assuré Paul Martin."), where a speech verb
    /// after a comma begins, with its auxiliary: the cue that ends the line's quote.
    func dialogueCueStarts(_ tokens: [Token]) -> Set<Int> {
        var out = Set<Int>()
        for k in tokens.indices.dropFirst() where tokens[k - 1].textIs(",") && tokens[k].kind == .word && !tokens[k].isCapitalized {
            let verb = g.auxiliaries.contains(tokens[k].lower) && k + 1 < tokens.count ? k + 1 : k
            if g.speechVerbs.contains(tokens[verb].lower) { out.insert(tokens[k].start) }
        }
        return out
    }

    /// "dit-il", "ajoute-t-elle", "a-t-il", "poursuit-il".
    func isInvertedVerb(_ lower: String) -> Bool {
        guard Text.hasHyphen(lower) else { return false } // every form has a hyphen
        let verb = Self.stem(ofInverted: lower)
        return verb != lower && (g.speechVerbs.contains(verb) || verb == "a" || verb == "avait" || verb == "aurait")
    }

    static let invertedSuffixes = ["-t-il", "-t-elle", "-il", "-elle", "-t-ils", "-t-elles", "-ils", "-elles", "-t-on", "-on"]

    /// "ajoute-t-il" -> "ajoute", "a-t-il" -> "a": an inverted verb without its pronoun.
    static func stem(ofInverted word: String) -> String {
        for suffix in invertedSuffixes where hasASCIISuffix(word, suffix) { return String(word.dropLast(suffix.count)) }
        return word
    }

    /// `s.hasSuffix(suffix)` for an ASCII suffix that starts with a hyphen, on bytes. Only a
    /// character before the hyphen that is not ASCII could join it (a prepended mark): then the
    /// character test decides.
    static func hasASCIISuffix(_ s: String, _ suffix: String) -> Bool {
        let u = s.utf8, v = suffix.utf8
        guard u.count >= v.count, u.suffix(v.count).elementsEqual(v) else { return false }
        if u.count > v.count, u[u.index(u.endIndex, offsetBy: -v.count - 1)] >= 0x80 { return s.hasSuffix(suffix) }
        return true
    }

    func pronounGender(_ folded: String) -> Gender? {
        guard Text.hasHyphen(folded) else { return nil }
        func ends(_ x: String) -> Bool { Self.hasASCIISuffix(folded, x) }
        if ends("-t-il") || ends("-il") || ends("-ils") { return .male }
        if ends("-t-elle") || ends("-elle") || ends("-elles") { return .female }
        if ends("-on") { return .unknown }
        return nil
    }

    // MARK: - Names and mentions

    /// Whether the token at `i` can be part of a name. (The token is read in place: passing a
    /// token copies it, three retains and three releases, and this is asked of every token.)
    func isNameWord(_ tokens: [Token], _ i: Int) -> Bool {
        guard tokens[i].kind == .word else { return false }
        if tokens[i].isCapitalized { return !tokens[i].isAllCaps || tokens[i].text.count <= 2 }
        // "al-Assad", "ben-Gvir", "bin-Laden": an Arabic or Hebrew particle joined to a surname.
        let lower = tokens[i].lower
        guard Text.hasHyphen(lower) else { return false }
        for p in ["al-", "el-", "ben-", "bin-", "ibn-", "abu-", "abou-", "ould-"] where lower.hasPrefix(p) {
            let rest = tokens[i].text.dropFirst(p.count)
            return rest.first?.isUppercase ?? false
        }
        return false
    }

    /// `english`: "on" is a preposition there, not the French pronoun.
    func findMentions(_ p: ParagraphAnalysis, paragraph pi: Int, names: inout [NameMention], mentions: inout [Mention], inTitle: Bool,
                      english: Bool = false) {
        let tokens = p.tokens
        // Whether each token starts a sentence.
        var startsSentence = [Bool](repeating: false, count: tokens.count)
        for s in p.sentenceStarts where s < tokens.count { startsSentence[s] = true }
        var i = 0
        // The token at i is read in place, field by field (a copy of each token was three
        // retains and three releases).
        while i < tokens.count {
            // Most words are neither a subject pronoun nor a role word: one look-up tells (made
            // for every word the role phrases below are looked for in).
            var known = false
            // Pronouns that can be subjects.
            if tokens[i].kind == .word, !tokens[i].isCapitalized || startsSentence[i] || (i > 0 && Words.openingMarks.contains(tokens[i - 1].text)) {
                known = g.isPronounOrRole(tokens[i].lower)
                // ("lui" and "her" are subjects only as a source: "selon lui", "For her, …".)
                let source = i > 0 && (Words.selonApres.contains(tokens[i - 1].lower)
                    || Words.viewpointPronounIntroducers.contains(tokens[i - 1].lower) && i + 1 < tokens.count && tokens[i + 1].textIs(","))
                if known && g.malePronouns.contains(tokens[i].lower) && (!tokens[i].lowerIs("lui") || source) {
                    mentions.append(Mention(kind: .pronoun(.male), paragraph: pi, lo: i, hi: i + 1))
                } else if known && g.femalePronouns.contains(tokens[i].lower) && (!tokens[i].lowerIs("her") || source) {
                    mentions.append(Mention(kind: .pronoun(.female), paragraph: pi, lo: i, hi: i + 1))
                } else if tokens[i].lowerIs("they") || tokens[i].lowerIs("on") && !english {
                    mentions.append(Mention(kind: .pronoun(.unknown), paragraph: pi, lo: i, hi: i + 1))
                } else if tokens[i].hasHyphen, let gender = pronounGender(tokens[i].lower), isInvertedVerb(tokens[i].lower) {
                    mentions.append(Mention(kind: .pronoun(gender), paragraph: pi, lo: i, hi: i + 1))
                }
            }
            // "Ce dernier a ajouté que …", "cette dernière, qui …": the person named last (not "ce
            // dernier sondage": a verb, a clitic, an adverb or a mark follows).
            if i + 2 < tokens.count, tokens[i].lowerIs("ce") || tokens[i].lowerIs("cette"),
               tokens[i + 1].lowerIs("dernier") || tokens[i + 1].lowerIs("dernière"),
               case let next = tokens[i + 2].lower, tokens[i + 2].kind == .punct || g.auxiliaries.contains(next) || g.clitics.contains(next)
                || g.adverbs.contains(next) || g.speechVerbs.contains(next) {
                mentions.append(Mention(kind: .pronoun(tokens[i].lowerIs("ce") ? .male : .female), paragraph: pi, lo: i, hi: i + 2))
            }
            // "L'intéressé a démenti", "le principal intéressé balaie ces critiques": the person the
            // article is about.
            if let n = Self.concernedPersonLength(tokens, at: i) {
                mentions.append(Mention(kind: .pronoun(tokens[i + n - 1].lower.hasSuffix("e") ? .female : .male), paragraph: pi, lo: i, hi: i + n))
            }
            // Role phrases that can be subjects: "le porte-parole", "la présidente".
            if known, !tokens[i].isCapitalized || startsSentence[i], g.isRole(tokens[i].lower), let d = roleDeterminer(tokens, i) {
                mentions.append(Mention(kind: .role(roleComplement(tokens, i), roleGender(tokens[i].lower, determiner: tokens[d].lower)),
                                        paragraph: pi, lo: d, hi: i + 1))
            }
            // Institutions named by a common noun, opening a sentence or a clause or right after a
            // speech verb: "Le ministère russe de la Défense a affirmé", "a annoncé l'ambassade".
            // (Not after "que": "Peskov a précisé que le gouvernement « … »" is Peskov's.)
            if known, !tokens[i].isCapitalized, i > 0, g.institutions.contains(tokens[i].lower), Words.definiteDeterminers.contains(tokens[i - 1].lower),
               case let d = i - 1, d == 0 || startsSentence[d] || tokens[d - 1].kind == .punct
                || g.speechVerbs.contains(tokens[d - 1].lower) || g.coordinations.contains(tokens[d - 1].lower) {
                mentions.append(Mention(kind: .organisation(institutionName(tokens, i)), paragraph: pi, lo: d, hi: i + 1))
            }
            guard (isNameWord(tokens, i) && tokens[i].isCapitalized) || tokens[i].isAllCaps else { i += 1; continue }
            // All-caps words are acronyms: organisations (CNN, TASS), never people.
            if tokens[i].isAllCaps && tokens[i].text.count > 2 {
                // "Le Bureau fédéral d'investigation (FBI) maintient …": the institution written out
                // before its acronym in parentheses is one mention with it, named by the acronym.
                if i >= 2, tokens[i - 1].textIs("("), i + 1 < tokens.count, tokens[i + 1].textIs(")"), let k = institutionBefore(tokens, paren: i - 1) {
                    while let last = mentions.last, last.paragraph == pi, last.lo >= k { mentions.removeLast() }
                    while let last = names.last, last.paragraph == pi, last.lo >= k { names.removeLast() }
                    mentions.append(Mention(kind: .organisation(tokens[i].text), paragraph: pi, lo: k, hi: i + 2))
                    i += 2
                    continue
                }
                mentions.append(Mention(kind: .organisation(tokens[i].text), paragraph: pi, lo: i, hi: i + 1))
                i += 1
                continue
            }
            // A run of capitalised words, with particles inside (Ursula von der Leyen, Le Pen).
            var j = i + 1
            while j < tokens.count {
                // (A run ends where a sentence starts: "sur X. Mais M. Peskov".)
                if isNameWord(tokens, j) && !tokens[j].isAllCaps && !startsSentence[j] { j += 1; continue }
                // Particles inside a name, between two capitalised words ("Charles de Gaulle", "von der Leyen").
                var k = j
                while k < tokens.count, k - j < 3, g.particles.contains(tokens[k].lower), !tokens[k].isCapitalized { k += 1 }
                // (Not before a known first name and a surname: "Discours de Vladimir Poutine" is
                // a word, then a name.)
                if k > j, k < tokens.count, isNameWord(tokens, k), !g.places.contains(tokens[k].folded),
                   !(g.isFirstName(tokens[k].folded) && k + 1 < tokens.count && isNameWord(tokens, k + 1) && tokens[k + 1].isCapitalized) {
                    j = k + 1
                    continue
                }
                break
            }
            // English names an institution "Head of (the) Name": "the Office of the Director of
            // National Intelligence", "the Department of Justice", "the Institute for the Study of
            // War" are one organisation (not when a first name follows: "the Office of Senator
            // Mark Warner").
            if english, let e = institutionOfEnd(tokens, from: j, startsSentence: startsSentence), g.organisationHeads.contains(tokens[j - 1].folded) {
                let s = (i..<j - 1).first { !g.isFunctionWord(tokens[$0].lower) } ?? j - 1
                mentions.append(Mention(kind: .organisation(joinWords(tokens[s..<e].map(\.text))), paragraph: pi, lo: s, hi: e))
                i = e
                continue
            }
            classify(p, pi, i, j, sentenceStart: startsSentence[i] || Self.markOpensSentence(tokens, before: i),
                     names: &names, mentions: &mentions, inTitle: inTitle)
            i = j
        }
    }

    /// Whether the mark before token `i` opens a sentence (« “ ( — :). A straight double quote
    /// does only when it is glued to the word: in '"…," Clint Watts said' it closes the quote
    /// before, as ” would, and the name after it is no sentence's first word.
    static func markOpensSentence(_ tokens: [Token], before i: Int) -> Bool {
        guard i > 0, Words.markOpeningSentence.contains(tokens[i - 1].text) else { return false }
        return !tokens[i - 1].textIs("\"") || tokens[i - 1].end == tokens[i].start
    }

    /// Where "of (the) Name" and "for (the) Name" phrases after an institution's head end, when
    /// there is one and no first name in it; else nil.
    func institutionOfEnd(_ tokens: [Token], from j: Int, startsSentence: [Bool]) -> Int? {
        var e = j
        while e + 1 < tokens.count, tokens[e].lowerIs("of") || tokens[e].lowerIs("for") {
            var s = e + 1
            if tokens[s].lowerIs("the"), s + 1 < tokens.count { s += 1 }
            var t = s
            while t < tokens.count, tokens[t].kind == .word, tokens[t].isCapitalized, !startsSentence[t], !g.isFirstName(tokens[t].folded) { t += 1 }
            guard t > s, t == tokens.count || !(tokens[t].kind == .word && tokens[t].isCapitalized) else { break }
            e = t
        }
        return e > j ? e : nil
    }

    /// Two capitalised words, a known first name then a word that is also a place or a common
    /// noun the lexicon keeps from names: a person's name all the same ("Lisa Monaco", "Camille
    /// Grand"). Not when the second is a function word or in capitals. (A month never joins the
    /// run: "Theresa May" stays "Theresa".)
    func isFirstNameAndSurname(_ tokens: [Token], _ lo: Int, _ end: Int) -> Bool {
        guard end - lo == 2, g.isFirstName(tokens[lo].folded), !g.isPlaceOrOrganisation(tokens[lo...lo]) else { return false }
        let last = tokens[lo + 1]
        let l = last.lower
        return last.kind == .word && !last.isAllCaps && !g.determiners.contains(l) && !g.prepositions.contains(l)
            && !g.coordinations.contains(l) && !g.clauseBreaks.contains(l) && !g.isPronounOrRole(l) && !g.notSpeechMarkers.contains(l)
    }

    /// Decides what a run of capitalised words [lo, hi) is.
    func classify(_ p: ParagraphAnalysis, _ pi: Int, _ lo0: Int, _ hi: Int, sentenceStart: Bool,
                  names: inout [NameMention], mentions: inout [Mention], inTitle: Bool) {
        let tokens = p.tokens
        // The whole run may be a known place or organisation ("Maison Blanche").
        // An organisation's label is its name without a determiner, however the sentence has
        // it ("Le Kremlin a dit", "selon le Kremlin"): one label for one speaker.
        // (The runs' folded words are looked up joined by spaces, without joining them.)
        if g.isPlaceOrOrganisation(tokens[lo0..<hi]) {
            mentions.append(Mention(kind: .organisation(joinWords(tokens[lo0..<hi].map(\.text))), paragraph: pi, lo: lo0, hi: hi))
            return
        }
        // Or the run and the lower-case words after it: "La France insoumise", "Parti socialiste".
        // (2 then 1, without an array made for each run.)
        for extra in stride(from: 2, through: 1, by: -1)
        where hi + extra <= tokens.count && (hi..<hi + extra).allSatisfy({ tokens[$0].kind == .word && !tokens[$0].isCapitalized }) {
            if g.organisations.contains(joining: hi + extra - lo0, part: { tokens[lo0 + $0].folded }) {
                mentions.append(Mention(kind: .organisation(joinWords(tokens[lo0..<hi + extra].map(\.text))), paragraph: pi, lo: lo0, hi: hi + extra))
                return
            }
        }
        // A known acronym right before a first name or a title qualifies it ("le sénateur LR Bruno
        // Retailleau"): it is an organisation, the rest a run of its own. (Before role words it
        // is part of the role, below: "UN Secretary-General António Guterres".)
        // So is the capitalised word that completes a role before it and precedes a name: "la
        // présidente de l'Assemblée Yaël Braun-Pivet", "le ministre des Finances Christian Lindner"
        // (but "la Fondation Jean-Jaurès", after no role, stays one).
        if hi - lo0 >= 2, tokens[lo0].isAllCaps && g.isPlaceOrOrganisation(tokens[lo0...lo0]) || hi - lo0 >= 3 && completesRole(tokens, lo0),
           g.isFirstName(tokens[lo0 + 1].folded) || g.isTitle(tokens[lo0 + 1].lower) || g.isTitleWithPeriod(tokens[lo0 + 1].lower) {
            mentions.append(Mention(kind: .organisation(tokens[lo0].text), paragraph: pi, lo: lo0, hi: lo0 + 1))
            classify(p, pi, lo0 + 1, hi, sentenceStart: false, names: &names, mentions: &mentions, inTitle: inTitle)
            return
        }
        // English names an institution by its head last ("Cybersecurity and Infrastructure
        // Security Agency", "Federal Reserve"); a known first name keeps a person's.
        let endsWithHead = hi - lo0 >= 2 && g.organisationHeads.contains(tokens[hi - 1].folded)
            && !(lo0..<hi).contains(where: { g.isFirstName(tokens[$0].folded) })
        // Its nationality and role words are its own: "The Russian Foreign Ministry said", "the
        // State Department" (past a function word that opens the run).
        if endsWithHead, case let s = (lo0..<hi - 1).first(where: { !g.isFunctionWord(tokens[$0].lower) }) ?? hi - 1, s < hi - 1 {
            mentions.append(Mention(kind: .organisation(joinWords(tokens[s..<hi].map(\.text))), paragraph: pi, lo: s, hi: hi))
            return
        }
        var lo = lo0
        var title: String?
        var titleAt: Int?
        var titleEnd: Int?
        var roleStart: Int?
        var gender: Gender = .unknown
        var atStart = sentenceStart
        // Leading function words ("Selon", "Mais", "Le") and titles ("M.", "Mme", "President").
        while lo < hi {
            let f = tokens[lo].folded
            let l = tokens[lo].lower
            if g.isTitle(l) || g.isTitleWithPeriod(l) {
                // Titles in a row are one title: "Prime Minister Keir Starmer".
                if let t = title, titleEnd == lo { title = t + " " + tokens[lo].text } else {
                    title = tokens[lo].text
                    titleAt = lo
                }
                titleEnd = lo + 1
                if gender == .unknown { gender = g.gender(ofTitle: l) }
                lo += 1
                atStart = false
                continue
            }
            // An organisation's name before its role words is part of the role: "Nato Secretary
            // General Jens Stoltenberg", "Home Secretary James Cleverly".
            // (Unless an institution's head ends the run: "Infrastructure Security Agency".)
            if !endsWithHead, let r = (lo + 1..<max(lo + 1, hi - 1)).last(where: { g.isRoleWord(tokens[$0].folded) && !g.isFirstName(tokens[$0].folded) }),
               !(lo..<r).contains(where: { g.isFirstName(tokens[$0].folded) || g.isTitle(tokens[$0].lower) }) {
                // (Not from a function word that opens the sentence: "When Senator Mark Warner …";
                // "UN Secretary-General" is an acronym.)
                if roleStart == nil { roleStart = (lo..<r).first { !g.isFunctionWord(tokens[$0].lower) || tokens[$0].isAllCaps } ?? r }
                lo = r + 1
                atStart = false
                continue
            }
            // A place or an organisation stays ("Le Kremlin", "The White House").
            if g.isPlaceOrOrganisation(tokens[lo...lo]) || g.isPlaceOrOrganisation(tokens[lo..<hi]) { break }
            // English roles and nationalities written with capitals before a name ("Russian President");
            // a role of the lexicon before a known first name, at a sentence's start ("Commentator
            // Tim Pool", "Historienne Anne Applebaum").
            if lo + 1 < hi, !g.isFirstName(f), g.demonyms.contains(f) || g.isRoleWord(f) || g.isRole(l) && g.isFirstName(tokens[lo + 1].folded) {
                if roleStart == nil { roleStart = lo }
                lo += 1
                atStart = false
                continue
            }
            // After a title a particle starts the surname: "Mme Le Pen", "M. de Villepin".
            if title != nil, g.particles.contains(f), lo + 1 < hi { break }
            // (A particle that is also a first name starts the name: "Al Schmidt", "Ben Wallace".)
            if g.notNames.contains(f) || g.particles.contains(f) && !(lo + 1 < hi && g.isFirstName(f)) {
                lo += 1
                atStart = false
                continue
            }
            break
        }
        // Organisations and places, by the lexicon or their first word.
        var end = hi
        // Capitalised role words after a name belong to a role or a byline ("Jessica Elgot Deputy").
        while end > lo + 2 {
            guard g.roleWords.contains(tokens[end - 1].folded), !g.isFirstName(tokens[end - 1].folded) else { break }
            end -= 1
        }
        while end > lo, g.notNames.contains(tokens[end - 1].folded), !g.isFirstName(tokens[end - 1].folded), !(endsWithHead && end == hi),
              !isFirstNameAndSurname(tokens, lo, end) {
            if g.isPlaceOrOrganisation(tokens[lo..<end]) { break }
            end -= 1
        }
        guard lo < end else {
            if let t = title, lo == hi, !t.isEmpty { _ = t }
            return
        }
        let words = tokens[lo..<end].map(\.text)
        let foldedWords = tokens[lo..<end].map(\.folded)
        let nounBefore = lo0 > 0 && g.organisationNouns.contains(tokens[lo0 - 1].lower)
        // English names an organisation by its head last ("European Political Community", "Atlantic
        // Council"); a known first name keeps a person's ("Margaret Court").
        let headLast = foldedWords.count >= 2 && g.organisationHeads.contains(foldedWords[foldedWords.count - 1]) && !g.isFirstName(foldedWords[0])
        if g.isPlaceOrOrganisation(tokens[lo..<end]) || g.organisationHeads.contains(foldedWords[0]) || headLast || (nounBefore && title == nil) {
            mentions.append(Mention(kind: .organisation(joinWords(words)), paragraph: pi, lo: lo, hi: end))
            return
        }
        // A place or organisation inside a longer run ends the name there ("Poutine Moscou").
        if foldedWords.count > 1, !isFirstNameAndSurname(tokens, lo, end),
           let k = foldedWords.indices.dropFirst().first(where: { g.isPlaceOrOrganisation(tokens[(lo + $0)...(lo + $0)]) }) {
            classify(p, pi, lo, lo + k, sentenceStart: atStart, names: &names, mentions: &mentions, inTitle: inTitle)
            classify(p, pi, lo + k, end, sentenceStart: false, names: &names, mentions: &mentions, inTitle: inTitle)
            return
        }
        // A place that is no first name, then a known first name: the place ends there ("ambassador
        // to Moscow Michael McFaul"; "Jordan Bardella" keeps its first name).
        if foldedWords.count > 2, g.isPlaceOrOrganisation(tokens[lo...lo]), !g.isFirstName(foldedWords[0]), g.isFirstName(foldedWords[1]) {
            classify(p, pi, lo + 1, end, sentenceStart: false, names: &names, mentions: &mentions, inTitle: inTitle)
            return
        }
        // A run of initials ("U. S.") is no name: the last word must be a word.
        // ("Donald Trump Jr.": a generation's suffix ends a name.)
        if let last = words.last, last.hasSuffix(".") && !Words.generations.contains(Text.lower(last)) || last.count < 2 { return }
        let inQuote = p.isInQuote(lo)
        let first = foldedWords[0]
        let firstIsName = g.isFirstName(first) || Text.hasHyphen(first) && g.isFirstName(first.split(separator: "-").first.map(String.init) ?? first)
        if gender == .unknown && firstIsName && words.count > 1 { gender = g.gender(ofFirstName: first) }
        // "in the Rose Garden", "at the Kennedy Center": a place, whatever its first word.
        if title == nil, lo0 > 1, tokens[lo0 - 1].lowerIs("the"), Words.locativePrepositions.contains(tokens[lo0 - 2].lower) {
            mentions.append(Mention(kind: .organisation(joinWords(words)), paragraph: pi, lo: lo, hi: end))
            return
        }
        // "Secretary of State Antony Blinken": capitalised role words and "of" before the run open
        // its role, and the mention.
        var roleFrom = roleStart
        if let rs = roleStart, rs == lo0, rs >= 2, tokens[rs - 1].lowerIs("of"), tokens[rs - 2].isCapitalized, g.isRoleWord(tokens[rs - 2].folded) {
            var k = rs - 2
            while k > 0, tokens[k - 1].isCapitalized, g.isRoleWord(tokens[k - 1].folded) { k -= 1 }
            roleFrom = k
        }
        var strength: NameMention.Strength
        if words.count >= 2 && firstIsName {
            strength = .strong
        } else if words.count >= 2 {
            // No known first name: a name only away from a sentence start, and with no word that is
            // a nationality or a common noun the article also writes in lower case.
            // ("Vivek Ramaswamy, who will co-lead…": "who" follows only a person.)
            // So does a role in apposition: "Kemi Badenoch, the Conservative leader, said".
            let who = end + 1 < tokens.count && tokens[end].textIs(",") && tokens[end + 1].lowerIs("who")
            if atStart && title == nil && roleStart == nil && !who && roleAfter(tokens, end) == nil { return }
            // (A name's last word is a nationality only by the list, not by its ending: Armenian
            // surnames end like "Armenian", as in "Margarita Simonian".)
            if foldedWords.indices.contains(where: { i in
                i < foldedWords.count - 1 ? g.isDemonym(foldedWords[i]) : g.demonyms.contains(foldedWords[i])
            }) { return }
            // After "à", "chez", "at": a place or an institution ("économiste à Sciences Po");
            // before an acronym: an organisation ("Offshore Energies UK").
            // ("in the Rose Garden": the determiner between is skipped.)
            // (The run's own first words, like "West" in "à West Palm Beach", are skipped too.)
            var before = lo0 > 0 ? tokens[lo0 - 1].lower : ""
            if lo0 > 1, g.determiners.contains(before) { before = tokens[lo0 - 2].lower }
            let acronymAfter = end < tokens.count && tokens[end].isAllCaps
            // "of Rhode Island"; "RTL-Le Figaro-M6": a compound with an acronym is a brand.
            let acronymInside = words.contains { w in
                Text.hasHyphen(w) && w.split(separator: "-").contains { part in part.count >= 2 && part.allSatisfy { $0.isUppercase || $0.isNumber } }
            }
            if Words.locativePrepositions.contains(before) || before == "of" && roleFrom == roleStart || acronymAfter || acronymInside
                || followsNaming(tokens, lo0) {
                mentions.append(Mention(kind: .organisation(joinWords(words)), paragraph: pi, lo: lo, hi: end))
                return
            }
            // A place or an organisation among the words: "France Inter", "Thomson Reuters", "U.S.
            // Cyber Command" (whose "U.S." is two tokens).
            func modifiesRest(_ k: Int) -> Bool { let n = g.placeModifierLength(tokens[k..<end]); return n > 0 && k + n < end }
            if (lo..<end).contains(where: { g.isPlaceOrOrganisation(tokens[$0...$0]) || modifiesRest($0) }) {
                mentions.append(Mention(kind: .organisation(joinWords(words)), paragraph: pi, lo: lo, hi: end))
                return
            }
            strength = title != nil ? .strong : .weak
        } else {
            strength = title != nil ? .strong : .bare
            if atStart && title == nil && !firstIsName {
                // A sentence's first word is a name only if the dossier knows it as one (resolved later).
                strength = .bare
            }
        }
        // (Capitalised words of the role's complement that the run began with are skipped: "le
        // président de la Douma d'État Viatcheslav Volodine".)
        var role = roleBefore(tokens, lo0) ?? (lo > lo0 && title == nil && roleFrom == nil ? roleBefore(tokens, lo) : nil) ?? roleAfter(tokens, end)
        if role == nil, let rs = roleFrom {
            role = (joinWords(tokens[rs..<lo].map(\.text)), nil)
        }
        // A role in apposition vouches for a name the first-name list does not know ("le ministre, Ndiaye Sow").
        if role != nil && strength == .weak { strength = .strong }
        if inTitle && strength == .weak { return }
        if p.kind == .heading && strength == .weak { return }
        if gender == .unknown, let r = role { gender = roleGender(r.text, determiner: r.determiner) }
        // The mention starts at the title or the capitalised role when there is one ("M. Dupont",
        // "Mr. Smith", "German Foreign Minister Annalena Baerbock").
        let start = roleFrom ?? titleAt.map { titleEnd == lo ? $0 : lo } ?? lo
        names.append(NameMention(paragraph: pi, lo: start, hi: end, words: words, title: title,
                                 gender: gender, strength: strength, role: role?.text, inQuote: inQuote, inTitle: inTitle))
        mentions.append(Mention(kind: .name(names.count - 1), paragraph: pi, lo: start, hi: end))
    }

    /// Whether the word at `i` is a role's complement: a role noun, "de" and a determiner before it
    /// ("présidente de l'Assemblée", "président du Conseil", "ministre des Finances").
    func completesRole(_ tokens: [Token], _ i: Int) -> Bool {
        var k = i - 1
        // ("des", "du": the preposition and the determiner in one word.)
        if k >= 0, !Words.ofPrepositions.contains(tokens[k].lower), g.determiners.contains(tokens[k].lower) { k -= 1 }
        guard k >= 1, Words.ofPrepositions.contains(tokens[k].lower) else { return false }
        // (A capitalised role takes its complement into the name's role: "Secretary of State Antony
        // Blinken"; its complement after "the" is an institution: "Secretary of the Commonwealth Al Schmidt".)
        return !tokens[k - 1].isCapitalized && g.isRole(tokens[k - 1].lower)
            || k + 1 < i && tokens[k - 1].isCapitalized && g.isRoleWord(tokens[k - 1].folded)
    }

    /// The determiner of the role noun at `i`: right before it ("le porte-parole") or before one
    /// lower-case adjective ("a senior official", "le nouveau président").
    func roleDeterminer(_ tokens: [Token], _ i: Int) -> Int? {
        if i > 0, g.determiners.contains(tokens[i - 1].lower) { return i - 1 }
        // (Or the name of a place or an institution: "the Kremlin official"; a nationality: "the
        // Russian president"; or the capitalised first word of a role: "le Premier ministre".)
        func qualifies(_ k: Int) -> Bool {
            let adj = tokens[k]
            return adj.kind == .word && (!adj.isCapitalized || g.isPlaceOrOrganisation(tokens[k...k]) || g.isDemonym(adj.folded)
                || g.isRole(adj.lower + " " + tokens[i].lower))
                && !g.isRole(adj.lower) && !g.isFunctionWord(adj.lower)
        }
        if i > 1, g.determiners.contains(tokens[i - 2].lower), qualifies(i - 1) { return i - 2 }
        // Two such words: "a senior administration official", "a senior Russian diplomat".
        if i > 2, g.determiners.contains(tokens[i - 3].lower), qualifies(i - 2), qualifies(i - 1) { return i - 3 }
        return nil
    }

    /// "présidente du groupe LFI": the role noun at `i` and the words that complete it, up to a
    /// punctuation mark, a verb, a phrase of time or place, or a name.
    func roleComplement(_ tokens: [Token], _ i: Int) -> String {
        Text.lower(joinWords(tokens[i..<roleComplementEnd(tokens, i)].map(\.text)))
    }

    /// Where the words of the role noun at `i` and its complement end (`roleComplement`).
    func roleComplementEnd(_ tokens: [Token], _ i: Int) -> Int {
        var k = i + 1
        while k < tokens.count, k - i <= 6 {
            let t = tokens[k]
            if t.kind == .punct || g.auxiliaries.contains(t.lower) || g.speechVerbs.contains(t.lower) || g.clauseBreaks.contains(t.lower) { break }
            // A phrase of time or place ends it: "a affirmé le ministre lors d'une conférence"; not
            // English "in" or "at", which say where the role is held: "a source in the Ukrainian
            // government", "an analyst at the Atlantic Council".
            if Words.circumstantial.contains(t.lower), !t.lowerIs("in"), !t.lowerIs("at") { break }
            // So does an adverb, a day's name among them: "a déclaré un diplomate européen jeudi",
            // "a senior official also said" ("très" and "bien" qualify what follows: "un diplomate
            // très proche du Kremlin").
            if g.englishAdverbs.contains(t.lower) || g.adverbs.contains(t.lower) && !g.isFunctionWord(t.lower) && !Words.degreeAdverbs.contains(t.lower) { break }
            // A capitalised word right after the noun is the holder's name ("le porte-parole Dmitri
            // Peskov"); further on it completes the role ("la présidente du groupe LFI").
            if t.isCapitalized, k == i + 1 || g.isFirstName(t.folded) { break }
            k += 1
        }
        return k
    }

    /// An institution's noun at `i` and what completes it, as written: an adjective ("russe"), then
    /// phrases of "de" or "à" and a capitalised name ("ministère russe de la Défense", "ambassade
    /// américaine à Moscou", "ministère des Affaires étrangères").
    func institutionName(_ tokens: [Token], _ i: Int) -> String {
        func isStop(_ k: Int) -> Bool { tokens[k].kind != .word || g.isFunctionWord(tokens[k].lower) }
        var k = i + 1
        if k < tokens.count, !tokens[k].isCapitalized, !isStop(k) { k += 1 }
        while k + 1 < tokens.count, Words.placeOrOfPrepositions.contains(tokens[k].lower) {
            var e = k + 1
            if e < tokens.count, g.determiners.contains(tokens[e].lower) { e += 1 }
            guard e < tokens.count, tokens[e].kind == .word, tokens[e].isCapitalized else { break }
            while e < tokens.count, tokens[e].kind == .word, tokens[e].isCapitalized { e += 1 }
            // ("des Affaires étrangères")
            if e < tokens.count, !tokens[e].isCapitalized, !isStop(e), e + 1 >= tokens.count || isStop(e + 1) { e += 1 }
            k = e
        }
        return joinWords(tokens[i..<k].map(\.text))
    }

    /// The gender of a role by its noun, the first of its words that is a role ("présidente" in
    /// "ancienne présidente du groupe"), else by its determiner.
    func roleGender(_ role: String, determiner: String?) -> Gender {
        let words = role.split(separator: " ").map { Text.lower(String($0)) }
        let head = words.first(where: g.isRole) ?? words.first ?? ""
        if g.femaleRoles.contains(head) && !g.maleRoles.contains(head) { return .female }
        if g.maleRoles.contains(head) && !g.femaleRoles.contains(head) { return .male }
        if determiner == "la" { return .female }
        if determiner == "le" { return .male }
        return .unknown
    }

    /// "Le porte-parole du Kremlin, Dmitri Peskov" or "le président russe Vladimir Poutine": the role
    /// phrase before a name, from its determiner to the name.
    func roleBefore(_ tokens: [Token], _ lo: Int) -> (text: String, determiner: String?)? {
        var k = lo - 1
        let comma = k >= 0 && tokens[k].textIs(",")
        if comma { k -= 1 }
        let end = k
        // "le porte-parole de Poutine, Dmitri Peskov": a role that ends in "de" (or "à") is someone
        // else's, or a place's ("économiste à Sciences Po").
        if end >= 0, Words.placeOrOfPrepositions.contains(tokens[end].lower) { return nil }
        var words = 0
        while k >= 0, words < 10 {
            let t = tokens[k]
            if t.kind != .word { return nil }
            // A verb or a clause between the role and the name: the role belongs to someone else.
            if g.auxiliaries.contains(t.lower) || g.clauseBreaks.contains(t.lower) || g.speechVerbs.contains(t.lower) { return nil }
            // A name between the role and the comma holds the role: "Pour le politologue Konstantin
            // Kalatchev, Vladimir Poutine …".
            if t.isCapitalized, g.isFirstName(t.folded), k < end, tokens[k + 1].isCapitalized { return nil }
            if g.isRole(t.lower), let d = roleDeterminer(tokens, k) {
                // With a comma between them, the role must open its clause ("Le porte-parole du
                // Kremlin, Dmitri Peskov") or follow its speech verb ("insiste le chef de la
                // diplomatie, Josep Borrell"), not end a longer phrase ("la visite du président…, Trump").
                if comma && d > 0 && tokens[d - 1].kind == .word && !g.prepositions.contains(tokens[d - 1].lower)
                    && !g.speechVerbs.contains(tokens[d - 1].lower) { return nil }
                // An adjective between the determiner and the role is part of it ("premier ministre").
                let phrase = tokens[(d + 1)...end].map(\.text)
                return (joinWords(phrase), tokens[d].lower)
            }
            if g.isRole(t.lower) && k == 0 || (g.isRole(t.lower) && k > 0 && tokens[k - 1].kind == .punct) {
                return (joinWords(tokens[k...end].map(\.text)), nil)
            }
            words += 1
            k -= 1
        }
        return nil
    }

    /// "Dmitri Peskov, attaché de presse de Poutine,": a role in apposition after the name.
    func roleAfter(_ tokens: [Token], _ hi: Int) -> (text: String, determiner: String?)? {
        guard hi < tokens.count, tokens[hi].textIs(",") else { return nil }
        var k = hi + 1
        var det: String?
        if k < tokens.count, g.determiners.contains(tokens[k].lower) { det = tokens[k].lower; k += 1 }
        // One qualifying word may come before the role noun after a determiner: "the Conservative
        // leader", "la nouvelle présidente".
        let qualified = det != nil && k + 1 < tokens.count && tokens[k].kind == .word && !g.isRole(tokens[k].lower)
            && g.isRole(tokens[k + 1].lower) && !g.prepositions.contains(tokens[k].lower) && !g.auxiliaries.contains(tokens[k].lower)
            && !g.speechVerbs.contains(tokens[k].lower)
        guard k < tokens.count, qualified || g.isRole(tokens[k].lower) else { return nil }
        var e = k
        while e < tokens.count, e - k < 10, !tokens[e].isPhraseMark { e += 1 }
        guard e < tokens.count, Words.commaPeriodSemicolon.contains(tokens[e].text) else { return nil }
        return (joinWords(tokens[k..<e].map(\.text)), det)
    }

    /// "U." or "S.": one capital letter and a period.
    static func isInitial(_ w: String) -> Bool {
        let u = w.unicodeScalars
        return u.count == 2 && u.last == "." && u.first.map { $0.properties.isUppercase } == true
    }

    func joinWords(_ ws: [String]) -> String {
        var s = ""
        for w in ws {
            // (No space around an apostrophe, nor before a possessive's "'s".)
            // (Nor between two initials: "U.S.", which the tokenizer splits.)
            if !s.isEmpty && !(s.hasSuffix("’") || s.hasSuffix("'")) && w != "," && !w.hasPrefix("'") && !w.hasPrefix("’")
                && !(Self.isInitial(w) && Self.isInitial(String(s.suffix(2))) && (s.count == 2 || s.dropLast(2).hasSuffix(".") || s.dropLast(2).hasSuffix(" "))) { s += " " }
            s += w
        }
        return s
    }
}
