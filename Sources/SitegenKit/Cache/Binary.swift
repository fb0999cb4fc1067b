import Foundation

/// The cache's file format: values in a fixed order, integers as LEB128 varints, strings as
/// their UTF-8 length and bytes. Written and read ten times faster than JSON, with no tree in
/// memory; a file cut short or from another format fails to read and the cache is ignored.
/// The fields that repeat (a quote's article, speaker, rule; an event's resolution...) are
/// `interned`: written once, then by their number among the strings interned before them in
/// the same writer (one section of a file): a rebuild makes each such string once.
struct BinaryWriter {
    var bytes: [UInt8] = []
    /// The strings `interned` wrote whole, in order (a string's number is its place), and the
    /// number of the first one with each `StableHash` (a string's own hash, SipHash, took four
    /// times as long on a quote's text).
    private var written: [String] = []
    private var numbers: [UInt64: Int] = [:]

    mutating func int(_ v: Int) {
        // Zigzag, so that small negative numbers stay short (`varint`), in one append.
        var room: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &room) { raw in
            var at = 0
            Self.varint(v, raw, &at)
            bytes.append(contentsOf: raw[..<at])
        }
    }

    mutating func bool(_ b: Bool) { bytes.append(b ? 1 : 0) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { u in
            int(u.count)
            bytes.append(contentsOf: u)
        }
    }

    mutating func double(_ d: Double) { int(Int(Int64(bitPattern: d.bitPattern))) }

    mutating func optional<T>(_ v: T?, _ write: (inout BinaryWriter, T) -> Void) {
        bool(v != nil)
        if let v { write(&self, v) }
    }

    mutating func array<T>(_ items: [T], _ write: (inout BinaryWriter, T) -> Void) {
        int(items.count)
        for item in items { write(&self, item) }
    }

    mutating func strings(_ items: [String]) { array(items) { $0.string($1) } }

    /// `s` whole (its length, from 0, and its bytes) the first time, then as -1 - its number.
    /// (A string whose hash an earlier, different string has is written whole again.)
    mutating func interned(_ s: String) {
        var h = StableHash()
        h.add(s)
        let key = h.value
        let first = numbers[key]
        if let n = first, written[n] == s {
            int(-1 - n)
            return
        }
        if first == nil { numbers[key] = written.count }
        written.append(s)
        string(s)
    }

    mutating func internedStrings(_ items: [String]) { array(items) { $0.interned($1) } }

    /// A 64-bit hash as its eight bytes, little-endian (a varint would take ten), in one append.
    @inline(__always) mutating func word(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// 64-bit hashes, after their count: each as its eight bytes.
    mutating func words(_ items: [UInt64]) {
        int(items.count)
        bytes.reserveCapacity(bytes.count + items.count * 8)
        for v in items { word(v) }
    }

    /// The pieces of a streamed file (a million at 100,000 articles): each key, a hash that
    /// takes ten bytes as a varint, as eight bytes; each offset as the distance from the end of
    /// the piece before (the few bytes between two entries), and the length. Four bytes less a
    /// piece than three varints, and read without a loop over the key's bytes.
    mutating func pieces(_ items: [PieceReuse.Piece]) {
        int(items.count)
        // Written in place into room for the longest encoding (8 bytes and two varints of ten),
        // then cut to what was written, a batch at a time: a file's hundreds of thousands of
        // pieces were each a dozen appends.
        var end = 0
        var first = 0
        while first < items.count {
            let batch = items[first..<min(first + Self.piecesBatch, items.count)]
            first = batch.endIndex
            var at = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: batch.count * 28))
            bytes.withUnsafeMutableBytes { raw in
                for p in batch {
                    raw.storeBytes(of: p.key.littleEndian, toByteOffset: at, as: UInt64.self)
                    at += 8
                    Self.varint(p.offset &- end, raw, &at)
                    Self.varint(p.length, raw, &at)
                    end = p.offset &+ p.length
                }
            }
            bytes.removeLast(bytes.count - at)
        }
    }

    /// How many pieces `pieces` writes into the room it makes at a time (under 2 MB of it).
    static let piecesBatch = 1 << 16

    /// `v` as a LEB128 varint of its zigzag (small negative numbers stay short), at `at` in `raw`
    /// (room for ten bytes), `at` moved past it.
    @inline(__always) static func varint(_ v: Int, _ raw: UnsafeMutableRawBufferPointer, _ at: inout Int) {
        var u = UInt64(bitPattern: Int64(v) << 1 ^ Int64(v) >> 63)
        while u >= 0x80 {
            raw[at] = UInt8(u & 0x7F) | 0x80
            at += 1
            u >>= 7
        }
        raw[at] = UInt8(u)
        at += 1
    }
}

