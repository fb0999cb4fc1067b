import Foundation
import Yams

/// Reads `Content/site.yml`: the dossier's title, description and language.
public enum SiteConfigReader {
    public static let stage = "config"

    public static func read(path: String, fs: FileSystem) -> (SiteConfig, [Diagnostic]) {
        guard fs.fileExists(path) else {
            return (SiteConfig(), [Diagnostic(.warning, stage: stage, file: path, "no site.yml: the dossier is called \"Dossier\"",
                                               hint: "create it with 'title:', 'description:' and 'language:' lines")])
        }
        let text: String
        do { text = try Decoding.decode(fs.readFile(path)).text } catch {
            return (SiteConfig(), [Diagnostic(.warning, stage: stage, file: path, "cannot be read (\(error)); defaults used")])
        }
        let node: Any?
        do { node = try Yams.load(yaml: text, Resolver.default.removing(.timestamp)) } catch let e as YamlError {
            return (SiteConfig(), [Diagnostic(.warning, stage: stage, file: path, line: FrontMatter.line(of: e),
                                               "is not valid YAML: \(FrontMatter.summary(of: e)); defaults used", hint: "fix the line shown")])
        } catch {
            return (SiteConfig(), [Diagnostic(.warning, stage: stage, file: path, "is not valid YAML; defaults used")])
        }
        guard let map = node as? [String: Any] else {
            return (SiteConfig(), [Diagnostic(.warning, stage: stage, file: path, line: 1, "must be a map of 'key: value' lines; defaults used")])
        }
        var config = SiteConfig()
        var diags: [Diagnostic] = []
        let known: Set<String> = ["title", "description", "language", "base_url", "allow_raw_html"]
        for key in map.keys.sorted() where !known.contains(key) {
            diags.append(Diagnostic(.warning, stage: stage, file: path, line: lineOf(key, in: text), "unknown setting '\(key)' is ignored",
                                    hint: "known settings: " + known.sorted().joined(separator: ", ")))
        }
        if let t = map["title"] { config.title = "\(t)" }
        if let t = map["description"] { config.description = "\(t)" }
        if let t = map["language"] { config.language = "\(t)" }
        if let t = map["base_url"] { config.baseURL = "\(t)" }
        if let t = map["allow_raw_html"] { config.allowRawHTML = (t as? Bool) ?? ["true", "yes"].contains("\(t)".lowercased()) }
        return (config, diags)
    }

    static func lineOf(_ key: String, in text: String) -> Int? {
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.hasPrefix(key + ":") {
            return i + 1
        }
        return nil
    }
}
