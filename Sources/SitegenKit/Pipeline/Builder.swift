import Foundation

public enum Sitegen {
    public static let version = "0.1.0"
}

/// Where a build reads and writes.
public struct BuildOptions: Sendable {
    public var content: String
    public var templates: String
    public var output: String
    /// Warnings stop the build too.
    public var strict: Bool
    /// Keep what was read, extracted and written beside the output (`.public.cache/`), and redo
    /// only what changed on the next build.
    public var incremental: Bool
    /// Gather every line cleaning removed into the report (for `--verbose`; a million lines in a
    /// dossier of 100,000 articles).
    public var listDropped: Bool
    /// The process ends with the build (the command line): the dossier and the pages' indexes,
    /// millions of values, are not freed one by one at the end but left to the system with the
    /// rest of the process, as compilers do (clang's -disable-free). False for a build in a
    /// process that goes on (`serve`, tests).
    public var exitsAfter: Bool

    public init(content: String = "Content", templates: String = "Templates", output: String = "public", strict: Bool = false,
                incremental: Bool = false, listDropped: Bool = true, exitsAfter: Bool = false) {
        self.content = content
        self.templates = templates
        self.output = output
        self.strict = strict
        self.incremental = incremental
        self.listDropped = listDropped
        self.exitsAfter = exitsAfter
    }
}

/// A build stopped by problems in the user's files; the previous output is untouched.
public struct BuildFailure: Error, CustomStringConvertible, Sendable {
    public var report: BuildReport
    public var count: Int
    public var strict: Bool
    public var description: String {
        "\(count) \(strict ? "problem" : "error")\(count == 1 ? "" : "s") in Content/; nothing was written, the previous site is as it was"
    }
}

/// What a build did, for the summary line and `--verbose`.
public struct BuildReport: Sendable {
    public var articles = 0
    public var people = 0
    public var quotes = 0
    public var pages = 0
    public var files = 0
    public var diagnostics: [Diagnostic] = []
    public var timings: [(stage: String, seconds: Double)] = []
    /// With `incremental`: articles whose reading came from the cache, whether the extraction
    /// did, and pages that were unchanged (linked from the previous output, not written).
    public var cachedReads = 0
    public var cachedExtraction = false
    /// When the extraction was done: the articles analysed, and those whose quotes and events
    /// were made again (the others' came from the last extraction).
    public var analysedArticles = 0
    public var attributedArticles = 0
    public var unchangedPages = 0
    /// Elements of the feeds (dossier.json, search index, TimelineJS data) copied from the last
    /// output, and all their keyed elements.
    public var copiedFeedElements = 0
    public var feedElements = 0
    /// Lines removed while cleaning, per article source, with the rule that removed them.
    public var dropped: [(source: String, line: DroppedLine)] = []
    /// The build's wall time, from start to finish (the stages and what lies between them).
    public var seconds: Double = 0
    public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }

    mutating func record(_ stage: String, since start: UInt64) {
        timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
    }
}

/// The whole pipeline, as named and timed stages: config, read, extract, pages, render, write.
/// File access goes through `fs`, so that tests can build a site in memory.
public struct Builder: Sendable {
    let fs: FileSystem
    /// Made when a stage first needs it: reading, extraction, grouping statements, re-dating
    /// events. A rebuild after an annotation's commentary changed needs none of them.
    let lexicon: Parallel.Once<Lexicon>
    let progress: BuildProgress

    public init(fs: FileSystem = DiskFileSystem(), lexicon: @autoclosure @escaping @Sendable () -> Lexicon = .standard,
                progress: BuildProgress = NoProgress()) {
        self.fs = fs
        self.lexicon = Parallel.Once(lexicon)
        self.progress = progress
    }

    /// The stages up to the dossier (read and extract), shared by `build` and tools that only read.
    /// `afterCache`: called once the cache is loaded (work that may then run beside the reading).
    public func loadDossier(_ options: BuildOptions, report: inout BuildReport, afterCache: () -> Void = {}) throws -> Dossier {
        try load(options, report: &report, afterCache: afterCache).dossier
    }

    /// A dossier loaded for a build, with what the build knows of it already (`load`).
    struct Loaded {
        var dossier: Dossier
        var quoteHashes: QuoteHashes?
        var eventHashes: [UInt64]?
    }

