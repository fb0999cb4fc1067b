import Foundation
#if os(Linux)
import CGlibc
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Keeps a big build's output from piling up in the page cache.
///
/// Every file written lands in the kernel's page cache first, on a page the build has not
/// touched before. Up to a gigabyte of output that costs little; past it (a dossier of 100,000
/// articles writes about 6 GB) the kernel must find fresh memory for every page, which on a
/// virtual machine that hands free memory back to its host means a fault on the host per page:
/// on the machine of BENCHMARKS.md, writing 3 GB into fresh memory took 5 s, into memory just
/// freed 1 s. Past `startAfter` bytes, the pacer therefore gathers the files written in batches of
/// `batch` bytes; a thread of its own has each batch written to disk (`syncfs`, which the kernel's
/// flusher does in large requests) and then drops its pages from the cache
/// (`posix_fadvise(DONTNEED)`), so the next files reuse memory just freed. The writers never wait
/// for it. A build under `startAfter` bytes never sees it.
///
/// It is only advice to the kernel: a file it cannot open (renamed, removed, on a file system
/// without a page cache) is skipped, and no file's content depends on it.
public final class WritebackPacer: @unchecked Sendable {
    public let startAfter: Int
    public let batch: Int
    private let flush: @Sendable (_ batch: [String]) -> Void
    private let condition = NSCondition()
    private var written = 0
    private var pending: [String] = []
    private var pendingBytes = 0
    private var queue: [[String]] = []
    private var running = false

    /// `flush` writes a batch to disk and drops it from the cache; tests pass their own.
    public init(startAfter: Int = 1 << 30, batch: Int = 128 << 20,
                flush: @escaping @Sendable (_ batch: [String]) -> Void = WritebackPacer.syncAndDrop) {
        self.startAfter = startAfter
        self.batch = batch
        self.flush = flush
    }

    /// Called after each file is written in full (`bytes` long).
    public func wrote(_ path: String, bytes: Int) {
        condition.lock()
        defer { condition.unlock() }
        written += bytes
        guard written > startAfter else { return }
        pending.append(path)
        pendingBytes += bytes
        guard pendingBytes >= batch else { return }
        queue.append(pending)
        pending = []
        pendingBytes = 0
        guard !running else { return }
        running = true
        let thread = Thread { [self] in drain() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Waits until every batch handed over so far has been flushed.
    public func wait() {
        condition.lock()
        while running { condition.wait() }
        condition.unlock()
    }

    private func drain() {
        while true {
            condition.lock()
            guard !queue.isEmpty else {
                running = false
                condition.broadcast()
                condition.unlock()
                return
            }
            let next = queue.removeFirst()
            condition.unlock()
            flush(next)
        }
    }

    /// Has the file system that holds the batch written to disk (`syncfs`, through the first of
    /// its files that opens), then drops each file's pages from the cache.
    @Sendable public static func syncAndDrop(_ batch: [String]) {
        var synced = false
        for path in batch {
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { continue }
            if !synced {
                synced = true
                syncfs(fd)
            }
            posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_DONTNEED))
            close(fd)
        }
    }
}
