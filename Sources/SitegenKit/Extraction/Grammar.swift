import Foundation

/// The word lists of the lexicon in the shapes the extractors use, built once per run. A class,
/// immutable: as a struct of some thirty tables it was copied, with some sixty reference counts,
/// each time an analysis or an attribution context took it.
public final class Grammar: Sendable {
    public let speechVerbs: WordTable
    /// Speech verbs that go on with the speaker before ("a-t-il ajouté").
    public let continuingVerbs: WordTable
    /// Speech verbs only before "que" or a colon ("soutenir", "maintenir").
    let speechBeforeQue: WordTable
    /// Beginnings of speech verbs that answer or judge someone else's words (`isReaction`).
    let reactionStems: [String]
    public let speechNouns: WordTable
    public let auxiliaries: WordTable
    public let clitics: WordTable
    /// English adverbs, which are among the clitics too ("later", "once").
    let englishAdverbs: WordTable
    public let adverbs: WordTable
    /// The adverbs of more than one word, as the tokenizer splits them ("quant à lui", "d'ailleurs").
    public let adverbPhrases: [[String]]
    public let prepositions: WordTable
    public let clauseBreaks: WordTable
    public let determiners: WordTable
    public let indefiniteDeterminers: WordTable
    public let coordinations: WordTable
    public let notSpeechMarkers: WordTable
    /// Nouns that mark a name only right before the quotation ("le réseau « Storm-1516 »").
    let notSpeechMarkersAdjacent: WordTable
    /// Words that give a name to something ("dubbed", "baptisé"): no person after them.
    let namingWords: WordTable
    /// Participles whose clause may open a sentence before its subject ("Interrogé sur …, X a").
    let participleOpeners: WordTable
    public let malePronouns: WordTable
    public let femalePronouns: WordTable
    public let maleFirstNames: WordTable
    public let femaleFirstNames: WordTable
    public let unisexFirstNames: WordTable
    public let maleTitles: WordTable
    public let femaleTitles: WordTable
    public let anyTitles: WordTable
    public let particles: WordTable
    public let maleRoles: WordTable
    public let femaleRoles: WordTable
    /// Tables of tables above joined: most words are in none, and one look-up says so.
    let pronounsAndRoles: WordTable
    let firstNames: WordTable
    let titles: WordTable
    let placesAndOrganisations: WordTable
    public let demonymSuffixes: [String]
    /// The endings of a patronymic ("Vladimirovitch", "Sergueïevna"), folded.
    public let patronymicSuffixes: [String]
    public let demonyms: WordTable
    public let roleWords: WordTable
    public let notNames: WordTable
    public let places: WordTable
    public let organisations: WordTable
    /// Places and organisations the lexicon writes only in capitals (`isPlaceOrOrganisation`).
    let acronyms: WordTable
    public let organisationHeads: WordTable
    /// Country abbreviations that make the capitalised words after them an institution ("US", "U. S.").
    let placeModifiers: WordTable
    public let organisationNouns: WordTable
    /// Institutions named by a common noun ("le ministère", "l'ambassade").
    public let institutions: WordTable
    /// French adjectives of nationality after a role's noun, and roles said in other words
    /// (`canonicalRole`).
    let roleNationalities: WordTable
    let roleSynonyms: [(phrase: String, canonical: String)]
    /// Roles that name a head of state or of government in general, and the role noun of the
    /// people they may stand for (`mayHoldHeadRole`).
    let roleHeads: [(phrase: String, holder: String)]
    /// Roles that tell a relation to another person, not an office ("colistier", "homologue").
    let relationalRoles: WordTable
    let ranks: WordTable
    /// Folded spelling -> folded canonical spelling ("putin" -> "poutine").
    public let transliteration: [String: String]
    public let longestPlace: Int

