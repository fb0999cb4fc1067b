import Foundation

/// The quotes and timeline pages, split into pages of about `PageBuilder.listPageSize` entries
/// (a page ends with a month of the timeline or of a speaker's quotes; a long month's pages end
/// with a day):
/// a dossier of 10,000 articles has 80,000 quotes, and one page of them would be 30 MB, which no
/// phone opens and no reader scrolls. The first page keeps the address `quotes.html` /
/// `timeline.html`; the next are `quotes-2.html`, `quotes-3.html`... with a pager on each.
struct ListPlan: Sendable {
    /// One entry of a list page, under a section heading.
    enum Entry: Sendable {
        case group(Int)            // a same-statement group (its number in statementGroups)
        case quote(Int)            // a quote (its number in the dossier's quotes)
        case item(Int)             // a timeline point (its number in `timelineItems`)
        case unresolved(Int)       // a dated sentence whose date is not known (its number in the dossier's events)
        case undated(Int)          // an article without a date (its number in the dossier's articles)
    }

    struct Section: Sendable {
        /// The Markdown heading, and what follows it once (an explanation).
        var heading: String
        var intro: String = ""
        var entries: [Entry]
    }

    var sections: [Section]
    /// Pages as (section, first entry) to (section, end entry), in order.
    var pages: [(start: (Int, Int), end: (Int, Int))] = []

    /// `run`: entries with the same non-nil run (the same month of a timeline) stay on one page
    /// when they can: a full page ends where the run changes. `part`: within a run longer than
    /// two pages, a page ends where the part changes (a day of the month), at three times its
    /// size at most. Pages then keep their first entries when an entry is added or moved
    /// elsewhere, and a rebuild after a new date makes two pages again, not every page between
    /// the old and the new place.
    init(sections: [Section], pageSize: Int, weight: (Entry) -> Int = { _ in 1 }, run: (Entry) -> Int? = { _ in nil },
         part: (Entry) -> Int? = { _ in nil }) {
        self.sections = sections
        var start = (0, 0)
        var filled = 0
        for (si, s) in sections.enumerated() {
            var previous: (run: Int?, part: Int?) = (nil, nil)
            for (ei, e) in s.entries.enumerated() {
                let current = (run: run(e), part: part(e))
                let sameRun = ei > 0 && current.run != nil && current.run == previous.run
                let samePart = sameRun && current.part != nil && current.part == previous.part
                if filled >= pageSize && (!sameRun || (filled >= 2 * pageSize && !samePart) || filled >= 3 * pageSize) {
                    pages.append((start, (si, ei)))
                    start = (si, ei)
                    filled = 0
                }
                filled += weight(e)
                previous = current
            }
        }
        pages.append((start, (sections.count, 0)))
    }

    /// The entries of page `n` (0-based), with their section and place in it.
    func entries(ofPage n: Int) -> [(section: Int, index: Int, entry: Entry)] {
        var out: [(Int, Int, Entry)] = []
        forEachEntry(ofPage: n) { out.append(($0, $1, $2)) }
        return out
    }

    /// `body(section, index in section, entry)` for each entry of page `n`, without a list.
    func forEachEntry(ofPage n: Int, _ body: (Int, Int, Entry) -> Void) {
        guard n < pages.count else { return }
        let (start, end) = pages[n]
        var si = start.0, ei = start.1
        while si < sections.count && (si, ei) < end {
            if ei < sections[si].entries.count {
                body(si, ei, sections[si].entries[ei])
                ei += 1
            } else {
                si += 1
                ei = 0
            }
        }
    }
}

extension PageBuilder {
    /// How many entries a list page holds, about (it ends with a month or a day: three times as
    /// many at most). 250 quotes are about 50 KB of HTML, light on a phone; and a rebuild after
    /// an entry moves renders two such pages again, where pages of 1,000 cost it a tenth of its time.
    public static let listPageSize = 250

    static func listPath(_ base: String, _ n: Int) -> String { n == 0 ? base : "\(base)-\(n + 1)" }

    /// "Pages : 1 · [2](quotes-2.html) · [3](quotes-3.html)", or nothing for a single page. Long
    /// runs show the first and last pages and three on each side of this one.
    func pager(_ base: String, page n: Int, of count: Int) -> String {
        guard count > 1 else { return "" }
        var links: [String] = []
        var skipped = false
        for i in 0..<count {
            guard i == 0 || i == count - 1 || abs(i - n) <= 3 else {
                if !skipped { links.append("…") }
                skipped = true
                continue
            }
            skipped = false
            links.append(i == n ? "**\(i + 1)**" : link(String(i + 1), Self.listPath(base, i) + ".html"))
        }
        return "<nav class=\"pager\" aria-label=\"\(Text.html(labels["pages"]))\">\n\n\(labels["pages"]) : " + links.joined(separator: " · ") + "\n\n</nav>\n\n"
    }

