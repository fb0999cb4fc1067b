import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SitegenKit

/// The example dossier built once, for the tests that read its files: built into a temporary
/// folder, read, and the folder removed.
let builtExample: BuiltSite = {
    guard let dir = try? temporaryFolder() else { return BuiltSite(files: [:]) }
    defer { try? FileManager.default.removeItem(atPath: dir) }
    _ = try? Builder().build(BuildOptions(content: repoRoot + "/Content", templates: repoRoot + "/Templates", output: dir + "/public"))
    return BuiltSite(files: (try? snapshot(dir + "/public")) ?? [:])
}()

/// A built site's files, relative path -> bytes.
struct BuiltSite: Sendable {
    let files: [String: Data]
}

func builtText(_ path: String) -> String { String(decoding: builtExample.files[path] ?? Data(), as: UTF8.self) }

func nodePath() -> String? {
    for p in ["/usr/bin/node", "/usr/local/bin/node"] where FileManager.default.isExecutableFile(atPath: p) { return p }
    return nil
}

@Suite("Search, feeds, timeline data")
struct SearchAndFeedTests {
    /// Runs search.js under node against the built index and returns the titles found for `query`.
    func nodeSearch(_ query: String) throws -> [String] {
        let node = try #require(nodePath(), "node is needed to test the search script")
        let script = """
            const vm = require('vm'), fs = require('fs');
            const ctx = { console };
            ctx.globalThis = ctx; ctx.window = ctx;
            vm.createContext(ctx);
            vm.runInContext(fs.readFileSync(process.argv[1] + '/search-index.js', 'utf8'), ctx);
            vm.runInContext(fs.readFileSync(process.argv[1] + '/search.js', 'utf8'), ctx);
            const hits = ctx.sitegenSearch(ctx.SITEGEN_SEARCH, process.argv[2], 100);
            console.log(JSON.stringify(hits.map(h => h.kind + ':' + h.title)));
            """
        // The two scripts as the build wrote them, in a folder of their own.
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for file in ["search-index.js", "search.js"] {
            try #require(builtExample.files[file], "the build wrote \(file)").write(to: URL(fileURLWithPath: dir + "/" + file))
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: node)
        p.arguments = ["-e", script, dir, query]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        return (try JSONSerialization.jsonObject(with: data) as? [String]) ?? []
    }

    @Test("the search script finds accented and unaccented queries, case-insensitive")
    func searchUnderNode() throws {
        let accented = try nodeSearch("ingérence")
        let plain = try nodeSearch("INGERENCE")
        #expect(!accented.isEmpty)
        #expect(accented == plain)
        #expect(try nodeSearch("Peskov").contains("person:Dmitri Peskov"))
        #expect(try nodeSearch("peskov baguette").contains { $0.hasPrefix("quote:« Pas de baguette magique") })
        #expect(try nodeSearch("zakharova malaise").contains { $0.hasPrefix("quote:« manifestation d'un malaise") })
        #expect(try nodeSearch("xyzzy").isEmpty)
        #expect(try nodeSearch("Methode").contains("note:Méthode"))
    }

    @Test("the search page works without JavaScript: it says so and the site stays reachable")
    func searchPage() {
        let html = builtText("search.html")
        #expect(html.contains("<noscript>"))
        #expect(html.contains("<script src=\"search-index.js\"></script>"))
        #expect(builtText("index.html").contains("href=\"search.html\""))
        #expect(builtText("search-index.js").hasPrefix("window.SITEGEN_SEARCH = {"))
        #expect(!builtText("search-index.js").contains("<"))
    }

    @Test("the Atom feed is well-formed XML with one entry per article and note")
    func atom() throws {
        let data = try #require(builtExample.files["feed.xml"])
        let doc = try XMLDocument(data: data)
        let entries = try doc.nodes(forXPath: "/*[local-name()='feed']/*[local-name()='entry']")
        #expect(entries.count == 6)
        #expect(builtText("feed.xml").contains("<link rel=\"alternate\" type=\"text/html\" href=\"articles/000-57d6d87391ec6554.html\"/>"))
        #expect(builtExample.files["sitemap.xml"] == nil, "no sitemap without a base URL")
    }

    @Test("with a base URL: absolute feed links and a sitemap")
    func baseURL() throws {
        let fs = try memoryDossier(articles: ["a.txt": "Titre\n\nLe texte.\n"], extra: ["Content/site.yml": "title: T\nbase_url: https://example.org/dossier\n"])
        try Builder(fs: fs).build(BuildOptions())
        let feed = String(decoding: fs.allFiles["public/feed.xml"] ?? Data(), as: UTF8.self)
        #expect(feed.contains("href=\"https://example.org/dossier/articles/a.html\""))
        let sitemap = String(decoding: fs.allFiles["public/sitemap.xml"] ?? Data(), as: UTF8.self)
        #expect(sitemap.contains("<loc>https://example.org/dossier/people.html</loc>"))
    }

