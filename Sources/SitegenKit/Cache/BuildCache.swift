import Foundation

/// A 64-bit FNV-1a hash: stable across runs and machines (Swift's `Hasher` is seeded anew in
/// every process, so it cannot key a cache on disk).
public struct StableHash: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var h = value
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        value = h
    }

    public mutating func add(_ data: Data) { data.withUnsafeBytes { add($0) } }

    /// Adds a number as its eight bytes (no separator needed: the length is fixed).
    public mutating func add(int v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { add($0) } }
    public mutating func add(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { add($0) } }

    /// Adds `s` and a separator, so that ("ab", "c") and ("a", "bc") differ.
    public mutating func add(_ s: String) {
        var s = s
        s.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        withUnsafeBytes(of: UInt8(0xFF)) { add($0) }
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
    public static let format = 2
    let fs: FileSystem
    /// The cache folder.
    public let folder: String
    /// Ties every entry to this version and build of sitegen.
    let salt: String

    public init(fs: FileSystem, output: String) {
        self.fs = fs
        let out = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
        let parent = (out as NSString).deletingLastPathComponent
        folder = (parent.isEmpty ? "" : parent + "/") + ".\((out as NSString).lastPathComponent).cache"
        salt = "sitegen \(Sitegen.version) cache \(Self.format) " + Self.executableFingerprint()
    }

    /// Size and modification time of the running executable: a rebuilt sitegen (whose rules may
    /// have changed) never trusts the entries of the previous one.
    static func executableFingerprint() -> String {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return "unknown" }
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
        public var output: Extractor.Output
    }

    /// An article file's stamp when it was read, and the read key of its bytes then.
    public struct Stamped: Sendable, Equatable {
        public var stamp: FileStamp
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

    /// The key of the grouping: every quote's id, article, kind, speaker and text, in order.
    public func statementsKey(_ quotes: [Quote]) -> String {
        var h = StableHash()
        h.add(salt)
        for q in quotes {
            for part in [q.id, q.article, q.kind.rawValue, q.speaker ?? "", q.speakerName ?? "", q.text] { h.add(part) }
        }
        return h.hex
    }

    var statementsFile: String { folder + "/statements.bin" }
    static let statementsMagic = "sitegen statements cache\n"

    /// The statement groups of the last build, when they were made from quotes with this key.
    public func loadStatements(key: String) -> [[String]]? {
        guard fs.fileExists(statementsFile), let data = try? fs.readFile(statementsFile) else { return nil }
        var r = BinaryReader(data)
        guard (try? r.string()) == Self.statementsMagic, (try? r.string()) == salt, (try? r.string()) == key else { return nil }
        return try? r.array { try $0.strings() }
    }

    public func save(statements groups: [[String]], key: String) {
        saveAtomically(statementsFile) { sink in
            var w = BinaryWriter()
            w.string(Self.statementsMagic)
            w.string(salt)
            w.string(key)
            w.array(groups) { $0.strings($1) }
            try sink(w.bytes)
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
    }

    // MARK: - Files

    var articlesFile: String { folder + "/articles.bin" }
    var outputsFile: String { folder + "/outputs.bin" }

    static let magic = "sitegen articles cache\n"

    public func loadArticles() -> Articles? {
        guard fs.fileExists(articlesFile), let data = try? fs.readFile(articlesFile) else { return nil }
        var r = BinaryReader(data)
        do {
            guard try r.string() == Self.magic, try r.string() == salt else { return nil }
            var reads: [String: Read] = [:]
            for _ in 0..<(try r.int()) {
                let key = try r.string()
                reads[key] = Read(article: try r.optional { try $0.article() }, diagnostics: try r.array { try $0.diagnostic() })
            }
            let extraction = try r.optional { r -> Extraction in
                let key = try r.string()
                let people = try r.array { try $0.person() }
                let quotes = try r.array { try $0.quote() }, reported = try r.array { try $0.quote() }
                var articlePeople: [String: [String]] = [:]
                for _ in 0..<(try r.int()) { articlePeople[try r.string()] = try r.strings() }
                let output = Extractor.Output(people: people, quotes: quotes, reported: reported, articlePeople: articlePeople,
                                              ambiguous: try r.array { r in (article: try r.string(), name: try r.string()) },
                                              diagnostics: try r.array { try $0.diagnostic() }, events: try r.array { try $0.event() })
                return Extraction(key: key, output: output)
            }
            var stamps: [String: Stamped] = [:]
            for _ in 0..<(try r.int()) {
                let path = try r.string()
                stamps[path] = Stamped(stamp: try Self.stamp(&r), key: try r.string())
            }
            return Articles(salt: salt, reads: reads, extraction: extraction, stamps: stamps)
        } catch {
            return nil
        }
    }

    static let outputsMagic = "sitegen outputs cache\n"

    public func loadOutputs() -> Outputs? {
        guard fs.fileExists(outputsFile), let data = try? fs.readFile(outputsFile) else { return nil }
        var r = BinaryReader(data)
        let stamp: (inout BinaryReader) throws -> FileStamp = Self.stamp
        do {
            guard try r.string() == Self.outputsMagic, try r.string() == salt else { return nil }
            var pages: [String: Written] = [:]
            for _ in 0..<(try r.int()) {
                let path = try r.string()
                pages[path] = Written(key: try r.string(), stamps: try r.array { try stamp(&$0) })
            }
            var streamed: [String: Streamed] = [:]
            for _ in 0..<(try r.int()) {
                let path = try r.string()
                let s = try stamp(&r)
                streamed[path] = Streamed(stamp: s, pieces: try r.array { r in
                    PieceReuse.Piece(key: UInt64(bitPattern: Int64(try r.int())), offset: try r.int(), length: try r.int())
                })
            }
            return Outputs(salt: salt, pages: pages, streamed: streamed)
        } catch {
            return nil
        }
    }

    /// Written in pieces as it is encoded: the cache of a big dossier is never whole in memory.
    public func save(_ articles: Articles) {
        saveAtomically(articlesFile) { sink in
            var w = BinaryWriter()
            func flush(_ force: Bool = false) throws {
                if force || w.bytes.count >= 1 << 20 { try sink(w.bytes); w.bytes.removeAll(keepingCapacity: true) }
            }
            w.string(Self.magic)
            w.string(salt)
            w.int(articles.reads.count)
            for key in articles.reads.keys.sorted() {
                guard let read = articles.reads[key] else { continue }
                w.string(key)
                w.optional(read.article) { $0.article($1) }
                w.array(read.diagnostics) { $0.diagnostic($1) }
                try flush()
            }
            w.optional(articles.extraction) { w, e in
                let x = e.output
                w.string(e.key)
                w.array(x.people) { $0.person($1) }
                w.array(x.quotes) { $0.quote($1) }
                w.array(x.reported) { $0.quote($1) }
                w.int(x.articlePeople.count)
                for k in x.articlePeople.keys.sorted() { w.string(k); w.strings(x.articlePeople[k] ?? []) }
                w.array(x.ambiguous) { w, pair in w.string(pair.article); w.string(pair.name) }
                w.array(x.diagnostics) { $0.diagnostic($1) }
                w.array(x.events) { $0.event($1) }
            }
            w.int(articles.stamps.count)
            for path in articles.stamps.keys.sorted() {
                guard let s = articles.stamps[path] else { continue }
                w.string(path)
                Self.stamp(&w, s.stamp)
                w.string(s.key)
            }
            try flush(true)
        }
    }
    public func save(_ outputs: Outputs) {
        saveAtomically(outputsFile) { sink in
            var w = BinaryWriter()
            let stamp: (inout BinaryWriter, FileStamp) -> Void = Self.stamp
            w.string(Self.outputsMagic)
            w.string(salt)
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
                w.array(file.pieces) { w, p in w.int(Int(Int64(bitPattern: p.key))); w.int(p.offset); w.int(p.length) }
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
