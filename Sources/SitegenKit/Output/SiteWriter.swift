import Foundation

/// A file of the built site, by its path inside the output folder.
public struct OutputFile: Sendable {
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

extension SiteWriter {
    /// A build killed before its swap leaves `.public.tmp-<pid>` (and `.old`) beside the output;
    /// the next build removes those whose process is gone.
    func removeStaleTemporaries(parent: String, name: String) {
        guard fs is DiskFileSystem else { return }
        let dir = parent.isEmpty ? "." : parent
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for entry in entries where entry.hasPrefix(".\(name).tmp-") {
            let pidText = entry.dropFirst(".\(name).tmp-".count).prefix { $0.isNumber }
            guard let pid = Int32(pidText), pid != ProcessInfo.processInfo.processIdentifier else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? fs.removeItem(dir + "/" + entry) }
        }
    }
}

/// Writes the site into a temporary folder beside the output, then swaps it into place in one
/// step: a failed or interrupted build leaves the previous output exactly as it was.
public struct SiteWriter: Sendable {
    public static let stage = "write"
    let fs: FileSystem

    public init(fs: FileSystem) { self.fs = fs }

    /// The output folder as the staging names it (no trailing slash).
    public static func folder(_ output: String) -> String {
        output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
    }

    /// Opens the temporary folder the pages are written into as they are made, so that a big
    /// dossier is never held in memory whole. `mirror`: the cache's copy of the last output
    /// (hard links to its files), which becomes the folder when it is there: the build then
    /// changes only the files that change (`Staging.prefilled`). `spares`: the cache's folder of
    /// the streamed files the last build replaced, written over by this one (`Staging.spares`).
    public func begin(_ output: String, reusing mirror: String? = nil, recycling spares: String? = nil) throws -> Staging {
        let out = Self.folder(output)
        let parent = Paths.parent(out)
        let name = Paths.lastComponent(out)
        let prefix = (parent.isEmpty ? "" : parent + "/") + ".\(name).tmp-"
        let temp = prefix + "\(ProcessInfo.processInfo.processIdentifier)"
        try? fs.removeItem(temp)
        removeStaleTemporaries(parent: parent, name: name)
        // Moved out of the cache first: a build that dies from here on leaves a temporary folder,
        // which the next one removes, and no copy that could be out of step with the cache.
        if let mirror, fs.isDirectory(mirror), (try? fs.replaceItem(at: temp, with: mirror)) != nil {
            return Staging(fs: fs, temp: temp, output: out, prefilled: true, spares: spares)
        }
        do { try fs.createDirectory(temp) } catch { throw BuildError(stage: Self.stage, file: out, "\(error)") }
        return Staging(fs: fs, temp: temp, output: out, prefilled: false, spares: spares)
    }

    /// The temporary folder of one build. Safe to write from several threads.
    public final class Staging: @unchecked Sendable {
        let fs: FileSystem
        public let temp: String
        public let output: String
        /// The folder began as the cache's copy of the last output, with all its files.
        public let prefilled: Bool
        /// Where the streamed files (the feeds, 155 MB at 10,000 articles) that a build replaced
        /// are kept for the next build to write over (`FileSystem.writeFile(_:recycling:streaming:)`):
        /// writing over pages the system has cached costs a tenth of taking fresh ones, which on a
        /// virtual machine may first have to be given back by the host. Nil: none kept.
        public let spares: String?
        private let lock = NSLock()
        private var directories: Set<String> = [""]
        private var written = 0
        /// Files linked from the previous output before their pages were made (`adopt`), or found
        /// in the folder (`adoptPresent`), that no page has kept or replaced yet.
        private var adopted: Set<String> = []
        /// What this build wrote and kept, and the adopted files it removed: what the output
        /// differs from the last one by (`retire`).
        private var writtenPaths: Set<String> = []
        private var keptPaths: Set<String> = []
        private var droppedPaths: [String] = []
        /// The files written in pieces: those `retire` keeps as spares.
        private var streamedPaths: Set<String> = []

        init(fs: FileSystem, temp: String, output: String, prefilled: Bool = false, spares: String? = nil) {
            self.fs = fs
            self.temp = temp
            self.output = output
            self.prefilled = prefilled
            self.spares = spares
        }

        /// How many files were written so far.
        public var count: Int { lock.withLock { written } }

        public func write(_ f: OutputFile) throws {
            try makeFolder(of: f.path)
            try unlinkAdopted(f.path)
            try fs.writeFile(temp + "/" + f.path, f.data)
            didWrite(f.path)
        }

        /// Writes a file whose content `produce` hands over in pieces, over its spare when there is one.
        public func write(_ path: String, streaming produce: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
            try makeFolder(of: path)
            try unlinkAdopted(path)
            // Without a spare there, the file system writes a new file.
            if let spares {
                try fs.writeFile(temp + "/" + path, recycling: spares + "/" + path, streaming: produce)
            } else {
                try fs.writeFile(temp + "/" + path, streaming: produce)
            }
            didWrite(path)
            lock.withLock { _ = streamedPaths.insert(path) }
        }

        /// A file written replaces the one that was there (the file system's write unlinks it):
        /// one adopted in the meantime, while the write ran, is no longer there to adopt.
        private func didWrite(_ path: String) {
            lock.withLock {
                written += 1
                writtenPaths.insert(path)
                if adopted.remove(path) != nil { written -= 1 }
            }
        }

