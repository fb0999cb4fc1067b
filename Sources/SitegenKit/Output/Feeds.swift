import Foundation

/// The machine-readable companions of the site: the search index, the TimelineJS data, the Atom
/// feed and the sitemap. All of them deterministic, all relative unless `site.yml` gives a base URL.
public enum Feeds {
    /// One point of the timeline: an article's publication or a dated sentence. It holds places
    /// in the dossier, not strings: a big dossier has a million points (`article(in:)`,
    /// `event(in:)` and `people(in:)` read them).
    public struct TimelineItem: Sendable {
        public var date: PartialDate
        public var isPublication: Bool
        /// The article's place in the dossier's articles.
        public var order: Int
        /// The dated sentence's place in the dossier's events, for a point that is not a publication.
        public var event: Int?

        public func article(in d: Dossier) -> Article { d.articles[order] }
        public func event(in d: Dossier) -> Event? { event.map { d.events[$0] } }
        /// The people the point names: its article's, or its sentence's.
        public func people(in d: Dossier) -> [String] {
            if let e = event { return d.events[e].people }
            return d.articlePeople[d.articles[order].id] ?? []
        }
    }

    /// Publications and resolved events, in date order (a month before its days, a year before its months).
    /// Points of the same date: events before publications, then by article and place in it.
    public static func timeline(_ d: Dossier) -> [TimelineItem] {
        // Each event's article is looked up (100,000 of them): by the ids' stable hash.
        let index = FirstPlaces(d.articles.map(\.id))
        return packedTimeline(d, index: index) ?? tupleTimeline(d, index: index)
    }

    /// The place in the dossier's articles of each event's article (nil: none of them), looked up
    /// once for each run of events of the same article (`lookedUpByRuns`).
    static func articlePlaces(of events: [Event], in index: FirstPlaces) -> [Int?] {
        lookedUpByRuns(events.count, key: { events[$0].article }) { index[$0] }
    }

    /// `timeline`, sorting the points by their tuples of fields (for any date).
    static func tupleTimeline(_ d: Dossier, index: FirstPlaces) -> [TimelineItem] {
        // The points sorted by keys made once, then made in that order: a point holds a dozen strings.
        typealias Point = (date: PartialDate, rest: (kind: Int, order: Int, start: Int), event: Int?)
        var points: [Point] = []
        for n in d.articles.indices {
            if let date = d.articles[n].date { points.append((date, (1, n, 0), nil)) }
        }
        let places = articlePlaces(of: d.events, in: index)
        for k in d.events.indices {
            if let date = d.events[k].date, let n = places[k] { points.append((date, (0, n, d.events[k].start), k)) }
        }
        let keys = points.map(\.date.sortKey)
        let sorted = points.indices.sorted { i, j in
            if keys[i] != keys[j] { return keys[i] < keys[j] }
            let a = points[i].rest, b = points[j].rest
            return (a.kind, a.order, a.start, i) < (b.kind, b.order, b.start, j)
        }
        return sorted.map { i in
            TimelineItem(date: points[i].date, isPublication: points[i].event == nil, order: points[i].rest.order, event: points[i].event)
        }
    }

