import Foundation

/// A word or punctuation mark of a paragraph, with its place in Unicode scalars.
public struct Token: Hashable, Sendable {
    public enum Kind: Sendable { case word, number, punct }
    public let text: String
    /// `text` folded (lower case, no accents, straight apostrophes): for comparing names.
    public var folded: String
    /// `text` in lower case with straight apostrophes, accents kept: for grammar words.
    public var lower: String
    public let kind: Kind
    /// A word whose first scalar is upper case (worked out once: the rules ask it of every token).
    public let isCapitalized: Bool
    /// "TASS", "CNN": a word of more than one letter, all upper case.
    public let isAllCaps: Bool
    /// `lower` holds a hyphen ("dit-il", "vice-présidente"): the inverted verbs are asked of
    /// these words only.
    public let hasHyphen: Bool
    public var start: Int
    public var end: Int

    /// A token whose capitals the tokenizer worked out as it read the word's scalars.
    init(text: String, folded: String, lower: String, kind: Kind, start: Int, end: Int, isCapitalized: Bool, isAllCaps: Bool,
         hasHyphen: Bool) {
        self.text = text
        self.folded = folded
        self.lower = lower
        self.kind = kind
        self.start = start
        self.end = end
        self.isCapitalized = isCapitalized
        self.isAllCaps = isAllCaps
        self.hasHyphen = hasHyphen
    }

    /// A token whose capitals are worked out from its text.
    public init(text: String, folded: String, lower: String, kind: Kind, start: Int, end: Int) {
        var capitalized = false, allCaps = false
        if kind == .word, Text.allBytes(text, { $0 < 0x80 }) {
            // ASCII: the letters are A-Z and a-z, the capitals A-Z.
            var letters = 0
            allCaps = true
            for b in text.utf8 where (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) {
                letters += 1
                if b >= 0x61 { allCaps = false }
            }
            allCaps = allCaps && letters >= 2
            capitalized = text.utf8.first.map { $0 >= 0x41 && $0 <= 0x5A } ?? false
        } else if kind == .word {
            capitalized = text.unicodeScalars.first.map(Scalars.isUpper) ?? false
            var letters = 0
            allCaps = true
            for c in text.unicodeScalars where Scalars.isLetter(c) {
                guard Scalars.isUpper(c) else { allCaps = false; break }
                letters += 1
            }
            allCaps = allCaps && letters >= 2
        }
        self.init(text: text, folded: folded, lower: lower, kind: kind, start: start, end: end, isCapitalized: capitalized, isAllCaps: allCaps,
                  hasHyphen: Text.hasHyphen(lower))
    }
}

extension Token {
    /// A punctuation mark that ends a phrase: not an apostrophe ("l’", a straight "'") nor a
    /// possessive's "'s", which stand inside one ("co-director of Clemson University's Media
    /// Forensics Hub").
    var isPhraseMark: Bool { kind == .punct && !lowerIs("'") && !isPossessive }

    /// An English possessive's "'s", a token of its own after a capitalised word (its lower case
    /// writes a curly "’s" straight).
    var isPossessive: Bool { kind == .punct && lowerIs("'s") }

    /// Whether the token's text is `literal`, compared as bytes. For an ASCII literal without
    /// ";", "`" or "K" this is `text == literal`: the only scalars past ASCII whose normal form is
    /// ASCII are U+037E (";"), U+1FEF ("`") and U+212A ("K") (a test checks every scalar), and
    /// String's == first normalizes a word with an accent (a hundred instructions, asked of
    /// most tokens by the rules).
    @inline(__always) func textIs(_ literal: StaticString) -> Bool { Self.bytes(text, equal: literal) }

    /// `lowerIs`: the same for the token's lower case.
    @inline(__always) func lowerIs(_ literal: StaticString) -> Bool { Self.bytes(lower, equal: literal) }

    @inline(__always) static func bytes(_ s: String, equal literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard s.utf8.count == n else { return false }
        return literal.withUTF8Buffer { l in s.utf8.elementsEqual(l) }
    }
}

