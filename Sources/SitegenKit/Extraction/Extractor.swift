import Foundation

/// Runs extraction over the whole dossier: per-article analysis (in parallel), dossier-wide
/// people resolution, then per-article attribution (in parallel).
public struct Extractor: Sendable {
    public let grammar: Grammar

    public init(lexicon: Lexicon = .standard) {
        grammar = Grammar(lexicon: lexicon)
    }

    public struct Output: Sendable {
        public var people: [Person]
        public var quotes: [Quote]
        public var reported: [Quote]
        /// Person ids of each article, in order of first mention.
        public var articlePeople: [String: [String]]
        public var ambiguous: [(article: String, name: String)]
        public var diagnostics: [Diagnostic] = []
        public var events: [Event] = []
        /// With read keys: what the next extraction can take up (`Reuse`).
        public var entries: [ArticleEntry] = []
        public var lowercase: [UInt64: Int] = [:]
        /// Articles analysed, and articles whose quotes and events were made (the others came from `Reuse`).
        public var analysed = 0
        public var attributed = 0
        /// The hashes of `quotes` and of `events` (`StableHash.of`): made with read keys, those of
        /// the articles kept taken from `Reuse` (nil when it had none to give); or read back from
        /// the cache with the output.
        public var quoteHashes: QuoteHashes?
        public var eventHashes: [UInt64]?
    }

    /// What one article gave the last extraction, for the next one: its read key, its names
    /// (people resolution needs every article's) and the key of its attribution's inputs.
    public struct ArticleEntry: Sendable {
        public var id: String
        public var readKey: String
        public var sheet: NameSheet
        /// The article's read key and, for each of its names, the person it resolved to (id,
        /// name, gender, roles): its quotes and events are made of nothing else.
        public var attributionKey: UInt64
    }

    /// The last extraction, as a build after some articles changed takes it up: the articles
    /// whose read key is the same are not analysed again, and those whose attribution key is
    /// the same keep their quotes and events.
    public struct Reuse: Sendable {
        public var entries: [ArticleEntry]
        /// For each word the dossier writes in lower case (`Text.wordHash`), how many articles do.
        public var lowercase: [UInt64: Int]
        /// The last output, with the hashes of its quotes and events when the cache kept them.
        public var output: Output
        /// The last build's article of a read key: the lower-case words of an article that
        /// changed or went are taken from the counts.
        public var previousArticle: @Sendable (String) -> Article?

        public init(entries: [ArticleEntry], lowercase: [UInt64: Int], output: Output, previousArticle: @escaping @Sendable (String) -> Article?) {
            self.entries = entries
            self.lowercase = lowercase
            self.output = output
            self.previousArticle = previousArticle
        }
    }

    /// How much analysis (tokens, mostly: about twenty bytes per byte of text) may be kept
    /// between the two passes. Beyond it an article's paragraphs are tokenized again in the second
    /// pass (its names and mentions are kept), so that a dossier of 100,000 articles does not hold
    /// every token at once.
    public var analysisBudget = 48 << 20