    /// `timeline` with each point's order in two integers (its date's `packedSortKey`; its kind,
    /// article and start), which a sort of 100,000 points compares instead of tuples of a dozen
    /// fields. nil when a field is out of their range: `timeline` then sorts the tuples.
    static func packedTimeline(_ d: Dossier, index: FirstPlaces) -> [TimelineItem]? {
        guard d.articles.count < (1 << 31), d.events.count < (1 << 32) else { return nil }
        // `at`: the article's place for a publication, the event's for an event (points of the
        // same kind, article and start keep the dossier's order, as a stable sort would).
        var keys: [(date: UInt64, rest: UInt64, at: UInt32)] = []
        keys.reserveCapacity(d.articles.count + d.events.count)
        for n in d.articles.indices {
            guard let date = d.articles[n].date else { continue }
            guard let packed = date.packedSortKey else { return nil }
            keys.append((packed, 1 << 63 | UInt64(n) << 32, UInt32(n)))
        }
        let places = articlePlaces(of: d.events, in: index)
        for k in d.events.indices {
            guard let date = d.events[k].date, let n = places[k] else { continue }
            let start = d.events[k].start
            guard let packed = date.packedSortKey, (0..<(1 << 32)).contains(start) else { return nil }
            keys.append((packed, UInt64(n) << 32 | UInt64(start), UInt32(k)))
        }
        keys.sort { ($0.date, $0.rest, $0.at) < ($1.date, $1.rest, $1.at) }
        return keys.map { key in
            let at = Int(key.at)
            if key.rest >> 63 == 1 {
                return TimelineItem(date: d.articles[at].date ?? PartialDate(year: 0), isPublication: true, order: at, event: nil)
            }
            return TimelineItem(date: d.events[at].date ?? PartialDate(year: 0), isPublication: false, order: Int(key.rest >> 32), event: at)
        }
    }

    /// TimelineJS's JSON format: https://timeline.knightlab.com/docs/json-format.html. Its text
    /// fields are HTML, so every text is escaped.
    /// `items`: the timeline when it is already made (`timeline(d, people:)`).
    /// With `keys`, the points are keyed for `PieceReuse`.
    public static func timelineJSON(_ d: Dossier, labels: Labels, items: [TimelineItem]? = nil, keys: FeedKeys? = nil) -> JSON {
        @Sendable func date(_ p: PartialDate) -> JSON {
            var f: [(String, JSON)] = [("year", .string(String(p.year)))]
            if let m = p.month { f.append(("month", .string(String(m)))) }
            if let day = p.day { f.append(("day", .string(String(day)))) }
            if let h = p.hour { f.append(("hour", .string(String(h)))); f.append(("minute", .string(String(p.minute ?? 0)))) }
            return .object(f)
        }
        let all = items ?? timeline(d)
        let point = { @Sendable (i: Int) -> JSON in
            let item = all[i]
            // The fields read where they are: an article or event copied out is a dozen retains.
            let title = d.articles[item.order].title, id = d.articles[item.order].id, event = item.event
            let headline = item.isPublication ? title : (event.map { d.events[$0].dateText } ?? "") + " — " + title
            let text = item.isPublication ? "\(labels["publication"]): <a href=\"articles/\(id).html\">\(Text.html(title))</a>"
                : Text.html(event.map { d.events[$0].sentence } ?? "") + " (<a href=\"articles/\(id).html\">\(Text.html(title))</a>)"
            return .object([
                ("unique_id", .string(event.map { d.events[$0].id } ?? "pub-" + id)),
                ("start_date", date(item.date)),
                ("text", .object([("headline", .string(Text.html(headline))), ("text", .string(text))])),
                ("group", .string(item.isPublication ? labels["publication"] : labels["events"])),
            ])
        }
        let items: JSON = keys.map { keys in
            .keyedArray(count: all.count, key: { keys.timeline.count == all.count ? keys.timeline[$0] : keys.timelineKey(all, $0) }, element: point)
        }
            ?? .lazyArray(count: all.count, element: point)
        return .object([
            ("title", .object([("text", .object([("headline", .string(Text.html(d.site.title))), ("text", .string(Text.html(d.site.description)))]))])),
            ("events", items),
        ])
    }

