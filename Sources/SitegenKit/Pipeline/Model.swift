import Foundation

/// A calendar date known to some precision: a year, a month, a day, or a day and a time.
/// Never more precise than the source text.
public struct PartialDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?
    public var hour: Int?
    public var minute: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil, hour: Int? = nil, minute: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
        self.hour = self.day == nil ? nil : hour
        self.minute = self.hour == nil ? nil : minute
    }

    public enum Precision: String, Sendable { case year, month, day, time }

    public var precision: Precision {
        if hour != nil { return .time }
        if day != nil { return .day }
        if month != nil { return .month }
        return .year
    }

    /// ISO 8601 at the precision known: 2024, 2024-09, 2024-09-05, 2024-09-05T08:28.
    public var iso: String {
        var s = Self.padded(year, 4)
        if let month { s += "-" + Self.padded(month, 2) } else { return s }
        if let day { s += "-" + Self.padded(day, 2) } else { return s }
        if let hour { s += "T" + Self.padded(hour, 2) + ":" + Self.padded(minute ?? 0, 2) }
        return s
    }

    /// `n` in decimal with leading zeros to `width` digits, as "%0*d" writes it (without
    /// Foundation's formatter, which took a sixth of a rebuild's time for the dates of the feeds).
    static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count - (n < 0 ? 1 : 0)))
        return (n < 0 ? "-" : "") + zeros + digits
    }

    public var description: String { iso }

    /// Parses the ISO forms that `iso` writes (and a date-time with seconds or a zone, which are dropped).
    public init?(iso text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: "T", maxSplits: 1).map(String.init)
        guard let datePart = parts.first else { return nil }
        let ymd = datePart.split(separator: "-").map(String.init)
        guard (1...3).contains(ymd.count), let y = Int(ymd[0]), ymd[0].count == 4 else { return nil }
        var m: Int?, d: Int?, h: Int?, mi: Int?
        if ymd.count > 1 { guard let v = Int(ymd[1]), (1...12).contains(v) else { return nil }; m = v }
        if ymd.count > 2 { guard let v = Int(ymd[2]), (1...31).contains(v) else { return nil }; d = v }
        if parts.count == 2, d != nil {
            let hm = parts[1].prefix(5).split(separator: ":")
            if hm.count == 2, let hv = Int(hm[0]), let mv = Int(hm[1]), (0...23).contains(hv), (0...59).contains(mv) { h = hv; mi = mv }
        }
        self.init(year: y, month: m, day: d, hour: h, minute: mi)
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        // Tuples, not arrays: a sort of 100,000 timeline points compares two million times.
        a.sortKey < b.sortKey
    }

    /// The date as a tuple that orders and equals as the date does (a month before its days).
    var sortKey: (Int, Int, Int, Int, Int) { (year, month ?? 0, day ?? 0, hour ?? -1, minute ?? -1) }

    /// `sortKey` in one integer that orders as it does, for a date whose fields are in range
    /// (a year from 0 to 65,535; nil otherwise): a sort of 100,000 points compares integers.
    var packedSortKey: UInt64? {
        let (y, m, d, h, mi) = sortKey
        guard (0...0xFFFF).contains(y), (0...0xFF).contains(m), (0...0xFF).contains(d), (-1...0xFE).contains(h), (-1...0xFE).contains(mi) else { return nil }
        return UInt64(y) << 48 | UInt64(m) << 40 | UInt64(d) << 32 | UInt64(h + 1) << 24 | UInt64(mi + 1) << 16
    }
}

/// A line of the input that cleaning dropped, and the rule that dropped it.
public struct DroppedLine: Hashable, Sendable {
    public var line: Int
    public var text: String
    public var rule: String
}

/// One paragraph of an article's cleaned body.
public struct Paragraph: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable { case text, heading }
    public var text: String
    public var kind: Kind
    /// 1-based line of the source file where the paragraph starts.
    public var line: Int
}