    /// `loadDossier`, with the hashes of the dossier's quotes when the build keeps a cache (made,
    /// or kept from the last build), which the feeds' keys take up, and those of its events when
    /// kept from the last build.
    func load(_ options: BuildOptions, report: inout BuildReport, afterCache: () -> Void = {}) throws -> Loaded {
        let (site, siteDiags) = try timed("config", &report) { SiteConfigReader.read(path: options.content + "/site.yml", fs: fs) }
        report.diagnostics += siteDiags
        let cache = options.incremental ? BuildCache(fs: fs, output: options.output) : nil
        var previous = try timed("cache", &report) { cache?.loadArticles() }
        afterCache()
        let readStart = Self.now()
        var (articles, reads, stamps) = try readArticles(options, site: site, report: &report, cache: cache, previous: previous)
        report.record("read", since: readStart)
        let (registry, registryDiags) = try timed("registry", &report) { PeopleRegistry.read(directory: options.content + "/people", fs: fs) }
        report.diagnostics += registryDiags
        var extractionReused = false
        // The hashes of the extraction's quotes and events, kept with it in the cache.
        var quoteHashes: QuoteHashes?, eventHashes: [UInt64]?
        let cachedReads = report.cachedReads
        // The cache is saved on another core while the annotations are merged and the statements
        // grouped (one core's work); it is done before the dossier is handed on.
        var saving: Parallel.Future<Void>?
        defer { _ = saving?.value }
        var extracted = try timed("extract", &report) { () -> Extractor.Output in
            guard let cache else { return Extractor(lexicon: lexicon.value).extract(articles, registry: registry, progress: progress) }
            let key = cache.extractionKey(readKeys: reads.map(\.key), registry: registry)
            if let hit = previous?.extraction, hit.key == key {
                extractionReused = true
                (quoteHashes, eventHashes) = (hit.output.quoteHashes, hit.output.eventHashes)
                if cachedReads < reads.count || reads.count != previous?.reads.count || stamps != previous?.stamps {
                    let record = BuildCache.Articles(salt: cache.salt, reads: Dictionary(reads, uniquingKeysWith: { a, _ in a }), extraction: hit,
                                                     stamps: stamps)
                    saving = Parallel.Future { cache.save(record) }
                }
                return hit.output
            }
            // Some article or the registry changed: the last extraction is taken up where its
            // inputs are the same (the articles whose bytes are, the attributions whose people are).
            var reuse: Extractor.Reuse?
            if let lastKey = previous?.extraction?.key, let last = cache.loadEntries(key: lastKey) {
                let lastReads = previous?.reads ?? [:]
                // Moved out of the loaded cache: the extraction then edits its arrays instead of copying them.
                var lastExtraction = previous?.extraction
                previous?.extraction = nil
                if let e = take(&lastExtraction, nil) {
                    reuse = Extractor.Reuse(entries: last.entries, lowercase: last.lowercase, output: e.output,
                                            previousArticle: { lastReads[$0]?.article })
                }
            }
            let reused = reuse != nil
            let readKeys = reads.compactMap { $0.value.article == nil ? nil : $0.key }
            let output = Extractor(lexicon: lexicon.value).extract(articles, registry: registry, progress: progress, readKeys: readKeys,
                                                             reuse: take(&reuse, nil))
            // The hashes of the quotes and events, made beside them (or kept), serve the cache and the feeds.
            (quoteHashes, eventHashes) = (output.quoteHashes, output.eventHashes)
            let record = BuildCache.Articles(salt: cache.salt, reads: Dictionary(reads, uniquingKeysWith: { a, _ in a }),
                                             extraction: BuildCache.Extraction(key: key, output: output), stamps: stamps)
            // A rebuild that took the last extraction up waits for the cache with nothing else
            // to do: its sections are made on both cores. A full extraction's are made beside the
            // link stage, on one.
            let helpers = reused ? ProcessInfo.processInfo.activeProcessorCount - 1 : 0
            saving = Parallel.Future {
                cache.save(record, helpers: helpers)
                cache.save(entries: output.entries, lowercase: output.lowercase, key: key)
            }
            return output
        }
        report.cachedExtraction = extractionReused
        if !extractionReused { (report.analysedArticles, report.attributedArticles) = (extracted.analysed, extracted.attributed) }
        // Saved beside (what the next extraction takes up); not part of the dossier.
        extracted.entries = []
        extracted.lowercase = [:]
        // The last build's values are let go, so that the dossier below is the only holder of its
        // arrays: the user's corrections then change them in place instead of copying them whole.
        // Its tables of reads and stamps (10,000 entries each) are freed on another thread.
        if var last = take(&previous, nil) {
            Self.releaseLater((take(&last.reads, [:]), take(&last.stamps, [:])), exitsAfter: options.exitsAfter)
        }
        report.diagnostics += extracted.diagnostics
        // The articles' files by id, for the warnings about ambiguous names (usually none).
        let sourceOf = extracted.ambiguous.isEmpty ? [:] : Dictionary(articles.map { ($0.id, $0.source) }, uniquingKeysWith: { a, _ in a })
        for (article, name) in extracted.ambiguous {
            let source = sourceOf[article] ?? article
            report.diagnostics.append(Diagnostic(.warning, stage: "extract", file: source, "'\(name)' could be more than one person; left unlinked",
                                                 hint: "name the person in full in the article, or add an alias in Content/people/"))
        }
        var extractedDossier = Dossier(site: site, articles: take(&articles, []), people: take(&extracted.people, []),
                                       quotes: take(&extracted.quotes, []), articlePeople: take(&extracted.articlePeople, [:]),
                                       reported: take(&extracted.reported, []))
        extractedDossier.events = take(&extracted.events, [])
        extractedDossier.readKeys.reserveCapacity(reads.count)
        for (key, read) in reads { if let a = read.article { extractedDossier.readKeys[a.id] = key } }
        let annStart = Self.now()
        let (annotations, annDiags) = AnnotationReader.readAnnotations(directory: options.content + "/annotations", fs: fs)
        let (notes, noteDiags) = AnnotationReader.readNotes(directory: options.content + "/notes", fs: fs)
        // The extracted dates are kept for `redate`; the dossier itself is handed over.
        let extractedDates = extractedDossier.articles.map { ($0.id, $0.date) }
        let finder = annotations.contains { $0.metadata["date"] != nil } ? Parallel.Future { [lexicon] in EventFinder(lexicon: lexicon.value) } : nil
        var (dossier, mergeDiags) = AnnotationMerger().apply(annotations, notes: notes,
                                                             to: take(&extractedDossier, Dossier(site: site, articles: [], people: [], quotes: [], articlePeople: [:])))
        report.diagnostics += annDiags + noteDiags + mergeDiags
        // Quotes corrected or added by the user: their hashes are made again.
        if AnnotationMerger.changesQuotes(annotations) { quoteHashes = nil }
        report.record("annotations", since: annStart)
        // After the user's corrections: events of re-dated articles, and statements across sources.
        try timed("link", &report) {
            let redated = Self.redate(&dossier, before: extractedDates, finder: finder)
            // The events re-dated have their hashes made again.
            if var hashes = eventHashes, hashes.count == dossier.events.count {
                for i in redated { hashes[i] = StableHash.of(dossier.events, at: i) }
                eventHashes = hashes
            } else {
                eventHashes = nil
            }
            guard let cache else {
                dossier.statementGroups = StatementGrouper(lexicon: lexicon.value).group(dossier.quotes)
                return
            }
            let hashes = quoteHashes.flatMap { $0.count == dossier.quotes.count ? $0 : nil } ?? QuoteHashes(dossier.quotes)
            quoteHashes = hashes
            let key = cache.statementsKey(hashes)
            switch cache.loadStatements(key: key) {
            case .same(let groups):
                dossier.statementGroups = groups
            case .links(let known):
                // Only the speakers whose quotes changed are compared again.
                let made = StatementGrouper(lexicon: lexicon.value).group(dossier.quotes, known: known)
                dossier.statementGroups = made.groups
                cache.save(statements: made.groups, links: made.bySpeaker, key: key)
            }
        }
        // After an extraction only: its garbage is what is worth giving back (a rebuild would
        // give back pages it then takes again, a page fault each).
        if !extractionReused { Self.releaseFreeMemory() }
        return Loaded(dossier: dossier, quoteHashes: quoteHashes, eventHashes: eventHashes)
    }

