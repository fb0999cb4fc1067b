import Foundation

/// Applies the user's annotations to the extracted dossier. The user always wins: metadata,
/// speakers, rejections and added quotes. Every problem names its file and line.
public struct AnnotationMerger: Sendable {
    public static let stage = "annotations"
    /// Made on first use: most builds have no date to read in words (its regular expressions
    /// take milliseconds to compile).
    let dates = Parallel.Once { DateFinder() }

    public init() {}

    func error(_ file: String, _ line: Int?, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, stage: Self.stage, file: file, line: line, message, hint: hint)
    }

    /// Whether `apply` may change the dossier's quotes (correct, reject or add some): only
    /// annotations with corrections or added quotes do. Without them the quotes are as extracted,
    /// and a rebuild keeps their hashes (`QuoteHashes`) from the cache. Any change to the quotes
    /// made here must be made under this condition.
    public static func changesQuotes(_ annotations: [ArticleAnnotation]) -> Bool {
        annotations.contains { !$0.corrections.isEmpty || !$0.additions.isEmpty }
    }

    public func apply(_ annotations: [ArticleAnnotation], notes: [Note], to input: consuming Dossier) -> (Dossier, [Diagnostic]) {
        var d = consume input
        d.notes = notes
        var diags: [Diagnostic] = []
        // By index: `enumerated()` would copy each article (a dozen retains).
        let articleIndex = Dictionary(d.articles.indices.map { (d.articles[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        var personByKey: [String: Int] = [:]
        var ambiguousKeys = Set<String>()
        for (i, p) in d.people.enumerated() {
            for k in Set([p.id, p.name] + p.aliases).map(Text.fold) {
                if let other = personByKey[k], other != i { ambiguousKeys.insert(k) } else { personByKey[k] = i }
            }
        }
        for k in ambiguousKeys { personByKey[k] = nil }

        /// The speaker extraction gave a quote whose speaker a correction set, by quote id.
        var extractedSpeaker: [String: String] = [:]
        // Each article's quotes, and the ids in use, kept as quotes are added; rejected quotes are
        // set aside and removed at the end: a correction looks at its article's quotes, not at
        // every quote of the dossier (thousands of corrections would be quadratic).
        // Made only when some annotation corrects or adds quotes (a commentary, a date or tags
        // need neither: with 80,000 quotes, they are a tenth of a rebuild's serial time).
        let corrects = annotations.contains { !$0.corrections.isEmpty }, adds = annotations.contains { !$0.additions.isEmpty }
        assert(Self.changesQuotes(annotations) == (corrects || adds))
        var quotesOf = corrects || adds ? Dictionary(grouping: d.quotes.indices, by: { d.quotes[$0].article }) : [:]
        var quoteIDs = adds ? Set(d.quotes.indices.map { d.quotes[$0].id }) : []
        var removed = Set<Int>()
        for ann in annotations.sorted(by: { $0.file < $1.file }) {
            guard let ai = articleIndex[ann.articleID] else {
                diags.append(error(ann.file, 1, "no article has the id '\(ann.articleID)'",
                                   hint: "name the file after an article's id (its file name made URL-safe), or run 'sitegen annotate ARTICLE'"))
                continue
            }
            // Metadata.
            for (key, entry) in ann.metadata.sorted(by: { $0.key < $1.key }) {
                switch key {
                case "title": d.articles[ai].title = entry.value
                case "author": d.articles[ai].author = entry.value
                case "url": d.articles[ai].url = entry.value
                case "outlet": d.articles[ai].outlet = entry.value
                case "language": d.articles[ai].language = entry.value
                case "date":
                    if let date = PartialDate(iso: entry.value) ?? dates.value.first(in: entry.value)?.date {
                        d.articles[ai].date = date
                        d.articles[ai].dateSource = "\(ann.file):\(entry.line)"
                    } else {
                        diags.append(error(ann.file, entry.line, "'\(entry.value)' is not a date", hint: "write it as 2024-10-22, 2024-10 or 2024"))
                    }
                default: break
                }
            }
            if let tags = ann.tags { d.articles[ai].tags = tags }
            if !ann.body.isEmpty { d.commentary[ann.articleID] = ann.body }

            // Quote corrections.
            for c in ann.corrections {
                let candidates = (quotesOf[ann.articleID] ?? []).filter { i in
                    guard !removed.contains(i) else { return false }
                    switch c.selector {
                    case .id(let id): return d.quotes[i].id == id
                    case .text(let t): return Text.fold(d.quotes[i].text).contains(Text.fold(t))
                    }
                }
                guard candidates.count == 1, let qi = candidates.first else {
                    let what: String
                    switch c.selector {
                    case .id(let id): what = "no quote of this article has the id '\(id)'"
                    case .text(let t):
                        what = candidates.isEmpty ? "no quote of this article contains '\(t)'"
                            : "'\(t)' matches \(candidates.count) quotes (\(candidates.map { d.quotes[$0].id }.joined(separator: ", ")))"
                    }
                    diags.append(error(ann.file, c.line, what, hint: candidates.isEmpty
                                       ? "run 'sitegen annotate \(ann.articleID)' in another folder to see the quotes and their ids"
                                       : "choose the quote by its 'id:' instead"))
                    continue
                }
                if let note = c.note { d.quotes[qi].note = note }
                if let s = c.speaker {
                    let (id, name, problem) = speaker(s, personByKey: personByKey, people: d.people)
                    if let problem { diags.append(Diagnostic(.warning, stage: Self.stage, file: ann.file, line: c.line, problem.0, hint: problem.1)) }
                    let was = extractedSpeaker[d.quotes[qi].id] ?? d.quotes[qi].speakerName ?? "none"
                    extractedSpeaker[d.quotes[qi].id] = was
                    d.quotes[qi].speaker = id
                    d.quotes[qi].speakerName = name
                    d.quotes[qi].evidence = Evidence(cue: "\(ann.file):\(c.line)", rule: "annotation", confidence: 1,
                                                     notes: ["speaker set by the user (was: \(was))"])
                    if let id { link(person: id, article: ann.articleID, in: &d) }
                }
                if c.reject {
                    var q = d.quotes[qi]
                    q.evidence.notes.append("rejected by the user in \(ann.file):\(c.line)")
                    d.rejected.append(q)
                }
            }
            let rejectedIDs = Set(d.rejected.filter { $0.article == ann.articleID }.map(\.id))
            for i in quotesOf[ann.articleID] ?? [] where !removed.contains(i) && rejectedIDs.contains(d.quotes[i].id) {
                removed.insert(i)
                quoteIDs.remove(d.quotes[i].id)
            }

            // Added quotes.
            let text = d.articles[ai].text
            for add in ann.additions {
                guard let range = Self.find(add.text, in: text) else {
                    diags.append(error(ann.file, add.line, "the added quote does not occur in the article's text",
                                       hint: "copy the words exactly from the article page's text"))
                    continue
                }
                let quoted = String(String.UnicodeScalarView(Array(text.unicodeScalars)[range]))
                var speakerID: String?, speakerName: String?
                if let s = add.speaker {
                    let r = speaker(s, personByKey: personByKey, people: d.people)
                    if let problem = r.2 { diags.append(Diagnostic(.warning, stage: Self.stage, file: ann.file, line: add.line, problem.0, hint: problem.1)) }
                    speakerID = r.0; speakerName = r.1
                    if let id = speakerID { link(person: id, article: ann.articleID, in: &d) }
                }
                var id = "q" + Attributor.hash(ann.articleID + "\u{0}" + Text.fold(quoted))
                if quoteIDs.contains(id) { id += "-u" }
                quoteIDs.insert(id)
                quotesOf[ann.articleID, default: []].append(d.quotes.count)
                let paragraph = text.unicodeScalars.prefix(range.lowerBound).filter { $0 == "\n" }.count / 2
                let kind: Quote.Kind = quoted.first?.isLowercase ?? false ? .partial : .direct
                d.quotes.append(Quote(id: id, article: ann.articleID, text: quoted, kind: kind, speaker: speakerID, speakerName: speakerName,
                                      evidence: Evidence(cue: "\(ann.file):\(add.line)", rule: "annotation", confidence: 1, notes: ["added by the user"]),
                                      note: add.note, start: range.lowerBound, end: range.upperBound, paragraph: paragraph))
            }
        }
        if !removed.isEmpty { d.quotes = d.quotes.indices.filter { !removed.contains($0) }.map { d.quotes[$0] } }
        // Keep the quotes in article order, then text order. Extraction gives them in that
        // order: only an added quote (appended) can be out of it, and only when an annotation
        // corrects or adds quotes is it looked at (80,000 quotes' places).
        let place = corrects || adds ? d.quotes.indices.map { (articleIndex[d.quotes[$0].article] ?? 0, d.quotes[$0].start) } : []
        if zip(place, place.dropFirst()).contains(where: { $1 < $0 }) {
            let sorted = place.indices.sorted { (place[$0].0, place[$0].1, $0) < (place[$1].0, place[$1].1, $1) }
            d.quotes = sorted.map { d.quotes[$0] }
        }

        // Undated articles, once the annotations had their say.
        // By index: a loop over the articles copies each (a dozen retains).
        for i in d.articles.indices where d.articles[i].date == nil {
            let (source, id) = (d.articles[i].source, d.articles[i].id)
            diags.append(Diagnostic(.warning, stage: Self.stage, file: source, "no publication date found",
                                    hint: "add 'date: 2024-10-22' (or 2024-10, or 2024) to Content/annotations/\(id).md, or run 'sitegen annotate \(id)'"))
        }

        // Links in the user's Markdown.
        // Made only when some Markdown has a [[link]]: a dossier without one has no link to check.
        var targets: LinkTargets?
        func check(_ markdown: String, file: String, firstLine: Int) {
            guard markdown.contains("[[") else { return }
            let made = targets ?? LinkTargets(dossier: d)
            targets = made
            for p in WikiLinks.rewrite(markdown, root: "", targets: made).1 {
                diags.append(error(file, firstLine + p.line, p.message, hint: "write [[name]] with a person's name or alias, an article id or a note id"))
            }
        }
        for ann in annotations {
            if d.commentary[ann.articleID] != nil { check(ann.body, file: ann.file, firstLine: ann.bodyLine) }
            for c in ann.corrections { if let n = c.note { check(n, file: ann.file, firstLine: c.line) } }
            for a in ann.additions { if let n = a.note { check(n, file: ann.file, firstLine: a.line) } }
        }
        for n in notes { check(n.body, file: n.file, firstLine: n.bodyLine) }
        for p in d.people where !p.note.isEmpty { check(p.note, file: p.registryFile ?? "Content/people/\(p.id).md", firstLine: 1) }
        return (d, diags)
    }

    /// The person a `speaker:` value names, by id, name or alias; else it is kept as a name
    /// without a page (an organisation), with a warning in case it was a typo.
    func speaker(_ s: String, personByKey: [String: Int], people: [Person]) -> (String?, String, (String, String)?) {
        if let i = personByKey[Text.fold(s)] { return (people[i].id, people[i].name, nil) }
        return (nil, s, ("'\(s)' is not a person of the dossier; kept as a speaker without a page",
                         "use a name, alias or id from the people page, or add Content/people/\(Text.slug(s)).md"))
    }

    func link(person id: String, article: String, in d: inout Dossier) {
        if !(d.articlePeople[article] ?? []).contains(id) { d.articlePeople[article, default: []].append(id) }
        if let pi = d.people.firstIndex(where: { $0.id == id }), !d.people[pi].articles.contains(article) {
            d.people[pi].articles.append(article)
        }
    }

    /// Where `needle` occurs in `text`, in scalar offsets: exactly, or else ignoring typographic
    /// differences (apostrophes, spaces, case).
    static func find(_ needle: String, in text: String) -> Range<Int>? {
        let n = needle.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !n.isEmpty else { return nil }
        if let r = text.range(of: n) {
            let lo = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.lowerBound)
            return lo..<(lo + n.unicodeScalars.count)
        }
        // Compare scalar by scalar in a loose form that keeps one scalar per scalar.
        func loose(_ c: Unicode.Scalar) -> Unicode.Scalar {
            switch c.value {
            case 0x2019, 0x2018, 0x02BC: return "'"
            case 0x00A0, 0x202F, 0x2009: return " "
            default: return Unicode.Scalar(Text.fold(String(c)).unicodeScalars.first?.value ?? c.value) ?? c
            }
        }
        let hay = text.unicodeScalars.map(loose)
        let pat = n.unicodeScalars.map(loose)
        guard pat.count <= hay.count else { return nil }
        var i = 0
        while i + pat.count <= hay.count {
            if hay[i] == pat[0], Array(hay[i..<(i + pat.count)]) == pat { return i..<(i + pat.count) }
            i += 1
        }
        return nil
    }
}
