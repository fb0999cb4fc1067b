import Foundation
import Mustache

/// The Mustache templates of `Templates/`: a layout, one template per kind of page, a stylesheet.
public struct TemplateSet: Sendable {
    public static let stage = "templates"
    public static let pageKinds = ["index", "article", "person", "people", "quotes", "timeline", "note", "search"]
    let library: MustacheLibrary
    public let stylesheet: Data
    /// A hash of every Mustache template. The stylesheet is not in it: pages link to style.css,
    /// which every build writes anew, so that an edit of the style alone renders no page again.
    public let fingerprint: String
    /// For each kind of page, a hash of the templates its HTML is rendered with (`fingerprint(of:)`).
    let fingerprints: [String: String]
    /// No template names another (a partial, a parent) or changes the delimiters: a page's output
    /// is its templates' tags filled in, which `PageRenderer`'s frames rely on.
    let plain: Bool

    /// Reads every `*.mustache` file of `directory` (and `style.css`) through the file-system seam.
    public init(directory: String, fs: FileSystem) throws {
        guard fs.isDirectory(directory) else {
            throw BuildError(stage: Self.stage, file: directory, "the templates folder does not exist")
        }
        var library = MustacheLibrary()
        var hash = StableHash()
        var texts: [(name: String, text: String)] = []
        let listing = try fs.listFiles(in: directory)
        for file in listing.files where file.hasSuffix(".mustache") {
            let path = directory + "/" + file
            let text = String(decoding: try fs.readFile(path), as: UTF8.self)
            hash.add(file)
            hash.add(text)
            let name = String(file.dropLast(".mustache".count))
            texts.append((name, text))
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch {
                throw BuildError(stage: Self.stage, file: path, "is not a valid Mustache template (\(error))")
            }
        }
        for name in ["layout"] + Self.pageKinds where library.getTemplate(named: name) == nil {
            throw BuildError(stage: Self.stage, file: directory + "/" + name + ".mustache", "is missing: every kind of page needs its template")
        }
        let css = directory + "/style.css"
        stylesheet = fs.fileExists(css) ? try fs.readFile(css) : Data()
        fingerprint = hash.hex
        plain = !Self.entangled(texts)
        fingerprints = Self.fingerprints(texts, whole: fingerprint)
        self.library = library
    }

    /// The hash of the templates that `kind`'s pages are rendered with: an edit of another
    /// kind's template renders none of them again.
    public func fingerprint(of kind: String) -> String { fingerprints[kind] ?? fingerprint }

    /// Each kind's template with the layout and every template that is not a kind's (partials
    /// the user added). When a template names another (a partial `{{> x}}`, a parent `{{< x}}`)
    /// or changes the delimiters, which could hide such a name, every kind has the whole set's hash.
    static func fingerprints(_ texts: [(name: String, text: String)], whole: String) -> [String: String] {
        let kinds = Set(pageKinds)
        let entangled = entangled(texts)
        var out: [String: String] = [:]
        for kind in pageKinds {
            guard !entangled else { out[kind] = whole; continue }
            var h = StableHash()
            for t in texts where t.name == kind || !kinds.contains(t.name) {
                h.add(t.name)
                h.add(t.text)
            }
            out[kind] = h.hex
        }
        return out
    }

    /// Whether a template names another (a partial `{{> x}}`, a parent `{{< x}}`) or changes the
    /// delimiters, which could hide such a name.
    static func entangled(_ texts: [(name: String, text: String)]) -> Bool {
        texts.contains { t in
            var rest = Substring(t.text)
            while let open = rest.range(of: "{{") {
                rest = rest[open.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
                if let c = rest.first, c == ">" || c == "<" || c == "=" { return true }
            }
            return false
        }
    }

    /// A value made safe for Mustache's escaping, which goes by characters: a character that
    /// joins `"`, `'`, `<`, `>` or `&` to combining marks or other scalars (`"` followed by U+0303)
    /// is no key of its table and came out unescaped, so that an article's `language:` or title
    /// could end a template's attribute and add its own. Such a character keeps its HTML-special
    /// scalars alone; everything else is left as it is.
    public static func safe(_ s: String) -> String {
        @inline(__always) func special(_ b: UInt8) -> Bool { b == 0x22 || b == 0x27 || b == 0x3C || b == 0x3E || b == 0x26 }
        // Only a special byte next to a non-ASCII one can share a character with another scalar.
        var risky = false, previous: UInt8 = 0
        for b in s.utf8 {
            if (special(b) && previous >= 0x80) || (b >= 0x80 && special(previous)) { risky = true; break }
            previous = b
        }
        guard risky else { return s }
        var out = String.UnicodeScalarView()
        for c in s {
            let scalars = c.unicodeScalars
            if scalars.count > 1, scalars.contains(where: { $0.isASCII && special(UInt8($0.value)) }) {
                out.append(contentsOf: scalars.filter { $0.isASCII && special(UInt8($0.value)) })
            } else {
                out.append(contentsOf: scalars)
            }
        }
        return String(out)
    }

    /// Renders `kind`'s template with `context`, then the layout around it.
    public func render(kind: String, context: [String: Any], layout: [String: Any]) -> String {
        let body = library.render(context, withTemplate: kind) ?? ""
        var outer = layout
        outer["body"] = body
        return library.render(outer, withTemplate: "layout") ?? body
    }
}
