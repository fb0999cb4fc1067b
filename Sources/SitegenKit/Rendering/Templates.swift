import Foundation
import Mustache

/// The Mustache templates of `Templates/`: a layout, one template per kind of page, a stylesheet.
public struct TemplateSet: Sendable {
    public static let stage = "templates"
    public static let pageKinds = ["index", "article", "person", "people", "quotes", "timeline", "note", "search"]
    let library: MustacheLibrary
    public let stylesheet: Data
    /// A hash of every Mustache template: a page is rendered again when it changes. The
    /// stylesheet is not in it: pages link to style.css, which every build writes anew, so that
    /// an edit of the style alone renders no page again.
    public let fingerprint: String

    /// Reads every `*.mustache` file of `directory` (and `style.css`) through the file-system seam.
    public init(directory: String, fs: FileSystem) throws {
        guard fs.isDirectory(directory) else {
            throw BuildError(stage: Self.stage, file: directory, "the templates folder does not exist")
        }
        var library = MustacheLibrary()
        var hash = StableHash()
        let listing = try fs.listFiles(in: directory)
        for file in listing.files where file.hasSuffix(".mustache") {
            let path = directory + "/" + file
            let text = String(decoding: try fs.readFile(path), as: UTF8.self)
            hash.add(file)
            hash.add(text)
            do {
                library.register(try MustacheTemplate(string: text), named: String(file.dropLast(".mustache".count)))
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
        self.library = library
    }

    /// Renders `kind`'s template with `context`, then the layout around it.
    public func render(kind: String, context: [String: Any], layout: [String: Any]) -> String {
        let body = library.render(context, withTemplate: kind) ?? ""
        var outer = layout
        outer["body"] = body
        return library.render(outer, withTemplate: "layout") ?? body
    }
}
