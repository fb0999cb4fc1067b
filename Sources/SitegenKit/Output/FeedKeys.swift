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
    /// By index in the dossier's events: every field of the event (from its `StableHash.of`).
    let events: [UInt64]
    /// By index in the timeline's points (`timelineKey`), once the timeline is made.
    public internal(set) var timeline: [UInt64] = []

    /// `quoteHashes`, `eventHashes`: the hashes of `d`'s quotes and events (`StableHash.of`)
    /// when the build has them (made here otherwise).
    public init(_ d: Dossier, settings: UInt64, quoteHashes: QuoteHashes? = nil, eventHashes: [UInt64]? = nil) {
        self.settings = settings
        let names = Dictionary(d.people.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        // Each element is read in place, by index: a copy of an article, a quote or an event is a
        // dozen retains.
        let all = d.articles
        articles = Parallel.map(Array(all.indices)) { n in
            var h = StableHash()
            withUnsafeBytes(of: settings) { h.add($0) }
            let id = all[n].id
            h.add(id); h.add(all[n].source); h.add(all[n].title); h.add(all[n].author ?? "\u{1}"); h.add(all[n].language)
            h.add(all[n].url ?? "\u{1}"); h.add(all[n].outlet ?? "\u{1}")
            h.add(all[n].date)
            h.addText(of: all, at: n, readKey: d.readKeys[id])
            for id in d.articlePeople[id] ?? [] { h.add(id); h.add(names[id] ?? "\u{1}") }
            return h.value
        }
        /// A quote's or an event's key from the hash of its fields (`StableHash.of`).
        @Sendable func elementKey(_ content: UInt64) -> UInt64 {
            var h = StableHash()
            withUnsafeBytes(of: settings) { h.add($0) }
            h.add(content)
            return h.value
        }
        let content = quoteHashes.flatMap { $0.count == d.quotes.count ? $0.content : nil }
            ?? Parallel.map(Array(d.quotes.indices)) { StableHash.of(d.quotes, at: $0) }
        quoteContent = content
        quotes = content.map(elementKey)
        reported = d.reported.indices.map { elementKey(StableHash.of(d.reported, at: $0)) }
        self.events = (eventHashes.flatMap { $0.count == d.events.count ? $0 : nil } ?? StableHash.of(d.events)).map(elementKey)
    }

    /// Keys for one array of one file (the same element in two arrays gets two keys): the tag
    /// is hashed once, then each key added to it, one mix for each of a feed's hundreds of
    /// thousands of elements.
    struct Tag: Sendable {
        private let start: StableHash

        init(_ tag: String) {
            var h = StableHash()
            h.add(tag)
            start = h
        }

        func callAsFunction(_ key: UInt64) -> UInt64 {
            var h = start
            withUnsafeBytes(of: key) { h.add($0) }
            return h.value
        }
    }

    /// These keys with the timeline's points keyed too.
    func with(timeline items: [Feeds.TimelineItem]) -> FeedKeys {
        var keys = self
        keys.timeline = items.indices.map { self.timelineKey(items, $0) }
        return keys
    }

    /// The key of a timeline point: its date and kind, and the keys of its article and its
    /// event, which hold all they show (id, title; id, date's words, sentence) and more. Made
    /// from those keys, not from their strings: a big dossier has a million points.
    func timelineKey(_ items: [Feeds.TimelineItem], _ i: Int) -> UInt64 {
        var h = StableHash()
        withUnsafeBytes(of: settings) { h.add($0) }
        h.add(int: items[i].isPublication ? 1 : 2)
        h.add(items[i].date)
        let n = items[i].order
        precondition(articles.indices.contains(n) && items[i].event.map(events.indices.contains) ?? true,
                     "a timeline point keyed with the keys of another dossier")
        h.add(articles[n])
        if let e = items[i].event { h.add(events[e]) }
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
