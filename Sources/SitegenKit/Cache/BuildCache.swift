import Foundation

/// A 64-bit hash of bytes, mixed eight at a time as MurmurHash64A does: stable across runs and
/// machines (Swift's `Hasher` is seeded anew in every process, so it cannot key a cache on disk).
public struct StableHash: Sendable {
    /// MurmurHash64A's multiplier (FNV-1a, a byte at a time, was the largest single cost of a
    /// rebuild's keys).
    private static let m: UInt64 = 0xc6a4_a793_5bd1_e995
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// The hash of everything added so far.
    public var value: UInt64 {
        var h = state
        h ^= h >> 47
        h &*= Self.m
        h ^= h >> 47
        return h
    }

    @inline(__always) private mutating func mix(_ word: UInt64) {
        var k = word &* Self.m
        k ^= k >> 47
        k &*= Self.m
        state ^= k
        state &*= Self.m
    }

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i += 8
        }
        guard i < n else { return }
        // The last one to seven bytes, with their count in the top byte: "a" and "a\0" differ.
        var tail = UInt64(n - i) << 56
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        mix(tail)
    }

    public mutating func add(_ data: Data) { data.withUnsafeBytes { add($0) } }

    /// Adds a number as its eight bytes (no separator needed: the length is fixed).
    /// (As `add` of its eight little-endian bytes: one whole word.)
    public mutating func add(int v: Int) { mix(UInt64(bitPattern: Int64(v))) }
    public mutating func add(_ v: UInt64) { mix(v) }

    /// Adds `s` and a separator (the byte 0xFF), so that ("ab", "c") and ("a", "bc") differ.
    public mutating func add(_ s: String) {
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { add(UnsafeRawBufferPointer($0)) }
        if done == nil {
            var s = s
            s.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        }
        // `add` of the one byte 0xFF: its count in the top byte.
        mix(1 << 56 | 0xFF)
    }

    /// Adds a text's UTF-8 bytes as `add(_: String)` adds the text.
    public mutating func add(text utf8: [UInt8]) {
        utf8.withUnsafeBytes { add($0) }
        mix(1 << 56 | 0xFF)
    }

    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// What the last build read, extracted and wrote, kept beside the output (`.public.cache/` for
/// `public/`) so that the next build redoes only what changed. Every entry is keyed by the
/// content of its inputs and by the sitegen executable itself, so that a stale entry can never
/// be used: the output of a build with the cache is byte for byte the output without it. The
/// cache is only ever an accelerator: when it is missing, unreadable or from another version of
/// sitegen, the build simply does all the work.
public struct BuildCache: Sendable {
    public static let format = 6
    let fs: FileSystem
    /// The cache folder.
    public let folder: String
    /// Ties every entry to this version and build of sitegen.
    let salt: String

    public init(fs: FileSystem, output: String) {
        self.fs = fs
        let out = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
        let parent = Paths.parent(out)
        folder = (parent.isEmpty ? "" : parent + "/") + ".\(Paths.lastComponent(out)).cache"
        salt = "sitegen \(Sitegen.version) cache \(Self.format) " + Self.executableFingerprint()
    }

    /// Size and modification time of the running executable: a rebuilt sitegen (whose rules may
    /// have changed) never trusts the entries of the previous one. The file is opened through
    /// /proc/self/exe (the one running, even when its path now names a newer build), which
    /// valgrind also gives its guest: a rebuild under callgrind (`scripts/icount.sh --rebuild`)
    /// finds the cache of the same binary run natively, where `stat` saw valgrind's own program.
    static func executableFingerprint() -> String {
        var st = stat()
        let fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            defer { close(fd) }
            guard fstat(fd, &st) == 0 else { return "unknown" }
        } else {
            // An executable that may be run but not read.
            guard stat("/proc/self/exe", &st) == 0 else { return "unknown" }
        }
        return "\(st.st_size)-\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }

    // MARK: - Reading and extraction

