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
    }

    /// How much analysis (tokens, mostly: about twenty bytes per byte of text) may be kept
    /// between the two passes. Beyond it an article's paragraphs are tokenized again in the second
    /// pass (its names and mentions are kept), so that a dossier of 100,000 articles does not hold
    /// every token at once.
    public var analysisBudget = 48 << 20

    public func extract(_ articles: [Article], registry: [RegistryEntry] = [], progress: BuildProgress = NoProgress()) -> Output {
        let analyzer = Analyzer(grammar: grammar)
        progress.begin("extract", total: articles.count * 2)
        let budget = Budget(analysisBudget)
        // Pass 1: every article's names and mentions (kept), and its analysis while the budget
        // lasts. The dossier's lower-case words, gathered as they come: each article's own set
        // would weigh more than its text.
        let lowercase = WordSet()
        let first = Parallel.map(articles) { a -> (sheet: NameSheet, analysis: ArticleAnalysis?, mentions: [Mention]) in
            defer { progress.advance() }
            let analysis = analyzer.analyze(a)
            lowercase.add(analysis.lowercaseWords)
            let cost = a.paragraphs.reduce(0) { $0 + $1.text.utf8.count } * 20
            return budget.take(cost) ? (analysis.sheet, analysis, []) : (analysis.sheet, nil, analysis.mentions)
        }
        let sheets = first.map(\.sheet)
        let resolution = PeopleResolver(grammar: grammar).resolve(sheets, lowercase: lowercase.words, registry: registry)
        let attributor = Attributor(grammar: grammar)
        let people = resolution.people
        let roles = Attributor.RoleIndex(people)
        let events = EventFinder()
        // Pass 2: quotes and events, each article on its own (the result is the same whether its
        // analysis was kept or its paragraphs are made again).
        let outputs = Parallel.map(Array(articles.indices)) { i -> (Attributor.Output, [Event]) in
            defer { progress.advance() }
            let analysis = first[i].analysis ?? analyzer.analyze(articles[i], names: first[i].sheet.names, mentions: first[i].mentions)
            return (attributor.attribute(article: articles[i], analysis: analysis, personOfName: resolution.personOfName[i], people: people,
                                         roles: roles),
                    events.events(of: articles[i], analysis: analysis, personOfName: resolution.personOfName[i], people: people))
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
        return Output(people: people, quotes: outputs.flatMap(\.0.quotes), reported: outputs.flatMap(\.0.reported),
                      articlePeople: articlePeople, ambiguous: resolution.ambiguous, diagnostics: resolution.diagnostics,
                      events: outputs.flatMap(\.1))
    }
}

/// A set of words that worker threads add to.
final class WordSet: @unchecked Sendable {
    private var set = Set<UInt64>()
    private let lock = NSLock()
    func add(_ words: Set<UInt64>) { lock.withLock { set.formUnion(words) } }
    var words: Set<UInt64> { lock.withLock { set } }
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
                for i in start..<min(start + chunk, items.count) { results.set(i, transform(items[i])) }
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
    public static func map<T: Sendable, R: Sendable>(_ first: [T], _ second: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let results = ResultBox<R>(count: first.count + second.count)
        let workers = min(first.count + second.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        guard workers > 1 else { return (first + second).map(transform) }
        let nextFirst = Counter(), nextSecond = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let lists = w % 2 == 0 ? [(first, nextFirst, 0), (second, nextSecond, first.count)] : [(second, nextSecond, first.count), (first, nextFirst, 0)]
            for (items, next, offset) in lists {
                while true {
                    let i = next.take(1)
                    if i >= items.count { break }
                    results.set(offset + i, transform(items[i]))
                }
            }
        }
        return results.values()
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

    final class ResultBox<R>: @unchecked Sendable {
        private var storage: [R?]
        private let lock = NSLock()
        init(count: Int) { storage = [R?](repeating: nil, count: count) }
        func set(_ i: Int, _ v: R) { lock.withLock { storage[i] = v } }
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