    func listTitle(_ key: String, page n: Int, of count: Int) -> String {
        count > 1 ? "\(labels[key]) (\(n + 1)/\(count))" : labels[key]
    }

    // MARK: - Quotes

    /// `quoteArticle`: each quote's article, by its place in the dossier (-1: none).
    static func quotesPlan(_ d: Dossier, mostQuoted: [Person], quotesByPerson: QuoteIndex, quoteArticle: [Int],
                           chronological: ([Int]) -> [Int], labels: Labels, pageSize: Int) -> ListPlan {
        var sections: [ListPlan.Section] = []
        let md = Text.markdownInline
        func link(_ text: String, _ href: String) -> String { "[\(md(text))](\(Text.markdownURL(href)))" }
        if !d.statementGroups.isEmpty {
            sections.append(.init(heading: "## \(labels["same_statement"])", entries: d.statementGroups.indices.map(ListPlan.Entry.group)))
        }
        for p in mostQuoted {
            sections.append(.init(heading: "## \(link(p.name, "people/\(p.id).html"))",
                                  entries: chronological(quotesByPerson.indices[p.id] ?? []).map(ListPlan.Entry.quote)))
        }
        let others = d.quotes.indices.filter { d.quotes[$0].speaker == nil }
        let byName = Grouping.indices(others) { d.quotes[$0].speakerName }
        for name in byName.keys.sorted() {
            sections.append(.init(heading: "## \(md(name))", entries: chronological(byName[name] ?? []).map(ListPlan.Entry.quote)))
        }
        let nobody = others.filter { d.quotes[$0].speakerName == nil }
        if !nobody.isEmpty {
            sections.append(.init(heading: "## \(labels["unattributed"])", entries: chronological(nobody).map(ListPlan.Entry.quote)))
        }
        // A speaker's quotes of one month stay on one page, as on the timeline: a new date for an
        // article moves its quotes to another page without moving every quote in between.
        let months = d.articles.indices.map { i in d.articles[i].date.map { $0.year * 13 + ($0.month ?? 0) } }
        return ListPlan(sections: sections, pageSize: pageSize, weight: { e in
            if case .group(let n) = e { return d.statementGroups[n].count }
            return 1
        }, run: { e in
            guard case .quote(let i) = e, quoteArticle[i] >= 0 else { return nil }
            return months[quoteArticle[i]]
        })
    }

    func quotesPage(_ n: Int) -> Page {
        let plan = quotesPlan
        var out = MarkdownText("# \(listTitle("quotes", page: n, of: plan.pages.count))\n\n" + pager("quotes", page: n, of: plan.pages.count))
        // The quotes are read where they are (`appendQuoteItem`).
        func line(_ i: Int) {
            guard let a = articleOrder[d.quotes[i].article] else { return }
            appendQuoteItem(quote: i, of: a, root: "", to: &out)
            if d.quotes[i].note != nil {
                out += "\n"
                out += quoteNote(d.quotes[i].note, root: "", indent: 2)
            }
        }
        var section = -1
        for (si, index, entry) in plan.entries(ofPage: n) {
            if si != section {
                if section >= 0 { out += "\n" }
                section = si
                out += plan.sections[si].heading + (index > 0 ? " (\(labels["continued"]))" : "") + "\n\n"
            }
            switch entry {
            case .group(let g):
                let members = d.statementGroups[g].compactMap { quoteIndex[$0] }
                guard let first = members.first else { continue }
                out += "- \(speakerText(speaker: d.quotes[first].speaker, name: d.quotes[first].speakerName, root: ""))\n"
                for i in members {
                    guard let a = articleOrder[d.quotes[i].article] else { continue }
                    out += "  "
                    appendQuoteItem(quote: i, of: a, root: "", to: &out)
                }
            case .quote(let i): line(i)
            default: break
            }
        }
        out += "\n" + pager("quotes", page: n, of: plan.pages.count)
        return Page(path: Self.listPath("quotes", n), kind: "quotes", title: listTitle("quotes", page: n, of: plan.pages.count),
                    markdown: out, language: nil)
    }

    // MARK: - Timeline