    /// Reads and checks everything, writes nothing: the problems of a build, without the build.
    public func check(_ options: BuildOptions) throws -> BuildReport {
        var report = BuildReport()
        do { _ = try TemplateSet(directory: options.templates, fs: fs) } catch let e as BuildError {
            report.diagnostics.append(Diagnostic(.error, stage: e.stage, file: e.file ?? options.templates, e.message))
        }
        let dossier = try loadDossier(options, report: &report)
        report.articles = dossier.articles.count
        report.people = dossier.people.count
        report.quotes = dossier.quotes.count
        return report
    }

    /// Builds the site. Problems in the user's files are all reported; when any is an error (or,
    /// with `strict`, a warning), nothing is written and `BuildFailure` carries the report.
    @discardableResult
    public func build(_ options: BuildOptions) throws -> BuildReport {
        var report = BuildReport()
        let started = Self.now()
        defer { progress.finish() }
        try checkOutput(options)
        let templates = try timed("templates", &report) { try TemplateSet(directory: options.templates, fs: fs) }
        // What the last build wrote is loaded while the dossier is read (its last stages keep
        // one core busy): the record of written pages, and the last feeds, mapped.
        let cache = options.incremental ? BuildCache(fs: fs, output: options.output) : nil
        let output = SiteWriter.folder(options.output)
        var last: Parallel.Future<LastOutput>?
        // With the cache, the new output folder is opened first: the cache's copy of the last
        // output when there is one, whose files are adopted where they are; otherwise the last
        // build's pages are linked into it. Both while the dossier is read (a rebuild's reading
        // leaves a core free).
        let early = try cache.map { cache in try timed("prepare", &report) { try SiteWriter(fs: fs).begin(options.output, reusing: cache.mirror, recycling: cache.spares) } }
        var adoption: Parallel.Future<Set<String>>?
        let dossier: Dossier, quoteHashes: QuoteHashes?, eventHashes: [UInt64]?
        do {
            let loaded = try load(options, report: &report, afterCache: {
                guard let cache else { return }
                let previous = Parallel.Future { lastOutput(cache: cache, output: output) }
                last = previous
                if let early {
                    let fs = self.fs
                    adoption = Parallel.Future(ownThread: true) { Self.adopt(previous.value.outputs?.pages ?? [:], into: early, fs: fs) }
                }
            })
            (dossier, quoteHashes, eventHashes) = (loaded.dossier, loaded.quoteHashes, loaded.eventHashes)
            let blocking = report.diagnostics.filter { $0.severity == .error || (options.strict && $0.severity == .warning) }
            if !blocking.isEmpty { throw BuildFailure(report: report, count: blocking.count, strict: options.strict) }
        } catch {
            _ = adoption?.value
            early?.abort()
            throw error
        }
        let staging = try early ?? timed("prepare", &report) { try SiteWriter(fs: fs).begin(options.output) }
        let paths: [String]
        var outputs: BuildCache.Outputs?
        do {
            // Each page is made, rendered and written in one go, on both cores, beside the feeds.
            let pagesStart = Self.now()
            progress.begin(PageBuilder.stage, total: 0)
            (paths, outputs) = try writePages(dossier: dossier, templates: templates, to: staging, cache: cache, last: last,
                                              adoption: adoption, quoteHashes: quoteHashes, eventHashes: eventHashes, exitsAfter: options.exitsAfter,
                                              report: &report)
            report.record(PageBuilder.stage, since: pagesStart)
            if let sitemap = Feeds.sitemap(dossier, paths: paths) { try staging.write(OutputFile(path: "sitemap.xml", data: Data(sitemap.utf8))) }
            let old = try timed("swap", &report) { try staging.commit() }
            // The previous output becomes the cache's copy of this one (or is removed, without a
            // cache) on one core while the cache is saved on the other.
            let written = outputs
            if let cache { try? fs.createDirectory(cache.folder) }
            let (removed, _) = try timed("save", &report) {
                Parallel.both({ Result { try staging.retire(old, mirror: cache?.mirror) } }, { if let cache, let written { cache.save(written) } })
            }
            try removed.get()
        } catch {
            // The last build's pages may still be being linked in.
            _ = adoption?.value
            staging.abort()
            if error is BuildError { throw error }
            throw BuildError(stage: SiteWriter.stage, file: options.output, "\(error)")
        }
        let files = staging.count
        report.articles = dossier.articles.count
        report.people = dossier.people.count
        report.quotes = dossier.quotes.count
        report.pages = paths.count
        report.files = files
        Self.releaseLater(consume dossier, exitsAfter: options.exitsAfter)
        report.seconds = Double(Self.now() - started) / 1e9
        return report
    }

