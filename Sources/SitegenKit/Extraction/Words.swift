/// Small fixed word and punctuation sets of the extraction rules, built once (an array literal
/// inside a loop is built again at every turn).
enum Words {
    static let closingMarks: Set<String> = ["»", "”", "\"", ")", "’"]
    static let closingQuoteMarks: Set<String> = ["»", "”", "\""]
    static let commaOrClosingMark: Set<String> = [",", "»", "”", "\"", "’"]
    static let commaPeriodSemicolon: Set<String> = [",", ".", ";"]
    static let locativePrepositions: Set<String> = ["à", "au", "aux", "chez", "at", "in", "from"]
    static let locativeWords: Set<String> = ["à", "au", "aux", "en", "vers", "depuis", "in", "at", "from", "to", "near", "près"]
    static let openingGuillemets: Set<String> = ["«", "“"]
    static let openingMarks: Set<String> = ["«", "“", "\""]
    static let periodOrComma: Set<String> = [".", ","]
    static let placeOrOfPrepositions: Set<String> = ["de", "du", "des", "d'", "of", "à", "au", "aux", "at", "in", "chez"]
    static let pluralPronouns: Set<String> = ["ils", "elles", "on", "they", "them"]
    static let selonApres: Set<String> = ["selon", "après"]
    static let sentenceEnds: Set<String> = [".", "!", "?", "…", "..."]
    static let thatWords: Set<String> = ["que", "qu'", "that"]
}
