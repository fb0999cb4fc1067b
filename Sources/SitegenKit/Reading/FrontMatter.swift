import Foundation
import Yams

/// YAML front matter between `---` lines at the top of a file.
public struct FrontMatter: Sendable {
    public var fields: [String: String]
    public var lists: [String: [String]]
    /// The text after the front matter.
    public var body: String
    /// 1-based line of the source where `body` starts.
    public var bodyLine: Int

    public struct Failure: Error, Sendable {
        public var line: Int
        public var message: String
    }

    /// Splits and parses front matter; a file without any gives empty fields and the whole text.
    public static func parse(_ text: String) throws(Failure) -> FrontMatter {
        let parsed = try parseNode(text)
        var fields: [String: String] = [:]
        var lists: [String: [String]] = [:]
        for (k, v) in parsed.node?.mapping ?? [:] {
            guard let key = k.string else { continue }
            if let items = v.sequence {
                lists[key] = items.map { $0.string ?? "\($0.any)" }
            } else if let value = v.string {
                fields[key] = value
            } else if v.null == nil {
                fields[key] = "\(v.any)"
            }
        }
        return FrontMatter(fields: fields, lists: lists, body: parsed.body, bodyLine: parsed.bodyLine)
    }

    /// The front matter as a YAML node tree (with the line of every value), for files whose
    /// entries must be reported by line: annotations and notes. Lines are the file's lines.
    public static func parseNode(_ text: String) throws(Failure) -> (node: Node?, body: String, bodyLine: Int) {
        guard text.hasPrefix("---\n") || text == "---" else { return (nil, text, 1) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeFirst()
        guard let end = lines.firstIndex(where: { $0 == "---" || $0 == "..." }) else {
            throw Failure(line: 1, message: "front matter opened with '---' is never closed")
        }
        // Blank lines keep the YAML's line numbers equal to the file's.
        let yaml = "\n" + lines[..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        do {
            let node = try Yams.compose(yaml: yaml, Resolver.default.removing(.timestamp))
            if let node, node.mapping == nil, node.null == nil {
                throw Failure(line: 2, message: "front matter must be a map of 'key: value' lines")
            }
            return (node, body, end + 3)
        } catch let e as Failure {
            throw e
        } catch let e as YamlError {
            // The parser may notice a problem only at the end ("[" never closed): point at the
            // last line of the YAML rather than past it.
            let lastYAMLLine = max(2, end + 1 - (lines[..<end].reversed().prefix { $0.trimmingCharacters(in: .whitespaces).isEmpty }.count))
            throw Failure(line: min(line(of: e), lastYAMLLine), message: "front matter is not valid YAML: \(summary(of: e))")
        } catch {
            throw Failure(line: 2, message: "front matter is not valid YAML: \(error)")
        }
    }

    static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 1
        }
    }

    static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(error)"
        }
    }
}
