import Foundation
#if os(Linux)
import CGlibc
import Glibc
#endif
import Testing
@testable import SitegenKit

/// The pacer that flushes a big build's files and drops them from the page cache.
@Suite("Writeback pacer")
struct WritebackPacerTests {
    /// The batches a pacer hands over, in order.
    final class Batches: @unchecked Sendable {
        private let lock = NSLock()
        private var batches: [[String]] = []
        func add(_ batch: [String]) { lock.withLock { batches.append(batch) } }
        var all: [[String]] { lock.withLock { batches } }
    }

    @Test("files are handed over in batches of the given size, in the order written, once past the start")
    func batches() {
        let seen = Batches()
        let pacer = WritebackPacer(startAfter: 100, batch: 50, flush: { seen.add($0) })
        pacer.wrote("a", bytes: 60)
        pacer.wrote("b", bytes: 60)
        pacer.wrote("c", bytes: 20)
        pacer.wrote("d", bytes: 20)
        pacer.wrote("e", bytes: 10)
        pacer.wrote("f", bytes: 10)
        pacer.wait()
        // "a" came before the start; "f" waits for a full batch.
        #expect(seen.all == [["b"], ["c", "d", "e"]])
    }

    @Test("files written by several threads at once each reach exactly one batch")
    func concurrentWriters() {
        let seen = Batches()
        let pacer = WritebackPacer(startAfter: 0, batch: 64, flush: { seen.add($0) })
        DispatchQueue.concurrentPerform(iterations: 4) { t in
            for i in 0..<5_000 { pacer.wrote("\(t)/\(i)", bytes: 1) }
        }
        pacer.wait()
        let flushed = seen.all.flatMap { $0 }
        #expect(flushed.count == 20_000 / 64 * 64)
        #expect(Set(flushed).count == flushed.count)
        #expect(seen.all.allSatisfy { $0.count == 64 })
        // Each thread's files keep their order.
        for t in 0..<4 {
            let mine = flushed.filter { $0.hasPrefix("\(t)/") }.compactMap { Int($0.dropFirst(2)) }
            #expect(mine == mine.sorted())
        }
    }

    @Test("on disk, a flushed file keeps its bytes and leaves the page cache")
    func flushedFileOnDisk() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pacer = WritebackPacer(startAfter: 0, batch: 1)
        let fs = DiskFileSystem(pacer: pacer)
        let bytes = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        try fs.writeFile(dir + "/big.bin", Data(bytes))
        try fs.writeFile(dir + "/streamed.bin", streaming: { write in try write(Array(bytes.prefix(5000))); try write([1, 2, 3]) })
        pacer.wait()
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/big.bin")) == Data(bytes))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/streamed.bin")) == Data(bytes.prefix(5000) + [1, 2, 3]))
        // tmpfs keeps its files in memory whatever it is told.
        var fsInfo = statfs()
        #expect(statfs(dir, &fsInfo) == 0)
        if fsInfo.f_type != 0x0102_1994 {
            // Written again above (read back), so dropped again before counting what is cached.
            WritebackPacer.syncAndDrop([dir + "/big.bin"])
            #expect(try residentPages(dir + "/big.bin") == 0)
        }
    }

    /// How many of the file's pages are in the page cache.
    func residentPages(_ path: String) throws -> Int {
        let fd = open(path, O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        var st = stat()
        try #require(fstat(fd, &st) == 0)
        let size = Int(st.st_size)
        let map = try #require(mmap(nil, size, PROT_READ, MAP_SHARED, fd, 0))
        try #require(map != UnsafeMutableRawPointer(bitPattern: -1))
        defer { munmap(map, size) }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        var flags = [UInt8](repeating: 0, count: (size + page - 1) / page)
        try #require(mincore(map, size, &flags) == 0)
        return flags.filter { $0 & 1 != 0 }.count
    }

    @Test("a build whose every file is flushed and dropped gives the same files")
    func pacedBuild() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try copyExample(to: dir)
        let flushed = Batches()
        let pacer = WritebackPacer(startAfter: 0, batch: 1, flush: { batch in
            flushed.add(batch)
            WritebackPacer.syncAndDrop(batch)
        })
        let options = { (output: String) in BuildOptions(content: dir + "/Content", templates: dir + "/Templates", output: dir + "/" + output) }
        try Builder(fs: DiskFileSystem(pacer: pacer)).build(options("paced"))
        pacer.wait()
        try Builder(fs: DiskFileSystem(pacer: nil)).build(options("plain"))
        let paced = try snapshot(dir + "/paced"), plain = try snapshot(dir + "/plain")
        #expect(paced.count > 20)
        #expect(paced == plain)
        // Every file of the output went through the pacer.
        #expect(flushed.all.count >= paced.count)
    }
}