    /// Frees `value` on another thread. A big dossier is millions of strings, which take a tenth
    /// of a second to free that no one needs to wait for. In a process that ends with the build
    /// (`exitsAfter`), they are not freed at all: the system takes the memory back at once.
    /// The caller hands over its last reference.
    static func releaseLater<T>(_ value: consuming T, exitsAfter: Bool) {
        let box = ReleaseBox(value)
        if exitsAfter {
            _ = Unmanaged.passRetained(box)
            return
        }
        DispatchQueue.global(qos: .utility).async { box.value = nil }
    }

    /// The events of an article whose date the user changed are resolved again against the new date.
    /// `finder`: made beforehand, when an annotation gives a date (its patterns take a while).
    /// Returns the places of the events it changed.
    @discardableResult
    static func redate(_ d: inout Dossier, before: [(id: String, date: PartialDate?)], finder made: Parallel.Future<EventFinder>? = nil) -> [Int] {
        var changed: [String: PartialDate?] = [:]
        // The merge keeps the articles in their order: compared place by place (by index: a
        // pair of the zip copies each article).
        if before.count == d.articles.count, d.articles.indices.allSatisfy({ before[$0].id == d.articles[$0].id }) {
            for i in before.indices where before[i].date != d.articles[i].date { changed[before[i].id] = d.articles[i].date }
        } else {
            let old = Dictionary(before, uniquingKeysWith: { a, _ in a })
            for i in d.articles.indices where old[d.articles[i].id] != d.articles[i].date { changed[d.articles[i].id] = d.articles[i].date }
        }
        guard !changed.isEmpty else { return [] }
        let finder = made?.value ?? EventFinder()
        var changedEvents: [Int] = []
        // Usually one article or a few: their ids compared with each event's, instead of a
        // lookup (a hash of the id) for each of the dossier's events.
        let few = changed.count <= 8 ? Array(changed) : nil
        for i in d.events.indices {
            let article = d.events[i].article
            let redated: PartialDate?? = if let few { few.first { $0.key == article }?.value } else { changed[article] }
            guard let date = redated else { continue }
            let found = finder.find(in: d.events[i].sentence, reference: date)
            if let f = found.first(where: { $0.text == d.events[i].dateText }) ?? found.first {
                d.events[i].date = f.date
                d.events[i].resolution = f.resolution
                changedEvents.append(i)
            }
        }
        return changedEvents
    }

    /// The tokens of extraction are gone: glibc's `malloc_trim` gives their pages back to the
    /// system before the pages are made (found at run time: it is not in Swift's Glibc module).
    static func releaseFreeMemory() {
        #if os(Linux)
        typealias Trim = @convention(c) (Int) -> Int32
        guard let handle = dlopen(nil, RTLD_NOW), let sym = dlsym(handle, "malloc_trim") else { return }
        _ = unsafeBitCast(sym, to: Trim.self)(0)
        #endif
    }

