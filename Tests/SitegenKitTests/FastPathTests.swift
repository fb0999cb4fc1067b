import Foundation
import Testing
@testable import SitegenKit

/// The fast paths of reading and extraction must answer exactly as the general code they stand
/// in for: each test puts both side by side on texts chosen to sit on the paths' edges.
@Suite("Fast paths give the general answers")
struct FastPathTests {
    /// Byte for byte: String's == holds for canonically equivalent texts, the output must not differ at all.
    static func same(_ a: String?, _ b: String?) -> Bool { a.map { Array($0.utf8) } == b.map { Array($0.utf8) } }

    /// Words and lines on the edges: ASCII, French accents (composed and decomposed), typographic
    /// apostrophes and dashes, other scripts, blanks of every kind, combining marks, emoji.
    static let samples: [String] = [
        "", " ", "a", "Poutine", "poutine", "POUTINE", "l'été", "L\u{2019}Été", "e\u{301}te\u{301}", "Élysée",
        "Zelenskyy", "Zélensky", "vice-présidente", "a-t-il", "O`Neil", "Œuvre", "straße", "Ǆemal", "İstanbul",
        "Путин", "ترامب", "Nguyễn Phú Trọng", "Ảnh: AFP", "東京", "🇫🇷 Paris", "dit-il\u{00A0}:",
        "\tTitre\u{2003}", "\u{200B}x\u{200B}", " \u{301}a ", "fin\u{202F}?", "\u{3000}全角\u{3000}", "a\u{2028}b",
        "K\u{212A}", "Å\u{212B}", "ȺȺȺ", "Ⱥ vs ⱥ", "Mme.", "M. Dupont", "42", "1er", "2024-10-22", "«\u{00A0}Non\u{00A0}»",
    ]

    @Test("whether a line may hold a credit, read on its bytes, is what the UTF-8 view's walk said")
    func mayHoldCredit() {
        func reference(_ line: String) -> Bool {
            var previous: UInt8 = 0
            var lastColon: String.UTF8View.Index?
            var i = line.utf8.startIndex
            while i < line.utf8.endIndex {
                let b = line.utf8[i]
                if b == 0x28 || (previous == 0xC2 && b == 0xA9) { return true }
                if b == 0x3A { lastColon = i }
                previous = b
                line.utf8.formIndex(after: &i)
            }
            guard let colon = lastColon else { return false }
            let after = Text.trimming(Substring(line.utf8[line.utf8.index(after: colon)...]), where: Text.isBlank)
            return !(after.utf8.count > 60 && after.count > 60 || Cleaner.wordCount(after) > 6 || Text.contains(after, ". "))
        }
        let lines = Self.samples + ["Photo : Reuters", "Vue de Kyiv © AFP", "Orlova : « Je ne compte pas renoncer à une telle provocation »",
                                    "Il a dit (hier) : non", "a:b:c", ":", "fin :", "x : " + String(repeating: "mot ", count: 7), "© ",
                                    "Légende : Kamala Harris – Atlanta\u{00A0}", "Crédit photo :\u{2003}Jean Dupont"]
        var answers: Set<Bool> = []
        for line in lines {
            #expect(Cleaner.mayHoldCredit(line) == reference(line), "\(line.debugDescription)")
            answers.insert(reference(line))
        }
        #expect(answers.count == 2)
    }

    @Test("a string's scalars decoded from its bytes are its scalar view's")
    func scalarArray() {
        for s in Self.samples + ["𝔘𝔫𝔦 🇫🇷 a\u{301}", String(repeating: "é€𐍈a", count: 50)] {
            #expect(Scalars.array(s) == Array(s.unicodeScalars), "\(s.debugDescription)")
        }
    }

    @Test("fold: the fast paths equal the scalar-by-scalar fold")
    func fold() throws {
        var texts = Self.samples + Self.samples.map({ " \($0)  \($0)\n" })
        // Runs of ASCII with capitals, and at every place of a run the bytes the fold changes or
        // drops (two spaces, white space, a backquote, a control byte, a scalar past ASCII).
        let run = "Le Président A dit: «Non», ABC-xyz [Z@`{]. "
        for stop in ["  ", "\t", "\n", "`", "\u{7F}", "\u{0}", "é", "e\u{301}", "\u{A0}", " \u{2009}", "Ⱥ"] {
            for k in 0...17 { texts.append(String(run.prefix(k)) + stop + run + run) }
        }
        texts += [String(repeating: "a ", count: 20), String(repeating: " a", count: 20), String(repeating: "ABCDEFGH", count: 5) + " ",
                  "        x        ", "abcdefgh ", "abcdefg  ", "@[`{AZaz", "\u{1}\u{2}abcdefghijk"]
        let articles = repoRoot + "/Content/articles"
        for name in try FileManager.default.contentsOfDirectory(atPath: articles).sorted() {
            texts.append(try String(contentsOfFile: articles + "/" + name, encoding: .utf8))
        }
        for s in texts {
            #expect(Self.same(Text.fold(s), Text.foldByScalars(s)), "\(s.prefix(60).debugDescription)")
        }
        // Every ASCII byte at each place among plain letters.
        for v in 0..<128 {
            let c = String(UnicodeScalar(UInt8(v)))
            for k in 0..<8 {
                let t = String(repeating: "x", count: k) + c + String(repeating: "Y", count: 9 - k)
                #expect(Self.same(Text.fold(t), Text.foldByScalars(t)), "\(t.debugDescription)")
            }
        }
    }

    @Test("each quote's article place, looked up once a run, is the one a lookup for each quote gives")
    func quoteArticlePlaces() {
        let order = ["a": 0, "b": 1, "c": 2]
        for articles in [[], ["a"], ["a", "a", "b", "b", "b", "c"], ["b", "a", "b", "a"], ["x", "x", "a", "x", "c", "c"], ["c", "", "", "a"]] {
            let quotes = articles.enumerated().map { i, a in
                Quote(id: "q\(i)", article: a, text: "t", kind: .direct, speaker: nil, speakerName: nil,
                      evidence: Evidence(cue: "", rule: "", confidence: 1, notes: []), note: nil, start: i, end: i, paragraph: 0)
            }
            #expect(PageBuilder.places(of: quotes, in: order) == articles.map { order[$0] ?? -1 }, "\(articles)")
        }
    }

    @Test("a token compared as bytes with an ASCII literal answers as ==: only three scalars past ASCII are ASCII in normal form")
    func asciiLiterals() {
        // Every scalar past ASCII whose canonical decomposition is all ASCII (decomposed a block
        // at a time, each scalar after a line feed, as the fold table is made).
        var found: [UInt32] = []
        var from: UInt32 = 0x80
        while from < 0x110000 {
            let end = min(from + 0x4000, 0x110000)
            var joined = String.UnicodeScalarView()
            var values: [UInt32] = []
            for v in from..<end {
                guard let c = Unicode.Scalar(v) else { continue }
                joined.append("\n")
                joined.append(c)
                values.append(v)
            }
            let parts = String(joined).decomposedStringWithCanonicalMapping.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
            #expect(parts.count == values.count)
            for (v, part) in zip(values, parts) where part.allSatisfy(\.isASCII) { found.append(v) }
            from = end
        }
        #expect(found == [0x37E, 0x1FEF, 0x212A])
        #expect("\u{37E}" == ";" && "\u{212A}" == "K", "String's == is canonical equivalence")
        // So for literals without those three, the bytes answer as == does, accents or not.
        let words = ["lui", "Lui", "lui\u{301}", "luì", "they", "on", "ón", ",", "，", "her", "", "l", "\u{37E}"]
        for w in words {
            let t = Token(text: w, folded: Text.fold(w), lower: Text.lower(w), kind: .word, start: 0, end: 1)
            for literal in ["lui", "they", "on", ",", "her"] as [StaticString] {
                let same: Bool
                switch "\(literal)" {
                case "lui": same = t.textIs("lui") == (w == "lui") && t.lowerIs("lui") == (Text.lower(w) == "lui")
                case "they": same = t.textIs("they") == (w == "they")
                case "on": same = t.lowerIs("on") == (Text.lower(w) == "on")
                case ",": same = t.textIs(",") == (w == ",")
                default: same = t.lowerIs("her") == (Text.lower(w) == "her")
                }
                #expect(same, "\(w.debugDescription) against \(literal)")
            }
        }
    }

    @Test("Markdown written as bytes is the concatenation of its pieces as strings, whatever their storage; a page hashes it as its string")
    func markdownText() {
        // Small (inline) and stored strings, literals, a string from Foundation, a substring made whole.
        let bridged = NSString(string: "« Une déclaration assez longue pour être stockée » — dit-il").description
        let pieces = Self.samples + [bridged, String(bridged.dropFirst(3)), String(repeating: "é", count: 100), "\n\n"]
        var text = MarkdownText(), string = ""
        for p in pieces {
            text += p
            string += p
        }
        text.write("[x](y)")
        string.write("[x](y)")
        #expect(text.utf8 == Array(string.utf8))
        // Pieces that fill the room exactly, overflow it, or are bigger than all of it.
        var grown = MarkdownText(), grownString = ""
        for n in [255, 1, 1, 254, 3000, 0, 7, 9000] {
            let piece = String(repeating: n % 2 == 0 ? "é" : "a", count: n / (n % 2 == 0 ? 2 : 1))
            grown += piece
            grownString += piece
            #expect(grown.utf8 == Array(grownString.utf8), "\(n)")
        }
        // A copy is a value of its own.
        let before = grown
        grown += "x"
        #expect(before.utf8 == Array(grownString.utf8) && grown.utf8 == Array((grownString + "x").utf8))
        #expect(Page(path: "p", kind: "article", title: "T", markdown: before, language: nil).markdown == grownString)
        #expect(String(decoding: text.utf8, as: UTF8.self) == string)
        // The generic writers give a String and a MarkdownText the same text.
        var link = MarkdownText()
        PageBuilder.appendLink("Un [titre] *x*", href: ["../", "articles/", "a b", ".html"], to: &link)
        #expect(String(decoding: link.utf8, as: UTF8.self) == PageBuilder.link("Un [titre] *x*", "../articles/a b.html"))
        let page = Page(path: "p", kind: "article", title: "T", markdown: text, language: nil)
        #expect(page.markdown == string)
        #expect(page == Page(path: "p", kind: "article", title: "T", markdown: string, language: nil))
        var a = StableHash(), b = StableHash()
        a.add(text: page.markdownUTF8)
        b.add(string)
        #expect(a.value == b.value)
        for p in Self.samples {
            var c = StableHash(), d = StableHash()
            c.add(text: Array(p.utf8))
            d.add(p)
            #expect(c.value == d.value, "\(p)")
        }
    }