    public struct Read: Sendable {
        public var article: Article?
        public var diagnostics: [Diagnostic]
    }

    /// The last extraction, and the key of what it was made from.
    public struct Extraction: Sendable {
        public var key: String
        /// With the hashes of its quotes and events when known (`Output.quoteHashes`,
        /// `eventHashes`; made when saved otherwise).
        public var output: Extractor.Output
    }

    /// An article file's stamp when it was read, and the read key of its bytes then.
    public struct Stamped: Sendable, Equatable {
        public var stamp: FileStamp
        /// What the read key holds besides the bytes (source, id, the site's language): a file
        /// renamed in place, or a site.yml with another language, is read again.
        public var context: String
        public var key: String
    }

    /// Read results by the key of their input, the last extraction, and the stamps of the
    /// article files by path: a file whose stamp is unchanged is not read again.
    public struct Articles: Sendable {
        public var salt: String
        public var reads: [String: Read]
        public var extraction: Extraction?
        public var stamps: [String: Stamped] = [:]
    }

    /// The key of one article's reading: its bytes, where it comes from, the site's language.
    public func readKey(data: Data, source: String, id: String, site: SiteConfig) -> String {
        var h = StableHash()
        h.add(salt)
        h.add(source)
        h.add(id)
        h.add(site.language)
        h.add(data)
        return h.hex
    }

    /// The key of an extraction: every article's read key in order, and the registry.
    public func extractionKey(readKeys: [String], registry: [RegistryEntry]) -> String {
        var h = StableHash()
        h.add(salt)
        for k in readKeys { h.add(k) }
        h.add(String(describing: registry))
        return h.hex
    }

    // MARK: - Same-statement groups

    /// The key of the grouping: the `statement` hash of every quote (of its id, article, kind,
    /// speaker and text), in order.
    public func statementsKey(_ hashes: QuoteHashes) -> String {
        var h = StableHash()
        h.add(salt)
        h.add(int: hashes.count)
        for v in hashes.statement { h.add(v) }
        return h.hex
    }

    var statementsFile: String { folder + "/statements.bin" }
    static let statementsMagic = "sitegen statements cache 2\n"

    /// What the last grouping leaves: its groups when they were made from quotes with this key,
    /// else each speaker's links by the key of the speaker's quotes (`StatementGrouper.group(_:known:)`).
    public enum LastStatements {
        case same([[String]])
        case links([UInt64: StatementGrouper.Links])
    }

    /// The file is read once: the groups are decoded only when the key is the same, the links only when not.
    public func loadStatements(key: String) -> LastStatements {
        guard fs.fileExists(statementsFile), let data = try? fs.readBytes(statementsFile) else { return .links([:]) }
        var r = BinaryReader(data)
        do {
            guard try r.string() == Self.statementsMagic, try r.string() == salt else { return .links([:]) }
            let same = try r.string() == key
            let groups = try r.array { try $0.strings() }
            if same { return .same(groups) }
            var out: [UInt64: StatementGrouper.Links] = [:]
            for _ in 0..<(try r.count()) {
                let speaker = try r.word()
                out[speaker] = try r.array { r in (member: try r.int(), leader: try r.int()) }
            }
            return .links(out)
        } catch {
            return .links([:])
        }
    }

    public func save(statements groups: [[String]], links: [UInt64: StatementGrouper.Links] = [:], key: String) {
        saveAtomically(statementsFile) { sink in
            var w = BinaryWriter()
            w.string(Self.statementsMagic)
            w.string(salt)
            w.string(key)
            w.array(groups) { $0.strings($1) }
            w.array(links.sorted { $0.key < $1.key }) { w, speaker in
                w.word(speaker.key)
                w.array(speaker.value) { w, link in w.int(link.member); w.int(link.leader) }
            }
            try sink(w.bytes)
        }
    }

    // MARK: - What the next extraction takes up

    var namesFile: String { folder + "/names.bin" }
    static let namesMagic = "sitegen names cache 1\n"