    func timed<T>(_ stage: String, _ report: inout BuildReport, _ body: () throws -> T) throws -> T {
        let start = Self.now()
        progress.begin(stage, total: 0)
        defer { report.record(stage, since: start) }
        return try body()
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// The output folder is sitegen's to replace: never the content, the templates, the working
    /// folder or the file system's root.
    func checkOutput(_ o: BuildOptions) throws {
        func norm(_ p: String) -> String {
            let abs = p.hasPrefix("/") ? p : FileManager.default.currentDirectoryPath + "/" + p
            return ((abs as NSString).standardizingPath as NSString).resolvingSymlinksInPath
        }
        let out = norm(o.output)
        let cwd = norm(".")
        for (other, what) in [(norm(o.content), "the content folder"), (norm(o.templates), "the templates folder")] {
            if out == other || other.hasPrefix(out + "/") {
                throw BuildError(stage: "config", file: o.output, "the output folder cannot be \(what) or hold it")
            }
        }
        if out == "/" || out == cwd || cwd.hasPrefix(out + "/") {
            throw BuildError(stage: "config", file: o.output, "the output folder cannot be the working folder, one of its parents, or /")
        }
    }

    /// Reads every article (from the cache when its bytes are unchanged); returns the articles,
    /// each input's cache key with its read result, and the stamps of the files (both empty
    /// without a cache). A file whose stamp (size, modification time, inode) is the one the last
    /// build recorded is not read again, as make and git assume; a stamp is recorded only for a
    /// file last changed over a second before it was read, so that an edit made in the same
    /// instant as the read is never missed.
    func readArticles(_ options: BuildOptions, site: SiteConfig, report: inout BuildReport, cache: BuildCache? = nil,
                      previous: BuildCache.Articles? = nil)
        throws -> ([Article], [(key: String, value: BuildCache.Read)], [String: BuildCache.Stamped]) {
        let dir = options.content + "/articles"
        guard fs.isDirectory(dir) else {
            throw BuildError(stage: ArticleReader.stage, file: dir, "the articles folder does not exist (create it and put the clippings there)")
        }
        let listing = try fs.listFiles(in: dir)
        for s in listing.skipped {
            report.diagnostics.append(Diagnostic(.warning, stage: ArticleReader.stage, file: dir + "/" + s.path, "skipped: " + s.reason,
                                                 hint: "remove it from the articles folder"))
        }
        let accepted = ["txt", "text", "md", "markdown"]
        // The exported source path does not depend on where the build runs from.
        let stableDir = (options.content as NSString).standardizingPath.split(separator: "/").last.map(String.init) ?? "Content"
        var inputs: [ArticleInput] = []
        var used: [String: String] = [:]
        for file in listing.files {
            let path = dir + "/" + file
            let (base, ext) = Self.splitExtension(file)
            guard accepted.contains(ext.lowercased()) else {
                if file != "README.md" {
                    report.diagnostics.append(Diagnostic(.warning, stage: ArticleReader.stage, file: path, "skipped: not a .txt or .md file"))
                }
                continue
            }
            if file == "README.md" { continue }
            var id = Text.slug(base)
            if id.isEmpty { id = "article" }
            if let other = used[id] {
                var n = 2
                while used["\(id)-\(n)"] != nil { n += 1 }
                report.diagnostics.append(Diagnostic(.warning, stage: ArticleReader.stage, file: path,
                                                     "has the same id '\(id)' as \(other); it is '\(id)-\(n)'", hint: "rename one of the files"))
                id = "\(id)-\(n)"
            }
            used[id] = path
            inputs.append(ArticleInput(path: path, source: stableDir + "/articles/" + file, id: id, file: file))
        }
        let lexicon = self.lexicon
        let reader = Parallel.Once { ArticleReader(lexicon: lexicon.value) }
        let fs = self.fs
        let useCache = cache != nil
        let progress = self.progress
        progress.begin(ArticleReader.stage, total: inputs.count)
        let settled = Int64(Date().timeIntervalSince1970 * 1e9) - 1_000_000_000
        // The last build's tables, taken out of it once: reaching them through the optional copied
        // the whole record (a dozen retains) for each article.
        let knownStamps = previous?.stamps ?? [:], knownReads = previous?.reads ?? [:]
        // The files' stamps, by names in the open folder (its path, often through a link, is not
        // walked again for each file).
        let inputStamps = useCache ? fs.stamps(inputs.map(\.file), in: dir) : []
        // Without the last build's stamps, every file is read: they are asked of the disk ahead of
        // the workers, on a thread that may wait for it. A first build of the day finds few of
        // them in the system's cache, and its workers waited on the disk a fifth of the stage.
        let prefetch = knownStamps.isEmpty ? Parallel.Future(ownThread: true) { [inputs] in fs.prefetch(inputs.map(\.file), in: dir) } : nil
        defer { _ = prefetch?.value }
        let inputList = inputs
        @Sendable func context(_ i: Int) -> String { Self.context(source: inputList[i].source, id: inputList[i].id, language: site.language) }
        // A file whose stamp is the one the last build recorded is that build's reading, looked
        // up here in order (a rebuild's every article but the edited ones): only the others go to
        // the workers, which read them.
        var known = [KnownRead?](repeating: nil, count: inputs.count)
        var toRead: [Int] = []
        for i in inputs.indices {
            if useCache, let stamp = inputStamps[i], let last = knownStamps[inputs[i].path], last.stamp == stamp,
               Self.isContext(last.context, source: inputs[i].source, id: inputs[i].id, language: site.language),
               let hit = knownReads[last.key] {
                known[i] = KnownRead(stamped: last, read: hit)
            } else {
                toRead.append(i)
            }
        }
        progress.advance(by: inputs.count - toRead.count)
        let read = Parallel.map(toRead) { [inputs] i -> (ArticleReader.Result, String?, Bool, BuildCache.Stamped?) in
            let input = inputs[i]
            defer { progress.advance() }
            do {
                let stamp = useCache ? inputStamps[i] : nil
                let data = try fs.readFile(input.path)
                let key = cache?.readKey(data: data, source: input.source, id: input.id, site: site)
                let stamped = key.flatMap { key in stamp.flatMap { $0.modified < settled ? BuildCache.Stamped(stamp: $0, context: context(i), key: key) : nil } }
                if let key, let hit = knownReads[key] {
                    return (ArticleReader.Result(article: hit.article, diagnostics: hit.diagnostics), key, true, stamped)
                }
                return (reader.value.read(path: input.path, source: input.source, id: input.id, data: data, site: site), key, false, stamped)
            } catch {
                return (ArticleReader.Result(article: nil, diagnostics: [Diagnostic(.warning, stage: ArticleReader.stage, file: input.path, "skipped: \(error)")]),
                        nil, false, nil)
            }
        }
        var articles: [Article] = []
        var reads: [(key: String, value: BuildCache.Read)] = []
        // Every file as the last build recorded it: its table of stamps, shared (not made again).
        let unchanged = toRead.isEmpty && knownStamps.count == inputs.count
        var stamps: [String: BuildCache.Stamped] = unchanged ? knownStamps : [:]
        articles.reserveCapacity(inputs.count)
        reads.reserveCapacity(inputs.count)
        if !unchanged { stamps.reserveCapacity(inputs.count) }
        var next = 0
        for (i, input) in inputs.enumerated() {
            let r: ArticleReader.Result, key: String?
            if let hit = known[i] {
                r = ArticleReader.Result(article: hit.read.article, diagnostics: hit.read.diagnostics)
                key = hit.stamped.key
                report.cachedReads += 1
                if !unchanged { stamps[input.path] = hit.stamped }
            } else {
                let fresh = read[next]
                next += 1
                r = fresh.0
                key = fresh.1
                if fresh.2 { report.cachedReads += 1 }
                if let stamped = fresh.3 { stamps[input.path] = stamped }
            }
            report.diagnostics += r.diagnostics
            if let key { reads.append((key, BuildCache.Read(article: r.article, diagnostics: r.diagnostics))) }
            if let a = r.article {
                articles.append(a)
                if options.listDropped { for x in a.dropped { report.dropped.append((a.source, x)) } }
            }
        }
        return (articles, reads, stamps)
    }

    /// A path as its folder ("" when none) and its last name, split at the last "/" (found among
    /// the bytes: a rebuild splits the paths of its 10,000 pages).
    static func splitFolder(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path) }
        return (String(path[..<slash]), String(path[path.utf8.index(after: slash)...]))
    }

    /// An article file to read: its path, its source as exported, its id, its name in the folder.
    struct ArticleInput: Sendable {
        var path: String
        var source: String
        var id: String
        var file: String
    }

    /// An article file the last build read, unchanged since: its stamp and that reading.
    /// (A struct: an optional tuple was copied through the runtime's generic witnesses.)
    struct KnownRead {
        var stamped: BuildCache.Stamped
        var read: BuildCache.Read
    }

    /// What a file's reading depends on besides its bytes (`BuildCache.Stamped.context`).
    static func context(source: String, id: String, language: String) -> String {
        source + "\u{0}" + id + "\u{0}" + language
    }

    /// Whether `context` is `context(source:id:language:)` of these, compared in place: a rebuild
    /// compares one for each article.
    static func isContext(_ context: String, source: String, id: String, language: String) -> Bool {
        var context = context
        return context.withUTF8 { c in
            var at = 0
            for (k, part) in [source, id, language].enumerated() {
                var part = part
                let n = part.utf8.count, separator = k < 2 ? 1 : 0
                guard at + n + separator <= c.count else { return false }
                let same = part.withUTF8 { p in
                    guard n > 0 else { return true }
                    guard let x = c.baseAddress, let y = p.baseAddress else { return false }
                    return memcmp(x + at, y, n) == 0
                }
                guard same, separator == 0 || c[at + n] == 0 else { return false }
                at += n + separator
            }
            return at == c.count
        }
    }

    /// A file name as its name without the extension, and the extension ("" when none), as
    /// `NSString`'s `deletingPathExtension` and `pathExtension` give them for a plain file name.
    static func splitExtension(_ file: String) -> (base: String, ext: String) {
        let name = file.utf8
        let lastSlash = name.lastIndex(of: UInt8(ascii: "/"))
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), lastSlash.map({ $0 < dot }) ?? true,
              dot != (lastSlash.map { name.index(after: $0) } ?? name.startIndex) else { return (file, "") }
        return (String(file[..<dot]), String(file[file.index(after: dot)...]))
    }

    /// What the last build wrote: the record of its pages, and its feeds to copy entries from.
    struct LastOutput: Sendable {
        var outputs: BuildCache.Outputs?
        var reuse: [String: PieceReuse]
    }

    /// Loads what the last build wrote into `output`.
    func lastOutput(cache: BuildCache, output: String) -> LastOutput {
        let outputs = cache.loadOutputs()
        return LastOutput(outputs: outputs, reuse: feedReuse(output: output, last: outputs?.streamed ?? [:]))
    }

    /// Makes, renders and writes every page and feed; returns the pages' paths and, with a cache,
    /// what each page was made from. A page made from the same inputs and settings as in the
    /// last build, whose files in the output are as that build wrote them, is linked from the
    /// output instead of being made and written again; when only the templates changed, its
    /// Markdown is kept and its HTML rendered again. `last`: what the last build
    /// wrote, loaded beside the reading (with `cache`; loaded here when not given).
    /// `quoteHashes`, `eventHashes`: those of the dossier's quotes and events, when the build has them already.
    func writePages(dossier: Dossier, templates: TemplateSet, to staging: SiteWriter.Staging,
                    cache: BuildCache? = nil, last: Parallel.Future<LastOutput>? = nil, adoption: Parallel.Future<Set<String>>? = nil,
                    quoteHashes: QuoteHashes? = nil, eventHashes: [UInt64]? = nil, exitsAfter: Bool = false,
                    report: inout BuildReport) throws -> (paths: [String], outputs: BuildCache.Outputs?) {
        enum Work: Sendable { case feed(Int), page(PageBuilder.Job) }
        // The keys of pages and feeds leave the templates out: the feeds are made without them,
        // and a page's Markdown too (the last output records the templates of its HTML).
        let settings = Self.settings(cache: cache, site: dossier.site)
        var step = Self.now()
        // At once: the pages' indexes, the timeline, the feeds' keys and what the last output
        // holds. With the cache, the feeds' elements are keyed, and copied from the last output
        // when unchanged.
        // The indexes and the timeline side by side (each on one core), and the feeds' keys,
        // begun first on another thread: their work fills the core the timeline leaves free.
        let settingsValue = settings.value
        let feedKeys = cache.map { _ in Parallel.Future { FeedKeys(dossier, settings: settingsValue, quoteHashes: quoteHashes, eventHashes: eventHashes) } }
        var (timeline, indexes) = Parallel.both({ PageBuilder.Timeline(dossier) }, { PageBuilder(dossier: dossier, timeline: false) })
        let fromCache = cache.map { cache in
            (feedKeys?.value ?? FeedKeys(dossier, settings: settingsValue, quoteHashes: quoteHashes, eventHashes: eventHashes), last?.value ?? lastOutput(cache: cache, output: staging.output))
        }
        let keys = fromCache?.0.with(timeline: timeline.items)
        indexes.set(consume timeline)
        // One holder of the indexes, which `releaseLater` hands over at the end: a second one
        // would free their hundreds of thousands of values here.
        let builder = consume indexes
        let previous = fromCache?.1.outputs?.pages ?? [:]
        // The kinds of pages whose HTML the last build rendered with the same templates.
        let lastTemplates = fromCache?.1.outputs?.templates ?? [:]
        let sameTemplates = Set(TemplateSet.pageKinds.filter { lastTemplates[$0] == templates.fingerprint(of: $0) })
        let reuse = fromCache?.1.reuse ?? [:]
        // The pages of the last build whose files are in the folder already: waited for by the
        // first page that asks (the keys and the feeds need not wait for the linking to end).
        let adopted = Parallel.Once { [fs] in adoption?.value ?? Self.adopt(previous, into: staging, fs: fs) }
        report.record("  indexes", since: step)
        step = Self.now()
        let renderer = PageRenderer(site: dossier.site, labels: Labels(language: dossier.site.language), templates: templates)
        let feeds = Self.feeds(dossier: dossier, templates: templates, timeline: builder.timelineItems,
                               keys: keys, reuse: reuse)
        // What each article's page is made from; the other pages' keys are made from these.
        let articleKeys: [UInt64?] = keys.map { builder.articleKeys($0) } ?? []
        let fs = self.fs
        // Two lists, each a worker's own before it helps with the other: the feeds (long single
        // tasks) and the pages of the top and people folders; the article pages, mostly links
        // into one folder, which two threads would wait on each other to change.
        let jobs = builder.jobs
        let articleWork = jobs.filter { if case .article = $0 { true } else { false } }.map(Work.page)
        let work = feeds.indices.map(Work.feed) + jobs.filter { if case .article = $0 { false } else { true } }.map(Work.page)
        let progress = self.progress
        progress.begin(PageBuilder.stage, total: work.count + articleWork.count)
        report.record("  keys", since: step)
        step = Self.now()
        let results = Parallel.map(work, articleWork) { item -> (path: String?, written: BuildCache.Written?, reused: Bool, error: String?) in
            defer { progress.advance() }
            var path: String?
            do {
                switch item {
                case .feed(let i):
                    try feeds[i](staging)
                    return (nil, nil, false, nil)
                case .page(let job):
                    guard cache != nil else {
                        let page = builder.page(job)
                        path = page.path
                        for f in Self.render(page, renderer) { try staging.write(f) }
                        return (page.path, nil, false, nil)
                    }
                    /// The files of `path` in the output (adopted) that stay, when the last build made
                    /// them from `key`: both when the templates of `kind` are the same, else the
                    /// Markdown (`html` false).
                    func reuse(_ path: String, _ kind: String, _ key: String) -> (before: BuildCache.Written, html: Bool)? {
                        guard let before = previous[path], before.key == key, adopted.value.contains(path) else { return nil }
                        let files = Self.files(ofPage: path), html = sameTemplates.contains(kind)
                        return staging.keep(html ? files : [files[0]]) ? (before, html) : nil
                    }
                    /// Renders and writes `page` (its HTML alone when its Markdown was kept).
                    func make(_ page: Page, _ key: String, markdownKept: Bool = false) throws -> BuildCache.Written {
                        // Once the linking is done: a page written again replaces its adopted files.
                        _ = adopted.value
                        if markdownKept {
                            try staging.write(renderer.html(page))
                        } else {
                            for f in Self.render(page, renderer) { try staging.write(f) }
                        }
                        return BuildCache.Written(key: key, stamps: Self.files(ofPage: page.path).compactMap { fs.stamp(staging.temp + "/" + $0) })
                    }
                    // A page known unchanged from its inputs, without making it.
                    let input: UInt64?? = if case .article(let i) = job { articleKeys[i] } else {
                        keys.flatMap { builder.inputKey(job, articleKeys: articleKeys, keys: $0) }
                    }
                    if case .some(.some(let input)) = input {
                        var h = settings
                        h.add("page from its inputs")
                        h.add(input)
                        let p = builder.path(of: job)
                        path = p
                        let kept = reuse(p, builder.kind(of: job), h.hex)
                        if let kept, kept.html { return (p, kept.before, true, nil) }
                        return (p, try make(builder.page(job), h.hex, markdownKept: kept != nil), false, nil)
                    }
                    // Any other page: known unchanged from its Markdown.
                    let page = builder.page(job)
                    path = page.path
                    var h = settings
                    for part in [page.path, page.kind, page.title, page.language ?? ""] { h.add(part) }
                    h.add(text: page.markdownUTF8)
                    let kept = reuse(page.path, page.kind, h.hex)
                    if let kept, kept.html { return (page.path, kept.before, true, nil) }
                    return (page.path, try make(page, h.hex, markdownKept: kept != nil), false, nil)
                }
            } catch {
                return (path, nil, false, "\(error)")
            }
        }
        if let failed = results.first(where: { $0.error != nil }) {
            throw BuildError(stage: SiteWriter.stage, file: staging.output + "/" + (failed.path ?? ""), failed.error ?? "")
        }
        // Pages of the last build that this one does not have.
        _ = adopted.value
        do { try staging.dropUnkept() } catch { throw BuildError(stage: SiteWriter.stage, file: staging.output, "\(error)") }
        report.record("  write", since: step)
        // The indexes (hundreds of thousands of values) are freed on another thread, or left to
        // the system when the process ends with the build.
        Self.releaseLater(builder, exitsAfter: exitsAfter)
        guard let cache else { return (results.compactMap(\.path), nil) }
        report.unchangedPages = results.filter(\.reused).count
        report.copiedFeedElements = reuse.values.reduce(0) { $0 + $1.copied }
        report.feedElements = reuse.values.reduce(0) { $0 + $1.pieces.count }
        var outputs = BuildCache.Outputs(salt: cache.salt, pages: [:], templates: templates.fingerprints)
        for r in results { if let p = r.path, let w = r.written { outputs.pages[p] = w } }
        for (path, r) in reuse {
            if let stamp = fs.stamp(staging.temp + "/" + path) { outputs.streamed[path] = BuildCache.Streamed(stamp: stamp, pieces: r.pieces) }
        }
        return (results.compactMap(\.path), outputs)
    }

    /// A page's two files: its Markdown and its HTML.
    static func files(ofPage path: String) -> [String] { [path + ".md", path + ".html"] }

    /// Links into `staging` the files of the last build's pages (`pages`) that are in its output
    /// as it wrote them (same stamps), before it is known which are unchanged; returns those
    /// pages. A page made again replaces its files, and those no page keeps are removed.
    static func adopt(_ pages: [String: BuildCache.Written], into staging: SiteWriter.Staging, fs: FileSystem) -> Set<String> {
        if staging.prefilled { return adoptPresent(pages, in: staging, fs: fs) }
        // Folder by folder (most are articles/), by names in it.
        var byFolder: [String: [(page: String, name: String, before: BuildCache.Written)]] = [:]
        for (path, before) in pages {
            let (folder, name) = Self.splitFolder(path)
            byFolder[folder, default: []].append((path, name, before))
        }
        var out = Set<String>()
        for (folder, list) in byFolder.sorted(by: { $0.key < $1.key }) {
            let names = list.flatMap { files(ofPage: $0.name) }
            let now = fs.stamps(names, in: folder.isEmpty ? staging.output : staging.output + "/" + folder)
            var wanted: [Int] = []
            for (k, page) in list.enumerated() {
                let stamps = now[(2 * k)...(2 * k + 1)]
                if stamps.allSatisfy({ $0 != nil }), page.before.stamps == stamps.compactMap({ $0 }) { wanted.append(k) }
            }
            guard let linked = try? staging.adopt(wanted.flatMap { files(ofPage: list[$0].name) }, in: folder) else { continue }
            // A page with one file linked is not adopted: it is made again, which replaces that file.
            for (j, k) in wanted.enumerated() where linked[2 * j] && linked[2 * j + 1] { out.insert(list[k].page) }
        }
        return out
    }

    /// `adopt` for a folder that began as the cache's copy of the last output: every file in it
    /// is adopted where it is (none is linked), and the pages whose files are as the last build
    /// wrote them (same stamps) are returned. A file changed by hand in the output is changed in
    /// the copy too (they are the same file): its stamp tells, and its page is made again.
    static func adoptPresent(_ pages: [String: BuildCache.Written], in staging: SiteWriter.Staging, fs: FileSystem) -> Set<String> {
        guard let listed = try? fs.listFiles(in: staging.temp) else { return [] }
        staging.adoptPresent(listed.files)
        var byFolder: [String: [(page: String, name: String, before: BuildCache.Written)]] = [:]
        for (path, before) in pages {
            let (folder, name) = Self.splitFolder(path)
            byFolder[folder, default: []].append((path, name, before))
        }
        var out = Set<String>()
        for (folder, list) in byFolder {
            let now = fs.stamps(list.flatMap { files(ofPage: $0.name) }, in: folder.isEmpty ? staging.temp : staging.temp + "/" + folder)
            for (k, page) in list.enumerated() {
                let stamps = now[(2 * k)...(2 * k + 1)]
                if stamps.allSatisfy({ $0 != nil }), page.before.stamps == stamps.compactMap({ $0 }) { out.insert(page.page) }
            }
        }
        return out
    }

    /// What every page's Markdown and every feed entry also depend on: this sitegen and site.yml.
    /// (A page's HTML depends on the templates too: `Outputs.templates`.)
    static func settings(cache: BuildCache?, site: SiteConfig) -> StableHash {
        var h = StableHash()
        h.add(cache?.salt ?? "")
        h.add(String(describing: site))
        return h
    }

    /// One page as its Markdown and its HTML.
    static func render(_ page: Page, _ renderer: PageRenderer) -> [OutputFile] {
        [OutputFile(path: page.path + ".md", data: Data(page.markdownUTF8)), renderer.html(page)]
    }

    /// The files that are not pages, each made and written on demand: dossier.json, the search
    /// index, TimelineJS data and feed, stylesheet and search script. The big ones are streamed.
    static func feeds(dossier: Dossier, templates: TemplateSet, timeline: [Feeds.TimelineItem], keys: FeedKeys? = nil,
                      reuse: [String: PieceReuse] = [:]) -> [@Sendable (SiteWriter.Staging) throws -> Void] {
        let labels = Labels(language: dossier.site.language)
        let css = templates.stylesheet
        let prefix = Array(Feeds.searchIndexPrefix.utf8)
        return [
            { try $0.write("dossier.json") { sink in
                try DossierExport.json(dossier, reported: dossier.reported, generator: "sitegen \(Sitegen.version)", keys: keys)
                    .stream(lines: Feeds.exportLines, reuse: reuse["dossier.json"], to: sink)
            } },
            { try $0.write("search-index.js") { sink in
                try sink(prefix)
                try Feeds.searchIndex(dossier, labels: labels, keys: keys).stream(pretty: false, reuse: reuse["search-index.js"], to: sink)
                try sink(Array(Feeds.searchIndexSuffix.utf8))
            } },
            { try $0.write("timeline.json") { sink in
                try Feeds.timelineJSON(dossier, labels: labels, items: timeline, keys: keys)
                    .stream(lines: Feeds.exportLines, reuse: reuse["timeline.json"], to: sink)
            } },
            { try $0.write("feed.xml") { sink in try Feeds.atom(dossier, labels: labels, keys: keys, reuse: reuse["feed.xml"], to: sink) } },
            { try $0.write(OutputFile(path: "style.css", data: css)) },
            { try $0.write(OutputFile(path: "search.js", data: Data(PackageResources.search_js))) },
        ]
    }

    /// The streamed feeds whose elements a rebuild can copy from the last output, and where
    /// their stream starts in the file (after the search index's "window.X = ").
    static let streamedFeeds: [(path: String, base: Int)] = [
        ("dossier.json", 0), ("search-index.js", Feeds.searchIndexPrefix.utf8.count), ("timeline.json", 0), ("feed.xml", 0),
    ]

    /// For each streamed feed: the last build's file and pieces when the file is as that build
    /// wrote it, else nothing to copy (the pieces of this build are recorded either way).
    func feedReuse(output: String, last: [String: BuildCache.Streamed]) -> [String: PieceReuse] {
        var out: [String: PieceReuse] = [:]
        for (path, base) in Self.streamedFeeds {
            let file = output + "/" + path
            if let before = last[path], fs.stamp(file) == before.stamp, let data = try? fs.readBytes(file), data.count == Int(before.stamp.size) {
                out[path] = PieceReuse(previous: data, pieces: before.pieces, base: base)
            } else {
                out[path] = PieceReuse(base: base)
            }
        }
        return out
    }
}

/// Moves a value out of a variable and leaves `empty` there: the value's storage then has one
/// owner, and changing it does not copy it.
func take<T>(_ variable: inout T, _ empty: T) -> T {
    var out = empty
    swap(&out, &variable)
    return out
}

/// What `Builder.releaseLater` hands to another thread.
final class ReleaseBox<T>: @unchecked Sendable {
    var value: T?
    init(_ value: consuming T) { self.value = value }
}
