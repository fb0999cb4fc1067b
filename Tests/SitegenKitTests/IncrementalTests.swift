import Foundation
import Testing
@testable import SitegenKit

/// Incremental builds: after each edit, a build that uses the cache gives exactly the files of a
/// build without it, and reuses what the edit did not touch.
@Suite("Incremental builds")
struct IncrementalTests {
    /// The example dossier in a temporary folder, built once with the cache.
    struct Dossier {
        let dir: String
        var content: String { dir + "/Content" }
        var incremental: BuildOptions {
            BuildOptions(content: content, templates: dir + "/Templates", output: dir + "/public", incremental: true)
        }

        init() throws {
            dir = try temporaryFolder()
            try copyExample(to: dir)
            // Articles last changed an hour ago, as in a real dossier: the build records their stamps.
            for file in try FileManager.default.contentsOfDirectory(atPath: content + "/articles") {
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: content + "/articles/" + file)
            }
        }

        /// The example's article files, sorted.
        func articleFiles() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: content + "/articles").filter { $0.hasSuffix(".txt") }.sorted()
        }

        func write(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + path))
        }

        func append(_ path: String, _ text: String) throws {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/" + path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        }

        /// Builds with the cache, then without it into `clean/`, and checks both give the same files.
        @discardableResult
        func rebuildMatchesCleanBuild(_ sourceLocation: SourceLocation = #_sourceLocation) throws -> BuildReport {
            let report = try Builder().build(incremental)
            try? FileManager.default.removeItem(atPath: dir + "/clean")
            try Builder().build(BuildOptions(content: content, templates: dir + "/Templates", output: dir + "/clean"))
            let built = try snapshot(dir + "/public"), clean = try snapshot(dir + "/clean")
            #expect(Set(built.keys) == Set(clean.keys), sourceLocation: sourceLocation)
            let differing = built.keys.filter { built[$0] != clean[$0] }.sorted()
            #expect(differing.isEmpty, "files that differ from a clean build: \(differing.prefix(5))", sourceLocation: sourceLocation)
            return report
        }
    }

    @Test("a rebuild without changes reads, extracts and writes nothing again")
    func unchangedRebuild() throws {
        let d = try Dossier()
        defer { try? FileManager.default.removeItem(atPath: d.dir) }
        let first = try Builder().build(d.incremental)
        #expect(first.cachedReads == 0 && !first.cachedExtraction && first.unchangedPages == 0)
        for file in ["articles.bin", "outputs.bin", "statements.bin"] {
            #expect(FileManager.default.fileExists(atPath: d.dir + "/.public.cache/" + file))
        }
        let again = try d.rebuildMatchesCleanBuild()
        #expect(again.cachedReads == 5)
        #expect(again.cachedExtraction)
        #expect(again.unchangedPages == again.pages)
        #expect(again.feedElements > 0 && again.copiedFeedElements == again.feedElements)
    }

    @Test("the lexicon is made by a build that reads or re-dates, not by a rebuild after an annotation's commentary changed")
    func lexiconOnDemand() throws {
        let d = try Dossier()
        defer { try? FileManager.default.removeItem(atPath: d.dir) }
        final class Count: @unchecked Sendable {
            private let lock = NSLock()
            private var n = 0
            var value: Int { lock.withLock { n } }
            func add() { lock.withLock { n += 1 } }
        }
        let made = Count()
        @Sendable func lexicon() -> Lexicon {
            made.add()
            return .standard
        }
        try Builder(lexicon: lexicon()).build(d.incremental)
        #expect(made.value == 1)
        let firstID = Text.slug((try d.articleFiles()[0] as NSString).deletingPathExtension)
        try d.write("Content/annotations/\(firstID).md", "Un commentaire.\n")
        try Builder(lexicon: lexicon()).build(d.incremental)
        try d.write("Content/annotations/\(firstID).md", "Un autre commentaire.\n")
        let report = try Builder(lexicon: lexicon()).build(d.incremental)
        #expect(report.cachedExtraction)
        #expect(made.value == 1, "a commentary edit made the lexicon")
        // A new date: the article's events are resolved again, with the builder's lexicon.
        try d.write("Content/annotations/\(firstID).md", "---\ndate: 2024-09-06\n---\nUn autre commentaire.\n")
        try Builder(lexicon: lexicon()).build(d.incremental)
        #expect(made.value == 2)
    }

    @Test("an article re-dated by the user has its events' relative dates resolved again from the new date, and only its")
    func redating() throws {
        let base = try #require(readArticle("Titre\n\nHier, le ministre a parlé à Paris.\n").article)
        /// `n` articles, all dated 2024-05-10, each with the event "hier" (the day before).
        func dossier(_ n: Int) -> SitegenKit.Dossier {
            var articles: [Article] = [], events: [Event] = []
            for k in 0..<n {
                var a = base
                a.id = "a\(k)"
                a.date = PartialDate(year: 2024, month: 5, day: 10)
                articles.append(a)
                events.append(Event(id: "e\(k)", article: a.id, date: PartialDate(year: 2024, month: 5, day: 9), dateText: "Hier",
                                    resolution: "relative", sentence: "Hier, le ministre a parlé à Paris.", people: [], paragraph: 1, start: 0, end: 4))
            }
            var d = SitegenKit.Dossier(site: SiteConfig(), articles: articles, people: [], quotes: [], articlePeople: [:])
            d.events = events
            return d
        }
        // Few re-dated articles (their ids compared one by one) and many (looked up).
        for (n, redated) in [(5, [3]), (30, Array(0..<20))] {
            var d = dossier(n)
            let before = d.articles.map { (id: $0.id, date: $0.date) }
            for k in redated { d.articles[k].date = PartialDate(year: 2024, month: 6, day: 20) }
            // The events it changed are told, for their hashes to be made again.
            #expect(Builder.redate(&d, before: before) == redated)
            for k in 0..<n {
                #expect(d.events[k].date == (redated.contains(k) ? PartialDate(year: 2024, month: 6, day: 19) : PartialDate(year: 2024, month: 5, day: 9)),
                        "\(n) articles, event \(k)")
            }
        }
    }

    @Test("the grouping's key changes with any grouped field of any quote, and with their order; not with the others")
    func statementsKeyCoversQuotes() {
        let cache = BuildCache(fs: MemoryFileSystem(), output: "public")
        let n = 5000
        let quotes = (0..<n).map { i in
            Quote(id: "q\(i)", article: "a\(i / 10)", text: "Texte \(i % 50)", kind: .direct, speaker: "p\(i % 7)", speakerName: "P \(i % 7)",
                  evidence: Evidence(cue: "a dit", rule: "r", confidence: 0.5, notes: []), note: nil, start: i, end: i + 1, paragraph: 0)
        }
        let key = cache.statementsKey(QuoteHashes(quotes))
        #expect(cache.statementsKey(QuoteHashes(quotes)) == key)
        var keys: Set<String> = [key]
        for i in [0, 4095, 4096, n - 1] {
            let edits: [(inout Quote) -> Void] = [{ $0.id += "x" }, { $0.article += "x" }, { $0.text += "x" }, { $0.kind = .indirect },
                                                  { $0.speaker = nil }, { $0.speakerName = "Q" }]
            for edit in edits {
                var q = quotes
                edit(&q[i])
                keys.insert(cache.statementsKey(QuoteHashes(q)))
            }
            var other = quotes
            other[i].evidence.cue = "a répondu"
            #expect(cache.statementsKey(QuoteHashes(other)) == key, "a field the grouping does not read")
        }
        #expect(keys.count == 1 + 4 * 6)
        var swapped = quotes
        swapped.swapAt(4095, 4096)
        #expect(cache.statementsKey(QuoteHashes(swapped)) != key)
        #expect(cache.statementsKey(QuoteHashes(Array(quotes.dropLast()))) != key)
    }

    @Test("a quote's content hash changes with each of its fields, its statement hash only with the grouped ones")
    func quoteHashesCoverFields() {
        let quote = Quote(id: "q1", article: "a1", text: "Texte", kind: .direct, speaker: "p1", speakerName: "P 1",
                          evidence: Evidence(cue: "a dit", rule: "r", confidence: 0.5, notes: ["n"]), note: nil, start: 3, end: 9, paragraph: 1)
        let base = QuoteHashes([quote])
        #expect(base.count == 1 && base.content == [StableHash.of([quote], at: 0)])
        let grouped: [(inout Quote) -> Void] = [{ $0.id += "x" }, { $0.article += "x" }, { $0.text += "x" }, { $0.kind = .indirect },
                                                { $0.speaker = nil }, { $0.speaker = "" }, { $0.speakerName = "Q" }]
        let others: [(inout Quote) -> Void] = [{ $0.evidence.cue += "x" }, { $0.evidence.rule += "x" }, { $0.evidence.confidence = 0.75 },
                                               { $0.note = "" }, { $0.start += 1 }, { $0.end += 1 }, { $0.paragraph += 1 },
                                               { $0.evidence.notes.append("m") }]
        var contents: Set<UInt64> = [base.content[0]], statements: Set<UInt64> = [base.statement[0]]
        for edit in grouped + others {
            var q = quote
            edit(&q)
            let h = QuoteHashes([q])
            contents.insert(h.content[0])
            statements.insert(h.statement[0])
        }
        #expect(contents.count == 1 + grouped.count + others.count)
        #expect(statements.count == 1 + grouped.count)
        // Read back from the cache only with one hash of each kind for each quote.
        #expect(QuoteHashes(statement: base.statement, content: base.content, count: 1) == base)
        #expect(QuoteHashes(statement: base.statement, content: base.content, count: 2) == nil)
        #expect(QuoteHashes(statement: [], content: base.content, count: 1) == nil)
    }

    @Test("after several edits, each incremental build is byte-identical to a clean build")
    func editsGiveCleanBuildOutput() throws {
        let d = try Dossier()
        defer { try? FileManager.default.removeItem(atPath: d.dir) }
        try Builder().build(d.incremental)
        let articles = try d.articleFiles()
        let firstID = Text.slug((articles[0] as NSString).deletingPathExtension)

        // 1. An annotation: new date and commentary. Reading and extraction are reused; the pages
        //    it does not touch are linked, not written.
        try d.write("Content/annotations/\(firstID).md", "---\ndate: 2024-09-06\n---\nVoir [[Vladimir Poutine]].\n")
        var r = try d.rebuildMatchesCleanBuild()
        #expect(r.cachedReads == 5 && r.cachedExtraction)
        #expect(r.unchangedPages > 0 && r.unchangedPages < r.pages)

        // 2. An article gains a paragraph: only it is read and analysed again; people are
        //    resolved again, and only the articles whose people changed are attributed again.
        try d.append("Content/articles/" + articles[1], "\nUne phrase ajoutée, a déclaré Jean Dupont.\n")
        r = try d.rebuildMatchesCleanBuild()
        #expect(r.cachedReads == 4 && !r.cachedExtraction)
        #expect(r.analysedArticles == 1 && r.attributedArticles >= 1 && r.attributedArticles < r.articles)

        // 3. A person in the registry: no article is analysed again; those naming him are attributed again.
        try d.write("Content/people/vladimir-poutine.md", "---\nname: Vladimir Poutine\naliases: [Putin]\nrole: président russe\n---\nNotes.\n")
        r = try d.rebuildMatchesCleanBuild()
        #expect(r.cachedReads == 5 && !r.cachedExtraction)
        #expect(r.analysedArticles == 0 && r.attributedArticles >= 1)

        // 4. A template: the HTML of the pages of its kind is rendered again, their Markdown kept
        //    (the same file); other pages and the feeds, made without it, are kept and copied.
        let page = "/public/articles/\(firstID)"
        let markdownBefore = try inode(d.dir + page + ".md"), htmlBefore = try inode(d.dir + page + ".html")
        let indexBefore = try inode(d.dir + "/public/index.html")
        try d.append("Templates/article.mustache", "\n<!-- edited -->\n")
        r = try d.rebuildMatchesCleanBuild()
        #expect(r.cachedExtraction)
        #expect(r.unchangedPages == r.pages - r.articles)
        #expect(r.feedElements > 0 && r.copiedFeedElements == r.feedElements)
        #expect(try inode(d.dir + page + ".md") == markdownBefore)
        #expect(try inode(d.dir + page + ".html") != htmlBefore)
        #expect(try inode(d.dir + "/public/index.html") == indexBefore)
        // The layout: every page's HTML.
        try d.append("Templates/layout.mustache", "\n<!-- edited -->\n")
        r = try d.rebuildMatchesCleanBuild()
        #expect(r.unchangedPages == 0)
        #expect(try inode(d.dir + "/public/index.html") != indexBefore)

        // 4b. The stylesheet, which pages link to: no page is rendered again, style.css is the new one.
        try d.append("Templates/style.css", "\n/* edited */\n")
        r = try d.rebuildMatchesCleanBuild()
        #expect(r.unchangedPages == r.pages)
        #expect(try String(contentsOfFile: d.dir + "/public/style.css", encoding: .utf8).hasSuffix("/* edited */\n"))

        // 5. Another language in site.yml: every article is read again (its stamp is unchanged,
        //    but what reading makes of it depends on the language), and every page made again.
        let site = try String(contentsOfFile: d.content + "/site.yml", encoding: .utf8)
        try d.write("Content/site.yml", site.replacingOccurrences(of: "language: fr", with: "language: en"))
        r = try d.rebuildMatchesCleanBuild()
        #expect(r.cachedReads == 0 && r.unchangedPages == 0 && r.analysedArticles == 5)
        try d.write("Content/site.yml", site)
        r = try d.rebuildMatchesCleanBuild()

        // 6. An article removed, and the annotation of another.
        try FileManager.default.removeItem(atPath: d.content + "/articles/" + articles[2])
        try FileManager.default.removeItem(atPath: d.content + "/annotations/\(firstID).md")
        r = try d.rebuildMatchesCleanBuild()
        #expect(r.articles == 4 && r.analysedArticles == 0)
    }

    @Test("the last output's arrays are edited where articles changed, or made anew: the result is the articles' items in order")
    func outputAssembly() {
        // A small deterministic generator: each case keeps, drops, changes, adds or swaps articles.
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for _ in 0..<500 {
            // The last output: articles 0..<n, each with 0 to 3 items.
            let n = 1 + next(12)
            var old: [Int] = [], ranges: [Range<Int>] = []
            for a in 0..<n {
                let start = old.count
                for j in 0..<next(4) { old.append(a * 10 + j) }
                ranges.append(start..<old.count)
            }
            var order = Array(0..<n)
            if next(5) == 0, n > 1 { order.swapAt(next(n), next(n)) } // out of order: made anew
            var parts: [(kept: Range<Int>?, made: [Int])] = []
            var expected: [Int] = []
            for a in order {
                switch next(6) {
                case 0: continue // gone
                case 1: // made again
                    let made = (0..<next(4)).map { 1000 + a * 10 + $0 }
                    parts.append((nil, made)); expected += made
                case 2: // a new article before it
                    let made = [2000 + a]
                    parts.append((nil, made)); expected += made
                    parts.append((ranges[a], [])); expected += old[ranges[a]]
                default:
                    parts.append((ranges[a], [])); expected += old[ranges[a]]
                }
            }
            var last = old
            #expect(Extractor.assemble(&last, parts) == expected, "\(old) \(parts)")
        }
        // Many gaps: made anew, the same.
        let old = Array(0..<40)
        let parts = stride(from: 0, to: 40, by: 2).flatMap { i -> [(kept: Range<Int>?, made: [Int])] in [(i..<(i + 1), []), (nil, [100 + i])] }
        var last = old
        #expect(Extractor.assemble(&last, parts) == stride(from: 0, to: 40, by: 2).flatMap { [$0, 100 + $0] })
    }

    @Test("an article edited, added or removed is analysed alone; attributed again are the articles whose people it changed")
    func partialExtraction() throws {
        let d = try Dossier()
        defer { try? FileManager.default.removeItem(atPath: d.dir) }
        for folder in ["articles", "annotations", "notes", "people"] { try? FileManager.default.removeItem(atPath: d.content + "/" + folder) }
        try FileManager.default.createDirectory(atPath: d.content + "/articles", withIntermediateDirectories: true)
        let articles = [
            "a1": "Le Kremlin répond\n\nVladimir Poutine a déclaré jeudi : « Nous ne reculerons pas. »\n",
            // A bare surname: the person of the full name in a1.
            "a2": "Moscou reste ferme\n\n« Rien ne changera », a affirmé Poutine devant la presse.\n",
            "a3": "Le budget en débat\n\n« Le budget sera voté », a assuré Élisabeth Borne mardi.\n",
            // Two capitalised words of no known first name: a person while no article writes them in lower case.
            "a4": "Une réunion discrète\n\n« Ceci reste entre nous », a déclaré Zorglub Trimard à la sortie.\n",
        ]
        for (name, text) in articles { try d.write("Content/articles/\(name).txt", text) }
        // The hashes the extraction kept for the articles it did not attribute again, and made for
        // the others, are those of its quotes and events.
        func hashesHold(_ sourceLocation: SourceLocation = #_sourceLocation) throws {
            let e = try #require(BuildCache(fs: DiskFileSystem(), output: d.dir + "/public").loadArticles()?.extraction, sourceLocation: sourceLocation)
            #expect(e.output.quoteHashes == QuoteHashes(e.output.quotes), sourceLocation: sourceLocation)
            #expect(e.output.eventHashes == StableHash.of(e.output.events), sourceLocation: sourceLocation)
            #expect(!e.output.quotes.isEmpty && !e.output.events.isEmpty, sourceLocation: sourceLocation)
        }
        var r = try d.rebuildMatchesCleanBuild()
        #expect(r.analysedArticles == 4 && r.attributedArticles == 4)
        #expect(r.people >= 3)
        try hashesHold()

        // An article unrelated to the others: it alone is analysed and attributed.
        try d.append("Content/articles/a3.txt", "Elle a ajouté : « Nous tiendrons les délais. »\n")
        r = try d.rebuildMatchesCleanBuild()
        #expect(r.analysedArticles == 1 && r.attributedArticles == 1)
        try hashesHold()

        // The full name changes: a2's bare surname is now someone else, so a2 is attributed again, unread.
        try d.write("Content/articles/a1.txt", "Le Kremlin répond\n\nDmitri Poutine a déclaré jeudi : « Nous ne reculerons pas. »\n")
        r = try d.rebuildMatchesCleanBuild()
        #expect(r.analysedArticles == 1 && r.attributedArticles == 2)
        #expect(try String(contentsOfFile: d.dir + "/public/dossier.json", encoding: .utf8).contains("dmitri-poutine"))
        try hashesHold()

        // An article that writes "trimard" in lower case: a4's name is no longer a person.
        try d.write("Content/articles/a5.txt", "Le trimard du port\n\nLe trimard est fermé depuis lundi.\n")
        r = try d.rebuildMatchesCleanBuild()
        #expect(r.analysedArticles == 1 && r.attributedArticles == 2)
        #expect(try !String(contentsOfFile: d.dir + "/public/dossier.json", encoding: .utf8).contains("zorglub-trimard"))
        try hashesHold()

        // It goes again: its lower-case words leave the count, and a4's speaker comes back.
        try FileManager.default.removeItem(atPath: d.content + "/articles/a5.txt")
        r = try d.rebuildMatchesCleanBuild()
        #expect(r.analysedArticles == 0 && r.attributedArticles == 1)
        #expect(try String(contentsOfFile: d.dir + "/public/dossier.json", encoding: .utf8).contains("zorglub-trimard"))
        try hashesHold()

        // Without the names' cache, all is done again, with the same result.
        try FileManager.default.removeItem(atPath: d.dir + "/.public.cache/names.bin")
        try d.append("Content/articles/a3.txt", "Fin.\n")
        r = try d.rebuildMatchesCleanBuild()
        #expect(r.analysedArticles == 4 && r.attributedArticles == 4)

        // A names' cache that no longer says what an article names (damaged, yet readable): the
        // article, attributed again, does not match it, and all is done afresh.
        let cache = BuildCache(fs: DiskFileSystem(), output: d.dir + "/public")
        let key = try #require(cache.loadArticles()?.extraction?.key)
        var names = try #require(cache.loadEntries(key: key))
        let a2 = try #require(names.entries.firstIndex { $0.id == "a2" })
        names.entries[a2].sheet.names = []
        cache.save(entries: names.entries, lowercase: names.lowercase, key: key)
        try d.append("Content/articles/a3.txt", "Fin encore.\n")
        r = try d.rebuildMatchesCleanBuild()
        #expect(r.analysedArticles == 4 && r.attributedArticles == 4)
    }

    @Test("an article whose size, time and inode are the recorded ones is not opened; one just written always is")
    func stamps() throws {
        let d = try Dossier()
        defer { try? FileManager.default.removeItem(atPath: d.dir) }
        try Builder().build(d.incremental)
        let articles = try d.articleFiles()
        let path = d.content + "/articles/" + articles[0]
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let time = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        // The same number of bytes, written in place (same inode), and the old time put back: as
        // make and git do, the build trusts the stamp and does not open the file.
        let word = try #require(original.range(of: Data("Conseil".utf8)), "the first article names the Conseil de sécurité")
        var changed = original
        changed.replaceSubrange(word, with: Data("Consexl".utf8))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: changed)
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: path)
        var r = try Builder().build(d.incremental)
        #expect(r.cachedReads == articles.count)
        var dossier = try String(contentsOfFile: d.dir + "/public/dossier.json", encoding: .utf8)
        #expect(!dossier.contains("Consexl"))
        // With its time of now, it is read again: and a file changed less than a second before
        // the build read it gets no stamp, so the next build opens it too.
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
        r = try Builder().build(d.incremental)
        #expect(r.cachedReads == articles.count - 1)
        dossier = try String(contentsOfFile: d.dir + "/public/dossier.json", encoding: .utf8)
        #expect(dossier.contains("Consexl"))
        let cache = try #require(BuildCache(fs: DiskFileSystem(), output: d.dir + "/public").loadArticles())
        #expect(cache.stamps.count == articles.count - 1 && cache.stamps[path] == nil)
    }

    @Test("an output file changed by hand is written again; a damaged cache is ignored")
    func handEditsAndDamagedCache() throws {
        let d = try Dossier()
        defer { try? FileManager.default.removeItem(atPath: d.dir) }
        try Builder().build(d.incremental)
        let index = d.dir + "/public/index.html"
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: index))
        try d.rebuildMatchesCleanBuild()
        #expect(try String(contentsOfFile: index, encoding: .utf8) != "tampered")

        try Data("{ not the format".utf8).write(to: URL(fileURLWithPath: d.dir + "/.public.cache/articles.bin"))
        try Data([0xFF, 0x00]).write(to: URL(fileURLWithPath: d.dir + "/.public.cache/outputs.bin"))
        let r = try d.rebuildMatchesCleanBuild()
        #expect(r.cachedReads == 0 && r.unchangedPages == 0 && r.copiedFeedElements == 0)

        // A cache file cut short is ignored too.
        let full = try Data(contentsOf: URL(fileURLWithPath: d.dir + "/.public.cache/articles.bin"))
        try full.prefix(full.count / 2).write(to: URL(fileURLWithPath: d.dir + "/.public.cache/articles.bin"))
        #expect(try d.rebuildMatchesCleanBuild().cachedReads == 0)
    }

    @Test("edits that reach other pages: a speaker corrected, a commentary, a date; the rest is linked and copied")
    func editsReachingOtherPages() throws {
        let d = try Dossier()
        defer { try? FileManager.default.removeItem(atPath: d.dir) }
        try Builder().build(d.incremental)
        var report = BuildReport()
        let dossier = try Builder().loadDossier(d.incremental, report: &report)
        // A quote with a speaker, in an article that names at least one other person.
        let quote = try #require(dossier.quotes.first { q in q.speaker != nil && (dossier.articlePeople[q.article] ?? []).contains { $0 != q.speaker } })
        let other = try #require((dossier.articlePeople[quote.article] ?? []).first { $0 != quote.speaker })
        let otherName = try #require(dossier.people.first { $0.id == other }?.name)
        let annotation = "Content/annotations/\(quote.article).md"

        // 1. The quote is given to another person: both people's pages, the quotes page and the
        //    feeds change; articles that do not contain the quote keep their pages.
        try d.write(annotation, "---\nquotes:\n  - id: \(quote.id)\n    speaker: \(otherName)\n---\n")
        var r = try d.rebuildMatchesCleanBuild()
        #expect(r.cachedExtraction && r.unchangedPages > 0 && r.unchangedPages < r.pages)
        #expect(r.copiedFeedElements > 0 && r.copiedFeedElements < r.feedElements)
        let page = try String(contentsOfFile: d.dir + "/public/people/\(other).md", encoding: .utf8)
        #expect(page.contains(Text.markdownInline(quote.text)))

        // 2. To a person the article does not name: that person's page lists it among their quotes.
        let stranger = try #require(dossier.people.first { !(dossier.articlePeople[quote.article] ?? []).contains($0.id) })
        try d.write(annotation, "---\nquotes:\n  - id: \(quote.id)\n    speaker: \(stranger.name)\n---\n")
        r = try d.rebuildMatchesCleanBuild()
        #expect(try String(contentsOfFile: d.dir + "/public/people/\(stranger.id).md", encoding: .utf8).contains(Text.markdownInline(quote.text)))

        // 3. A commentary, without links, and 4. a new date for the same article.
        try d.write(annotation, "---\nquotes:\n  - id: \(quote.id)\n    speaker: \(otherName)\n---\nUn commentaire.\n")
        r = try d.rebuildMatchesCleanBuild()
        #expect(r.unchangedPages > 0)
        try d.write(annotation, "---\ndate: 2023-01-15\nquotes:\n  - id: \(quote.id)\n    speaker: \(otherName)\n---\nUn commentaire.\n")
        r = try d.rebuildMatchesCleanBuild()
        #expect(r.copiedFeedElements > 0)
    }

    @Test("a feed edited by hand, or a cache that points past its end, is made again whole")
    func tamperedFeeds() throws {
        let d = try Dossier()
        defer { try? FileManager.default.removeItem(atPath: d.dir) }
        try Builder().build(d.incremental)
        let json = d.dir + "/public/dossier.json"
        let original = try Data(contentsOf: URL(fileURLWithPath: json))
        // Same size, other bytes: the stamp (modification time) differs, so nothing is copied from it.
        try Data(String(repeating: "x", count: original.count).utf8).write(to: URL(fileURLWithPath: json))
        var r = try d.rebuildMatchesCleanBuild()
        #expect(r.copiedFeedElements > 0 && r.copiedFeedElements < r.feedElements, "the search index and timeline are still copied")
        // Pieces that claim more bytes than the file has are not trusted.
        let cache = BuildCache(fs: DiskFileSystem(), output: d.dir + "/public")
        var outputs = try #require(cache.loadOutputs())
        for (path, var file) in outputs.streamed {
            file.pieces = file.pieces.map { PieceReuse.Piece(key: $0.key, offset: $0.offset + Int(file.stamp.size), length: $0.length) }
            outputs.streamed[path] = file
        }
        cache.save(outputs)
        r = try d.rebuildMatchesCleanBuild()
        #expect(r.copiedFeedElements == 0)
    }

    @Test("the feeds a build replaces are kept in the cache and written over by the next build, unless they have another name")
    func recycledFeeds() throws {
        let d = try Dossier()
        defer { try? FileManager.default.removeItem(atPath: d.dir) }
        let json = d.dir + "/public/dossier.json", spare = d.dir + "/.public.cache/spare/dossier.json"
        let id = Text.slug((try d.articleFiles()[0] as NSString).deletingPathExtension)
        let annotation = "Content/annotations/\(id).md"
        // The first build has a long title, the third the article's own: its file, written over
        // the first's, is cut to its own length.
        try d.write(annotation, "---\ntitle: " + String(repeating: "Un titre long ", count: 200) + "\ndate: 2024-09-06\n---\n")
        try Builder().build(d.incremental)
        #expect(!FileManager.default.fileExists(atPath: spare), "no build was replaced yet")
        let first = try inode(json), firstSize = try Data(contentsOf: URL(fileURLWithPath: json)).count
        try d.write(annotation, "Un commentaire.\n")
        try d.rebuildMatchesCleanBuild()
        #expect(try inode(spare) == first)
        let second = try inode(json)
        try FileManager.default.removeItem(atPath: d.dir + "/" + annotation)
        try d.rebuildMatchesCleanBuild()
        #expect(try inode(json) == first)
        #expect(try Data(contentsOf: URL(fileURLWithPath: json)).count < firstSize)
        #expect(try inode(spare) == second)
        for feed in ["search-index.js", "timeline.json", "feed.xml"] {
            #expect(FileManager.default.fileExists(atPath: d.dir + "/.public.cache/spare/" + feed))
        }
        // A spare that has another name (a link made by hand) is left as it is.
        let kept = d.dir + "/kept.json"
        try FileManager.default.linkItem(atPath: spare, toPath: kept)
        // Copied out (a Data may map the file, and so change with it).
        let keptBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: kept)))
        try d.write(annotation, "---\ndate: 2024-10-01\n---\n")
        try d.rebuildMatchesCleanBuild()
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: kept))) == keptBytes)
        #expect(try inode(json) != second)
    }

    @Test("the last build's pages are linked in early: a page made again replaces its link and never writes through it")
    func adoptedPagesAreReplacedNotWrittenThrough() throws {
        let d = try Dossier()
        defer { try? FileManager.default.removeItem(atPath: d.dir) }
        try Builder().build(d.incremental)
        let id = Text.slug((try d.articleFiles()[0] as NSString).deletingPathExtension)
        // The previous output's article page, held by a second name outside the output.
        let page = d.dir + "/public/articles/\(id).html", held = d.dir + "/held.html"
        #expect(link(page, held) == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: page))

        try d.write("Content/annotations/\(id).md", "Un commentaire du rédacteur.\n")
        let r = try d.rebuildMatchesCleanBuild()
        #expect(r.unchangedPages > 0 && r.unchangedPages < r.pages)
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("Un commentaire du rédacteur."))
        #expect(try Data(contentsOf: URL(fileURLWithPath: held)) == before, "the previous output's file was written through its link")

        // A build that fails after the pages were linked in leaves the output and no temporary folder.
        let output = try snapshot(d.dir + "/public")
        try d.write("Content/annotations/\(id).md", "---\ndate: [unclosed\n---\n")
        #expect(throws: BuildFailure.self) { try Builder().build(d.incremental) }
        #expect(try snapshot(d.dir + "/public") == output)
        let left = try FileManager.default.contentsOfDirectory(atPath: d.dir).filter { $0.hasPrefix(".public.tmp") }
        #expect(left.isEmpty, "temporary folders left: \(left)")
    }

    @Test("the cache keeps a linked copy of the output, which the next build begins from and changes only where it must")
    func mirrorOfTheOutput() throws {
        let d = try Dossier()
        defer { try? FileManager.default.removeItem(atPath: d.dir) }
        let mirror = d.dir + "/.public.cache/output"
        /// Each file below `folder` by its inode.
        func inodes(_ folder: String) throws -> [String: UInt64] {
            var out: [String: UInt64] = [:]
            for path in try snapshot(folder).keys { out[path] = try inode(folder + "/" + path) }
            return out
        }
        /// The copy holds the very files of the output (hard links), and nothing else.
        func mirrorIsTheOutput(_ sourceLocation: SourceLocation = #_sourceLocation) throws {
            let live = try inodes(d.dir + "/public"), copy = try inodes(mirror)
            #expect(!live.isEmpty && copy == live, sourceLocation: sourceLocation)
        }
        try Builder().build(d.incremental)
        try mirrorIsTheOutput()
        let articles = try d.articleFiles()
        let id = Text.slug((articles[0] as NSString).deletingPathExtension)

        // A file the copy has and the output does not (a page of an article since removed) does
        // not come back into the output.
        try Data("stale".utf8).write(to: URL(fileURLWithPath: mirror + "/articles/stale.html"))
        try d.write("Content/annotations/\(id).md", "Un commentaire.\n")
        var r = try d.rebuildMatchesCleanBuild()
        #expect(r.unchangedPages > 0 && r.unchangedPages < r.pages)
        try mirrorIsTheOutput()

        // An article removed: its pages leave the output and the copy.
        let removed = Text.slug((articles[1] as NSString).deletingPathExtension)
        try FileManager.default.removeItem(atPath: d.content + "/articles/" + articles[1])
        r = try d.rebuildMatchesCleanBuild()
        #expect(r.articles == 4)
        try mirrorIsTheOutput()
        #expect(!FileManager.default.fileExists(atPath: mirror + "/articles/\(removed).html"))

        // A page edited by hand in the output is edited in the copy too (the same file): its
        // stamp tells, and it is made again.
        let page = d.dir + "/public/articles/\(id).html"
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: page))
        r = try d.rebuildMatchesCleanBuild()
        #expect(try String(contentsOfFile: page, encoding: .utf8) != "tampered")
        try mirrorIsTheOutput()

        // A build that fails after taking the copy leaves no copy; the next one makes the output
        // as a clean build does, and a copy again.
        try d.write("Content/annotations/\(id).md", "---\ndate: [unclosed\n---\n")
        #expect(throws: BuildFailure.self) { try Builder().build(d.incremental) }
        #expect(!FileManager.default.fileExists(atPath: mirror))
        try d.write("Content/annotations/\(id).md", "Un autre commentaire.\n")
        r = try d.rebuildMatchesCleanBuild()
        #expect(r.unchangedPages > 0)
        try mirrorIsTheOutput()

        // Without the output (deleted by hand), the copy still gives the unchanged pages.
        try FileManager.default.removeItem(atPath: d.dir + "/public")
        r = try d.rebuildMatchesCleanBuild()
        #expect(r.unchangedPages == r.pages)
        try mirrorIsTheOutput()
    }

    @Test("every page's path is known without making the page")
    func pathsWithoutPages() throws {
        var report = BuildReport()
        let dossier = try Builder().loadDossier(BuildOptions(content: repoRoot + "/Content"), report: &report)
        let builder = PageBuilder(dossier: dossier, listPageSize: 3)
        #expect(builder.jobs.count > 20)
        for job in builder.jobs {
            let page = builder.page(job)
            #expect(builder.path(of: job) == page.path)
            #expect(builder.kind(of: job) == page.kind)
        }
    }

    @Test("a template edit renders again the pages of its kind; one that names another template, every page")
    func templateFingerprints() {
        let texts = [("layout", "<main>{{{body}}}</main>"), ("article", "{{{content}}}"), ("person", "{{{content}}}"), ("footer", "©")]
        let before = TemplateSet.fingerprints(texts, whole: "w")
        var edited = texts
        edited[2].1 += "<!-- edited -->"
        let after = TemplateSet.fingerprints(edited, whole: "w")
        #expect(after["person"] != before["person"])
        #expect(after["article"] == before["article"] && after["index"] == before["index"])
        // The layout and a template of no kind (a partial) are in every kind's.
        for (i, _) in [(0, "layout"), (3, "footer")] {
            var shared = texts
            shared[i].1 += " "
            let changed = TemplateSet.fingerprints(shared, whole: "w")
            #expect(TemplateSet.pageKinds.allSatisfy { changed[$0] != before[$0] })
        }
        // A partial, a parent or new delimiters, however spaced: the whole set's hash for every kind.
        for tag in ["{{> footer}}", "{{ >footer}}", "{{<layout}}{{/layout}}", "{{=<% %>=}}"] {
            var named = texts
            named[1].1 += tag
            let all = TemplateSet.fingerprints(named, whole: "w")
            #expect(TemplateSet.pageKinds.allSatisfy { all[$0] == "w" }, "\(tag)")
        }
    }

    @Test("the cache's binary format reads back what it wrote")
    func binaryRoundTrip() throws {
        let out = extract(["Titre\n\n« Nous irons jusqu'au bout », a déclaré Jean Dupont mardi 5 mars 2024.\n\n« Rien n'est encore décidé », a ajouté Marie Curie.\n"])
        let article = try #require(readArticle("Titre\n\nPar Marie Curie\n\nUn texte.\n").article)
        let cache = BuildCache(fs: MemoryFileSystem(), output: "public")
        let before = BuildCache.Articles(salt: cache.salt, reads: ["k": BuildCache.Read(article: article, diagnostics: [
            Diagnostic(.warning, stage: "read", file: "a.txt", line: 3, "message", hint: "hint")])],
                                         extraction: BuildCache.Extraction(key: "x", output: out))
        cache.save(before)
        let after = try #require(cache.loadArticles())
        #expect(after.reads["k"]?.article == article)
        #expect(after.reads["k"]?.diagnostics == before.reads["k"]?.diagnostics)
        let back = after.extraction?.output
        #expect(back?.quotes == out.quotes && back?.people == out.people && back?.events == out.events)
        #expect(back?.articlePeople == out.articlePeople)
        // The quotes' hashes, made when saved.
        #expect(out.quotes.count >= 2 && after.extraction?.output.quoteHashes == QuoteHashes(out.quotes))
        #expect(!out.events.isEmpty && after.extraction?.output.eventHashes == StableHash.of(out.events))
        let outputs = BuildCache.Outputs(salt: cache.salt, pages: ["articles/a": BuildCache.Written(key: "k", stamps: [
            FileStamp(size: 3, modified: 1_700_000_000_000_000_001, inode: 42)])],
                                         streamed: ["dossier.json": BuildCache.Streamed(stamp: FileStamp(size: 9, modified: 2, inode: 7), pieces: [
                                             PieceReuse.Piece(key: UInt64.max, offset: 1, length: 5),
                                             PieceReuse.Piece(key: 3, offset: -2, length: Int(UInt32.max) + 5)])],
                                         templates: ["article": "t1", "person": "t2"])
        cache.save(outputs)
        #expect(cache.loadOutputs() == outputs)
        // Cut short inside the pieces: not read.
        let file = cache.folder + "/outputs.bin", whole = try cache.fs.readFile(file)
        try cache.fs.writeFile(file, whole.dropLast(10))
        #expect(cache.loadOutputs() == nil)
        // A feed of more pieces than are written at a time, with gaps, overlaps and long ones.
        var offset = 0
        let many = (0..<(BinaryWriter.piecesBatch * 2 + 7)).map { i in
            let piece = PieceReuse.Piece(key: UInt64(i) &* 0x9E37_79B9_7F4A_7C15, offset: offset, length: i % 1000 == 0 ? 1 << 40 : i % 97)
            offset += i % 5 == 0 ? -3 : i % 7
            return piece
        }
        let big = BuildCache.Outputs(salt: cache.salt, pages: [:], streamed: [
            "dossier.json": BuildCache.Streamed(stamp: FileStamp(size: 1, modified: 2, inode: 3), pieces: many),
            "feed.xml": BuildCache.Streamed(stamp: FileStamp(size: 4, modified: 5, inode: 6), pieces: Array(many.prefix(3)))], templates: [:])
        cache.save(big)
        #expect(cache.loadOutputs() == big)
        // Cut anywhere in the last pieces (inside a key, a varint, between two): not read.
        let bigFile = try cache.fs.readFile(file)
        for cut in 1...40 {
            try cache.fs.writeFile(file, bigFile.dropLast(cut))
            #expect(cache.loadOutputs() == nil, "cut \(cut)")
        }
        // What the next extraction takes up: the names (a title, a role), the keys, the counts.
        let sheet = NameSheet(articleID: "a", names: [
            NameMention(paragraph: 1, lo: 2, hi: 5, words: ["Jean", "Dupont"], title: "M.", gender: .male, strength: .strong,
                        role: "porte-parole", inQuote: false, inTitle: true),
            NameMention(paragraph: 0, lo: 0, hi: 1, words: ["Dupont"], title: nil, gender: .unknown, strength: .bare,
                        role: nil, inQuote: true, inTitle: false)], locative: [1])
        let entries = [Extractor.ArticleEntry(id: "a", readKey: "r", sheet: sheet, attributionKey: UInt64.max)]
        cache.save(entries: entries, lowercase: [7: 2, UInt64.max: 1], key: "x")
        let names = try #require(cache.loadEntries(key: "x"))
        #expect(names.entries.count == 1 && names.entries[0].sheet.names == sheet.names && names.entries[0].sheet.locative == [1])
        #expect(names.entries[0].readKey == "r" && names.entries[0].attributionKey == UInt64.max)
        #expect(names.lowercase == [7: 2, UInt64.max: 1])
        // Of another extraction, or cut short: not taken up.
        #expect(cache.loadEntries(key: "y") == nil)
        let namesFile = cache.folder + "/names.bin"
        try cache.fs.writeFile(namesFile, try cache.fs.readFile(namesFile).dropLast(3))
        #expect(cache.loadEntries(key: "x") == nil)
    }

    @Test("an article from the cache keeps its body's bytes until read, and is written back as the same bytes")
    func lazyArticleBodies() throws {
        let article = try #require(readArticle("Titre\n\nPar Marie Curie\n\nUn texte accentué, « cité ».\n\nSuivez-nous sur X\n\nFin.\n").article)
        #expect(!article.dropped.isEmpty)
        let fs = MemoryFileSystem()
        let cache = BuildCache(fs: fs, output: "public")
        cache.save(BuildCache.Articles(salt: cache.salt, reads: ["k": BuildCache.Read(article: article, diagnostics: [])], extraction: nil))
        let file = try fs.readFile(cache.articlesFile)
        let loaded = try #require(cache.loadArticles()?.reads["k"]?.article)
        #expect(loaded.body.encoded != nil, "the body is kept as bytes")
        // Saved again before and after its body is read: the same file.
        cache.save(BuildCache.Articles(salt: cache.salt, reads: ["k": BuildCache.Read(article: loaded, diagnostics: [])], extraction: nil))
        #expect(try fs.readFile(cache.articlesFile) == file)
        #expect(loaded.paragraphs == article.paragraphs && loaded.dropped == article.dropped && loaded == article)
        cache.save(BuildCache.Articles(salt: cache.salt, reads: ["k": BuildCache.Read(article: loaded, diagnostics: [])], extraction: nil))
        #expect(try fs.readFile(cache.articlesFile) == file)
        // A body cut short makes the whole file unreadable, as any other part would.
        var w = BinaryWriter()
        w.article(article)
        var cut = w.bytes
        cut.removeLast(3)
        var r = BinaryReader(Data(cut))
        #expect(throws: BinaryReader.Truncated.self) { _ = try r.article() }
    }

    @Test("quotes and events written with their repeated fields once are read back the same; a number past the strings read is an error")
    func internedFields() throws {
        let quotes = (0..<60).map { i in
            Quote(id: "q\(i)", article: "article-\(i % 3)", text: i % 2 == 0 ? "Une même déclaration, reprise par plusieurs articles." : "Autre \(i)",
                  kind: i % 5 == 0 ? .indirect : .direct, speaker: i % 4 == 0 ? nil : "personne-\(i % 2)",
                  speakerName: i % 4 == 0 ? "le ministère" : "Personne Numéro \(i % 2)",
                  evidence: Evidence(cue: "a déclaré X", rule: "cue-after-\(i % 2)", confidence: 0.75, notes: i % 3 == 0 ? [] : ["note", "note 2"]),
                  note: i == 7 ? "à vérifier" : nil, start: i, end: i + 5, paragraph: i % 4)
        }
        let events = (0..<40).map { i in
            Event(id: "e\(i)", article: "article-\(i % 3)", date: i % 2 == 0 ? PartialDate(year: 2024, month: 5) : nil, dateText: "en mai",
                  resolution: i % 2 == 0 ? "absolute" : "relative", sentence: "En mai, la phrase \(i % 4).", people: ["personne-0", "personne-\(i % 2)"],
                  paragraph: 1, start: i, end: i + 3)
        }
        var w = BinaryWriter()
        w.array(quotes) { $0.quote($1) }
        w.array(events) { $0.event($1) }
        // Written once each: the text 30 quotes share, the speaker's name 45 share.
        func occurrences(_ s: String) -> Int {
            let needle = Array(s.utf8)
            return (0...(w.bytes.count - needle.count)).filter { w.bytes[$0..<($0 + needle.count)].elementsEqual(needle) }.count
        }
        #expect(occurrences("Une même déclaration") == 1)
        #expect(occurrences("Personne Numéro 1") == 1)
        #expect(occurrences("En mai, la phrase 3.") == 1)
        var r = BinaryReader(FileBytes(copying: w.bytes))
        #expect(try r.array { try $0.quote() } == quotes)
        #expect(try r.array { try $0.event() } == events)
        // Another writer (another section) numbers its strings anew.
        var other = BinaryWriter()
        other.quote(quotes[1])
        var alone = BinaryReader(FileBytes(copying: other.bytes))
        #expect(try alone.quote() == quotes[1])
        // A reference to a string that was not read before.
        var bad = BinaryWriter()
        bad.string("q"); bad.int(-1)
        var b = BinaryReader(FileBytes(copying: bad.bytes))
        #expect(throws: BinaryReader.Truncated.self) { _ = try b.quote() }
    }

    @Test("a build without the cache leaves no cache folder")
    func noCacheFolderWithoutIncremental() throws {
        let d = try Dossier()
        defer { try? FileManager.default.removeItem(atPath: d.dir) }
        try Builder().build(BuildOptions(content: d.content, templates: d.dir + "/Templates", output: d.dir + "/public"))
        #expect(!FileManager.default.fileExists(atPath: d.dir + "/.public.cache"))
    }
}
