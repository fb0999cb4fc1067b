import Ccmark
import CmarkArena
import Foundation

/// CommonMark to HTML through libcmark, the reference C implementation.
public enum CMark {
    /// - Parameter allowRawHTML: keep raw HTML and `javascript:` links. Only for Markdown that sitegen
    ///   writes itself, where every piece of untrusted text is escaped; never for the user's Markdown
    ///   unless the dossier's `site.yml` allows it.
    public static func html(_ markdown: String, allowRawHTML: Bool = false) -> String {
        var text = markdown
        return text.withUTF8 { utf8 in render(utf8, options: options(allowRawHTML, validate: false)) }
    }

    /// libcmark's options. `validate`: libcmark checks the input's UTF-8 line by line and replaces
    /// what is not well-formed. A Swift string's UTF-8 is well-formed already, and the check was
    /// a tenth of rendering: it is asked for bytes that are not known to be (NUL is replaced
    /// either way).
    static func options(_ allowRawHTML: Bool, validate: Bool = true) -> Int32 {
        CMARK_OPT_DEFAULT | (validate ? CMARK_OPT_VALIDATE_UTF8 : 0) | (allowRawHTML ? CMARK_OPT_UNSAFE : 0)
    }

    /// `html` as UTF-8 bytes, without making a string of them: the same bytes as `html` gives.
    public static func htmlBytes(_ markdown: String, allowRawHTML: Bool = false) -> [UInt8] {
        var text = markdown
        return text.withUTF8 { htmlBytes(utf8: $0, allowRawHTML: allowRawHTML, validate: false) }
    }

    /// `htmlBytes` of Markdown given as bytes that may not be well-formed UTF-8: checked here
    /// (eight ASCII bytes at a time), and by libcmark line by line only if they are not.
    public static func htmlBytes(utf8 markdown: [UInt8], allowRawHTML: Bool = false) -> [UInt8] {
        markdown.withUnsafeBufferPointer { htmlBytes(utf8: $0, allowRawHTML: allowRawHTML, validate: !isValidUTF8($0)) }
    }

    /// A page's Markdown, which sitegen writes itself (raw HTML kept), from strings only: not checked again.
    static func htmlBytes(_ page: Page) -> [UInt8] {
        page.markdownUTF8.withUnsafeBufferPointer { htmlBytes(utf8: $0, allowRawHTML: true, validate: false) }
    }

    static func htmlBytes(utf8: UnsafeBufferPointer<UInt8>, allowRawHTML: Bool, validate: Bool = true) -> [UInt8] {
        render(utf8, options: options(allowRawHTML, validate: validate)) { out in
            // libcmark writes valid UTF-8 (it validates its input); were it not, the string
            // `html` makes would repair it, and so is it here.
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(out).assumingMemoryBound(to: UInt8.self), count: strlen(out))
            return Self.isValidUTF8(bytes) ? Array(bytes) : Array(String(cString: out).utf8)
        } ?? []
    }

    /// Whether `b` is well-formed UTF-8 (what `String(cString:)` keeps as it is). HTML is mostly
    /// ASCII markup: eight bytes are passed at a time while none has its high bit (the standard
    /// library's check reads one byte at a time); any other sequence must be one of the
    /// well-formed ones of the Unicode standard (its table 3-7: no overlong form, no surrogate,
    /// nothing past U+10FFFF).
    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return true }
        let n = b.count
        var i = 0
        while i < n {
            if i + 8 <= n {
                let high = ByteWord.load(base, i) & ByteWord.highs
                if high == 0 {
                    i += 8
                    continue
                }
                // Straight to the first byte with its high bit (French text has one every few words).
                i += high.trailingZeroBitCount >> 3
            }
            let x = b[i]
            if x < 0x80 {
                i += 1
                continue
            }
            // Byte k of the sequence lies in `range` (80...BF but after the leads that narrow it).
            func byte(_ k: Int, in range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool { i + k < n && range.contains(b[i + k]) }
            let length: Int
            switch x {
            case 0xC2...0xDF: length = byte(1) ? 2 : 0
            case 0xE0: length = byte(1, in: 0xA0...0xBF) && byte(2) ? 3 : 0
            case 0xE1...0xEC, 0xEE, 0xEF: length = byte(1) && byte(2) ? 3 : 0
            case 0xED: length = byte(1, in: 0x80...0x9F) && byte(2) ? 3 : 0
            case 0xF0: length = byte(1, in: 0x90...0xBF) && byte(2) && byte(3) ? 4 : 0
            case 0xF1...0xF3: length = byte(1) && byte(2) && byte(3) ? 4 : 0
            case 0xF4: length = byte(1, in: 0x80...0x8F) && byte(2) && byte(3) ? 4 : 0
            default: length = 0
            }
            guard length > 0 else { return false }
            i += length
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