    /// Each article's names, read key and attribution key, and the dossier's lower-case words,
    /// of the extraction with `key` (`Extractor.Reuse`). Apart from articles.bin: only a build
    /// after an article changed reads them.
    public func save(entries: [Extractor.ArticleEntry], lowercase: [UInt64: Int], key: String) {
        saveAtomically(namesFile) { sink in
            var w = BinaryWriter()
            w.string(Self.namesMagic)
            w.string(salt)
            w.string(key)
            // Handed on a megabyte at a time (38 MB at 100,000 articles, made while the next
            // stages take memory of their own).
            func flush(_ w: inout BinaryWriter, below limit: Int) throws {
                guard w.bytes.count >= limit else { return }
                try sink(w.bytes)
                w.bytes.removeAll(keepingCapacity: true)
            }
            w.int(entries.count)
            for e in entries {
                w.string(e.id)
                w.string(e.readKey)
                w.word(e.attributionKey)
                w.sheet(e.sheet)
                try flush(&w, below: 1 << 20)
            }
            // In the order of the words' hashes: the same counts give the same file.
            w.int(lowercase.count)
            for (word, count) in lowercase.sorted(by: { $0.key < $1.key }) {
                w.word(word)
                w.int(count)
                try flush(&w, below: 1 << 20)
            }
            try flush(&w, below: 1)
        }
    }

    /// What `save(entries:lowercase:key:)` wrote for the extraction with `key`, else nil.
    public func loadEntries(key: String) -> (entries: [Extractor.ArticleEntry], lowercase: [UInt64: Int])? {
        guard fs.fileExists(namesFile), let data = try? fs.readBytes(namesFile) else { return nil }
        var r = BinaryReader(data)
        do {
            guard try r.string() == Self.namesMagic, try r.string() == salt, try r.string() == key else { return nil }
            let entries = try r.array { r in
                let id = try r.string(), readKey = try r.string(), attributionKey = try r.word()
                return Extractor.ArticleEntry(id: id, readKey: readKey, sheet: try r.sheet(id: id), attributionKey: attributionKey)
            }
            var lowercase: [UInt64: Int] = [:]
            let n = try r.count()
            lowercase.reserveCapacity(n)
            for _ in 0..<n { lowercase[try r.word()] = try r.int() }
            return (entries, lowercase)
        } catch {
            return nil
        }
    }

    // MARK: - Written pages

    /// One page of the last output: the key of what it was made from, and the stamps of its
    /// `.md` and `.html` files as they were written (a file changed by hand is written again).
    public struct Written: Sendable, Equatable {
        public var key: String
        public var stamps: [FileStamp]
    }

    /// A streamed file of the last output (dossier.json, the search index...): its stamp as it
    /// was written, and the place of each keyed element in it.
    public struct Streamed: Sendable, Equatable {
        public var stamp: FileStamp
        public var pieces: [PieceReuse.Piece]
    }

    public struct Outputs: Sendable, Equatable {
        public var salt: String
        public var pages: [String: Written]
        public var streamed: [String: Streamed] = [:]
        /// For each kind of page, the fingerprint of the templates its HTML was rendered with.
        public var templates: [String: String] = [:]
    }

    // MARK: - Files

    var articlesFile: String { folder + "/articles.bin" }
    var outputsFile: String { folder + "/outputs.bin" }
    /// A copy of the last output, hard links to its files, that the next build begins from.
    public var mirror: String { folder + "/output" }
    /// The feeds the last build replaced, which the next one writes over (`Staging.spares`).
    public var spares: String { folder + "/spare" }

    static let magic = "sitegen articles cache\n"

    /// The parts of articles.bin, each a section of its own that is read beside the others.
    enum Section: Sendable {
        case reads([(String, Read)])
        case extraction(key: String, people: [Person], reported: [Quote], articlePeople: [(String, [String])],
                        ambiguous: [(article: String, name: String)], diagnostics: [Diagnostic])
        case quotes([Quote])
        case events([Event])
        case stamps([(String, Stamped)])
        case quoteHashes(statement: [UInt64], content: [UInt64])
        case eventHashes([UInt64])
    }

