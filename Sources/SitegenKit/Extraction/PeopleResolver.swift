import Foundation

/// Decides who is who across the dossier: "Vladimir Poutine", "Poutine", "M. Poutine" and "Putin"
/// are one person; "Joe Biden" and "Hunter Biden" are two, and a bare "Biden" goes to the nearest
/// full mention in its article, or stays unresolved.
public struct PeopleResolver: Sendable {
    let g: Grammar

    public init(grammar: Grammar) { g = grammar }

    public struct Resolution: Sendable {
        public var people: [Person]
        public var diagnostics: [Diagnostic] = []
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

    /// A name's keys: a full name's first name and surname (grouped in step 1), another's words
    /// (looked up in step 2).
    enum NameKey: Sendable {
        case full(first: String, surname: String)
        case other(String)
    }

    /// A full name that stands for a person on its own: two words at least, not a title and a
    /// particle ("Mme Le Pen", "M. de Villepin"); a weak one only when none of its words is a
    /// common noun of the dossier.
    func accepts(_ m: NameMention, lowercase: [UInt64: Int]) -> Bool {
        guard m.words.count >= 2 else { return false }
        if m.title != nil, let first = m.words.first, g.particles.contains(Text.fold(first)) { return false }
        if m.strength == .strong { return true }
        return !m.words.contains { lowercase[Text.wordHash(Text.fold($0))] != nil }
    }

    /// What a cluster's mentions say of their person, in the order of the mentions.
    struct Summary: Sendable {
        /// The commonest full form; then the longest; then the first in alphabetical order.
        var detectedName: String?
        /// Every form it is named by (as written, and without the title).
        var names: Set<String> = []
        var genders: [Gender: Int] = [:]
        var roles: [Person.Role] = []
        /// Article ids, in the order of the mentions.
        var articles: [String] = []
    }

    func summarize(_ c: Cluster, _ analyses: [NameSheet]) -> Summary {
        var out = Summary()
        var surfaceCounts: [String: Int] = [:]
        var fullCounts: [String: Int] = [:]
        // What the lists hold, to look up: a person named in thousands of articles made each
        // look-up a walk through the list (quadratic in the dossier's size).
        var roleSet = Set<Person.Role>(), articlesWithRole = Set<String>(), articleSet = Set<String>()
        for (ai, ni) in c.mentions {
            let a = analyses[ai]
            let m = a.names[ni]
            let aid = a.articleID
            let name = m.name
            surfaceCounts[m.title == nil ? name : m.surface, default: 0] += 1
            out.names.insert(name)
            if m.words.count >= 2 { fullCounts[name, default: 0] += 1 }
            if m.gender != .unknown { out.genders[m.gender, default: 0] += 1 }
            // A role read in a title or caption only when the article's text gave none.
            if let r = m.role, !(m.inTitle && articlesWithRole.contains(aid)) {
                let role = Person.Role(text: r, article: aid)
                if roleSet.insert(role).inserted {
                    out.roles.append(role)
                    articlesWithRole.insert(aid)
                }
            }
            if articleSet.insert(aid).inserted { out.articles.append(aid) }
        }
        out.names.formUnion(surfaceCounts.keys)
        let pool = fullCounts.isEmpty ? surfaceCounts.filter { !$0.key.contains(".") } : fullCounts
        // Of names as frequent, one without a middle initial ("Donald Trump", not "Donald J. Trump").
        func hasInitial(_ name: String) -> Bool { name.split(separator: " ").contains { $0.count == 2 && $0.hasSuffix(".") } }
        let ranked = (pool.isEmpty ? surfaceCounts : pool).sorted { a, b in
            if a.value != b.value { return a.value > b.value }
            if hasInitial(a.key) != hasInitial(b.key) { return !hasInitial(a.key) }
            if a.key.count != b.key.count { return a.key.count > b.key.count }
            return a.key < b.key
        }
        out.detectedName = ranked.first?.key
        return out
    }

