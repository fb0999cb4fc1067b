import Foundation

/// `public/dossier.json`: the machine-readable dossier. Its core keys follow the contract of the
/// evaluation script (articles, people, quotes); the rest adds evidence and structure.
public enum DossierExport {
    public static let formatVersion = 1

    /// With `keys`, the long arrays are keyed for `PieceReuse`.
    public static func json(_ d: Dossier, reported: [Quote], generator: String, keys: FeedKeys? = nil) -> JSON {
        func array(_ count: Int, _ tag: String, _ key: (FeedKeys) -> [UInt64], _ element: @escaping @Sendable (Int) -> JSON) -> JSON {
            guard let keys else { return .lazyArray(count: count, element: element) }
            let list = key(keys), tagged = FeedKeys.Tag(tag)
            return .keyedArray(count: count, key: { tagged(list[$0]) }, element: element)
        }
        var quoteCount: [String: Int] = [:]
        for i in d.quotes.indices { if let s = d.quotes[i].speaker { quoteCount[s, default: 0] += 1 } }
        let quoteCounts = quoteCount
        return .object([
            ("format", .int(formatVersion)),
            ("generator", .string(generator)),
            ("site", .object([
                ("title", .string(d.site.title)),
                ("description", .string(d.site.description)),
                ("language", .string(d.site.language)),
            ])),
            ("articles", array(d.articles.count, "dossier articles", \.articles) { i in
                let a = d.articles[i]
                return .object([
                    ("id", .string(a.id)),
                    ("source", .string(a.source)),
                    ("title", .string(a.title)),
                    ("date", .optional(a.date?.iso)),
                    ("author", .optional(a.author)),
                    ("language", .string(a.language)),
                    ("url", .optional(a.url)),
                    ("outlet", .optional(a.outlet)),
                    ("page", .string("articles/\(a.id).html")),
                    ("text", .string(a.text)),
                    ("people", .array((d.articlePeople[a.id] ?? []).map(JSON.string))),
                ])
            }),
            ("people", .array(d.people.map { p in
                .object([
                    ("id", .string(p.id)),
                    ("name", .string(p.name)),
                    ("aliases", .array(p.aliases.map(JSON.string))),
                    ("roles", .array(p.roles.map { .object([("role", .string($0.text)), ("article", .string($0.article))]) })),
                    ("articles", .array(p.articles.map(JSON.string))),
                    ("quotes", .int(quoteCounts[p.id] ?? 0)),
                    ("page", .string("people/\(p.id).html")),
                ])
            })),
            ("quotes", array(d.quotes.count, "dossier quotes", \.quotes) { quote(d.quotes, $0) }),
            ("reported", array(reported.count, "dossier reported", \.reported) { quote(reported, $0) }),
            ("statements", .lazyArray(count: d.statementGroups.count) { .array(d.statementGroups[$0].map(JSON.string)) }),
            ("events", array(d.events.count, "dossier events", \.events) { i in
                // The fields read where they are (as `quote`'s).
                .object([
                    ("id", .string(d.events[i].id)),
                    ("article", .string(d.events[i].article)),
                    ("date", .optional(d.events[i].date?.iso)),
                    ("precision", .optional(d.events[i].date?.precision.rawValue)),
                    ("date_text", .string(d.events[i].dateText)),
                    ("resolution", .string(d.events[i].resolution)),
                    ("sentence", .string(d.events[i].sentence)),
                    ("people", .array(d.events[i].people.map(JSON.string))),
                    ("start", .int(d.events[i].start)),
                    ("end", .int(d.events[i].end)),
                ])
            }),
        ])
    }

    /// Quote `i` of `quotes`, its fields read where they are: a quote copied out is each of
    /// its strings retained and released again, beside the retains the entry itself takes.
    @inline(__always) static func quote(_ quotes: [Quote], _ i: Int) -> JSON {
        .object([
            ("id", .string(quotes[i].id)),
            ("article", .string(quotes[i].article)),
            ("text", .string(quotes[i].text)),
            ("kind", .string(quotes[i].kind.rawValue)),
            ("speaker", .optional(quotes[i].speaker)),
            ("speaker_name", .optional(quotes[i].speakerName)),
            ("cue", .string(quotes[i].evidence.cue)),
            ("rule", .string(quotes[i].evidence.rule)),
            ("confidence", .double(quotes[i].evidence.confidence)),
            ("notes", .array(quotes[i].evidence.notes.map(JSON.string))),
            ("start", .int(quotes[i].start)),
            ("end", .int(quotes[i].end)),
        ])
    }
}
