import Foundation
import Testing
@testable import SitegenKit
import Ccmark
import SitegenFuzzing

@Suite("cmark wrapper")
struct CMarkTests {
    @Test func rendersCommonMark() {
        #expect(CMark.html("# Titre\n\nUn *mot* et [un lien](a.html).") ==
                "<h1>Titre</h1>\n<p>Un <em>mot</em> et <a href=\"a.html\">un lien</a>.</p>\n")
    }

    @Test("safe mode drops raw HTML and javascript: links")
    func safeMode() {
        let html = CMark.html("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<img"))
    }

    @Test("the UTF-8 check that lets cmark's bytes through unrepaired agrees with the standard library's")
    func utf8Check() {
        var rng = SeededRandom(seed: 7)
        // Random bytes, and valid text with one byte changed: every kind of bad sequence.
        let text = Array("« Déjà vu » — 東京 🙂 \u{10FFFF} \u{FFFD} plain ASCII long enough for the word steps".utf8)
        var samples: [[UInt8]] = [[], text, [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF]]
        for _ in 0..<3000 {
            let n = Int.random(in: 0..<24, using: &rng)
            samples.append((0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) })
            var t = text
            t[Int.random(in: 0..<t.count, using: &rng)] = UInt8.random(in: 0x80...0xFF, using: &rng)
            samples.append(t)
        }
        for b in samples {
            let ours = b.withUnsafeBufferPointer { CMark.isValidUTF8($0) }
            #expect(ours == (String(validating: b, as: UTF8.self) != nil), "\(b)")
        }
    }

    @Test("raw HTML is kept only when asked for")
    func unsafeMode() {
        #expect(CMark.html("<mark id=\"q1\">x</mark>", allowRawHTML: true).contains("<mark id=\"q1\">"))
    }

    @Test("non-ASCII text survives the round trip through C")
    func unicode() {
        #expect(CMark.html("« Déjà vu » — 東京 🙂") == "<p>« Déjà vu » — 東京 🙂</p>\n")
        #expect(CMark.html("") == "")
    }

    @Test("pages rendered on the per-thread arena are what libcmark's own allocator renders, on both cores")
    func arenaMatchesDefaultAllocator() {
        // Small pages, a page past the arena's chunk (1 MiB), and one past what it keeps between pages (16 MiB).
        let item = "1. « <mark class=\"quote\" id=\"q1\">Nous ne céderons pas</mark> » — [Jean Dupont](../people/jean-dupont.html) *le 3 mai*\n"
        let table = "| a | b |\n|---|---|\n| `x` | **y** |\n\n> cité\n> > deux fois\n\n    code\n\n"
        let pages = ["", "# Titre\n\nUn *mot*.", table, String(repeating: item, count: 12_000),
                     String(repeating: "## Section\n\n" + table + item, count: 60_000)]
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_UNSAFE
        let expected = pages.map { CMark.htmlWithDefaultAllocator($0, options: options) }
        #expect(expected[4].utf8.count > 1 << 20)
        for (page, html) in zip(pages, expected) { #expect(CMark.html(page, allowRawHTML: true) == html) }
        // Many pages in turn on each thread: each starts on the arena the last one left.
        let mixed = (0..<40).map { pages[[0, 1, 2, 3, 1, 2][$0 % 6]] }
        let rendered = Parallel.map(mixed, chunk: 1) { CMark.html($0, allowRawHTML: true) }
        #expect(rendered == mixed.map { CMark.htmlWithDefaultAllocator($0, options: options) })
    }

    @Test("a string's Markdown renders without libcmark's UTF-8 check as with it; bytes that are not UTF-8 are still checked")
    func utf8CheckOnlyWhereNeeded() {
        let pieces = ["« Déjà vu » — 東京 🙂", "\u{0}", "a\u{0}b", "\r\n", "\r", "\t", "e\u{301}", "🇫🇷", "\u{FEFF}", "\u{2028}",
                      "&#0;", "&#xD800;", "&#x110000;", "&amp;", "<mark id=\"q\">x</mark>", "# T", "> c", "- l", "`c`", "**g**",
                      "[l](u \"t\")", "\n\n", "    code", "\u{10FFFF}", "\u{7F}", String(repeating: "é", count: 300)]
        var generator = SeededRandom(seed: 7)
        var texts = pieces
        for _ in 0..<400 {
            texts.append((0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined())
        }
        for t in texts {
            for raw in [false, true] {
                var text = t
                let checked = text.withUTF8 { CMark.htmlBytes(utf8: $0, allowRawHTML: raw, validate: true) }
                #expect(CMark.htmlBytes(t, allowRawHTML: raw) == checked, "\(t.debugDescription)")
                #expect(CMark.htmlBytes(utf8: Array(t.utf8), allowRawHTML: raw) == checked, "\(t.debugDescription)")
                #expect(Array(CMark.html(t, allowRawHTML: raw).utf8) == checked, "\(t.debugDescription)")
                // A page's Markdown (made from strings, raw HTML kept) is not checked again.
                if raw { #expect(CMark.htmlBytes(Page(path: "p", kind: "note", title: "T", markdown: t, language: nil)) == checked) }
            }
        }
        // Bytes that are not UTF-8 are checked by libcmark: each bad sequence becomes U+FFFD.
        let bad: [UInt8] = [0x61, 0xFF, 0x62, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0x63]
        let html = CMark.htmlBytes(utf8: bad)
        #expect(html == bad.withUnsafeBufferPointer { CMark.htmlBytes(utf8: $0, allowRawHTML: false, validate: true) })
        #expect(String(decoding: html, as: UTF8.self).contains("a\u{FFFD}b"))
    }

    @Test("text escaped by sitegen renders as the same text, never as markup")
    func escapedTextStaysText() {
        let hostile = "<script>alert('x')</script> *gras* [lien](javascript:x) &amp; # titre `code` 1. liste _sous_ | ~x~ ![i](y)"
        let html = CMark.html(Text.markdown(hostile), allowRawHTML: true)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<em>") && !html.contains("<strong>") && !html.contains("<a ") && !html.contains("<code>") && !html.contains("<img"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("&amp;amp;"))
        for start in ["# x", "- x", "+ x", "> x", "1. x", "2) x", "    code", "=== x", "---"] {
            let out = CMark.html(Text.markdown(start), allowRawHTML: true)
            #expect(out.hasPrefix("<p>"), "\(start) became \(out)")
        }
    }
}

@Suite("Pages and export")
struct PageTests {
    func dossier() -> Dossier {
        let out = extract([
            "Le Kremlin répond\n\nLe porte-parole du Kremlin, Dmitri Peskov, a déclaré : « Nous ne commentons pas. » Vladimir Poutine n'a rien dit.\n",
            "date 2024-10-05 Washington réagit\n\n« C'est inquiétant », a déclaré Joe Biden. Peskov n'a pas répondu.\n",
        ])
        let articles = ["Le Kremlin répond\n\nLe porte-parole du Kremlin, Dmitri Peskov, a déclaré : « Nous ne commentons pas. » Vladimir Poutine n'a rien dit.\n",
                        "date 2024-10-05 Washington réagit\n\n« C'est inquiétant », a déclaré Joe Biden. Peskov n'a pas répondu.\n"]
            .enumerated().compactMap { readArticle($1, name: "a\($0).txt").article }
        return Dossier(site: SiteConfig(title: "Test", description: "Un essai", language: "fr"), articles: articles,
                       people: out.people, quotes: out.quotes, articlePeople: out.articlePeople, reported: out.reported)
    }

    @Test("a paragraph that would open a list or a heading is escaped on the article page, quotes marked inside it or not")
    func paragraphBlockStarts() throws {
        let text = "Le Kremlin répond\n\nLe porte-parole du Kremlin a parlé mardi devant la presse réunie à Moscou.\n\n"
            + "- Dmitri Peskov a déclaré : « Nous ne commentons pas les élections américaines. »\n\n"
            + "1. « Nous ne commentons pas les élections américaines », a déclaré Dmitri Peskov.\n\n"
            + "   + Dmitri Peskov a ajouté : « Nous attendons les résultats définitifs. »\n\n"
            + "2024) Le Kremlin n'a pas souhaité commenter davantage ce scrutin.\n"
        let out = extract([text])
        let articles = [try #require(readArticle(text, name: "a0.txt").article)]
        let d = Dossier(site: SiteConfig(title: "Test", language: "fr"), articles: articles, people: out.people, quotes: out.quotes,
                        articlePeople: out.articlePeople, reported: out.reported)
        let page = PageBuilder(dossier: d).article(articles[0]).markdown
        let lines = page.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        #expect(out.quotes.count >= 3)
        #expect(lines.contains { $0.hasPrefix("\\- Dmitri Peskov a déclaré : « <mark class=\"quote\"") }, "\(page)")
        #expect(lines.contains { $0.hasPrefix("1\\. « <mark class=\"quote\"") }, "\(page)")
        #expect(lines.contains { $0.hasPrefix("\\+ Dmitri Peskov a ajouté : « <mark class=\"quote\"") }, "\(page)")
        #expect(lines.contains("2024\\) Le Kremlin n'a pas souhaité commenter davantage ce scrutin."), "\(page)")
    }

    @Test("a count takes the singular for one, and for zero in French")
    func countedLabels() {
        let fr = Labels(language: "fr"), en = Labels(language: "en")
        #expect([0, 1, 2, 10].map { fr.count($0, "article_count") } == ["0 article", "1 article", "2 articles", "10 articles"])
        #expect([0, 1, 2].map { fr.count($0, "quote_count") } == ["0 citation", "1 citation", "2 citations"])
        #expect([0, 1, 2].map { en.count($0, "quote_count") } == ["0 quotes", "1 quote", "2 quotes"])
        #expect([0, 1, 2].map { en.count($0, "article_count") } == ["0 articles", "1 article", "2 articles"])
        // The people page and the graph say it so.
        let pages = PageBuilder(dossier: dossier()).build()
        let people = pages.first { $0.path == "people" }?.markdown ?? ""
        #expect(people.contains("— 1 citation · 1 article\n") && !people.contains("1 citations") && !people.contains(" 1 articles"), "\(people)")
    }

    @Test("each page kind is produced, with the links it promises")
    func pageKinds() {
        let pages = PageBuilder(dossier: dossier()).build()
        let byPath = Dictionary(uniqueKeysWithValues: pages.map { ($0.path, $0) })
        #expect(Set(pages.map(\.kind)) == ["index", "timeline", "quotes", "people", "article", "person", "search"])
        let article = byPath["articles/a0"]?.markdown ?? ""
        #expect(article.contains("[Dmitri Peskov](../people/dmitri-peskov.html)"))
        #expect(article.contains("<mark class=\"quote\" id=\"q"))
        #expect(article.contains("`colon`") || article.contains("`cue-before`"))
        let person = byPath["people/dmitri-peskov"]?.markdown ?? ""
        #expect(person.contains("Nous ne commentons pas."))
        #expect(person.contains("porte-parole du Kremlin"))
        #expect(person.contains("[Joe Biden](joe-biden.html)") || person.contains("[Vladimir Poutine](vladimir-poutine.html)"))
        let timeline = byPath["timeline"]?.markdown ?? ""
        #expect(timeline.contains("5 octobre 2024"))
        #expect(timeline.contains("## Sans date"))
        #expect(timeline.contains("articles/a0.html"))
        let index = byPath["index"]?.markdown ?? ""
        #expect(index.contains("Un essai"))
        #expect(index.contains("people/dmitri-peskov.html"))
        let quotes = byPath["quotes"]?.markdown ?? ""
        #expect(quotes.contains("C'est inquiétant"))
        #expect(byPath["people"]?.markdown.contains("people/joe-biden.html") == true)
    }

    @Test("JSON strings: every special escaped, the text between copied whole, the result parses back to the input")
    func jsonStrings() throws {
        let samples = ["", "plain", "«\u{00A0}Déclaration\u{00A0}» \"cited\" \\ back", "<script>alert(1)</script>&amp;",
                       "line\nbreak\rand\ttab\u{01}\u{1F}", "sep\u{2028}para\u{2029}end", "\u{2028}", "é\u{2028}", "emoji 🇫🇷 – ok",
                       String(repeating: "long run of plain text ", count: 400) + "\"",
                       // Specials side by side, and in words of eight that hold two.
                       "<>&\"\\\n\u{2028}\u{2029}", "ab\u{2028}\u{2029}cd<e", "l\u{2019}an \u{2014} « x » <a> &amp; \u{2026}\u{2028}"]
        // Each special at each offset of the first words of eight bytes, so that the scan that
        // skips eight plain bytes at a time is checked on every lane.
        let specials = ["\"", "\\", "<", ">", "&", "\n", "\u{01}", "\u{1F}", "\u{2028}", "\u{2029}"]
        let placed = specials.flatMap { special in
            (0...17).map { String(repeating: "é", count: $0 / 2) + String(repeating: "x", count: $0 % 2) + special + "plain tail text" }
        }
        for s in samples + placed {
            let bytes = JSON.array([.string(s)]).bytes(pretty: false)
            let text = String(decoding: bytes, as: UTF8.self)
            for banned in ["<", ">", "&", "\u{2028}", "\u{2029}", "\n", "\r", "\t", "\u{01}"] {
                #expect(!text.unicodeScalars.contains { String($0) == banned }, "\(banned.debugDescription) in \(text)")
            }
            let back = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String])
            #expect(back == [s])
        }
        // Byte for byte what escaping one scalar at a time gives, on the samples and on texts
        // dense with specials and with the three-byte characters that share U+2028's first byte.
        func reference(_ s: String) -> [UInt8] {
            var out: [UInt8] = [0x22]
            for c in s.unicodeScalars {
                switch c {
                case "\"": out += Array(#"\""#.utf8)
                case "\\": out += Array(#"\\"#.utf8)
                case "\n": out += Array(#"\n"#.utf8)
                case "\r": out += Array(#"\r"#.utf8)
                case "\t": out += Array(#"\t"#.utf8)
                case "<", ">", "&", "\u{2028}", "\u{2029}", "\u{00}"..."\u{1F}":
                    let hex = String(c.value, radix: 16)
                    out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                default: out += Array(String(c).utf8)
                }
            }
            return out + [0x22]
        }
        let pieces = ["a", "é", "\u{2019}", "\u{2014}", "\u{2026}", "\u{2028}", "\u{2029}", "\u{20AC}", "<", "&", "\"", "\\", "\n", "\u{01}", "  ", "plain"]
        var generator = SeededRandom(seed: 2028)
        var texts = samples + placed
        for _ in 0..<2000 {
            texts.append((0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined())
        }
        for t in texts {
            var out: [UInt8] = []
            JSON.quote(t, into: &out)
            #expect(out == reference(t), "\(t.debugDescription)")
        }
        #expect(JSON.string("a<b\"").serialized(pretty: false) == #""a\u003cb\"""#)
        #expect(JSON.string("\u{2029}\u{2028}&\u{1F}\u{2019}").serialized(pretty: false) == #""\u2029\u2028\u0026\u001f’""#)
    }

    @Test("numbers are written as Swift prints them; what JSON cannot hold becomes null")
    func jsonNumbers() {
        let doc = JSON.array([.int(0), .int(7), .int(-42), .int(Int.max), .int(Int.min), .double(3), .double(-0.55),
                              .double(.nan), .double(.infinity), .bool(true), .bool(false), .null])
        #expect(doc.serialized(pretty: false)
                == "[0,7,-42,9223372036854775807,-9223372036854775808,3,-0.55,null,null,true,false,null]")
        // Strings and numbers are held in place, not each in a heap box of its own (an indirect
        // enum is one pointer): a feed has a million of them.
        #expect(MemoryLayout<JSON>.size > MemoryLayout<String>.size)
        let lazy = JSON.lazyArray(count: 2) { .object([("n", .int($0)), ("s", .string("é\($0)"))]) }
        #expect(JSON.array([lazy, .keyedArray(count: 1, key: { _ in nil }, element: { _ in .null })]).serialized(pretty: false)
                == "[[{\"n\":0,\"s\":\"é0\"},{\"n\":1,\"s\":\"é1\"}],[null]]")
    }

    @Test("numbers with decimals: the two-decimal path writes what %.4g writes, and leaves the rest to it")
    func jsonDecimals() {
        var values = (-12_000...12_000).map { Double($0) / 100 }
        values += [0.95, 0.85, 0.3, 0.1 + 0.2, 1e-9, -1e-9, 1.0000000001, 0.005, 0.0049, 0.123456, 99.995, 123.45, 1e20 + 0.5,
                   0.9499999, 12.3456789, 5e-5, 2.0 / 3.0]
        var fast = 0
        for d in values where d != d.rounded() {
            let general = String(format: "%.4g", d)
            #expect(JSON.double(d).serialized(pretty: false) == general, "\(d)")
            var out: [UInt8] = []
            if JSON.twoDecimals(d, into: &out) {
                fast += 1
                #expect(String(decoding: out, as: UTF8.self) == general, "\(d)")
            }
        }
        // Every non-whole hundredth below 100 took the fast path; the others did not.
        #expect(fast == 2 * 9_900 + 4)
    }

    @Test("the exports are laid out down to their lists: one entry per line, each entry on one line")
    func exportLayout() throws {
        let doc = JSON.object([("format", .int(1)), ("site", .object([("title", .string("T"))])),
                               ("quotes", .array([.object([("id", .string("q1")), ("notes", .array([.string("a"), .string("b")]))]),
                                                  .object([("id", .string("q2")), ("notes", .array([]))])]))])
        var out: [UInt8] = []
        try doc.stream(lines: Feeds.exportLines) { out += $0 }
        #expect(String(decoding: out, as: UTF8.self) == """
            {
              "format": 1,
              "site": {
                "title": "T"
              },
              "quotes": [
                {"id":"q1","notes":["a","b"]},
                {"id":"q2","notes":[]}
              ]
            }

            """)
        // The example's export: every line of its lists is one whole entry.
        let ex = try ExampleCopy()
        defer { ex.remove() }
        try Builder().build(ex.options)
        let lines = ex.read("dossier.json").split(separator: "\n")
        let entries = lines.filter { $0.hasPrefix("    {") }
        #expect(entries.count > 40)
        for line in entries {
            let text = line.hasSuffix(",") ? line.dropLast() : line
            #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) is [String: Any], "\(text.prefix(80))")
        }
    }

    @Test("the export follows the evaluation contract")
    func exportContract() throws {
        let d = dossier()
        let text = DossierExport.json(d, reported: d.reported, generator: "test").serialized()
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let articles = try #require(obj["articles"] as? [[String: Any]])
        #expect(articles.count == 2)
        for key in ["id", "source", "title", "date", "author", "text", "people"] { #expect(articles[0].keys.contains(key), "article key \(key)") }
        #expect(articles[0]["date"] is NSNull)
        #expect(articles[1]["date"] as? String == "2024-10-05")
        #expect(articles[0]["source"] as? String == "Content/articles/a0.txt")
        let people = try #require(obj["people"] as? [[String: Any]])
        for key in ["id", "name", "aliases"] { #expect(people[0].keys.contains(key)) }
        let quotes = try #require(obj["quotes"] as? [[String: Any]])
        for key in ["id", "article", "text", "speaker", "speaker_name", "cue", "rule", "confidence", "start", "end"] {
            #expect(quotes[0].keys.contains(key), "quote key \(key)")
        }
        // Offsets index the article text in Unicode scalars, as Python does.
        for q in quotes {
            let a = try #require(articles.first { $0["id"] as? String == q["article"] as? String })
            let scalars = Array(((a["text"] as? String) ?? "").unicodeScalars)
            let s = try #require(q["start"] as? Int), e = try #require(q["end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[s..<e])) == q["text"] as? String)
        }
    }

    @Test("hostile text in titles, names and quotes is escaped in every output")
    func escaping() throws {
        let fs = try memoryDossier(articles: [
            "x.txt": "<script>alert(1)</script> Titre \"piégé\"\n\nM. <img src=x onerror=alert(1)> a dit : « </mark><script>alert(2)</script> ». Jean <b>Durand</b> a déclaré : « [clic](javascript:alert(3)) ».\n",
        ])
        try Builder(fs: fs).build(BuildOptions())
        for (path, data) in fs.allFiles where path.hasPrefix("public/") && path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("<script>"), "\(path)")
            #expect(!html.contains("alert(1)</script>") && !html.contains("alert(2)</script>"), "\(path)")
            #expect(!html.contains("<img"), "\(path)")
            #expect(!html.lowercased().contains("href=\"javascript:"), "\(path)")
            #expect(!html.contains("<b>"), "\(path)")
        }
        let json = String(decoding: fs.allFiles["public/dossier.json"] ?? Data(), as: UTF8.self)
        #expect(!json.contains("<script"))
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
    }
}

@Suite("Long list pages")
struct ListPageTests {
    /// The example dossier, read and extracted.
    func example() throws -> Dossier {
        let fs = DiskFileSystem()
        var report = BuildReport()
        return try Builder(fs: fs).loadDossier(BuildOptions(content: repoRoot + "/Content", templates: repoRoot + "/Templates"), report: &report)
    }

    @Test("quotes and timeline are split into pages of at most the page size, every entry once, with a pager")
    func splitIntoPages() throws {
        let d = try example()
        let size = 7
        let pages = PageBuilder(dossier: d, listPageSize: size).build()
        let quotePages = pages.filter { $0.kind == "quotes" }.sorted { $0.path.count != $1.path.count ? $0.path.count < $1.path.count : $0.path < $1.path }
        #expect(quotePages.count >= 3)
        #expect(quotePages.first?.path == "quotes" && quotePages.dropFirst().first?.path == "quotes-2")
        // Every quote of the dossier is on exactly one page (statement groups list theirs again, so count the speaker lists).
        var seen: [String: Int] = [:]
        for p in quotePages {
            #expect(p.markdown.contains("class=\"pager\""), "\(p.path) has no pager")
            let ids = p.markdown.components(separatedBy: "#q").dropFirst().map { String($0.prefix { $0.isHexDigit || $0 == "-" }) }
            for id in ids { seen[id, default: 0] += 1 }
        }
        for q in d.quotes { #expect(seen["\(q.id.dropFirst())"] != nil, "quote \(q.id) is on no page") }
        let timelinePages = pages.filter { $0.kind == "timeline" }
        #expect(timelinePages.count >= 2)
        #expect(timelinePages.map(\.path).contains("timeline-2"))
        // Only the first page of the timeline carries the chart.
        #expect(timelinePages.filter { $0.markdown.contains("<svg") }.map(\.path) == ["timeline"])
        // With the default size the example is one page each, without a pager.
        let single = PageBuilder(dossier: d).build()
        #expect(single.filter { $0.kind == "quotes" }.map(\.path) == ["quotes"])
        #expect(!(single.first { $0.path == "quotes" }?.markdown.contains("pager") ?? true))
    }

    @Test("timeline pages end with a month, so that a point added or moved changes its own page, not the next ones")
    func pagesEndWithAMonth() {
        // Entries in runs ("months") of 5; pages of about 7 end where a run ends: every 10 entries.
        func plan(_ runs: [Int]) -> ListPlan {
            ListPlan(sections: [.init(heading: "", entries: runs.indices.map(ListPlan.Entry.item))], pageSize: 7, run: { entry in
                guard case .item(let i) = entry else { return nil }
                return runs[i]
            })
        }
        func firsts(_ p: ListPlan) -> [Int] { p.pages.map(\.start.1) }
        let runs = (0..<40).map { $0 / 5 }
        #expect(firsts(plan(runs)) == [0, 10, 20, 30])
        // One more entry in the first month: the pages after the first start with the same months.
        let added = [0] + runs
        #expect(firsts(plan(added)).map { added[$0] } == firsts(plan(runs)).map { runs[$0] })
        // A month longer than twice the size is cut at twice the size.
        #expect(firsts(plan(Array(repeating: 3, count: 30))) == [0, 14, 28])
        // A long month with days: its pages end with a day (past twice the size), and keep their
        // first days when a point is added; a single day longer than three pages is cut.
        func plan(_ runs: [Int], days: [Int]) -> ListPlan {
            ListPlan(sections: [.init(heading: "", entries: runs.indices.map(ListPlan.Entry.item))], pageSize: 7, run: { entry in
                guard case .item(let i) = entry else { return nil }
                return runs[i]
            }, part: { entry in
                guard case .item(let i) = entry else { return nil }
                return days[i]
            })
        }
        let days = (0..<45).map { $0 / 3 }
        let month = Array(repeating: 1, count: 45)
        #expect(firsts(plan(month, days: days)) == [0, 15, 30])
        let moreDays = [0] + days
        #expect(firsts(plan(month + [1], days: moreDays)).map { moreDays[$0] } == [0, 5, 10])
        #expect(firsts(plan(Array(repeating: 1, count: 30), days: Array(repeating: 2, count: 30))) == [0, 21])
        // Without runs, pages are cut at the size itself.
        #expect(ListPlan(sections: [.init(heading: "", entries: (0..<20).map(ListPlan.Entry.item))], pageSize: 7).pages.map(\.start.1) == [0, 7, 14])
    }

    @Test("the dates to settle end their pages at fixed articles: an event added changes its own page only")
    func unresolvedPagesAreAnchored() {
        func events(_ counts: [Int]) -> [Event] {
            counts.enumerated().flatMap { a, n in
                (0..<n).map { k in
                    Event(id: "e\(a)-\(k)", article: "a\(a)", date: nil, dateText: "mardi", resolution: "relative",
                          sentence: "Mardi, rien.", people: [], paragraph: 0, start: k, end: k + 1)
                }
            }
        }
        func pages(_ counts: [Int]) -> [[String]] {
            var d = Dossier(site: SiteConfig(title: "T", description: "", language: "fr"), articles: [], people: [], quotes: [], articlePeople: [:])
            d.events = events(counts)
            let plan = PageBuilder.timelinePlan(d, items: [], labels: Labels(language: "fr"), pageSize: 40)
            return plan.pages.indices.map { n in
                plan.entries(ofPage: n).compactMap { if case .unresolved(let e) = $0.entry { d.events[e].id } else { nil } }
            }
        }
        let counts = (0..<400).map { 1 + $0 % 4 }
        let before = pages(counts)
        #expect(before.count > 10 && before.allSatisfy { $0.count >= 40 || $0 == before.last })
        // One more event in the first article: only the first page differs.
        var more = counts
        more[0] += 1
        let after = pages(more)
        #expect(after.count == before.count)
        #expect(zip(before, after).dropFirst().allSatisfy { $0 == $1 })
        #expect(after[0] != before[0])
    }

    @Test("the index lists the newest articles and says where the others are; only those it lists shape it")
    func indexListsTheNewest() throws {
        var d = try example()
        let all = PageBuilder(dossier: d).page(.index).markdown
        let b = PageBuilder(dossier: d, indexLatest: 2)
        let index = b.page(.index).markdown
        let listed = d.articles.filter { index.contains("(articles/\($0.id).html)") }
        #expect(listed.count == 2 && d.articles.allSatisfy { all.contains("(articles/\($0.id).html)") })
        #expect(index.contains("\(d.articles.count - 2) autres articles, par date dans la chronologie") && index.contains("(timeline.html)"))
        // The two listed are the newest.
        let newest = d.articles.compactMap(\.date).sorted(by: >).prefix(2)
        #expect(Set(listed.compactMap(\.date)) == Set(newest))
        // A title the index does not show leaves its key as it was; one it shows changes it.
        func key(_ d: Dossier) -> UInt64? {
            let b = PageBuilder(dossier: d, indexLatest: 2)
            let keys = b.articleKeys()
            return b.inputKey(.index, articleKeys: keys, keys: FeedKeys(d, settings: 0).with(timeline: b.timelineItems))
        }
        let before = try #require(key(d))
        // The article keys are made from the feeds' keys of the same dossier.
        #expect(b.articleKeys(FeedKeys(d, settings: 0)) == b.articleKeys() && b.articleKeys().contains { $0 != nil })
        var other = d
        other.articles.removeLast()
        #expect(b.articleKeys(FeedKeys(other, settings: 0)).allSatisfy { $0 == nil }, "keys of another dossier are not used")
        let hidden = try #require(d.articles.firstIndex { a in !listed.contains { $0.id == a.id } })
        d.articles[hidden].title += " (bis)"
        #expect(key(d) == before)
        let shown = try #require(d.articles.firstIndex { $0.id == listed[0].id })
        d.articles[shown].title += " (bis)"
        #expect(key(d) != before)
    }

    @Test("a long run of pages shows the first, the last and the pages around the current one")
    func pagerWindow() throws {
        let b = PageBuilder(dossier: try example())
        let pager = b.pager("quotes", page: 20, of: 40)
        #expect(pager.contains("[1](quotes.html)") && pager.contains("[40](quotes-40.html)"))
        #expect(pager.contains("**21**") && pager.contains("[18](quotes-18.html)") && pager.contains("[24](quotes-24.html)"))
        #expect(!pager.contains("[10](quotes-10.html)"))
        #expect(pager.components(separatedBy: "…").count == 3)
    }
}

@Suite("Page frames: the templates rendered once per kind, each page's values put in")
struct PageFrameTests {
    /// A template set from `templates` (name -> text), with the repository's for the others.
    func templateSet(_ templates: [String: String]) throws -> TemplateSet {
        var files: [String: Data] = [:]
        for (rel, data) in try snapshot(repoRoot + "/Templates") { files["Templates/" + rel] = data }
        for (name, text) in templates { files["Templates/\(name).mustache"] = Data(text.utf8) }
        return try TemplateSet(directory: "Templates", fs: MemoryFileSystem(files: files))
    }

    func renderer(_ templates: TemplateSet, language: String = "fr") -> PageRenderer {
        PageRenderer(site: SiteConfig(title: "Dossier <b>\"test\"</b> & co", description: "", language: language),
                     labels: Labels(language: language), templates: templates)
    }

    /// Pages with the titles that matter: plain, HTML specials, a quote fused with a combining
    /// mark, accents, empty; in the root folder and one folder down; in two languages.
    let pages: [Page] = [
        Page(path: "articles/a1", kind: "article", title: "Poutine : « Nous verrons »", markdown: "# Poutine\n\nUn *texte*.\n", language: nil),
        Page(path: "articles/a2", kind: "article", title: "<script>alert('x')</script> & \"co\"", markdown: "# T\n\n<mark id=\"q1\">x</mark>\n", language: "en"),
        Page(path: "articles/a3", kind: "article", title: "Titre \"\u{303} onmouseover=alert(1) ", markdown: "# T\n\nUn texte.\n", language: nil),
        Page(path: "articles/a4", kind: "article", title: "", markdown: "Sans titre.\n", language: nil),
        Page(path: "articles/a5", kind: "article", title: "Vide", markdown: "", language: nil),
        Page(path: "people/jean-dupont", kind: "person", title: "Jean Dupont", markdown: "# Jean Dupont\n\nÉlu.\n", language: nil),
        Page(path: "index", kind: "index", title: "L'été « déjà »", markdown: "# Index\n\n[a](articles/a1.html)\n", language: nil),
        Page(path: "quotes-2", kind: "quotes", title: "Citations (2)", markdown: "# Citations\n\n1. « x »\n", language: nil),
    ]

    @Test("every page of the example dossier comes out of its frame exactly as Mustache renders it")
    func exampleDossier() throws {
        var report = BuildReport()
        let dossier = try Builder(fs: DiskFileSystem()).loadDossier(BuildOptions(content: repoRoot + "/Content", templates: repoRoot + "/Templates"),
                                                                   report: &report)
        let templates = try TemplateSet(directory: repoRoot + "/Templates", fs: DiskFileSystem())
        let r = PageRenderer(site: dossier.site, labels: Labels(language: dossier.site.language), templates: templates)
        let all = PageBuilder(dossier: dossier).build()
        #expect(all.count > 20)
        for page in all {
            #expect(r.html(page).data == r.htmlByMustache(page).data, "\(page.path)")
        }
        // The repository's templates make frames: the pages above were spliced, not rendered.
        for kind in ["article", "person", "index", "quotes", "timeline", "people", "search"] {
            #expect(r.frame(kind: kind, lang: "fr", root: "../") != nil, "\(kind)")
        }
    }

    @Test("templates that use a value otherwise than as text make no frame, or one that gives Mustache's bytes",
          arguments: [
            // name, article template, layout (nil: the repository's), whether a frame is expected
            ("escaped content and title in an attribute", "<div title=\"{{title}}\">{{content}}</div>{{{content}}}", nil, true),
            ("section over the title", "{{#title}}<h1>{{title}}</h1>{{/title}}{{^title}}sans titre{{/title}}{{{content}}}", nil, true),
            ("case transform", "<h1>{{uppercased(title)}}</h1>{{{content}}}", nil, false),
            ("reversed", "{{reversed(title)}}{{{content}}}", nil, false),
            ("empty transform", "{{#empty(title)}}vide{{/empty(title)}}{{{content}}}", nil, true),
            ("partial", "{{> extra}}{{{content}}}", nil, false),
            ("escaped body in the layout", "<h1>{{title}}</h1>{{{content}}}", "<html lang=\"{{lang}}\"><title>{{title}}</title>{{body}}</html>", false),
            ("text content type", "{{{content}}}", "{{% CONTENT_TYPE: TEXT}}<html lang=\"{{lang}}\"><meta content=\"{{title}}\">{{{body}}}<a href=\"{{markdown}}\">md</a></html>", true),
            ("values in attributes", "{{{content}}}", "<html lang=\"{{lang}}\"><meta name=\"t\" content=\"{{title}}\">{{{body}}}<a href=\"{{root}}{{markdown}}\">{{&title}}</a></html>", true),
          ])
    func unusualTemplates(name: String, article: String, layout: String?, framed: Bool) throws {
        var texts = ["article": article, "extra": "<aside>{{title}}</aside>\n"]
        if let layout { texts["layout"] = layout }
        let r = renderer(try templateSet(texts))
        #expect((r.frame(kind: "article", lang: "fr", root: "../") != nil) == framed, "\(name)")
        for page in pages {
            #expect(r.html(page).data == r.htmlByMustache(page).data, "\(name): \(page.path)")
        }
    }

    @Test("an article's language or title cannot end a template's attribute: a quote fused with a combining mark is escaped")
    func noAttributeBreakout() throws {
        let r = renderer(try templateSet(["layout": "<html lang=\"{{lang}}\"><meta content=\"{{title}}\">{{{body}}}</html>"]))
        let page = Page(path: "articles/x", kind: "article", title: "T\"\u{303} onfocus=alert(1) autofocus ",
                        markdown: "# T\n", language: "fr\"\u{303} onmouseover=alert(2) ")
        for html in [r.html(page), r.htmlByMustache(page)].map({ String(decoding: $0.data, as: UTF8.self) }) {
            #expect(html.hasPrefix("<html lang=\"fr&quot; onmouseover=alert(2) \">"))
            #expect(html.contains("<meta content=\"T&quot; onfocus=alert(1) autofocus \">"))
            let fused = "\"\u{303}"
            #expect(!html.contains(fused))
        }
    }

    @Test("values for Mustache: only characters that fuse an HTML special with other scalars change")
    func safeValues() {
        for plain in ["", "Poutine", "L'été « déjà » — d'Émile", "<b>\"x\" & 'y'</b>", "e\u{301}t\u{301}e", "東京 🙂 🇫🇷"] {
            #expect(TemplateSet.safe(plain) == plain)
        }
        let fused: [(String, String)] = [("a\"\u{303}b", "a\"b"), ("'\u{301}x'", "'x'"), ("x\u{600}<y", "x<y"), ("&\u{20DD}", "&")]
        for (input, expected) in fused {
            let made = TemplateSet.safe(input)
            #expect(made == expected)
        }
    }
}
