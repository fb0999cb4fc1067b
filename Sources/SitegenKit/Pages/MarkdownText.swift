/// A page's Markdown as it is written: UTF-8 bytes, each piece appended after the last. A page is
/// made of hundreds of pieces; appending a string's bytes to an array costs about half of what
/// appending it to a String does (String keeps its count and flags, and grows through its small
/// form and each doubling of its storage).
struct MarkdownText: TextOutputStream, Sendable {
    /// Written only from strings: well-formed UTF-8.
    private(set) var utf8: [UInt8] = []

    init() {}

    init(_ s: String) { write(s) }

    mutating func write(_ s: String) {
        var s = s
        s.withUTF8 { utf8.append(contentsOf: $0) }
    }

    static func += (text: inout MarkdownText, s: String) { text.write(s) }
}
