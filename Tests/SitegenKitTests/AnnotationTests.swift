import Foundation
import Testing
@testable import SitegenKit

/// The example dossier in a temporary folder, with extra files written by the test.
struct ExampleCopy {
    let dir: String
    init() throws {
        dir = try temporaryFolder()
        try copyExample(to: dir)
    }
    var options: BuildOptions { BuildOptions(content: dir + "/Content", templates: dir + "/Templates", output: dir + "/public") }
    func write(_ path: String, _ text: String) throws {
        let full = dir + "/Content/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: false, encoding: .utf8)
    }
    func read(_ path: String) -> String { (try? String(contentsOfFile: dir + "/public/" + path, encoding: .utf8)) ?? "" }
    func remove() { try? FileManager.default.removeItem(atPath: dir) }
}

@Suite("Annotations")
struct AnnotationTests {
    @Test("a quote rejected and added again keeps its id; a correction finds its article's quote among others")
    func rejectAndAddAgain() throws {
        let ex = try ExampleCopy()
        defer { ex.remove() }
        var report = BuildReport()
        let before = try Builder().loadDossier(ex.options, report: &report)
        let favori = try #require(before.quotes.first { $0.text == "un favori" })
        try ex.write("annotations/\(favori.article).md", """
            ---
            quotes:
              - text: un favori
                reject: true
            add_quotes:
              - text: un favori
                speaker: Dmitri Peskov
            ---
            """)
        report = BuildReport()
        let after = try Builder().loadDossier(ex.options, report: &report)
        #expect(!report.diagnostics.contains { $0.severity == .error }, "\(report.diagnostics.filter { $0.severity == .error })")
        let again = after.quotes.filter { $0.text == "un favori" }
        #expect(again.count == 1 && again.first?.id == favori.id && again.first?.evidence.rule == "annotation")
        #expect(after.rejected.map(\.id) == [favori.id])
        #expect(after.quotes.count == before.quotes.count)
        // Added at the end, it is put back in its place: the article's order, then the text's.
        #expect(after.quotes.map(\.id) == before.quotes.map(\.id))
    }

