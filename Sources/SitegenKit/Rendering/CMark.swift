import Ccmark
import CmarkArena
import Foundation

/// CommonMark to HTML through libcmark, the reference C implementation.
public enum CMark {
    /// - Parameter allowRawHTML: keep raw HTML and `javascript:` links. Only for Markdown that sitegen
    ///   writes itself, where every piece of untrusted text is escaped; never for the user's Markdown
    ///   unless the dossier's `site.yml` allows it.
    public static func html(_ markdown: String, allowRawHTML: Bool = false) -> String {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        var text = markdown
        return text.withUTF8 { utf8 in render(utf8, options: options) }
    }

    /// `html` as UTF-8 bytes, without making a string of them: the same bytes as `html` gives.
    public static func htmlBytes(_ markdown: String, allowRawHTML: Bool = false) -> [UInt8] {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        var text = markdown
        return text.withUTF8 { utf8 in render(utf8, options: options) { out in
            // libcmark writes valid UTF-8 (it validates its input); were it not, the string
            // `html` makes would repair it, and so is it here.
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(out).assumingMemoryBound(to: UInt8.self), count: strlen(out))
            return Self.isValidUTF8(bytes) ? Array(bytes) : Array(String(cString: out).utf8)
        } } ?? []
    }

    /// Whether `b` is well-formed UTF-8 (what `String(cString:)` keeps as it is).
    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        guard let base = b.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        while i < n {
            // Eight ASCII bytes at a time (most of a page's HTML).
            if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            let x = b[i]
            if x < 0x80 { i += 1; continue }
            @inline(__always) func cont(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
            if x >= 0xC2 && x <= 0xDF {
                guard cont(1) else { return false }
                i += 2
            } else if x >= 0xE0 && x <= 0xEF {
                guard cont(1), cont(2) else { return false }
                let y = b[i + 1]
                if x == 0xE0 && y < 0xA0 { return false }      // overlong
                if x == 0xED && y >= 0xA0 { return false }     // surrogates
                i += 3
            } else if x >= 0xF0 && x <= 0xF4 {
                guard cont(1), cont(2), cont(3) else { return false }
                let y = b[i + 1]
                if x == 0xF0 && y < 0x90 { return false }      // overlong
                if x == 0xF4 && y >= 0x90 { return false }     // past U+10FFFF
                i += 4
            } else {
                return false
            }
        }
        return true
    }

    /// Parses and renders on this thread's arena (libcmark's own allocations were most of its
    /// cost besides parsing), then copies the HTML out and takes the arena back.
    static func render(_ utf8: UnsafeBufferPointer<UInt8>, options: Int32) -> String {
        render(utf8, options: options) { String(cString: $0) } ?? ""
    }

    /// Renders, and hands the HTML to `take` before its memory is given back.
    static func render<T>(_ utf8: UnsafeBufferPointer<UInt8>, options: Int32, _ take: (UnsafePointer<CChar>) -> T) -> T? {
        defer { sitegen_arena_reset() }
        let mem = UnsafeMutablePointer<cmark_mem>(OpaquePointer(sitegen_arena_mem()))
        guard let parser = cmark_parser_new_with_mem(options, mem) else { return nil }
        defer { cmark_parser_free(parser) }
        if let base = utf8.baseAddress {
            base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { cmark_parser_feed(parser, $0, utf8.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(document) }
        guard let out = cmark_render_html(document, options) else { return nil }
        // Whichever allocator the renderer used for its result, it is given back to the same one.
        defer { if sitegen_arena_owns(out) == 0 { free(out) } }
        return take(out)
    }

    /// libcmark's simple interface, on its own allocator: what `html` must give (tests).
    static func htmlWithDefaultAllocator(_ markdown: String, options: Int32) -> String {
        var text = markdown
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress,
                  let out = base.withMemoryRebound(to: CChar.self, capacity: utf8.count, { cmark_markdown_to_html($0, utf8.count, options) })
            else { return "" }
            defer { free(out) }
            return String(cString: out)
        }
    }

    /// The version of the libcmark the binary runs with.
    public static var version: String { String(cString: cmark_version_string()) }
}
