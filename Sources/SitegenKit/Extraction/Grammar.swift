import Foundation

/// The word lists of the lexicon in the shapes the extractors use, built once per run.
public struct Grammar: Sendable {
    public let speechVerbs: Set<String>
    public let speechNouns: Set<String>
    public let auxiliaries: Set<String>
    public let clitics: Set<String>
    public let adverbs: Set<String>
    public let prepositions: Set<String>
    public let clauseBreaks: Set<String>
    public let determiners: Set<String>
    public let coordinations: Set<String>
    public let notSpeechMarkers: Set<String>
    public let malePronouns: Set<String>
    public let femalePronouns: Set<String>
    public let maleFirstNames: Set<String>
    public let femaleFirstNames: Set<String>
    public let unisexFirstNames: Set<String>
    public let maleTitles: Set<String>
    public let femaleTitles: Set<String>
    public let anyTitles: Set<String>
    public let particles: Set<String>
    public let maleRoles: Set<String>
    public let femaleRoles: Set<String>
    public let demonymSuffixes: [String]
    public let demonyms: Set<String>
    public let roleWords: Set<String>
    public let notNames: Set<String>
    public let places: Set<String>
    public let organisations: Set<String>
    public let organisationHeads: Set<String>
    public let organisationNouns: Set<String>
    /// Folded spelling -> folded canonical spelling ("putin" -> "poutine").
    public let transliteration: [String: String]
    public let longestPlace: Int

    public init(lexicon: Lexicon = .standard) {
        var verbs = lexicon.lowerSet("fr.speech.forms", "en.speech.forms")
        for inf in lexicon["fr.speech.er"] { for f in Self.conjugate(inf) { verbs.insert(f) } }
        speechVerbs = verbs
        speechNouns = lexicon.lowerSet("fr.speech.nouns")
        auxiliaries = lexicon.lowerSet("fr.auxiliaries")
        clitics = lexicon.lowerSet("fr.clitics")
        adverbs = lexicon.lowerSet("fr.adverbs")
        prepositions = lexicon.lowerSet("prepositions")
        clauseBreaks = lexicon.lowerSet("clause.breaks")
        determiners = lexicon.lowerSet("determiners")
        coordinations = lexicon.lowerSet("coordinations")
        notSpeechMarkers = lexicon.lowerSet("not.speech.markers")
        malePronouns = lexicon.lowerSet("pronouns.subject.male")
        femalePronouns = lexicon.lowerSet("pronouns.subject.female")
        unisexFirstNames = lexicon.foldedSet("unisex")
        maleFirstNames = lexicon.foldedSet("male")
        femaleFirstNames = lexicon.foldedSet("female")
        maleTitles = lexicon.lowerSet("titles.male")
        femaleTitles = lexicon.lowerSet("titles.female")
        anyTitles = lexicon.lowerSet("titles.any")
        particles = lexicon.foldedSet("particles")
        maleRoles = lexicon.lowerSet("roles.male")
        femaleRoles = lexicon.lowerSet("roles.female")
        demonymSuffixes = lexicon["demonym.suffixes"].map(Text.fold)
        demonyms = lexicon.foldedSet("demonyms")
        roleWords = lexicon.foldedSet("role.words")
        notNames = lexicon.foldedSet("not.names")
        places = lexicon.foldedSet("places")
        organisations = lexicon.foldedSet("organisations")
        organisationHeads = lexicon.foldedSet("organisation.heads")
        organisationNouns = lexicon.lowerSet("organisation.nouns")
        var tr: [String: String] = [:]
        for line in lexicon["transliterations"] {
            let forms = line.split(separator: "|").map { Text.fold($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
            guard let canon = forms.first else { continue }
            for f in forms { tr[f] = canon }
        }
        transliteration = tr
        longestPlace = (places.union(organisations)).map { $0.split(separator: " ").count }.max() ?? 1
    }

    /// Forms of a French first-group verb: présent, imparfait, passé simple, futur, conditionnel, participles.
    static func conjugate(_ infinitive: String) -> [String] {
        var inf = Text.lower(infinitive)
        for p in ["s'", "se "] where inf.hasPrefix(p) { inf = String(inf.dropFirst(p.count)) }
        guard inf.hasSuffix("er"), !inf.contains(" ") else { return [inf] }
        let stem = String(inf.dropLast(2))
        // Before a or o, "g" takes an "e" (jugeait) and "c" becomes "ç" (lançait).
        let soft = stem.hasSuffix("g") ? stem + "e" : stem.hasSuffix("c") ? stem.dropLast() + "ç" : stem
        var forms = [inf]
        for e in ["e", "es", "ent", "ez", "é", "ée", "és", "ées", "erai", "era", "eras", "erons", "erez", "eront", "erait", "eraient", "èrent"] { forms.append(stem + e) }
        for e in ["ons", "ait", "ais", "aient", "ant", "a", "ai", "as", "âmes"] { forms.append(soft + e) }
        return forms
    }

    public func canonicalWord(_ folded: String) -> String { transliteration[folded] ?? folded }

    public func isFirstName(_ folded: String) -> Bool {
        maleFirstNames.contains(folded) || femaleFirstNames.contains(folded) || unisexFirstNames.contains(folded)
    }

    public func gender(ofFirstName folded: String) -> Gender {
        if unisexFirstNames.contains(folded) { return .unknown }
        let base = folded.split(separator: "-").first.map(String.init) ?? folded
        if maleFirstNames.contains(folded) || maleFirstNames.contains(base) { return .male }
        if femaleFirstNames.contains(folded) || femaleFirstNames.contains(base) { return .female }
        return .unknown
    }

    public func isTitle(_ lower: String) -> Bool {
        maleTitles.contains(lower) || femaleTitles.contains(lower) || anyTitles.contains(lower)
    }

    public func gender(ofTitle lower: String) -> Gender {
        if maleTitles.contains(lower) { return .male }
        if femaleTitles.contains(lower) { return .female }
        if lower == "présidente" { return .female }
        return .unknown
    }

    public func isRole(_ lower: String) -> Bool { maleRoles.contains(lower) || femaleRoles.contains(lower) }

    /// A nationality: from the list, or by its ending (Américain, Russes), never a first name (François).
    public func isDemonym(_ folded: String) -> Bool {
        demonyms.contains(folded) || (folded.count > 5 && !isFirstName(folded) && demonymSuffixes.contains { folded.hasSuffix($0) })
    }
}