    public init(lexicon: Lexicon = .standard) {
        var verbs = lexicon.lowerSet("fr.speech.forms", "en.speech.forms")
        for inf in lexicon["fr.speech.er"] { for f in Self.conjugate(inf) { verbs.insert(f) } }
        for inf in lexicon["fr.speech.ir"] { for f in Self.conjugateSecondGroup(inf) { verbs.insert(f) } }
        speechVerbs = WordTable(verbs)
        continuingVerbs = WordTable(lexicon.foldedSet("speech.continuing"))
        speechBeforeQue = WordTable(lexicon.lowerSet("speech.before.que"))
        reactionStems = lexicon["speech.reactions"].map(Text.fold)
        speechNouns = WordTable(lexicon.lowerSet("fr.speech.nouns"))
        auxiliaries = WordTable(lexicon.lowerSet("fr.auxiliaries"))
        clitics = WordTable(lexicon.lowerSet("fr.clitics", "en.adverbs"))
        englishAdverbs = WordTable(lexicon.lowerSet("en.adverbs"))
        adverbs = WordTable(lexicon.lowerSet("fr.adverbs"))
        adverbPhrases = lexicon.lowerSet("fr.adverbs").sorted().compactMap { phrase in
            let words = Tokenizer.tokenize(phrase).map(\.lower)
            return words.count > 1 ? words : nil
        }
        prepositions = WordTable(lexicon.lowerSet("prepositions"))
        clauseBreaks = WordTable(lexicon.lowerSet("clause.breaks"))
        determiners = WordTable(lexicon.lowerSet("determiners"))
        indefiniteDeterminers = WordTable(lexicon.lowerSet("determiners.indefinite"))
        coordinations = WordTable(lexicon.lowerSet("coordinations"))
        notSpeechMarkers = WordTable(lexicon.lowerSet("not.speech.markers", "naming.words"))
        namingWords = WordTable(lexicon.lowerSet("naming.words"))
        notSpeechMarkersAdjacent = WordTable(lexicon.lowerSet("not.speech.markers.adjacent"))
        participleOpeners = WordTable(lexicon.lowerSet("participle.openers"))
        malePronouns = WordTable(lexicon.lowerSet("pronouns.subject.male"))
        femalePronouns = WordTable(lexicon.lowerSet("pronouns.subject.female"))
        unisexFirstNames = WordTable(lexicon.foldedSet("unisex"))
        maleFirstNames = WordTable(lexicon.foldedSet("male"))
        femaleFirstNames = WordTable(lexicon.foldedSet("female"))
        maleTitles = WordTable(lexicon.lowerSet("titles.male"))
        femaleTitles = WordTable(lexicon.lowerSet("titles.female"))
        anyTitles = WordTable(lexicon.lowerSet("titles.any"))
        particles = WordTable(lexicon.foldedSet("particles"))
        let male = Self.withRolePrefixes(lexicon.lowerSet("roles.male"))
        let female = Self.withRolePrefixes(lexicon.lowerSet("roles.female"))
        maleRoles = WordTable(male)
        femaleRoles = WordTable(female)
        institutions = WordTable(lexicon.lowerSet("institutions"))
        pronounsAndRoles = WordTable(lexicon.lowerSet("pronouns.subject.male", "pronouns.subject.female", "institutions").union(male).union(female))
        firstNames = WordTable(lexicon.foldedSet("male", "female", "unisex"))
        titles = WordTable(lexicon.lowerSet("titles.male", "titles.female", "titles.any"))
        demonymSuffixes = lexicon["demonym.suffixes"].map(Text.fold)
        patronymicSuffixes = lexicon["patronymic.suffixes"].map(Text.fold)
        demonyms = WordTable(lexicon.foldedSet("demonyms"))
        roleWords = WordTable(lexicon.foldedSet("role.words"))
        notNames = WordTable(lexicon.foldedSet("not.names"))
        places = WordTable(lexicon.foldedSet("places"))
        organisations = WordTable(lexicon.foldedSet("organisations"))
        placesAndOrganisations = WordTable(lexicon.foldedSet("places", "organisations"))
        // The entries written only in capitals ("UN", "WHO", "PS"): one spelled otherwise too
        // ("Unesco") is not an acronym only.
        let entries = lexicon["places"] + lexicon["organisations"]
        let capitals = Set(entries.filter(Self.isAcronym).map(Text.fold))
        let spelledOtherwise = Set(entries.filter { !Self.isAcronym($0) }.map(Text.fold))
        acronyms = WordTable(capitals.subtracting(spelledOtherwise))
        organisationHeads = WordTable(lexicon.foldedSet("organisation.heads"))
        placeModifiers = WordTable(lexicon.foldedSet("place.modifiers"))
        organisationNouns = WordTable(lexicon.lowerSet("organisation.nouns"))
        roleNationalities = WordTable(lexicon.foldedSet("roles.nationalities"))
        relationalRoles = WordTable(lexicon.foldedSet("roles.relational"))
        ranks = WordTable(lexicon.foldedSet("roles.ranks"))
        func pairs(_ section: String) -> [(String, String)] {
            lexicon[section].compactMap { line in
                let parts = line.split(separator: "=").map { Text.fold($0.trimmingCharacters(in: .whitespaces)) }
                return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty ? (parts[0], parts[1]) : nil
            }
        }
        roleSynonyms = pairs("role.synonyms")
        roleHeads = pairs("role.heads")
        var tr: [String: String] = [:]
        for line in lexicon["transliterations"] {
            let forms = line.split(separator: "|").map { Text.fold($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
            guard let canon = forms.first else { continue }
            for f in forms { tr[f] = canon }
        }
        transliteration = tr
        longestPlace = (places.words.union(organisations.words)).map { $0.split(separator: " ").count }.max() ?? 1
    }

    /// The infinitive of a verb without its reflexive pronoun ("s'exclamer", "se réjouir"), in lower
    /// case, and whether it had one.
    private static func bareInfinitive(_ infinitive: String) -> (infinitive: String, reflexive: Bool) {
        let lower = Text.lower(infinitive)
        for p in ["s'", "se "] where lower.hasPrefix(p) { return (String(lower.dropFirst(p.count)), true) }
        return (lower, false)
    }

    /// Forms of a French first-group verb: présent, imparfait, passé simple, futur, conditionnel,
    /// participles. Anything but one "-er" infinitive has no forms (a test checks the lexicon's).
    static func conjugate(_ infinitive: String) -> [String] {
        let inf = bareInfinitive(infinitive).infinitive
        guard inf.hasSuffix("er"), !inf.contains(" ") else { return [] }
        let stem = String(inf.dropLast(2))
        // Before a or o, "g" takes an "e" (jugeait) and "c" becomes "ç" (lançait).
        let soft = stem.hasSuffix("g") ? stem + "e" : stem.hasSuffix("c") ? stem.dropLast() + "ç" : stem
        var forms = [inf]
        for e in ["e", "es", "ent", "ez", "é", "ée", "és", "ées", "erai", "era", "eras", "erons", "erez", "eront", "erait", "eraient", "èrent"] { forms.append(stem + e) }
        // A last "e" or "é" before one consonant opens before a silent ending: marteler → martèle,
        // répéter → répète; "-eler" and "-eter" may double the consonant instead (rappeler → rappelle).
        let letters = Array(stem)
        if letters.count >= 3, let last = letters.last, !Self.isVowel(last), letters[letters.count - 2] == "e" || letters[letters.count - 2] == "é",
           !Self.isVowel(letters[letters.count - 3]) {
            var open = [String(letters.dropLast(2)) + "è" + String(last)]
            if letters[letters.count - 2] == "e", last == "l" || last == "t" { open.append(stem + String(last)) }
            for o in open {
                for e in ["e", "es", "ent", "erai", "era", "eras", "erons", "erez", "eront", "erait", "eraient"] { forms.append(o + e) }
            }
        }
        // "-yer" writes "i" before a silent ending: balayer → balaie, appuyer → appuie.
        if stem.hasSuffix("y") {
            for e in ["e", "es", "ent", "erai", "era", "eras", "erons", "erez", "eront", "erait", "eraient"] { forms.append(stem.dropLast() + "i" + e) }
        }
        for e in ["ons", "ait", "ais", "aient", "ant", "a", "ai", "as", "âmes"] { forms.append(soft + e) }
        return forms
    }

    /// Forms of a French second-group verb, like "finir": présent, imparfait, passé simple, futur,
    /// conditionnel, participles (réagi, réagit, réagissait, réagissant, réagira). Anything but
    /// one "-ir" infinitive has no forms.
    static func conjugateSecondGroup(_ infinitive: String) -> [String] {
        let (inf, reflexive) = bareInfinitive(infinitive)
        guard inf.hasSuffix("ir"), !inf.contains(" ") else { return [] }
        let stem = String(inf.dropLast(2))
        // A feminine participle only for a reflexive verb ("elle s'est réjouie"): "garantie" and
        // "garanties" are mostly nouns.
        let feminine = reflexive ? ["ie", "ies"] : []
        return [inf] + (["i", "is", "it", "issons", "issez", "issent", "issais", "issait", "issions", "issiez", "issaient",
                         "issant", "irent", "îmes", "irai", "ira", "iras", "irons", "irez", "iront", "irait", "iraient"] + feminine).map { stem + $0 }
    }

    /// A capitalised role word before an English name, or a compound of them ("Secretary-General").
    public func isRoleWord(_ folded: String) -> Bool {
        if roleWords.contains(folded) { return true }
        // (A hyphen that a mark joins is no separator of the split: such a word stays whole.)
        guard Text.hasHyphen(folded) else { return false }
        let parts = folded.split(separator: "-")
        return parts.count > 1 && parts.allSatisfy { roleWords.contains(String($0)) }
    }

    static func isVowel(_ c: Character) -> Bool { "aeiouyàâäéèêëîïôöùûü".contains(c) }

    /// One spelling for a name written in several transliterations: the lexicon's, else the
    /// endings of Russian and Ukrainian names that French and English write apart ("Navalnaïa" /
    /// "Navalnaya", "Zelenskiy" / "Zelenskyy" / "Zelensky").
    public func canonicalWord(_ folded: String) -> String {
        if let t = transliteration[folded] { return t }
        let ending = Self.commonEnding(folded)
        // ("Zaluzhnyy", not listed, is "Zaluzhny", which is.)
        return ending == folded ? folded : transliteration[ending] ?? ending
    }

    /// The endings French and English write apart, made one: "-aïa" / "-aya", "-iy" / "-yy" /
    /// "-ii" / "-yi" / "-y".
    static func commonEnding(_ folded: String) -> String {
        guard folded.utf8.count > 4, let last = folded.utf8.last, last == 0x61 || last == 0x69 || last == 0x79 else { return folded }
        if folded.hasSuffix("aia") { return String(folded.dropLast(3)) + "aya" }
        for suffix in ["iy", "yy", "ii", "yi"] where folded.hasSuffix(suffix) { return String(folded.dropLast(2)) + "y" }
        return folded
    }

    public func isFirstName(_ folded: String) -> Bool { firstNames.contains(folded) }

    public func gender(ofFirstName folded: String) -> Gender {
        if unisexFirstNames.contains(folded) { return .unknown }
        // (Without a hyphen the split is the name itself: most names are asked without one.)
        let base = Text.hasHyphen(folded) ? folded.split(separator: "-").first.map(String.init) ?? folded : folded
        if maleFirstNames.contains(folded) || maleFirstNames.contains(base) { return .male }
        if femaleFirstNames.contains(folded) || femaleFirstNames.contains(base) { return .female }
        return .unknown
    }

    public func isTitle(_ lower: String) -> Bool { titles.contains(lower) }
    /// `isTitle(lower + ".")`, without making that string.
    func isTitleWithPeriod(_ lower: String) -> Bool { titles.contains(joining: 1, suffix: 0x2E) { _ in lower } }

    public func gender(ofTitle lower: String) -> Gender {
        if maleTitles.contains(lower) { return .male }
        if femaleTitles.contains(lower) { return .female }
        if lower == "présidente" { return .female }
        return .unknown
    }

    public func isRole(_ lower: String) -> Bool { isPronounOrRole(lower) && (maleRoles.contains(lower) || femaleRoles.contains(lower)) }

    /// The roles with their prefixed forms, made once here rather than listed: "co-director",
    /// "ex-ministre", "sous-directrice", "vice-chancelier". (Only one-word roles: "co-prime
    /// minister" is not written.)
    static func withRolePrefixes(_ roles: Set<String>) -> Set<String> {
        var all = roles
        for role in roles where !role.contains(" ") && !role.contains("-") {
            for prefix in ["co-", "ex-", "vice-", "sous-"] { all.insert(prefix + role) }
        }
        return all
    }

    /// Whether a lower-case word is a function word or a speech verb (an auxiliary, a clitic, a
    /// speech verb, a clause break, a coordination, a preposition or a determiner): no word of a
    /// noun phrase's qualifiers or of an institution's name.
    func isFunctionWord(_ lower: String) -> Bool {
        auxiliaries.contains(lower) || clitics.contains(lower) || speechVerbs.contains(lower) || clauseBreaks.contains(lower)
            || coordinations.contains(lower) || prepositions.contains(lower) || determiners.contains(lower)
    }

    /// Whether a lower-case word is a subject pronoun, a role word or an institution's noun (one
    /// look-up for the words that are none of them).
    func isPronounOrRole(_ lower: String) -> Bool { pronounsAndRoles.contains(lower) }

    /// Whether a folded text is a known place or organisation.
    public func isPlaceOrOrganisation(_ folded: String) -> Bool { placesAndOrganisations.contains(folded) }
    /// `isPlaceOrOrganisation` of the tokens' folded words joined by spaces, without making that string.
    /// (Each token's folded word is read in place: a key path over the tokens copied each token.)
    /// A word the lexicon knows only as an acronym is one only in capitals: "Un vote" and "Who"
    /// are not the UN and the WHO.
    func isPlaceOrOrganisation(_ tokens: ArraySlice<Token>) -> Bool {
        if tokens.count == 1, let t = tokens.first, !t.isAllCaps, acronyms.contains(t.folded) { return false }
        return placesAndOrganisations.contains(joining: tokens.count) { tokens[tokens.startIndex + $0].folded }
    }

    /// The number of tokens of a country abbreviation ("US", "U. S.") written in capitals at the
    /// start of `tokens`, or 0.
    func placeModifierLength(_ tokens: ArraySlice<Token>) -> Int {
        guard let first = tokens.first, first.text.unicodeScalars.allSatisfy({ !$0.properties.isLowercase }) else { return 0 }
        if first.isAllCaps, placeModifiers.contains(first.folded) { return 1 }
        if tokens.count >= 2, case let second = tokens[tokens.startIndex + 1], second.text.unicodeScalars.allSatisfy({ !$0.properties.isLowercase }),
           placeModifiers.contains(joining: 2, part: { tokens[tokens.startIndex + $0].folded }) { return 2 }
        return 0
    }

    /// Whether a lexicon entry is written in capitals only, with two letters or more ("UN", "BFMTV").
    static func isAcronym(_ entry: String) -> Bool {
        let letters = entry.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase } && !entry.contains(" ")
    }

    /// A role folded as the role rules compare it (lower case, no accents: "chef de l'Etat" is
    /// "chef de l'État"): a nationality right after its noun moved to its end, and its first words
    /// said as the lexicon's synonyms say them ("le chef de la diplomatie russe" and "le ministre
    /// russe des affaires étrangères" are both "ministre des affaires etrangeres russe").
    func canonicalRole(_ role: String) -> String {
        // (Apostrophes as the lexicon writes them: "chef de l’état".)
        var words = Text.fold(Text.contains(role, "’") ? role.replacingOccurrences(of: "’", with: "'") : role).split(separator: " ").map(String.init)
        if words.count >= 3, roleNationalities.contains(words[1]) { words.append(words.remove(at: 1)) }
        var s = words.joined(separator: " ")
        for (phrase, canonical) in roleSynonyms where s == phrase || s.hasPrefix(phrase + " ") {
            s = canonical + s.dropFirst(phrase.count)
            break
        }
        return s
    }

    /// Whether someone with these roles (as `canonicalRole` writes them) may be the one a role of
    /// the lexicon's [role.heads] stands for: "le chef de l'État" may be "le président russe".
    func mayHoldHeadRole(_ phrase: String, roles: [String]) -> Bool {
        guard let holder = roleHeads.first(where: { phrase == $0.phrase || phrase.hasPrefix($0.phrase + " ") })?.holder else { return false }
        return roles.contains { $0 == holder || $0.hasPrefix(holder + " ") }
    }

    /// Whether a role (as `canonicalRole` writes it) tells a relation, not an office: its first
    /// word ("homologue russe") or all of it ("running mate") is one of the lexicon's.
    func isRelationalRole(_ role: String) -> Bool {
        relationalRoles.contains(role) || relationalRoles.contains(String(role.prefix { $0 != " " }))
    }

    /// Whether a role (as `canonicalRole` writes it) is a military rank ("général", "colonel"),
    /// which says nothing of the office its holder has.
    func isRank(_ role: String) -> Bool { ranks.contains(String(role.prefix { $0 != " " })) }

    /// Whether a speech verb answers or judges someone else's words ("a dénoncé", "replied").
    func isReaction(_ folded: String) -> Bool { reactionStems.contains { folded.hasPrefix($0) } }

    /// A nationality in English or French ("Russian", "russe", "américaine").
    func isNationality(_ folded: String) -> Bool { roleNationalities.contains(folded) || isDemonym(folded) }

    /// A nationality: from the list, or by its ending (Américain, Russes), never a first name (François).
    public func isDemonym(_ folded: String) -> Bool {
        demonyms.contains(folded) || (folded.count > 5 && !isFirstName(folded) && demonymSuffixes.contains { folded.hasSuffix($0) })
    }
}
