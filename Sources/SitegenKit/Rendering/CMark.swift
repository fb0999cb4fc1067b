import Ccmark
import Foundation

/// CommonMark to HTML through libcmark, the reference C implementation.
public enum CMark {
    /// - Parameter allowRawHTML: keep raw HTML and `javascript:` links. Only for Markdown that sitegen
    ///   writes itself, where every piece of untrusted text is escaped; never for the user's Markdown
    ///   unless the dossier's `site.yml` allows it.
    public static func html(_ markdown: String, allowRawHTML: Bool = false) -> String {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        var utf8 = Array(markdown.utf8)
        let count = utf8.count
        guard let out = utf8.withUnsafeMutableBufferPointer({ buf -> UnsafeMutablePointer<CChar>? in
            buf.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: count) { cmark_markdown_to_html($0, count, Int32(options)) }
            } ?? cmark_markdown_to_html("", 0, Int32(options))
        }) else { return "" }
        defer { free(out) }
        return String(cString: out)
    }

    /// The version of the libcmark the binary runs with.
    public static var version: String { String(cString: cmark_version_string()) }
}
