import Foundation

/// A page's HTML: its Markdown through cmark, inside its kind's template and the layout.
///
/// Mustache costs most of this when it runs on every page: each tag is looked up and each value
/// escaped character by character, and the page's HTML is copied into the output twice. Yet a
/// page differs from the others of its kind, language and depth only by its title, its Markdown
/// file's name and its content. So the templates are rendered once for each such group with
/// placeholders in place of those three (a *frame*), and each page's bytes are the frame's with
/// the page's values put in, escaped where the frame shows the placeholder escaped.
///
/// A frame is used only where it gives Mustache's bytes exactly:
/// - the templates hold no partial, parent or delimiter change (`TemplateSet.plain`): inside an
///   indented partial, Mustache's output depends on whether a value ends a line;
/// - rendered twice with two sets of placeholders of different lengths, the templates give the
///   same frame, and every placeholder comes out whole, as it is or escaped (a section over a
///   value, a transform such as `count` or `uppercased`, or a value escaped twice, makes no frame);
/// - the page's title and content are not empty (the placeholders are not: an `empty` transform
///   or an inverted section would tell them apart).
/// Other pages, and every page of templates without a frame, are rendered by Mustache.
///
/// `@unchecked Sendable`: the frames are only read and written under `lock`.
public final class PageRenderer: @unchecked Sendable {
    let site: SiteConfig
    let labels: Labels
    let templates: TemplateSet
    private let lock = NSLock()
    /// By kind, language and root; nil where the templates make no frame.
    private var frames: [String: Frame?] = [:]

    public init(site: SiteConfig, labels: Labels, templates: TemplateSet) {
        self.site = site
        self.labels = labels
        self.templates = templates
    }

    /// The values that differ from page to page of a frame.
    enum Slot: Int, CaseIterable { case content, title, markdown }

    enum Piece: Equatable {
        case text([UInt8])
        case value(Slot, escaped: Bool)
    }

    struct Frame {
        var pieces: [Piece]
        var textBytes: Int
    }

    /// The page's HTML file.
    public func html(_ page: Page) -> OutputFile {
        let content = CMark.htmlBytes(page)
        let title = TemplateSet.safe(page.title)
        let markdown = Self.markdownName(page)
        let lang = page.language ?? site.language
        guard !content.isEmpty, !title.isEmpty, let frame = frame(kind: page.kind, lang: lang, root: page.root) else {
            return htmlByMustache(page, content: content)
        }
        // A value as it is, or escaped as Mustache escapes it: `Text.html` escapes the same five
        // characters, byte by byte, which is what Mustache does to a value made `TemplateSet.safe`.
        func value(_ s: String, escaped: Bool) -> String { escaped ? Text.html(s) : s }
        var out: [UInt8] = []
        out.reserveCapacity(frame.textBytes + content.count + 4 * title.utf8.count + 64)
        for piece in frame.pieces {
            switch piece {
            case .text(let bytes): out += bytes
            case .value(.content, false): out += content
            case .value(.content, true): out += Text.html(String(decoding: content, as: UTF8.self)).utf8
            case .value(.title, let escaped): out += value(title, escaped: escaped).utf8
            case .value(.markdown, let escaped): out += value(markdown, escaped: escaped).utf8
            }
        }
        return OutputFile(path: page.path + ".html", data: Data(out))
    }

    /// The page's HTML file made by Mustache alone (pages without a frame; tests compare).
    func htmlByMustache(_ page: Page, content: [UInt8]? = nil) -> OutputFile {
        let html = String(decoding: content ?? CMark.htmlBytes(page), as: UTF8.self)
        let full = mustache(kind: page.kind, lang: page.language ?? site.language, root: page.root, content: html,
                            title: TemplateSet.safe(page.title), markdown: Self.markdownName(page))
        return OutputFile(path: page.path + ".html", data: Data(full.utf8))
    }