    /// How many sections the reads are cut into (both cores read them).
    static let sectionsPerPart = 8

    public func loadArticles() -> Articles? {
        guard fs.fileExists(articlesFile), let data = try? fs.readBytes(articlesFile) else { return nil }
        var r = BinaryReader(data)
        do {
            guard try r.string() == Self.magic, try r.string() == salt else { return nil }
            // The table of sections: kind and length, then each section's bytes.
            var table: [(kind: Int, range: Range<Int>)] = []
            for _ in 0..<(try r.int()) {
                let kind = try r.int()
                table.append((kind, try r.skip(try r.int())))
            }
            let bytes = r.bytes
            // The longest first, so that the cores finish together (the quotes are one section).
            table.sort { $0.range.count > $1.range.count }
            let sections = Parallel.map(table, chunk: 1) { entry -> Section? in
                var r = BinaryReader(bytes, entry.range)
                return try? Self.section(kind: entry.kind, &r)
            }
            // What the sections hold is decoded (copied out) but the articles' bodies, which are
            // read from the page cache again when first needed (a rebuild needs few).
            bytes.release(0..<bytes.count)
            var readParts: [[(String, Read)]] = [], stampParts: [[(String, Stamped)]] = []
            var quotes: [Quote]?, events: [Event]?
            var quoteHashes: (statement: [UInt64], content: [UInt64])?
            var eventHashes: [UInt64]?
            var meta: Section?
            for section in sections {
                switch section {
                case .reads(let entries)?: readParts.append(entries)
                case .stamps(let entries)?: stampParts.append(entries)
                case .quotes(let q)?: if quotes == nil { quotes = q } else { return nil }
                case .events(let e)?: if events == nil { events = e } else { return nil }
                case .quoteHashes(let statement, let content)?: quoteHashes = (statement, content)
                case .eventHashes(let hashes)?: eventHashes = hashes
                case .extraction?: meta = section
                case nil: return nil
                }
            }
            var pairs: [(String, [String])] = []
            if case .extraction(_, _, _, let articlePeople, _, _)? = meta { pairs = articlePeople }
            // The three tables (10,000 entries each in a rebuild of 10,000 articles) are made on
            // both cores: made one after the other, they were a fifth of the stage on one.
            let (reads, (stamps, articlePeople)) = Parallel.both({ [readParts] in
                var reads: [String: Read] = [:]
                reads.reserveCapacity(readParts.reduce(0) { $0 + $1.count })
                for part in readParts { for (k, v) in part { reads[k] = v } }
                return reads
            }, { [stampParts, pairs] in
                var stamps: [String: Stamped] = [:]
                stamps.reserveCapacity(stampParts.reduce(0) { $0 + $1.count })
                for part in stampParts { for (k, v) in part { stamps[k] = v } }
                return (stamps, Dictionary(pairs, uniquingKeysWith: { a, _ in a }))
            })
            var extraction: Extraction?
            if case .extraction(let key, let people, let reported, _, let ambiguous, let diagnostics)? = meta {
                var output = Extractor.Output(people: people, quotes: quotes ?? [], reported: reported, articlePeople: articlePeople,
                                              ambiguous: ambiguous, diagnostics: diagnostics, events: events ?? [])
                output.quoteHashes = quoteHashes.flatMap { QuoteHashes(statement: $0.statement, content: $0.content, count: output.quotes.count) }
                output.eventHashes = eventHashes.flatMap { $0.count == output.events.count ? $0 : nil }
                extraction = Extraction(key: key, output: output)
            }
            return Articles(salt: salt, reads: reads, extraction: extraction, stamps: stamps)
        } catch {
            return nil
        }
    }

