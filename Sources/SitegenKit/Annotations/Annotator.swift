import Foundation

/// `sitegen annotate ARTICLE`: writes `Content/annotations/<id>.md` pre-filled with what was
/// detected, every line commented out, so that the file changes nothing until the user edits it.
/// It never overwrites a file.
public struct Annotator: Sendable {
    public static let stage = "annotate"
    let fs: FileSystem

    public init(fs: FileSystem = DiskFileSystem()) { self.fs = fs }

    /// Finds an article by id, file name or path.
    public static func find(_ query: String, in articles: [Article]) -> Article? {
        let name = Paths.lastComponent(query)
        let stem = (name as NSString).deletingPathExtension
        return articles.first { $0.id == query }
            ?? articles.first { Paths.lastComponent($0.source) == name }
            ?? articles.first { $0.id == Text.slug(stem) }
    }

    /// Creates the annotation file and returns its path.
    public func annotate(_ query: String, options: BuildOptions) throws -> String {
        var report = BuildReport()
        let dossier = try Builder(fs: fs).loadDossier(options, report: &report)
        guard let article = Self.find(query, in: dossier.articles) else {
            throw BuildError(stage: Self.stage, file: query, "no such article (give its id, its file name or its path)")
        }
        let dir = options.content + "/annotations"
        let path = dir + "/" + article.id + ".md"
        if fs.fileExists(path) {
            throw BuildError(stage: Self.stage, file: path, "already exists and is left as it is; edit it")
        }
        try fs.createDirectory(dir)
        let quotes = dossier.quotes.filter { $0.article == article.id }
        try fs.writeFile(path, Data(Self.template(article, quotes: quotes).utf8))
        return path
    }

    static func template(_ a: Article, quotes: [Quote]) -> String {
        func oneLine(_ s: String) -> String { s.replacingOccurrences(of: "\n", with: " ") }
        func yaml(_ s: String) -> String { "\"" + oneLine(s).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        var out = "---\n"
        out += "# Annotation of \(oneLine(a.source)).\n"
        out += "# What you write here wins over what sitegen detected. Remove the '# ' of a line to use it.\n"
        out += "#\n# title: \(yaml(a.title))\n"
        out += "# date: \(a.date?.iso ?? "YYYY-MM-DD")\(a.date == nil ? "    # no date was found in the text" : "")\n"
        out += "# author: \(yaml(a.author ?? ""))\n# url: \"\"\n# outlet: \"\"\n# tags: []\n#\n"
        out += "# Correct a detected quote, chosen by its id (or by a few words of it with 'text:'):\n"
        out += "# quotes:\n#   - id: \(quotes.first?.id ?? "q0123abcd")\n#     speaker: \"Another Speaker\"   # a name, alias or id from the people page\n"
        out += "#     note: \"Checked against the video.\"   # shown with the quote\n#     reject: true   # this is not a quote\n#\n"
        out += "# Add a quote the extraction missed (its text must occur in the article):\n"
        out += "# add_quotes:\n#   - text: \"…\"\n#     speaker: \"…\"\n#\n"
        out += "# The quotes sitegen found in this article:\n"
        if quotes.isEmpty { out += "#   (none)\n" }
        for q in quotes {
            out += "#   \(q.id)  « \(oneLine(q.text)) » — \(q.speakerName ?? "no speaker") (\(q.evidence.rule))\n"
        }
        out += "---\n\n"
        out += "<!-- Your commentary goes below, in Markdown; it is shown on the article page, apart from the\n"
        out += "     source text. [[Name]] links to a person, [[\(a.id)]] to an article. Delete this comment. -->\n"
        return out
    }
}
