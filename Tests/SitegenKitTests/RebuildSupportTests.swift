import Foundation
#if os(Linux)
import CGlibc
#endif
import Testing
@testable import SitegenKit

/// The pieces a fast rebuild stands on: stable keys, feed elements copied from the last output,
/// file names and folder listings read without Foundation's slower paths.
@Suite("Rebuild support")
struct RebuildSupportTests {
    func hash(_ parts: [String]) -> UInt64 {
        var h = StableHash()
        for p in parts { h.add(p) }
        return h.value
    }

    @Test("keys tell apart what differs in any byte or boundary, and are the same in every run")
    func stableHash() {
        #expect(hash(["a"]) != hash(["a\u{0}"]))
        #expect(hash(["ab", "c"]) != hash(["a", "bc"]))
        #expect(hash(["abcdefgh"]) != hash(["abcdefgi"]), "a difference in a whole word")
        #expect(hash(["abcdefghi"]) != hash(["abcdefghj"]), "a difference in the last bytes")
        #expect(hash([""]) != hash([]))
        var seen = Set<UInt64>()
        for i in 0..<100_000 { seen.insert(hash([String(i)])) }
        #expect(seen.count == 100_000)
        // Not seeded per process (as Swift's Hasher is): a cache written by one build is read by the next.
        #expect(hash(["sitegen"]) == 0x7721_33b3_c9cc_085a)
        // Numbers and strings hash as their bytes do, whatever the string's storage.
        var a = StableHash(), b = StableHash()
        a.add(int: -2); a.add(UInt64(7)); a.add("a long string that is not stored inline")
        withUnsafeBytes(of: Int64(-2).littleEndian) { b.add($0) }; withUnsafeBytes(of: UInt64(7).littleEndian) { b.add($0) }
        b.add(Data("a long string that is not stored inline".utf8)); b.add(Data([0xFF]))
        #expect(a.value == b.value)
        #expect(hash([String(decoding: Array("été".utf16), as: UTF16.self)]) == hash(["été"]))
    }