struct BinaryReader {
    struct Truncated: Error {}
    let bytes: FileBytes
    var offset = 0
    /// Where this reader stops: the end of the bytes, or of the section it reads.
    let end: Int
    /// The strings read by `interned`, by their number.
    private var numbered: [String] = []

    init(_ data: Data) { self.init(FileBytes(copying: [UInt8](data))) }

    init(_ bytes: FileBytes) {
        self.bytes = bytes
        end = bytes.count
    }

    /// A reader of `bytes[range]` (one section of a file, read beside the others).
    init(_ bytes: FileBytes, _ range: Range<Int>) {
        self.bytes = bytes
        offset = range.lowerBound
        end = min(range.upperBound, bytes.count)
    }

    /// The byte at `i` (below `end`, which the callers check).
    @inline(__always) private func byte(_ i: Int) -> UInt8 { bytes.withBuffer { $0[i] } }

    /// The next `n` bytes' range, skipped.
    mutating func skip(_ n: Int) throws -> Range<Int> {
        guard n >= 0, n <= end - offset else { throw Truncated() }
        defer { offset += n }
        return offset..<offset + n
    }

    mutating func int() throws -> Int {
        var at = offset
        let limit = end
        guard let v = bytes.withBuffer({ Self.varint(UnsafeRawBufferPointer($0), &at, limit) }) else { throw Truncated() }
        offset = at
        return v
    }

    mutating func bool() throws -> Bool {
        guard offset < end else { throw Truncated() }
        offset += 1
        return byte(offset - 1) != 0
    }

    mutating func string() throws -> String { try string(length: try int()) }

    /// The `n` bytes that follow as a string.
    private mutating func string(length n: Int) throws -> String {
        guard n >= 0, n <= end - offset else { throw Truncated() }
        defer { offset += n }
        let start = offset
        return bytes.withBuffer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<start + n]), as: UTF8.self) }
    }

    /// What `BinaryWriter.interned` wrote: a string, kept with its number, or the number of one
    /// read before (the same string, shared).
    mutating func interned() throws -> String {
        let n = try int()
        guard n < 0 else {
            let s = try string(length: n)
            numbered.append(s)
            return s
        }
        let k = -1 - n
        guard k < numbered.count else { throw Truncated() }
        return numbered[k]
    }

    mutating func internedStrings() throws -> [String] { try array { try $0.interned() } }

    /// `raw` of an interned string.
    mutating func internedRaw<E: RawRepresentable>(_: E.Type) throws -> E where E.RawValue == String {
        guard let e = E(rawValue: try interned()) else { throw Truncated() }
        return e
    }

    mutating func double() throws -> Double { Double(bitPattern: UInt64(bitPattern: Int64(try int()))) }

    mutating func optional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    /// An array's count: no more than the bytes left (each element takes one at least).
    mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0, n <= end - offset else { throw Truncated() }
        return n
    }

    mutating func array<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try read(&self)) }
        return out
    }

    mutating func strings() throws -> [String] { try array { try $0.string() } }

    /// What `BinaryWriter.word` wrote.
    @inline(__always) mutating func word() throws -> UInt64 {
        let at = try skip(8).lowerBound
        return bytes.withBuffer { UInt64(littleEndian: UnsafeRawBufferPointer($0).loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
    }

    /// What `BinaryWriter.words` wrote.
    mutating func words() throws -> [UInt64] {
        let n = try int()
        guard n >= 0, n <= (end - offset) / 8 else { throw Truncated() }
        let at = try skip(8 * n).lowerBound
        return bytes.withBuffer { b in
            let raw = UnsafeRawBufferPointer(b)
            return (0..<n).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at + 8 * $0, as: UInt64.self)) }
        }
    }

    /// What `BinaryWriter.pieces` wrote.
    mutating func pieces() throws -> [PieceReuse.Piece] {
        let n = try int()
        // Ten bytes a piece at least.
        guard n >= 0, n <= (end - offset) / 10 else { throw Truncated() }
        // Read in one pass over the bytes (each byte through `int` and `word` was a call).
        let (limit, start) = (end, offset)
        let read: (pieces: [PieceReuse.Piece], end: Int)? = bytes.withBuffer { b in
            let raw = UnsafeRawBufferPointer(b)
            var at = start
            var out: [PieceReuse.Piece] = []
            out.reserveCapacity(n)
            var last = 0
            for _ in 0..<n {
                guard limit - at >= 8 else { return nil }
                let key = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
                at += 8
                guard let distance = Self.varint(raw, &at, limit), let length = Self.varint(raw, &at, limit) else { return nil }
                let offset = last &+ distance
                out.append(PieceReuse.Piece(key: key, offset: offset, length: length))
                last = offset &+ length
            }
            return (out, at)
        }
        guard let read else { throw Truncated() }
        offset = read.end
        return read.pieces
    }

    /// The varint at `at` in `raw` (as `int` reads it), `at` moved past it; nil when it does not end before `limit`.
    @inline(__always) static func varint(_ raw: UnsafeRawBufferPointer, _ at: inout Int, _ limit: Int) -> Int? {
        var u: UInt64 = 0
        var shift: UInt64 = 0
        while at < limit, shift < 64 {
            let byte = raw[at]
            at += 1
            u |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: u >> 1) ^ -Int64(bitPattern: u & 1)) }
            shift += 7
        }
        return nil
    }

    /// Passes over a string that must be one of the raw values of `E`, compared as bytes
    /// without making it (an article's paragraphs, checked when the cache is loaded).
    mutating func skipRaw<E: CaseIterable & RawRepresentable>(_: E.Type) throws where E.RawValue == String {
        let range = try skip(try int())
        let known = bytes.withBuffer { b in E.allCases.contains { $0.rawValue.utf8.elementsEqual(b[range]) } }
        guard known else { throw Truncated() }
    }

    /// A string that must be one of an enumeration's raw values.
    mutating func raw<E: RawRepresentable>(_: E.Type) throws -> E where E.RawValue == String {
        guard let e = E(rawValue: try string()) else { throw Truncated() }
        return e
    }
}

