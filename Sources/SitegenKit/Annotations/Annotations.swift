import Foundation
import Yams

/// A correction of one detected quote, from an annotation file.
public struct QuoteCorrection: Sendable, Hashable {
    public enum Selector: Sendable, Hashable { case id(String), text(String) }
    public var selector: Selector
    public var speaker: String?
    public var reject: Bool
    public var note: String?
    public var line: Int
}

/// A quote the extraction missed, added by its text (which must occur in the article).
public struct QuoteAddition: Sendable, Hashable {
    public var text: String
    public var speaker: String?
    public var note: String?
    public var line: Int
}

/// `Content/annotations/<article-id>.md`: the user's reading of one article.
public struct ArticleAnnotation: Sendable, Hashable {
    public var articleID: String
    public var file: String
    /// Metadata that wins over detection: title, date, author, url, outlet, language; with its line.
    public var metadata: [String: (value: String, line: Int)]
    public var tags: [String]?
    public var corrections: [QuoteCorrection]
    public var additions: [QuoteAddition]
    public var body: String
    public var bodyLine: Int

    public static func == (a: ArticleAnnotation, b: ArticleAnnotation) -> Bool { a.file == b.file && a.body == b.body }
    public func hash(into h: inout Hasher) { h.combine(file) }
}

/// `Content/notes/<name>.md`: a page of the user's own.
public struct Note: Sendable, Hashable {
    public var id: String
    public var file: String
    public var title: String
    public var date: PartialDate?
    public var body: String
    public var bodyLine: Int
}

public enum AnnotationReader {
    public static let stage = "annotations"
    static let articleKeys: Set<String> = ["title", "date", "author", "url", "outlet", "language", "tags", "quotes", "add_quotes"]
    static let correctionKeys: Set<String> = ["id", "text", "speaker", "reject", "note"]
    static let additionKeys: Set<String> = ["text", "speaker", "note"]

