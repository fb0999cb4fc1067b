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
    /// dossier is never held in memory whole.
    public func begin(_ output: String) throws -> Staging {
        let out = Self.folder(output)
        let parent = (out as NSString).deletingLastPathComponent
        let name = (out as NSString).lastPathComponent
        let prefix = (parent.isEmpty ? "" : parent + "/") + ".\(name).tmp-"
        let temp = prefix + "\(ProcessInfo.processInfo.processIdentifier)"
        try? fs.removeItem(temp)
        removeStaleTemporaries(parent: parent, name: name)
        do { try fs.createDirectory(temp) } catch { throw BuildError(stage: Self.stage, file: out, "\(error)") }
        return Staging(fs: fs, temp: temp, output: out)
    }

    /// The temporary folder of one build. Safe to write from several threads.
    public final class Staging: @unchecked Sendable {
        let fs: FileSystem
        public let temp: String
        public let output: String
        private let lock = NSLock()
        private var directories: Set<String> = [""]
        private var written = 0
        /// Files linked from the previous output before their pages were made (`adopt`), that no
        /// page has kept or replaced yet.
        private var adopted: Set<String> = []

        init(fs: FileSystem, temp: String, output: String) {
            self.fs = fs
            self.temp = temp
            self.output = output
        }

        /// How many files were written so far.
        public var count: Int { lock.withLock { written } }

        public func write(_ f: OutputFile) throws {
            try makeFolder(of: f.path)
            try unlinkAdopted(f.path)
            try fs.writeFile(temp + "/" + f.path, f.data)
            lock.withLock { written += 1 }
        }

        /// Writes a file whose content `produce` hands over in pieces.
        public func write(_ path: String, streaming produce: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
            try makeFolder(of: path)
            try unlinkAdopted(path)
            try fs.writeFile(temp + "/" + path, streaming: produce)
            lock.withLock { written += 1 }
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
                for p in paths { adopted.remove(p) }
                return true
            }
        }

        /// Removes the adopted files no page kept (pages of the last build that are gone).
        public func dropUnkept() throws {
            let left = lock.withLock { take(&adopted, []) }
            for path in left.sorted() { try removeAdopted(path) }
        }

        private func unlinkAdopted(_ path: String) throws {
            if lock.withLock({ adopted.remove(path) != nil }) { try removeAdopted(path) }
        }

        private func removeAdopted(_ path: String) throws {
            try fs.removeItem(temp + "/" + path)
            lock.withLock { written -= 1 }
        }

        private func makeFolder(of path: String) throws {
            try makeFolder((path as NSString).deletingLastPathComponent)
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
