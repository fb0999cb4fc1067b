/// Small fixed word and punctuation sets of the extraction rules, built once (an array literal
/// inside a loop is built again at every turn).
enum Words {
    static let closingMarks: WordTable = ["»", "”", "\"", ")", "’"]
    static let closingQuoteMarks: WordTable = ["»", "”", "\""]
    static let commaOrClosingMark: WordTable = [",", "»", "”", "\"", "’"]
    /// The same and a dash: "« … », - a souligné le porte-parole", "« … » – a-t-il ajouté".
    static let commaDashOrClosingMark: WordTable = [",", "»", "”", "\"", "’", "-", "–", "—"]
    static let commaPeriodSemicolon: WordTable = [",", ".", ";"]
    /// Marks after which a capitalised word may be a sentence's first.
    static let markOpeningSentence: WordTable = ["«", "“", "\"", "(", "—", "–", "-", ":"]
    static let locativePrepositions: WordTable = ["à", "au", "aux", "chez", "at", "in", "from"]
    static let locativeWords: WordTable = ["à", "au", "aux", "en", "vers", "depuis", "in", "at", "from", "to", "near", "près"]
    static let openingGuillemets: WordTable = ["«", "“"]
    static let openingMarks: WordTable = ["«", "“", "\""]
    static let periodOrComma: WordTable = [".", ","]
    static let placeOrOfPrepositions: WordTable = ["de", "du", "des", "d'", "of", "à", "au", "aux", "at", "in", "chez"]
    static let pluralPronouns: WordTable = ["ils", "elles", "on", "they", "them"]
    /// The words before a source's disjunctive pronoun: "selon lui", "d'après lui".
    static let selonApres: WordTable = ["selon", "après"]
    /// The words before a source's pronoun that a comma closes: "Pour lui, …", "According to her, …",
    /// "For her, …" (not "pour lui demander", "according to her office").
    static let viewpointPronounIntroducers: WordTable = ["pour", "to", "for"]
    static let definiteDeterminers: WordTable = ["le", "la", "l'", "l’", "the"]
    static let sentenceEnds: WordTable = [".", "!", "?", "…", "..."]
    static let thatWords: WordTable = ["que", "qu'", "that"]
    /// The suffixes that tell a generation apart: "Donald Trump Jr.", "Martin Luther King Jr."
    static let generations: WordTable = ["jr.", "sr."]
    /// Prepositions that join a role to its complement: "président du Conseil", "Secretary of State".
    static let ofPrepositions: WordTable = ["de", "du", "des", "d'", "d’", "of"]
    /// "à", "au", "aux": they open a role's complement too ("conseiller à la sécurité nationale").
    static let toPrepositions: WordTable = ["à", "au", "aux"]
    /// Prepositions that open a phrase of time, place or manner, never part of a role.
    static let circumstantial: WordTable = ["lors", "devant", "pendant", "durant", "après", "avant", "dans", "sur", "avec", "depuis",
                                            "selon", "at", "in", "on", "during", "after", "before", "with", "since", "while"]
    /// Words that open a clause of contrast: with "que" ("tandis que", "alors que"), alone ("mais", "while").
    /// Words that open a sentence pointing back at the quote before it, as the tokenizer splits
    /// them: the speaker they name after them said it.
    static let backReferences: [[String]] = [
        ["c'", "est", "en", "ces", "termes", "que"], ["c'", "est", "en", "ces", "termes", "qu'"],
        ["c'", "est", "par", "ces", "mots", "que"], ["c'", "est", "par", "ces", "mots", "qu'"],
        ["c'", "est", "ainsi", "que"], ["c'", "est", "ainsi", "qu'"],
        ["ces", "mots", "sont", "ceux", "de"], ["ces", "propos", "sont", "ceux", "de"],
        ["those", "were", "the", "words", "of"],
    ]
    /// Phrases that say whose view or words follow, as "selon" does, as the tokenizer splits them.
    static let selonPhrases: [[String]] = [
        ["à", "en", "croire"], ["aux", "dires", "de"], ["aux", "dires", "d'"], ["au", "dire", "de"], ["au", "dire", "d'"],
        ["de", "l'", "aveu", "de"], ["de", "l'", "aveu", "d'"], ["de", "l'", "aveu", "même", "de"], ["de", "l'", "aveu", "même", "d'"],
        ["in", "the", "words", "of"],
    ]
    /// Auxiliaries of the passive: a speech verb after one reports nobody's words ("the results
    /// were announced", "ont été annoncés"). (Not "est": "il s'est dit « prêt »".)
    static let passiveAuxiliaries: WordTable = ["was", "were", "been", "being", "be", "été", "être"]
    /// Pronouns that open a relative clause about a person or a thing named before them.
    static let relativePronouns: WordTable = ["qui", "dont", "who", "whose", "which"]
    /// Adverbs that qualify the word after them, not a verb: "très proche", "bien connu".
    static let degreeAdverbs: WordTable = ["très", "bien", "very"]
    /// Determiners that only a noun follows, never a verb (not "le", "la", "les", "leur": they
    /// are also the pronouns before a verb, "il la juge", "il leur dit"; nor "a", French "has").
    static let nounDeterminers: WordTable = ["un", "une", "son", "sa", "ses", "mon", "ma", "mes", "leurs", "cette", "du",
                                             "the", "an", "his", "their", "its", "our", "this"]
    static let englishDeterminers: WordTable = ["the", "a", "an", "its", "their", "this"]
    static let possessives: WordTable = ["son", "sa", "ses", "leur", "leurs", "its", "his", "her", "their"]
    /// The endings of a French verb in the simple future ("rendra", "tiendront", "participera");
    /// the callers say how long a word must be and which words that end so are none.
    static func hasFrenchFutureEnding(_ w: String) -> Bool { futureEndings.contains { w.hasSuffix($0) } }
    static let futureEndings = ["era", "eront", "ira", "iront", "dra", "dront"]
    static let contrastBeforeQue: WordTable = ["tandis", "alors"]
    static let contrast: WordTable = ["mais", "while", "whereas", "but"]
}
