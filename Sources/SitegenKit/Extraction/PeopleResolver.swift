import Foundation

/// Decides who is who across the dossier: "Vladimir Poutine", "Poutine", "M. Poutine" and "Putin"
/// are one person; "Joe Biden" and "Hunter Biden" are two, and a bare "Biden" goes to the nearest
/// full mention in its article, or stays unresolved.
public struct PeopleResolver: Sendable {
    let g: Grammar

    public init(grammar: Grammar) { g = grammar }

    public struct Resolution: Sendable {
        public var people: [Person]
        /// For each article (same order as the input), person index of each name mention, or nil.
        public var personOfName: [[Int?]]
        /// Names that could be more than one person, for the build's report.
        public var ambiguous: [(article: String, name: String)]
    }

    /// One full name found in the dossier: a first name (maybe empty) and a surname.
    struct Cluster {
        var surnameKey: String
        var firstKey: String
        var mentions: [(article: Int, name: Int)] = []
    }

    func key(_ words: [String]) -> String {
        words.map { g.canonicalWord(Text.fold($0)) }.joined(separator: " ")
    }

    /// Splits a multi-word name into first name and surname keys.
    func split(_ m: NameMention) -> (first: String, surname: String) {
        let ws = m.words
        if ws.count == 1 { return ("", key(ws)) }
        // "Kim Jong-un"-like names and names with particles keep everything after the first word.
        return (key([ws[0]]), key(Array(ws.dropFirst())))
    }

