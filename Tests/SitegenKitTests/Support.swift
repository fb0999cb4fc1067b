import Foundation
@testable import SitegenKit

/// The repository's root, found from this file's place, so that tests can use Content/ and Templates/.
let repoRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// One reader and one extractor for every test: the lexicon is parsed once.
let testReader = ArticleReader()
let testExtractor = Extractor()

/// Reads an article written inside a test.
func readArticle(_ text: String, name: String = "test.txt", language: String = "fr") -> ArticleReader.Result {
    testReader.read(source: "Content/articles/" + name, id: Text.slug((name as NSString).deletingPathExtension),
                    data: Data(text.utf8), site: SiteConfig(language: language))
}

func readBytes(_ bytes: [UInt8], name: String = "test.txt") -> ArticleReader.Result {
    testReader.read(source: "Content/articles/" + name, id: "test", data: Data(bytes), site: SiteConfig())
}

/// Extracts from articles written inside a test (each text is a whole article: title line, then body).
func extract(_ texts: [String], language: String = "fr") -> Extractor.Output {
    let articles = texts.enumerated().compactMap { i, t in readArticle(t, name: "a\(i).txt", language: language).article }
    return testExtractor.extract(articles)
}

/// The quotes of a one-paragraph body under a fixed title.
func quotes(_ body: String, language: String = "fr") -> [Quote] {
    extract(["Titre de l'article\n\n" + body], language: language).quotes
}

/// The speaker's name of the single quote whose text contains `snippet`.
func speaker(of snippet: String, in out: Extractor.Output) -> String? {
    out.quotes.first { $0.text.contains(snippet) }?.speakerName
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "sitegen-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Copies the repository's example dossier (Content/, Templates/) into `folder`.
func copyExample(to folder: String) throws {
    for name in ["Content", "Templates"] {
        try FileManager.default.copyItem(atPath: repoRoot + "/" + name, toPath: folder + "/" + name)
    }
}

/// The inode of the file at `path` (two hard links to one file have the same).
func inode(_ path: String) throws -> UInt64? {
    (try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.uint64Value
}

/// Every regular file below `folder`, relative path -> bytes.
func snapshot(_ folder: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let base = URL(fileURLWithPath: folder).standardizedFileURL.path
    guard let e = FileManager.default.enumerator(atPath: base) else { return out }
    while let rel = e.nextObject() as? String {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: base + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
            out[rel] = try Data(contentsOf: URL(fileURLWithPath: base + "/" + rel))
        }
    }
    return out
}

/// An in-memory dossier: the repository's templates, and the given articles and files under Content/.
func memoryDossier(articles: [String: String], extra: [String: String] = [:]) throws -> MemoryFileSystem {
    var files: [String: Data] = [:]
    for (rel, data) in try snapshot(repoRoot + "/Templates") { files["Templates/" + rel] = data }
    for (name, text) in articles { files["Content/articles/" + name] = Data(text.utf8) }
    for (path, text) in extra { files[path] = Data(text.utf8) }
    files["Content/site.yml"] = files["Content/site.yml"] ?? Data("title: Test\nlanguage: fr\n".utf8)
    return MemoryFileSystem(files: files)
}
