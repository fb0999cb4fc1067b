import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The only way the pipeline touches files, so that tests can build a site in memory.
/// Paths are plain strings; relative paths are relative to the process's working directory (disk)
/// or to the root of the in-memory tree.
public protocol FileSystem: Sendable {
    func readFile(_ path: String) throws -> Data
    /// Regular files below `directory`, as paths relative to it, sorted; hidden files left out.
    /// Entries that cannot be read as files are reported in `skipped`, with the reason.
    func listFiles(in directory: String) throws -> (files: [String], skipped: [(path: String, reason: String)])
    func fileExists(_ path: String) -> Bool
    func isDirectory(_ path: String) -> Bool
    func createDirectory(_ path: String) throws
    func writeFile(_ path: String, _ data: Data) throws
    /// Writes a file whose content `produce` hands over in pieces (a big file is never whole in memory).
    func writeFile(_ path: String, streaming produce: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws
    /// `writeFile(_:streaming:)` into the file at `recycled`, moved to `path` first: a big file
    /// made again on every build is written over the blocks and cached pages of an old one
    /// instead of fresh ones. Only a plain file that has no other name is written over; any
    /// other is removed and a new file written. `recycled` is gone afterwards either way.
    func writeFile(_ path: String, recycling recycled: String, streaming produce: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws
    func removeItem(_ path: String) throws
    /// Puts `source` in the place of `destination` as one step where the system allows it.
    func replaceItem(at destination: String, with source: String) throws
    /// `replaceItem`, leaving the old item for the caller to remove: returns where it is now
    /// (nil: nothing left to remove).
    func replaceItemKeepingOld(at destination: String, with source: String) throws -> String?
    /// The file's bytes at a fixed place in memory (the caches and the last feeds: mapped on disk,
    /// not copied).
    func readBytes(_ path: String) throws -> FileBytes
    /// Makes `destination` the same file as `source` (a hard link on disk), for an output file
    /// that did not change since the last build.
    func linkFile(from source: String, to destination: String) throws
    /// What tells that a file changed without reading it: size, modification time, inode.
    func stamp(_ path: String) -> FileStamp?
    /// `stamp` of each of `names` in `folder` (a rebuild asks for 20,000 in one folder).
    func stamps(_ names: [String], in folder: String) -> [FileStamp?]
    /// `linkFile` of each of `names` from the folder `source` to the folder `destination`; says
    /// for each whether it was linked.
    func linkFiles(_ names: [String], from source: String, to destination: String) -> [Bool]
    /// Asks the system to read the files `names` of `folder` into its cache, ahead of their
    /// reading. Only a hint; it may wait on the disk, so a caller runs it on a thread of its own.
    func prefetch(_ names: [String], in folder: String)
}

/// A file's bytes at a fixed address for as long as this lives: mapped from the disk (the page
/// cache is read in place, instead of copied into fresh memory page by page), or a copy.
/// Readers on several threads share it. The caches are replaced by renaming a new file over
/// them, so that a mapped cache never changes under its reader.
public final class FileBytes: @unchecked Sendable {
    public let count: Int
    let base: UnsafeRawPointer?
    private let mapped: Bool

    public init(copying bytes: [UInt8]) {
        count = bytes.count
        mapped = false
        guard !bytes.isEmpty else { base = nil; return }
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 8)
        bytes.withUnsafeBytes { memory.copyMemory(from: $0) }
        base = memory.baseAddress.map { UnsafeRawPointer($0.bindMemory(to: UInt8.self, capacity: bytes.count)) }
    }

    /// nil when the file cannot be mapped.
    init?(mapping fd: Int32, size: Int) {
        count = size
        mapped = true
        guard size > 0 else { base = nil; return }
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        _ = madvise(p, size, MADV_WILLNEED)
        base = UnsafeRawPointer(p.bindMemory(to: UInt8.self, capacity: size))
    }

    deinit {
        guard let base else { return }
        if mapped { munmap(UnsafeMutableRawPointer(mutating: base), count) } else { base.deallocate() }
    }

    /// Lets the system take back the memory of the whole pages inside `range` of a mapped file:
    /// they stay in the page cache, and are read from it again when touched. Bytes read from a
    /// mapping count in the process's memory until it is unmapped; a rebuild of 100,000 articles
    /// reads 2 GB from the cache and the last feeds. A copy keeps its memory. Returns where the
    /// pages let go end (`range`'s start when there were none).
    @discardableResult
    public func release(_ range: Range<Int>) -> Int {
        guard mapped, let base else { return range.upperBound }
        let page = Int(getpagesize())
        // Whole pages only, but for the last one: the mapping ends with it.
        let start = (max(range.lowerBound, 0) + page - 1) / page * page
        let end = range.upperBound >= count ? (count + page - 1) / page * page : range.upperBound / page * page
        guard end > start else { return range.lowerBound }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
        return end
    }

    /// `body` over the bytes (bound to UInt8 once, when made), which live at least until it returns.
    @inline(__always)
    public func withBuffer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) { try body(UnsafeBufferPointer(start: base?.assumingMemoryBound(to: UInt8.self), count: count)) }
    }
}