        /// Adopts the files at `paths`, found in a prefilled folder: those no page keeps or
        /// writes are removed by `dropUnkept`. A file this build wrote already is its own.
        public func adoptPresent(_ paths: [String]) {
            lock.withLock {
                for p in paths where !writtenPaths.contains(p) && adopted.insert(p).inserted { written += 1 }
            }
        }

        /// Links the files at `paths` of the previous output into the folder before it is known
        /// whether their pages changed, while a core is free. A page that then turns out
        /// unchanged `keep`s them; one written again replaces them (never writes through the link
        /// into the previous output); those left are removed by `dropUnkept`.
        /// `names`: files of the output's folder `folder` ("" for the top). Says for each whether
        /// it was linked.
        public func adopt(_ names: [String], in folder: String) throws -> [Bool] {
            let prefix = folder.isEmpty ? "" : folder + "/"
            try makeFolder(folder)
            let linked = fs.linkFiles(names, from: folder.isEmpty ? output : output + "/" + folder, to: folder.isEmpty ? temp : temp + "/" + folder)
            lock.withLock {
                for (name, ok) in zip(names, linked) where ok {
                    written += 1
                    adopted.insert(prefix + name)
                }
            }
            return linked
        }

        /// Keeps the adopted files at `paths`; false when one of them was not adopted.
        public func keep(_ paths: [String]) -> Bool {
            lock.withLock {
                guard paths.allSatisfy({ adopted.contains($0) }) else { return false }
                for p in paths {
                    adopted.remove(p)
                    keptPaths.insert(p)
                }
                return true
            }
        }

        /// Removes the adopted files no page kept (pages of the last build that are gone).
        public func dropUnkept() throws {
            let left = lock.withLock { take(&adopted, []) }
            for path in left.sorted() { try removeAdopted(path) }
            lock.withLock { droppedPaths += left }
        }

        private func unlinkAdopted(_ path: String) throws {
            if lock.withLock({ adopted.remove(path) != nil }) { try removeAdopted(path) }
        }

        private func removeAdopted(_ path: String) throws {
            try fs.removeItem(temp + "/" + path)
            lock.withLock { written -= 1 }
        }

        private func makeFolder(of path: String) throws {
            try makeFolder(Paths.parent(path))
        }

        private func makeFolder(_ dir: String) throws {
            // Folders are few: made under the lock, so that no thread writes into one being made.
            try lock.withLock {
                if directories.insert(dir).inserted { try fs.createDirectory(temp + "/" + dir) }
            }
        }

        /// Swaps the finished folder into place; returns where the previous output is now, for
        /// `removePrevious` (nil: there was none).
        @discardableResult
        public func commit() throws -> String? {
            do { return try fs.replaceItemKeepingOld(at: output, with: temp) } catch {
                abort()
                throw BuildError(stage: SiteWriter.stage, file: output, "\(error)")
            }
        }

        /// What becomes of the previous output that `commit` swapped out (`old`): without a
        /// cache it is removed. With one, it is made the cache's copy of the new output (`mirror`),
        /// hard links to its files, for the next build to begin from: only the files this build
        /// wrote or removed are changed in it. With no previous output, the copy is made by
        /// linking every file. The copy only saves work: when it cannot be made, there is none.
        /// The previous output's streamed files that this build replaced become the spares.
        public func retire(_ old: String?, mirror: String?) throws {
            guard let mirror else { return try removePrevious(old) }
            let (wrote, dropped, all, streamed) = lock.withLock { (writtenPaths, droppedPaths, writtenPaths.union(keptPaths), streamedPaths) }
            try? fs.removeItem(mirror)
            if let old {
                for path in dropped { try? fs.removeItem(old + "/" + path) }
                if let spares {
                    for path in streamed.sorted() where fs.fileExists(old + "/" + path) {
                        try? fs.createDirectory(Paths.parent(spares + "/" + path))
                        try? fs.replaceItem(at: spares + "/" + path, with: old + "/" + path)
                    }
                }
                if link(wrote, from: output, to: old, replacing: true), (try? fs.replaceItem(at: mirror, with: old)) != nil { return }
                return try removePrevious(old)
            }
            if !link(all, from: output, to: mirror, replacing: false) { try? fs.removeItem(mirror) }
        }

        /// Links `paths` of the folder `source` into `destination`, folder by folder; with
        /// `replacing`, a file already at a path is unlinked first. False when one fails.
        private func link(_ paths: Set<String>, from source: String, to destination: String, replacing: Bool) -> Bool {
            var byFolder: [String: [String]] = [:]
            for path in paths {
                let folder = Paths.parent(path)
                byFolder[folder, default: []].append(folder.isEmpty ? path : String(path.dropFirst(folder.count + 1)))
            }
            for (folder, names) in byFolder.sorted(by: { $0.key < $1.key }) {
                let from = folder.isEmpty ? source : source + "/" + folder, to = folder.isEmpty ? destination : destination + "/" + folder
                guard (try? fs.createDirectory(to)) != nil else { return false }
                if replacing { for name in names { try? fs.removeItem(to + "/" + name) } }
                guard fs.linkFiles(names, from: from, to: to).allSatisfy({ $0 }) else { return false }
            }
            return true
        }

        /// Removes the previous output that `commit` swapped out (`old`).
        public func removePrevious(_ old: String?) throws {
            guard let old else { return }
            do { try fs.removeItem(old) } catch {
                throw BuildError(stage: SiteWriter.stage, file: old, "the previous output could not be removed: \(error)")
            }
        }

        public func abort() { try? fs.removeItem(temp) }
    }
}