/// Splits a paragraph into tokens. Elided articles split off their word ("l’agence" is "l’" and
/// "agence"); hyphenated words stay whole ("vice-présidente", "a-t-il", "Jean-Luc"); "M.",
/// "Mme." and capitalised month abbreviations ("Jan. 20") keep their period.
public enum Tokenizer {
    static let elisions: WordTable = ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"]
    /// Capitalised words whose "'s" is a contraction, not a possessive.
    static let contractions: WordTable = ["it", "he", "she", "that", "there", "what", "let", "here", "who", "where", "how", "why", "when", "this"]
    static let abbreviations: WordTable = ["m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mr", "mrs", "ms", "st", "sen", "gov", "gen", "rep", "col", "capt", "rev", "jr", "sr", "lt", "sgt", "adm", "prof", "jan", "feb", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "janv", "fevr", "avr", "juil", "j", "p", "a", "b", "c", "d", "e", "f", "g", "h", "i", "k", "l", "n", "o", "r", "s", "t", "u", "v", "w", "x", "y", "z"]

    public static func tokenize(_ text: String) -> [Token] { tokenized(text).tokens }

    /// Each ASCII byte as a string of its own.
    static let asciiStrings: [String] = (0..<128).map { String(decoding: [UInt8($0)], as: UTF8.self) }

    /// The tokens, where each starts in the text's UTF-8, and how many scalars the text has.
    struct Tokenized {
        var tokens: [Token]
        var utf8Starts: [Int]
        var scalarCount: Int
    }

    static func tokenized(_ text: String) -> Tokenized {
        var text = text
        // The flags table is taken once: each use of a static costs a call on Linux.
        return Scalars.table.withUnsafeBufferPointer { flags in text.withUTF8 { tokenize(utf8: $0, flags: flags) } }
    }

    /// Works on the text's UTF-8 bytes, one scalar at a time, and counts scalars for the tokens'
    /// places: each token's strings are made straight from its bytes.
    static func tokenize(utf8 b: UnsafeBufferPointer<UInt8>, flags table: UnsafeBufferPointer<UInt8>) -> Tokenized {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { tokenize(utf8: b, flags: table, scratch: $0) }
    }

