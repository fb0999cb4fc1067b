import Foundation

/// A key of everything each element of the feeds (dossier.json, the search index, TimelineJS
/// data) is made from: with them, a rebuild copies the elements whose key the last build also
/// wrote instead of making them again (see `JSONReuse`). Every key includes `settings` (the
/// sitegen build, the site's configuration): another sitegen or site.yml reuses nothing.
///
/// A key must cover every field its element reads: when an element shows something new, add it
/// here too (the incremental tests compare a rebuild with a clean build after each kind of edit).
public struct FeedKeys: Sendable {
    let settings: UInt64
    /// By index in the dossier's articles: the article's fields, its text, its people (ids and names).
    let articles: [UInt64]
    /// By index in the dossier's quotes and reported quotes: every field of the quote.
    let quotes: [UInt64]
    let reported: [UInt64]
    /// By index in the dossier's events: every field of the event.
    let events: [UInt64]

    public init(_ d: Dossier, settings: UInt64) {
        self.settings = settings
        let names = Dictionary(d.people.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        articles = Parallel.map(Array(d.articles.indices)) { i in
            let a = d.articles[i]
            var h = StableHash()
            withUnsafeBytes(of: settings) { h.add($0) }
            for part in [a.id, a.source, a.title, a.date?.iso ?? "\u{1}", a.author ?? "\u{1}", a.language, a.url ?? "\u{1}",
                         a.outlet ?? "\u{1}"] { h.add(part) }
            for p in a.paragraphs { h.add(p.kind.rawValue); h.add(p.text) }
            for id in d.articlePeople[a.id] ?? [] { h.add(id); h.add(names[id] ?? "\u{1}") }
            return h.value
        }
        @Sendable func quoteKey(_ q: Quote) -> UInt64 {
            var h = StableHash()
            withUnsafeBytes(of: settings) { h.add($0) }
            h.add(q)
            return h.value
        }
        quotes = Parallel.map(d.quotes, quoteKey)
        reported = d.reported.map(quoteKey)
        events = Parallel.map(d.events) { e in
            var h = StableHash()
            withUnsafeBytes(of: settings) { h.add($0) }
            for part in [e.id, e.article, e.date?.iso ?? "\u{1}", e.dateText, e.resolution, e.sentence, "\(e.start) \(e.end) \(e.paragraph)"] {
                h.add(part)
            }
            for p in e.people { h.add(p) }
            return h.value
        }
    }

    /// `key` for one array of one file: the same element in two arrays gets two keys.
    static func tagged(_ key: UInt64, _ tag: String) -> UInt64 {
        var h = StableHash()
        withUnsafeBytes(of: key) { h.add($0) }
        h.add(tag)
        return h.value
    }

    /// The key of a timeline point (made from the point itself: it is small).
    func timelineKey(_ item: Feeds.TimelineItem) -> UInt64 {
        var h = StableHash()
        withUnsafeBytes(of: settings) { h.add($0) }
        h.add(item.isPublication ? "publication" : "event")
        h.add(item.date.iso)
        h.add(item.article.id)
        h.add(item.article.title)
        if let e = item.event { h.add(e.id); h.add(e.dateText); h.add(e.sentence) }
        return h.value
    }
}