    @Test("the lexicon read among the bytes holds what reading it by characters did")
    func lexiconBytes() {
        /// The parser by characters that the byte parser replaced.
        func reference(_ texts: [String]) -> [String: [String]] {
            func trimmed(_ s: Substring) -> String {
                let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{A0}" || $0 == "\u{202F}" || $0 == "\u{2009}" }
                guard let first = s.firstIndex(where: { !blank($0) }), let last = s.lastIndex(where: { !blank($0) }) else { return "" }
                return String(s[first...last])
            }
            var sections: [String: [String]] = [:]
            for text in texts {
                var current = ""
                for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                    var line = Substring(rawLine)
                    if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
                    let t = trimmed(line)
                    if t.isEmpty { continue }
                    if t.hasPrefix("[") && t.hasSuffix("]") { current = String(t.dropFirst().dropLast()); continue }
                    if current == "transliterations" { sections[current, default: []].append(t); continue }
                    for entry in t.split(separator: ",") {
                        let e = trimmed(entry)
                        if !e.isEmpty { sections[current, default: []].append(e) }
                    }
                }
            }
            return sections
        }
        let shipped = [PackageResources.speech_txt, PackageResources.grammar_txt, PackageResources.first_names_txt,
                       PackageResources.names_txt, PackageResources.places_txt, PackageResources.reading_txt].map { String(decoding: $0, as: UTF8.self) }
        #expect(Lexicon(sources: shipped).sections == reference(shipped))
        #expect(Lexicon.standard.sections == reference(shipped))
        let tricky = ["[a]\r\n x ,\u{A0}y\u{202F}, z\u{2009}\r\n[]\nw\u{2028}v\u{2029}u\u{85}t\u{0B}s\u{0C}r",
                      "[b]\n,,, à ,\u{A0}\u{A0}, é\t# c\n#\n[\n]\n[c] # d\nq", "no section, x\n[transliterations]\n a = b , c \n",
                      "[e]\n\u{E2}\u{80}x, \u{2009}\u{2009} ,end", "", "\n\n", "["]
        #expect(Lexicon(sources: tricky).sections == reference(tricky))
    }

    @Test("the fold table, made from one decomposition of all its scalars, holds each scalar's own fold")
    func foldTable() {
        let table = Text.foldTable
        var differing: [String] = []
        for v in UInt32(0x80)..<Text.foldTableEnd {
            guard let c = Unicode.Scalar(v) else { continue }
            let row = Array(table.bytes[table.row(v)])
            if row != Array(Text.foldScalar(c).utf8) { differing.append(String(v, radix: 16)) }
        }
        let count = differing.count
        #expect(count == 0, "U+\(differing.prefix(10))")
        // Scalars that decompose into a letter and marks, and marks that canonical reordering
        // would move if two scalars' decompositions were not kept apart.
        for (scalar, folded) in [(0xE9, "e"), (0x1EA0, "a"), (0x1E09, "c"), (0x0301, ""), (0x0323, ""), (0x00C5, "a"), (0x2013, "-")] {
            #expect(table.bytes[table.row(UInt32(scalar))].elementsEqual(folded.utf8), "U+\(String(scalar, radix: 16))")
        }
    }

    @Test("slugs and list-number escapes answer as Foundation's character sets did")
    func slugAndBlockStart() {
        func referenceSlug(_ s: String, maxLength: Int) -> String {
            var out = "", pendingHyphen = false
            for scalar in Text.fold(s).unicodeScalars {
                if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                    if pendingHyphen && !out.isEmpty { out.append("-") }
                    pendingHyphen = false
                    out.unicodeScalars.append(scalar)
                    if out.count >= maxLength { break }
                } else {
                    pendingHyphen = true
                }
            }
            return out
        }
        for s in Self.samples + ["Kamala Harris, 2024!", "--a--b--", "x٣y", "Mai 1939, 0-9 AZ az", String(repeating: "ab cd ", count: 30)] {
            for n in [1, 3, 80] { #expect(Text.slug(s, maxLength: n) == referenceSlug(s, maxLength: n), "\(s.debugDescription) \(n)") }
        }
        #expect(Text.slug("Élysée : 2024") == "elysee-2024")
        #expect(Text.protectBlockStart("12. mai") == "12\\. mai" && Text.protectBlockStart("٣. mai") == "٣. mai"
                && Text.protectBlockStart("0) x") == "0\\) x" && Text.protectBlockStart("9 mai") == "9 mai")
    }

    @Test("an article's lower-case words are each word once, in the order first seen")
    func lowercaseWords() throws {
        let articles = repoRoot + "/Content/articles"
        let names = try FileManager.default.contentsOfDirectory(atPath: articles).sorted()
        #expect(!names.isEmpty)
        let analyzer = Analyzer(grammar: Grammar())
        for name in names {
            let text = try String(contentsOfFile: articles + "/" + name, encoding: .utf8)
            let article = try #require(readArticle(text + "\n\nle la le LE Le la.", name: name).article)
            let analysis = analyzer.analyze(article)
            var seen = Set<UInt64>(), reference: [UInt64] = []
            for p in analysis.paragraphs {
                for t in p.tokens where t.kind == .word && !t.isCapitalized && seen.insert(Text.wordHash(t.folded)).inserted {
                    reference.append(Text.wordHash(t.folded))
                }
            }
            #expect(reference.count > 100 && analysis.lowercaseWords == reference, "\(name)")
        }
        // Zero, collisions in a small table, and runs of one value.
        for values: [UInt64] in [[], [0], [0, 0, 5, 0, 5], [7, 7, 7], (0..<300).map { UInt64($0 % 17) << 59 },
                                 (0..<1000).map { UInt64(($0 * 7919) % 613) }, [.max, 1, .max, 0, 1]] {
            var kept = values, seen = Set<UInt64>()
            kept.removeDuplicates()
            #expect(kept == values.filter { seen.insert($0).inserted }, "\(values.prefix(8))")
        }
    }

    @Test("the joined word tables answer as the tables they join")
    func joinedTables() {
        let g = Grammar()
        let lexicon = Lexicon.standard
        func words(_ sections: [String], _ form: (String) -> String) -> [String] {
            var out = ["", "il", "elle", "lui", "her", "président", "porte-parole", "maison blanche", "m.", "mme", "jean", "poutine"]
            for section in sections { out += lexicon[section].map(form) }
            #expect(out.count > 40, "\(sections)")
            return out + out.map { $0 + "s" } + out.map { String($0.dropLast()) }
        }
        for w in words(["pronouns.subject.male", "pronouns.subject.female", "roles.male", "roles.female"], Text.lower) {
            let four = g.malePronouns.contains(w) || g.femalePronouns.contains(w) || g.maleRoles.contains(w) || g.femaleRoles.contains(w)
            #expect(g.isPronounOrRole(w) == four, "\(w)")
            #expect(g.isRole(w) == (g.maleRoles.contains(w) || g.femaleRoles.contains(w)), "\(w)")
        }
        for w in words(["male", "female", "unisex"], Text.fold) {
            #expect(g.isFirstName(w) == (g.maleFirstNames.contains(w) || g.femaleFirstNames.contains(w) || g.unisexFirstNames.contains(w)), "\(w)")
        }
        for w in words(["titles.male", "titles.female", "titles.any"], Text.lower) {
            #expect(g.isTitle(w) == (g.maleTitles.contains(w) || g.femaleTitles.contains(w) || g.anyTitles.contains(w)), "\(w)")
        }
        for w in words(["places", "organisations"], Text.fold) {
            #expect(g.isPlaceOrOrganisation(w) == (g.places.contains(w) || g.organisations.contains(w)), "\(w)")
        }
    }

    @Test("lower: the ASCII path equals lowercased() with straight apostrophes")
    func lower() {
        for s in Self.samples where s.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(Self.same(Text.lower(s), s.lowercased()), "\(s.debugDescription)")
        }
        #expect(Text.lower("L\u{2019}Été") == "l'été")
        for s in Self.samples + ["L\u{2019}ÉTÉ\u{2011}", "İstanbul", "ǅ", "ΣΟΦΙΑ", "ΟΔΟΣ ΟΔΟΣ.", "ÀÉÎÕÜ ŒUVRE ‘Q’", "\u{212A}elvin"] {
            #expect(Self.same(Text.lower(s), Text.lowerByScalars(s)), "\(s.debugDescription)")
        }
    }

    @Test("UTF-16 ranges walked to from the last place asked are the ranges Foundation converts")
    func utf16Places() {
        for s in Self.samples + ["🇫🇷 a 😀é\u{301}b", "e\u{301}e\u{301}", String(repeating: "é😀a\u{301}", count: 12)] {
            let n = s.utf16.count
            var pairs: [(Int, Int)] = []
            for a in 0...n + 1 { for b in a...n + 1 { pairs.append((a, b)) } }
            var places = UTF16Places(s)
            // Forward, then back: the walk goes both ways from where it stands.
            for (a, b) in pairs + pairs.reversed() {
                let r = NSRange(location: a, length: b - a)
                #expect(places.range(r) == Range(r, in: s), "\(s.debugDescription) \(a)..<\(b)")
            }
            for offset in s.unicodeScalars.indices.map({ s.utf8.distance(from: s.utf8.startIndex, to: $0) }).reversed() + [s.utf8.count] {
                let start = s.utf8.index(s.utf8.startIndex, offsetBy: offset)
                #expect(places.range(fromUTF8: offset) == NSRange(start..<s.endIndex, in: s), "\(s.debugDescription) from \(offset)")
            }
        }
    }

    @Test("a pattern tried at every place a match may start finds what scanning the text finds")
    func patternStarts() throws {
        let patterns = try ["\\b(mardi|mercredi)(?:\\s+(prochain|soir))?\\b", "\\b(hier|avant-hier|aujourd['’]hui)(?![\\w-])", "a+b?", "\\b\\w"]
            .map { try #require(Pattern($0)) }
        let texts = ["mardi mardi prochain mercredi soir", "hier, avant-hier et aujourd’hui-même, aujourd'hui", "aab ab aaab b a",
                     "Xmardi é\u{301}mardi 🇫🇷 mardi", "", "mercredi"]
        for p in patterns {
            for s in texts {
                let everywhere = s.unicodeScalars.indices.map { s.utf8.distance(from: s.utf8.startIndex, to: $0) }
                let tried = p.matches(in: s, startingAt: everywhere), scanned = p.matches(in: s, from: 0)
                func groups(_ m: Pattern.Match) -> [String?] { (0..<m.output.count).map { m.output[$0].substring.map(String.init) } }
                #expect(tried.map(\.range) == scanned.map(\.range), "\(s.debugDescription)")
                #expect(tried.map(groups) == scanned.map(groups), "\(s.debugDescription)")
            }
        }
    }

    @Test("mentions by token answer as a dictionary from token to mention")
    func mentionsByToken() {
        var index = MentionsByToken(tokens: 6), dictionary: [Int: Mention] = [:]
        let writes: [(Int, Mention?)] = [(0, Mention(kind: .pronoun(.male), paragraph: 0, lo: 0, hi: 1)),
                                          (3, Mention(kind: .name(2), paragraph: 0, lo: 3, hi: 5)),
                                          (3, Mention(kind: .organisation("CNN"), paragraph: 0, lo: 3, hi: 4)),
                                          (0, nil), (8, Mention(kind: .role("porte-parole", .female), paragraph: 0, lo: 7, hi: 9))]
        for (token, m) in writes {
            index[token] = m
            dictionary[token] = m
            for t in -1...10 { #expect(index[t] == dictionary[t], "token \(t) after writing \(token)") }
        }
    }

    @Test("ids: FNV-1a of the text's bytes in eight hex digits, leading zeros kept; year digits read on the bytes")
    func idsAndDigits() {
        #expect(Attributor.hash("") == "811c9dc5" && Attributor.hash("a") == "e40c292c" && Attributor.hash("q134") == "0017c4c8")
        #expect(Attributor.hash("Déclaration") == Attributor.hash(String(Substring("« Déclaration »").dropFirst(2).dropLast(2))))
        for (text, has) in [("", false), ("123", false), ("en 2024", true), ("1 2 3 4", false), ("x12345", true), ("é2024é", true), ("20 24", false)] {
            #expect(DateFinder.hasYearDigits(text) == has, "\(text)")
        }
    }

    @Test("trimming blanks equals Foundation's trimming of .whitespaces")
    func trimming() {
        var texts = Self.samples
        for v in [0x09, 0x0A, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2007, 0x200A, 0x200B, 0x200C, 0x2028, 0x202F, 0x205F, 0x3000, 0xFEFF] {
            guard let c = Unicode.Scalar(v) else { continue }
            texts.append("\(c)mot\(c)")
            texts.append("fin.\(c)\(c)")
        }
        for s in texts {
            #expect(Self.same(Text.trimmingBlanks(s), s.trimmingCharacters(in: .whitespaces)), "\(s.debugDescription)")
            #expect(String(Text.trimmingTrailingSpaces(s)).last == s.trimmingCharacters(in: .whitespaces).last, "\(s.debugDescription)")
        }
    }

    @Test("a byline's name is trimmed of the characters Foundation's CharacterSet trimmed")
    func bylineTrim() {
        let edges = CharacterSet(charactersIn: " ,|-–—/·•:")
        var texts = Self.samples + ["", " ", "—", "Par Jean Dupont | ", " – Hoang Bach · ", "•Anne-Marie Le Pen:", "/ ,|-–—/·•: x /·",
                                    "-\u{301}Jean", "Jean\u{301}-", "Ana ‑ ", "Jean\u{2011}"]
        for v in 0x20...0x7E { if let c = Unicode.Scalar(v) { texts.append("\(c)Nom\(c)") } }
        for (i, s) in [0xB7, 0x2013, 0x2014, 0x2022, 0x2010, 0x2212].compactMap(Unicode.Scalar.init).enumerated() { texts.append("\(s)Nom \(i)\(s)") }
        for s in texts {
            #expect(Self.same(Text.trimming(Substring(s), where: Cleaner.isBylineEdge), s.trimmingCharacters(in: edges)), "\(s.debugDescription)")
        }
    }

    @Test("the date words after a byline's name, compared word by word, go as the joined phrase compared did")
    func trailingDateWords() {
        let cleaner = Cleaner()
        // The lexicon's phrases are their words joined by single spaces.
        #expect(cleaner.datePrefixes.count == cleaner.datePrefixWords.count && cleaner.datePrefixes.count > 5)
        for (p, words) in zip(cleaner.datePrefixes, cleaner.datePrefixWords) { #expect(words.joined(separator: " ") == p && !words.contains("")) }
        // What the name part was cut to when each phrase was folded and joined again at each turn.
        func reference(_ s: Substring, keeping: Int) -> Substring {
            var words = Text.words(s)
            var changed = true
            while changed {
                changed = false
                for p in cleaner.datePrefixes {
                    let n = p.split(separator: " ").count
                    guard words.count - n >= keeping else { continue }
                    if words.suffix(n).map({ Text.fold(String($0)) }).joined(separator: " ") == p {
                        words.removeLast(n)
                        changed = true
                        break
                    }
                }
            }
            return Substring(words.joined(separator: " "))
        }
        var texts: [String] = []
        for name in ["Jeanne Martin |", "Jeanne Martin", "Jean", "", "Anne\u{00A0}Le Goff", "Publié le"] {
            for tail in ["", " Publié le", " publié le mis à jour le", " PUBLIÉ  LE", " Mis\u{00A0}à jour", " Mise à jour", " le", " publie\u{301} le",
                         " first published on", " Updated", " date", " Publié le Publié le",
                         // The first words of a phrase without the rest.
                         " publié hier", " mis à jamais", " first seen on", " mis en scène"] {
                texts.append(name + tail)
            }
        }
        for t in texts {
            for keeping in [0, 1, 2] {
                #expect(Self.same(String(Cleaner.droppingTrailing(cleaner.datePrefixWords, from: Substring(t), keeping: keeping)),
                                  String(reference(Substring(t), keeping: keeping))), "\(t.debugDescription) \(keeping)")
            }
        }
        #expect(Cleaner.droppingTrailing(cleaner.datePrefixWords, from: "Jeanne Martin | Publié le", keeping: 1) == "Jeanne Martin |")
    }

    @Test("a date line's leftover words read on the bytes are those Foundation's replacing and the split by letters leave")
    func dateLineLeftover() {
        let cleaner = Cleaner()
        func reference(_ s: String) -> PartialDate? {
            guard !Text.hasMoreCharacters(s, than: 120) else { return nil }
            let ms = cleaner.dates.all(in: s)
            guard let first = ms.first else { return nil }
            var rest = s
            for m in ms.reversed() { rest.removeSubrange(m.range) }
            var leftover = Text.fold(rest)
            for p in cleaner.datePrefixes { leftover = leftover.replacingOccurrences(of: p, with: " ") }
            let meaningful = leftover.split { !$0.isLetter }.filter { $0.count > 2 && !cleaner.dateWords.contains(String($0)) }
            if meaningful.isEmpty { return first.date }
            // An outlet named whole beside the date ("| Le Monde"), with its agency's words.
            let outlet = cleaner.outlets.contains { Text.fold(s).contains($0) }
            return outlet && meaningful.allSatisfy({ cleaner.outletWords.contains(String($0)) }) ? first.date : nil
        }
        var lines: [String] = []
        for head in ["", "Publié le ", "Publié le Publié le ", "Mis à jour le ", "Published ", "Updated: ", "Le ", "Par Jean ", "Mis à jour le\r\n",
                     "publié lemonde ", "date: ", "Lundi ", "Vu ", "Actualisé le ", "mis a jour le mis a jour le "] {
            for date in ["12 mars 2024", "2024-03-12 10:00", "March 12, 2024", "12/03/2024 à 10h30", "mars 2024"] {
                for tail in ["", " à 10h00", " | Le Monde", " – mis à jour le 13 mars 2024", " (AFP)", " UTC", " Paris", " ok", "\u{00A0}·\u{00A0}lecture 3 min"] {
                    lines.append(head + date + tail)
                }
            }
        }
        var dated = 0
        for line in lines {
            #expect(cleaner.dateLine(line) == reference(line), "\(line.debugDescription)")
            if cleaner.dateLine(line) != nil { dated += 1 }
        }
        #expect(dated > 50 && dated < lines.count)
        for (text, needle) in [("aaa", "aa"), ("publie le publie le", "publie le"), ("xpublie lex", "publie le"), ("", "a"), ("abc", "abcd"), ("a b a b a", "a b a")] {
            #expect(Cleaner.replacingBytes(of: needle, with: " ", in: text) == text.replacingOccurrences(of: needle, with: " "), "\(text) \(needle)")
        }
    }

    @Test("phrase heads turn away only lines that the read-also and furniture phrases cannot start")
    func phraseHeads() {
        let cleaner = Cleaner()
        let lists: [(phrases: [String], heads: PhraseHeads, start: (UInt8) -> Bool, skip: (Character) -> Bool)] = [
            (cleaner.readAlso, cleaner.readAlsoHeads, Cleaner.startsReadAlso, { !$0.isLetter }),
            (cleaner.furniture, cleaner.furnitureHeads, Cleaner.startsFurniture, { !$0.isLetter && $0 != "(" && $0 != "©" }),
        ]
        var texts = Self.samples + ["", "lir", "lire", "— lire aussi : x", "« Lire aussi", "1. read more", "l\u{301}ire aussi", "-\u{301}lire aussi",
                                    "lire\u{301} aussi", "\u{200D}lire aussi", "(afp)", " (avec afp) x", "© copyright", "©\u{301} copyright",
                                    "« (afp", "Le texte, adopté en première lecture.", "αlire aussi", "12:30 temps de lecture"]
        for list in lists {
            for p in list.phrases { texts += [p, " " + p, "» " + p + " : suite", "1 " + p, p.uppercased(), String(p.dropLast())] }
        }
        for list in lists {
            for text in texts {
                let folded = Text.fold(text)
                let f = folded.drop(while: list.skip)
                let matches = list.phrases.contains { f.hasPrefix($0) }
                #expect(list.heads.mayStart(folded, at: list.start) || !matches, "\(text.debugDescription)")
            }
        }
        // It does turn away the lines of an article's body; the rules still find their lines.
        #expect(!cleaner.readAlsoHeads.mayStart("le texte, adopte en premiere lecture.", at: Cleaner.startsReadAlso))
        #expect(!cleaner.furnitureHeads.mayStart("des centaines de personnes", at: Cleaner.startsFurniture))
        for line in ["(AFP)", "— Lire aussi : Le budget en cinq questions", "Temps de lecture : 4 min.", "(avec Reuters)"] {
            #expect(cleaner.isReadAlso(Text.fold(line)) || cleaner.isFurniture(Text.fold(line)), "\(line)")
        }
    }

    @Test("a word table answers as the set it is made from, whatever the normalization")
    func wordTable() {
        let words: Set<String> = ["été", "e\u{301}lu", "dit", "a-t-il", "Путин", "\u{212A}", "président", "l'", "»", ""]
        let table = WordTable(words)
        let questions = Self.samples + ["été", "e\u{301}te\u{301}", "élu", "e\u{301}lu", "dit", "dits", "K", "k", "Путин",
                                        "président", "pre\u{301}sident", "l'", "l\u{2019}", "»", "", "di"]
        for q in questions {
            #expect(table.contains(q) == words.contains(q), "\(q.debugDescription)")
        }
        // Many words: the table's probing wraps around without losing any.
        let many = Set((0..<2000).map { "mot\($0)" })
        let big = WordTable(many)
        #expect((0..<2000).allSatisfy { big.contains("mot\($0)") })
        #expect(!(2000..<2100).contains { big.contains("mot\($0)") })
    }

    @Test("a word table asked for words joined by spaces answers as for the joined string, whatever its length or normalization")
    func wordTableJoining() {
        let long = String(repeating: "très ", count: 30) + "long"
        let words: Set<String> = ["maison blanche", "la france insoumise", "m.", "mme.", "e\u{301}lysée palais", "parti", long, "", "été."]
        let table = WordTable(words)
        let runs: [[String]] = [[], [""], ["maison", "blanche"], ["maison"], ["maison", "blanche", "x"], ["la", "france", "insoumise"],
                                ["m"], ["mme"], ["e\u{301}lysée", "palais"], ["élysée", "palais"], ["parti"], ["été"], ["e\u{301}te\u{301}"],
                                long.split(separator: " ").map(String.init), ["maison", "", "blanche"], ["", "parti"]]
            + Self.samples.map { [$0] } + Self.samples.indices.dropFirst().map { [Self.samples[$0 - 1], Self.samples[$0]] }
        for run in runs {
            #expect(table.contains(joining: run.count) { run[$0] } == words.contains(run.joined(separator: " ")), "\(run)")
            #expect(table.contains(joining: run.count, suffix: 0x2E) { run[$0] } == words.contains(run.joined(separator: " ") + "."), "\(run).")
        }
        // Beyond the small buffer the words are joined as a string (and still found).
        let longWords = long.split(separator: " ").map(String.init)
        #expect(long.utf8.count > 128 && table.contains(joining: longWords.count) { longWords[$0] })
        // The grammar's questions on runs of tokens.
        let g = Grammar(lexicon: .standard)
        let tokens = Tokenizer.tokenize("À la Maison Blanche, M. Dupont et Mme Durand")
        for lo in tokens.indices {
            for hi in lo...tokens.count {
                let joined = tokens[lo..<hi].map(\.folded).joined(separator: " ")
                #expect(g.isPlaceOrOrganisation(tokens[lo..<hi]) == g.isPlaceOrOrganisation(joined), "\(joined)")
            }
            #expect(g.isTitleWithPeriod(tokens[lo].lower) == g.isTitle(tokens[lo].lower + "."), "\(tokens[lo].lower)")
        }
        #expect(g.isPlaceOrOrganisation(tokens[2..<4]), "maison blanche is a place in the lexicon")
        #expect(g.isTitleWithPeriod("m") && !g.isTitleWithPeriod("dupont"))
    }

    @Test("tokens hold their own text at their scalar places, in any script")
    func tokenPlaces() {
        let text = "« Non », a déclaré M. Peskov à l’agence TASS 🇷🇺 : Путин n'ira pas, ترامب ... e\u{301}te\u{301} Nguyễn aujourd'hui-même. "
            + "L'ÉLYSÉE, O'NEIL, JEAN-LUC, Jean‑Luc, ÉTÉ, É, Trump’s, 3e, x86, 2024, MM. CNN’s ÀB, dit-il, a‐t‐il, -t-, 2024-2025"
            // Lower case and fold longer than the word, past the tables, and words too long for
            // the tokenizer's scratch room.
            + " İSTANBUL İ ǄEMAL ǅ Ⱥ 東京都 Ω Éé\u{301} " + String(repeating: "é", count: 40) + " " + String(repeating: "Ⱥ", count: 30) + " "
            + String(repeating: "A", count: 70) + " " + String(repeating: "ÉA", count: 21)
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokenize(text)
        for t in tokens {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[t.start..<t.end])
            #expect(Self.same(String(view), t.text), "\(t.text)")
            // A punctuation token ("’s" included) keeps its text in all three forms.
            #expect(t.kind == .punct ? Self.same(t.folded, t.text) && Self.same(t.lower, t.text)
                                     : Self.same(t.folded, Text.fold(t.text)) && Self.same(t.lower, Text.lower(t.text)), "\(t.text)")
            // The capitals the tokenizer counted as it read are those the token works out alone.
            let alone = Token(text: t.text, folded: t.folded, lower: t.lower, kind: t.kind, start: t.start, end: t.end)
            #expect(t.isCapitalized == alone.isCapitalized && t.isAllCaps == alone.isAllCaps, "\(t.text)")
            #expect(t.hasHyphen == alone.hasHyphen && alone.hasHyphen == t.lower.contains("-"), "\(t.text)")
        }
        #expect(tokens.filter { $0.kind == .word && $0.hasHyphen }.map(\.text) == ["aujourd'hui-même", "JEAN-LUC", "Jean‑Luc", "dit-il"])
        #expect(tokens.filter(\.isAllCaps).map(\.text) == ["TASS", "ÉLYSÉE", "O'NEIL", "JEAN-LUC", "ÉTÉ", "MM.", "CNN", "ÀB", "İSTANBUL", "ǄEMAL",
                                                         String(repeating: "Ⱥ", count: 30), String(repeating: "A", count: 70),
                                                         String(repeating: "ÉA", count: 21)])
        #expect(tokens.map(\.text).contains("M."))
        #expect(tokens.map(\.text).contains("l’"))
        #expect(tokens.map(\.text).contains("agence"))
        #expect(tokens.map(\.text).contains("..."))
        #expect(tokens.first { $0.text == "TASS" }?.isAllCaps == true)
        #expect(tokens.first { $0.text == "Peskov" }.map { $0.isCapitalized && !$0.isAllCaps } == true)
    }

    @Test("captions: the path for simple lines finds what the character-by-character search finds")
    func captions() {
        let cleaner = Cleaner()
        var lines = [
            "Le président lors d’une conférence de presse. Photo : Reuters",
            "La présidente à l’Élysée.Crédit: PA",
            "Vue de Kyiv © AFP",
            "Vue de Kyiv (c) Getty Images",
            "Une « réunion » capitale, a-t-il dit (photo d'illustration : AFP)",
            "Le marché de Noël. Crédit photo : Jean Dupont",
            "Le 3 mars, il a dit : « Non ». Et il est parti.",
            "PHOTO : AFP",
            "Il a déclaré : photo : rien de plus à dire ici, vraiment, rien du tout ce soir.",
            "Légende : Kamala Harris – Atlanta",
            "Source image : capture d’écran",
            "Un dessin.Illustration:Le Monde",
            "Un texte sans crédit: juste deux-points",
            "Élodie Anderson lors d’une conférence de presse. Ảnh: PA",
            "Thủ tướng Phạm Minh Chính. Ảnh : Nguyễn Văn Điệp",
            "Ông ấy nói: ảnh đẹp quá",
            "Tàu chở hàng ở Hải Phòng. A\u{309}nh: AFP",
            "Sông Hồng.Ảnh:Ẫ",
        ]
        lines += lines.map { $0.uppercased() }
        lines += lines.map { $0.replacingOccurrences(of: "’", with: "'") }
        for line in lines {
            let fast = cleaner.captionInTail(line), slow = cleaner.captionInTailByCharacters(line)
            #expect(Self.same(fast?.credit, slow?.credit) && Self.same(fast?.rest, slow?.rest) && fast?.dropWhole == slow?.dropWhole, "\(line)")
        }
        #expect(cleaner.captionInTail(lines[0])?.credit == "Photo : Reuters")
        // Vietnamese credits take the simple path.
        #expect(Cleaner.captionFold("Ả") == "a" && Cleaner.captionFold("\u{309}") == nil)
    }

    /// The scalar-by-scalar checks that `Decoding` made before it read bytes.
    static func referenceLooksBinary(_ text: String) -> Bool {
        var total = 0, bad = 0
        for c in text.unicodeScalars.prefix(8192) {
            total += 1
            if (c.value < 0x20 && c != "\n" && c != "\r" && c != "\t") || c.value == 0xFFFD { bad += 1 }
        }
        return total > 0 && bad * 10 > total
    }

    static func referenceNeeds(_ s: String) -> (cleaning: Bool, nfc: Bool) {
        var needsCleaning = false, alreadyNFC = true
        for c in s.unicodeScalars {
            let v = c.value
            if v < 0x20 { if v != 0x0A && v != 0x09 { needsCleaning = true; break } } else if v == 0x7F || v == 0xFEFF {
                needsCleaning = true
                break
            } else if v >= 0x300 && !(v >= 0x2000 && v <= 0x206F) && !(v >= 0x20A0 && v <= 0x20C0) {
                alreadyNFC = false
            }
        }
        return (needsCleaning, alreadyNFC)
    }

    @Test("decoding: the byte checks for binary text and for cleaning agree with the scalar checks")
    func decodingChecks() {
        var texts = Self.samples + ["a\u{FFFD}b", String(repeating: "\u{FFFD}", count: 3) + "abcdefghijklmnop", "\u{1}\u{2}\u{3}x",
                                    "ligne\r\nligne", "\u{FEFF}début", "fin\u{7F}", "e\u{301}", "Nguyễn\n", "€ 20 – “ok”", "\u{2000}"]
        texts.append(String(repeating: "é", count: 9000) + String(repeating: "\u{1}", count: 2000))
        texts.append(String(repeating: "\u{1}", count: 900) + String(repeating: "a", count: 8000))
        // Eight bytes are read at a time: U+FFFD and control characters at every place in a
        // word, and around the 8,192nd scalar (the last text has a tenth of bad ones only if
        // counted past it), after runs of one-, two- and three-byte scalars.
        for unit in ["a", "é", "’", "€é"] {
            for bad in ["\u{FFFD}", "\u{1}", "\u{1F}", "\n"] {
                for offset in 0..<9 {
                    let head = String(repeating: "x", count: offset)
                    texts.append(head + bad + String(repeating: unit, count: 20) + bad)
                    texts.append(head + String(repeating: bad, count: 3) + unit)
                    texts.append(head + String(repeating: unit, count: 7380 / unit.unicodeScalars.count) + String(repeating: bad, count: 1000))
                }
            }
        }
        for t in texts {
            #expect(Decoding.looksBinary(t) == Self.referenceLooksBinary(t), "\(t.prefix(20).debugDescription)")
            let (cleaning, nfc) = Self.referenceNeeds(t)
            let expected = cleaning || !nfc ? nil : t
            // A text that needs nothing comes back as it is; any other is changed the same way as before.
            if let expected { #expect(Self.same(Decoding.normalise(t), expected)) }
            if !cleaning && !nfc { #expect(Self.same(Decoding.normalise(t), t.precomposedStringWithCanonicalMapping), "\(t.prefix(20).debugDescription)") }
        }
        #expect(Decoding.normalise("a\r\nb\rc\u{FEFF}\u{1}") == "a\nb\nc")
        // NFC line by line is the whole text's NFC, combining marks at line starts and ends included.
        let mixed = ["Le président a dit", "\u{301}e\u{301}te\u{301}", "Nguye\u{302}\u{303}n Phu\u{301}", "ا\u{653}خبار",
                     "", "fin\u{0323}\u{0302}", "\u{2126}hm \u{212B}", "ﬁn", "한국어 \u{1100}\u{1161}"]
        for n in 1...mixed.count {
            for text in [mixed.prefix(n).joined(separator: "\n"), mixed.suffix(n).joined(separator: "\n"),
                         "\n" + mixed.reversed().prefix(n).joined(separator: "\n\n") + "\n"] {
                #expect(Self.same(Decoding.nfcByLine(text), text.precomposedStringWithCanonicalMapping), "\(text.debugDescription)")
                #expect(Self.same(Decoding.normalise(text + "\r\n"), (text + "\n").precomposedStringWithCanonicalMapping))
            }
        }
        #expect(Decoding.nfcByLine("") == "" && Decoding.nfcByLine("\n") == "\n")
    }

    @Test("ASCII white space and token capitals without the tables agree with the tables")
    func asciiFlags() {
        for b in UInt8(0)..<0x80 {
            let c = Unicode.Scalar(b)
            #expect(Scalars.isASCIISpace(b) == Scalars.isSpace(c), "\(b)")
        }
        for w in ["TASS", "CNN", "Ab", "AB", "A", "A1", "a", "Mme", "MM.", "O'NEIL", "Élysée", "ÉLYSÉE", "x86"] {
            let t = Token(text: w, folded: Text.fold(w), lower: Text.lower(w), kind: .word, start: 0, end: w.unicodeScalars.count)
            let letters = w.unicodeScalars.filter(Scalars.isLetter)
            #expect(t.isCapitalized == (w.unicodeScalars.first.map(Scalars.isUpper) ?? false), "\(w)")
            #expect(t.isAllCaps == (letters.count >= 2 && letters.allSatisfy(Scalars.isUpper)), "\(w)")
        }
    }

    @Test("statement stems: the scalar cut equals the character cut")
    func stems() {
        let grouper = StatementGrouper()
        let texts = ["Nous la soutiendrons aussi, en 2024 et après.", "Je la soutiendrai également !", "l’OTAN n’a pas 3 options",
                     "Il faut « négocier » maintenant", "Путин сказал это", "e\u{301}te\u{301} 42 ans", "ab cd 12 x9y",
                     "abcde abcdef 123 1234567 a1 9 ²³ Ⅻ abcd5 également", ""]
        for t in texts {
            let folded = Text.fold(t)
            var expected = Set<String>()
            for w in folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                var word = String(w)
                if let same = grouper.synonyms[word] { word = same } else {
                    if word.count < 3 && !word.allSatisfy(\.isNumber) { continue }
                    if grouper.stopwords.contains(word) { continue }
                }
                expected.insert(String(word.prefix(5)))
            }
            #expect(grouper.stems(t) == expected, "\(t)")
        }
        // In order and as many times as they come: the bytes' cut is the characters' cut.
        for t in texts + Self.samples + ["soutiendrons soutiendrai aussi également de la 2024 2024 ÉLYSÉE élysée 東京都庁 ²³"] {
            let folded = Text.fold(t)
            #expect(grouper.stemList(t) == grouper.stemsByCharacters(folded), "\(t)")
            if Text.allBytes(folded, { !Text.mayJoinScalars($0) }) {
                #expect(grouper.stemsByScalars(folded) == grouper.stemsByCharacters(folded), "\(t)")
            }
        }
        #expect(grouper.stems("Nous la soutiendrons aussi").contains("souti"))
    }

    @Test("inverted-verb suffixes on bytes agree with hasSuffix")
    func suffixes() {
        let words = ["dit-il", "a-t-elle", "ajoute-t-on", "vice-présidente", "é-il", "\u{0600}-il", "-il", "il", "déclare-t-ils", "x-ils", "répète-elle"]
        for w in words {
            for suffix in Analyzer.invertedSuffixes {
                #expect(Analyzer.hasASCIISuffix(w, suffix) == w.hasSuffix(suffix), "\(w) \(suffix)")
            }
        }
    }

    @Test("word counts on bytes agree with the count by scalars")
    func wordCounts() {
        var texts = Self.samples
        texts += ["  deux   mots  ", "a\u{00A0}b\u{2003}c\u{3000}d\u{85}e\u{2028}f", "fin\u{202F}?", "\u{1680}x", "mot\u{0301} \u{0301}"]
        // Eight bytes are taken at a time: spaces of every width, accents and tabs at every place
        // in a word, and words that run across the eight-byte steps.
        for sep in [" ", "  ", "\u{00A0}", "\u{202F}", "\t", "\u{3000}", "é", "’", " é ", "\u{1680}", "\u{85}"] {
            for offset in 0..<9 {
                let head = String(repeating: "x", count: offset)
                texts.append(head + sep + "abcdefghijkl" + sep + "mn op qrstuvwx yz" + sep + sep + "ééé ’’ fin" + sep)
                texts.append(sep + head + " " + head + sep + "a")
                // The rest of a wide space after the eighth byte, then a space.
                texts.append(head + sep + "  b  c")
            }
        }
        for s in texts {
            #expect(Cleaner.wordCount(s) == Cleaner.wordCountByScalars(s), "\(s.debugDescription)")
            let sub = s.dropFirst()
            #expect(Cleaner.wordCount(sub) == Cleaner.wordCountByScalars(sub), "\(s.debugDescription)")
            for cap in 1...12 { #expect(Cleaner.wordCount(s, cappedAt: cap) == min(Cleaner.wordCountByScalars(s), cap), "\(s.debugDescription) \(cap)") }
        }
        #expect(Cleaner.wordCount("a\u{00A0}b\u{2003}c") == 3)
        #expect(Cleaner.wordCount("un deux trois quatre", cappedAt: 3) == 3 && Cleaner.wordCount("un deux", cappedAt: 3) == 2)
    }

    @Test("line facts on bytes (words folded in a buffer) agree with the count by scalars and strings")
    func lineFacts() throws {
        let cleaner = Cleaner()
        var lines = Self.samples
        lines += ["Le président n’a pas dit qu'il le ferait, a-t-il déclaré à l’AFP.", "The president said it was not over",
                  String(repeating: "é", count: 40) + " " + String(repeating: "x", count: 70) + " le",
                  "ﬁn de l\u{FB01}le ǅ ǆ ß ẞ", "Τα νέα της ημέρας", "Последние новости из Москвы и", "Lê Văn Thành nói",
                  "e\u{301}te\u{301} d\u{301}e la", "l’`été’` -- ' - ’", "\u{2126}hm \u{212A}elvin \u{2160} and the"]
        // Every line of the example's articles.
        let articles = repoRoot + "/Content/articles"
        for name in try FileManager.default.contentsOfDirectory(atPath: articles).sorted() {
            lines += try String(contentsOfFile: articles + "/" + name, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        // Every ASCII byte beside letters.
        lines.append(String(decoding: (1..<0x80).map { UInt8($0) } + Array(" le\u{7F}la-l'a-".utf8), as: UTF8.self))
        for s in lines {
            #expect(Cleaner.LineFacts(s, cleaner: cleaner) == Cleaner.LineFacts(byScalars: s, cleaner: cleaner), "\(s.debugDescription)")
        }
        // The foreign letters as bits are the set's.
        for v in UInt8(0xC0)...0xFF {
            let c = Unicode.Scalar(v)
            #expect(Cleaner.isForeignLatin(c) == Cleaner.foreignLatin1.contains(c), "\(v)")
        }
        // The counts are not all zero: the test compares something.
        let f = Cleaner.LineFacts("Le président a dit que the end is near", cleaner: cleaner)
        #expect(f.fr >= 2 && f.en >= 2 && f.words == 9 && f.latin > 20)
    }

    @Test("quote spans: a paragraph without an opening mark gives what the scalar-by-scalar search gives")
    func quoteSpans() throws {
        var lines = Self.samples + [
            "— Nous sommes prêts, a-t-il assuré.", "\u{00A0} – Oui, dit-il.", "—Non, dit-il.", "Il a dit ’non’ hier.",
            "‹ Non › dit-il", "‘Yes,’ he said.", "He said: “No.”", "Il a dit ” ça ” hier", "» Nous devons partir.",
            "\"Non\", a-t-il dit", "l’été ’ et › ensuite", "Non, a-t-il dit. »", "« Nous ne céderons pas, dit-il. Jamais",
            "Ils disent „nein“ dort", "aujourd’hui l’AFP a écrit qu’il viendra", "",
            "'We have no illusions,' he said.", "the officials' claims were 'baseless', he said", "rock 'n' roll in the '90s",
            "aujourd'hui l'AFP (' non ') —'Oui' /'a'", "'", "a' 'b",
        ]
        for dir in [repoRoot + "/Content/articles", repoRoot + "/Tests/SitegenKitTests/Fixtures"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() {
                lines += try String(contentsOfFile: dir + "/" + name, encoding: .utf8).split(separator: "\n").map(String.init)
            }
        }
        var skipped = 0
        for line in lines {
            let count = line.unicodeScalars.count
            for cues in [[], [count / 2], Set(0..<count)] as [Set<Int>] {
                let all = QuoteSpans.find(scalars: Array(line.unicodeScalars), cueStarts: cues)
                #expect(QuoteSpans.find(in: line, cueStarts: cues) == all, "\(line.debugDescription) \(cues.count)")
                if !QuoteSpans.holdsMark(line) { skipped += 1 }
            }
        }
        // Both kinds of paragraph were compared, and the dialogue line is found without a mark.
        #expect(skipped > 100 && skipped < lines.count * 3)
        #expect(QuoteSpans.find(in: "— Nous sommes prêts, a-t-il assuré.", cueStarts: [21]).count == 1)
    }

    @Test("a prefix of characters cut on the bytes is the prefix cut by grapheme breaking")
    func characterPrefix() throws {
        var texts = Self.samples + ["e\u{301}" + String(repeating: "a", count: 9), String(repeating: "a", count: 5) + "e\u{301}x",
                                    "ab\r\ncd\r\nef", "ab\ncd", "🇫🇷🇫🇷 ab", "abcde\u{200D}f", "Nguyễn Phú Trọng a dit",
                                    "l’\u{301}été — «\u{202F}oui\u{202F}» …\u{200D}x", "a–\u{20DD}b €\u{301}", "Ả\u{309}Ẫ\u{200D}🏳️",
                                    "‼\u{FE0F} ⁉\u{200D}a", "a\u{2028}b\u{2060}c’"]
        let articles = repoRoot + "/Content/articles"
        for name in try FileManager.default.contentsOfDirectory(atPath: articles).sorted() {
            texts.append(try String(contentsOfFile: articles + "/" + name, encoding: .utf8))
        }
        for t in texts {
            for n in [0, 1, 2, 3, 4, 5, 6, 10, 100, 2000] {
                #expect(Self.same(String(Text.prefix(t, characters: n)), String(t.prefix(n))), "\(t.prefix(30).debugDescription) \(n)")
            }
        }
    }

    @Test("an ASCII text split on its bytes gives the pieces the split by characters gives")
    func asciiSplit() {
        let rules: [(bytes: (UInt8) -> Bool, characters: (Character) -> Bool)] = [
            (Cleaner.separatesNavigationWords, { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "-" }),
            (Cleaner.separatesCreditItems, { $0 == "/" || $0 == "," || $0 == "|" }),
            ({ $0 == 0x20 }, { $0 == " " }),
        ]
        var texts = Self.samples + ["accueil | monde | politique", "photo afp/ludovic marin", "12 min", "", "|", "||a||", " a  b ", "a\r\nb", "a\r\n",
                                    "\r\n|\r\n", "l'ete-2024 ok", "a,b,,c", "x\u{0}y\u{7F}z", "tab\tafter", "ap\u{301}res | x", "caf\u{E9} | x"]
        for v in 0..<128 { texts.append("ab" + String(UnicodeScalar(UInt8(v))) + "cd") }
        var split = 0
        for t in texts {
            for rule in rules {
                let fast = Text.asciiSplit(t, where: rule.bytes)
                #expect(fast == nil || fast == t.split(whereSeparator: rule.characters), "\(t.debugDescription)")
                #expect((fast == nil) == t.utf8.contains { $0 >= 0x80 }, "\(t.debugDescription)")
                if fast != nil { split += 1 }
            }
        }
        #expect(split > 300)
    }

    @Test("a credit's mark found on the bytes is what Foundation's searches find")
    func creditMark() {
        var texts = Self.samples + ["Photo : AFP", "© Reuters", "(c) AP", "(C) AP", "(c AP)", "(c", "c)", "Vue de Kyiv ©AFP", "a:\u{200D}b", ":\u{301}",
                                    "x:\u{FE0F}", "\u{FF1A}", "©\u{301}", "(C\u{301})", "(\u{1D04})", "ⓒ", "\u{A9}", "\u{C2}", "İ(C)", "(C)İ", "a\r\n:",
                                    "Légende : l’agence", "prix : 12 €", "Ǆ (Ç)", "( c )", "(ċ)"]
        for v in 0..<128 { texts.append("a" + String(UnicodeScalar(UInt8(v))) + "(c)") }
        var marked = 0
        for t in texts {
            let reference = t.contains(":") || t.contains("©") || t.lowercased().contains("(c)")
            #expect(Cleaner.hasCreditMark(t) == reference, "\(t.debugDescription)")
            if reference { marked += 1 }
        }
        #expect(marked > 100 && marked < texts.count)
    }

    @Test("a first name's gender and a role word, asked without a split when there is no hyphen, answer as with it")
    func hyphenShortcuts() {
        let g = Grammar()
        func gender(_ folded: String) -> Gender {
            if g.unisexFirstNames.contains(folded) { return .unknown }
            let base = folded.split(separator: "-").first.map(String.init) ?? folded
            if g.maleFirstNames.contains(folded) || g.maleFirstNames.contains(base) { return .male }
            if g.femaleFirstNames.contains(folded) || g.femaleFirstNames.contains(base) { return .female }
            return .unknown
        }
        func isRoleWord(_ folded: String) -> Bool {
            if g.roleWords.contains(folded) { return true }
            guard folded.contains("-") else { return false }
            let parts = folded.split(separator: "-")
            return parts.count > 1 && parts.allSatisfy { g.roleWords.contains(String($0)) }
        }
        var words = ["jean", "jean-pierre", "marie-claire", "anne-sophie", "-jean", "jean-", "-", "", "claude", "dominique-jean", "jean-\u{301}pierre",
                     "vice-president", "president", "ministre-president", "porte-parole", "ex-ministre", "chef-\u{301}adjoint", "kamala", "donald-j"]
        words += Self.samples.map(Text.fold)
        var hyphenated = 0
        for w in words {
            #expect(g.gender(ofFirstName: w) == gender(w), "\(w.debugDescription)")
            #expect(g.isRoleWord(w) == isRoleWord(w), "\(w.debugDescription)")
            if w.contains("-") && (gender(w) != .unknown || isRoleWord(w)) { hyphenated += 1 }
        }
        #expect(hyphenated >= 3)
    }

    @Test("a path's last component and folder, worked out on the bytes, are Foundation's; one character does not stop the program")
    func paths() {
        let paths = ["articles/a.html", "index.html", "people/jean-pierre.md", "a/b/c.txt", "", "ab", "/a", "/", "a//b", "a/b/", "/tmp/", "/tmp",
                     "scratch///", "/a/b/", "articles/été.html", "notes/2024/x.md", "./a", "../a/b", "a/./b", "a/../b", ".public.cache/x", "é/à.txt",
                     "~/x", "public", "/srv/www/public", "out/", "a/é", "x/y/z"]
        for p in paths {
            #expect(Paths.parent(p) == (p as NSString).deletingLastPathComponent, "\(p.debugDescription)")
            #expect(Paths.lastComponent(p) == (p as NSString).lastPathComponent, "\(p.debugDescription)")
        }
        // Foundation stops the program on these (Swift 6.3.1 on Linux).
        for (p, parent, last) in [("p", "", "p"), ("p/", "", "p"), ("é", "", "é"), ("/p", "/", "p"), ("a/\u{301}b", "a", "\u{301}b")] {
            #expect(Paths.parent(p) == parent && Paths.lastComponent(p) == last, "\(p.debugDescription)")
        }
    }

    @Test("a line's first blank, found on its bytes, is the one hasPrefix finds")
    func startsWithBlank() {
        var texts = Self.samples + [" ", "\t", " \u{301}x", "\t\u{301}", "  x", " \r\n", "\u{A0}x", " é", " \u{200D}x", "x ", ""]
        for v in 0..<128 { texts.append(" " + String(UnicodeScalar(UInt8(v))) + "x") }
        for t in texts { #expect(Text.startsWithBlank(t) == (t.hasPrefix(" ") || t.hasPrefix("\t")), "\(t.debugDescription)") }
        #expect(Text.protectBlockStart("  - x") == "\\- x" && Text.protectBlockStart(" \u{301}- x") == " \u{301}- x")
    }

    @Test("an ASCII prefix compared on the bytes answers as hasPrefix, marks, carriage returns and look-alikes included")
    func asciiPrefix() {
        let prefixes = ["", "a", "par ", "by", "publie le", "mis a jour", "e", "k", ";", "`", "a\r", "\r", "date", "(c)"]
        var texts = Self.samples
        for p in prefixes {
            // The prefix alone, followed by a mark, a joiner, a look-alike, a line feed or text past ASCII.
            for tail in ["", " ", "x", "\u{301}", "\u{200D}", "\u{FE0F}", "\n", "\r\n", "é", "\u{212A}", "\u{37E}", "\u{1FEF}", "🇫🇷", "\u{00A0}"] {
                texts.append(p + tail)
                texts.append(p.dropLast() + tail)
            }
        }
        texts += ["pa\u{301}r Jean", "publie\u{301} le 3", "\u{212A}", "\u{37E}x", "\u{1FEF}x", "par\u{0020}\u{0301}Jean", "ｐａｒ Jean"]
        var hits = 0
        for t in texts {
            for p in prefixes {
                #expect(Text.hasPrefix(t, ascii: p) == t.hasPrefix(p), "\(t.debugDescription) \(p.debugDescription)")
                if t.hasPrefix(p) && !p.isEmpty { hits += 1 }
            }
        }
        #expect(hits > 40)
        // Past ASCII in the prefix: the standard library's answer.
        #expect(Text.hasPrefix("été", ascii: "é") && !Text.hasPrefix("e\u{301}x", ascii: "e"))
        #expect(Text.hasPrefix("é", ascii: "e\u{301}") == "é".hasPrefix("e\u{301}") && Text.hasPrefix("é", ascii: "e\u{301}"))
    }

    @Test("a scalar that stands alone is a character of its own beside any other such scalar and any below U+0300")
    func standAlone() {
        let alone = (0x300..<0x2100).filter { Text.standsAlone(UInt32($0)) }.compactMap { Unicode.Scalar(UInt32($0)) }
        #expect(alone.count > 350 && !Text.standsAlone(0x200D) && !Text.standsAlone(0x20DD) && Text.standsAlone(0x2019))
        let neighbours: [Unicode.Scalar] = ["a", "\u{A9}", "\u{1EA2}", "\u{2019}", "\u{203C}", " ", "\n"]
        for c in alone {
            for x in neighbours {
                var s = String.UnicodeScalarView()
                s.append(contentsOf: [x, c, x, c, c])
                #expect(String(s).count == 5, "U+\(String(c.value, radix: 16)) beside U+\(String(x.value, radix: 16))")
            }
        }
    }

    @Test("words between spaces and collapsed lines, read on bytes, agree with the character and scalar answers")
    func wordsAndSpaces() throws {
        var texts = Self.samples + [" a  b ", "a \u{301}b", "\u{0600} x", "e\u{301} x", "a\r\n b", "  ", "Jean  Dupont", "a\u{00A0}b",
                                    "a\u{200B}b", "\u{FEFF}a", "a b ", " a b", "Par Jeanne Martin, à Paris", "ᄀ ᅡ", "ab\r\ncd\r\n",
                                    String(repeating: "e\u{301}", count: 50), String(repeating: "é", count: 130), "🇫🇷🇫🇷🇫🇷 abc"]
        let articles = repoRoot + "/Content/articles"
        for name in try FileManager.default.contentsOfDirectory(atPath: articles).sorted() {
            texts += try String(contentsOfFile: articles + "/" + name, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        // Eight bytes are taken at a time: spaces of every kind, doubled or not, at every place of
        // a word, and scalars that run across the eight-byte steps.
        for sep in [" ", "  ", "\u{00A0}", "\u{202F}", "\u{200B}", "\u{FEFF}", "\t", "\u{3000}", "é", "’", " é ", "\u{85}", " \u{1680}"] {
            for offset in 0..<9 {
                let head = String(repeating: "x", count: offset)
                texts += [head + sep + "abcdefghijkl", head + " abcdefghijklmnop" + sep + "q", head + "ééééé" + sep + "a b",
                          "abcdefgh" + head + sep, head + sep, head + "é" + sep + " b"]
            }
        }
        // The lead bytes of the spaces past ASCII (and of U+200B and U+FEFF) are those the
        // eight-byte tests look for.
        for v in UInt32(0x80)...0x10FFFF {
            guard let c = Unicode.Scalar(v), Scalars.isSpace(c) || v == 0x200B || v == 0xFEFF, let lead = String(c).utf8.first else { continue }
            #expect(ByteWord.spaceLeads(UInt64(lead)) | ByteWord.bytes(UInt64(lead), equalTo: 0xEF) != 0, "U+\(String(v, radix: 16))")
        }
        /// What `collapseSpaces` asked of a line scalar by scalar before.
        func collapsedByScalars(_ s: String) -> Bool {
            var previousSpace = true
            for c in s.unicodeScalars {
                if c == " " {
                    if previousSpace { return false }
                    previousSpace = true
                } else if Scalars.isSpace(c) || c.value == 0x200B || c.value == 0xFEFF {
                    return false
                } else {
                    previousSpace = false
                }
            }
            return !(previousSpace && !s.isEmpty)
        }
        var collapsed = 0
        for t in texts {
            #expect(Text.words(t).map { Array($0.utf8) } == t.split(separator: " ").map { Array($0.utf8) }, "\(t.debugDescription)")
            let inner = t.dropFirst()
            #expect(Text.words(inner).map { Array($0.utf8) } == inner.split(separator: " ").map { Array($0.utf8) }, "\(t.debugDescription)")
            #expect(Text.isCollapsed(t) == collapsedByScalars(t), "\(t.debugDescription)")
            #expect(Text.scalarCount(t) == t.unicodeScalars.count, "\(t.debugDescription)")
            for n in [0, 1, 2, 3, 5, 10, 40, 120, t.count - 1, t.count, t.count + 1] where n >= 0 {
                #expect(Text.hasMoreCharacters(t, than: n) == (t.count > n), "\(t.debugDescription) \(n)")
            }
            if Text.isCollapsed(t) { collapsed += 1 }
        }
        #expect(collapsed > 50 && collapsed < texts.count)
    }

    @Test("date hints without the word list agree with the full hints")
    func dateHints() {
        let finder = DateFinder()
        let texts = Self.samples + ["Publié le 12 février 2024 à 08h30", "FÉVRIER 2024", "févr. 2024", "Mis à jour le 3 août",
                                    "October 22, 2024 08:28", "2024-09", "12/10/2024", "le mardi 5 novembre", "sept 2024",
                                    String(repeating: "é", count: 40) + " 2024", "Μάιος 2024", "Mai\u{0301} 2024", "1234"]
        for t in texts {
            let full = finder.hints(t), quick = finder.hints(t, keepingWords: false)
            #expect(quick.monthWord == full.monthWord && quick.fourDigits == full.fourDigits, "\(t.debugDescription)")
            #expect(quick.digitDash == full.digitDash && quick.digitSeparator == full.digitSeparator && quick.words.isEmpty, "\(t.debugDescription)")
            #expect(finder.all(in: t).map(\.date) == finder.all(in: t, hints: full).map(\.date), "\(t.debugDescription)")
        }
        #expect(finder.hints("Publié le 12 février 2024", keepingWords: false).monthWord)
        #expect(finder.all(in: "Publié le 12 février 2024").first?.date.iso == "2024-02-12")
        // The words kept: runs of letters and marks, each folded as a string is (the fold made in
        // a small buffer, or of the word made a string when it does not fit).
        func referenceWords(_ t: String) -> [String] {
            var words: [String] = [], current = ""
            for c in t.unicodeScalars {
                let part = c.value < 0x80 ? (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
                    : Scalars.flags(c) & (Scalars.letter | Scalars.mark) != 0
                if part { current.unicodeScalars.append(c) } else if !current.isEmpty { words.append(Text.foldByScalars(current)); current = "" }
            }
            if !current.isEmpty { words.append(Text.foldByScalars(current)) }
            return words
        }
        for t in texts + [String(repeating: "Ω", count: 20) + " mardi", "l’AFP d’hier «mars»"] {
            let words = finder.hints(t).words
            #expect(words.map { Array($0.utf8) } == referenceWords(t).map { Array($0.utf8) }, "\(t.debugDescription)")
        }
    }

    @Test("a phrase search finds a phrase where searching each phrase in turn finds one")
    func phraseSearch() {
        let cleaner = Cleaner()
        var texts = Self.samples.map(Text.fold)
        for p in cleaner.social { texts += [p, "x " + p, p + " y", String(p.dropLast()), String(p.dropFirst()), "«" + p + "»"] }
        texts += ["suivez-nou", "abonnez vous maintenant", "sur facebook", "surfacebook", "fo", "f", "", "nos réseaux"]
        for t in texts {
            #expect(cleaner.socialSearch.occurs(in: t) == cleaner.social.contains { Text.contains(t, $0) }, "\(t.debugDescription)")
        }
        // Phrases of one byte are searched one by one.
        let short = PhraseSearch(["a", "bc"])
        #expect(short.occurs(in: "xa") && short.occurs(in: "xbc") && !short.occurs(in: "xb"))
    }

    @Test("a colon too far from the end of a line rules out a credit only where the full search finds none")
    func captionColon() throws {
        let cleaner = Cleaner()
        let name = "Jean-Baptiste Dupont-Aignan / Agence France-Presse"
        var lines = ["Le président a dit : « Nous verrons bien ce que la Russie décidera dans les jours à venir. »",
                     "Une foule devant le palais. Photo : " + name, "Une foule devant le palais. Photo : " + name + " et Reuters",
                     "Photo : " + String(repeating: "x", count: 59), "Photo : " + String(repeating: "x", count: 60),
                     "Photo : " + String(repeating: "x", count: 61), "Photo :" + String(repeating: " ", count: 80) + "AFP",
                     "Photo : AFP" + String(repeating: "\u{00A0}", count: 70), "Photo : " + String(repeating: "e\u{301}", count: 45),
                     "Crédit : AFP (archives)", "La scène © AFP", "La scène (c) AFP", "Légende : des manifestants : Reuters",
                     "Photo : un deux trois quatre cinq six", "Photo : un deux trois quatre cinq six sept",
                     "Photo : A. Dupont", "Photo : Reuters. Légende : AFP", "Photo:AFP", "Dit-il : « Non. »"]
        let articles = repoRoot + "/Content/articles"
        for name in try FileManager.default.contentsOfDirectory(atPath: articles).sorted() {
            lines += try String(contentsOfFile: articles + "/" + name, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        var ruledOut = 0
        for line in lines where line.contains(":") || line.contains("(") || line.contains("©") {
            let full = cleaner.captionWithMark(line)
            if Cleaner.colonTooFarFromEnd(line) {
                ruledOut += 1
                #expect(full == nil, "\(line.debugDescription)")
            }
            #expect(cleaner.caption(line).map { [$0.credit, $0.rest, "\($0.dropWhole)"] } == full.map { [$0.credit, $0.rest, "\($0.dropWhole)"] })
        }
        #expect(ruledOut >= 6)
        #expect(cleaner.caption("Une foule devant le palais. Photo : " + name)?.credit == "Photo : " + name)
    }

    @Test("a ticker's first byte, and \"d'après\" by its first byte: answered as the full questions")
    func firstByteChecks() {
        let cleaner = Cleaner()
        let starts = ["", "-", "–", "•", "·", "*", " ", "- ", "— ", "‐", "1", "21", "٢", "１", "-\u{301}", "·\u{301}", "\u{00A0}", "a"]
        let rests = ["", "21:08 Titre", "9h03 Alerte", "21H30", "12:345", "1:2", "21:08", "Titre", "08:00\u{301}", "١٢:٣٠ x"]
        for start in starts + Self.samples {
            for rest in rests {
                let line = start + rest
                #expect(cleaner.isTicker(line) == cleaner.isTickerByCharacters(line), "\(line.debugDescription)")
            }
        }
        #expect(cleaner.isTicker("- 21:08 Titre") && cleaner.isTicker("• 9h03 Alerte") && !cleaner.isTicker("Titre 21:08"))
        for word in Self.samples + ["d'après", "d'apre\u{300}s", "d'aprés", "d'apres", "d’après", "D'après", "d'après-midi"] {
            #expect(Attributor.isDApres(word) == (word == "d'après"), "\(word.debugDescription)")
        }
        #expect(Attributor.isDApres("d'apre\u{300}s"))
    }

    @Test("furniture marks are the five characters the rule names")
    func furnitureMarks() {
        for v in UInt32(0)..<0x3000 {
            guard let c = Unicode.Scalar(v) else { continue }
            #expect(Cleaner.isFurnitureMark(c) == ":;|(©".unicodeScalars.contains(c), "\(v)")
        }
    }

    @Test("the articles' two date orders from one sort of packed keys are the two sorts comparing dates")
    func articleOrders() {
        func article(_ n: Int, _ date: PartialDate?) -> Article {
            Article(id: "a\(n)", source: "a\(n).txt", title: "A\(n)", date: date, dateSource: nil, author: nil, language: "fr", url: nil,
                    outlet: nil, tags: [], paragraphs: [], dropped: [], isMarkdown: false)
        }
        // Same dates apart, a year alone before its months, a month before its days, a day before
        // its hours (midnight included), undated ones among them.
        let dates: [PartialDate?] = [
            PartialDate(year: 2024, month: 5, day: 2), nil, PartialDate(year: 2024), PartialDate(year: 2024, month: 5),
            PartialDate(year: 2024, month: 5, day: 2, hour: 0, minute: 0), PartialDate(year: 2023, month: 12, day: 31), nil,
            PartialDate(year: 2024, month: 5, day: 2), PartialDate(year: 2024, month: 5, day: 2, hour: 9, minute: 30),
            PartialDate(year: 2024), PartialDate(year: 1999, month: 1), PartialDate(year: 2024, month: 5, day: 2, hour: 0, minute: 0),
        ]
        var articles = (0..<60).map { article($0, dates[($0 * 7) % dates.count]) }
        let fast = PageBuilder.articleOrders(articles), slow = PageBuilder.ordersComparingDates(articles)
        #expect(fast.oldestFirst == slow.oldestFirst && fast.newestFirst == slow.newestFirst)
        #expect(fast.newestFirst.prefix(3).allSatisfy { articles[$0].date == PartialDate(year: 2024, month: 5, day: 2, hour: 9, minute: 30) || articles[$0].date == PartialDate(year: 2024, month: 5, day: 2) })
        #expect(articles[fast.oldestFirst[0]].date == PartialDate(year: 1999, month: 1) && articles[fast.newestFirst.last ?? 0].date == nil)
        // Undated only, dated only, none.
        for list in [articles.filter { $0.date == nil }, articles.filter { $0.date != nil }, []] {
            let f = PageBuilder.articleOrders(list), s = PageBuilder.ordersComparingDates(list)
            #expect(f.oldestFirst == s.oldestFirst && f.newestFirst == s.newestFirst)
        }
        // A year the packed key cannot hold: the dates are compared.
        articles[5].date = PartialDate(year: 70_000)
        articles[9].date = PartialDate(year: -44, month: 3, day: 15)
        let wide = PageBuilder.articleOrders(articles), wideSlow = PageBuilder.ordersComparingDates(articles)
        #expect(wide.oldestFirst == wideSlow.oldestFirst && wide.newestFirst == wideSlow.newestFirst)
        #expect(wide.oldestFirst.first == 9 && wide.newestFirst.first == 5)
    }

    @Test("indices grouped with the last keys at hand are those Dictionary(grouping:) groups, nil keys left out")
    func groupingByRecentKeys() {
        // Runs, more speakers in turn than are kept at hand, long keys in fresh storage each time,
        // a key in two normal forms (one key for String's ==), and nil keys.
        let long = String(repeating: "vladimir-poutine-", count: 3)
        let pool: [String?] = ["a", "b", "a", nil, "c", "d", "e", "f", "a", "f", "e", "g", "g", "g", long, "b", "é", "e\u{301}", nil, "h"]
        let keys: [String?] = (0..<500).map { i in
            let k = pool[(i * i + i / 3) % pool.count]
            return k == long ? String(long.utf8.map { Character(Unicode.Scalar($0)) }) : k
        }
        let grouped = Grouping.indices(keys.indices) { keys[$0] }
        let reference = Dictionary(grouping: keys.indices.filter { keys[$0] != nil }, by: { keys[$0] ?? "" })
        #expect(grouped == reference)
        #expect(grouped["é"]?.count == keys.filter { $0 == "é" }.count && grouped[long]?.isEmpty == false)
        #expect(Grouping.indices([Int]()) { _ in "x" }.isEmpty && Grouping.indices(0..<3) { _ in nil }.isEmpty)
    }

    @Test("the hand matchers of the weekday, relative-day and period patterns answer as the expressions, at every place of any text")
    func phraseMatchers() throws {
        let finder = EventFinder()
        let hand = finder.patterns.compactMap { p in p.phrases.map { (p.form, p.regex, $0) } }
        #expect(Set(hand.map(\.0)) == ["weekday", "last-weekday", "relative", "relative-period"])
        // Pieces on the matchers' edges: case, accents in both normal forms, both apostrophes,
        // every blank, a word or hyphen right after, scalars folded by ICU alone (ſ, K, ﬁ, ß, İ),
        // combining marks on either side, other scripts, line ends.
        let pieces = ["lundi", "Lundi", "LUNDI", "jeudi soir", "jeudi soirée", "Jeudi   PROCHAIN", "jeudi\u{00A0}matin", "jeudi\u{202F}soir",
                      "vendredi après-midi", "VENDREDI APRÈS-MIDI", "vendredi apre\u{300}s-midi", "samedi_", "dimanche2", "last Monday",
                      "This FRIDAY", "ce mardi", "ce  mardi-là", "ce\nmardi", "hier", "Hier,", "avant-hier", "Avant-Hier", "aujourd'hui",
                      "aujourd’hui", "AUJOURD’HUI", "aujourd`hui", "demain-là", "après-demain", "APRÈS-DEMAIN", "l'an dernier",
                      "l’année  dernière", "L'AN PROCHAIN", "l'année\tprochaine", "cette année", "CETTE ANNÉE", "ce mois-ci", "this year",
                      "last year's", "next\u{00A0}month", "le mois dernier", "yesterday", "Tomorrow.", "today's", "yeſterday", "\u{212A}",
                      "ſunday", "ﬁn", "ß", "İ", "e\u{301}", "hier\u{301}", "\u{301}hier", "Путин", "東京", "🇫🇷", "\r\n", "\u{0B}", "\u{85}",
                      "—", "«", "»", "(", "2024", "x", "-", "'", "’", "_", "é", "É", "ÿ", "µ", "×",
                      // Words alone, for the separators to fall between a weekday and what may follow it.
                      "jeudi", "soir", "Matin", "ce", "last", "mardi", "sunday", "l'an", "année", "dernier", "mois", "ci"]
        let separators = [" ", "  ", "\u{00A0}", "\t", "", "-", ", ", "\n", "\r\n", "\u{2028}", "\u{0B}", "\u{85}", "\u{3000}"]
        var seed: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        var texts = pieces + ["", "lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday"]
        for _ in 0..<1500 {
            var s = ""
            for k in 0..<(2 + next(5)) { s += (k > 0 ? separators[next(separators.count)] : "") + pieces[next(pieces.count)] }
            texts.append(s)
        }
        var handMatches = 0
        for s in texts {
            let everywhere = s.unicodeScalars.indices.map { s.utf8.distance(from: s.utf8.startIndex, to: $0) } + [s.utf8.count]
            for (form, regex, phrases) in hand {
                let byHand = phrases.matches(in: s, startingAt: everywhere, regex: regex), byICU = regex.matches(in: s, startingAt: everywhere)
                func offsets(_ m: Pattern.Match) -> [Int] { [m.range.lowerBound, m.range.upperBound].map { s.utf8.distance(from: s.utf8.startIndex, to: $0) } }
                func groups(_ m: Pattern.Match) -> [String?] { (0..<m.output.count).map { m.output[$0].substring.map(String.init) } }
                #expect(byHand.map(offsets) == byICU.map(offsets), "\(form) \(s.debugDescription)")
                #expect(byHand.map(groups) == byICU.map(groups), "\(form) \(s.debugDescription)")
                var text = s
                handMatches += text.withUTF8 { b in everywhere.filter { if case .match = phrases.attempt(b, at: $0) { true } else { false } }.count }
            }
        }
        // The hand path, not only the expressions it hands the unknown to, answered most.
        #expect(handMatches > 1000)
    }
}