    @Test("writing a file replaces it with a new one: another name of the old file keeps its bytes")
    func writeNeverGoesThroughALink() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fs = DiskFileSystem()
        try fs.writeFile(dir + "/old.html", Data("old".utf8))
        #expect(link(dir + "/old.html", dir + "/new.html") == 0)
        try fs.writeFile(dir + "/new.html", Data("new".utf8))
        try fs.writeFile(dir + "/streamed.html", streaming: { try $0(Array("one".utf8)) })
        #expect(link(dir + "/streamed.html", dir + "/again.html") == 0)
        try fs.writeFile(dir + "/again.html", streaming: { try $0(Array("two".utf8)) })
        #expect(try String(contentsOfFile: dir + "/old.html", encoding: .utf8) == "old")
        #expect(try String(contentsOfFile: dir + "/new.html", encoding: .utf8) == "new")
        #expect(try String(contentsOfFile: dir + "/streamed.html", encoding: .utf8) == "one")
        #expect(try String(contentsOfFile: dir + "/again.html", encoding: .utf8) == "two")
    }

    @Test("stamps and links by names in a folder: as one by one, on disk and in memory")
    func folderBatches() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let memory = MemoryFileSystem()
        for fs in [DiskFileSystem(), memory] as [FileSystem] {
            let root = fs is DiskFileSystem ? dir : "m"
            try fs.createDirectory(root + "/from")
            try fs.createDirectory(root + "/to")
            try fs.writeFile(root + "/from/a.html", Data("a".utf8))
            try fs.writeFile(root + "/from/b.md", Data("bb".utf8))
            try fs.writeFile(root + "/to/b.md", Data("there".utf8))
            let names = ["a.html", "b.md", "missing.md"]
            #expect(fs.stamps(names, in: root + "/from") == names.map { fs.stamp(root + "/from/" + $0) })
            #expect(fs.stamps(names, in: root + "/from").map { $0 != nil } == [true, true, false])
            #expect(fs.stamps(names, in: root + "/nowhere").allSatisfy { $0 == nil })
            // Linked when the source is there and the destination is not.
            #expect(fs.linkFiles(names, from: root + "/from", to: root + "/to") == [true, false, false])
            #expect(try fs.readFile(root + "/to/a.html") == Data("a".utf8))
            #expect(try fs.readFile(root + "/to/b.md") == Data("there".utf8))
        }
    }

    func keyed(_ keys: [UInt64]) -> JSON {
        .keyedArray(count: keys.count, key: { keys[$0] }, element: { .object([("value", .string("element \(keys[$0])"))]) })
    }

    func stream(_ json: JSON, _ reuse: PieceReuse) throws -> [UInt8] {
        var out: [UInt8] = []
        try json.stream(chunk: 256, reuse: reuse) { out += $0 }
        return out
    }

    @Test("feed elements are copied from near their last place, or from a table of all once many moved")
    func pieceReuse() throws {
        let n = 300
        let first = (0..<UInt64(n)).map { $0 }
        let r1 = PieceReuse()
        let bytes1 = try stream(keyed(first), r1)
        #expect(bytes1 == keyed(first).bytes())
        #expect(r1.copied == 0 && r1.pieces.count == n)

        // One element changed, one removed, one added: all the others copied.
        var second = first
        second[10] = 1000
        second.remove(at: 20)
        second.insert(2000, at: 30)
        let r2 = PieceReuse(previous: FileBytes(copying: bytes1), pieces: r1.pieces)
        #expect(try stream(keyed(second), r2) == keyed(second).bytes())
        #expect(r2.copied == n - 2)

        // Every element moved far: the first ones are made again, then the table finds the rest.
        let third = Array(first.reversed())
        let r3 = PieceReuse(previous: FileBytes(copying: bytes1), pieces: r1.pieces)
        #expect(try stream(keyed(third), r3) == keyed(third).bytes())
        #expect(r3.copied == n - PieceReuse.missesBeforeIndex)
    }

    @Test("a stream hands its bytes over a chunk at a time, stops at the sink's first error, and copies an element only into the same layout")
    func streamChunksAndLayout() throws {
        let keys = (0..<UInt64(300)).map { $0 }
        // Chunks of at least 256 bytes while streaming (then the rest), together the serialization.
        var pieces: [[UInt8]] = []
        try keyed(keys).stream(chunk: 256, reuse: PieceReuse()) { pieces.append($0) }
        #expect(pieces.count > 10)
        #expect(pieces.dropLast().allSatisfy { $0.count >= 256 })
        #expect(pieces.flatMap { $0 } == keyed(keys).bytes())

        // A sink that fails is not called again; its error is the stream's.
        struct Full: Error {}
        var calls = 0
        #expect(throws: Full.self) {
            try keyed(keys).stream(chunk: 256, reuse: PieceReuse()) { _ in
                calls += 1
                throw Full()
            }
        }
        #expect(calls == 1)

        // The same keys laid out otherwise (each element over several lines, then each on one):
        // the elements of the last file are not copied into the other layout.
        let wrapped = JSON.object([("list", keyed(keys))])
        func streamed(lines: Int, _ reuse: PieceReuse?) throws -> [UInt8] {
            var out: [UInt8] = []
            try wrapped.stream(lines: lines, chunk: 256, reuse: reuse) { out += $0 }
            return out
        }
        let r1 = PieceReuse()
        let spread = try streamed(lines: 3, r1)
        let r2 = PieceReuse(previous: FileBytes(copying: spread), pieces: r1.pieces)
        let oneLine = try streamed(lines: 2, r2)
        #expect(oneLine == (try streamed(lines: 2, nil)))
        #expect(oneLine.count < spread.count)
        #expect(r2.copied == 0)
    }

    /// Pages of the file at `path` in the system's cache, and all its pages.
    func cachedPages(_ path: String) -> (cached: Int, all: Int)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0, let map = mmap(nil, Int(st.st_size), PROT_READ, MAP_SHARED, fd, 0), map != MAP_FAILED else { return nil }
        defer { munmap(map, Int(st.st_size)) }
        let page = Int(getpagesize()), count = (Int(st.st_size) + page - 1) / page
        var vec = [UInt8](repeating: 0, count: count)
        guard mincore(map, Int(st.st_size), &vec) == 0 else { return nil }
        return (vec.filter { $0 & 1 != 0 }.count, count)
    }

    @Test("the articles to read are asked of the disk ahead: a file out of the system's cache is in it after")
    func prefetchReadsAhead() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        let path = dir + "/sub/article.txt"
        try Data(String(repeating: "Une ligne d’article.\n", count: 20_000).utf8).write(to: URL(fileURLWithPath: path))
        // Written to the disk, then dropped from the cache (where the file system allows it).
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        #expect(fd >= 0)
        fsync(fd)
        _ = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED)
        close(fd)
        let before = try #require(cachedPages(path))
        // Names that are not there are passed over.
        DiskFileSystem().prefetch(["missing.txt", "sub/article.txt", "sub"], in: dir)
        MemoryFileSystem().prefetch(["sub/article.txt"], in: dir)
        guard before.cached < before.all else { return } // a file system that keeps every page (tmpfs)
        // The reading is started, not waited for.
        var after = before
        for _ in 0..<200 where after.cached < after.all {
            usleep(10_000)
            after = try #require(cachedPages(path))
        }
        #expect(after.cached == after.all, "\(after.cached) of \(after.all) pages in the cache")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("Une ligne"))
    }

    /// Kilobytes of the mapping that starts at `bytes`' address that are in this process's
    /// memory, from /proc/self/smaps.
    func residentKB(_ bytes: FileBytes) throws -> Int? {
        guard let base = bytes.base else { return nil }
        let start = String(UInt(bitPattern: base), radix: 16)
        // Read to its end: /proc files say they are empty.
        let lines = String(decoding: try DiskFileSystem().readFile("/proc/self/smaps"), as: UTF8.self).split(separator: "\n")
        guard let at = lines.firstIndex(where: { $0.hasPrefix(start + "-") }) else { return nil }
        guard let rss = lines[(at + 1)...].first(where: { $0.hasPrefix("Rss:") }) else { return nil }
        return Int(rss.split(separator: " ", omittingEmptySubsequences: true)[1])
    }

    @Test("a mapped last feed is let go behind the copying; what is copied from pages let go is the same bytes")
    func releaseBehindCopying() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Bigger than a few of the system's largest pages of cache (2 MB), which a read maps whole.
        let n = 300_000
        let first = (0..<UInt64(n)).map { $0 }
        let r1 = PieceReuse()
        let bytes1 = try stream(keyed(first), r1)
        #expect(bytes1.count > 10_000_000)
        let fs = DiskFileSystem()
        try fs.writeFile(dir + "/dossier.json", Data(bytes1))

        // Every page read, then all let go: none left in memory, and the bytes read again.
        let mapped = try fs.readBytes(dir + "/dossier.json")
        let sum = mapped.withBuffer { $0.reduce(0) { $0 &+ Int($1) } }
        #expect(try residentKB(mapped) ?? 0 > bytes1.count / 1024 * 9 / 10)
        mapped.release(0..<mapped.count)
        #expect(try residentKB(mapped) == 0)
        #expect(mapped.withBuffer { $0.reduce(0) { $0 &+ Int($1) } } == sum)

        // Copied in order, let go 1 MB behind: at the end, less than half of the file is held.
        var second = first
        second[100] = 1_000_000
        let inOrder = PieceReuse(previous: try fs.readBytes(dir + "/dossier.json"), pieces: r1.pieces, releaseStep: 1 << 20)
        #expect(try stream(keyed(second), inOrder) == keyed(second).bytes())
        #expect(inOrder.copied == n - 1)
        #expect(try residentKB(inOrder.previous) ?? .max < bytes1.count / 1024 / 2)

        // Copied backwards: each element after the first lies in pages already let go.
        let third = Array(first.reversed())
        let backwards = PieceReuse(previous: try fs.readBytes(dir + "/dossier.json"), pieces: r1.pieces, releaseStep: 4096)
        #expect(try stream(keyed(third), backwards) == keyed(third).bytes())
        #expect(backwards.copied == n - PieceReuse.missesBeforeIndex)
    }

    @Test("a table of first places finds each string's first place, as a dictionary of the first ones does")
    func firstPlaces() {
        // Short and long ids, repeated ones, and strings that are not there.
        var ids: [String] = []
        for n in 0..<5_000 { ids.append(n % 7 == 0 ? "q\(n / 2)" : "q\(n)") }
        ids += ["", "é", String(repeating: "long id ", count: 5), "q10"]
        let table = FirstPlaces(ids)
        let first = Dictionary(ids.indices.map { (ids[$0], $0) }, uniquingKeysWith: { a, _ in a })
        for id in Set(ids) { #expect(table[id] == first[id], "\(id)") }
        for absent in ["q-1", "q5000", "x", "long id"] { #expect(table[absent] == nil) }
        // Told apart by their bytes: "é" as one scalar and as "e" with a combining accent.
        let accents = FirstPlaces(["e\u{301}", "é"])
        #expect(accents["é"] == 1 && accents["e\u{301}"] == 0)
        #expect(FirstPlaces([])["q1"] == nil)
    }

    @Test("malloc takes blocks under 32 MiB from its heaps once tuned, unless the user set its tunables")
    func mallocTuning() {
        #expect(!MallocTuning.apply(environment: ["GLIBC_TUNABLES": "glibc.malloc.hugetlb=1"]), "the user's tunables stand")
        #if os(Linux)
        #expect(MallocTuning.apply(environment: ["GLIBC_TUNABLES": "glibc.rtld.optional_static_tls=2048"]))
        #expect(MallocTuning.apply(environment: [:]), "glibc takes both values")
        // A block of 24 MiB is no mapping of its own (glibc's threshold starts at 128 KiB and
        // grows with the mapped blocks freed, to 32 MiB at most).
        let before = mallinfo2()
        let block = malloc(24 << 20)
        let after = mallinfo2()
        free(block)
        #expect(block != nil)
        #expect(after.hblkhd < before.hblkhd + (24 << 20), "mapped bytes \(before.hblkhd) then \(after.hblkhd)")
        #endif
    }

    @Test("a file name's extension is split off as NSString does it")
    func fileExtensions() {
        for name in ["a.txt", "a.b.TXT", "README.md", "noext", "sub/file.md", "sub.d/file", "trailing.", ".hidden", "sub/.hidden", "é.txt"] {
            let (base, ext) = Builder.splitExtension(name)
            #expect(ext == (name as NSString).pathExtension, "\(name)")
            #expect(base == (name as NSString).deletingPathExtension, "\(name)")
        }
    }

    @Test("a stored reading context is compared in place with the one its parts make")
    func readingContext() {
        let parts: [(String, String, String)] = [("Content/articles/a.txt", "a", "fr"), ("Content/articles/a.txt", "a", "en"),
                                                 ("ab", "c", "fr"), ("a", "bc", "fr"), ("", "", ""), ("é/à.txt", "e-a", "fr"), ("x", "", "fr")]
        for (s, i, l) in parts {
            let stored = Builder.context(source: s, id: i, language: l)
            for (s2, i2, l2) in parts {
                #expect(Builder.isContext(stored, source: s2, id: i2, language: l2) == (stored == Builder.context(source: s2, id: i2, language: l2)),
                        "\(stored.debugDescription) against \([s2, i2, l2])")
            }
            // Longer or shorter than the parts.
            #expect(!Builder.isContext(stored + "x", source: s, id: i, language: l))
            #expect(stored.isEmpty || !Builder.isContext(String(stored.dropLast()), source: s, id: i, language: l))
        }
    }

    @Test("a page's path is split at its last slash into folder and name, among its bytes")
    func folderSplit() {
        for path in ["index", "articles/a-1", "people/é/x", "a/b/c.md", "/root", "trailing/", "é"] {
            let (folder, name) = Builder.splitFolder(path)
            let old = path.lastIndex(of: "/").map { (String(path[..<$0]), String(path[path.index(after: $0)...])) } ?? ("", path)
            #expect(folder == old.0 && name == old.1, "\(path)")
        }
        // A slash with a combining mark after it is one character, which a search among the
        // characters does not find: a path is split at the byte.
        #expect(Builder.splitFolder("a/\u{301}b") == ("a", "\u{301}b"))
    }

    @Test("two lists mapped by workers that each start with their own give every result once, in order")
    func twoLists() {
        for (a, b) in [(0, 0), (0, 5), (7, 0), (1, 1), (300, 10_000), (10_000, 3)] {
            let first = Array(0..<a), second = Array(a..<(a + b))
            let out = Parallel.map(first, second) { $0 * 2 }
            #expect(out == (first + second).map { $0 * 2 }, "\(a) and \(b)")
        }
    }

    @Test("two lists are mapped on new threads, not the caller's nor libdispatch's workers")
    func twoListsOnNewThreads() {
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var threads = Set<UInt>()
        }
        let seen = Seen()
        let caller = UInt(pthread_self())
        // A libdispatch worker, for comparison (concurrentPerform runs on the caller and the pool).
        DispatchQueue.concurrentPerform(iterations: 8) { _ in seen.lock.withLock { _ = seen.threads.insert(UInt(pthread_self())) } }
        let pool = seen.threads
        seen.threads = []
        _ = Parallel.map(Array(0..<500), Array(500..<1000)) { i -> Int in
            seen.lock.withLock { _ = seen.threads.insert(UInt(pthread_self())) }
            return i
        }
        #expect(!seen.threads.isEmpty)
        #expect(!seen.threads.contains(caller))
        #expect(seen.threads.isDisjoint(with: pool))
    }

    @Test("a list mapped in chunks by the workers gives every result once, in order, whatever the chunk")
    func chunkedMap() {
        for (n, chunk) in [(0, nil), (1, nil), (2, nil), (17, 4), (1_000, nil), (10_007, nil), (10_007, 1), (10_007, 5_000), (300, 1_000)] as [(Int, Int?)] {
            let items = (0..<n).map { "item \($0)" }
            #expect(Parallel.map(items, chunk: chunk) { $0 + "!" } == items.map { $0 + "!" }, "\(n) items, chunks of \(String(describing: chunk))")
        }
    }

    @Test("parts made by helper threads are written in order, never more than the window made and unwritten; a failed write stops the making")
    func inOrder() throws {
        final class Count: @unchecked Sendable {
            let lock = NSLock()
            var made = 0, written = 0, most = 0
            func make() { lock.withLock { made += 1; most = max(most, made - written) } }
            func write() { lock.withLock { written += 1 } }
        }
        for (n, window, helpers) in [(0, 3, 1), (1, 3, 1), (2, 1, 1), (14, 3, 1), (200, 2, 1), (200, 5, 3), (50, 2, 0)] {
            let count = Count()
            var out: [Int] = []
            try Parallel.inOrder(n, window: window, helpers: helpers, make: { i -> Int in
                count.make()
                // Uneven parts, some slow, so that the workers overtake each other.
                if i % 7 == 3 { usleep(2_000) }
                return i * 10
            }, write: { part in
                count.write()
                out.append(part)
            })
            #expect(out == (0..<n).map { $0 * 10 }, "\(n) parts, window \(window), \(helpers) helpers")
            #expect(count.most <= window, "\(count.most) parts made and unwritten with a window of \(window)")
        }
        struct Full: Error {}
        let count = Count()
        var written: [Int] = []
        #expect(throws: Full.self) {
            try Parallel.inOrder(1_000, window: 3, helpers: 2, make: { i -> Int in count.make(); return i }, write: { part in
                if part == 5 { throw Full() }
                written.append(part)
            })
        }
        #expect(written == [0, 1, 2, 3, 4])
        #expect(count.made <= 5 + 1 + 3, "\(count.made) parts made after the write failed at the sixth")
    }

    @Test("work started beside a stage gives its result, as often as it is asked")
    func future() {
        let f = Parallel.Future { (1...1000).reduce(0, +) }
        #expect(f.value == 500_500 && f.value == 500_500)
    }

    @Test("lexicon entries lose the spaces around them, and only those")
    func lexiconTrim() {
        #expect(Lexicon.trimmed("  a déclaré \t") == "a déclaré")
        #expect(Lexicon.trimmed(" \u{A0}") == "" && Lexicon.trimmed("") == "")
        #expect(Lexicon(sources: ["[s]\n a , b c ,\t\n# note\n d # e\n"])["s"] == ["a", "b c", "d"])
    }

    @Test("a name that is already a slug is kept as the full rules would make it")
    func slugShortcut() {
        let long = String(repeating: "a", count: 81)
        for name in ["00042", "kirby-declaration", "a--b", "-a", "a-", "ABC", "é", "a_b", "", long, "a b", "2024-10-22-putin"] {
            // A trailing "!" only ends a word, so that name always takes the full rules.
            #expect(Text.slug(name) == Text.slug(name + "!"), "\(name)")
        }
        #expect(Text.isSlug("kirby-declaration", maxLength: 80))
        #expect(!Text.isSlug("a--b", maxLength: 80) && !Text.isSlug("", maxLength: 80) && !Text.isSlug(long, maxLength: 80))
    }

    @Test("a cache file is mapped as it is on disk, an empty one too, and a reader stops at its end")
    func mappedBytes() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: dir + "/three"))
        try Data().write(to: URL(fileURLWithPath: dir + "/empty"))
        let fs = DiskFileSystem()
        #expect(try fs.readBytes(dir + "/three").withBuffer { Array($0) } == [1, 2, 3])
        let empty = try fs.readBytes(dir + "/empty")
        #expect(empty.count == 0 && empty.withBuffer { $0.isEmpty })
        var r = BinaryReader(empty)
        #expect(throws: BinaryReader.Truncated.self) { try r.string() }
        #expect(throws: FileSystemError.self) { try fs.readBytes(dir + "/missing") }
        // A section's range past the end of the file is cut at the end.
        var w = BinaryWriter()
        w.string("abc")
        let bytes = FileBytes(copying: w.bytes)
        var whole = BinaryReader(bytes, 0..<100)
        #expect(try whole.string() == "abc")
        #expect(throws: BinaryReader.Truncated.self) { try whole.int() }
    }

    @Test("a folder is listed sorted, with subfolders and followed links, and without hidden or special files")
    func listing() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        for f in ["b.txt", "a.txt", "sub/c.md", ".hidden.txt"] { try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/" + f)) }
        try fm.createSymbolicLink(atPath: dir + "/link.txt", withDestinationPath: "a.txt")
        #expect(mkfifo(dir + "/pipe", 0o600) == 0)
        let listing = try DiskFileSystem().listFiles(in: dir)
        #expect(listing.files == ["a.txt", "b.txt", "link.txt", "sub/c.md"])
        #expect(listing.skipped.map(\.path) == ["pipe"], "\(listing.skipped)")
    }

    @Test("a folder's files are in the order of their names whatever the order the system lists them in; a nested one's by path")
    func listingOrder() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        // Flat: 300 names, created in shuffled order (ext4 lists a folder in the order of its names' hashes).
        var names = (0..<300).map { String(format: "%03d-%@.txt", ($0 * 7919) % 300, $0 % 3 == 0 ? "é" : "e") }
        names.append(contentsOf: ["Zeta.txt", "alpha.txt", "a-b.txt"])
        try fm.createDirectory(atPath: dir + "/flat", withIntermediateDirectories: true)
        for n in names { try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/flat/" + n)) }
        #expect(try DiskFileSystem().listFiles(in: dir + "/flat").files == names.sorted())
        // Nested: "a/x.txt" is walked before "a-b.txt" (the folder "a" sorts first) but sorts after it.
        try fm.createDirectory(atPath: dir + "/nested/a", withIntermediateDirectories: true)
        for n in ["a/x.txt", "a-b.txt", "b.txt"] { try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/nested/" + n)) }
        #expect(try DiskFileSystem().listFiles(in: dir + "/nested").files == ["a-b.txt", "a/x.txt", "b.txt"])
    }
}
