import Foundation

/// Two hashes of each quote of a dossier: `statement`, of the fields the grouping of statements
/// reads (id, article, text, kind, speaker and their name), which key the grouping; `content`,
/// of every field (`StableHash.of`), which key the quote's elements in the feeds and its
/// article's page. Each quote's fields are read once: the extraction makes the hashes of the
/// quotes it makes, beside them, and takes those of the articles it keeps from the last
/// extraction's; a rebuild whose extraction is the last build's takes them all from the cache
/// (80,000 quotes' fields hashed twice were a twentieth of a 10,000-article rebuild's CPU). Made
/// again, on both cores, for quotes the user's annotations correct or add.
public struct QuoteHashes: Sendable, Equatable {
    public private(set) var statement: [UInt64]
    public private(set) var content: [UInt64]

    public var count: Int { content.count }

    public init(_ quotes: [Quote]) {
        let both = Parallel.map(Array(quotes.indices)) { i in
            let statement = StableHash.statement(of: quotes, at: i)
            return (statement, StableHash.of(quotes, at: i, statement: statement))
        }
        statement = both.map(\.0)
        content = both.map(\.1)
    }

    /// Those of a few quotes (an article's), on the calling thread.
    init(serially quotes: [Quote]) {
        let statement = quotes.indices.map { StableHash.statement(of: quotes, at: $0) }
        self.statement = statement
        content = quotes.indices.map { StableHash.of(quotes, at: $0, statement: statement[$0]) }
    }

    /// Hashes put together from parts (lists of the same length).
    init(statement: [UInt64], content: [UInt64]) {
        precondition(statement.count == content.count, "one statement hash and one content hash for each quote")
        self.statement = statement
        self.content = content
    }

    /// No quotes.
    static let none = QuoteHashes(statement: [], content: [])

    /// The lists moved out, for editing in place (the hashes are empty after).
    mutating func takeStatement() -> [UInt64] { take(&statement, []) }
    mutating func takeContent() -> [UInt64] { take(&content, []) }

    /// Hashes read back from the cache; nil unless both lists have one hash for each of `count` quotes.
    init?(statement: [UInt64], content: [UInt64], count: Int) {
        guard statement.count == count, content.count == count else { return nil }
        self.statement = statement
        self.content = content
    }
}

extension StableHash {
    /// The hash of the fields of `quotes[i]` that the grouping of statements reads, read in place
    /// (a copy of a quote is a dozen retains). An absent speaker differs from an empty one.
    static func statement(of quotes: [Quote], at i: Int) -> UInt64 {
        var h = StableHash()
        h.add(quotes[i].id); h.add(quotes[i].article); h.add(quotes[i].text); h.add(quotes[i].kind.rawValue)
        h.add(quotes[i].speaker ?? "\u{1}"); h.add(quotes[i].speakerName ?? "\u{1}")
        return h.value
    }

    /// The hash of every field of `quotes[i]`, read in place: its `statement` hash (given when
    /// made already), then the others.
    static func of(_ quotes: [Quote], at i: Int, statement: UInt64? = nil) -> UInt64 {
        var h = StableHash()
        h.add(statement ?? Self.statement(of: quotes, at: i))
        h.add(quotes[i].evidence.cue); h.add(quotes[i].evidence.rule); h.add(quotes[i].evidence.confidence.bitPattern)
        h.add(quotes[i].note ?? "\u{1}")
        h.add(int: quotes[i].start); h.add(int: quotes[i].end); h.add(int: quotes[i].paragraph)
        h.add(int: quotes[i].evidence.notes.count)
        for n in quotes[i].evidence.notes { h.add(n) }
        return h.value
    }
}

extension StableHash {
    /// The hash of every field of `events[i]`, read in place: what keys the event's elements in
    /// the feeds. A rebuild whose extraction is the last build's takes these from the cache and
    /// makes again only those of the events it re-dated (`Builder.redate`).
    static func of(_ events: [Event], at i: Int) -> UInt64 {
        var h = StableHash()
        h.add(events[i].id); h.add(events[i].article); h.add(events[i].dateText); h.add(events[i].resolution); h.add(events[i].sentence)
        h.add(events[i].date)
        h.add(int: events[i].start); h.add(int: events[i].end); h.add(int: events[i].paragraph)
        h.add(int: events[i].people.count)
        for p in events[i].people { h.add(p) }
        return h.value
    }

    /// `of(_:at:)` of each event, on both cores.
    static func of(_ events: [Event]) -> [UInt64] {
        Parallel.map(Array(events.indices)) { of(events, at: $0) }
    }
}