/// An article after reading and cleaning.
public struct Article: Hashable, Sendable {
    public var id: String
    /// Input path, relative to the folder that holds Content/ (for example `Content/articles/a.txt`).
    public var source: String
    public var title: String
    public var date: PartialDate?
    public var dateSource: String?
    public var author: String?
    public var language: String
    public var url: String?
    public var outlet: String?
    public var tags: [String]
    /// Markdown body when the article was written as `.md`; rendered as such.
    public var isMarkdown: Bool
    /// The paragraphs and removed lines, which a rebuild mostly never reads (`ArticleBody`).
    var body: ArticleBody

    public var paragraphs: [Paragraph] {
        get { body.contents.paragraphs }
        set { body = ArticleBody(paragraphs: newValue, dropped: body.contents.dropped) }
    }

    public var dropped: [DroppedLine] {
        get { body.contents.dropped }
        set { body = ArticleBody(paragraphs: body.contents.paragraphs, dropped: newValue) }
    }

    public init(id: String, source: String, title: String, date: PartialDate?, dateSource: String?, author: String?, language: String,
                url: String?, outlet: String?, tags: [String], paragraphs: [Paragraph], dropped: [DroppedLine], isMarkdown: Bool) {
        self.init(id: id, source: source, title: title, date: date, dateSource: dateSource, author: author, language: language, url: url,
                  outlet: outlet, tags: tags, body: ArticleBody(paragraphs: paragraphs, dropped: dropped), isMarkdown: isMarkdown)
    }

    init(id: String, source: String, title: String, date: PartialDate?, dateSource: String?, author: String?, language: String,
         url: String?, outlet: String?, tags: [String], body: ArticleBody, isMarkdown: Bool) {
        self.id = id
        self.source = source
        self.title = title
        self.date = date
        self.dateSource = dateSource
        self.author = author
        self.language = language
        self.url = url
        self.outlet = outlet
        self.tags = tags
        self.body = body
        self.isMarkdown = isMarkdown
    }

    /// The cleaned body as one string: paragraphs joined by a blank line. Quote offsets index into it.
    public var text: String { paragraphs.map(\.text).joined(separator: "\n\n") }

    public static func == (a: Article, b: Article) -> Bool {
        a.id == b.id && a.source == b.source && a.title == b.title && a.date == b.date && a.dateSource == b.dateSource
            && a.author == b.author && a.language == b.language && a.url == b.url && a.outlet == b.outlet && a.tags == b.tags
            && a.isMarkdown == b.isMarkdown && (a.body === b.body || a.body.contents == b.body.contents)
    }

    public func hash(into h: inout Hasher) {
        h.combine(id); h.combine(source); h.combine(title); h.combine(date); h.combine(dateSource); h.combine(author)
        h.combine(language); h.combine(url); h.combine(outlet); h.combine(tags); h.combine(isMarkdown)
        h.combine(body.contents.paragraphs); h.combine(body.contents.dropped)
    }
}

/// An article's paragraphs and removed lines: given when the article is read, or kept as their
/// bytes in the cache file until first needed. A rebuild reads 10,000 articles from the cache
/// and makes the pages of a few: decoding every paragraph (checking its UTF-8) was a sixth of
/// its time. Immutable once made; safe to read from several threads.
final class ArticleBody: @unchecked Sendable {
    struct Contents: Equatable {
        var paragraphs: [Paragraph]
        var dropped: [DroppedLine]
    }

    private let given: Contents?
    /// The encoded paragraphs and removed lines (`BinaryWriter.articleBody`), whose structure the
    /// cache's reader checked (`BinaryReader.skipArticleBody`).
    let encoded: (bytes: FileBytes, range: Range<Int>)?
    private let lock = NSLock()
    private var decoded: Contents?

    init(paragraphs: [Paragraph], dropped: [DroppedLine]) {
        given = Contents(paragraphs: paragraphs, dropped: dropped)
        encoded = nil
    }

    init(encoded bytes: FileBytes, range: Range<Int>) {
        given = nil
        encoded = (bytes, range)
    }

    var contents: Contents {
        if let given { return given }
        return lock.withLock {
            if let decoded { return decoded }
            var made = Contents(paragraphs: [], dropped: [])
            if let e = encoded {
                var r = BinaryReader(e.bytes, e.range)
                made = (try? r.articleBody()) ?? made
            }
            decoded = made
            return made
        }
    }
}