    /// The page's Markdown file, beside its HTML: the last part of its path.
    static func markdownName(_ page: Page) -> String {
        let path = page.path
        return String(path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]) + ".md"
    }

    /// The page through Mustache, every value as it is given to the templates.
    func mustache(kind: String, lang: String, root: String, content: String, title: String, markdown: String) -> String {
        let context: [String: Any] = ["content": content, "title": title, "root": root]
        return templates.render(kind: kind, context: context, layout: layout(kind: kind, lang: lang, root: root, title: title, markdown: markdown))
    }

    func layout(kind: String, lang: String, root: String, title: String, markdown: String) -> [String: Any] {
        let safe = TemplateSet.safe
        let nav: [[String: Any]] = [("index", "index.html"), ("timeline", "timeline.html"), ("people", "people.html"), ("quotes", "quotes.html"),
                                    ("search", "search.html")].map {
            ["label": safe(labels[$0.0]), "href": root + $0.1, "current": kind == $0.0]
        }
        return [
            "lang": safe(lang),
            "title": title,
            "site_title": safe(site.title),
            "is_index": kind == "index",
            "root": root,
            "nav": nav,
            "label_skip": safe(labels["skip"]),
            "label_nav": safe(labels["nav"]),
            "label_built_by": safe(labels["built_by"]),
            "markdown": markdown,
            "label_feed": safe(labels["feed"]),
        ]
    }

    func frame(kind: String, lang: String, root: String) -> Frame? {
        guard templates.plain else { return nil }
        let key = kind + "\u{0}" + lang + "\u{0}" + root
        if let known = lock.withLock({ frames[key] }) { return known }
        let made = makeFrame(kind: kind, lang: lang, root: root)
        lock.withLock { frames[key] = .some(made) }
        return made
    }

    /// A slot's placeholder: private-use characters around letters of both cases (so that a case
    /// transform changes it) and the two characters that escaping always changes.
    static func placeholder(_ slot: Slot, _ variant: Int) -> String {
        "\u{E000}aB<&" + String(repeating: "s", count: variant) + String(slot.rawValue) + "\u{E001}"
    }

    func makeFrame(kind: String, lang: String, root: String) -> Frame? {
        func render(_ variant: Int) -> [Piece]? {
            let p = { (slot: Slot) in Self.placeholder(slot, variant) }
            let html = mustache(kind: kind, lang: lang, root: root, content: p(.content), title: p(.title), markdown: p(.markdown))
            return Self.pieces(of: Array(html.utf8), variant: variant)
        }
        guard let first = render(1), let second = render(2), first == second else { return nil }
        let textBytes = first.reduce(0) { n, piece in if case .text(let b) = piece { return n + b.count } else { return n } }
        return Frame(pieces: first, textBytes: textBytes)
    }

    /// The frame's pieces: its text, and where each placeholder stands, as it is or escaped. nil
    /// when a placeholder's mark stands anywhere else (the value was changed on its way).
    static func pieces(of out: [UInt8], variant: Int) -> [Piece]? {
        var forms: [(bytes: [UInt8], piece: Piece)] = []
        for slot in Slot.allCases {
            let p = placeholder(slot, variant)
            forms.append((Array(p.utf8), .value(slot, escaped: false)))
            forms.append((Array(Text.html(p).utf8), .value(slot, escaped: true)))
        }
        let mark: [UInt8] = [0xEE, 0x80, 0x80], end: [UInt8] = [0xEE, 0x80, 0x81]   // U+E000, U+E001
        func starts(_ bytes: [UInt8], at i: Int) -> Bool { i + bytes.count <= out.count && out[i..<(i + bytes.count)].elementsEqual(bytes) }
        var pieces: [Piece] = []
        var text: [UInt8] = []
        var i = 0
        while i < out.count {
            if out[i] == 0xEE, starts(mark, at: i) || starts(end, at: i) {
                guard let form = forms.first(where: { starts($0.bytes, at: i) }) else { return nil }
                if !text.isEmpty { pieces.append(.text(text)); text = [] }
                pieces.append(form.piece)
                i += form.bytes.count
                continue
            }
            text.append(out[i])
            i += 1
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }
}