    public func resolve(_ analyses: [ArticleAnalysis]) -> Resolution {
        // Words the dossier writes in lower case are common nouns, not names.
        var lowercase = Set<String>()
        for a in analyses { lowercase.formUnion(a.lowercaseWords) }

        var clusters: [Cluster] = []
        var clusterIndex: [String: Int] = [:] // "first|surname" -> cluster
        var bySurname: [String: [Int]] = [:]
        // Last word of compound surnames ("le pen" -> "pen"), so that a bare "Pen" finds them in one look-up.
        var byLastWord: [String: [Int]] = [:]
        var personOfName: [[Int?]] = analyses.map { [Int?](repeating: nil, count: $0.names.count) }
        var clusterOfName: [[Int?]] = personOfName

        func accepts(_ m: NameMention) -> Bool {
            guard m.words.count >= 2 else { return false }
            if m.strength == .strong { return true }
            // A weak name: no word may be a common noun of the dossier.
            return !m.words.contains { lowercase.contains(Text.fold($0)) }
        }

        // 1. Full names, in dossier order.
        for (ai, a) in analyses.enumerated() {
            for (ni, m) in a.names.enumerated() where accepts(m) {
                let (first, surname) = split(m)
                let k = first + "|" + surname
                let ci: Int
                if let existing = clusterIndex[k] {
                    ci = existing
                } else if first.count <= 2, let cands = bySurname[surname],
                          let match = cands.first(where: { clusters[$0].firstKey.hasPrefix(first.prefix(1)) }), cands.count == 1 {
                    ci = match // "J. Biden"
                } else {
                    ci = clusters.count
                    clusters.append(Cluster(surnameKey: surname, firstKey: first))
                    clusterIndex[k] = ci
                    bySurname[surname, default: []].append(ci)
                    if let last = surname.split(separator: " ").last, last.count < surname.count {
                        byLastWord[String(last), default: []].append(ci)
                    }
                }
                clusters[ci].mentions.append((ai, ni))
                clusterOfName[ai][ni] = ci
            }
        }
        // A full name whose surname is itself a full name's surname-and-more is still the same
        // person only by exact key; nothing else merges full names.

        // 2. Bare names and titled surnames.
        var ambiguous: [(String, String)] = []
        var firstNameIndex: [String: [Int]] = [:]
        for (ci, c) in clusters.enumerated() where !c.firstKey.isEmpty { firstNameIndex[c.firstKey, default: []].append(ci) }
        for (ai, a) in analyses.enumerated() {
            let inArticle = Set(clusterOfName[ai].compactMap { $0 })
            for (ni, m) in a.names.enumerated() where clusterOfName[ai][ni] == nil {
                let k = key(m.words)
                // The surname of known people (or the end of a compound surname).
                var cands = bySurname[k] ?? []
                if cands.isEmpty, m.words.count == 1 {
                    cands = byLastWord[k] ?? []
                }
                if !cands.isEmpty {
                    if cands.count == 1 {
                        clusterOfName[ai][ni] = cands[0]
                    } else if let near = nearestFullMention(cands, in: a, before: m, clusterOfName: clusterOfName[ai]) {
                        clusterOfName[ai][ni] = near
                    } else {
                        let here = cands.filter { inArticle.contains($0) }
                        if here.count == 1 { clusterOfName[ai][ni] = here[0] } else { ambiguous.append((a.articleID, m.surface)) }
                    }
                    continue
                }
                // A first name alone, when one person of the article (or the dossier) bears it: "Kamala".
                if m.words.count == 1, g.isFirstName(k) {
                    let byFirst = firstNameIndex[k] ?? []
                    let here = byFirst.filter { inArticle.contains($0) }
                    if here.count == 1 { clusterOfName[ai][ni] = here[0]; continue }
                    if byFirst.count == 1 { clusterOfName[ai][ni] = byFirst[0]; continue }
                }
                // "M. Dupont" with no full name anywhere: a person known by surname only.
                if m.title != nil, !g.places.contains(k), !g.organisations.contains(k) {
                    let ck = "|" + k
                    let ci = clusterIndex[ck] ?? {
                        clusters.append(Cluster(surnameKey: k, firstKey: ""))
                        clusterIndex[ck] = clusters.count - 1
                        bySurname[k, default: []].append(clusters.count - 1)
                        return clusters.count - 1
                    }()
                    clusters[ci].mentions.append((ai, ni))
                    clusterOfName[ai][ni] = ci
                }
            }
        }
        for ai in analyses.indices {
            for ni in analyses[ai].names.indices {
                if let ci = clusterOfName[ai][ni], !clusters[ci].mentions.contains(where: { $0.article == ai && $0.name == ni }) {
                    clusters[ci].mentions.append((ai, ni))
                }
            }
        }

        // 3. People: canonical name, aliases, gender, roles, articles; ids from names.
        var people: [Person] = []
        var usedIDs = Set<String>()
        var personOfCluster: [Int: Int] = [:]
        for (ci, c) in clusters.enumerated() {
            var surfaceCounts: [String: Int] = [:]
            var fullCounts: [String: Int] = [:]
            var genders: [Gender: Int] = [:]
            var roles: [Person.Role] = []
            var articles: [String] = []
            for (ai, ni) in c.mentions {
                let m = analyses[ai].names[ni]
                surfaceCounts[m.surface, default: 0] += 1
                if m.words.count >= 2 { fullCounts[m.name, default: 0] += 1 }
                if m.gender != .unknown { genders[m.gender, default: 0] += 1 }
                if let r = m.role {
                    let role = Person.Role(text: r, article: analyses[ai].articleID)
                    if !roles.contains(role) { roles.append(role) }
                }
                let aid = analyses[ai].articleID
                if !articles.contains(aid) { articles.append(aid) }
            }
            let pool = fullCounts.isEmpty ? surfaceCounts.filter { !$0.key.contains(".") } : fullCounts
            // The commonest full form; then the longest; then the first in alphabetical order.
            let ranked = (pool.isEmpty ? surfaceCounts : pool).sorted { a, b in
                if a.value != b.value { return a.value > b.value }
                if a.key.count != b.key.count { return a.key.count > b.key.count }
                return a.key < b.key
            }
            guard let name = ranked.first?.key else { continue }
            var names = Set(surfaceCounts.keys)
            for (ai, ni) in c.mentions { names.insert(analyses[ai].names[ni].name) }
            names.remove(name)
            let gender: Gender = (genders[.male] ?? 0) > (genders[.female] ?? 0) ? .male : (genders[.female] ?? 0) > (genders[.male] ?? 0) ? .female : .unknown
            var id = Text.slug(name)
            if id.isEmpty { id = "person" }
            var n = 2
            let baseID = id
            while usedIDs.contains(id) { id = "\(baseID)-\(n)"; n += 1 }
            usedIDs.insert(id)
            personOfCluster[ci] = people.count
            people.append(Person(id: id, name: name, aliases: names.sorted(), roles: roles, articles: articles, gender: gender))
        }
        for ai in analyses.indices {
            for ni in analyses[ai].names.indices {
                personOfName[ai][ni] = clusterOfName[ai][ni].flatMap { personOfCluster[$0] }
            }
        }
        // Articles of each person in dossier order.
        let order = Dictionary(uniqueKeysWithValues: analyses.enumerated().map { ($1.articleID, $0) })
        for i in people.indices { people[i].articles.sort { (order[$0] ?? 0) < (order[$1] ?? 0) } }
        return Resolution(people: people, personOfName: personOfName, ambiguous: ambiguous)
    }

    /// The cluster of the closest full mention before `m` in the same article, among `cands`.
    func nearestFullMention(_ cands: [Int], in a: ArticleAnalysis, before m: NameMention, clusterOfName: [Int?]) -> Int? {
        var best: (Int, Int)? // (distance, cluster)
        for (ni, other) in a.names.enumerated() {
            guard let ci = clusterOfName[ni], cands.contains(ci), other.words.count >= 2 else { continue }
            let before = other.paragraph < m.paragraph || (other.paragraph == m.paragraph && other.lo < m.lo)
            guard before else { continue }
            let distance = (m.paragraph - other.paragraph) * 10_000 + (m.lo - other.lo)
            if best == nil || distance < (best?.0 ?? .max) { best = (distance, ci) }
        }
        return best?.1
    }
}