    static func timelinePlan(_ d: Dossier, items: [Feeds.TimelineItem], labels: Labels, pageSize: Int) -> ListPlan {
        let md = Text.markdownInline
        var sections = [ListPlan.Section(heading: "", entries: items.indices.map(ListPlan.Entry.item))]
        // By index: entries that held events and articles copied each (a dozen retains).
        let unresolved = d.events.indices.filter { d.events[$0].date == nil }
        // The dates to settle and the undated articles have no months: their pages end where an
        // article whose id's hash is a multiple of 16 begins (one in sixteen, wherever it is in
        // the list), so that an entry added or removed changes its page and not the next ones.
        func anchored(_ ids: [String]) -> [Int] {
            var group = 0
            var previous: String?
            return ids.map { id in
                if id != previous {
                    var h = StableHash()
                    h.add(id)
                    if h.value % 16 == 0 { group += 1 }
                    previous = id
                }
                return group
            }
        }
        let unresolvedRun = Dictionary(zip(unresolved, anchored(unresolved.map { d.events[$0].article })), uniquingKeysWith: { a, _ in a })
        if !unresolved.isEmpty {
            sections.append(.init(heading: "## \(labels["to_date"])", intro: md(labels["to_date_hint"]) + "\n\n",
                                  entries: unresolved.map(ListPlan.Entry.unresolved)))
        }
        let undated = d.articles.indices.filter { d.articles[$0].date == nil }
        let undatedRun = Dictionary(zip(undated, anchored(undated.map { d.articles[$0].id })), uniquingKeysWith: { a, _ in a })
        if !undated.isEmpty {
            sections.append(.init(heading: "## \(labels["undated"])", intro: md(labels["how_to_date"]) + "\n\n",
                                  entries: undated.map(ListPlan.Entry.undated)))
        }
        // A month's points stay on one page, or a day's in a month of more than two pages.
        return ListPlan(sections: sections, pageSize: pageSize, run: { entry in
            switch entry {
            case .item(let i): return items[i].date.year * 13 + (items[i].date.month ?? 0)
            case .unresolved(let e): return unresolvedRun[e]
            case .undated(let a): return undatedRun[a]
            default: return nil
            }
        }, part: { entry in
            guard case .item(let i) = entry else { return nil }
            return items[i].date.day ?? 0
        })
    }

    func timelinePage(_ n: Int) -> Page {
        let plan = timelinePlan
        let count = plan.pages.count
        var out = MarkdownText("# \(listTitle("timeline", page: n, of: count))\n\n")
        if n == 0, let svg = Charts.timeline(timelineItems, in: d, labels: labels, root: "") {
            out += "<figure class=\"chart\">\(svg)</figure>\n\n"
        }
        out += pager("timeline", page: n, of: count)
        var year = -1, month = -1
        var section = -1
        for (si, index, entry) in plan.entries(ofPage: n) {
            if si != section {
                section = si
                if si > 0 {
                    out += "\n" + plan.sections[si].heading + (index > 0 ? " (\(labels["continued"]))" : "") + "\n\n"
                    if index == 0 { out += plan.sections[si].intro }
                }
            }
            switch entry {
            case .item(let i):
                let item = timelineItems[i]
                let date = item.date
                if date.year != year {
                    year = date.year; month = -1
                    out += "\n## \(year)\n\n"
                }
                if let m = date.month, m != month {
                    month = m
                    out += "\n### \(labels.monthTitle(year: date.year, month: m))\n\n"
                }
                // Written piece by piece: a timeline page has hundreds of points. The article and
                // event are read where they are (copied out, each would be a dozen retains).
                let a = item.order
                if item.isPublication {
                    out += "- **"
                    out += labels.format(date)
                    out += "** · *"
                    out += labels["publication"]
                    out += "* — "
                    Self.appendLink(d.articles[a].title, href: ["articles/", d.articles[a].id, ".html"], to: &out)
                } else if let e = item.event {
                    out += "- **"
                    out += labels.format(date)
                    out += "** — "
                    appendSentence(d.events[e].sentence, dateText: d.events[e].dateText, to: &out)
                    out += " — "
                    Self.appendLink(d.articles[a].title, href: ["articles/", d.articles[a].id, ".html"], to: &out)
                }
                // The first six people named, those with a page.
                var named = 0
                for id in item.people(in: d).prefix(6) {
                    guard let link = personLink(id, root: "") else { continue }
                    out += named == 0 ? "  \n  " : " · "
                    out += link
                    named += 1
                }
                out += "\n"
            case .unresolved(let i):
                let e = d.events[i]
                guard let a = articleOrder[e.article] else { continue }
                out += "- \(sentence(e)) — \(link(d.articles[a].title, "articles/\(d.articles[a].id).html"))\n"
            case .undated(let i):
                let a = d.articles[i]
                out += "- \(link(a.title, "articles/\(a.id).html")) — \(md(a.source))\n"
            default: break
            }
        }
        if count > 1 { out += "\n" + pager("timeline", page: n, of: count) }
        return Page(path: Self.listPath("timeline", n), kind: "timeline", title: listTitle("timeline", page: n, of: count),
                    markdown: out, language: nil)
    }
}