    static func section(kind: Int, _ r: inout BinaryReader) throws -> Section {
        switch kind {
        case 0: return .reads(try r.array { r in (try r.string(), Read(article: try r.optional { try $0.article() }, diagnostics: try r.array { try $0.diagnostic() })) })
        case 1:
            return .extraction(key: try r.string(), people: try r.array { try $0.person() }, reported: try r.array { try $0.quote() },
                               articlePeople: try r.array { r in (try r.string(), try r.strings()) },
                               ambiguous: try r.array { r in (article: try r.string(), name: try r.string()) },
                               diagnostics: try r.array { try $0.diagnostic() })
        case 2: return .quotes(try r.array { try $0.quote() })
        case 3: return .events(try r.array { try $0.event() })
        case 4: return .stamps(try r.array { r in (try r.string(), Stamped(stamp: try Self.stamp(&r), context: try r.string(), key: try r.string())) })
        case 5: return .quoteHashes(statement: try r.words(), content: try r.words())
        case 6: return .eventHashes(try r.words())
        default: throw BinaryReader.Truncated()
        }
    }

    static let outputsMagic = "sitegen outputs cache 4\n"

    public func loadOutputs() -> Outputs? {
        guard fs.fileExists(outputsFile), let data = try? fs.readBytes(outputsFile) else { return nil }
        var r = BinaryReader(data)
        let stamp: (inout BinaryReader) throws -> FileStamp = Self.stamp
        do {
            guard try r.string() == Self.outputsMagic, try r.string() == salt else { return nil }
            var templates: [String: String] = [:]
            for _ in 0..<(try r.int()) {
                let kind = try r.string()
                templates[kind] = try r.string()
            }
            var pages: [String: Written] = [:]
            for _ in 0..<(try r.int()) {
                let path = try r.string()
                pages[path] = Written(key: try r.string(), stamps: try r.array { try stamp(&$0) })
            }
            var streamed: [String: Streamed] = [:]
            for _ in 0..<(try r.int()) {
                let path = try r.string()
                let s = try stamp(&r)
                streamed[path] = Streamed(stamp: s, pieces: try r.pieces())
            }
            return Outputs(salt: salt, pages: pages, streamed: streamed, templates: templates)
        } catch {
            return nil
        }
    }