    /// `readKeys` (one per article, the cache's): the output then holds what the next
    /// extraction can take up. `reuse`: the last extraction, taken up where its inputs are the
    /// same; the output is the same as without it.
    public func extract(_ articles: [Article], registry: [RegistryEntry] = [], progress: BuildProgress = NoProgress(),
                        readKeys: [String]? = nil, reuse: consuming Reuse? = nil) -> Output {
        var reuse = reuse
        let analyzer = Analyzer(grammar: grammar)
        progress.begin("extract", total: articles.count * 2)
        let budget = Budget(analysisBudget)
        let keys = readKeys.flatMap { $0.count == articles.count ? $0 : nil }
        // The last extraction's entries that still hold: same article, same bytes.
        let lowercase = WordCounts()
        let known = keys.flatMap { keys in reuse.map { Self.takeUp($0, articles: articles, readKeys: keys, analyzer: analyzer, lowercase: lowercase) } } ?? [:]
        let previous = known.isEmpty ? [:] : Self.rangesByArticle(reuse?.output)
        // Pass 1: every article's names and mentions (kept), and its analysis while the budget
        // lasts; an article the last extraction had with the same bytes gives its names, unanalysed.
        // The dossier's lower-case words are counted as they come: each article's own set
        // would weigh more than its text.
        let first = Parallel.map(Array(articles.indices)) { i -> (sheet: NameSheet, analysis: ArticleAnalysis?, mentions: [Mention], kept: Bool) in
            defer { progress.advance() }
            if let entry = known[articles[i].id] { return (entry.sheet, nil, [], true) }
            let a = articles[i]
            let analysis = analyzer.analyze(a)
            lowercase.add(analysis.lowercaseWords)
            let cost = a.paragraphs.reduce(0) { $0 + $1.text.utf8.count } * 20
            return budget.take(cost) ? (analysis.sheet, analysis, [], false) : (analysis.sheet, nil, analysis.mentions, false)
        }
        let sheets = first.map(\.sheet)
        let counts = lowercase.counts
        let resolution = PeopleResolver(grammar: grammar).resolve(sheets, lowercase: counts, registry: registry)
        let attributor = Attributor(grammar: grammar)
        let people = resolution.people
        let roles = Attributor.RoleIndex(people)
        let events = EventFinder()
        // Pass 2: quotes and events, each article on its own (the result is the same whether its
        // analysis was kept or its paragraphs are made again, or whether it is the last build's).
        // An article whose attribution key is the last one's keeps its quotes and events (where
        // they lie in the last output), unmade.
        // With a cache, the hashes of the quotes and events made are made here, beside them.
        let hashing = keys != nil
        let outputs = Parallel.map(Array(articles.indices)) { i -> (made: Made?, kept: Ranges?, key: UInt64, stale: Bool) in
            defer { progress.advance() }
            let article = articles[i]
            let key = keys.map { Self.attributionKey(readKey: $0[i], article: article.id, personOfName: resolution.personOfName[i],
                                                     people: people, roles: roles) } ?? 0
            if let entry = known[article.id], entry.attributionKey == key, let ranges = previous[article.id] { return (nil, ranges, key, false) }
            let analysis = first[i].analysis
                ?? (first[i].kept ? analyzer.analyze(article) : analyzer.analyze(article, names: first[i].sheet.names, mentions: first[i].mentions))
            // Names taken from the cache that are not the article's (a damaged cache): all is done afresh below.
            if first[i].kept && analysis.names != first[i].sheet.names { return (nil, nil, key, true) }
            let attributed = attributor.attribute(article: article, analysis: analysis, personOfName: resolution.personOfName[i], people: people,
                                                  roles: roles)
            let found = events.events(of: article, analysis: analysis, personOfName: resolution.personOfName[i], people: people)
            return (Made(attributed: attributed, events: found, hashed: hashing), nil, key, false)
        }
        if outputs.contains(where: \.stale) {
            return extract(articles, registry: registry, progress: progress, readKeys: readKeys, reuse: nil)
        }
        var articlePeople: [String: [String]] = [:]
        for (i, a) in sheets.enumerated() {
            // Body mentions in reading order, then the title's.
            var ids: [String] = []
            var seen = Set<String>()
            let order = a.names.indices.sorted { x, y in
                let mx = a.names[x], my = a.names[y]
                if mx.inTitle != my.inTitle { return !mx.inTitle }
                return (mx.paragraph, mx.lo) < (my.paragraph, my.lo)
            }
            for ni in order {
                guard let p = resolution.personOfName[i][ni] else { continue }
                if seen.insert(people[p].id).inserted { ids.append(people[p].id) }
            }
            articlePeople[articles[i].id] = ids
        }
        var output = Output(people: people, quotes: [], reported: [], articlePeople: articlePeople, ambiguous: resolution.ambiguous,
                            diagnostics: resolution.diagnostics, events: [])
        // The last output, moved out of `reuse` (one owner): its arrays are edited where articles
        // changed rather than copied whole, which after an article edit at 100,000 articles took
        // 300 MB of fresh memory beside them.
        var last = take(&reuse, nil)?.output ?? Output(people: [], quotes: [], reported: [], articlePeople: [:], ambiguous: [])
        if hashing {
            // The hashes of the articles kept are the last output's, where it has them for each of
            // its quotes and events; else they are made later, from the whole arrays.
            let anyKept = outputs.contains { $0.kept != nil }
            if var lastHashes = take(&last.quoteHashes, nil).flatMap({ $0.count == last.quotes.count ? $0 : nil }) ?? (anyKept ? nil : QuoteHashes.none) {
                var statement = lastHashes.takeStatement(), content = lastHashes.takeContent()
                output.quoteHashes = QuoteHashes(
                    statement: Self.assemble(&statement, outputs.map { ($0.kept?.quotes, $0.made?.quoteHashes.statement ?? []) }),
                    content: Self.assemble(&content, outputs.map { ($0.kept?.quotes, $0.made?.quoteHashes.content ?? []) }))
            }
            if var lastHashes = take(&last.eventHashes, nil).flatMap({ $0.count == last.events.count ? $0 : nil }) ?? (anyKept ? nil : []) {
                output.eventHashes = Self.assemble(&lastHashes, outputs.map { ($0.kept?.events, $0.made?.eventHashes ?? []) })
            }
        }
        output.quotes = Self.assemble(&last.quotes, outputs.map { ($0.kept?.quotes, $0.made?.attributed.quotes ?? []) })
        output.reported = Self.assemble(&last.reported, outputs.map { ($0.kept?.reported, $0.made?.attributed.reported ?? []) })
        output.events = Self.assemble(&last.events, outputs.map { ($0.kept?.events, $0.made?.events ?? []) })
        if output.quoteHashes?.count != output.quotes.count { output.quoteHashes = nil }
        if output.eventHashes?.count != output.events.count { output.eventHashes = nil }
        output.analysed = first.count { !$0.kept }
        output.attributed = outputs.count { $0.made != nil }
        if let keys {
            output.entries = articles.indices.map { ArticleEntry(id: articles[$0].id, readKey: keys[$0], sheet: sheets[$0], attributionKey: outputs[$0].key) }
            output.lowercase = counts
        }
        return output
    }