    @Test("timeline.json is TimelineJS data with the example's key dates")
    func timelineJSON() throws {
        let obj = try #require(try JSONSerialization.jsonObject(with: builtExample.files["timeline.json"] ?? Data()) as? [String: Any])
        let events = try #require(obj["events"] as? [[String: Any]])
        func has(_ y: String, _ m: String, _ d: String, _ snippet: String) -> Bool {
            events.contains { e in
                let s = e["start_date"] as? [String: String]
                let text = ((e["text"] as? [String: String])?["text"]) ?? ""
                return s?["year"] == y && s?["month"] == m && s?["day"] == d && text.contains(snippet)
            }
        }
        #expect(has("2024", "11", "5", "aura lieu le 5 novembre"))
        #expect(has("2024", "11", "6", "mercredi"))
        #expect(has("2024", "10", "21", "TASS"))
        #expect((obj["title"] as? [String: Any]) != nil)
    }

    @Test("the timeline page: events with their source, undated articles and unplaced dates apart")
    func timelinePage() {
        let t = builtText("timeline.md")
        #expect(t.contains("- **5 novembre 2024** — L'élection présidentielle américaine aura lieu le **5 novembre**."))
        #expect(t.contains("**6 novembre 2024** — Selon le porte-parole du Kremlin, Dmitri Peskov, qui s’est exprimé **mercredi**"))
        #expect(t.contains("**21 octobre 2024** — L'agence de presse TASS a rapporté le **21 octobre**"))
        #expect(t.contains("## Sans date"))
        #expect(t.contains("articles/001-80ac8afef52869fb.html") && t.contains("articles/004-cbb181e6dfcfe494.html"))
        #expect(t.contains("## Dates à préciser"))
    }

    @Test("each quote of a group shows where else it was reported; the quotes page shows the groups")
    func sameStatementPages() {
        let a1 = builtText("articles/001-80ac8afef52869fb.md")
        #expect(a1.contains("Aussi rapporté dans : [Le candidat à la présidence"))
        let quotes = builtText("quotes.md")
        #expect(quotes.contains("## Même déclaration, plusieurs sources"))
        #expect(quotes.contains("  - « Je la soutiendrai également. »"))
    }
}

@Suite("Pictures and accessibility")
struct ChartTests {
    @Test("the timeline chart and the graph are SVG with titles, every mark a link to its page")
    func charts() {
        let timeline = builtText("timeline.html")
        #expect(timeline.contains("<svg class=\"chart chart-timeline\""))
        #expect(timeline.contains("role=\"img\" aria-labelledby=\"tl-title tl-desc\""))
        #expect(timeline.contains("<a href=\"articles/002-16214e6d72130146.html\"><title>6 novembre 2024 — "))
        let graph = builtText("graph.html")
        #expect(graph.contains("<svg class=\"chart chart-graph\""))
        #expect(graph.contains("<a href=\"people/dmitri-peskov.html\"><title>Dmitri Peskov — "))
        #expect(graph.contains("## ") == false && graph.contains("Paires les plus fréquentes"))
    }