// MARK: - The cached types

extension BinaryWriter {
    mutating func date(_ d: PartialDate) {
        int(d.year)
        optional(d.month) { $0.int($1) }
        optional(d.day) { $0.int($1) }
        optional(d.hour) { $0.int($1) }
        optional(d.minute) { $0.int($1) }
    }

    mutating func diagnostic(_ d: Diagnostic) {
        string(d.severity.rawValue); string(d.stage); string(d.file)
        optional(d.line) { $0.int($1) }
        string(d.message)
        optional(d.hint) { $0.string($1) }
    }

    /// The fields that repeat from article to article interned (the site's language, an outlet...).
    mutating func article(_ a: Article) {
        string(a.id); string(a.source); string(a.title)
        optional(a.date) { $0.date($1) }
        optional(a.dateSource) { $0.interned($1) }
        optional(a.author) { $0.interned($1) }
        interned(a.language)
        optional(a.url) { $0.string($1) }
        optional(a.outlet) { $0.interned($1) }
        internedStrings(a.tags)
        articleBody(a.body)
        bool(a.isMarkdown)
    }

    /// The paragraphs, then the removed lines. A body still as the cache file holds it is copied
    /// as those bytes (the file is read only when its format is this one).
    mutating func articleBody(_ body: ArticleBody) {
        if let e = body.encoded {
            e.bytes.withBuffer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[e.range])) }
            return
        }
        let c = body.contents
        array(c.paragraphs) { w, p in w.string(p.text); w.string(p.kind.rawValue); w.int(p.line) }
        array(c.dropped) { w, x in w.int(x.line); w.string(x.text); w.string(x.rule) }
    }

    /// Every field but the id interned: the same statement is quoted by several articles.
    mutating func quote(_ q: Quote) {
        string(q.id); interned(q.article); interned(q.text); interned(q.kind.rawValue)
        optional(q.speaker) { $0.interned($1) }
        optional(q.speakerName) { $0.interned($1) }
        interned(q.evidence.cue); interned(q.evidence.rule); double(q.evidence.confidence); internedStrings(q.evidence.notes)
        optional(q.note) { $0.interned($1) }
        int(q.start); int(q.end); int(q.paragraph)
    }

    mutating func event(_ e: Event) {
        string(e.id); interned(e.article)
        optional(e.date) { $0.date($1) }
        interned(e.dateText); interned(e.resolution); interned(e.sentence); internedStrings(e.people)
        int(e.paragraph); int(e.start); int(e.end)
    }

    mutating func person(_ p: Person) {
        string(p.id); string(p.name); strings(p.aliases)
        array(p.roles) { w, r in w.string(r.text); w.string(r.article) }
        strings(p.articles); string(p.gender.rawValue); string(p.note)
        optional(p.registryFile) { $0.string($1) }
    }

    /// An article's names (its id is written beside it).
    mutating func sheet(_ s: NameSheet) {
        array(s.names) { w, m in
            w.int(m.paragraph); w.int(m.lo); w.int(m.hi); w.strings(m.words)
            w.optional(m.title) { $0.string($1) }
            w.string(m.gender.rawValue); w.int(m.strength.rawValue)
            w.optional(m.role) { $0.string($1) }
            w.bool(m.inQuote); w.bool(m.inTitle)
        }
        array(s.locative.sorted()) { $0.int($1) }
    }
}

