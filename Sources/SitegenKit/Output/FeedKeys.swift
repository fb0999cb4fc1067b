import Foundation

/// A key of everything each element of the feeds (dossier.json, the search index, TimelineJS
/// data, the Atom feed) is made from: with them, a rebuild copies the elements whose key the last build also
/// wrote instead of making them again (see `PieceReuse`). Every key includes `settings` (the
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
    /// By index in the dossier's quotes: every field of the quote, without the settings
    /// (`StableHash.of`); the article pages' keys are made from them too.
    let quoteContent: [UInt64]
    let reported: [UInt64]
    /// By index in the dossier's events: every field of the event.
    let events: [UInt64]
    /// By index in the timeline's points (`timelineKey`), once the timeline is made.
    public internal(set) var timeline: [UInt64] = []

    public init(_ d: Dossier, settings: UInt64) {
        self.settings = settings
        let names = Dictionary(d.people.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        // Each element is read in place, by index (the key functions are inlined): a copy of an
        // article, a quote or an event is a dozen retains.
        @inline(__always) @Sendable func articleKey(_ a: borrowing Article) -> UInt64 {
            var h = StableHash()
            withUnsafeBytes(of: settings) { h.add($0) }
            h.add(a.id); h.add(a.source); h.add(a.title); h.add(a.author ?? "\u{1}"); h.add(a.language); h.add(a.url ?? "\u{1}")
            h.add(a.outlet ?? "\u{1}")
            h.add(a.date)
            h.addText(of: a, readKey: d.readKeys[a.id])
            for id in d.articlePeople[a.id] ?? [] { h.add(id); h.add(names[id] ?? "\u{1}") }
            return h.value
        }
        articles = Parallel.map(Array(d.articles.indices)) { articleKey(d.articles[$0]) }
        /// A quote's key from the hash of its fields (`StableHash.of`).
        @Sendable func quoteKey(_ content: UInt64) -> UInt64 {
            var h = StableHash()
            withUnsafeBytes(of: settings) { h.add($0) }
            h.add(content)
            return h.value
        }
        let content = Parallel.map(Array(d.quotes.indices)) { StableHash.of(d.quotes[$0]) }
        quoteContent = content
        quotes = content.map(quoteKey)
        reported = d.reported.indices.map { quoteKey(StableHash.of(d.reported[$0])) }
        @inline(__always) @Sendable func eventKey(_ e: borrowing Event) -> UInt64 {
            var h = StableHash()
            withUnsafeBytes(of: settings) { h.add($0) }
            h.add(e.id); h.add(e.article); h.add(e.dateText); h.add(e.resolution); h.add(e.sentence)
            h.add(e.date)
            h.add(int: e.start); h.add(int: e.end); h.add(int: e.paragraph)
            h.add(int: e.people.count)
            for p in e.people { h.add(p) }
            return h.value
        }
        events = Parallel.map(Array(d.events.indices)) { eventKey(d.events[$0]) }
    }

    /// `key` for one array of one file: the same element in two arrays gets two keys.
    static func tagged(_ key: UInt64, _ tag: String) -> UInt64 {
        var h = StableHash()
        withUnsafeBytes(of: key) { h.add($0) }
        h.add(tag)
        return h.value
    }

    /// These keys with the timeline's points keyed too.
    func with(timeline items: [Feeds.TimelineItem]) -> FeedKeys {
        var keys = self
        keys.timeline = Parallel.map(Array(items.indices)) { self.timelineKey(items[$0]) }
        return keys
    }

    /// The key of a timeline point (made from the point itself: it is small): its date, kind,
    /// article (id and title) and event (id, date's words, sentence).
    @inline(__always) func timelineKey(_ item: borrowing Feeds.TimelineItem) -> UInt64 {
        var h = StableHash()
        withUnsafeBytes(of: settings) { h.add($0) }
        h.add(item.isPublication ? "publication" : "event")
        h.add(item.date)
        h.add(item.article.id)
        h.add(item.article.title)
        if let e = item.event { h.add(e.id); h.add(e.dateText); h.add(e.sentence) }
        return h.value
    }
}

extension StableHash {
    /// A date at its precision (an unknown part differs from every known one).
    mutating func add(_ d: PartialDate?) {
        guard let d else { add(int: Int.min); return }
        add(int: d.year); add(int: d.month ?? -1); add(int: d.day ?? -1); add(int: d.hour ?? -1); add(int: d.minute ?? -1)
    }
}