// MARK: - What an article page is made from

extension StableHash {
    /// An article's text and removed lines: its read key when the build has one (they follow
    /// from it), else the text and lines themselves.
    mutating func addText(of articles: [Article], at n: Int, readKey: String?) {
        if let readKey {
            add("read " + readKey)
            return
        }
        for p in articles[n].paragraphs { add(p.kind.rawValue); add(p.text) }
        for x in articles[n].dropped { add(int: x.line); add(x.rule); add(x.text) }
    }
}

extension PageBuilder {
    /// A key of everything an article's page is made from: the article, its commentary, people,
    /// quotes (with their speakers' names and the other sources of their statements), reported
    /// and rejected quotes. nil when the page holds user Markdown with [[links]] (which depend on
    /// the whole dossier): that page is always made again. Made from the feeds' keys of the
    /// article (its fields, text and people's names) and of its quotes (`keys`, of this
    /// dossier), and what they do not hold.
    func inputKey(ofArticleAt n: Int, keys: FeedKeys) -> UInt64? {
        guard keys.articles.count == d.articles.count, keys.quoteContent.count == d.quotes.count else { return nil }
        // The article is read in place, by index: a copy of it is a dozen retains.
        let articles = d.articles
        let id = articles[n].id
        var h = StableHash()
        let commentary = d.commentary[id]
        if let c = commentary, c.contains("[[") { return nil }
        h.add(keys.articles[n])
        h.add(articles[n].dateSource ?? "\u{1}"); h.add(articles[n].isMarkdown ? "md" : "txt"); h.add(commentary ?? "\u{1}")
        for t in articles[n].tags { h.add(t) }
        // Quotes are read in place (by index): a copy of a quote or an article is a dozen retains.
        // `group`: the quote's statement group, known from the index for the dossier's quotes.
        func add(_ quotes: [Quote], _ i: Int, hash: UInt64?, group: Int?) -> Bool {
            if let n = quotes[i].note, n.contains("[[") { return false }
            h.add(hash ?? StableHash.of(quotes, at: i))
            h.add(quotes[i].speaker.flatMap { personLinks[$0]?.name } ?? "\u{1}")
            // "Also reported in": the group's size and first sources, which with the quote's id
            // (in its hash) make the line.
            if let g = group { h.add(groupKeys[g]) } else { h.add("\u{1}") }
            return true
        }
        for i in quotesByArticle.indices[id] ?? [] where !add(d.quotes, i, hash: keys.quoteContent[i], group: groupOfQuoteAt[i]) { return nil }
        for i in rejectedByArticle.indices[id] ?? [] where !add(d.rejected, i, hash: nil, group: group(ofQuote: d.rejected[i].id)) { return nil }
        for i in reportedByArticle.indices[id] ?? [] where !add(d.reported, i, hash: nil, group: group(ofQuote: d.reported[i].id)) { return nil }
        return h.value
    }

    /// Each article's `inputKey(ofArticleAt:)`, by its place in the dossier. `keys`: the feeds'
    /// keys of this dossier (made here when not given).
    func articleKeys(_ keys: FeedKeys? = nil) -> [UInt64?] {
        let keys = keys ?? FeedKeys(d, settings: 0)
        return Parallel.map(Array(d.articles.indices)) { inputKey(ofArticleAt: $0, keys: keys) }
    }
}

// MARK: - What the other pages are made from

