import Foundation
import Yams

/// The user's registry of people: `Content/people/<id>.md`. Its front matter fixes a person's
/// name, adds aliases and a role, merges detected people into it (`same_as`) or drops a false
/// one (`not_a_person: true`); its Markdown body is shown on the person page.
public struct RegistryEntry: Sendable, Hashable {
    public var id: String
    public var file: String
    public var name: String?
    public var aliases: [String]
    public var role: String?
    public var sameAs: [String]
    public var notAPerson: Bool
    public var body: String
}

public enum PeopleRegistry {
    public static let stage = "registry"
    static let keys: Set<String> = ["name", "aliases", "role", "same_as", "not_a_person"]

    public static func read(directory: String, fs: FileSystem) -> ([RegistryEntry], [Diagnostic]) {
        guard fs.isDirectory(directory), let listing = try? fs.listFiles(in: directory) else { return ([], []) }
        var entries: [RegistryEntry] = []
        var diags: [Diagnostic] = []
        for file in listing.files where file.hasSuffix(".md") && file != "README.md" && !file.contains("/") {
            let path = directory + "/" + file
            let id = String(file.dropLast(3))
            guard let data = try? fs.readFile(path), let text = try? Decoding.decode(data).text else {
                diags.append(Diagnostic(.warning, stage: stage, file: path, "cannot be read as text; ignored"))
                continue
            }
            let fm: FrontMatter
            do { fm = try FrontMatter.parse(text) } catch {
                diags.append(Diagnostic(.error, stage: stage, file: path, line: error.line, error.message + "; the file is ignored",
                                        hint: "fix the YAML between the '---' lines"))
                continue
            }
            for key in fm.fields.keys.sorted() + fm.lists.keys.sorted() where !keys.contains(key) {
                diags.append(Diagnostic(.warning, stage: stage, file: path, line: SiteConfigReader.lineOf(key, in: text) ?? 2,
                                        "unknown key '\(key)' is ignored", hint: "known keys: " + keys.sorted().joined(separator: ", ")))
            }
            if id != Text.slug(id) {
                diags.append(Diagnostic(.warning, stage: stage, file: path, "the file name is not a person id",
                                        hint: "name it after the id in the person page's address, e.g. \(Text.slug(id)).md"))
            }
            let aliases = fm.lists["aliases"] ?? fm.fields["aliases"].map { [$0] } ?? []
            let sameAs = fm.lists["same_as"] ?? fm.fields["same_as"].map { [$0] } ?? []
            let notAPerson = ["true", "yes", "1"].contains((fm.fields["not_a_person"] ?? "").lowercased())
            entries.append(RegistryEntry(id: id, file: path, name: fm.fields["name"], aliases: aliases, role: fm.fields["role"],
                                         sameAs: sameAs.map { Text.slug($0) }, notAPerson: notAPerson,
                                         body: fm.body.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return (entries.sorted { $0.id < $1.id }, diags)
    }
}