    @Test("a crowded day: the chart draws what fits, inside the picture, and counts the rest")
    func crowdedTimeline() throws {
        // Article n, and event n (of article n) for the points that are not publications.
        var d = Dossier(site: SiteConfig(title: "T", description: "", language: "fr"), articles: [], people: [], quotes: [], articlePeople: [:])
        d.articles = (0...400).map { n in
            Article(id: "a\(n)", source: "a\(n).txt", title: "Article \(n)", date: nil, dateSource: nil, author: nil, language: "fr", url: nil,
                    outlet: nil, tags: [], paragraphs: [], dropped: [], isMarkdown: false)
        }
        d.events = (0...400).map { n in
            Event(id: "e\(n)", article: "a\(n)", date: nil, dateText: "mai", resolution: "absolute", sentence: "En mai, rien.", people: [],
                  paragraph: 0, start: 0, end: 1)
        }
        func item(_ n: Int, day: Int, publication: Bool) -> Feeds.TimelineItem {
            Feeds.TimelineItem(date: PartialDate(year: 2024, month: 5, day: day), isPublication: publication, order: n, event: publication ? nil : n)
        }
        // 300 events and 40 publications on 3 May, one of each on 20 May.
        let items = (0..<40).map { item($0, day: 3, publication: true) } + [item(40, day: 20, publication: true)]
            + (100..<400).map { item($0, day: 3, publication: false) } + [item(400, day: 20, publication: false)]
        let sorted = items.sorted { $0.date != $1.date ? $0.date < $1.date : ($0.isPublication && !$1.isPublication) }
        let svg = try #require(Charts.timeline(sorted, in: d, labels: Labels(language: "fr"), root: ""))
        #expect(svg.components(separatedBy: "<rect class=\"mark-pub\"").count - 1 == 2 + 1 + 1) // + legend
        #expect(svg.components(separatedBy: "<circle class=\"mark-event\"").count - 1 == 5 + 1 + 1)
        #expect(svg.contains("(+38 autres points ici, dans la liste)") && svg.contains("(+295 autres points ici, dans la liste)"))
        let ys = try Regex(#" (?:y|cy)="(-?[0-9.]+)""#)
        for m in svg.matches(of: ys) { #expect((Double(m.output[1].substring ?? "") ?? -1) >= 0, "mark outside the picture") }
    }

    @Test("the same dossier gives the same pictures")
    func deterministic() throws {
        var report = BuildReport()
        let d = try Builder().loadDossier(BuildOptions(content: repoRoot + "/Content"), report: &report)
        let labels = Labels(language: "fr")
        let counts = Dictionary(uniqueKeysWithValues: d.people.map { ($0.id, 1) })
        #expect(Charts.graph(d, quoteCounts: counts, labels: labels, root: "") == Charts.graph(d, quoteCounts: counts, labels: labels, root: ""))
    }

    @Test("every page: one h1, lang set, landmarks, headings in order")
    func accessibility() throws {
        let headingPattern = try Regex("<h([1-6])[ >]")
        for (path, data) in builtExample.files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(html.contains("<html lang=\"fr\">"), "\(path)")
            #expect(html.contains("<main id=\"main\">") && html.contains("<nav aria-label=") && html.contains("<header") && html.contains("<footer"), "\(path)")
            let levels = html.matches(of: headingPattern).compactMap { Int($0.output[1].substring ?? "") }
            #expect(levels.filter { $0 == 1 }.count == 1, "\(path): \(levels.filter { $0 == 1 }.count) h1")
            var previous = 0
            for l in levels {
                #expect(l <= previous + 1, "\(path): h\(l) after h\(previous)")
                previous = l
            }
        }
    }

    @Test("the labels follow the dossier's language")
    func englishLabels() throws {
        let fs = try memoryDossier(articles: ["a.txt": "A title\n\nJohn Smith said: \"We will see.\"\n"], extra: ["Content/site.yml": "title: T\nlanguage: en\n"])
        try Builder(fs: fs).build(BuildOptions())
        let index = String(decoding: fs.allFiles["public/index.html"] ?? Data(), as: UTF8.self)
        #expect(index.contains("<html lang=\"en\">"))
        #expect(index.contains(">Timeline</a>") && index.contains(">Search</a>") && index.contains("Most quoted"))
    }
}

@Suite("Scale")
struct ScaleTests {
    @Test("a statement repeated by many articles: each page names at most 3 other sources, the quotes page lists all")
    func largeGroups() throws {
        var articles: [String: String] = [:]
        for i in 0..<12 {
            articles["a\(i).txt"] = "Article numéro \(i)\n\n« Nous ne céderons jamais sur la réforme des retraites », a déclaré Jean Dupont.\n"
        }
        let fs = try memoryDossier(articles: articles)
        try Builder(fs: fs).build(BuildOptions())
        let page = String(decoding: fs.allFiles["public/articles/a0.md"] ?? Data(), as: UTF8.self)
        #expect(page.contains("Aussi rapporté dans : "))
        #expect(page.contains("… (+8)"))
        #expect(page.components(separatedBy: "](../articles/").count - 1 == PageBuilder.alsoReportedLimit)
        #expect(PageBuilder.alsoReportedLimit == 3)
        // A quote among the group's first ones, and one after them: three others each, never itself.
        for i in [1, 11, 7] {
            let text = String(decoding: fs.allFiles["public/articles/a\(i).md"] ?? Data(), as: UTF8.self)
            let line = text.components(separatedBy: "\n").first { $0.contains("Aussi rapporté dans") } ?? ""
            #expect(line.components(separatedBy: "](../articles/").count - 1 == 3, "a\(i): \(line)")
            #expect(!line.contains("../articles/a\(i).html") && line.contains("… (+8)"), "a\(i): \(line)")
            // The whole line: three links between " · ", then how many more.
            let link = #"\[Article numéro \d+\]\(\.\./articles/a\d+\.html#q[0-9a-f]+\)"#
            #expect(line.range(of: #"^   <br>Aussi rapporté dans : "# + link + " · " + link + " · " + link + #" … \(\+8\)$"#,
                               options: .regularExpression) != nil, "a\(i): \(line)")
        }
        let quotes = String(decoding: fs.allFiles["public/quotes.md"] ?? Data(), as: UTF8.self)
        #expect(quotes.components(separatedBy: "  - « Nous ne céderons jamais").count - 1 == 12)
    }
}
