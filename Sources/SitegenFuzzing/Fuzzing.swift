import Foundation
import SitegenKit

/// A small, fast, seeded random generator (SplitMix64): the same seed gives the same inputs.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Makes hostile inputs for the reader and the extractor: random bytes, mutated articles, and
/// articles assembled from the pieces that trouble parsers (quote marks, dates, names, titles,
/// invalid UTF-8, NUL, right-to-left and combining characters, very long lines).
public struct InputGenerator: Sendable {
    public let corpus: [[UInt8]]

    static let fragments: [String] = [
        "«", "»", "“", "”", "\"", "‹", "›", "‘", "’", "'", "„", " « ", " » ", ", a déclaré ", ", a-t-il précisé. ", " dit-elle ",
        "Selon ", "D'après ", " a déclaré que « ", " M. ", " Mme ", " Dr ", "Vladimir Poutine", "Poutine", "Putin", " Jean-Luc ",
        "von der ", " al-", " le porte-parole du Kremlin, ", "Dmitri Peskov", " Kamala ", "le 5 novembre", " mercredi ", " hier ",
        "2024-11-06 16:49", "October 22, 2024 08:28", " date 2024-09 ", "le 22/10/2024 à 08h28", "31/02/2024", "- 21:08",
        "Photo : AFP", ".Crédit: PA", "Suivez-nous sur Facebook", "LIRE AUSSI : ", "\n", "\n\n", "\r\n", "\r", "\t", "\u{00A0}",
        "\u{202F}", "\u{2009}", "\u{200B}", "\u{FEFF}", "\u{0301}", "\u{202E}", "تابعونا على فيسبوك", "Tổng thống", "東京", "🙂",
        "👨‍👩‍👧", "\u{0000}", "---\n", "title: x\n", "[[", "]]", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
        "`", "*", "_", "#", "> ", "1. ", "- ", "|", "&amp;", "\\", "…", "?", "!", ":", ";", ".", ",", "(", ")", "—", "–",
    ]

    public init(corpus: [[UInt8]]) { self.corpus = corpus.isEmpty ? [Array("Titre\n\nTexte.".utf8)] : corpus }

    public func input(_ rng: inout SeededRandom) -> [UInt8] {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: return (0..<Int.random(in: 0...2048, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        case 1, 2: return assemble(&rng)
        case 3: return splice(&rng)
        default: return mutate(corpus.randomElement(using: &rng) ?? [], &rng)
        }
    }

    func assemble(_ rng: inout SeededRandom) -> [UInt8] {
        var s = ""
        for _ in 0..<Int.random(in: 1...400, using: &rng) {
            if Bool.random(using: &rng) {
                s += Self.fragments.randomElement(using: &rng) ?? ""
            } else {
                s += ["le", "la", "Trump", "a", "déclaré", "que", "Russie", "Kirby", "X", "Élysée", "est", "de", "2024", "il", "elle"]
                    .randomElement(using: &rng) ?? ""
                s += " "
            }
        }
        return Array(s.utf8)
    }

    func splice(_ rng: inout SeededRandom) -> [UInt8] {
        let a = corpus.randomElement(using: &rng) ?? [], b = corpus.randomElement(using: &rng) ?? []
        let i = a.isEmpty ? 0 : Int.random(in: 0..<a.count, using: &rng)
        let j = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &rng)
        return Array(a[..<i]) + Array(b[j...])
    }

    func mutate(_ base: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
        var bytes = base
        for _ in 0..<Int.random(in: 1...12, using: &rng) {
            switch Int.random(in: 0..<7, using: &rng) {
            case 0 where !bytes.isEmpty:
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            case 1:
                let f = Array((Self.fragments.randomElement(using: &rng) ?? "").utf8)
                bytes.insert(contentsOf: f, at: bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &rng))
            case 2 where bytes.count > 2:
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                bytes.removeSubrange(i..<min(bytes.count, i + Int.random(in: 1...200, using: &rng)))
            case 3 where bytes.count > 2:
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                let chunk = bytes[i..<min(bytes.count, i + Int.random(in: 1...300, using: &rng))]
                bytes.insert(contentsOf: chunk, at: Int.random(in: 0...bytes.count, using: &rng))
            case 4:
                // A very long line, no newline.
                let unit = Array((["a", "« ", " ", ". ", "é", "Poutine "].randomElement(using: &rng) ?? "a").utf8)
                for _ in 0..<Int.random(in: 100...8_000, using: &rng) { bytes += unit }
            case 5 where bytes.count > 1:
                bytes.removeLast(Int.random(in: 1...min(3, bytes.count), using: &rng)) // truncated UTF-8
            default:
                bytes = bytes.filter { $0 != 0x0A }
            }
        }
        return bytes
    }
}

/// Runs one input through every stage that reads untrusted text.
public struct FuzzTarget: Sendable {
    let reader = ArticleReader()
    let extractor = Extractor()

    public init() {}

    public func run(_ bytes: [UInt8]) {
        let data = Data(bytes)
        let site = SiteConfig(title: "Fuzz", language: "fr")
        for name in ["fuzz.txt", "fuzz.md"] {
            guard let article = reader.read(source: "Content/articles/" + name, id: "fuzz", data: data, site: site).article else { continue }
            let out = extractor.extract([article, article.withID("fuzz-2")])
            let dossier = Dossier(site: site, articles: [article], people: out.people, quotes: out.quotes.filter { $0.article == "fuzz" },
                                  articlePeople: out.articlePeople, reported: out.reported)
            for page in PageBuilder(dossier: dossier).build() { _ = CMark.html(page.markdown, allowRawHTML: true) }
            _ = DossierExport.json(dossier, reported: out.reported, generator: "fuzz").serialized()
            _ = StatementGrouper().group(out.quotes)
        }
        if let text = String(bytes: bytes, encoding: .utf8) {
            _ = AnnotationReader.parseAnnotation(text, file: "fuzz.md", articleID: "fuzz")
            _ = WikiLinks.rewrite(text, root: "../", targets: LinkTargets(dossier: Dossier(site: SiteConfig(), articles: [], people: [], quotes: [], articlePeople: [:])))
            _ = CMark.html(text)
        }
    }
}

extension Article {
    func withID(_ id: String) -> Article {
        var a = self
        a.id = id
        return a
    }
}
