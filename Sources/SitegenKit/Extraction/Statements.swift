import Foundation

/// Groups the quotes that report the same statement in different articles, cut or translated
/// differently (« nous la soutiendrons aussi » and « Je la soutiendrai également »). Only quotes of
/// the same speaker are compared, and only through the content words they share (an inverted
/// index), so the work stays near-linear in the number of quotes.
public struct StatementGrouper: Sendable {
    let stopwords: WordTable
    let synonyms: [String: String]

    public init(lexicon: Lexicon = .standard) {
        let stop = lexicon.foldedSet("statement.stopwords")
        stopwords = WordTable(stop)
        var syn: [String: String] = [:]
        for line in lexicon["synonyms"] {
            let forms = line.split(separator: "|").map { Text.fold($0.trimmingCharacters(in: .whitespaces)) }
            guard let first = forms.first else { continue }
            for f in forms { syn[f] = first }
        }
        synonyms = syn
    }

    /// Content-word stems: folded, function words left out, synonyms made one, cut to five letters
    /// ("soutiendrons" and "soutiendrai" are both "souti").
    public func stems(_ text: String) -> Set<String> {
        var out = Set<String>()
        let folded = Text.fold(text)
        func add(_ w: String) {
            var word = w
            if let same = synonyms[word] {
                word = same
            } else {
                if word.count < 3 && !word.allSatisfy(\.isNumber) { return }
                if stopwords.contains(word) { return }
            }
            out.insert(String(word.prefix(5)))
        }
        // A text of scalars below U+0300 (most folded text): each scalar is a character, and a
        // character is a letter or a number as its scalar is, so words are cut scalar by scalar.
        if Text.allBytes(folded, { $0 < 0xCC }) {
            let view = folded.unicodeScalars
            var start: String.UnicodeScalarView.Index?
            var i = view.startIndex
            while i < view.endIndex {
                if Scalars.isLetterOrNumber(view[i]) {
                    if start == nil { start = i }
                } else if let s = start {
                    add(String(view[s..<i]))
                    start = nil
                }
                view.formIndex(after: &i)
            }
            if let s = start { add(String(view[s..<view.endIndex])) }
            return out
        }
        for w in folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) { add(String(w)) }
        return out
    }

    /// Groups of quote ids (two or more quotes, from two or more articles), in dossier order.
    public func group(_ quotes: [Quote]) -> [[String]] {
        var parent = Array(quotes.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        let bySpeaker = Dictionary(grouping: quotes.indices.filter { quotes[$0].kind != .indirect && (quotes[$0].speaker ?? quotes[$0].speakerName) != nil },
                                   by: { quotes[$0].speaker ?? "name:" + Text.fold(quotes[$0].speakerName ?? "") })
        // Articles as numbers: the inner loop compares them without copying quotes.
        var articleNumbers: [String: Int] = [:]
        let articleOf = quotes.map { q in
            if let n = articleNumbers[q.article] { return n }
            articleNumbers[q.article] = articleNumbers.count
            return articleNumbers.count - 1
        }
        // Each speaker's quotes are compared on their own, on all cores; their groups are joined after.
        let speakers = bySpeaker.sorted(by: { $0.key < $1.key }).map(\.value).filter { $0.count > 1 }
        let pairs = Parallel.map(speakers, chunk: 1) { indices -> [(Int, Int)] in
            let stemSets = indices.map { stems(quotes[$0].text) }
            var postings: [String: [Int]] = [:]
            var position: [[String: Int]] = Array(repeating: [:], count: stemSets.count)
            for (k, set) in stemSets.enumerated() {
                for s in set {
                    position[k][s] = postings[s, default: []].count
                    postings[s, default: []].append(k)
                }
            }
            // How many stems each other quote shares with the current one, and which were touched.
            var shared = [Int](repeating: 0, count: indices.count)
            var touched: [Int] = []
            // The speaker's own groups (speakers share no quote): each quote's group, by position.
            var local = Array(indices.indices)
            func root(_ i: Int) -> Int {
                var i = i
                while local[i] != i { local[i] = local[local[i]]; i = local[i] }
                return i
            }
            // Each quote meets the next `window` quotes of each of its stems' lists: the work is
            // bounded, and a statement repeated by hundreds of articles still chains into one group.
            let window = 64
            for (k, set) in stemSets.enumerated() {
                for s in set {
                    guard let list = postings[s], let at = position[k][s] else { continue }
                    for other in list[(at + 1)..<min(list.count, at + 1 + window)] {
                        if shared[other] == 0 { touched.append(other) }
                        shared[other] += 1
                    }
                }
                for other in touched {
                    let n = shared[other]
                    shared[other] = 0
                    guard articleOf[indices[k]] != articleOf[indices[other]] else { continue }
                    let smaller = min(set.count, stemSets[other].count)
                    if n >= 2 && Double(n) >= 0.6 * Double(smaller) { local[root(k)] = root(other) }
                }
                touched.removeAll(keepingCapacity: true)
            }
            // At most one pair per quote: the quote and its group's first member found.
            return local.indices.compactMap { k in root(k) == k ? nil : (indices[k], indices[root(k)]) }
        }
        for list in pairs { for (a, b) in list { parent[find(a)] = find(b) } }
        var groups: [Int: [Int]] = [:]
        for i in quotes.indices { groups[find(i), default: []].append(i) }
        return groups.values
            .filter { g in g.count > 1 && Set(g.map { quotes[$0].article }).count > 1 }
            .map { $0.sorted() }
            .sorted { ($0.first ?? 0) < ($1.first ?? 0) }
            .map { $0.map { quotes[$0].id } }
    }
}