    static func error(_ file: String, _ line: Int?, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, stage: stage, file: file, line: line, message, hint: hint)
    }

    static func readText(_ path: String, fs: FileSystem) -> String? {
        guard let data = try? fs.readFile(path) else { return nil }
        return try? Decoding.decode(data).text
    }

    /// Every `*.md` of `Content/annotations/` except README.md.
    public static func readAnnotations(directory: String, fs: FileSystem) -> ([ArticleAnnotation], [Diagnostic]) {
        guard fs.isDirectory(directory), let listing = try? fs.listFiles(in: directory) else { return ([], []) }
        var out: [ArticleAnnotation] = []
        var diags: [Diagnostic] = []
        for file in listing.files where file.hasSuffix(".md") && file != "README.md" && !file.contains("/") {
            let path = directory + "/" + file
            guard let text = readText(path, fs: fs) else {
                diags.append(error(path, nil, "cannot be read as text")); continue
            }
            let (a, d) = parseAnnotation(text, file: path, articleID: String(file.dropLast(3)))
            diags += d
            if let a { out.append(a) }
        }
        return (out, diags)
    }

    public static func parseAnnotation(_ text: String, file: String, articleID: String) -> (ArticleAnnotation?, [Diagnostic]) {
        var diags: [Diagnostic] = []
        let parsed: (node: Node?, body: String, bodyLine: Int)
        do { parsed = try FrontMatter.parseNode(text) } catch {
            return (nil, [Self.error(file, error.line, error.message + "; the annotation is not applied", hint: "fix the YAML between the '---' lines")])
        }
        // The body's first line, after the blank lines that are trimmed off. The guidance comment
        // that 'sitegen annotate' writes is not commentary.
        var bodyText = parsed.body
        if let start = bodyText.range(of: "<!-- Your commentary goes below"), let end = bodyText.range(of: "-->", range: start.upperBound..<bodyText.endIndex) {
            bodyText.replaceSubrange(start.lowerBound..<end.upperBound, with: "")
        }
        let leading = parsed.body.prefix { $0 == "\n" }.count
        var a = ArticleAnnotation(articleID: articleID, file: file, metadata: [:], tags: nil, corrections: [], additions: [],
                                  body: bodyText.trimmingCharacters(in: .whitespacesAndNewlines), bodyLine: parsed.bodyLine + leading)
        guard let map = parsed.node?.mapping else { return (a, diags) }
        for (k, v) in map {
            guard let key = k.string else { continue }
            let line = k.mark?.line ?? 2
            switch key {
            case "title", "date", "author", "url", "outlet", "language":
                guard let value = v.string, !value.isEmpty else {
                    diags.append(Self.error(file, line, "'\(key)' must be a single value", hint: "write it as '\(key): …' on one line")); continue
                }
                a.metadata[key] = (value, line)
            case "tags":
                a.tags = v.sequence.map { $0.compactMap(\.string) } ?? v.string.map { [$0] }
            case "quotes":
                guard let seq = v.sequence else {
                    diags.append(Self.error(file, line, "'quotes' must be a list of corrections", hint: "each item starts with '- id: …' or '- text: …'")); continue
                }
                for item in seq {
                    let il = item.mark?.line ?? line
                    guard let m = item.mapping else { diags.append(Self.error(file, il, "a quote correction must be a map (id or text, and speaker, reject or note)")); continue }
                    diags += unknownKeys(m, allowed: correctionKeys, file: file)
                    let selector: QuoteCorrection.Selector
                    if let id = m["id"]?.string { selector = .id(id) } else if let t = m["text"]?.string, !t.isEmpty { selector = .text(t) } else {
                        diags.append(Self.error(file, il, "a quote correction needs 'id:' or 'text:' to choose the quote",
                                                hint: "copy the id from the list that 'sitegen annotate' writes, or a few words of the quote"))
                        continue
                    }
                    let reject = m["reject"]?.bool ?? false
                    let c = QuoteCorrection(selector: selector, speaker: m["speaker"]?.string, reject: reject, note: m["note"]?.string, line: il)
                    if c.speaker == nil && !c.reject && c.note == nil {
                        diags.append(Diagnostic(.warning, stage: stage, file: file, line: il, "this quote correction changes nothing",
                                                hint: "add 'speaker:', 'reject: true' or 'note:'"))
                    }
                    a.corrections.append(c)
                }
            case "add_quotes":
                guard let seq = v.sequence else {
                    diags.append(Self.error(file, line, "'add_quotes' must be a list", hint: "each item starts with '- text: …'")); continue
                }
                for item in seq {
                    let il = item.mark?.line ?? line
                    guard let m = item.mapping, let t = m["text"]?.string, !t.isEmpty else {
                        diags.append(Self.error(file, il, "an added quote needs its 'text:'")); continue
                    }
                    diags += unknownKeys(m, allowed: additionKeys, file: file)
                    a.additions.append(QuoteAddition(text: t, speaker: m["speaker"]?.string, note: m["note"]?.string, line: il))
                }
            default:
                diags.append(Diagnostic(.warning, stage: stage, file: file, line: line, "unknown key '\(key)' is ignored",
                                        hint: "known keys: " + articleKeys.sorted().joined(separator: ", ")))
            }
        }
        return (a, diags)
    }

    static func unknownKeys(_ m: Node.Mapping, allowed: Set<String>, file: String) -> [Diagnostic] {
        m.compactMap { k, _ in
            guard let key = k.string, !allowed.contains(key) else { return nil }
            return Diagnostic(.warning, stage: stage, file: file, line: k.mark?.line, "unknown key '\(key)' is ignored",
                              hint: "known keys here: " + allowed.sorted().joined(separator: ", "))
        }
    }

    /// Every `*.md` of `Content/notes/` except README.md.
    public static func readNotes(directory: String, fs: FileSystem) -> ([Note], [Diagnostic]) {
        guard fs.isDirectory(directory), let listing = try? fs.listFiles(in: directory) else { return ([], []) }
        var out: [Note] = []
        var diags: [Diagnostic] = []
        var used = Set<String>()
        for file in listing.files where file.hasSuffix(".md") && file != "README.md" && !file.contains("/") {
            let path = directory + "/" + file
            guard let text = readText(path, fs: fs) else { diags.append(error(path, nil, "cannot be read as text")); continue }
            let parsed: (node: Node?, body: String, bodyLine: Int)
            do { parsed = try FrontMatter.parseNode(text) } catch {
                diags.append(Self.error(path, error.line, error.message + "; the note is not published", hint: "fix the YAML between the '---' lines"))
                continue
            }
            var id = Text.slug(String(file.dropLast(3)))
            if id.isEmpty { id = "note" }
            var n = 2
            while used.contains(id) { id = Text.slug(String(file.dropLast(3))) + "-\(n)"; n += 1 }
            used.insert(id)
            let body = parsed.body
            var title = parsed.node?["title"]?.string
            if title == nil, let h = body.split(separator: "\n").first(where: { $0.hasPrefix("# ") }) {
                title = String(h.dropFirst(2)).trimmingCharacters(in: .whitespaces)
            }
            var date: PartialDate?
            if let raw = parsed.node?["date"]?.string {
                date = PartialDate(iso: raw)
                if date == nil {
                    diags.append(Diagnostic(.warning, stage: stage, file: path, line: parsed.node?["date"]?.mark?.line, "'\(raw)' is not a date",
                                            hint: "write it as 2024-10-22, 2024-10 or 2024"))
                }
            }
            out.append(Note(id: id, file: path, title: title ?? String(file.dropLast(3)), date: date, body: body, bodyLine: parsed.bodyLine))
        }
        return (out, diags)
    }
}
