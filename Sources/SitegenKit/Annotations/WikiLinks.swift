import Foundation

/// `[[Vladimir Poutine]]`, `[[Poutine]]`, `[[000-57d6d87391ec6554]]`, `[[note-id]]` and
/// `[[target|label]]` in the user's Markdown become links to the person, article or note page.
public struct LinkTargets: Sendable {
    public struct Target: Sendable, Hashable {
        /// Path from the site's root, e.g. `people/vladimir-poutine.html`.
        public var path: String
        public var label: String
    }
    /// Folded name, alias or id -> the targets it names (more than one is ambiguous).
    var byKey: [String: Set<Target>] = [:]

    public init(dossier: Dossier) {
        for p in dossier.people {
            let t = Target(path: "people/\(p.id).html", label: p.name)
            for k in [p.id, p.name] + p.aliases { byKey[Text.fold(k), default: []].insert(t) }
        }
        for a in dossier.articles {
            byKey[Text.fold(a.id), default: []].insert(Target(path: "articles/\(a.id).html", label: a.title))
        }
        for n in dossier.notes {
            byKey[Text.fold(n.id), default: []].insert(Target(path: "notes/\(n.id).html", label: n.title))
        }
    }

    public func lookup(_ name: String) -> Set<Target> { byKey[Text.fold(name)] ?? [] }
}

public enum WikiLinks {
    public struct Problem: Sendable, Hashable {
        /// 0-based line inside the Markdown.
        public var line: Int
        public var target: String
        public var message: String
    }

    /// Rewrites every `[[…]]` into a Markdown link relative to `root`. A link that names nothing,
    /// or more than one page, stays as text and is reported.
    public static func rewrite(_ markdown: String, root: String, targets: LinkTargets) -> (String, [Problem]) {
        guard markdown.contains("[[") else { return (markdown, []) }
        var out = ""
        var problems: [Problem] = []
        for (n, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if n > 0 { out += "\n" }
            var rest = Substring(line)
            while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
                out += rest[..<open.lowerBound]
                let inner = String(rest[open.upperBound..<close.lowerBound])
                let parts = inner.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                let name = parts.first ?? ""
                let found = targets.lookup(name)
                if found.count == 1, let t = found.first {
                    // As written, like a wiki link; an article or note id shows its title instead.
                    let label = parts.count > 1 ? parts[1] : (t.path.hasPrefix("people/") ? name : t.label)
                    out += "[\(Text.markdownInline(label))](\(root)\(t.path))"
                } else {
                    let message = found.isEmpty
                        ? "[[\(name)]] names no person, article or note of the dossier"
                        : "[[\(name)]] could be " + found.map(\.label).sorted().joined(separator: " or ")
                    problems.append(Problem(line: n, target: name, message: message))
                    out += Text.markdownInline(inner)
                }
                rest = rest[close.upperBound...]
            }
            out += rest
        }
        return (out, problems)
    }
}