extension BinaryReader {
    mutating func date() throws -> PartialDate {
        let year = try int()
        let month = try optional { try $0.int() }, day = try optional { try $0.int() }
        let hour = try optional { try $0.int() }, minute = try optional { try $0.int() }
        return PartialDate(year: year, month: month, day: day, hour: hour, minute: minute)
    }

    mutating func diagnostic() throws -> Diagnostic {
        let severity = try raw(Diagnostic.Severity.self)
        let stage = try string(), file = try string()
        let line = try optional { try $0.int() }
        let message = try string()
        let hint = try optional { try $0.string() }
        return Diagnostic(severity, stage: stage, file: file, line: line, message, hint: hint)
    }

    mutating func article() throws -> Article {
        let id = try string(), source = try string(), title = try string()
        let date = try optional { try $0.date() }
        let dateSource = try optional { try $0.interned() }, author = try optional { try $0.interned() }
        let language = try interned()
        let url = try optional { try $0.string() }, outlet = try optional { try $0.interned() }
        let tags = try internedStrings()
        // The body's bytes are checked for their structure now, and decoded when first read.
        let start = offset
        try skipArticleBody()
        let body = ArticleBody(encoded: bytes, range: start..<offset)
        return Article(id: id, source: source, title: title, date: date, dateSource: dateSource, author: author, language: language,
                       url: url, outlet: outlet, tags: tags, body: body, isMarkdown: try bool())
    }

    mutating func articleBody() throws -> ArticleBody.Contents {
        let paragraphs = try array { r in Paragraph(text: try r.string(), kind: try r.raw(Paragraph.Kind.self), line: try r.int()) }
        let dropped = try array { r in DroppedLine(line: try r.int(), text: try r.string(), rule: try r.string()) }
        return ArticleBody.Contents(paragraphs: paragraphs, dropped: dropped)
    }

    /// Passes over what `articleBody` reads, checking that it is all there, without making its
    /// strings (their UTF-8 is checked when they are made).
    mutating func skipArticleBody() throws {
        for _ in 0..<(try count()) { _ = try skip(try int()); try skipRaw(Paragraph.Kind.self); _ = try int() }
        for _ in 0..<(try count()) { _ = try int(); _ = try skip(try int()); _ = try skip(try int()) }
    }

    mutating func quote() throws -> Quote {
        let id = try string(), article = try interned(), text = try interned(), kind = try internedRaw(Quote.Kind.self)
        let speaker = try optional { try $0.interned() }, speakerName = try optional { try $0.interned() }
        let evidence = Evidence(cue: try interned(), rule: try interned(), confidence: try double(), notes: try internedStrings())
        let note = try optional { try $0.interned() }
        return Quote(id: id, article: article, text: text, kind: kind, speaker: speaker, speakerName: speakerName, evidence: evidence,
                     note: note, start: try int(), end: try int(), paragraph: try int())
    }

    mutating func event() throws -> Event {
        let id = try string(), article = try interned()
        let date = try optional { try $0.date() }
        return Event(id: id, article: article, date: date, dateText: try interned(), resolution: try interned(), sentence: try interned(),
                     people: try internedStrings(), paragraph: try int(), start: try int(), end: try int())
    }

    mutating func person() throws -> Person {
        let id = try string(), name = try string(), aliases = try strings()
        let roles = try array { r in Person.Role(text: try r.string(), article: try r.string()) }
        let articles = try strings(), gender = try raw(Gender.self), note = try string()
        return Person(id: id, name: name, aliases: aliases, roles: roles, articles: articles, gender: gender, note: note,
                      registryFile: try optional { try $0.string() })
    }

    mutating func sheet(id: String) throws -> NameSheet {
        let names = try array { r in
            let paragraph = try r.int(), lo = try r.int(), hi = try r.int(), words = try r.strings()
            let title = try r.optional { try $0.string() }
            let gender = try r.raw(Gender.self)
            guard let strength = NameMention.Strength(rawValue: try r.int()) else { throw Truncated() }
            let role = try r.optional { try $0.string() }
            return NameMention(paragraph: paragraph, lo: lo, hi: hi, words: words, title: title, gender: gender, strength: strength,
                               role: role, inQuote: try r.bool(), inTitle: try r.bool())
        }
        let locative = try array { try $0.int() }
        return NameSheet(articleID: id, names: names, locative: Set(locative))
    }
}
