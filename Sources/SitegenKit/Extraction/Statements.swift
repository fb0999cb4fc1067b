import Foundation

/// Groups the quotes that report the same statement in different articles, cut or translated
/// differently (« nous la soutiendrons aussi » and « Je la soutiendrai également »). Only quotes of
/// the same speaker are compared, and only through the content words they share (an inverted
/// index), so the work stays near-linear in the number of quotes. A group is the quotes that say
/// what its first quote says: likeness is not passed on from quote to quote.
public struct StatementGrouper: Sendable {
    let stopwords: WordTable
    let synonyms: [String: String]
    /// The words of `synonyms`: most words are none, and the table says so without hashing them.
    let synonymWords: WordTable

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
        synonymWords = WordTable(Set(syn.keys))
    }

    /// Content-word stems: folded, function words left out, synonyms made one, cut to five letters
    /// ("soutiendrons" and "soutiendrai" are both "souti").
    public func stems(_ text: String) -> Set<String> { Set(stemList(text)) }

    /// `stems` in the order of the text, a stem as many times as it comes (for a caller that
    /// numbers them and so needs no set of strings).
    func stemList(_ text: String) -> [String] {
        let folded = Text.fold(text)
        // A text of one scalar per character (`Text.mayJoinScalars`; most folded text): a
        // character is a letter or a number as its scalar is, so words are cut, counted and
        // headed scalar by scalar, on the bytes.
        if Text.allBytes(folded, { !Text.mayJoinScalars($0) }) { return stemsByScalars(folded) }
        return stemsByCharacters(folded)
    }

    /// The stem of a word (its UTF-8; `count` characters, all numbers or not), or nil for a word
    /// left out: a synonym's first form, else the word's first five characters (`head`), unless
    /// it is short (under three characters, not a number) or a function word.
    private func stem(_ word: UnsafeBufferPointer<UInt8>, count: Int, numbers: Bool, head: () -> String) -> String? {
        if synonymWords.contains(utf8: word), let same = synonyms[String(decoding: word, as: UTF8.self)] { return String(same.prefix(5)) }
        if count < 3 && !numbers { return nil }
        if stopwords.contains(utf8: word) { return nil }
        return head()
    }

    /// `stemList` of a folded text, its words cut between characters (any text).
    func stemsByCharacters(_ folded: String) -> [String] {
        var out: [String] = []
        for w in folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            let word = String(w)
            var bytes = word
            let kept = bytes.withUTF8 { stem($0, count: word.count, numbers: word.allSatisfy(\.isNumber), head: { String(word.prefix(5)) }) }
            if let kept { out.append(kept) }
        }
        return out
    }

    /// `stemsByCharacters` of a folded text of one scalar per character, read on its bytes: a word
    /// is looked up in the tables as bytes, and only a stem kept is made a string (most words are
    /// function words).
    func stemsByScalars(_ folded: String) -> [String] {
        var text = folded
        return text.withUTF8 { b in
            var out: [String] = []
            /// The word is bytes `s..<e`, of `count` scalars, all numbers or not; its first five end at `headEnd`.
            func end(_ s: Int, _ e: Int, count: Int, numbers: Bool, headEnd: Int) {
                let head = { String(decoding: b[s..<(count > 5 ? headEnd : e)], as: UTF8.self) }
                if let kept = stem(UnsafeBufferPointer(rebasing: b[s..<e]), count: count, numbers: numbers, head: head) { out.append(kept) }
            }
            var start = -1, count = 0, numbers = true, headEnd = 0
            var i = 0
            while i < b.count {
                let (c, n) = Scalars.decode(b, i)
                if Scalars.isLetterOrNumber(c) {
                    if start < 0 { start = i; count = 0; numbers = true }
                    count += 1
                    if !Scalars.isNumber(c) { numbers = false }
                    i += n
                    if count == 5 { headEnd = i }
                } else {
                    if start >= 0 { end(start, i, count: count, numbers: numbers, headEnd: headEnd) }
                    start = -1
                    i += n
                }
            }
            if start >= 0 { end(start, b.count, count: count, numbers: numbers, headEnd: headEnd) }
            return out
        }
    }

    /// How many numbers two sorted lists share.
    static func sharedCount(_ a: [Int], _ b: [Int]) -> Int {
        var i = 0, j = 0, n = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { n += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return n
    }

    /// Groups of quote ids (two or more quotes, from two or more articles), in dossier order.
    public func group(_ quotes: [Quote]) -> [[String]] { group(quotes, known: [:]).groups }

    /// One speaker's grouping: each member's place among the speaker's quotes, and its leader's.
    public typealias Links = [(member: Int, leader: Int)]

    /// The groups, and each speaker's links by the key of the speaker's quotes (`speakerKey`):
    /// a speaker whose key is in `known` is not compared again, so that after an edit only the
    /// quotes of the speakers it touched are.
    public func group(_ quotes: [Quote], known: [UInt64: Links]) -> (groups: [[String]], bySpeaker: [UInt64: Links]) {
        let bySpeaker = Grouping.indices(quotes.indices) { i in
            quotes[i].kind == .indirect ? nil : quotes[i].speaker ?? quotes[i].speakerName.map { "name:" + Text.fold($0) }
        }
        // Articles as numbers: the inner loop compares them without copying quotes (nor does
        // this: a quote mapped is a quote copied, each of its strings retained).
        var articleNumbers: [String: Int] = [:]
        let articleOf = quotes.indices.map { i in
            if let n = articleNumbers[quotes[i].article] { return n }
            articleNumbers[quotes[i].article] = articleNumbers.count
            return articleNumbers.count - 1
        }
        // Each speaker's quotes are compared on their own, on all cores; their groups are joined after.
        let speakers = bySpeaker.sorted(by: { $0.key < $1.key }).filter { $0.value.count > 1 }
        let links = Parallel.map(speakers, chunk: 1) { speaker -> (UInt64, Links) in
            let indices = speaker.value
            let key = Self.speakerKey(speaker.key, indices, in: quotes)
            if let links = known[key] { return (key, links) }
            return (key, compare(indices, quotes: quotes, articleOf: articleOf))
        }
        // Each quote's leader (its own index for a leader): speakers share no quote.
        var leaderOf = Array(quotes.indices)
        for (speaker, (_, list)) in zip(speakers, links) {
            // (Links from a damaged cache that point outside the speaker's quotes are left out.)
            for (member, leader) in list where speaker.value.indices.contains(member) && speaker.value.indices.contains(leader) {
                leaderOf[speaker.value[member]] = speaker.value[leader]
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in quotes.indices { groups[leaderOf[i], default: []].append(i) }
        let out = groups.values
            .filter { g in g.count > 1 && Set(g.map { quotes[$0].article }).count > 1 }
            .map { $0.sorted() }
            .sorted { ($0.first ?? 0) < ($1.first ?? 0) }
            .map { $0.map { quotes[$0].id } }
        return (out, Dictionary(links, uniquingKeysWith: { a, _ in a }))
    }

    /// What a speaker's grouping is made of: who (the speaker's id, or folded name), and each of
    /// their quotes' id, article and text, in dossier order.
    static func speakerKey(_ speaker: String, _ indices: [Int], in quotes: [Quote]) -> UInt64 {
        var h = StableHash()
        h.add(speaker)
        for i in indices {
            h.add(quotes[i].id)
            h.add(quotes[i].article)
            h.add(quotes[i].text)
        }
        return h.value
    }

    /// One speaker's quotes (`indices`, in dossier order) compared: each member's place in
    /// `indices` with its leader's.
    func compare(_ indices: [Int], quotes: [Quote], articleOf: [Int]) -> Links {
        // Stems as numbers, each quote's sorted: two quotes' shared stems are counted by a merge.
        var stemNumbers: [String: Int] = [:]
        let stemSets: [[Int]] = indices.map { i in
            var numbers = stemList(quotes[i].text).map { s in
                if let n = stemNumbers[s] { return n }
                stemNumbers[s] = stemNumbers.count
                return stemNumbers.count - 1
            }
            // Each stem once, as the set of stems has it.
            numbers.sortAndRemoveDuplicates()
            return numbers
        }
        // Each group has a leader, its first quote in dossier order; the quotes of each stem's
        // leaders, in order.
        var postings = [[Int]](repeating: [], count: stemNumbers.count)
        var leader = Array(indices.indices)
        var seen = [Bool](repeating: false, count: indices.count)
        var candidates: [Int] = []
        // A quote is compared with the last `window` leaders of each of its stems: the work is
        // bounded, and a statement repeated by hundreds of articles still has one leader.
        let window = 64
        for (k, set) in stemSets.enumerated() {
            for s in set {
                for l in postings[s].suffix(window) where !seen[l] {
                    seen[l] = true
                    candidates.append(l)
                }
            }
            // A quote joins the group whose leader says the same thing (the closest one, the
            // earliest of equals), never by way of another member: « A » and « A. Nous le disons
            // clairement. » are one statement, « B. Nous le disons clairement. » another.
            var best: (leader: Int, score: Double)?
            for l in candidates {
                seen[l] = false
                guard articleOf[indices[k]] != articleOf[indices[l]] else { continue }
                let n = Self.sharedCount(set, stemSets[l])
                guard n >= 2, Double(n) >= 0.6 * Double(min(set.count, stemSets[l].count)) else { continue }
                let score = Double(n) / Double(max(set.count, stemSets[l].count))
                if let b = best, b.score > score || (b.score == score && b.leader < l) { continue }
                best = (l, score)
            }
            candidates.removeAll(keepingCapacity: true)
            if let b = best {
                leader[k] = b.leader
            } else {
                for s in set { postings[s].append(k) }
            }
        }
        return leader.indices.compactMap { k in leader[k] == k ? nil : (k, leader[k]) }
    }
}