/// Size, modification time and inode of a file: when all three are unchanged, so is the file
/// (as git and make assume).
public struct FileStamp: Hashable, Sendable {
    public var size: Int64
    public var modified: Int64
    public var inode: UInt64
}

extension FileSystem {
    public func stamps(_ names: [String], in folder: String) -> [FileStamp?] { names.map { stamp(folder + "/" + $0) } }

    public func prefetch(_ names: [String], in folder: String) {}

    public func linkFiles(_ names: [String], from source: String, to destination: String) -> [Bool] {
        names.map { (try? linkFile(from: source + "/" + $0, to: destination + "/" + $0)) != nil }
    }

    public func replaceItemKeepingOld(at destination: String, with source: String) throws -> String? {
        try replaceItem(at: destination, with: source)
        return nil
    }

    public func readBytes(_ path: String) throws -> FileBytes { FileBytes(copying: [UInt8](try readFile(path))) }

    /// Without recycling: the old file is removed and a new one written.
    public func writeFile(_ path: String, recycling recycled: String,
                          streaming produce: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        try? removeItem(recycled)
        try writeFile(path, streaming: produce)
    }

    /// Collects the pieces, then writes them at once: for file systems without streaming.
    public func writeFile(_ path: String, streaming produce: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        var data = Data()
        try produce { data.append(contentsOf: $0) }
        try writeFile(path, data)
    }
}

public struct FileSystemError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// The real disk. Writes go through POSIX `write`, which does not fsync every file the way
/// Foundation's `Data.write` does on Linux; the swap into place is a rename.
public struct DiskFileSystem: FileSystem {
    /// Told of every file written (see `WritebackPacer`).
    public let pacer: WritebackPacer?

    public init(pacer: WritebackPacer? = WritebackPacer()) { self.pacer = pacer }