    func key(_ words: [String]) -> String {
        words.map { g.canonicalWord(Text.fold($0)) }.joined(separator: " ")
    }

    /// Splits a multi-word name into first name and surname keys.
    func split(_ m: NameMention) -> (first: String, surname: String) {
        let ws = m.words
        if ws.count == 1 { return ("", key(ws)) }
        // "Kim Jong-un"-like names and names with particles keep everything after the first word,
        // but a middle initial or a patronymic: "Donald J. Trump" is "Donald Trump", "Vladimir
        // Vladimirovitch Poutine" is "Vladimir Poutine".
        var rest = Array(ws.dropFirst())
        if rest.count >= 2 {
            let kept = rest.enumerated().filter { i, w in
                !(w.count <= 2 && w.hasSuffix(".") && (w.first?.isUppercase ?? false))
                    && !(i < rest.count - 1 && w.count > 6 && { let f = Text.fold(w); return g.patronymicSuffixes.contains { f.hasSuffix($0) } }())
            }.map(\.element)
            if !kept.isEmpty { rest = kept }
        }
        return (key([ws[0]]), key(rest))
    }

    /// `lowercase`: the words the dossier writes in lower case, which are common nouns, not names
    /// (folded, by `Text.wordHash`), with how many articles write each.
    public func resolve(_ analyses: [NameSheet], lowercase: [UInt64: Int], registry: [RegistryEntry] = []) -> Resolution {

        var clusters: [Cluster] = []
        var clusterIndex: [String: Int] = [:] // "first|surname" -> cluster
        var bySurname: [String: [Int]] = [:]
        // Last word of compound surnames ("le pen" -> "pen"), so that a bare "Pen" finds them in one look-up.
        var byLastWord: [String: [Int]] = [:]
        var personOfName: [[Int?]] = analyses.map { [Int?](repeating: nil, count: $0.names.count) }
        var clusterOfName: [[Int?]] = personOfName

        // The registry's names and aliases take part in the grouping: its forms join its person.
        var registryOfCluster: [Int: RegistryEntry] = [:]
        var aliasCluster: [String: Int] = [:]
        var bareAlias: [String: Int] = [:]
        func newCluster(first: String, surname: String) -> Int {
            let k = first + "|" + surname
            if let ci = clusterIndex[k] { return ci }
            clusters.append(Cluster(surnameKey: surname, firstKey: first))
            let ci = clusters.count - 1
            clusterIndex[k] = ci
            bySurname[surname, default: []].append(ci)
            if let last = surname.split(separator: " ").last, last.count < surname.count { byLastWord[String(last), default: []].append(ci) }
            return ci
        }
        for entry in registry where !entry.notAPerson {
            let forms = ([entry.name].compactMap { $0 } + entry.aliases).map { $0.split(separator: " ").map(String.init) }.filter { !$0.isEmpty }
            guard let main = forms.first(where: { $0.count >= 2 }) ?? forms.first else { continue }
            let ci = main.count >= 2 ? newCluster(first: key([main[0]]), surname: key(Array(main.dropFirst()))) : newCluster(first: "", surname: key(main))
            registryOfCluster[ci] = entry
            for f in forms {
                if f.count >= 2 { aliasCluster[key([f[0]]) + "|" + key(Array(f.dropFirst()))] = ci } else { bareAlias[key(f)] = ci }
            }
        }

        // Each name's keys, worked out on all cores: the grouping below only looks them up.
        let keys = Parallel.map(analyses) { a in
            a.names.map { m -> NameKey in
                guard self.accepts(m, lowercase: lowercase) else { return .other(self.key(m.words)) }
                let (first, surname) = self.split(m)
                return .full(first: first, surname: surname)
            }
        }

        // 1. Full names, in dossier order.
        for (ai, a) in analyses.enumerated() {
            for ni in a.names.indices {
                guard case .full(let first, let surname) = keys[ai][ni] else { continue }
                let k = first + "|" + surname
                let ci: Int
                if let aliased = aliasCluster[k] {
                    ci = aliased
                } else if let existing = clusterIndex[k] {
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
                guard case .other(let k) = keys[ai][ni] else { continue }
                if let ci = bareAlias[k] ?? (m.words.count >= 2 ? aliasCluster[key([m.words[0]]) + "|" + key(Array(m.words.dropFirst()))] : nil) {
                    clusterOfName[ai][ni] = ci
                    continue
                }
                // A lone place name after "à", "in", "at" is the place, even when a person bears it.
                if m.words.count == 1, m.title == nil, g.places.contains(k), a.locative.contains(ni) { continue }
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
                if m.title != nil, !g.isPlaceOrOrganisation(k) {
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
        // Every linked name in its cluster's mentions, once (a set of the ones already there).
        var present = Set<Int64>()
        for c in clusters { for m in c.mentions { present.insert(Int64(m.article) << 32 | Int64(m.name)) } }
        for ai in analyses.indices {
            for ni in analyses[ai].names.indices {
                if let ci = clusterOfName[ai][ni], present.insert(Int64(ai) << 32 | Int64(ni)).inserted {
                    clusters[ci].mentions.append((ai, ni))
                }
            }
        }

        // 3. People: canonical name, aliases, gender, roles, articles; ids from names. What each
        // cluster's mentions say is gathered once, on all cores.
        var summaries = Parallel.map(clusters, chunk: 1) { summarize($0, analyses) }
        // A detected person whose id is a registry file's name belongs to that registry entry,
        // even when the registry renames them.
        let entryByID = Dictionary(registry.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var clusterOfEntry: [String: Int] = [:]
        for (ci, e) in registryOfCluster { clusterOfEntry[e.id] = ci }
        for ci in clusters.indices where registryOfCluster[ci] == nil {
            guard let name = summaries[ci].detectedName, let entry = entryByID[Text.slug(name)] else { continue }
            if let target = clusterOfEntry[entry.id], target != ci {
                clusters[target].mentions += clusters[ci].mentions
                clusters[ci].mentions = []
                for (ai, ni) in clusters[target].mentions { clusterOfName[ai][ni] = target }
                summaries[target] = summarize(clusters[target], analyses)
                summaries[ci] = summarize(clusters[ci], analyses)
            } else {
                registryOfCluster[ci] = entry
                clusterOfEntry[entry.id] = ci
            }
        }

        var people: [Person] = []
        var usedIDs = Set(registryOfCluster.values.map(\.id))
        var personOfCluster: [Int: Int] = [:]
        for (ci, c) in clusters.enumerated() {
            let entry = registryOfCluster[ci]
            if c.mentions.isEmpty {
                guard let entry else { continue }
                // A person of the registry that no article names (yet).
                personOfCluster[ci] = people.count
                people.append(Person(id: entry.id, name: entry.name ?? entry.aliases.first ?? entry.id, aliases: entry.aliases.sorted(),
                                     roles: [], articles: [], gender: .unknown, note: entry.body, registryFile: entry.file))
                continue
            }
            let summary = summaries[ci]
            guard let detected = summary.detectedName else { continue }
            let name = entry?.name ?? detected
            var names = summary.names
            if let entry { names.formUnion(entry.aliases); names.insert(detected) }
            names.remove(name)
            let genders = summary.genders
            let gender: Gender = (genders[.male] ?? 0) > (genders[.female] ?? 0) ? .male : (genders[.female] ?? 0) > (genders[.male] ?? 0) ? .female : .unknown
            var id = entry?.id ?? Text.slug(name)
            if entry == nil {
                if id.isEmpty { id = "person" }
                var n = 2
                let baseID = id
                while usedIDs.contains(id) { id = "\(baseID)-\(n)"; n += 1 }
                usedIDs.insert(id)
            }
            personOfCluster[ci] = people.count
            people.append(Person(id: id, name: name, aliases: names.sorted(), roles: summary.roles, articles: summary.articles, gender: gender,
                                 note: entry?.body ?? "", registryFile: entry?.file))
        }
        for ai in analyses.indices {
            for ni in analyses[ai].names.indices {
                personOfName[ai][ni] = clusterOfName[ai][ni].flatMap { personOfCluster[$0] }
            }
        }
        let order = Dictionary(analyses.enumerated().map { ($1.articleID, $0) }, uniquingKeysWith: { a, _ in a })
        var diagnostics: [Diagnostic] = []
        applyRegistry(registry, people: &people, personOfName: &personOfName, order: order, diagnostics: &diagnostics)
        // Articles of each person in dossier order.
        for i in people.indices { people[i].articles.sort { (order[$0] ?? 0) < (order[$1] ?? 0) } }
        return Resolution(people: people, diagnostics: diagnostics, personOfName: personOfName, ambiguous: ambiguous)
    }

    /// What the registry says wins: notes and roles by id, `same_as` merges, `not_a_person` drops.
    func applyRegistry(_ registry: [RegistryEntry], people: inout [Person], personOfName: inout [[Int?]], order: [String: Int],
                       diagnostics: inout [Diagnostic]) {
        guard !registry.isEmpty else { return }
        var index = Dictionary(people.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var redirect = Array(people.indices).map { Optional($0) }
        for entry in registry {
            guard let pi = index[entry.id] else {
                if entry.notAPerson || entry.name == nil && entry.aliases.isEmpty {
                    diagnostics.append(Diagnostic(.warning, stage: PeopleRegistry.stage, file: entry.file,
                                                  "no person '\(entry.id)' in the dossier", hint: "name the file after an id shown on the people page"))
                }
                continue
            }
            if people[pi].note.isEmpty { people[pi].note = entry.body }
            people[pi].registryFile = entry.file
            if let role = entry.role { people[pi].roles.insert(Person.Role(text: role, article: ""), at: 0) }
            for other in entry.sameAs where other != entry.id {
                guard let oi = index[other], redirect[oi] != nil else {
                    diagnostics.append(Diagnostic(.warning, stage: PeopleRegistry.stage, file: entry.file, line: 2,
                                                  "same_as: no person '\(other)' in the dossier", hint: "use an id shown on the people page"))
                    continue
                }
                let o = people[oi]
                people[pi].aliases = Array(Set(people[pi].aliases + o.aliases + [o.name]).subtracting([people[pi].name])).sorted()
                var roles = Set(people[pi].roles), articles = Set(people[pi].articles)
                for r in o.roles where roles.insert(r).inserted { people[pi].roles.append(r) }
                for a in o.articles where articles.insert(a).inserted { people[pi].articles.append(a) }
                if people[pi].gender == .unknown { people[pi].gender = o.gender }
                for (i, r) in redirect.enumerated() where r == oi { redirect[i] = pi }
                index[other] = nil
            }
            if entry.notAPerson {
                for (i, r) in redirect.enumerated() where r == pi { redirect[i] = nil }
                index[entry.id] = nil
            }
        }
        // Drop merged and removed people; renumber.
        let targets = Set(redirect.compactMap { $0 })
        let kept = people.indices.filter { i in targets.contains(i) && redirect[i] == i }
        var newIndex: [Int: Int] = [:]
        for (n, i) in kept.enumerated() { newIndex[i] = n }
        let final = kept.map { people[$0] }
        for ai in personOfName.indices {
            for ni in personOfName[ai].indices {
                personOfName[ai][ni] = personOfName[ai][ni].flatMap { redirect[$0] }.flatMap { newIndex[$0] }
            }
        }
        people = final
    }

    /// The cluster of the closest full mention before `m` in the same article, among `cands`.
    func nearestFullMention(_ cands: [Int], in a: NameSheet, before m: NameMention, clusterOfName: [Int?]) -> Int? {
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