    /// The entries of `reuse` whose article has the same read key, by article id; `lowercase`
    /// then holds the last counts without the words of the articles that changed or went (the
    /// last build's text of each is analysed again). None when one of those texts is missing,
    /// or when most articles changed (another language in site.yml): analysing their old texts
    /// would cost more than starting afresh.
    static func takeUp(_ reuse: Reuse, articles: [Article], readKeys: [String], analyzer: Analyzer, lowercase: WordCounts) -> [String: ArticleEntry] {
        let current = Dictionary(zip(articles.map(\.id), readKeys), uniquingKeysWith: { a, _ in a })
        let gone = reuse.entries.filter { current[$0.id] != $0.readKey }
        guard gone.count * 2 <= reuse.entries.count else { return [:] }
        let old = gone.compactMap { reuse.previousArticle($0.readKey) }
        guard old.count == gone.count else { return [:] }
        lowercase.set(reuse.lowercase)
        for words in Parallel.map(old, { analyzer.analyze($0).lowercaseWords }) { lowercase.remove(words) }
        let goneIDs = Set(gone.map(\.id))
        return Dictionary(reuse.entries.filter { !goneIDs.contains($0.id) }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// What an article's attribution and events depend on besides the rules: its read key (its
    /// bytes, id and source) and, name by name, the person the name resolved to, as the
    /// attribution sees them (id, name, gender, the roles it holds in this article and the registry).
    static func attributionKey(readKey: String, article: String, personOfName: [Int?], people: [Person], roles: Attributor.RoleIndex) -> UInt64 {
        var h = StableHash()
        h.add(readKey)
        for p in personOfName {
            guard let p else { h.add(int: -1); continue }
            h.add(people[p].id)
            h.add(people[p].name)
            h.add(people[p].gender.rawValue)
            roles.hash(of: p, in: article, people: people, into: &h)
        }
        return h.value
    }

    /// An output array, article after article: each either kept (where its items lie in `old`) or
    /// made. `old` is edited in place when the kept articles are in their last order and the gaps
    /// between them few (the usual rebuild: an article or two changed); else the array is made anew
    /// at its size (the first build: nothing kept).
    static func assemble<T>(_ old: inout [T], _ parts: [(kept: Range<Int>?, made: [T])]) -> [T] {
        if parts.contains(where: { $0.kept != nil }) {
            // The gaps between kept articles (in `old`), each with what the articles between make.
            var edits: [(range: Range<Int>, items: [T])] = []
            var cursor = 0
            var pending: [T] = []
            var inOrder = true
            for p in parts {
                guard let r = p.kept else { pending += p.made; continue }
                if r.isEmpty { continue }
                guard r.lowerBound >= cursor else { inOrder = false; break }
                if r.lowerBound > cursor || !pending.isEmpty { edits.append((cursor..<r.lowerBound, pending)) }
                pending = []
                cursor = r.upperBound
            }
            if inOrder && cursor <= old.count {
                if cursor < old.count || !pending.isEmpty { edits.append((cursor..<old.count, pending)) }
                // Each edit moves the items after it: from the end, and only a few.
                if edits.count <= 8 {
                    var out = take(&old, [])
                    for e in edits.reversed() { out.replaceSubrange(e.range, with: e.items) }
                    return out
                }
            }
        }
        var out: [T] = []
        out.reserveCapacity(parts.reduce(0) { $0 + ($1.kept?.count ?? $1.made.count) })
        for p in parts {
            if let r = p.kept { out += old[r] } else { out += p.made }
        }
        return out
    }

    /// What pass 2 made of an article: its quotes and reported speech, its events, and (with a
    /// cache) their hashes.
    struct Made: Sendable {
        var attributed: Attributor.Output
        var events: [Event]
        var quoteHashes = QuoteHashes.none
        var eventHashes: [UInt64] = []

        init(attributed: Attributor.Output, events: [Event], hashed: Bool) {
            self.attributed = attributed
            self.events = events
            guard hashed else { return }
            quoteHashes = QuoteHashes(serially: attributed.quotes)
            eventHashes = events.indices.map { StableHash.of(events, at: $0) }
        }
    }

    /// Where an article's quotes, reported speech and events lie in an extraction's output.
    struct Ranges: Sendable {
        var quotes = 0..<0, reported = 0..<0, events = 0..<0
    }

    /// The places of each article's quotes, reported speech and events in the last extraction's
    /// output, which holds them article after article.
    static func rangesByArticle(_ output: Output?) -> [String: Ranges] {
        guard let output else { return [:] }
        var out = Dictionary(output.articlePeople.keys.map { ($0, Ranges()) }, uniquingKeysWith: { a, _ in a })
        // (An article found in two places of one array, which no extraction makes, is made again.)
        var split = Set<String>()
        func runs<T>(_ items: [T], _ article: (T) -> String, _ set: (inout Ranges, Range<Int>) -> Void) {
            var seen = Set<String>()
            var start = 0
            while start < items.count {
                let id = article(items[start])
                var end = start + 1
                while end < items.count && article(items[end]) == id { end += 1 }
                if !seen.insert(id).inserted { split.insert(id) }
                if out[id] != nil { set(&out[id, default: Ranges()], start..<end) }
                start = end
            }
        }
        runs(output.quotes, \.article) { $0.quotes = $1 }
        runs(output.reported, \.article) { $0.reported = $1 }
        runs(output.events, \.article) { $0.events = $1 }
        for id in split { out[id] = nil }
        return out
    }
}

/// How many articles write each word in lower case; worker threads add to it.
final class WordCounts: @unchecked Sendable {
    private var table: [UInt64: Int] = [:]
    private let lock = NSLock()
    func set(_ counts: [UInt64: Int]) { lock.withLock { table = counts } }
    func add(_ words: [UInt64]) { lock.withLock { for w in words { table[w, default: 0] += 1 } } }
    func remove(_ words: [UInt64]) {
        lock.withLock {
            for w in words {
                guard let n = table[w] else { continue }
                table[w] = n > 1 ? n - 1 : nil
            }
        }
    }
    var counts: [UInt64: Int] { lock.withLock { table } }
}

/// A byte budget shared by worker threads.
final class Budget: @unchecked Sendable {
    private var left: Int
    private let lock = NSLock()
    init(_ bytes: Int) { left = bytes }
    /// Takes `n` bytes if that many are left.
    func take(_ n: Int) -> Bool {
        lock.withLock {
            guard n <= left else { return false }
            left -= n
            return true
        }
    }
}

/// Maps over an array on all cores, keeping the order. Work items must be independent.
public enum Parallel {
    /// `chunk`: how many items a worker takes at a time (by default a few, for items of similar
    /// cost; 1 when a few long items, like the feeds, must not end up with one worker).
    public static func map<T: Sendable, R: Sendable>(_ items: [T], chunk: Int? = nil, _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let results = ResultBox<R>(count: items.count)
        let workers = min(items.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let chunk = chunk ?? max(1, min(16, items.count / (workers * 16)))
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let start = next.take(chunk)
                if start >= items.count { break }
                // A chunk's results are stored together: one lock for each chunk, not each item.
                results.set(from: start, (start..<min(start + chunk, items.count)).map { transform(items[$0]) })
            }
        }
        return results.values()
    }

    /// Work started on another thread at once; `value` waits for its result. For work that
    /// can run beside a stage that keeps only one core busy.
    final class Future<T>: @unchecked Sendable {
        private let group = DispatchGroup()
        private var result: T?
        /// `ownThread`: on a thread of its own, not libdispatch's pool (for work that mostly
        /// waits on the system, which must not hold back the pool's workers or wait for one).
        init(ownThread: Bool = false, _ work: @escaping @Sendable () -> T) {
            group.enter()
            let run: @Sendable () -> Void = {
                self.result = work()
                self.group.leave()
            }
            if ownThread { Thread(block: run).start() } else { DispatchQueue.global().async(execute: run) }
        }
        var value: T {
            group.wait()
            guard let result else { preconditionFailure("the work of a future ran before it left its group") }
            return result
        }
    }

    /// A value made the first time a worker needs it, then shared: nothing is made when no
    /// worker needs it (a rebuild that reads every article from the cache needs no reader).
    final class Once<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var made: T?
        private let make: () -> T
        init(_ make: @escaping () -> T) { self.make = make }
        var value: T {
            lock.withLock {
                if let made { return made }
                let v = make()
                made = v
                return v
            }
        }
    }

    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func take(_ n: Int) -> Int { lock.withLock { let v = value; value += n; return v } }
    }

    /// `transform` over `first` then `second` (results in that order), one item at a time: a
    /// worker takes from its own list (even workers `first`, odd ones `second`) and helps with
    /// the other when its own is done. Work that contends for one resource (links into one
    /// folder) can go in one list, so that it mostly runs on one thread.
    ///
    /// The workers are threads of their own, not libdispatch's pool, for the pages: glibc's
    /// malloc gives each thread an arena, and the pool's threads have made the dossier, whose
    /// values fill their arenas, with the holes that making it left. Allocating there, a
    /// 100,000-article build spent 4.3 s in malloc's search of its free lists (21 times the
    /// 10,000-article build's); on new threads, whose arenas hold none of the dossier, 2.0 s, and
    /// the build took 1 to 3% less CPU (BENCHMARKS.md, session 28).
    public static func map<T: Sendable, R: Sendable>(_ first: [T], _ second: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let results = ResultBox<R>(count: first.count + second.count)
        let workers = min(first.count + second.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        guard workers > 1 else { return (first + second).map(transform) }
        let nextFirst = Counter(), nextSecond = Counter()
        withoutActuallyEscaping(transform) { transform in
            onNewThreads(workers) { w in
                let lists = w % 2 == 0 ? [(first, nextFirst, 0), (second, nextSecond, first.count)] : [(second, nextSecond, first.count), (first, nextFirst, 0)]
                for (items, next, offset) in lists {
                    while true {
                        let i = next.take(1)
                        if i >= items.count { break }
                        results.set(offset + i, transform(items[i]))
                    }
                }
            }
        }
        return results.values()
    }

    /// `make(0)` to `make(count - 1)`, each handed to `write` in that order on the calling thread
    /// as soon as it and those before it are made; `helpers` threads of their own make parts
    /// beside it, and the calling thread makes parts too while it waits for the next to write. At
    /// most `window` parts are made and not yet written at a time, so that a big file made in
    /// parts is never whole in memory. When `write` throws, no part is begun after.
    static func inOrder<R: Sendable>(_ count: Int, window: Int = 3, helpers: Int, make: @Sendable (Int) -> R, write: (R) throws -> Void) throws {
        guard count > 1, helpers > 0 else {
            for i in 0..<count { try write(make(i)) }
            return
        }
        let state = InOrderState<R>()
        let window = max(1, window)
        try withoutActuallyEscaping(make) { make in
            // New threads, joined before `make` is given back: a block of libdispatch's may hold it
            // a moment after it is done, and its workers may all be busy when the parts are made.
            let threads = spawn(min(helpers, count - 1)) { _ in
                state.condition.lock()
                defer { state.condition.unlock() }
                while !state.stopped {
                    if let k = state.claim(count: count, window: window) {
                        state.makePart(k, make)
                    } else if state.next >= count {
                        return
                    } else {
                        state.condition.wait()
                    }
                }
            }
            defer {
                state.condition.lock()
                state.stopped = true
                state.condition.broadcast()
                state.condition.unlock()
                for thread in threads { pthread_join(thread, nil) }
            }
            for i in 0..<count {
                state.condition.lock()
                // Waiting for part i, the calling thread makes the next part no one has taken
                // (part i itself when no helper took it).
                while state.made[i] == nil {
                    if let k = state.claim(count: count, window: window) { state.makePart(k, make) } else { state.condition.wait() }
                }
                let part = state.made.removeValue(forKey: i)
                state.condition.unlock()
                if let part { try write(part) }
                state.condition.lock()
                state.written = i + 1
                state.condition.broadcast()
                state.condition.unlock()
            }
        }
    }

    /// Runs `body(0)` to `body(count - 1)` each on a new thread, and waits for them all to end
    /// (joined: when it returns, no thread holds `body` any more). A thread that cannot be
    /// started has its part run on the caller's.
    static func onNewThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let threads = spawn(count, body)
        // The parts whose thread could not be started run here.
        for w in threads.count..<count { body(w) }
        for thread in threads { pthread_join(thread, nil) }
    }

    /// Starts `body(0)`, `body(1)`... each on a new thread, up to `count` or the first that cannot
    /// be started; returns the threads started, for the caller to join.
    static func spawn(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) -> [pthread_t] {
        final class Work {
            let body: @Sendable (Int) -> Void
            let index: Int
            init(_ body: @escaping @Sendable (Int) -> Void, _ index: Int) { self.body = body; self.index = index }
        }
        var threads: [pthread_t] = []
        for w in 0..<count {
            var thread = pthread_t()
            let work = Unmanaged.passRetained(Work(body, w))
            let started = pthread_create(&thread, nil, { context in
                guard let context else { return nil }
                let work = Unmanaged<Work>.fromOpaque(context).takeRetainedValue()
                work.body(work.index)
                return nil
            }, work.toOpaque())
            guard started == 0 else {
                work.release()
                break
            }
            threads.append(thread)
        }
        return threads
    }

    /// Runs three independent pieces of work on the cores there are (the third on the first
    /// core free). Work started inside one of them is not spread further (libdispatch runs a
    /// nested `concurrentPerform` on its own thread when the cores are taken).
    public static func three<A: Sendable, B: Sendable, C: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B,
                                                                     _ c: @Sendable () -> C) -> (A, B, C) {
        let ra = ResultBox<A>(count: 1), rb = ResultBox<B>(count: 1), rc = ResultBox<C>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 3) { i in
            switch i {
            case 0: ra.set(0, a())
            case 1: rb.set(0, b())
            default: rc.set(0, c())
            }
        }
        guard let x = ra.values().first, let y = rb.values().first, let z = rc.values().first else {
            preconditionFailure("the three pieces of work ran")
        }
        return (x, y, z)
    }

    /// Runs two independent pieces of work at once, one per core.
    public static func both<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
        let (x, y, _) = three(a, b, {})
        return (x, y)
    }

    /// What the threads of `inOrder` share, under its condition's lock.
    final class InOrderState<R>: @unchecked Sendable {
        let condition = NSCondition()
        var made: [Int: R] = [:]
        var next = 0, written = 0, stopped = false

        /// The next part to make, taken, if there is one and the window allows it (lock held).
        func claim(count: Int, window: Int) -> Int? {
            guard next < count, next - written < window else { return nil }
            defer { next += 1 }
            return next
        }

        /// Makes part `k` with the lock let go, then stores it and wakes the others (called and
        /// returning with the lock held).
        func makePart(_ k: Int, _ make: (Int) -> R) {
            condition.unlock()
            let part = make(k)
            condition.lock()
            made[k] = part
            condition.broadcast()
        }
    }

    final class ResultBox<R>: @unchecked Sendable {
        /// Read and written under the lock only (so without the runtime's checks of exclusive
        /// access, which cost more than the lock for each of a feed's keys).
        @exclusivity(unchecked) private var storage: [R?]
        private let lock = NSLock()
        init(count: Int) { storage = [R?](repeating: nil, count: count) }
        func set(_ i: Int, _ v: R) { lock.withLock { storage[i] = v } }
        /// `values` stored from `start` on.
        func set(from start: Int, _ values: [R]) {
            lock.withLock { for (k, v) in values.enumerated() { storage[start + k] = v } }
        }
        /// The results, moved out (once: the box is empty after): copying 10,000 articles out
        /// and freeing the box's copies cost a rebuild 15 ms of retains and releases.
        func values() -> [R] {
            lock.withLock {
                var out: [R] = []
                out.reserveCapacity(storage.count)
                for i in storage.indices { if let v = storage[i].take() { out.append(v) } }
                return out
            }
        }
    }
}
