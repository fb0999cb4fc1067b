import Foundation

/// The language data of Resources/lexicon, parsed. Sections are named `[like.this]`; entries are
/// separated by commas or new lines; `#` starts a comment. The files are embedded in the binary,
/// so that the tool needs nothing beside itself at run time.
public struct Lexicon: Sendable {
    public private(set) var sections: [String: [String]] = [:]

    public init(sources: [String]) {
        for source in sources { parse(source) }
    }

    private mutating func parse(_ text: String) {
        var current = ""
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let t = Self.trimmed(line)
            if t.isEmpty { continue }
            if t.hasPrefix("[") && t.hasSuffix("]") {
                current = String(t.dropFirst().dropLast())
                continue
            }
            if current == "transliterations" {
                sections[current, default: []].append(t)
                continue
            }
            for entry in t.split(separator: ",") {
                let e = Self.trimmed(entry)
                if !e.isEmpty { sections[current, default: []].append(e) }
            }
        }
    }

    /// `s` without the spaces and tabs around it (Foundation's trimming, per line, was most of
    /// the time a build took to start).
    static func trimmed(_ s: Substring) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{A0}" || $0 == "\u{202F}" || $0 == "\u{2009}" }
        guard let first = s.firstIndex(where: { !blank($0) }), let last = s.lastIndex(where: { !blank($0) }) else { return "" }
        return String(s[first...last])
    }

    public subscript(_ name: String) -> [String] { sections[name] ?? [] }

    /// Folded entries of a section, as a set.
    public func foldedSet(_ names: String...) -> Set<String> {
        var s = Set<String>()
        for n in names { for e in self[n] { s.insert(Text.fold(e)) } }
        return s
    }

    /// Lower-cased entries of a section (accents kept), as a set.
    public func lowerSet(_ names: String...) -> Set<String> {
        var s = Set<String>()
        for n in names { for e in self[n] { s.insert(Text.lower(e)) } }
        return s
    }

    /// `key=value` entries of a section, keys folded.
    public func numbers(_ name: String) -> [String: Int] {
        var d: [String: Int] = [:]
        for e in self[name] {
            let kv = e.split(separator: "=")
            if kv.count == 2, let v = Int(kv[1].trimmingCharacters(in: .whitespaces)) {
                d[Text.fold(String(kv[0]))] = v
            }
        }
        return d
    }

    /// The lexicon shipped with sitegen.
    public static let standard: Lexicon = {
        let blobs: [[UInt8]] = [
            PackageResources.speech_txt, PackageResources.grammar_txt, PackageResources.first_names_txt,
            PackageResources.names_txt, PackageResources.places_txt, PackageResources.reading_txt,
        ]
        return Lexicon(sources: blobs.map { String(decoding: $0, as: UTF8.self) })
    }()
}
