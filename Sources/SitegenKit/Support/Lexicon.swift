import Foundation

/// The language data of Resources/lexicon, parsed. Sections are named `[like.this]`; entries are
/// separated by commas or new lines; `#` starts a comment. The files are embedded in the binary,
/// so that the tool needs nothing beside itself at run time.
public struct Lexicon: Sendable {
    public private(set) var sections: [String: [String]] = [:]

    public init(sources: [String]) {
        for source in sources { parse(source) }
    }

    /// Read among the bytes: newlines, "#", "[", "]", "," and the blanks are the same bytes in
    /// any UTF-8 text (by characters, the standard lexicon took 60 million instructions to read,
    /// which every build paid before its first stage).
    private mutating func parse(_ text: String) {
        var current = ""
        var text = text
        text.withUTF8 { u in
            var start = 0
            while start <= u.count {
                let (end, next) = Self.lineEnd(u, from: start)
                defer { start = next }
                var line = start..<end
                if let hash = u[line].firstIndex(of: UInt8(ascii: "#")) { line = line.lowerBound..<hash }
                let t = Self.trimmed(u, line)
                if t.isEmpty { continue }
                if u[t.lowerBound] == UInt8(ascii: "[") && u[t.upperBound - 1] == UInt8(ascii: "]") {
                    current = t.count > 2 ? String(decoding: UnsafeBufferPointer(rebasing: u[(t.lowerBound + 1)..<(t.upperBound - 1)]), as: UTF8.self) : ""
                    continue
                }
                if current == "transliterations" {
                    sections[current, default: []].append(String(decoding: UnsafeBufferPointer(rebasing: u[t]), as: UTF8.self))
                    continue
                }
                var from = t.lowerBound
                while from <= t.upperBound {
                    let comma = u[from..<t.upperBound].firstIndex(of: UInt8(ascii: ",")) ?? t.upperBound
                    let e = Self.trimmed(u, from..<comma)
                    if !e.isEmpty { sections[current, default: []].append(String(decoding: UnsafeBufferPointer(rebasing: u[e]), as: UTF8.self)) }
                    from = comma + 1
                }
            }
        }
    }

    /// Where the line from `start` ends, and where the next one starts: at a line feed, vertical
    /// tab, form feed, carriage return (with its line feed), U+0085, U+2028 or U+2029, as
    /// `Character.isNewline` tells them; the last line ends with the text (its next start is past it).
    static func lineEnd(_ u: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, next: Int) {
        var i = start
        while i < u.count {
            let b = u[i]
            if b >= 0x0A && b <= 0x0D {
                return (i, b == 0x0D && i + 1 < u.count && u[i + 1] == 0x0A ? i + 2 : i + 1)
            }
            if b == 0xC2, i + 1 < u.count, u[i + 1] == 0x85 { return (i, i + 2) }
            if b == 0xE2, i + 2 < u.count, u[i + 1] == 0x80, u[i + 2] == 0xA8 || u[i + 2] == 0xA9 { return (i, i + 3) }
            i += 1
        }
        return (u.count, u.count + 1)
    }

    /// `range` of `u` without the spaces, tabs, no-break spaces (U+00A0, U+202F) and thin spaces
    /// (U+2009) around it.
    static func trimmed(_ u: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        /// The length of the blank that starts at `i` (0: none).
        func blank(at i: Int) -> Int {
            let b = u[i]
            if b == 0x20 || b == 0x09 { return 1 }
            if b == 0xC2, i + 1 < u.count, u[i + 1] == 0xA0 { return 2 }
            if b == 0xE2, i + 2 < u.count, u[i + 1] == 0x80, u[i + 2] == 0xAF || u[i + 2] == 0x89 { return 3 }
            return 0
        }
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi { let n = blank(at: lo); if n == 0 || lo + n > hi { break }; lo += n }
        // From the end: a blank's last byte (0x20, 0x09, 0xA0, 0xAF, 0x89) is no first byte of a
        // scalar; its first byte is one to three bytes back.
        trailing: while lo < hi {
            for n in 1...3 where hi - n >= lo && blank(at: hi - n) == n {
                hi -= n
                continue trailing
            }
            break
        }
        return lo..<hi
    }

    /// `s` without the spaces and tabs around it (`trimmed(_:_:)`).
    static func trimmed(_ s: Substring) -> String {
        var s = String(s)
        return s.withUTF8 { u in String(decoding: UnsafeBufferPointer(rebasing: u[trimmed(u, 0..<u.count)]), as: UTF8.self) }
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
