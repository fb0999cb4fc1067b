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

    public func write(_ files: [OutputFile], to output: String) throws {
        let out = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
        let parent = (out as NSString).deletingLastPathComponent
        let name = (out as NSString).lastPathComponent
        let prefix = (parent.isEmpty ? "" : parent + "/") + ".\(name).tmp-"
        let temp = prefix + "\(ProcessInfo.processInfo.processIdentifier)"
        try? fs.removeItem(temp)
        removeStaleTemporaries(parent: parent, name: name)
        do {
            try fs.createDirectory(temp)
            var dirs = Set<String>()
            for f in files {
                let d = (f.path as NSString).deletingLastPathComponent
                if !d.isEmpty { dirs.insert(d) }
            }
            for d in dirs.sorted() { try fs.createDirectory(temp + "/" + d) }
            let fs = self.fs
            let failures = Parallel.map(files) { f -> String? in
                do { try fs.writeFile(temp + "/" + f.path, f.data); return nil } catch { return "\(error)" }
            }
            if let first = failures.compactMap({ $0 }).first { throw BuildError(stage: Self.stage, file: out, first) }
            try fs.replaceItem(at: out, with: temp)
        } catch let e as BuildError {
            try? fs.removeItem(temp)
            throw e
        } catch {
            try? fs.removeItem(temp)
            throw BuildError(stage: Self.stage, file: out, "\(error)")
        }
    }
}
