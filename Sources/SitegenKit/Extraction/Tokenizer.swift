import Foundation

/// A word or punctuation mark of a paragraph, with its place in Unicode scalars.
public struct Token: Hashable, Sendable {
    public enum Kind: Sendable { case word, number, punct }
    public var text: String
    /// `text` folded (lower case, no accents, straight apostrophes): for comparing names.
    public var folded: String
    /// `text` in lower case with straight apostrophes, accents kept: for grammar words.
    public var lower: String
    public var kind: Kind
    public var start: Int
    public var end: Int

    public var isCapitalized: Bool {
        guard kind == .word, let f = text.unicodeScalars.first else { return false }
        return Scalars.isUpper(f)
    }

    /// "TASS", "CNN": more than one letter, all upper case.
    public var isAllCaps: Bool {
        guard kind == .word else { return false }
        var letters = 0
        for c in text.unicodeScalars where Scalars.isLetter(c) {
            guard Scalars.isUpper(c) else { return false }
            letters += 1
        }
        return letters >= 2
    }
}

/// Splits a paragraph into tokens. Elided articles split off their word ("l’agence" is "l’" and
/// "agence"); hyphenated words stay whole ("vice-présidente", "a-t-il", "Jean-Luc"); "M." and
/// "Mme." keep their period.
public enum Tokenizer {
    static let elisions: Set<String> = ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"]
    static let abbreviations: Set<String> = ["m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mr", "mrs", "ms", "st", "sen", "gov", "gen", "rep", "col", "capt", "rev", "jr", "sr", "j", "p", "a", "b", "c", "d", "e", "f", "g", "h", "i", "k", "l", "n", "o", "r", "s", "t", "u", "v", "w", "x", "y", "z"]

    /// The text of `scalars`, encoded directly (String's own init from scalars goes through a
    /// slow generic path).
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 2)
        for c in scalars {
            if c.value < 0x80 { bytes.append(UInt8(c.value)) } else { UTF8.encode(c) { bytes.append($0) } }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func tokenize(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var i = 0
        func isWordScalar(_ c: Unicode.Scalar) -> Bool { Scalars.isWordPart(c) }
        func isApostrophe(_ c: Unicode.Scalar) -> Bool { c == "'" || c == "\u{2019}" || c == "\u{02BC}" }
        func isHyphen(_ c: Unicode.Scalar) -> Bool { c == "-" || c == "\u{2011}" }
        while i < scalars.count {
            let c = scalars[i]
            if Scalars.isSpace(c) { i += 1; continue }
            if isWordScalar(c) {
                var j = i
                var hasLetter = false
                while j < scalars.count {
                    let d = scalars[j]
                    if isWordScalar(d) {
                        if Scalars.isLetter(d) { hasLetter = true }
                        j += 1
                    } else if isHyphen(d), j + 1 < scalars.count, isWordScalar(scalars[j + 1]) {
                        j += 1
                    } else if isApostrophe(d), j + 1 < scalars.count, isWordScalar(scalars[j + 1]) {
                        // Elision: split after "l’", "qu’"; otherwise keep (O'Connor, aujourd'hui).
                        let head = Text.fold(string(scalars[i..<j]))
                        if elisions.contains(head) {
                            j += 1
                            break
                        }
                        j += 1
                    } else {
                        break
                    }
                }
                var word = string(scalars[i..<j])
                var end = j
                // "M." "Mme." "Dr.": keep the period of a known abbreviation.
                if end < scalars.count, scalars[end] == ".", abbreviations.contains(Text.fold(word)), word.first?.isUppercase ?? false {
                    word += "."
                    end += 1
                }
                let kind: Token.Kind = hasLetter ? .word : .number
                tokens.append(Token(text: word, folded: Text.fold(word), lower: Text.lower(word), kind: kind, start: i, end: end))
                i = end
                continue
            }
            // Punctuation: "..." stays one token; everything else one scalar at a time.
            var j = i + 1
            if c == "." { while j < scalars.count && scalars[j] == "." { j += 1 } }
            let p = string(scalars[i..<j])
            tokens.append(Token(text: p, folded: p, lower: p, kind: .punct, start: i, end: j))
            i = j
        }
        return tokens
    }
}
