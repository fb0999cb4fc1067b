import Foundation

/// Reads one article file into an `Article`: decoding, front matter, cleaning, metadata.
public struct ArticleReader: Sendable {
    public static let stage = "read"
    let cleaner: Cleaner
    let dates: DateFinder

    public init(lexicon: Lexicon = .standard) {
        dates = DateFinder(lexicon: lexicon)
        cleaner = Cleaner(lexicon: lexicon, dates: dates)
    }

    public struct Result: Sendable {
        public var article: Article?
        public var diagnostics: [Diagnostic]
    }

    /// - Parameters:
    ///   - path: the file's path as the user gave it, for diagnostics (defaults to `source`).
    ///   - source: the stable path exported with the article (e.g. `Content/articles/a.txt`).
    ///   - id: the article's id, chosen by the caller so that ids stay unique in the dossier.
    public func read(path: String? = nil, source: String, id: String, data: Data, site: SiteConfig) -> Result {
        var diags: [Diagnostic] = []
        let shown = path ?? source
        func warn(_ line: Int?, _ message: String, hint: String? = nil) {
            diags.append(Diagnostic(.warning, stage: Self.stage, file: shown, line: line, message, hint: hint))
        }
        var data = data
        if data.count > Self.sizeLimit {
            let total = data.count
            data = Self.cut(data, at: Self.sizeLimit)
            warn(nil, String(format: "is %.1f MB: only its first %d KB were read", Double(total) / 1_048_576, data.count / 1024),
                 hint: "an article is rarely longer than 100 KB; split the file into several articles")
        }
        let decoded: Decoding.Result
        do { decoded = try Decoding.decode(data) } catch {
            warn(nil, "skipped: \(error)", hint: "only text files belong in Content/articles")
            return Result(article: nil, diagnostics: diags)
        }
        if decoded.encoding == .windows1252 {
            warn(nil, "not UTF-8: read as Windows-1252/ISO-8859-1", hint: "save the file as UTF-8 to silence this")
        } else if decoded.encoding.isSingleByte {
            warn(nil, "not UTF-8: read as \(decoded.encoding.rawValue)", hint: "save the file as UTF-8 to silence this")
        } else if decoded.encoding == .utf8Repaired {
            warn(nil, "has invalid UTF-8 bytes (a cut character?); they were left out", hint: "save the file again as UTF-8")
        }
        var front = FrontMatter(fields: [:], lists: [:], body: decoded.text, bodyLine: 1)
        do { front = try FrontMatter.parse(decoded.text) } catch {
            warn(error.line, error.message + "; the front matter was ignored", hint: "fix the YAML between the '---' lines")
            if let parsed = Self.skipBrokenFrontMatter(decoded.text) { front = parsed }
        }
        let isMarkdown = source.lowercased().hasSuffix(".md") || source.lowercased().hasSuffix(".markdown")
        // A line feed is a character of its own: cutting at its byte cuts where cutting at the
        // character would (the text has no carriage return left to pair with it).
        // (On the bytes: the UTF-8 view's generic split went through its indices one by one.)
        var body = front.body
        let lines: [Cleaner.Line] = body.withUTF8 { b in
            var lines: [Cleaner.Line] = []
            var start = 0
            for i in 0...b.count where i == b.count || b[i] == 0x0A {
                let raw = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                lines.append(Cleaner.Line(number: front.bodyLine + lines.count, text: Text.collapseSpaces(raw)))
                start = i + 1
            }
            return lines
        }
        let fmTitle = front.fields["title"].map(Text.collapseSpaces).flatMap { $0.isEmpty ? nil : $0 }
        let language = front.fields["language"] ?? front.fields["lang"]
        var article = Article(id: id, source: source, title: "", date: nil, dateSource: nil, author: nil,
                              language: language ?? site.language, url: front.fields["url"], outlet: front.fields["outlet"],
                              tags: front.lists["tags"] ?? [], paragraphs: [], dropped: [], isMarkdown: isMarkdown)
        if isMarkdown {
            article.paragraphs = Self.markdownBlocks(lines)
            article.title = fmTitle ?? article.paragraphs.first(where: { $0.kind == .heading })?.text ?? id
            if fmTitle == nil, let i = article.paragraphs.firstIndex(where: { $0.kind == .heading }) { article.paragraphs.remove(at: i) }
            if language == nil { article.language = cleaner.detectLanguage(article.paragraphs.map(\.text), fallback: site.language) }
        } else {
            let out = cleaner.clean(lines, knownTitle: fmTitle, defaultLanguage: site.language)
            article.title = out.title ?? id
            article.author = out.author
            article.date = out.date
            article.dateSource = out.dateSource
            if language == nil { article.language = out.language }
            article.paragraphs = out.paragraphs
            article.dropped = out.dropped
            if out.titleWasGuessed {
                warn(out.paragraphs.first?.line, "no headline line found; the title was taken from the first sentence",
                     hint: "set 'title:' in the article's front matter")
            }
        }
        if let a = front.fields["author"] { article.author = a }
        if let raw = front.fields["date"] {
            if let d = PartialDate(iso: raw) ?? dates.first(in: raw)?.date {
                article.date = d
                article.dateSource = "front matter"
            } else {
                warn(2, "front matter date '\(raw)' is not a date", hint: "write it as 2024-10-22, 2024-10 or 2024")
            }
        }
        if article.paragraphs.isEmpty {
            warn(nil, "no article text left after cleaning", hint: "check that the file holds the article body")
        }
        return Result(article: article, diagnostics: diags)
    }

    /// The largest article read whole (256 KB, some 40,000 words).
    public static let sizeLimit = 256 * 1024

    /// The first `limit` bytes, cut after a line end when there is one in the last quarter, and
    /// never inside a UTF-8 or UTF-16 character.
    static func cut(_ data: Data, at limit: Int) -> Data {
        let bytes = [UInt8](data.prefix(limit))
        let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        var end = bytes.count
        if let nl = bytes[(limit * 3 / 4)...].lastIndex(of: 0x0A) {
            end = nl + 1
        }
        if utf16 { end &= ~1 } else {
            while end > 0 && end < bytes.count && (bytes[end] & 0xC0) == 0x80 { end -= 1 }
        }
        return Data(bytes[..<end])
    }

    /// When the YAML is broken, the lines up to the closing '---' are still not article text.
    static func skipBrokenFrontMatter(_ text: String) -> FrontMatter? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else { return nil }
        return FrontMatter(fields: [:], lists: [:], body: lines[(end + 1)...].joined(separator: "\n"), bodyLine: end + 2)
    }

    /// Paragraphs of a Markdown article: blocks separated by blank lines; `#` lines are headings.
    static func markdownBlocks(_ lines: [Cleaner.Line]) -> [Paragraph] {
        var out: [Paragraph] = []
        var current: [Cleaner.Line] = []
        func flush() {
            guard let first = current.first else { return }
            out.append(Paragraph(text: current.map(\.text).joined(separator: " "), kind: .text, line: first.number))
            current = []
        }
        for line in lines {
            if line.text.isEmpty { flush(); continue }
            if line.text.hasPrefix("#") {
                flush()
                let t = line.text.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                if !t.isEmpty { out.append(Paragraph(text: t, kind: .heading, line: line.number)) }
                continue
            }
            current.append(line)
        }
        flush()
        return out
    }
}