    @Test("the whole scenario: date, speaker moved, quote rejected and added, note, merge, note page; Content/ untouched")
    func scenario() throws {
        let ex = try ExampleCopy()
        defer { ex.remove() }
        // Quote ids as the extraction gives them.
        var report = BuildReport()
        let before = try Builder().loadDossier(ex.options, report: &report)
        let nonID = try #require(before.quotes.first { $0.text.hasPrefix("Non. Pourquoi") }?.id)

        try ex.write("articles/005_extra.txt", "Le maître du Kremlin s'exprime\n\nVladimir Vladimirovitch Poutine a déclaré : « Nous verrons. »\n")
        try ex.write("annotations/001-80ac8afef52869fb.md", "---\ndate: 2024-09-05\n---\nPoutine parle à Vladivostok ; voir [[Dmitri Peskov]].\n")
        try ex.write("annotations/000-57d6d87391ec6554.md", """
            ---
            quotes:
              - text: les démocrates sont plus prévisibles
                speaker: pavel-zarubin
            ---
            """)
        try ex.write("annotations/003-5f1a5a1c1e2dc702.md", "---\nquotes:\n  - text: un favori\n    reject: true\n---\n")
        try ex.write("annotations/002-16214e6d72130146.md", """
            ---
            add_quotes:
              - text: La politique de Moscou est de ne pas s’immiscer dans les affaires intérieures des autres nations
                speaker: Dmitri Peskov
            ---
            """)
        try ex.write("annotations/004-cbb181e6dfcfe494.md", "---\nquotes:\n  - id: \(nonID)\n    note: Vérifié sur la vidéo de [[Peskov]].\n---\n")
        try ex.write("people/vladimir-poutine.md", "---\nsame_as: vladimir-vladimirovitch-poutine\n---\nPrésident de la Russie depuis 2000.\n")
        try ex.write("notes/methode.md", "---\ntitle: Méthode\ndate: 2024-11-20\n---\nNous suivons [[Vladimir Poutine]], [[Peskov]] et l'article [[000-57d6d87391ec6554]].\n")
        let contentBefore = try snapshot(ex.dir + "/Content")

        try Builder().build(ex.options)
        #expect(try snapshot(ex.dir + "/Content") == contentBefore, "a build changed Content/")

        let json = try #require(try JSONSerialization.jsonObject(with: Data(ex.read("dossier.json").utf8)) as? [String: Any])
        let articles = try #require(json["articles"] as? [[String: Any]])
        let quotes = try #require(json["quotes"] as? [[String: Any]])
        // The date set by the user, on the timeline under its month.
        #expect(articles.first { $0["id"] as? String == "001-80ac8afef52869fb" }?["date"] as? String == "2024-09-05")
        #expect(ex.read("timeline.html").contains("5 septembre 2024"))
        // The quote moved to another speaker, and to that person's page.
        let moved = try #require(quotes.first { ($0["text"] as? String) == "les démocrates sont plus prévisibles" })
        #expect(moved["speaker"] as? String == "pavel-zarubin")
        #expect(moved["rule"] as? String == "annotation")
        #expect(moved["notes"] as? [String] == ["speaker set by the user (was: Dmitri Peskov)"])
        #expect(ex.read("people/pavel-zarubin.html").contains("les démocrates sont plus prévisibles"))
        #expect(!ex.read("people/dmitri-peskov.html").contains("les démocrates sont plus prévisibles"))
        // The rejected quote is gone from the quotes, and shown as set aside on its article page.
        #expect(!quotes.contains { $0["text"] as? String == "un favori" })
        #expect(ex.read("articles/003-5f1a5a1c1e2dc702.html").contains("<del>« un favori »</del>"))
        // The added quote, with its speaker.
        let added = try #require(quotes.first { ($0["text"] as? String)?.hasPrefix("La politique de Moscou") == true })
        #expect(added["speaker"] as? String == "dmitri-peskov")
        // The note on a quote, on the article page, the speaker's page and the quotes page, with its link.
        for page in ["articles/004-cbb181e6dfcfe494.html", "people/dmitri-peskov.html", "quotes.html"] {
            #expect(ex.read(page).contains("Vérifié sur la vidéo de"), "\(page)")
        }
        #expect(ex.read("articles/004-cbb181e6dfcfe494.html").contains("<a href=\"../people/dmitri-peskov.html\">Peskov</a>"))
        #expect(ex.read("quotes.html").contains("<a href=\"people/dmitri-peskov.html\">Peskov</a>"))
        // The merge: one person, with the other's form as an alias, and the registry's note.
        let people = try #require(json["people"] as? [[String: Any]])
        #expect(!people.contains { $0["id"] as? String == "vladimir-vladimirovitch-poutine" })
        #expect(ex.read("people/vladimir-poutine.html").contains("Nous verrons."))
        #expect(ex.read("people/vladimir-poutine.html").contains("Président de la Russie depuis 2000."))
        // The commentary, apart from the source text, with its link.
        let a001 = ex.read("articles/001-80ac8afef52869fb.html")
        #expect(a001.contains("<div class=\"user-note\"><p>Poutine parle à Vladivostok ; voir <a href=\"../people/dmitri-peskov.html\">Dmitri Peskov</a>.</p></div>"))
        // The note page, linked from the index, its links resolved.
        let note = ex.read("notes/methode.html")
        #expect(note.contains("<a href=\"../people/vladimir-poutine.html\">Vladimir Poutine</a>"))
        #expect(note.contains("<a href=\"../articles/000-57d6d87391ec6554.html\">"))
        #expect(ex.read("index.html").contains("href=\"notes/methode.html\""))
    }

    @Test("check finds each kind of mistake, with its file and line, and writes nothing")
    func checkFindsMistakes() throws {
        let ex = try ExampleCopy()
        defer { ex.remove() }
        try ex.write("annotations/000-57d6d87391ec6554.md", """
            ---
            quotes:
              - text: de nombreuses mesures
                note: deux citations ont ce texte
              - id: q00000000
                reject: true
              - text: une phrase que personne n'a dite
                speaker: John Kirby
            add_quotes:
              - text: Cette phrase n'est pas dans l'article.
            ---
            Un lien cassé : [[Personne Inconnue]].
            """)
        try ex.write("annotations/003-5f1a5a1c1e2dc702.md", "---\ndate: [pas fermé\n---\n")
        try ex.write("annotations/no-such-article.md", "---\ntitle: x\n---\n")
        try ex.write("notes/n.md", "Ligne un.\n\nLigne trois avec [[Nulle Part]].\n")
        let report = try Builder().check(ex.options)
        func has(_ file: String, _ line: Int?, _ text: String) -> Bool {
            report.diagnostics.contains { $0.file.hasSuffix(file) && $0.line == line && $0.message.contains(text) }
        }
        #expect(has("000-57d6d87391ec6554.md", 3, "matches 2 quotes"))
        #expect(has("000-57d6d87391ec6554.md", 5, "q00000000"))
        #expect(has("000-57d6d87391ec6554.md", 7, "no quote of this article contains"))
        #expect(has("000-57d6d87391ec6554.md", 10, "does not occur in the article"))
        #expect(has("000-57d6d87391ec6554.md", 12, "[[Personne Inconnue]]"))
        #expect(has("003-5f1a5a1c1e2dc702.md", 2, "not valid YAML"))
        #expect(has("no-such-article.md", 1, "no article has the id"))
        #expect(has("notes/n.md", 3, "[[Nulle Part]]"))
        #expect(report.diagnostics.contains { $0.file.hasSuffix("004_cbb181e6dfcfe494.txt") && $0.message.contains("no publication date") && $0.severity == .warning })
        #expect(report.diagnostics.filter { $0.severity == .error }.count == 8)
        #expect(!FileManager.default.fileExists(atPath: ex.dir + "/public"))
    }