    /// `scratch`: room for a word's lower case and fold.
    static func tokenize(utf8 b: UnsafeBufferPointer<UInt8>, flags table: UnsafeBufferPointer<UInt8>,
                         scratch: UnsafeMutableBufferPointer<UInt8>) -> Tokenized {
        @inline(__always) func flags(_ c: Unicode.Scalar) -> UInt8 { Scalars.flags(c, in: table) }
        @inline(__always) func isWordPart(_ c: Unicode.Scalar) -> Bool { flags(c) & (Scalars.letter | Scalars.number | Scalars.mark) != 0 }
        var starts: [Int] = []
        starts.reserveCapacity(b.count / 6)
        var tokens: [Token] = []
        tokens.reserveCapacity(b.count / 6)
        // A token of one ASCII byte (most punctuation) is taken from a table, not decoded.
        let ascii = asciiStrings
        func string(_ from: Int, _ to: Int) -> String {
            if to == from + 1 && b[from] < 0x80 { return ascii[Int(b[from])] }
            return String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self)
        }
        /// What `write` makes of `bytes` (`Text.lower`'s or `Text.fold`'s rewriting of them, the
        /// same as those functions give): `same` when it has its bytes; nil when `write` gives up
        /// (a scalar past its table, or more than `scratch` holds).
        func rewritten(_ bytes: UnsafeBufferPointer<UInt8>, _ write: (UnsafeBufferPointer<UInt8>, UnsafeMutableBufferPointer<UInt8>) -> Int?,
                       same: String) -> String? {
            guard bytes.count <= scratch.count / 4, let n = write(bytes, scratch) else { return nil }
            let made = UnsafeBufferPointer(rebasing: scratch[..<n])
            var same = same
            let equal = same.withUTF8 { u in
                guard u.count == n, let x = u.baseAddress, let y = made.baseAddress else { return u.count == n }
                return memcmp(x, y, n) == 0
            }
            if equal { return same }
            return String(decoding: made, as: UTF8.self)
        }
        func isApostrophe(_ c: Unicode.Scalar) -> Bool { c == "'" || c == "\u{2019}" || c == "\u{02BC}" }
        func isHyphen(_ c: Unicode.Scalar) -> Bool { c == "-" || c == "\u{2011}" }
        /// An "s" at `k` that ends its word (after an apostrophe).
        func isPossessive(_ k: Int) -> Bool { k < n && b[k] == 0x73 && (k + 1 == n || !isWordPart(Scalars.decode(b, k + 1).0)) }
        let n = b.count
        var i = 0      // byte
        var si = 0     // scalar
        while i < n {
            let (c, cl) = Scalars.decode(b, i)
            if flags(c) & Scalars.space != 0 { i += cl; si += 1; continue }
            if isWordPart(c) {
                var j = i, sj = si
                // What `Token` asks of the word's letters, counted on the way: how many, how many
                // in upper case, and whether any scalar is beyond ASCII.
                var letters = 0, capitals = 0
                var ascii = true, hyphen = false
                while j < n {
                    let (d, dl) = Scalars.decode(b, j)
                    let f = flags(d)
                    if f & (Scalars.letter | Scalars.number | Scalars.mark) != 0 {
                        if f & Scalars.letter != 0 {
                            letters += 1
                            if f & Scalars.upper != 0 { capitals += 1 }
                        }
                        if dl > 1 { ascii = false }
                        j += dl; sj += 1
                        continue
                    }
                    guard isHyphen(d) || isApostrophe(d), j + dl < n, isWordPart(Scalars.decode(b, j + dl).0) else { break }
                    if dl > 1 { ascii = false }
                    if isApostrophe(d) {
                        // English possessive: "Trump's", "von der Leyen’s" end before their "'s"
                        // (contractions like "It's" stay whole).
                        if isPossessive(j + dl), Scalars.isUpper(c), !contractions.contains(Text.fold(string(i, j))) { break }
                        // Elision: split after "l’", "qu’"; otherwise keep (O'Connor, aujourd'hui).
                        // "N'" before a capital is a name's start (N'Diaye, N'Golo), not "ne".
                        let head = Text.fold(string(i, j))
                        j += dl; sj += 1
                        let name = head == "n" && b[i] == 0x4E && Scalars.isUpper(Scalars.decode(b, j).0)
                        if elisions.contains(head) && !name { break }
                    } else {
                        hyphen = true
                        j += dl; sj += 1
                    }
                }
                var word = string(i, j)
                var end = j, send = sj
                // "M." "Mme." "Dr.": keep the period of a known abbreviation.
                if end < n, b[end] == 0x2E, abbreviations.contains(Text.fold(word)), word.first?.isUppercase ?? false {
                    word += "."
                    end += 1; send += 1
                }
                let kind: Token.Kind = letters > 0 ? .word : .number
                starts.append(i)
                // An ASCII word has no white space or backquote: its fold is its lower case, and
                // without capitals its lower case is itself. The others are lowered and folded
                // from their bytes into `scratch`, and a form with the same bytes as the word (or
                // as its lower case) is that string again, not a new one.
                let lower: String, folded: String
                if ascii && capitals == 0 {
                    lower = word
                    folded = word
                } else {
                    let bytes = UnsafeBufferPointer(rebasing: b[i..<end])
                    lower = rewritten(bytes, Text.lower(utf8:into:), same: word) ?? Text.lower(word)
                    folded = ascii ? lower : rewritten(bytes, Text.fold(utf8:into:), same: lower) ?? Text.fold(word)
                }
                tokens.append(Token(text: word, folded: folded, lower: lower, kind: kind, start: si, end: send,
                                    isCapitalized: kind == .word && flags(c) & Scalars.upper != 0,
                                    isAllCaps: kind == .word && letters >= 2 && capitals == letters,
                                    // A hyphen in the lower case comes from one in the word.
                                    hasHyphen: hyphen && Text.hasHyphen(lower)))
                i = end; si = send
                continue
            }
            // Punctuation: "..." and a possessive's "'s" stay one token; everything else one scalar at a time.
            var j = i + cl, sj = si + 1
            if c == "." { while j < n && b[j] == 0x2E { j += 1; sj += 1 } }
            if isApostrophe(c), i > 0, isPossessive(j) { j += 1; sj += 1 }
            let p = string(i, j)
            starts.append(i)
            tokens.append(Token(text: p, folded: p, lower: p, kind: .punct, start: si, end: sj))
            i = j; si = sj
        }
        return Tokenized(tokens: tokens, utf8Starts: starts, scalarCount: si)
    }
}