    /// `search-index.js`: the entries as a JavaScript assignment, loadable by a <script> element
    /// from file:// (where fetch() is not allowed). JSON.serialized escapes "<", ">" and "&".
    /// The file is `searchIndexPrefix`, this JSON (compact), then `searchIndexSuffix`.
    /// With `keys`, the articles and quotes are keyed for `PieceReuse`.
    public static func searchIndex(_ d: Dossier, labels: Labels, keys: FeedKeys? = nil) -> JSON {
        let byPerson = Dictionary(d.people.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let undated = labels["undated"]
        let (na, np, nq) = (d.articles.count, d.people.count, d.quotes.count)
        let entry = { @Sendable (i: Int) -> JSON in
            if i < na {
                let a = d.articles[i]
                let people = (d.articlePeople[a.id] ?? []).compactMap { byPerson[$0] }
                let text = [a.title, a.author ?? "", people.joined(separator: " "), String(Text.prefix(a.text, characters: 2000))].joined(separator: " ")
                return .array([.string("article"), .string(a.title), .string("articles/\(a.id).html"), .string(Text.fold(text)),
                               .string(a.date.map(labels.format) ?? undated)])
            }
            if i < na + np {
                let p = d.people[i - na]
                let text = ([p.name] + p.aliases + p.roles.map(\.text)).joined(separator: " ")
                return .array([.string("person"), .string(p.name), .string("people/\(p.id).html"), .string(Text.fold(text)),
                               .string(p.roles.first?.text ?? "")])
            }
            if i < na + np + nq {
                let q = d.quotes[i - na - np]
                let text = q.text + " " + (q.speakerName ?? "")
                return .array([.string("quote"), .string("« " + q.text + " »"), .string("articles/\(q.article).html#\(q.id)"),
                               .string(Text.fold(text)), .string(q.speakerName ?? "")])
            }
            let n = d.notes[i - na - np - nq]
            return .array([.string("note"), .string(n.title), .string("notes/\(n.id).html"), .string(Text.fold(n.title + " " + n.body)), .string("")])
        }
        let count = na + np + nq + d.notes.count
        let entries: JSON = keys.map { keys in
            let articleKeys = keys.articles, quoteKeys = keys.quotes
            let article = FeedKeys.Tag("search article"), quote = FeedKeys.Tag("search quote")
            return .keyedArray(count: count, key: { i in
                if i < na { return article(articleKeys[i]) }
                if i >= na + np && i < na + np + nq { return quote(quoteKeys[i - na - np]) }
                return nil
            }, element: entry)
        } ?? .lazyArray(count: count, element: entry)
        let labelsJSON = JSON.object(["article", "person", "quote", "note", "results"].map { ($0, .string(labels["search_" + $0])) })
        return JSON.object([("labels", labelsJSON), ("entries", entries)])
    }

    public static let searchIndexPrefix = "window.SITEGEN_SEARCH = "
    /// `dossier.json` and `timeline.json` are laid out down to their lists, one entry per line
    /// (each entry on one line, without spaces): readable with grep and a text editor, diffable,
    /// and a fifth smaller than indenting every field of every entry.
    public static let exportLines = 2
    public static let searchIndexSuffix = ";\n"

    /// XML text: HTML's escaping, without the characters XML 1.0 does not allow.
    static func xml(_ s: String) -> String {
        func banned(_ c: Unicode.Scalar) -> Bool { (c.value < 0x20 && c != "\n" && c != "\t") || c.value == 0xFFFE || c.value == 0xFFFF }
        // Nearly every text has none: it goes to the escaper as it is.
        guard s.unicodeScalars.contains(where: banned) else { return Text.html(s) }
        var allowed = String.UnicodeScalarView()
        for c in s.unicodeScalars where !banned(c) {
            allowed.append(c)
        }
        return Text.html(String(allowed))
    }

    static func timestamp(_ d: PartialDate) -> String {
        let p = PartialDate.padded
        return p(d.year, 4) + "-" + p(d.month ?? 1, 2) + "-" + p(d.day ?? 1, 2) + "T" + p(d.hour ?? 0, 2) + ":" + p(d.minute ?? 0, 2) + ":00Z"
    }

    /// An Atom feed of the articles and notes, newest first. Without a base URL its links are
    /// relative to the feed (valid for any reader that resolves them) and its ids are tag-like URNs.
    public static func atom(_ d: Dossier, labels: Labels) -> String {
        var out: [UInt8] = []
        atom(d, labels: labels) { out += $0 }
        return String(decoding: out, as: UTF8.self)
    }

    /// The Atom feed written in pieces to `sink`. With `keys` and `reuse`, an article's entry
    /// whose key the last build also wrote is copied from that build's feed.
    public static func atom(_ d: Dossier, labels: Labels, keys: FeedKeys? = nil, reuse: PieceReuse? = nil,
                            to sink: ([UInt8]) throws -> Void) rethrows {
        let base = d.site.baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        func href(_ path: String) -> String { (base ?? "") + path }
        func id(_ path: String) -> String { base.map { $0 + path } ?? "urn:sitegen:" + Text.slug(d.site.title) + ":" + path }
        struct Entry { var article: Int?; var title: String; var path: String; var date: PartialDate?; var summary: () -> String; var author: String? }
        // By index: an entry that held its article would copy it (a dozen retains).
        let articles = d.articles
        var entries = articles.indices.map { i in
            Entry(article: i, title: articles[i].title, path: "articles/\(articles[i].id).html", date: articles[i].date,
                  summary: { String(articles[i].paragraphs.first?.text.prefix(400) ?? "") }, author: articles[i].author)
        }
        entries += d.notes.map { n in Entry(article: nil, title: n.title, path: "notes/\(n.id).html", date: n.date, summary: { String(n.body.prefix(400)) }, author: nil) }
        // Newest first, then by path: sorted by keys made once (comparing entries retained their
        // strings and closure at every step).
        let dates = entries.map { ($0.date ?? PartialDate(year: 1970)).sortKey }
        let paths = entries.map(\.path)
        let order = entries.indices.sorted { i, j in dates[i] != dates[j] ? dates[i] > dates[j] : paths[i] < paths[j] }
        entries = order.map { entries[$0] }
        let latest = entries.compactMap(\.date).max() ?? PartialDate(year: 1970, month: 1, day: 1)
        var head = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(xml(d.site.language))\">\n"
        head += "  <title>\(xml(d.site.title))</title>\n"
        if !d.site.description.isEmpty { head += "  <subtitle>\(xml(d.site.description))</subtitle>\n" }
        head += "  <id>\(xml(id("")))</id>\n  <updated>\(timestamp(latest))</updated>\n"
        head += "  <link rel=\"self\" href=\"\(xml(href("feed.xml")))\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"\(xml(href("index.html")))\"/>\n"
        head += "  <author><name>\(xml(d.site.title))</name></author>\n  <generator>sitegen</generator>\n"
        var out = Array(head.utf8)
        var flushed = 0
        func entry(_ e: Entry) -> String {
            var s = "  <entry>\n    <title>\(xml(e.title))</title>\n    <id>\(xml(id(e.path)))</id>\n"
            s += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(xml(href(e.path)))\"/>\n"
            s += "    <updated>\(timestamp(e.date ?? latest))</updated>\n"
            if let a = e.author { s += "    <author><name>\(xml(a))</name></author>\n" }
            return s + "    <summary>\(xml(e.summary()))</summary>\n  </entry>\n"
        }
        let atom = FeedKeys.Tag("atom")
        for e in entries {
            if let keys, let reuse, let i = e.article {
                // An undated entry shows the newest date as its own.
                var h = StableHash()
                h.add(atom(keys.articles[i]))
                if e.date == nil { h.add(latest) }
                reuse.piece(h.value, into: &out, flushed: flushed) { entry(e) }
            } else {
                out += entry(e).utf8
            }
            if out.count >= 1 << 20 { try sink(out); flushed += out.count; out.removeAll(keepingCapacity: true) }
        }
        out += "</feed>\n".utf8
        try sink(out)
    }

    /// `sitemap.xml`, only when `site.yml` gives `base_url` (a sitemap needs absolute URLs).
    public static func sitemap(_ d: Dossier, paths: [String]) -> String? {
        guard let raw = d.site.baseURL, !raw.isEmpty else { return nil }
        let base = raw.hasSuffix("/") ? raw : raw + "/"
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for p in paths.sorted() { out += "  <url><loc>\(xml(base + p + ".html"))</loc></url>\n" }
        return out + "</urlset>\n"
    }
}