    @Test("a build with an error writes nothing and keeps the previous site")
    func errorsStopTheBuild() throws {
        let ex = try ExampleCopy()
        defer { ex.remove() }
        try Builder().build(ex.options)
        let old = try snapshot(ex.dir + "/public")
        try ex.write("notes/n.md", "Voir [[Nulle Part]].\n")
        let failure = #expect(throws: BuildFailure.self) { try Builder().build(ex.options) }
        #expect(failure?.report.diagnostics.contains { $0.file.hasSuffix("n.md") && $0.line == 1 } == true)
        #expect(try snapshot(ex.dir + "/public") == old)
        // --strict: warnings stop it too (the example has undated articles).
        try FileManager.default.removeItem(atPath: ex.dir + "/Content/notes/n.md")
        var strict = ex.options
        strict.strict = true
        #expect(throws: BuildFailure.self) { try Builder().build(strict) }
        try Builder().build(ex.options)
    }

    @Test("annotate writes a commented template listing the quotes, changes nothing, never overwrites")
    func annotate() throws {
        let ex = try ExampleCopy()
        defer { ex.remove() }
        var report = BuildReport()
        let before = try Builder().loadDossier(ex.options, report: &report)
        let path = try Annotator().annotate("Content/articles/004_cbb181e6dfcfe494.txt", options: ex.options)
        #expect(path.hasSuffix("Content/annotations/004-cbb181e6dfcfe494.md"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for q in before.quotes where q.article == "004-cbb181e6dfcfe494" { #expect(text.contains(q.id), "quote \(q.id) not listed") }
        #expect(text.contains("# date: YYYY-MM-DD"))
        // The template changes nothing until edited.
        var report2 = BuildReport()
        let after = try Builder().loadDossier(ex.options, report: &report2)
        #expect(after.quotes.map(\.id) == before.quotes.map(\.id))
        #expect(after.commentary.isEmpty)
        #expect(!report2.diagnostics.contains { $0.severity == .error })
        // Never overwrites.
        try "mine".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: BuildError.self) { try Annotator().annotate("004-cbb181e6dfcfe494", options: ex.options) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "mine")
        #expect(throws: BuildError.self) { try Annotator().annotate("nothing-like-this", options: ex.options) }
    }

    @Test("a date in words, with a commentary and no quote correction: the date is read, the events move with it, the quotes stay")
    func dateInWordsOnly() throws {
        let article = "Titre de l'article\n\nMardi, « nous ne céderons pas », a déclaré Jean Dupont devant la presse.\n"
        let options = BuildOptions()
        var report = BuildReport()
        let plain = try Builder(fs: try memoryDossier(articles: ["a.txt": article])).loadDossier(options, report: &report)
        let annotated = try Builder(fs: try memoryDossier(articles: ["a.txt": article],
                                                         extra: ["Content/annotations/a.md": "---\ndate: 3 septembre 2024\n---\nUn commentaire.\n"]))
            .loadDossier(options, report: &report)
        #expect(report.diagnostics.allSatisfy { $0.severity != .error })
        #expect(annotated.articles.first?.date == PartialDate(year: 2024, month: 9, day: 3))
        #expect(annotated.commentary["a"] == "Un commentaire.")
        #expect(!plain.quotes.isEmpty && annotated.quotes == plain.quotes)
        // "Mardi" had no date to be resolved against; now it has one, in the days before the 3rd.
        #expect(plain.events.first?.date == nil)
        let tuesday = try #require(annotated.events.first?.date)
        #expect(tuesday.year == 2024 && (tuesday.month == 8 || tuesday.month == 9))
    }

    @Test("a build in a process that ends with it (the command line) writes the same site")
    func exitsAfter() throws {
        let fs = try memoryDossier(articles: ["a.txt": "Titre\n\n« Oui », a dit Jean Dupont.\n"])
        let kept = try memoryDossier(articles: ["a.txt": "Titre\n\n« Oui », a dit Jean Dupont.\n"])
        try Builder(fs: fs).build(BuildOptions(exitsAfter: true))
        try Builder(fs: kept).build(BuildOptions())
        let a = try fs.listFiles(in: "public").files, b = try kept.listFiles(in: "public").files
        #expect(!a.isEmpty && a == b)
        for path in a { #expect(try fs.readFile("public/" + path) == kept.readFile("public/" + path)) }
    }
}
