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

    public func extract(_ articles: [Article], registry: [RegistryEntry] = [], progress: BuildProgress = NoProgress()) -> Output {
        let analyzer = Analyzer(grammar: grammar)
        progress.begin("extract", total: articles.count * 2)
        let analyses = Parallel.map(articles) { a in
            defer { progress.advance() }
            return analyzer.analyze(a)
        }
        let resolution = PeopleResolver(grammar: grammar).resolve(analyses, registry: registry)
        let attributor = Attributor(grammar: grammar)
        let people = resolution.people
        let events = EventFinder()
        let outputs = Parallel.map(Array(articles.indices)) { i -> (Attributor.Output, [Event]) in
            defer { progress.advance() }
            return (attributor.attribute(article: articles[i], analysis: analyses[i], personOfName: resolution.personOfName[i], people: people),
             events.events(of: articles[i], analysis: analyses[i], personOfName: resolution.personOfName[i], people: people))
        }
        var articlePeople: [String: [String]] = [:]
        for (i, a) in analyses.enumerated() {
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

/// Maps over an array on all cores, keeping the order. Work items must be independent.
public enum Parallel {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let results = ResultBox<R>(count: items.count)
        let workers = min(items.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let chunk = max(1, items.count / (workers * 8))
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

    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func take(_ n: Int) -> Int { lock.withLock { let v = value; value += n; return v } }
    }

    final class ResultBox<R>: @unchecked Sendable {
        private var storage: [R?]
        private let lock = NSLock()
        init(count: Int) { storage = [R?](repeating: nil, count: count) }
        func set(_ i: Int, _ v: R) { lock.withLock { storage[i] = v } }
        func values() -> [R] { storage.compactMap { $0 } }
    }
}
