import Foundation
import Testing
@testable import SitegenKit

@Suite("Whole builds")
struct BuildTests {
    @Test("the example dossier builds on disk, twice byte-identical")
    func exampleBuildsDeterministically() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try copyExample(to: dir)
        let options = BuildOptions(content: dir + "/Content", templates: dir + "/Templates", output: dir + "/public")
        let report = try Builder().build(options)
        #expect(report.articles == 5)
        #expect(report.people >= 10)
        #expect(report.quotes >= 20)
        #expect(report.pages == 6 + report.articles + report.people + 1) // index, timeline, quotes, people, search, graph; one note
        let first = try snapshot(dir + "/public")
        try Builder().build(options)
        let second = try snapshot(dir + "/public")
        #expect(first == second)
        #expect(first["index.html"] != nil && first["index.md"] != nil && first["dossier.json"] != nil && first["style.css"] != nil)
        // Nothing is left beside the output.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test("the committed public/ is what building Content/ gives")
    func committedSiteIsFresh() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Builder().build(BuildOptions(content: repoRoot + "/Content", templates: repoRoot + "/Templates", output: dir + "/public"))
        let built = try snapshot(dir + "/public")
        let committed = try snapshot(repoRoot + "/public")
        #expect(Set(built.keys) == Set(committed.keys), "public/ is stale: run `make site` and commit public/")
        let stale = built.keys.filter { built[$0] != committed[$0] }.sorted()
        #expect(stale.isEmpty, "stale files in public/ (run `make site`): \(stale.prefix(5))")
    }

    @Test("a build never writes into Content/")
    func contentIsUntouched() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try copyExample(to: dir)
        let before = try snapshot(dir + "/Content")
        try Builder().build(BuildOptions(content: dir + "/Content", templates: dir + "/Templates", output: dir + "/public"))
        #expect(try snapshot(dir + "/Content") == before)
    }

    @Test("an output folder named with one character is built, with its cache beside it (Foundation's path functions stopped on it)")
    func oneCharacterOutput() throws {
        let fs = try memoryDossier(articles: ["a.txt": "Titre\n\nM. Dupont a déclaré : « Bonjour. »\n"])
        for output in ["p", "p/"] {
            try Builder(fs: fs).build(BuildOptions(output: output, incremental: true))
            #expect(fs.allFiles["p/index.html"] != nil, "\(output)")
            #expect(fs.allFiles.keys.contains { $0.hasPrefix(".p.cache/") }, "\(output)")
        }
    }

    @Test("a build that cannot write fails with a message naming the output and leaves the old site as it was")
    func failedWriteKeepsOldSite() throws {
        let fs = try memoryDossier(articles: ["a.txt": "Titre\n\nM. Dupont a déclaré : « Bonjour. »\n"])
        try Builder(fs: fs).build(BuildOptions())
        let old = fs.allFiles.filter { $0.key.hasPrefix("public/") }
        #expect(old["public/index.html"] != nil)
        try fs.writeFile("Content/articles/b.txt", Data("Autre titre\n\nUn second article.\n".utf8))
        fs.readOnlyPrefixes = ["public", ".public.tmp-\(ProcessInfo.processInfo.processIdentifier)"]
        let error = #expect(throws: BuildError.self) { try Builder(fs: fs).build(BuildOptions()) }
        #expect(error?.stage == "write")
        #expect(error?.description.contains("public") == true)
        #expect(fs.allFiles.filter { $0.key.hasPrefix("public/") } == old)
        #expect(!fs.allFiles.keys.contains { $0.hasPrefix(".public.tmp") })
    }

    @Test("on disk, a write-protected output folder fails cleanly (skipped as root, who ignores permissions)")
    func writeProtectedOnDisk() throws {
        guard getuid() != 0 else { return }
        let dir = try temporaryFolder()
        defer { chmod(dir, 0o755); try? FileManager.default.removeItem(atPath: dir) }
        try copyExample(to: dir)
        let options = BuildOptions(content: dir + "/Content", templates: dir + "/Templates", output: dir + "/public")
        try Builder().build(options)
        let old = try snapshot(dir + "/public")
        chmod(dir, 0o555)
        #expect(throws: BuildError.self) { try Builder().build(options) }
        chmod(dir, 0o755)
        #expect(try snapshot(dir + "/public") == old)
    }

    @Test("the output folder may not be Content/, Templates/, the working folder or /")
    func dangerousOutputsAreRefused() {
        for output in ["Content", "Templates", ".", "/", "Content/.."] {
            #expect(throws: BuildError.self, "output \(output)") {
                try Builder(fs: MemoryFileSystem()).build(BuildOptions(output: output))
            }
        }
    }

    @Test("every relative link and anchor of every page resolves inside public/")
    func linksResolve() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Builder().build(BuildOptions(content: repoRoot + "/Content", templates: repoRoot + "/Templates", output: dir + "/public"))
        let files = try snapshot(dir + "/public")
        var checked = 0
        var broken: [String] = []
        let hrefPattern = try Regex(#"(?:href|src)="([^"]*)""#)
        let idPattern = try Regex(#"id="([^"]*)""#)
        var ids: [String: Set<String>] = [:]
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            ids[path] = Set(html.matches(of: idPattern).compactMap { $0.output[1].substring.map(String.init) })
        }
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for m in html.matches(of: hrefPattern) {
                guard let raw = m.output[1].substring.map(String.init) else { continue }
                #expect(!raw.hasPrefix("/"), "absolute link \(raw) in \(path)")
                if raw.hasPrefix("http://") || raw.hasPrefix("https://") || raw.hasPrefix("mailto:") { continue }
                let parts = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? path : MemoryFileSystem.normalise((path as NSString).deletingLastPathComponent + "/" + parts[0])
                checked += 1
                if files[target] == nil { broken.append("\(path) -> \(raw)"); continue }
                if parts.count == 2, target.hasSuffix(".html"), !(ids[target]?.contains(parts[1]) ?? false) {
                    broken.append("\(path) -> \(raw) (no such anchor)")
                }
            }
        }
        #expect(checked > 100)
        #expect(broken.isEmpty, "broken links: \(broken.prefix(10))")
    }

    @Test("a whole build in memory: every page kind, Markdown beside HTML")
    func inMemoryBuild() throws {
        let fs = try memoryDossier(articles: [
            "un.txt": "Le ministre parle\n\nLe ministre de l'Économie, Bruno Lemaire, a déclaré : « Nous tiendrons le budget. »\n",
            "deux.txt": "Réponse de l'opposition\n\n« C'est faux », a répondu Marine Tondelier, le 3 mars 2024.\n",
        ])
        let report = try Builder(fs: fs).build(BuildOptions())
        let files = fs.allFiles
        for page in ["index", "timeline", "quotes", "people", "articles/un", "articles/deux", "people/bruno-lemaire"] {
            #expect(files["public/\(page).html"] != nil, "missing \(page).html")
            #expect(files["public/\(page).md"] != nil, "missing \(page).md")
        }
        #expect(report.quotes == 2)
        let person = String(decoding: files["public/people/bruno-lemaire.html"] ?? Data(), as: UTF8.self)
        #expect(person.contains("Nous tiendrons le budget."))
        #expect(person.contains("href=\"../articles/un.html#q"))
    }
}

@Suite("Build report")
struct BuildReportTests {
    @Test("the lines cleaning removed are listed only when asked (--verbose), and still shown on the article page")
    func droppedLinesOnRequest() throws {
        let article = "Titre de l'article\n\nSuivez-nous sur Facebook et Twitter\n\nUn paragraphe du texte, assez long pour compter.\n"
        for listed in [true, false] {
            let fs = try memoryDossier(articles: ["a.txt": article])
            let report = try Builder(fs: fs).build(BuildOptions(listDropped: listed))
            #expect(report.dropped.contains { $0.line.rule == "social-prompt" } == listed)
            let page = String(decoding: fs.allFiles["public/articles/a.md"] ?? Data(), as: UTF8.self)
            #expect(page.contains("social-prompt"))
        }
    }
}
