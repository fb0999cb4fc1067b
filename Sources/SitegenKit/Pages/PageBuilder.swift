import Foundation

/// A page of the site as Markdown, before rendering. `path` has no extension: the build writes
/// `path.md` and `path.html` side by side.
public struct Page: Sendable, Hashable {
    public var path: String
    public var kind: String
    public var title: String
    /// The Markdown's UTF-8 bytes: what the build renders and writes. Set only from strings
    /// (`markdown`, `MarkdownText`), so always well-formed.
    public private(set) var markdownUTF8: [UInt8]
    /// The page's own language, when it differs from the dossier's.
    public var language: String?

    public var markdown: String {
        get { String(decoding: markdownUTF8, as: UTF8.self) }
        set { markdownUTF8 = Array(newValue.utf8) }
    }

    public init(path: String, kind: String, title: String, markdown: String, language: String?) {
        self.init(path: path, kind: kind, title: title, markdown: MarkdownText(markdown), language: language)
    }

    init(path: String, kind: String, title: String, markdown: consuming MarkdownText, language: String?) {
        self.path = path
        self.kind = kind
        self.title = title
        markdownUTF8 = markdown.finish()
        self.language = language
    }

    public var depth: Int { path.split(separator: "/").count - 1 }
    /// The relative path from this page to the site's root ("" or "../").
    public var root: String { String(repeating: "../", count: depth) }
}

/// Quotes by a key (article, speaker), as indices into one of the dossier's lists of quotes.
/// Pages read a quote's fields where it is: a `Quote` copied out of its list (to be passed to a
/// function that writes) is a dozen reference counts taken and dropped, on both cores at once.
struct QuoteIndex: Sendable {
    let indices: [String: [Int]]
    init(_ indices: [String: [Int]]) { self.indices = indices }
    subscript(key: String) -> [Int] { indices[key] ?? [] }
    func count(_ key: String) -> Int { indices[key]?.count ?? 0 }
}

/// Writes the Markdown of every page: one per article and per person, and the index, timeline,
/// quotes and people pages. Every piece of text from the articles is escaped for cmark; the only
/// raw HTML is the anchors and highlights sitegen writes itself.
public struct PageBuilder: Sendable {
    public static let stage = "pages"
    let d: Dossier
    let labels: Labels
    let personByID: [String: Person]
    /// Each person's link from the top folder and from a folder below it, made once: the
    /// timeline and index of a big dossier name people hundreds of thousands of times.
    let personLinks: [String: (name: String, top: String, nested: String)]
    let quotesByArticle: QuoteIndex
    let quotesByPerson: QuoteIndex
    let reportedByArticle: QuoteIndex
    /// Quotes the user rejected, by article.
    let rejectedByArticle: QuoteIndex
    /// People with at least one quote, most quoted first (the index and the quotes pages).
    let mostQuoted: [Person]
    let reportedByPerson: QuoteIndex
    let articleOrder: [String: Int]
    /// The articles the index lists, newest first (undated last), as indices: at most
    /// `indexLatest` of them (a home page of 10,000 articles would be 3 MB).
    let latest: [Int]
    /// Each article's place by date (`articleRanks`).
    let articleRank: [String: Int]
    /// What a [[link]] in the user's Markdown may name: made when a page first needs it.
    var links: LinkTargets { linkTargets.value }
    private let linkTargets: Parallel.Once<LinkTargets>
    /// For each quote in a group, by its index in the dossier, the group's number in
    /// `dossier.statementGroups`.
    let groupOfQuoteAt: [Int?]
    /// Each statement group's quotes as indices into the dossier's quotes (-1: an id that is
    /// not there), so that keys need not look each id up again.
    let groupMembers: [[Int]]
    /// Each group's first `alsoReportedLimit + 1` members that have an article, as indices into
    /// the dossier's quotes: a quote's "also reported in" line names the first of them that are
    /// not itself.
    let groupHeads: [[Int]]
    /// The heads' links, made the first time a page shows a quote of the group (a full build
    /// makes each group's once, a rebuild only those of the pages it makes again).
    let headLinks = HeadLinks()
    /// A key of each group's size and heads: all that a quote's "also reported in" line shows
    /// besides the quote's own id.
    let groupKeys: [UInt64]
    /// A key of every person's id and name: pages that show names of people they do not list
    /// otherwise (the timeline's points) add it once instead of each name.
    let namesKey: UInt64

    /// The statement group of the quote with this id (`groupOfQuoteAt`).
    func group(ofQuote id: String) -> Int? { quoteIndex[id].flatMap { groupOfQuoteAt[$0] } }
    /// Each quote's article, as its place in the dossier (-1: none).
    let quoteArticle: [Int]
    /// Each quote id's first place in the dossier's quotes.
    let quoteIndex: FirstPlaces
    /// The quotes and timeline pages' entries, split into pages.
    let quotesPlan: ListPlan
    /// The timeline's points and pages (`Timeline`).
    private(set) var timelinePlan: ListPlan
    private(set) var timelineItems: [Feeds.TimelineItem]

