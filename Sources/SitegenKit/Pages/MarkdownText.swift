/// A page's Markdown as it is written: UTF-8 bytes, each piece appended after the last. A page is
/// made of hundreds of pieces; appending a string's bytes to an array costs about half of what
/// appending it to a String does (String keeps its count and flags, and grows through its small
/// form and each doubling of its storage). The array is kept as long as its capacity, zeros past
/// `length`, so that a piece is copied in with one memcpy: `Array.append(contentsOf:)` spent some
/// seventy instructions a piece on its own bookkeeping.
struct MarkdownText: TextOutputStream, Sendable {
    /// Written only from strings: well-formed UTF-8 up to `length`.
    private var bytes: [UInt8] = []
    private var length = 0

    init() {}

    init(_ s: String) { write(s) }

    /// The Markdown's bytes.
    var utf8: [UInt8] { Array(bytes[..<length]) }

    /// The Markdown's bytes, without copying them when this text is their only owner.
    consuming func finish() -> [UInt8] {
        bytes.removeSubrange(length...)
        return bytes
    }

    mutating func write(_ s: String) {
        var s = s
        s.withUTF8 { append($0) }
    }

    private mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
        guard let from = piece.baseAddress, !piece.isEmpty else { return }
        let n = piece.count
        if bytes.count - length < n { grow(to: length + n) }
        let at = length
        bytes.withUnsafeMutableBufferPointer { to in
            guard let base = to.baseAddress else { return }
            (base + at).update(from: from, count: n)
        }
        length += n
    }

    /// At least `needed` bytes of room, doubling.
    private mutating func grow(to needed: Int) {
        var size = max(bytes.count * 2, 256)
        while size < needed { size *= 2 }
        bytes.append(contentsOf: repeatElement(0, count: size - bytes.count))
    }

    static func += (text: inout MarkdownText, s: String) { text.write(s) }
}
