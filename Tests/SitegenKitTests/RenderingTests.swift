import Foundation
import Testing
@testable import SitegenKit

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

    @Test("raw HTML is kept only when asked for")
    func unsafeMode() {
        #expect(CMark.html("<mark id=\"q1\">x</mark>", allowRawHTML: true).contains("<mark id=\"q1\">"))
    }

    @Test("non-ASCII text survives the round trip through C")
    func unicode() {
        #expect(CMark.html("« Déjà vu » — 東京 🙂") == "<p>« Déjà vu » — 東京 🙂</p>\n")
        #expect(CMark.html("") == "")
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