    /// The timeline's points in date order and their pages: made apart from the other indexes,
    /// so that a build can make it on the other core.
    public struct Timeline: Sendable {
        var items: [Feeds.TimelineItem]
        var plan: ListPlan

        public init(_ dossier: Dossier, listPageSize: Int = PageBuilder.listPageSize) {
            items = Feeds.timeline(dossier)
            plan = PageBuilder.timelinePlan(dossier, items: items, labels: Labels(language: dossier.site.language), pageSize: listPageSize)
        }
    }

    /// Gives the pages a timeline made apart (`timeline: false` at init).
    mutating func set(_ timeline: Timeline) {
        timelineItems = timeline.items
        timelinePlan = timeline.plan
    }

    /// `listPageSize`: how many entries a quotes or timeline page holds at most.
    /// `indexLatest`: how many articles the index lists.
    /// `timeline: false`: the timeline is left empty, for `set(_:)`.
    public init(dossier: Dossier, listPageSize: Int = PageBuilder.listPageSize, indexLatest: Int = PageBuilder.indexLatest, timeline: Bool = true) {
        linkTargets = Parallel.Once { LinkTargets(dossier: dossier) }
        d = dossier
        labels = Labels(language: dossier.site.language)
        personByID = Dictionary(dossier.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        personLinks = personByID.mapValues { p in
            (p.name, Self.link(p.name, "people/\(p.id).html"), Self.link(p.name, "../people/\(p.id).html"))
        }
        // Indices into the dossier's quotes, not copies: 80,000 quotes are 17 MB a copy.
        // Each quote's article is looked up once (`quoteArticle`); the quotes are grouped by it.
        let order = Dictionary(dossier.articles.indices.map { (dossier.articles[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        articleOrder = order
        let quoteArticle = Self.places(of: dossier.quotes, in: order)
        self.quoteArticle = quoteArticle
        var byArticle = [[Int]](repeating: [], count: dossier.articles.count)
        var elsewhere: [String: [Int]] = [:]
        for (i, a) in quoteArticle.enumerated() {
            if a >= 0 { byArticle[a].append(i) } else { elsewhere[dossier.quotes[i].article, default: []].append(i) }
        }
        var quotesOfArticle = elsewhere
        quotesOfArticle.reserveCapacity(elsewhere.count + dossier.articles.count)
        for (a, list) in byArticle.enumerated() where !list.isEmpty { quotesOfArticle[dossier.articles[a].id] = list }
        quotesByArticle = QuoteIndex(quotesOfArticle)
        quotesByPerson = QuoteIndex(Grouping.indices(dossier.quotes.indices) { dossier.quotes[$0].speaker })
        reportedByArticle = QuoteIndex(Grouping.indices(dossier.reported.indices) { dossier.reported[$0].article })
        rejectedByArticle = QuoteIndex(Grouping.indices(dossier.rejected.indices) { dossier.rejected[$0].article })
        reportedByPerson = QuoteIndex(Grouping.indices(dossier.reported.indices) { dossier.reported[$0].speaker })
        // The statement groups' tables on a thread of their own while the lists are planned
        // here: the rest of the indexes waited on them alone (a rebuild's longest wait).
        let grouping = Parallel.Future(ownThread: true) { GroupTables(dossier, quoteArticle: quoteArticle) }
        var names = StableHash()
        for p in dossier.people { names.add(p.id); names.add(p.name) }
        namesKey = names.value
        let labels = self.labels
        let orders = Self.articleOrders(dossier.articles)
        let rank = Self.articleRanks(dossier.articles, oldestFirst: orders.oldestFirst)
        articleRank = rank
        latest = Array(orders.newestFirst.prefix(indexLatest))
        let quotesByPerson = self.quotesByPerson
        mostQuoted = Self.mostQuoted(dossier.people, quotesByPerson: quotesByPerson)
        // Each quote's place in time made once, its article's rank then its start, in one
        // integer: the sorts compare integers (the quote's number breaks ties, as a stable sort).
        let rankAt = dossier.articles.indices.map { rank[dossier.articles[$0].id] ?? Int.max }
        let chronology = dossier.quotes.indices.map { i -> UInt64 in
            let r = quoteArticle[i] >= 0 ? rankAt[quoteArticle[i]] : rank[dossier.quotes[i].article] ?? Int.max
            return UInt64(min(max(r, 0), Int(UInt32.max))) << 32 | UInt64(min(max(dossier.quotes[i].start, 0), Int(UInt32.max)))
        }
        quotesPlan = Self.quotesPlan(dossier, mostQuoted: mostQuoted,
                                     quotesByPerson: quotesByPerson, quoteArticle: quoteArticle,
                                     chronological: { idx in
                                         // Sorted with their keys beside them, not looked up in each comparison.
                                         var keyed = idx.map { (chronology[$0], $0) }
                                         keyed.sort { $0 < $1 }
                                         return keyed.map(\.1)
                                     },
                                     labels: labels, pageSize: listPageSize)
        let groups = grouping.value
        quoteIndex = groups.quoteIndex
        groupOfQuoteAt = groups.groupOfQuoteAt
        groupMembers = groups.members
        groupHeads = groups.heads
        groupKeys = groups.keys
        let t = timeline ? Timeline(dossier, listPageSize: listPageSize) : nil
        timelineItems = t?.items ?? []
        timelinePlan = t?.plan ?? ListPlan(sections: [], pageSize: listPageSize)
    }

    /// Each quote's article as its place in `order` (-1: none). The quotes come article by
    /// article: an article is looked up once for its run of quotes (the same string as the
    /// quote before is found equal without hashing it).
    static func places(of quotes: [Quote], in order: [String: Int]) -> [Int] {
        lookedUpByRuns(quotes.count, key: { quotes[$0].article }) { order[$0] ?? -1 }
    }

    /// The quotes' places by id and the statement groups' tables (`groupOfQuoteAt`, `groupMembers`,
    /// `groupHeads`, `groupKeys`), made apart from the other indexes.
    struct GroupTables: Sendable {
        let quoteIndex: FirstPlaces
        let groupOfQuoteAt: [Int?]
        let members: [[Int]]
        let heads: [[Int]]
        let keys: [UInt64]

        init(_ dossier: Dossier, quoteArticle: [Int]) {
            let quoteIndex = FirstPlaces(dossier.quotes.indices.map { dossier.quotes[$0].id })
            self.quoteIndex = quoteIndex
            // The members' places and each group's key on both cores: the indexes stage waited on
            // this table alone at its end (80,000 quote ids looked up, 15,000 groups hashed).
            let groups = dossier.statementGroups
            let members = Parallel.map(Array(groups.indices)) { n in groups[n].map { quoteIndex[$0] ?? -1 } }
            var groupAt = [Int?](repeating: nil, count: dossier.quotes.count)
            for (n, group) in members.enumerated() {
                for i in group where i >= 0 { groupAt[i] = n }
            }
            groupOfQuoteAt = groupAt
            self.members = members
            // Each group's first members that have an article: the quotes its "also reported in"
            // lines name. Their links are made by the pages that show them (a rebuild makes few).
            let heads = members.map { indices in
                var heads: [Int] = []
                for i in indices where i >= 0 && quoteArticle[i] >= 0 {
                    heads.append(i)
                    if heads.count > PageBuilder.alsoReportedLimit { break }
                }
                return heads
            }
            self.heads = heads
            // The articles' fields are read in place (a copy of each article was most of the cost).
            keys = Parallel.map(Array(members.indices)) { g in
                var h = StableHash()
                h.add(int: members[g].count)
                for i in heads[g] {
                    let a = quoteArticle[i]
                    h.add(dossier.quotes[i].id); h.add(dossier.articles[a].id); h.add(dossier.articles[a].title)
                }
                return h.value
            }
        }
    }

    /// How many other reports "also reported in" names before "and N more": a statement repeated
    /// by hundreds of articles must not make every page list all of them (the quotes page lists
    /// each group whole). Three keep article and person pages about half the size eight made.
    static let alsoReportedLimit = 3

    /// "Also reported in: [other article]" for a quote of a group, with links from a page one
    /// folder down (`groupHeads`, `headLinks`), written at the end of `out` after `prefix` and
    /// followed by a line feed; nothing for a quote of no group, or whose group shows no other report.
    func appendAlsoReported(quote id: String, after prefix: String, to out: inout MarkdownText) {
        guard let n = group(ofQuote: id) else { return }
        let heads = headLinks.links(ofGroup: n) {
            groupHeads[n].map { i in
                let a = quoteArticle[i]
                return (d.quotes[i].id, Self.link(d.articles[a].title, "../articles/\(d.articles[a].id).html#\(d.quotes[i].id)"))
            }
        }
        var shown = 0
        for head in heads where head.id != id && shown < Self.alsoReportedLimit {
            if shown == 0 {
                out += prefix
                out += labels["also_reported"]
                out += " : "
            } else {
                out += " · "
            }
            out += head.link
            shown += 1
        }
        guard shown > 0 else { return }
        let more = d.statementGroups[n].count - 1 - shown
        if more > 0 {
            out += " … (+"
            out += String(more)
            out += ")"
        }
        out += "\n"
    }

    /// One page to make: the build makes, renders and writes each in turn, in parallel, so that
    /// the pages of a big dossier are never all in memory at once.
    public enum Job: Sendable, Hashable {
        case index, people, search, graph
        case quotes(Int), timeline(Int), article(Int), person(Int), note(Int)
    }

    /// Every page of the site. The long list pages come first, so that a worker starts on them
    /// while the other makes the many small pages.
    public var jobs: [Job] {
        quotesPlan.pages.indices.map(Job.quotes) + timelinePlan.pages.indices.map(Job.timeline) + [.index, .graph, .people, .search]
            + d.articles.indices.map(Job.article) + d.people.indices.map(Job.person) + d.notes.indices.map(Job.note)
    }

    public func page(_ job: Job) -> Page {
        switch job {
        case .index: index()
        case .timeline(let n): timelinePage(n)
        case .quotes(let n): quotesPage(n)
        case .people: peoplePage()
        case .search: searchPage()
        case .graph: graphPage()
        case .article(let i): article(d.articles[i])
        case .person(let i): person(d.people[i])
        case .note(let i): note(d.notes[i])
        }
    }

    public func build() -> [Page] { jobs.map(page) }

    /// The kind of `job`'s page (its `Page.kind`, which names its template), without making it.
    func kind(of job: Job) -> String {
        switch job {
        case .index: "index"
        case .people, .graph: "people"
        case .search: "search"
        case .quotes: "quotes"
        case .timeline: "timeline"
        case .article: "article"
        case .person: "person"
        case .note: "note"
        }
    }

    /// Where `job`'s page goes (its `Page.path`), without making it.
    func path(of job: Job) -> String {
        switch job {
        case .index: "index"
        case .people: "people"
        case .search: "search"
        case .graph: "graph"
        case .quotes(let n): Self.listPath("quotes", n)
        case .timeline(let n): Self.listPath("timeline", n)
        case .article(let i): "articles/\(d.articles[i].id)"
        case .person(let i): "people/\(d.people[i].id)"
        case .note(let i): "notes/\(d.notes[i].id)"
        }
    }

    /// The user's Markdown, its [[links]] made relative to `root`, rendered in safe mode.
    func user(_ markdown: String, root: String) -> String {
        // Without a [[link]] there is nothing to rewrite, and no need for the targets.
        let linked = markdown.contains("[[") ? WikiLinks.rewrite(markdown, root: root, targets: links).0 : markdown
        return UserMarkdown.embed(linked, allowRawHTML: d.site.allowRawHTML)
    }

    /// A quote's note, as a block inside a list item indented by `indent` spaces.
    func quoteNote(_ note: String?, root: String, indent: Int) -> String {
        guard let n = note, !n.isEmpty else { return "" }
        return String(repeating: " ", count: indent) + user(n, root: root)
    }

    // MARK: - Helpers

    func md(_ s: String) -> String { Text.markdownInline(s) }

    func link(_ text: String, _ href: String) -> String { Self.link(text, href) }

    static func link(_ text: String, _ href: String) -> String {
        var out = ""
        appendLink(text, href: [href], to: &out)
        return out
    }

    /// `link(text, pieces joined)` written at the end of `out`. A page is written in turn: a
    /// line made as an interpolation of pieces and then appended is copied as it grows.
    static func appendLink<Out: TextOutputStream>(_ text: String, href pieces: [String], to out: inout Out) {
        out.write("[")
        out.write(Text.markdownInline(text))
        out.write("](")
        // The destination's escape is made character by character: it is the pieces' escapes.
        for piece in pieces { out.write(Text.markdownURL(piece)) }
        out.write(")")
    }

    /// "- « quote » — [article](…#quote), date", and a line feed: the dossier's quote `i` in a
    /// list of quotes from any article, `a` its article's place in the dossier. The quote is read
    /// where it is: copied out to be passed on, each of its strings would be retained and
    /// released (on both cores at once, the quotes are shared).
    func appendQuoteItem(quote i: Int, of a: Int, root: String, to out: inout MarkdownText) {
        out += "- "
        appendQuoteLine(kind: d.quotes[i].kind, text: d.quotes[i].text, to: &out)
        out += " — "
        Self.appendLink(d.articles[a].title, href: [root, "articles/", d.articles[a].id, ".html#", d.quotes[i].id], to: &out)
        out += ", "
        out += dateText(d.articles[a].date)
        out += "\n"
    }

    func personLink(_ id: String, root: String) -> String? {
        if let links = personLinks[id] { return root.isEmpty ? links.top : root == "../" ? links.nested : link(links.name, root + "people/\(id).html") }
        return nil
    }

    func speakerText(_ q: Quote, root: String) -> String { speakerText(speaker: q.speaker, name: q.speakerName, root: root) }

    func speakerText(speaker: String?, name: String?, root: String) -> String {
        if let id = speaker, let l = personLink(id, root: root) { return l }
        if let name { return md(name) }
        return "*" + labels["no_speaker"] + "*"
    }

    func dateText(_ date: PartialDate?) -> String { date.map(labels.format) ?? labels["undated"] }

    /// Quotes (indices into `quotes`) in the order of the dossier: article date (undated last),
    /// then place in the text.
    func chronological(_ list: [Int], in quotes: [Quote]) -> [Int] {
        list.map { (rank: articleRank[quotes[$0].article] ?? Int.max, start: quotes[$0].start, index: $0) }
            .sorted { ($0.rank, $0.start) < ($1.rank, $1.start) }.map(\.index)
    }

    /// How many articles the index lists; the others are in the timeline and the search.
    public static let indexLatest = 200

    /// The articles in the dossier's order, oldest first, and newest first; the undated last in
    /// both, and articles of the same date as listed. Both come from one sort of integer keys
    /// (the date packed in one, `PartialDate.packedSortKey`): the newest-first order is the
    /// oldest-first one with its runs of one date turned around. A date outside the packed
    /// range sends both to the sorts that compare the dates themselves (`ordersComparingDates`).
    static func articleOrders(_ articles: [Article]) -> (oldestFirst: [Int], newestFirst: [Int]) {
        var keyed: [(key: UInt64, index: Int)] = []
        keyed.reserveCapacity(articles.count)
        for i in articles.indices {
            guard let date = articles[i].date else { keyed.append((.max, i)); continue }
            // The largest packed key is below `.max`, which stands for "undated".
            guard let key = date.packedSortKey else { return ordersComparingDates(articles) }
            keyed.append((key, i))
        }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
        var newest: [Int] = []
        newest.reserveCapacity(keyed.count)
        let dated = keyed.firstIndex { $0.key == .max } ?? keyed.count
        var end = dated
        while end > 0 {
            var start = end - 1
            while start > 0 && keyed[start - 1].key == keyed[end - 1].key { start -= 1 }
            for k in start..<end { newest.append(keyed[k].index) }
            end = start
        }
        for k in dated..<keyed.count { newest.append(keyed[k].index) }
        return (keyed.map(\.index), newest)
    }

    /// `articleOrders` by sorts that compare the dates (any year).
    static func ordersComparingDates(_ articles: [Article]) -> (oldestFirst: [Int], newestFirst: [Int]) {
        func order(newestFirst: Bool) -> [Int] {
            articles.indices.sorted { i, j in
                switch (articles[i].date, articles[j].date) {
                case let (a?, b?) where a != b: return newestFirst ? a > b : a < b
                case (_?, nil): return true
                case (nil, _?): return false
                default: return i < j
                }
            }
        }
        return (order(newestFirst: false), order(newestFirst: true))
    }

    /// Each article's place in the dossier's order (`articleOrders`' oldest first), by id.
    static func articleRanks(_ articles: [Article], oldestFirst sorted: [Int]) -> [String: Int] {
        var rank: [String: Int] = [:]
        rank.reserveCapacity(articles.count)
        for (n, i) in sorted.enumerated() where rank[articles[i].id] == nil { rank[articles[i].id] = n }
        return rank
    }

    func isSafeURL(_ s: String) -> Bool {
        let f = s.lowercased()
        return (f.hasPrefix("https://") || f.hasPrefix("http://")) && !s.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
    }

    func quoteLine(_ q: Quote) -> String {
        var out = ""
        appendQuoteLine(q, to: &out)
        return out
    }

    func appendQuoteLine<Out: TextOutputStream>(_ q: Quote, to out: inout Out) { appendQuoteLine(kind: q.kind, text: q.text, to: &out) }

    func appendQuoteLine<Out: TextOutputStream>(kind: Quote.Kind, text: String, to out: inout Out) {
        if kind == .indirect {
            out.write(md(text))
        } else {
            out.write("« ")
            out.write(md(text))
            out.write(" »")
        }
    }

    // MARK: - Article

    func article(_ a: Article) -> Page {
        let root = "../"
        var out = MarkdownText("# \(md(a.title))\n\n")
        var meta = [dateText(a.date)]
        if let author = a.author { meta.append(labels["by"] + " " + md(author)) }
        if let outlet = a.outlet { meta.append(md(outlet)) }
        meta.append(md(a.language))
        out += "*" + meta.joined(separator: " · ") + "*\n\n"
        if let url = a.url, isSafeURL(url) { out += "[\(labels["original"])](<\(url)>)\n\n" }
        out += "\(labels["source"]) : \(md(a.source))\n\n"
        if let c = d.commentary[a.id] { out += "## \(labels["commentary"])\n\n" + user(c, root: root) }

        let people = d.articlePeople[a.id] ?? []
        out += "## \(labels["people"])\n\n"
        out += people.isEmpty ? labels["none"] + "\n\n" : people.compactMap { personLink($0, root: root) }.joined(separator: " · ") + "\n\n"

        // The article's quotes as indices into the dossier's, by their place in the text.
        let all = d.quotes
        let quotes = quotesByArticle[a.id].sorted { all[$0].start < all[$1].start }
        let numbers = Dictionary(quotes.enumerated().map { (all[$1].id, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        out += "## \(labels["text"])\n\n"
        var base = 0
        var next = 0 // quotes are sorted by start: one sweep over them
        for p in a.paragraphs {
            let length = Text.scalarCount(p.text)
            while next < quotes.count, all[quotes[next]].start < base { next += 1 }
            var inside: [Int] = []
            var k = next
            while k < quotes.count, all[quotes[k]].start < base + length {
                if all[quotes[k]].end <= base + length { inside.append(quotes[k]) }
                k += 1
            }
            // The paragraph is written straight into the page. Only its first piece can start a
            // block ("- ", "1. "): the pieces after it follow a quote's "<mark", so protecting the
            // first piece protects the whole line.
            let heading = p.kind == .heading
            if heading { out += "### " }
            var first = true
            func put(_ piece: String) {
                if first {
                    first = false
                    out += heading ? piece : Text.protectBlockStart(piece)
                } else {
                    out += piece
                }
            }
            // Offsets are in scalars and only grow: one forward walk turns them into indices.
            let view = p.text.unicodeScalars
            var walker = (index: view.startIndex, offset: 0)
            func index(_ offset: Int) -> String.Index {
                while walker.offset < offset && walker.index < view.endIndex {
                    view.formIndex(after: &walker.index)
                    walker.offset += 1
                }
                return walker.index
            }
            var cursor = 0
            for q in inside {
                let s = all[q].start - base, e = all[q].end - base
                guard s >= cursor else { continue }
                let from = index(cursor), start = index(s), end = index(e)
                put(md(String(Substring(view[from..<start]))))
                out += "<mark class=\"quote\" id=\""
                out += all[q].id
                out += "\">"
                out += md(String(Substring(view[start..<end])))
                out += "</mark><sup class=\"ref\"><a href=\"#ev-"
                out += all[q].id
                out += "\">"
                out += String(numbers[all[q].id] ?? 0)
                out += "</a></sup>"
                cursor = e
            }
            put(md(String(Substring(view[index(cursor)...]))))
            out += "\n\n"
            base += length + 2
        }

        out += "## \(labels["quotes"])\n\n"
        if quotes.isEmpty { out += labels["none"] + "\n\n" }
        let inText = labels["in_text"]
        for (i, n) in quotes.enumerated() {
            // Read where it is (`appendQuoteItem`).
            out += String(i + 1)
            out += ". <span class=\"anchor\" id=\"ev-"
            out += all[n].id
            out += "\"></span>"
            appendQuoteLine(kind: all[n].kind, text: all[n].text, to: &out)
            out += " — "
            out += speakerText(speaker: all[n].speaker, name: all[n].speakerName, root: root)
            out += " · ["
            out += inText
            out += "](#"
            out += all[n].id
            out += ")\n   <br><small>"
            appendEvidence(all[n].evidence, to: &out)
            out += "</small>\n"
            appendAlsoReported(quote: all[n].id, after: "   <br>", to: &out)
            if all[n].note != nil { out += "\n" + quoteNote(all[n].note, root: root, indent: 3) }
        }
        out += "\n"
        let rejected = rejectedByArticle[a.id]
        if !rejected.isEmpty {
            out += "## \(labels["rejected"])\n\n"
            for n in rejected {
                let q = d.rejected[n]
                out += "- <del>\(quoteLine(q))</del> — \(speakerText(q, root: root))  \n  <small>\(evidence(q))</small>\n"
            }
            out += "\n"
        }
        let reported = reportedByArticle[a.id]
        if !reported.isEmpty {
            out += "## \(labels["reported"])\n\n"
            for n in reported {
                let q = d.reported[n]
                out += "- \(quoteLine(q)) — \(speakerText(q, root: root))  \n  <small>\(evidence(q))</small>\n"
            }
            out += "\n"
        }
        if !a.dropped.isEmpty {
            out += "## \(labels["removed"])\n\n"
            for x in a.dropped { out += "- \(labels["line"]) \(x.line) · `\(x.rule)` · \(md(x.text))\n" }
            out += "\n"
        }
        return Page(path: "articles/\(a.id)", kind: "article", title: a.title, markdown: out,
                    language: a.language == d.site.language ? nil : a.language)
    }

    /// A quote's evidence: its cue, rule, confidence and notes, separated by " · ".
    func evidence(_ q: Quote) -> String {
        var out = ""
        appendEvidence(q.evidence, to: &out)
        return out
    }

    /// `evidence(q)` written at the end of `out` (a page's article section shows one for each quote).
    func appendEvidence<Out: TextOutputStream>(_ e: Evidence, to out: inout Out) {
        if !e.cue.isEmpty {
            out.write(labels["cue"])
            out.write(" : « ")
            out.write(md(e.cue))
            out.write(" » · ")
        }
        out.write(labels["rule"])
        out.write(" `")
        out.write(e.rule)
        out.write("` · ")
        let cents = Int((e.confidence * 100).rounded())
        out.write(labels["confidence"])
        out.write(" ")
        out.write(String(cents / 100))
        out.write(cents % 100 < 10 ? ".0" : ".")
        out.write(String(cents % 100))
        for n in e.notes {
            out.write(" · ")
            out.write(md(n))
        }
    }

    // MARK: - Person

    func person(_ p: Person) -> Page {
        let root = "../"
        var out = MarkdownText("# \(md(p.name))\n\n")
        if !p.aliases.isEmpty { out += "\(labels["aliases"]) : " + p.aliases.map(md).joined(separator: " · ") + "\n\n" }
        if !p.note.isEmpty {
            out += "## \(labels["notes"])\n\n" + UserMarkdown.embed(p.note, allowRawHTML: d.site.allowRawHTML)
        }
        if !p.roles.isEmpty {
            out += "## \(labels["roles"])\n\n"
            for r in p.roles {
                let source = articleOrder[r.article].map { link(d.articles[$0].title, root + "articles/\(d.articles[$0].id).html") }
                    ?? "*\(labels["registry"])*"
                out += "- \(md(r.text)) — \(source)\n"
            }
            out += "\n"
        }
        let quotes = chronological(quotesByPerson[p.id], in: d.quotes)
        out += "## \(labels["quotes"])\n\n"
        if quotes.isEmpty { out += labels["none"] + "\n\n" }
        for n in quotes {
            guard let a = articleOrder[d.quotes[n].article] else { continue }
            appendQuoteItem(quote: n, of: a, root: root, to: &out)
            appendAlsoReported(quote: d.quotes[n].id, after: "  <br>", to: &out)
            if d.quotes[n].note != nil { out += "\n" + quoteNote(d.quotes[n].note, root: root, indent: 2) }
        }
        out += "\n"
        let reported = chronological(reportedByPerson[p.id], in: d.reported)
        if !reported.isEmpty {
            out += "## \(labels["reported"])\n\n"
            for n in reported {
                let q = d.reported[n]
                guard let a = articleOrder[q.article] else { continue }
                out += "- \(quoteLine(q)) — \(link(d.articles[a].title, root + "articles/\(d.articles[a].id).html"))\n"
            }
            out += "\n"
        }
        out += "## \(labels["mentioned_in"])\n\n"
        for id in p.articles {
            guard let a = articleOrder[id] else { continue }
            out += "- "
            Self.appendLink(d.articles[a].title, href: [root, "articles/", d.articles[a].id, ".html"], to: &out)
            out += " — "
            out += dateText(d.articles[a].date)
            out += "\n"
        }
        out += "\n"
        let together = coOccurrences(of: p)
        if !together.isEmpty {
            out += "## \(labels["appears_with"])\n\n"
            // Written piece by piece: an interpolated line is a string grown and copied again.
            for (other, n) in together {
                guard let o = personByID[other] else { continue }
                out += "- "
                Self.appendLink(o.name, href: [other, ".html"], to: &out)
                out += " ("
                out += String(n)
                out += " "
                out += labels.noun(n, "article_count")
                out += ")\n"
            }
            out += "\n"
        }
        return Page(path: "people/\(p.id)", kind: "person", title: p.name, markdown: out, language: nil)
    }

    /// The people named in the same articles as `p`, most shared articles first.
    func coOccurrences(of p: Person) -> [(String, Int)] {
        var counts: [String: Int] = [:]
        for a in p.articles {
            for other in d.articlePeople[a] ?? [] where other != p.id { counts[other, default: 0] += 1 }
        }
        // Each name looked up once, not at every comparison; two people of one name in id order.
        let ranked = counts.map { (id: $0.key, name: personByID[$0.key]?.name ?? "", count: $0.value) }
        return ranked.sorted { $0.count != $1.count ? $0.count > $1.count : $0.name != $1.name ? $0.name < $1.name : $0.id < $1.id }
            .map { ($0.id, $0.count) }
    }

    // MARK: - Index, timeline, quotes, people

    func index() -> Page {
        var out = "# \(md(d.site.title))\n\n"
        if !d.site.description.isEmpty { out += md(d.site.description) + "\n\n" }
        out += "**\(d.articles.count)** \(labels["articles"].lowercased()) · **\(d.people.count)** \(labels["people"].lowercased()) · **\(d.quotes.count)** \(labels["quotes"].lowercased())\n\n"
        out += "\(link(labels["timeline"], "timeline.html")) · \(link(labels["people"], "people.html")) · \(link(labels["quotes"], "quotes.html")) · \(link(labels["graph"], "graph.html")) · \(link(labels["search"], "search.html"))\n\n"
        out += "## \(labels["latest"])\n\n"
        for i in latest {
            let a = d.articles[i]
            let people = (d.articlePeople[a.id] ?? []).prefix(6).compactMap { personLink($0, root: "") }
            out += "- \(link(a.title, "articles/\(a.id).html")) — \(dateText(a.date))"
            if !people.isEmpty { out += "  \n  " + people.joined(separator: " · ") }
            out += "\n"
        }
        if d.articles.count > latest.count {
            out += "\n\(d.articles.count - latest.count) \(labels["more_articles"]) : \(link(labels["timeline"], "timeline.html")) · \(link(labels["search"], "search.html"))\n"
        }
        if !d.notes.isEmpty {
            out += "\n## \(labels["user_notes"])\n\n"
            for n in d.notes.sorted(by: { ($0.date ?? PartialDate(year: 0), $0.title) > ($1.date ?? PartialDate(year: 0), $1.title) }) {
                out += "- \(link(n.title, "notes/\(n.id).html"))" + (n.date.map { " — " + labels.format($0) } ?? "") + "\n"
            }
        }
        out += "\n## \(labels["most_quoted"])\n\n"
        let ranked = mostQuoted
        if ranked.isEmpty { out += labels["none"] + "\n" }
        for p in ranked.prefix(10) {
            let n = quotesByPerson.count(p.id)
            out += "- \(link(p.name, "people/\(p.id).html")) — \(labels.count(n, "quote_count"))\n"
        }
        return Page(path: "index", kind: "index", title: d.site.title, markdown: out, language: nil)
    }

    /// People with at least one quote, most quoted first.
    static func mostQuoted(_ people: [Person], quotesByPerson: QuoteIndex) -> [Person] {
        let quoted: [Person] = people.filter { quotesByPerson.count($0.id) > 0 }
        return quoted.sorted { a, b in
            let na = quotesByPerson.count(a.id)
            let nb = quotesByPerson.count(b.id)
            return na != nb ? na > nb : a.name < b.name
        }
    }

    /// An event's sentence, shortened around its date, the date's words in bold.
    func sentence(_ e: Event) -> String { sentence(e.sentence, dateText: e.dateText) }

    func sentence(_ sentence: String, dateText: String) -> String {
        var out = ""
        appendSentence(sentence, dateText: dateText, to: &out)
        return out
    }

    /// `sentence(_:dateText:)` written at the end of `out` (a timeline page shows hundreds).
    func appendSentence<Out: TextOutputStream>(_ sentence: String, dateText: String, to out: inout Out) {
        var text = sentence
        // Counting characters walks the whole text: only a text of over 260 bytes may need it.
        if text.utf8.count > 260 && text.count > 260 { text = String(text.prefix(250)) + " …" }
        guard let r = Text.firstRange(of: dateText, in: text) else { return out.write(md(text)) }
        out.write(md(String(text[..<r.lowerBound])))
        out.write("**")
        out.write(md(dateText))
        out.write("**")
        out.write(md(String(text[r.upperBound...])))
    }

    func graphPage() -> Page {
        var out = "# \(labels["graph"])\n\n\(md(labels["graph_intro"]))\n\n"
        let counts = d.people.reduce(into: [String: Int]()) { $0[$1.id] = quotesByPerson.count($1.id) }
        if let svg = Charts.graph(d, quoteCounts: counts, labels: labels, root: "") {
            out += "<figure class=\"chart\">\(svg)</figure>\n\n"
        }
        // The text equivalent: the pairs, most shared articles first.
        var pairs: [String: Int] = [:]
        for a in d.articles {
            let ids = (d.articlePeople[a.id] ?? []).sorted()
            for (n, i) in ids.enumerated() { for j in ids[(n + 1)...] { pairs[i + "\u{0}" + j, default: 0] += 1 } }
        }
        out += "## \(labels["pairs"])\n\n"
        for (key, n) in pairs.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).prefix(60) {
            let ids = key.split(separator: "\u{0}").map(String.init)
            guard ids.count == 2, let a = personLink(ids[0], root: ""), let b = personLink(ids[1], root: "") else { continue }
            out += "- \(a) — \(b) : \(labels.count(n, "article_count"))\n"
        }
        return Page(path: "graph", kind: "people", title: labels["graph"], markdown: out, language: nil)
    }

    func searchPage() -> Page {
        var out = "# \(labels["search"])\n\n"
        out += "<form id=\"search-form\" role=\"search\" hidden><label for=\"search-input\">\(Text.html(labels["search_label"]))</label> "
        out += "<input id=\"search-input\" type=\"search\" name=\"q\" autocomplete=\"off\"></form>\n\n"
        out += "<div class=\"noscript\"><noscript><p>\(Text.html(labels["search_noscript"]))</p></noscript></div>\n\n"
        out += "<p id=\"search-status\" role=\"status\"></p>\n\n<ol id=\"search-results\"></ol>\n\n"
        out += "<script src=\"search-index.js\"></script>\n<script src=\"search.js\"></script>\n"
        return Page(path: "search", kind: "search", title: labels["search"], markdown: out, language: nil)
    }

    func note(_ n: Note) -> Page {
        let body = n.body.trimmingCharacters(in: .whitespacesAndNewlines)
        var out = body.hasPrefix("# ") ? "" : "# \(md(n.title))\n\n"
        if let date = n.date { out += "*\(labels.format(date))*\n\n" }
        out += user(body, root: "../")
        return Page(path: "notes/\(n.id)", kind: "note", title: n.title, markdown: out, language: nil)
    }

    func peoplePage() -> Page {
        var out = "# \(labels["people"])\n\n\(link(labels["graph"], "graph.html"))\n\n"
        for p in d.people.sorted(by: { Text.fold($0.name) < Text.fold($1.name) }) {
            let q = quotesByPerson.count(p.id)
            out += "- \(link(p.name, "people/\(p.id).html")) — \(labels.count(q, "quote_count")) · \(labels.count(p.articles.count, "article_count"))\n"
        }
        if d.people.isEmpty { out += labels["none"] + "\n" }
        return Page(path: "people", kind: "people", title: labels["people"], markdown: out, language: nil)
    }
}

/// Each statement group's head links once made, shared by the threads that make pages.
final class HeadLinks: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [Int: [(id: String, link: String)]] = [:]

    func links(ofGroup n: Int, make: () -> [(id: String, link: String)]) -> [(id: String, link: String)] {
        if let known = lock.withLock({ made[n] }) { return known }
        // Made outside the lock: two threads may both make a group's links, equal either way.
        let links = make()
        lock.withLock { made[n] = links }
        return links
    }
}