    /// Written section by section (a big dossier's cache is never whole in memory twice: a few
    /// sections at a time). With `helpers`, that many threads more make the sections while they
    /// are written in order: for a rebuild, which waits for the cache with nothing else to do
    /// (a full build saves beside its link stage, on one core).
    public func save(_ articles: Articles, helpers: Int = 0) {
        saveAtomically(articlesFile) { sink in
            /// `items` cut into `sectionsPerPart` parts (one, empty, when there are none).
            func parts<T>(_ items: [T]) -> [ArraySlice<T>] {
                let size = max(1, (items.count + Self.sectionsPerPart - 1) / Self.sectionsPerPart)
                return stride(from: 0, to: max(items.count, 1), by: size).map { items[$0..<min($0 + size, items.count)] }
            }
            var sections: [(kind: Int, write: @Sendable (inout BinaryWriter) -> Void)] = []
            let keys = articles.reads.keys.sorted()
            for part in parts(keys) {
                sections.append((0, { w in
                    w.int(part.count)
                    for key in part {
                        let read = articles.reads[key]
                        w.string(key)
                        w.optional(read?.article) { $0.article($1) }
                        w.array(read?.diagnostics ?? []) { $0.diagnostic($1) }
                    }
                }))
            }
            if let e = articles.extraction {
                let x = e.output
                sections.append((1, { w in
                    w.string(e.key)
                    w.array(x.people) { $0.person($1) }
                    w.array(x.reported) { $0.quote($1) }
                    let keys = x.articlePeople.keys.sorted()
                    w.int(keys.count)
                    for k in keys { w.string(k); w.strings(x.articlePeople[k] ?? []) }
                    w.array(x.ambiguous) { w, pair in w.string(pair.article); w.string(pair.name) }
                    w.array(x.diagnostics) { $0.diagnostic($1) }
                }))
                // Quotes and events whole: each is read on one core while the other reads the rest
                // (the longest sections are read first); made side by side likewise.
                sections.append((2, { w in w.array(x.quotes) { $0.quote($1) } }))
                sections.append((3, { w in w.array(x.events) { $0.event($1) } }))
                // The quotes' and events' hashes, for a rebuild that keeps them (made here when not known).
                sections.append((5, { w in
                    let hashes = x.quoteHashes.flatMap { $0.count == x.quotes.count ? $0 : nil } ?? QuoteHashes(x.quotes)
                    w.words(hashes.statement)
                    w.words(hashes.content)
                }))
                sections.append((6, { w in w.words(x.eventHashes.flatMap { $0.count == x.events.count ? $0 : nil } ?? StableHash.of(x.events)) }))
            }
            let paths = articles.stamps.keys.sorted()
            sections.append((4, { w in
                w.int(paths.count)
                for path in paths {
                    guard let s = articles.stamps[path] else { continue }
                    w.string(path)
                    Self.stamp(&w, s.stamp)
                    w.string(s.context)
                    w.string(s.key)
                }
            }))
            var head = BinaryWriter()
            head.string(Self.magic)
            head.string(salt)
            head.int(sections.count)
            try sink(head.bytes)
            try Parallel.inOrder(sections.count, window: 2, helpers: helpers, make: { [sections] i in
                var body = BinaryWriter()
                sections[i].write(&body)
                var entry = BinaryWriter()
                entry.int(sections[i].kind)
                entry.int(body.bytes.count)
                return (entry.bytes, body.bytes)
            }, write: { entry, body in
                try sink(entry)
                try sink(body)
            })
        }
    }

    public func save(_ outputs: Outputs) {
        saveAtomically(outputsFile) { sink in
            var w = BinaryWriter()
            let stamp: (inout BinaryWriter, FileStamp) -> Void = Self.stamp
            w.string(Self.outputsMagic)
            w.string(salt)
            w.int(outputs.templates.count)
            for kind in outputs.templates.keys.sorted() { w.string(kind); w.string(outputs.templates[kind] ?? "") }
            w.int(outputs.pages.count)
            for path in outputs.pages.keys.sorted() {
                guard let page = outputs.pages[path] else { continue }
                w.string(path)
                w.string(page.key)
                w.array(page.stamps) { stamp(&$0, $1) }
            }
            w.int(outputs.streamed.count)
            for path in outputs.streamed.keys.sorted() {
                guard let file = outputs.streamed[path] else { continue }
                w.string(path)
                stamp(&w, file.stamp)
                w.pieces(file.pieces)
                if w.bytes.count >= 1 << 20 { try sink(w.bytes); w.bytes.removeAll(keepingCapacity: true) }
            }
            try sink(w.bytes)
        }
    }

    static func stamp(_ r: inout BinaryReader) throws -> FileStamp {
        FileStamp(size: Int64(try r.int()), modified: Int64(try r.int()), inode: UInt64(bitPattern: Int64(try r.int())))
    }

    static func stamp(_ w: inout BinaryWriter, _ s: FileStamp) {
        w.int(Int(s.size)); w.int(Int(s.modified)); w.int(Int(Int64(bitPattern: s.inode)))
    }

    /// Written to a temporary file and renamed: a build killed while saving leaves the old cache
    /// or none, never a torn one. A cache that cannot be saved only makes the next build slower.
    private func saveAtomically(_ path: String, _ produce: (_ write: ([UInt8]) throws -> Void) throws -> Void) {
        let temp = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try fs.createDirectory(folder)
            try fs.writeFile(temp, streaming: produce)
            try fs.replaceItem(at: path, with: temp)
        } catch {
            try? fs.removeItem(temp)
        }
    }
}