extension PageBuilder {
    /// The key of a person, quotes, timeline, index or graph page from the keys of the articles
    /// it shows (`articleKeys`, by article place: `articleKeys()`) and its own inputs, so
    /// that a rebuild knows it unchanged without making it. nil: made again every build (another
    /// kind of page, or an article behind it that is always made again).
    ///
    /// An article's key covers its title, date, people (with names) and quotes (with speakers and
    /// the other sources of their statements): a page lists the articles it draws from, and adds
    /// what it shows that no article key holds (a person's own fields, a timeline point's event).
    /// `keys`: the feeds' keys of this dossier, with the timeline's (`FeedKeys.with(timeline:)`):
    /// a timeline point is added as its key, a quote as its hash (which holds its id).
    func inputKey(_ job: Job, articleKeys: [UInt64?], keys: FeedKeys) -> UInt64? {
        let timelineKeys = keys.timeline, hashes = keys.quoteContent
        guard timelineKeys.count == timelineItems.count, hashes.count == d.quotes.count, articleKeys.count == d.articles.count else { return nil }
        var h = StableHash()
        var complete = true
        /// An article behind the page, by its place: its key (which holds its id).
        func article(at n: Int) {
            if let k = articleKeys[n] { h.add(k) } else { complete = false }
        }
        /// An article behind the page, by id (a missing article is a fact too).
        func article(_ id: String) {
            if let n = articleOrder[id] { article(at: n) } else { h.add(id); h.add("\u{1}missing") }
        }
        /// A quote of the dossier, by index, and its article.
        func quote(at i: Int) {
            h.add(hashes[i])
            if quoteArticle[i] >= 0 { article(at: quoteArticle[i]) } else { article(d.quotes[i].article) }
        }
        func quote(_ q: borrowing Quote) { h.add(q.id); article(q.article) }
        switch job {
        case .person(let i):
            let p = d.people[i]
            h.add("person page")
            for part in [p.id, p.name, p.note] { h.add(part) }
            h.add("aliases \(p.aliases.count)"); for a in p.aliases { h.add(a) }
            h.add("roles \(p.roles.count)"); for r in p.roles { h.add(r.text); article(r.article) }
            let quoted = quotesByPerson.indices[p.id] ?? []
            h.add("quotes \(quoted.count)"); for q in quoted { quote(at: q) }
            let reported = reportedByPerson.indices[p.id] ?? []
            h.add("reported \(reported.count)"); for i in reported { quote(d.reported[i]) }
            // The articles that mention the person; theirs keys hold who else they name.
            h.add("articles \(p.articles.count)"); for a in p.articles { article(a) }
        case .quotes(let n):
            h.add("quotes page \(n) of \(quotesPlan.pages.count)")
            var section = -1
            quotesPlan.forEachEntry(ofPage: n) { si, index, entry in
                if si != section { section = si; h.add("section \(si) \(index == 0)"); h.add(quotesPlan.sections[si].heading) }
                switch entry {
                case .group(let g):
                    h.add("group \(d.statementGroups[g].count)")
                    for (k, q) in groupMembers[g].enumerated() { if q >= 0 { quote(at: q) } else { h.add("\u{1}" + d.statementGroups[g][k]) } }
                case .quote(let i): quote(at: i)
                default: break
                }
            }
        case .timeline(let n):
            h.add("timeline page \(n) of \(timelinePlan.pages.count)")
            // The names of the people its points show (each point adds their ids).
            h.add(namesKey)
            if n == 0 {
                // The chart: every point of the timeline (date, kind, title, sentence).
                h.add("chart \(timelineItems.count)")
                for k in timelineKeys { h.add(k) }
            }
            var section = -1
            timelinePlan.forEachEntry(ofPage: n) { si, index, entry in
                if si != section {
                    section = si
                    h.add("section \(si) \(index == 0)"); h.add(timelinePlan.sections[si].heading); h.add(timelinePlan.sections[si].intro)
                }
                switch entry {
                case .item(let i):
                    // The people a point names are in its key already (its event's key holds the
                    // event's people), or in its article's (which holds the article's people).
                    h.add(timelineKeys[i])
                    if timelineItems[i].isPublication { article(at: timelineItems[i].order) }
                case .unresolved(let e): h.add(d.events[e].sentence); h.add(d.events[e].dateText); article(d.events[e].article)
                case .undated(let a): article(at: a)
                default: break
                }
            }
        case .index:
            // The articles it lists (which follow from every date), and how many there are.
            h.add("index page")
            h.add("articles \(d.articles.count) latest \(latest.count)"); for i in latest { article(at: i) }
            h.add("people \(d.people.count) quotes \(d.quotes.count)")
            for p in d.people { h.add(p.id); h.add(p.name); h.add("\(quotesByPerson.count(p.id))") }
            h.add("notes \(d.notes.count)")
            for note in d.notes { h.add(note.id); h.add(note.title); h.add(note.date?.iso ?? "\u{1}") }
        case .graph:
            // Who is named with whom, and how often each is quoted: not the articles' other fields.
            h.add("graph page")
            for i in d.articles.indices {
                let id = d.articles[i].id
                h.add(id)
                let people = d.articlePeople[id] ?? []
                h.add(int: people.count)
                for p in people { h.add(p) }
            }
            for p in d.people { h.add(p.id); h.add(p.name); h.add("\(quotesByPerson.count(p.id)) \(p.articles.count)") }
        default:
            return nil
        }
        return complete ? h.value : nil
    }
}