    public func readFile(_ path: String) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileSystemError(path: path, message: "cannot be opened for reading")
        }
        defer { try? handle.close() }
        do { return try handle.readToEnd() ?? Data() } catch {
            throw FileSystemError(path: path, message: "cannot be read (\(error.localizedDescription))")
        }
    }

    public func readBytes(_ path: String) throws -> FileBytes {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError(path: path, message: "cannot be opened for reading (\(Self.reason(errno)))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileSystemError(path: path, message: "cannot be read (\(Self.reason(errno)))") }
        guard let bytes = FileBytes(mapping: fd, size: Int(st.st_size)) else {
            throw FileSystemError(path: path, message: "cannot be mapped (\(Self.reason(errno)))")
        }
        return bytes
    }

    public func listFiles(in directory: String) throws -> (files: [String], skipped: [(path: String, reason: String)]) {
        guard isDirectory(directory) else { throw FileSystemError(path: directory, message: "is not a folder") }
        var files: [String] = []
        var skipped: [(path: String, reason: String)] = []
        // Folders are known by device and inode, so that a link back to a parent ("loop -> .")
        // is seen as the folder it is, whatever its path.
        struct FolderID: Hashable { var dev: UInt64; var ino: UInt64 }
        var visited = Set<FolderID>()
        // A folder's files come sorted from its walk; the files of nested folders are sorted again
        // as paths ("a/b" after "a-b").
        var nested = false
        func walk(_ dir: String, _ prefix: String) throws {
            var st = stat()
            guard stat(dir, &st) == 0, visited.insert(FolderID(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino))).inserted else {
                skipped.append((prefix.isEmpty ? dir : prefix, "a link back to a folder already read (a loop)"))
                return
            }
            for (name, type) in try Self.entries(dir).sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") {
                let rel = prefix.isEmpty ? name : prefix + "/" + name
                // The folder's listing tells files and folders apart; a link (or a file system
                // that does not say) is followed with stat. (The full path is made for those only:
                // a rebuild lists 30,000 files.)
                var mode = type == UInt8(DT_REG) ? S_IFREG : type == UInt8(DT_DIR) ? S_IFDIR : 0
                if mode == 0 {
                    var st = stat()
                    if stat(dir + "/" + name, &st) != 0 { skipped.append((rel, "a broken link or an unreadable entry")); continue }
                    mode = st.st_mode & S_IFMT
                }
                switch mode {
                case S_IFREG: files.append(rel)
                case S_IFDIR:
                    nested = true
                    try walk(dir + "/" + name, rel)
                default: skipped.append((rel, "not a regular file (a device, a socket or a pipe)"))
                }
            }
        }
        try walk(directory, "")
        return (nested ? files.sorted() : files, skipped.sorted { $0.path < $1.path })
    }

    /// The names in a folder (with "." and ".."), and the type its listing gives each (`DT_*`).
    static func entries(_ dir: String) throws -> [(name: String, type: UInt8)] {
        guard let handle = opendir(dir) else {
            throw FileSystemError(path: dir, message: "cannot be listed (\(Self.reason(errno)))")
        }
        defer { closedir(handle) }
        var out: [(name: String, type: UInt8)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            out.append((name, entry.pointee.d_type))
        }
        return out
    }

    public func fileExists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    public func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    public func createDirectory(_ path: String) throws {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw FileSystemError(path: path, message: "cannot create folder (\(Self.reason(errno)))")
        }
    }

    public func writeFile(_ path: String, _ data: Data) throws {
        try writeFile(path, raw: { write in try data.withUnsafeBytes { try write($0) } })
    }

    public func writeFile(_ path: String, streaming produce: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        try writeFile(path, raw: { write in
            try withoutActuallyEscaping(write) { write in try produce { bytes in try bytes.withUnsafeBytes { try write($0) } } }
        })
    }

    /// Creates `path` and hands `produce` a function that writes raw bytes to it. A file already
    /// there is replaced by a new one, never written into: in a build's folder it may be a hard
    /// link to the previous output, which must stay as it was.
    private func writeFile(_ path: String, raw produce: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        var fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 && errno == EEXIST && unlink(path) == 0 { fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
        guard fd >= 0 else { throw FileSystemError(path: path, message: "cannot be written (\(Self.reason(errno)))") }
        var length = 0
        do {
            defer { close(fd) }
            try produce { try Self.write(fd, $0, path); length += $0.count }
        }
        pacer?.wrote(path, bytes: length)
    }

    /// The recycled file is checked through its open descriptor (a plain file with one name),
    /// then renamed to `path`, written from its start and cut to the length written. Renamed
    /// first: a build that dies while writing leaves the half-written file in its temporary
    /// folder, which the next build removes, and no recycled file.
    public func writeFile(_ path: String, recycling recycled: String,
                          streaming produce: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        let fd = open(recycled, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        var st = stat(), moved = stat()
        // After the rename, `path` must be the file opened (not another that took its name since).
        guard fd >= 0, fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_nlink == 1, rename(recycled, path) == 0,
              lstat(path, &moved) == 0, moved.st_ino == st.st_ino, moved.st_dev == st.st_dev else {
            if fd >= 0 { close(fd) }
            unlink(recycled)
            return try writeFile(path, streaming: produce)
        }
        defer { close(fd) }
        var length = 0
        try produce { bytes in
            try bytes.withUnsafeBytes { try Self.write(fd, $0, path) }
            length += bytes.count
        }
        guard ftruncate(fd, off_t(length)) == 0 else {
            throw FileSystemError(path: path, message: "cannot be cut to its length (\(Self.reason(errno)))")
        }
        pacer?.wrote(path, bytes: length)
    }

    /// Writes all of `buf` at the descriptor's place.
    private static func write(_ fd: Int32, _ buf: UnsafeRawBufferPointer, _ path: String) throws {
        guard let base = buf.baseAddress else { return }
        var offset = 0
        while offset < buf.count {
            let n = Glibc.write(fd, base + offset, buf.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(path: path, message: "write failed (\(reason(errno)))")
            }
            offset += n
        }
    }

    public func removeItem(_ path: String) throws {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        if let failed = Self.removeTree(path, isDirectory: (st.st_mode & S_IFMT) == S_IFDIR) {
            throw FileSystemError(path: failed.path, message: "cannot be removed (\(Self.reason(failed.code)))")
        }
    }

    /// Removes a file, or a folder and everything in it, with POSIX calls: the old output of a
    /// big dossier is 20,000 files, which Foundation's `removeItem` took a fifth of a rebuild
    /// to remove. Symbolic links are removed, never followed. Returns the first failure.
    private static func removeTree(_ path: String, isDirectory: Bool) -> (path: String, code: Int32)? {
        guard isDirectory else { return unlink(path) == 0 || errno == ENOENT ? nil : (path, errno) }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return (path, errno) }
        if let failure = removeContents(of: fd, path) { return failure }
        return rmdir(path) == 0 || errno == ENOENT ? nil : (path, errno)
    }

    /// Removes everything in the open folder `fd` (at `path`, for messages), by names relative
    /// to it (no path to walk, no string per file), and closes it.
    private static func removeContents(of fd: Int32, _ path: String) -> (path: String, code: Int32)? {
        guard let dir = fdopendir(fd) else {
            close(fd)
            return (path, errno)
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let type = entry.pointee.d_type
            let failure = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) { name -> (path: String, code: Int32)? in
                    if name[0] == 0x2E && (name[1] == 0 || (name[1] == 0x2E && name[2] == 0)) { return nil }
                    func failed(_ code: Int32) -> (path: String, code: Int32) { (path + "/" + String(cString: name), code) }
                    var isDir = type == UInt8(DT_DIR)
                    if type == UInt8(DT_UNKNOWN) {
                        var st = stat()
                        isDir = fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
                    }
                    guard isDir else { return unlinkat(fd, name, 0) == 0 || errno == ENOENT ? nil : failed(errno) }
                    let child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                    guard child >= 0 else { return failed(errno) }
                    if let failure = removeContents(of: child, path + "/" + String(cString: name)) { return failure }
                    return unlinkat(fd, name, AT_REMOVEDIR) == 0 || errno == ENOENT ? nil : failed(errno)
                }
            }
            if let failure { return failure }
        }
        return nil
    }

    public func replaceItem(at destination: String, with source: String) throws {
        if let old = try replaceItemKeepingOld(at: destination, with: source) { try removeItem(old) }
    }

    public func replaceItemKeepingOld(at destination: String, with source: String) throws -> String? {
        if !fileExists(destination) {
            guard rename(source, destination) == 0 else {
                throw FileSystemError(path: destination, message: "cannot move the new build into place (\(Self.reason(errno)))")
            }
            return nil
        }
        // Exchange the two folders in one step (Linux renameat2 RENAME_EXCHANGE): a reader, or a build
        // killed at any moment, sees either the old folder or the new one, never neither.
        if Self.exchange(source, destination) { return source }
        // Fallback where the exchange is not supported: two renames, the old folder kept until the end.
        let parked = source + ".old"
        guard rename(destination, parked) == 0 else {
            throw FileSystemError(path: destination, message: "cannot be replaced (\(Self.reason(errno)))")
        }
        guard rename(source, destination) == 0 else {
            let why = Self.reason(errno)
            _ = rename(parked, destination)
            throw FileSystemError(path: destination, message: "cannot be replaced (\(why))")
        }
        return parked
    }

    public func linkFile(from source: String, to destination: String) throws {
        guard link(source, destination) == 0 else {
            throw FileSystemError(path: destination, message: "cannot be linked to \(source) (\(Self.reason(errno)))")
        }
    }

    public func stamp(_ path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Self.stamp(st)
    }

    private static func stamp(_ st: stat) -> FileStamp? {
        guard (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(size: Int64(st.st_size), modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
                         inode: UInt64(st.st_ino))
    }

    /// By names relative to the open folder: the system does not walk the folder's path again
    /// for each file.
    public func stamps(_ names: [String], in folder: String) -> [FileStamp?] {
        let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dir >= 0 else { return names.map { _ in nil } }
        defer { close(dir) }
        return names.map { name in
            var st = stat()
            return fstatat(dir, name, &st, 0) == 0 ? Self.stamp(st) : nil
        }
    }

    /// The reads are started (`POSIX_FADV_WILLNEED`), not waited for: the disk reads ahead while
    /// the caller's workers clean the files before.
    public func prefetch(_ names: [String], in folder: String) {
        let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dir >= 0 else { return }
        defer { close(dir) }
        for name in names {
            let fd = openat(dir, name, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { continue }
            _ = posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED)
            close(fd)
        }
    }

    public func linkFiles(_ names: [String], from source: String, to destination: String) -> [Bool] {
        let from = open(source, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard from >= 0 else { return names.map { _ in false } }
        defer { close(from) }
        let to = open(destination, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard to >= 0 else { return names.map { _ in false } }
        defer { close(to) }
        return names.map { linkat(from, $0, to, $0, 0) == 0 }
    }

    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let handle = dlopen(nil, RTLD_NOW), let sym = dlsym(handle, "renameat2") else { return false }
        let fn = unsafeBitCast(sym, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        return fn(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// A file tree held in memory, for tests. Safe to share between threads.
public final class MemoryFileSystem: FileSystem, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: Data] = [:]
    private var directories: Set<String> = [""]
    /// A write counter per file, standing for the modification time.
    private var versions: [String: Int64] = [:]
    private var clock: Int64 = 0
    /// Paths below which writes fail, to test failing builds.
    public var readOnlyPrefixes: [String] = []

    public init(files: [String: Data] = [:]) {
        for (path, data) in files { self.files[Self.normalise(path)] = data }
        for path in self.files.keys { addParents(of: path) }
    }

    public convenience init(texts: [String: String]) {
        self.init(files: texts.mapValues { Data($0.utf8) })
    }

    static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for p in path.split(separator: "/") where p != "." && !p.isEmpty {
            if p == ".." { _ = parts.popLast() } else { parts.append(p) }
        }
        return parts.joined(separator: "/")
    }

    private func addParents(of path: String) {
        var parts = path.split(separator: "/").dropLast()
        while !parts.isEmpty {
            directories.insert(parts.joined(separator: "/"))
            parts = parts.dropLast()
        }
    }

    public var allFiles: [String: Data] { lock.withLock { files } }

    public func readFile(_ path: String) throws -> Data {
        try lock.withLock {
            guard let d = files[Self.normalise(path)] else { throw FileSystemError(path: path, message: "no such file") }
            return d
        }
    }

    public func listFiles(in directory: String) throws -> (files: [String], skipped: [(path: String, reason: String)]) {
        try lock.withLock {
            let dir = Self.normalise(directory)
            guard directories.contains(dir) else { throw FileSystemError(path: directory, message: "is not a folder") }
            let prefix = dir.isEmpty ? "" : dir + "/"
            let found = files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
                .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
            return (found.sorted(), [])
        }
    }

    public func fileExists(_ path: String) -> Bool {
        lock.withLock { let p = Self.normalise(path); return files[p] != nil || directories.contains(p) }
    }

    public func isDirectory(_ path: String) -> Bool { lock.withLock { directories.contains(Self.normalise(path)) } }

    public func createDirectory(_ path: String) throws {
        try lock.withLock {
            let p = Self.normalise(path)
            try checkWritable(p)
            directories.insert(p)
            addParents(of: p)
        }
    }

    public func writeFile(_ path: String, _ data: Data) throws {
        try lock.withLock {
            let p = Self.normalise(path)
            try checkWritable(p)
            files[p] = data
            clock += 1
            versions[p] = clock
            addParents(of: p)
        }
    }

    public func linkFile(from source: String, to destination: String) throws {
        try lock.withLock {
            let s = Self.normalise(source), d = Self.normalise(destination)
            try checkWritable(d)
            guard let data = files[s] else { throw FileSystemError(path: source, message: "no such file") }
            // As on disk: a link does not replace a file.
            guard files[d] == nil else { throw FileSystemError(path: destination, message: "already exists") }
            files[d] = data
            versions[d] = versions[s]
            addParents(of: d)
        }
    }

    public func stamp(_ path: String) -> FileStamp? {
        lock.withLock {
            let p = Self.normalise(path)
            guard let data = files[p] else { return nil }
            return FileStamp(size: Int64(data.count), modified: versions[p] ?? 0, inode: 0)
        }
    }

    private func checkWritable(_ p: String) throws {
        for ro in readOnlyPrefixes where p == Self.normalise(ro) || p.hasPrefix(Self.normalise(ro) + "/") {
            throw FileSystemError(path: p, message: "cannot be written (read-only)")
        }
    }

    public func removeItem(_ path: String) throws {
        lock.withLock {
            let p = Self.normalise(path)
            files[p] = nil
            for k in files.keys where k.hasPrefix(p + "/") { files[k] = nil }
            directories = directories.filter { $0 != p && !$0.hasPrefix(p + "/") }
        }
    }

    public func replaceItem(at destination: String, with source: String) throws {
        try lock.withLock {
            let s = Self.normalise(source), d = Self.normalise(destination)
            try checkWritable(d)
            if let file = files[s] {
                files[d] = file
                versions[d] = versions[s]
                files[s] = nil
                return
            }
            for k in files.keys where k == d || k.hasPrefix(d + "/") { files[k] = nil }
            directories = directories.filter { $0 != d && !$0.hasPrefix(d + "/") }
            for (k, v) in files where k.hasPrefix(s + "/") {
                files[k] = nil
                files[d + k.dropFirst(s.count)] = v
                versions[d + k.dropFirst(s.count)] = versions[k]
            }
            let moved = directories.filter { $0 == s || $0.hasPrefix(s + "/") }
            for m in moved { directories.remove(m); directories.insert(d + m.dropFirst(s.count)) }
            directories.insert(d)
            addParents(of: d)
        }
    }
}