/// Where a quote's speaker came from, for the reader who checks.
public struct Evidence: Hashable, Sendable {
    /// The words of the text that name the speaker, e.g. "a déclaré Kirby".
    public var cue: String
    /// The rule that fired, e.g. "cue-after-inverted".
    public var rule: String
    public var confidence: Double
    /// Notes on uncertainty: a recovered quote mark, an unresolved pronoun.
    public var notes: [String]
}

public struct Quote: Hashable, Sendable {
    public enum Kind: String, Sendable { case direct, partial, indirect }
    public var id: String
    public var article: String
    public var text: String
    public var kind: Kind
    /// Resolved person id, when the speaker is a person of the dossier.
    public var speaker: String?
    /// The speaker as the text names it (a person's canonical name, or an organisation).
    public var speakerName: String?
    public var evidence: Evidence
    /// The user's note on this quote (Markdown), from the article's annotation.
    public var note: String?
    /// Offsets in the article's cleaned text, in Unicode scalars (as Python indexes strings).
    public var start: Int
    public var end: Int
    public var paragraph: Int
}

/// A sentence of an article that carries a date: a point on the timeline.
public struct Event: Hashable, Sendable {
    public var id: String
    public var article: String
    /// The date, at the precision the text gives; nil when it could not be resolved.
    public var date: PartialDate?
    /// The words that give the date ("mercredi", "le 5 novembre", "en 2016").
    public var dateText: String
    /// How the date was found: "absolute", "year-from-article", "relative".
    public var resolution: String
    public var sentence: String
    public var people: [String]
    public var paragraph: Int
    public var start: Int
    public var end: Int
}

/// A person of the dossier, merged across spellings and articles.
public struct Person: Hashable, Sendable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var roles: [Role]
    /// Article ids that mention the person, in dossier order.
    public var articles: [String]
    public var gender: Gender
    /// The user's notes from the registry (`Content/people/<id>.md`), as Markdown.
    public var note: String = ""
    /// The registry file that shaped this person, if any.
    public var registryFile: String?

    public struct Role: Hashable, Sendable {
        public var text: String
        public var article: String
    }
}

public enum Gender: String, Sendable { case male, female, unknown }

/// The dossier's own settings, from `Content/site.yml`.
public struct SiteConfig: Hashable, Sendable {
    public var title: String
    public var description: String
    public var language: String
    public var baseURL: String?
    /// Lets raw HTML in the user's Markdown through (`allow_raw_html: true` in site.yml). Off by default.
    public var allowRawHTML: Bool

    public init(title: String = "Dossier", description: String = "", language: String = "fr", baseURL: String? = nil, allowRawHTML: Bool = false) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
        self.allowRawHTML = allowRawHTML
    }
}

/// Everything the pages are made from.
public struct Dossier: Sendable {
    public var site: SiteConfig
    public var articles: [Article]
    public var people: [Person]
    public var quotes: [Quote]
    /// People of each article, as person ids in order of first mention.
    public var articlePeople: [String: [String]]
    /// Reported speech without quotation marks (kind `indirect`).
    public var reported: [Quote]

    /// The user's pages from `Content/notes/`.
    public var notes: [Note] = []
    /// The user's commentary on each article (Markdown), by article id.
    public var commentary: [String: String] = [:]
    /// Quotes the user rejected, kept to show what was set aside and why.
    public var rejected: [Quote] = []
    /// Dated sentences of the articles.
    public var events: [Event] = []
    /// Quotes that report the same statement in different articles: quote id -> group number.
    public var statementGroups: [[String]] = []
    /// With the build cache: the key of each article's reading (its file's bytes, source, id,
    /// the site's language, this sitegen), by article id. Its text and removed lines follow
    /// from it, so the keys of pages and feeds use it instead of hashing them again.
    public var readKeys: [String: String] = [:]

    public init(site: SiteConfig, articles: [Article], people: [Person], quotes: [Quote], articlePeople: [String: [String]], reported: [Quote] = []) {
        self.site = site
        self.articles = articles
        self.people = people
        self.quotes = quotes
        self.articlePeople = articlePeople
        self.reported = reported
    }
}
