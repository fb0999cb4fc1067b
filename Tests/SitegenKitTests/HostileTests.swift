import Foundation
import Testing
@testable import SitegenKit
import SitegenFuzzing

/// Writes the hostile corpus into `dir/Content/articles`, beside one ordinary article.
func writeHostileCorpus(_ dir: String) throws {
    let articles = dir + "/Content/articles"
    let fm = FileManager.default
    try fm.createDirectory(atPath: articles, withIntermediateDirectories: true)
    func put(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: articles + "/" + name)) }
    func put(_ name: String, _ text: String) throws { try put(name, Array(text.utf8)) }
    try put("ordinary.txt", "Un article ordinaire\n\nLe porte-parole Jean Dupont a déclaré : « Tout va bien. »\n")
    try put("script.txt", """
        <script>document.title='PWNED'</script> Titre " onmouseover="alert(1)" </title>
        
        M. <img src=x onerror=document.title='PWNED'> a dit : « </mark><script>document.title='PWNED'</script> ». Jean "><svg onload=document.title='PWNED'> Durand a déclaré : « <a href="javascript:document.title='PWNED'">clic</a> ».
        
        ---
        title: "<script>x</script>"
        """)
    try put("frontmatter.md", "---\ntitle: \"</title><script>document.title='PWNED'</script>\"\nauthor: \"\\\" onerror=\\\"x\"\nurl: \"javascript:alert(1)\"\n---\n# <b>Titre</b>\n\n<script>document.title='PWNED'</script> [clic](javascript:alert(1))\n")
    // A quote fused with a combining mark, which Mustache's escaping (by characters) let through.
    try put("fused.md", "---\nlanguage: 'fr\"\u{303} onmouseover=document.title=1 x='\ntitle: \"Titre \\\"\u{303} onfocus=document.title=1 \"\n---\nLe texte.\n")
    var big = "Un très grand article\n\n"
    let paragraph = "Le ministre Jean Dupont a déclaré : « Nous verrons bien ce que la semaine nous réserve », avant de partir vers Lyon.\n"
    while big.utf8.count < 20 * 1024 * 1024 { big += paragraph }
    try put("big.txt", big)
    try put("longline.txt", "Une ligne\n\n" + String(repeating: "Le ministre a dit « oui » puis « non ». ", count: 2_600))
    try put("nonewline.txt", String(repeating: "mot ", count: 5_000))
    try put("blank.txt", "   \n\t\n \u{00A0}\n")
    try put("empty.txt", "")
    try put("nul.txt", Array("Titre avec NUL\n\nLe texte\u{0} continue malgré\u{0} les octets nuls.\n".utf8))
    try put("truncated.txt", Array("Titre tronqué\n\nUn texte accentué qui se termine mal é".utf8) + [0xC3])
    try put("utf16-nobom.txt", Array("Titre en UTF-16\n\nLe texte est là.\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    var binary: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    for i in 0..<4096 { binary.append(UInt8((i * 7919) % 256)) }
    try put("binary.txt", binary)
    try fm.createDirectory(atPath: articles + "/folder.txt", withIntermediateDirectories: true)
    try fm.createSymbolicLink(atPath: articles + "/loop", withDestinationPath: ".")
    try fm.createSymbolicLink(atPath: articles + "/dangling.txt", withDestinationPath: "/nonexistent/nowhere.txt")
    try put("same.txt", "Même identifiant, texte\n\nPremier.\n")
    try put("same.md", "# Même identifiant, markdown\n\nSecond.\n")
    try put("mon article été 🙂.txt", "Un nom de fichier avec espaces\n\nLe texte.\n")
    try put("🙂.txt", "Un nom de fichier emoji\n\nLe texte.\n")
}

@Suite("Hostile and broken input")
struct HostileTests {
    @Test("the hostile corpus builds: warnings or working pages, no crash, no hang, the other articles still built, nothing injected")
    func hostileCorpus() throws {
        let dir = try temporaryFolder()
        // SITEGEN_KEEP=1 keeps the corpus for a look with the command line.
        defer { if ProcessInfo.processInfo.environment["SITEGEN_KEEP"] == nil { try? FileManager.default.removeItem(atPath: dir) } else { print("kept \(dir)") } }
        try FileManager.default.copyItem(atPath: repoRoot + "/Templates", toPath: dir + "/Templates")
        try writeHostileCorpus(dir)
        if ProcessInfo.processInfo.environment["SITEGEN_KEEP"] == "corpus-only" { return }
        let options = BuildOptions(content: dir + "/Content", templates: dir + "/Templates", output: dir + "/public")
        let started = Date()
        let report = try Builder().build(options)
        #expect(Date().timeIntervalSince(started) < 120, "the build took too long: \(report.timings.map { "\($0.stage) \(Int($0.seconds * 1000)) ms" })")
        func warned(_ file: String, _ text: String) -> Bool {
            report.diagnostics.contains { $0.file.hasSuffix(file) && $0.message.contains(text) }
        }
        #expect(warned("big.txt", "only its first"))
        #expect(warned("binary.txt", "not text"))
        #expect(warned("truncated.txt", "invalid UTF-8"))
        #expect(warned("blank.txt", "no article text"))
        #expect(warned("same.md", "same id") || warned("same.txt", "same id"))
        #expect(warned("loop", "loop"))
        #expect(warned("dangling.txt", "broken link"))
        let files = try snapshot(dir + "/public")
        #expect(files["articles/ordinary.html"] != nil)
        #expect(files["articles/utf16-nobom.html"] != nil)
        #expect(files["articles/mon-article-ete.html"] != nil)
        #expect(files["articles/nul.html"] != nil)
        #expect(String(decoding: files["articles/nul.html"] ?? Data(), as: UTF8.self).contains("continue malgré les octets nuls"))
        #expect(files["articles/same.html"] != nil && files["articles/same-2.html"] != nil)
        for (path, data) in files where path.hasSuffix(".html") || path.hasSuffix(".xml") || path.hasSuffix(".js") || path.hasSuffix(".json") {
            let text = String(decoding: data, as: UTF8.self).lowercased()
            #expect(!text.contains("<script>document"), "\(path)")
            #expect(!text.contains("<img src=x"), "\(path)")
            #expect(!text.contains("<svg"), "\(path)")
            #expect(!text.contains("href=\"javascript:"), "\(path)")
            #expect(!text.contains("\" onmouseover=\"") && !text.contains("\" onerror=\""), "\(path)")
            // (JSON escapes the quote byte by byte: only the pages' HTML could hold it raw.)
            let fused = "\"\u{303}"
            #expect(!path.hasSuffix(".html") || !text.contains(fused), "\(path)")
        }
        // Attributes hold only sitegen's own values: no quote from the input closes one.
        let json = try #require(files["dossier.json"])
        #expect(try JSONSerialization.jsonObject(with: json) is [String: Any])
    }

    @Test("a quote fused with a combining mark in an article's language or title ends no attribute of the page")
    func fusedQuoteInAttributes() throws {
        // Mustache escapes by characters, and a `"` followed by U+0303 is one character that its
        // table does not hold: it came out raw and ended `lang="…"`, adding an event handler.
        let article = "---\ntitle: \"Titre \\\"\u{303} onfocus=alert(1) autofocus \"\nlanguage: 'fr\"\u{303} onmouseover=alert(2) '\n---\nLe texte.\n"
        let fs = try memoryDossier(articles: ["a.txt": article], extra: [
            "Templates/layout.mustache": "<html lang=\"{{lang}}\"><meta name=\"t\" content=\"{{title}}\">{{{body}}}</html>\n",
        ])
        try Builder(fs: fs).build(BuildOptions())
        let html = String(decoding: fs.allFiles["public/articles/a.html"] ?? Data(), as: UTF8.self)
        #expect(html.hasPrefix("<html lang=\"fr&quot; onmouseover=alert(2) \">"))
        #expect(html.contains("content=\"Titre &quot; onfocus=alert(1) autofocus\">"))
        let fused = "\"\u{303}"
        #expect(!html.contains(fused))
    }

    @Test("a build killed at any moment leaves public/ entirely old or entirely new")
    func killedBuilds() throws {
        let binary = try #require(sitegenBinary(), "the sitegen executable was not found beside the tests")
        let ex = try ExampleCopy()
        defer { ex.remove() }
        let args = ["build", "-q", "--content", ex.dir + "/Content", "--templates", ex.dir + "/Templates", "--output", ex.dir + "/public"]
        try run(binary, args)
        let old = try snapshot(ex.dir + "/public")
        try ex.write("articles/zz-new.txt", "Un nouvel article\n\nJean Dupont a déclaré : « Du nouveau. »\n")
        // The new site, built elsewhere to know what "entirely new" is.
        try run(binary, ["build", "-q", "--content", ex.dir + "/Content", "--templates", ex.dir + "/Templates", "--output", ex.dir + "/expected"])
        let new = try snapshot(ex.dir + "/expected")
        #expect(old != new)
        var rng = SeededRandom(seed: 42)
        for _ in 0..<12 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: binary)
            p.arguments = args
            try p.run()
            usleep(UInt32.random(in: 0..<250_000, using: &rng))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let now = try snapshot(ex.dir + "/public")
            #expect(now == old || now == new, "public/ is half-written after a kill")
        }
        try run(binary, args)
        #expect(try snapshot(ex.dir + "/public") == new)
        // A later build cleans what killed builds left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: ex.dir).filter { $0.hasPrefix(".public.tmp") }.isEmpty)
    }

    @Test("seeded random inputs through reading, cleaning, extraction and pages: no crash (SITEGEN_FUZZ_SECONDS, default 3)")
    func fuzz() throws {
        let seconds = Double(ProcessInfo.processInfo.environment["SITEGEN_FUZZ_SECONDS"] ?? "") ?? 3
        var corpus: [[UInt8]] = []
        for dir in [repoRoot + "/Content/articles", repoRoot + "/Tests/SitegenKitTests/Fixtures"] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir).sorted()) ?? [] where name.hasSuffix(".txt") {
                if let d = FileManager.default.contents(atPath: dir + "/" + name) { corpus.append([UInt8](d)) }
            }
        }
        let generator = InputGenerator(corpus: corpus)
        let target = FuzzTarget()
        var rng = SeededRandom(seed: UInt64(ProcessInfo.processInfo.environment["SITEGEN_FUZZ_SEED"] ?? "") ?? 2024)
        let start = Date()
        var count = 0
        while Date().timeIntervalSince(start) < seconds || count < 20 {
            target.run(generator.input(&rng))
            count += 1
        }
        #expect(count >= 20)
    }
}

/// The `sitegen` executable built with the tests.
func sitegenBinary() -> String? {
    let fm = FileManager.default
    var candidates: [String] = []
    let bundle = Bundle.main.bundleURL
    candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("sitegen").path)
    candidates.append(bundle.appendingPathComponent("sitegen").path)
    if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent().appendingPathComponent("sitegen").path) }
    candidates.append(repoRoot + "/.build/debug/sitegen")
    return candidates.first { fm.isExecutableFile(atPath: $0) }
}

func run(_ binary: String, _ args: [String]) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = args
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0, "sitegen \(args.joined(separator: " ")) exited with \(p.terminationStatus)")
}
