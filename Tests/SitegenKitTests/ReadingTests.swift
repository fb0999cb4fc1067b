import Foundation
import Testing
@testable import SitegenKit

@Suite("Reading: encodings")
struct EncodingTests {
    let french = "Titre accentué\n\nL'été dernier, la présidente a répondu « déjà ».\n"

    @Test func utf8WithAndWithoutBOM() throws {
        let plain = try #require(readBytes(Array(french.utf8)).article)
        let bom = try #require(readBytes([0xEF, 0xBB, 0xBF] + Array(french.utf8)).article)
        #expect(plain.title == "Titre accentué")
        #expect(bom.title == "Titre accentué")
        #expect(bom.text == plain.text)
    }

    @Test func utf16WithBOM() throws {
        let le: [UInt8] = [0xFF, 0xFE] + french.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + french.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(readBytes(le).article?.title == "Titre accentué")
        #expect(readBytes(be).article?.text.contains("présidente") == true)
    }

    @Test func utf16WithoutBOM() {
        let le: [UInt8] = french.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(readBytes(le).article?.title == "Titre accentué")
    }

    @Test("Windows-1252 and ISO-8859-1 are decoded, with a warning naming the file")
    func windows1252() throws {
        // "Titre accentué\n\nL'été « déjà » – fin…" in Windows-1252.
        var bytes = Array("Titre accentu".utf8) + [0xE9] + Array("\n\nL'".utf8) + [0xE9, 0x74, 0xE9]
        bytes += Array(" ".utf8) + [0xAB, 0x20] + Array("d".utf8) + [0xE9] + Array("j".utf8) + [0xE0, 0x20, 0xBB]
        bytes += Array(" ".utf8) + [0x96] + Array(" fin".utf8) + [0x85] + Array("\n".utf8)
        let r = readBytes(bytes, name: "latin.txt")
        let a = try #require(r.article)
        #expect(a.title == "Titre accentué")
        #expect(a.text == "L'été « déjà » – fin…")
        #expect(r.diagnostics.contains { $0.file.hasSuffix("latin.txt") && $0.message.contains("Windows-1252") })
    }

    @Test("ISO-8859-15 and Mac OS Roman are told from Windows-1252 by how their words read")
    func otherSingleByteEncodings() throws {
        let text = "Le cœur du dossier\n\n« Nous ne céderons pas », a déclaré l’élu. Le coût : 10 M€.\n"
        func encode(_ table: [Character: UInt8]) -> [UInt8] {
            text.flatMap { c -> [UInt8] in table[c].map { [$0] } ?? Array(String(c).utf8) }
        }
        // ISO-8859-15: "œ" and "€" where ISO-8859-1 has "½" and "¤"; no apostrophe in it.
        let latin9 = encode(["œ": 0xBD, "«": 0xAB, "»": 0xBB, "é": 0xE9, "û": 0xFB, "€": 0xA4, "’": 0x27])
        let r9 = readBytes(latin9, name: "latin9.txt")
        #expect(r9.article?.title == "Le cœur du dossier")
        #expect(r9.article?.text.contains("10 M€") == true)
        #expect(r9.diagnostics.contains { $0.message.contains("ISO-8859-15") })
        // Mac OS Roman: "é" is 0x8E, where Windows-1252 has "Ž".
        let mac = encode(["œ": 0xCF, "«": 0xC7, "»": 0xC8, "é": 0x8E, "û": 0x9E, "€": 0xDB, "’": 0xD5])
        let rm = readBytes(mac, name: "mac.txt")
        #expect(rm.article?.title == "Le cœur du dossier")
        #expect(rm.article?.text.contains("a déclaré l’élu") == true)
        #expect(rm.diagnostics.contains { $0.message.contains("Mac OS Roman") })
        // English in Windows-1252 with curly apostrophes only: not read as Mac OS Roman ("donít").
        let english = Array("Title of the story\n\nWe don".utf8) + [0x92] + Array("t know, she said. It".utf8) + [0x92] + Array("s late.\n".utf8)
        #expect(readBytes(english).article?.text == "We don’t know, she said. It’s late.")
        // ISO-8859-1 with an acute accent for an apostrophe ("l´été") stays ISO-8859-1.
        let acute = Array("Titre de l".utf8) + [0xB4, 0xE9, 0x74, 0xE9] + Array("\n\nLe texte.\n".utf8)
        #expect(readBytes(acute).article?.title == "Titre de l´été")
    }

    @Test("a count of comments near the top is dropped alone; in the second half the comments under it go too")
    func commentsSection() throws {
        let top = try #require(readArticle("Le titre de l'article\n12 commentaires\nLe gouvernement a présenté mardi son projet de loi.\nLe texte sera examiné en juin par les députés.\nLes syndicats ont réagi dans la soirée.\nUn vote est prévu avant l'été.\n").article)
        #expect(top.text.hasPrefix("Le gouvernement a présenté") && top.text.hasSuffix("avant l'été."))
        let bottom = try #require(readArticle("Le titre de l'article\nLe gouvernement a présenté mardi son projet de loi.\nLe texte sera examiné en juin par les députés.\nLes syndicats ont réagi dans la soirée.\n3 commentaires\nMarie L. : Il était temps.\nRépondre\n").article)
        #expect(bottom.text.hasSuffix("dans la soirée."))
        #expect(bottom.dropped.filter { $0.rule == "comments" }.count == 3)
        // "Comment" alone is no header of comments: the text under it stays.
        let how = try #require(readArticle("Le titre de l'article\nLe gouvernement a présenté mardi son projet de loi.\nLe texte sera examiné en juin par les députés.\nComment\nLes syndicats ont réagi dans la soirée.\n").article)
        #expect(how.text.hasSuffix("dans la soirée."))
    }

    @Test("CRLF and CR line ends, non-breaking and thin spaces, NFC")
    func lineEndsAndSpaces() throws {
        let crlf = try #require(readArticle("Titre\r\n\r\nPremière ligne.\r\nSeconde ligne.\r\n").article)
        #expect(crlf.paragraphs.map(\.text) == ["Première ligne.", "Seconde ligne."])
        let cr = try #require(readArticle("Titre\r\rPremière ligne.\rSeconde ligne.\r").article)
        #expect(cr.paragraphs.map(\.text) == ["Première ligne.", "Seconde ligne."])
        let spaces = try #require(readArticle("Titre\n\nIl a dit\u{00A0}:\u{202F}«\u{2009}oui\u{00A0}».\n").article)
        #expect(spaces.text == "Il a dit : « oui ».")
        let decomposed = try #require(readArticle("Titre\n\nE\u{301}te\u{301} pre\u{301}sident.\n").article)
        #expect(decomposed.text == "Été président.")
    }

    @Test("a binary file is skipped with a warning, not read")
    func binaryIsSkipped() {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        for i in 0..<600 { bytes.append(UInt8(i % 7)) }
        let r = readBytes(bytes, name: "photo.txt")
        #expect(r.article == nil)
        #expect(r.diagnostics.contains { $0.message.contains("not text") && $0.file.hasSuffix("photo.txt") })
    }
}

@Suite("Reading: cleaning rules")
struct CleaningTests {
    func dropped(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for d in readArticle(text).article?.dropped ?? [] { out[d.text] = d.rule }
        return out
    }

    func body(_ text: String) -> String { readArticle(text).article?.text ?? "" }

    let lead = "Le gouvernement a présenté mardi son projet de budget pour l'année prochaine devant les députés."
    let englishLead = "A video circulating on social media that purports to show ballots being destroyed is the work of Russian influence actors, US intelligence agencies said Friday."

    @Test("a rubric in capitals before the headline goes from the title; a place or a speaker stays")
    func titleKicker() {
        func title(_ t: String) -> String? { readArticle(t + "\n\n" + lead + "\n").article?.title }
        #expect(title("DÉCRYPTAGE - Pourquoi Moscou mise sur l'Afrique pour contourner les sanctions") == "Pourquoi Moscou mise sur l'Afrique pour contourner les sanctions")
        #expect(title("ANALYSIS: How Moscow learned to love the meme") == "How Moscow learned to love the meme")
        #expect(title("UKRAINE - Les frappes russes se poursuivent sur Kharkiv") == "UKRAINE - Les frappes russes se poursuivent sur Kharkiv")
        #expect(title("Zelensky : « Nous ne céderons pas un mètre de notre territoire »") == "Zelensky : « Nous ne céderons pas un mètre de notre territoire »")
        #expect(title("ENTRETIEN - Trop court") == "ENTRETIEN - Trop court")
    }

    @Test("a sentence that opens on a date, or names a network, is the article's text, not a date line or a prompt")
    func sentencesThatLookLikeFurniture() {
        let opening = "Le 9 juillet 2024, le département de la Justice a annoncé le démantèlement d'un réseau de faux comptes."
        let network = "En 2016 déjà, l'Internet Research Agency avait mené une vaste campagne sur Facebook."
        let text = "Chronologie de l'ingérence russe\nPublié le 4 novembre 2024 à 10h00\n" + opening + "\n" + lead + "\n" + network
            + "\nSuivez-nous sur Facebook\nRetrouvez toute notre actualité sur Facebook et sur Twitter.\n"
        #expect(body(text) == [opening, lead, network].joined(separator: "\n\n"))
        let d = dropped(text)
        #expect(d["Suivez-nous sur Facebook"] == "social-prompt")
        #expect(d["Retrouvez toute notre actualité sur Facebook et sur Twitter."] == "social-prompt")
        // A dispatch's date line still goes.
        #expect(body("Titre du jour\n\n12 mars 2024 - " + lead + "\n") == lead)
    }

    @Test("an outlet's credit with its agencies, a newsletter's box closed by its terms and a readers' list go")
    func outletCreditAndSignUpTerms() {
        let text = "Kamala Harris concède sa défaite et appelle à une transition pacifique\nLe Parisien avec AFP\nLe 6 novembre 2024 à 22h15\n"
            + lead + "\nNewsletter Le Parisien Matin\nChaque matin, l'essentiel de l'actu\nVotre adresse e-mail\n"
            + "En cliquant sur «Je m'inscris», vous acceptez nos CGU\n" + lead.replacingOccurrences(of: "mardi", with: "mercredi")
            + "\nEn vous inscrivant, vous acceptez nos conditions générales\nLe Monde avec AFP et Reuters\nNos abonnés ont lu aussi\nPrésidentielle : ce que l'on sait\n"
        let d = dropped(text)
        #expect(d["Le Parisien avec AFP"] == "byline")
        #expect(d["Le Monde avec AFP et Reuters"] == "byline")
        #expect(d["Chaque matin, l'essentiel de l'actu"] == "social-prompt")
        #expect(d["En cliquant sur «Je m'inscris», vous acceptez nos CGU"] == "social-prompt")
        #expect(d["En vous inscrivant, vous acceptez nos conditions générales"] == "social-prompt")
        #expect(d["Nos abonnés ont lu aussi"] == "read-also")
        #expect(body(text) == lead + "\n\n" + lead.replacingOccurrences(of: "mardi", with: "mercredi"))
        let english = "Russia denies interfering in Moldova's referendum\nThe Guardian with agencies\n" + englishLead
            + "\nBy signing up, you agree to our Terms of Use and Privacy Policy\nReaders also read\nWhat we know about the video\n"
        let e = dropped(english)
        #expect(e["The Guardian with agencies"] == "byline")
        #expect(e["By signing up, you agree to our Terms of Use and Privacy Policy"] == "social-prompt")
        #expect(body(english) == englishLead)
    }

    @Test("a text wrapped at a fixed width has its paragraphs joined again; a web page's short lines are not")
    func hardWrapped() throws {
        let wrapped = """
        Moldavie : Maia Sandu dénonce une fraude massive d'une ampleur inédite
        Par Camille Durand
        Publié le 21 octobre 2024

        Au lendemain d'un double scrutin serré, la présidente moldave, Maia
        Sandu, a accusé lundi des « groupes criminels » d'avoir tenté d'acheter
        300 000 voix.

        De son côté, l'ancien procureur général Alexandr Stoianoglo a dénoncé
        « une campagne de dénigrement ». « Les Moldaves ne sont pas dupes »,
        a-t-il lancé à ses partisans, avant de quitter le siège de son porte-
        parole.
        """
        let a = try #require(readArticle(wrapped).article)
        #expect(a.title == "Moldavie : Maia Sandu dénonce une fraude massive d'une ampleur inédite")
        #expect(a.author == "Camille Durand")
        #expect(a.paragraphs.map(\.text) == [
            "Au lendemain d'un double scrutin serré, la présidente moldave, Maia Sandu, a accusé lundi des « groupes criminels » d'avoir tenté d'acheter 300 000 voix.",
            "De son côté, l'ancien procureur général Alexandr Stoianoglo a dénoncé « une campagne de dénigrement ». « Les Moldaves ne sont pas dupes », a-t-il lancé à ses partisans, avant de quitter le siège de son porte-parole.",
        ])
        // Short lines that end without a mark but are no wrapped paragraph: a list stays a list.
        let list = "Les dates clés du scrutin\n\n" + lead + "\nPremier tour le 20 octobre 2024 en Moldavie\nSecond tour le 3 novembre 2024 en Moldavie\nRésultats définitifs attendus le 5 novembre\nInvestiture prévue le 24 décembre à Chisinau\n"
        let items = try #require(readArticle(list).article).paragraphs.map(\.text)
        #expect(items.count == 5, "\(items)")
    }

    @Test("a page's title has its outlet after a bar or a dash: the headline goes without it, and so does its repeat")
    func titleWithOutlet() throws {
        let a = try #require(readArticle("Sanctions : les Vingt-Sept adoptent un nouveau paquet | Le Figaro\nSanctions : les Vingt-Sept adoptent un nouveau paquet\n\n\(lead)\n").article)
        #expect(a.title == "Sanctions : les Vingt-Sept adoptent un nouveau paquet")
        #expect(!a.text.contains("Sanctions"))
        #expect(readArticle("Moscou dénonce une « provocation » - Libération\n\n\(lead)\n").article?.title == "Moscou dénonce une « provocation »")
        // The repeat may carry the outlet instead.
        let repeated = try #require(readArticle("Sanctions : un nouveau paquet\n\nSanctions : un nouveau paquet | Le Figaro\n\n\(lead)\n").article)
        #expect(!repeated.text.contains("Figaro"))
        // A dash before anything but an outlet is the headline's.
        #expect(readArticle("Budget : le 49.3 - et après ?\n\n\(lead)\n").article?.title == "Budget : le 49.3 - et après ?")
    }

    @Test("a live page's time alone is no text; with a date it is a date line")
    func liveTimes() throws {
        #expect(dropped("Titre du jour\n\n\(lead)\n\n17.40 GMT\n\n\(lead)\n")["17.40 GMT"] == "navigation")
        #expect(readArticle("Titre du jour\n\n12/03/2024 UTC\n\n\(lead)\n").article?.date?.iso == "2024-03-12")
    }

    @Test("several names above a date line are a byline only with a known first name")
    func namesAboveDate() throws {
        let a = try #require(readArticle("Titre du jour\n\nJean Dupont et Claire Martin\n\n5 mars 2024\n\n\(lead)\n").article)
        #expect(a.author == "Jean Dupont et Claire Martin")
        // (Names the first-name list does not know: a heading as well as a byline.)
        let unknown = try #require(readArticle("Titre du jour\n\nXavo Dupont et Zora Martin\n\n5 mars 2024\n\n\(lead)\n").article)
        #expect(unknown.author == nil)
    }

    @Test func newsTicker() {
        #expect(dropped("- 21:08 Un autre titre du direct\nTitre du jour\n\n\(lead)\n")["- 21:08 Un autre titre du direct"] == "news-ticker")
        #expect(body("Titre\n\nÀ 21:08, le ministre est arrivé au Sénat pour le vote final.\n").contains("21:08"))
    }

    @Test func otherScript() {
        #expect(dropped("Titre du jour\n\nتابعونا على فيسبوك\n\n\(lead)\n")["تابعونا على فيسبوك"] == "other-script")
        // A word in another script inside a French sentence stays.
        #expect(body("Titre\n\nLe mot arabe سلام veut dire paix, a rappelé le ministre devant les élèves.\n").contains("سلام"))
    }

    @Test func otherLanguage() {
        #expect(dropped("Titre du jour\n\n\(lead)\n\nTổng thống Biden và Tổng thống Putin. Ảnh: Reuters\n")["Tổng thống Biden và Tổng thống Putin. Ảnh: Reuters"] == "other-language")
        let longer = lead + " Il sera discuté pendant un mois, et les élus de l'opposition ont déjà annoncé qu'ils le combattraient sur chaque article. Le vote final est prévu pour la fin de l'année, après les fêtes."
        #expect(dropped("Titre du jour\n\n\(longer)\n\nThe president said that it was the best of the deals.\n")["The president said that it was the best of the deals."] == "other-language")
        // Half French, half English: nothing is dropped for its words alone.
        let mixed = body("Titre\n\n\(lead)\n\nThe president said that it was the best of the deals.\n")
        #expect(mixed.contains(lead) && mixed.contains("The president"))
        // A French sentence with a foreign name keeps its place.
        #expect(body("Titre\n\nLe président turc Recep Tayyip Erdoğan a reçu son homologue à Ankara jeudi.\n").contains("Erdoğan"))
    }

    @Test func socialPrompt() {
        #expect(dropped("Titre du jour\n\n\(lead)\n\nSuivez-nous sur Facebook et Twitter\n")["Suivez-nous sur Facebook et Twitter"] == "social-prompt")
        #expect(dropped("Titre du jour\n\n\(lead)\n\nPartager cet article\n\nLa suite du texte, qui continue.\n")["Partager cet article"] == "social-prompt")
        #expect(body("Titre\n\nLe ministre a demandé aux Français de suivre les consignes, puis a publié un message sur Facebook où il détaille les mesures prises.\n").contains("Facebook"))
    }

    @Test func readAlso() {
        #expect(dropped("Titre du jour\n\n\(lead)\n\nLIRE AUSSI : Le budget en cinq questions\n")["LIRE AUSSI : Le budget en cinq questions"] == "read-also")
        #expect(body("Titre\n\nLire aussi les propositions des syndicats demande du temps, selon le ministre.\n").contains("Lire aussi"))
        // A line of more than thirty words is read at its start, and its end still counts.
        let words = (1...32).map { "mot\($0)" }.joined(separator: " ")
        #expect(dropped("Titre du jour\n\n\(lead)\n\nLire aussi : \(words)\n")["Lire aussi : \(words)"] == "read-also")
        #expect(body("Titre\n\nLire aussi \(words).\n").contains("Lire aussi mot1"))
        // A list of the site's most read articles goes with its header.
        let mostRead = dropped("Titre du jour\n\n\(lead)\n\nLes plus lus\n1. Le prix de l'essence en baisse\n2. Météo : un week-end ensoleillé\n")
        #expect(mostRead["Les plus lus"] == "read-also" && mostRead["2. Météo : un week-end ensoleillé"] == "read-also")
    }

    @Test func pageFurniture() {
        #expect(dropped("Titre du jour\n\nTemps de lecture : 4 min.\n\n\(lead)\n\nReporting by Jane Doe; Editing by John Roe\n")["Temps de lecture : 4 min."] == "page-furniture")
        #expect(dropped("Titre du jour\n\n\(lead)\n\nReporting by Jane Doe; Editing by John Roe\n")["Reporting by Jane Doe; Editing by John Roe"] == "page-furniture")
        // An agency's credit in parentheses, as Reuters writes it in English and in French.
        #expect(dropped("Titre du jour\n\n\(lead)\n\n(Reporting by Jane Doe; Editing by John Roe)\n")["(Reporting by Jane Doe; Editing by John Roe)"] == "page-furniture")
        #expect(dropped("Titre du jour\n\n\(lead)\n\n(Reportage Jeff Mason; version française Jean Terzian)\n")["(Reportage Jeff Mason; version française Jean Terzian)"] == "page-furniture")
        #expect(dropped("Titre du jour\n\n\(lead)\n\n(Rédigé par Jean Dupont, version française Claire Roe, édité par Marc Doe)\n")["(Rédigé par Jean Dupont, version française Claire Roe, édité par Marc Doe)"] == "page-furniture")
        // A sentence that starts with the same words stays.
        #expect(body("Titre\n\nTemps de lecture et temps de travail se confondent souvent pour les élèves, selon le rapport publié hier.\n").contains("Temps de lecture et temps"))
    }

    @Test func photoCaptionAndCredit() {
        let d = dropped("Titre du jour\n\n\(lead)\n\nLe ministre à l'Assemblée. Photo : AFP\n\nDonald Trump et Vladimir Poutine en Finlande, 2018. Poutine n'a pas encore félicité Trump.Crédit: PA\n")
        #expect(d["Le ministre à l'Assemblée."] == "photo-caption" && d["Photo : AFP"] == "photo-credit")
        #expect(d["Crédit: PA"] == "photo-credit")
        let b = body("Titre du jour\n\n\(lead)\n\nDonald Trump et Vladimir Poutine en Finlande, 2018. Poutine n'a pas encore félicité Trump.Crédit: PA\n")
        #expect(b.contains("Poutine n'a pas encore félicité Trump.") && !b.contains("Crédit"))
        // "photo" inside a sentence is not a credit.
        #expect(body("Titre\n\nLa photo : un symbole fort que le gouvernement a voulu mettre en avant ce jour-là.\n").contains("La photo"))
    }

    @Test func repeatedTitle() {
        let d = dropped("Le Kremlin nie toute ingérence\n\nLe Kremlin nie toute ingérence\n\n\(lead)\n")
        #expect(d.values.contains("repeated-title"))
        #expect(readArticle("Le Kremlin nie\n\n\(lead)\n").article?.dropped.contains { $0.rule == "repeated-title" } == false)
    }

    @Test func bylineAndSignature() throws {
        let a = try #require(readArticle("International\n\nMaison Blanche : pas de contact\n\nHoang Bach October 22, 2024 08:28\n\n\(lead)\n\nHoang Bach\n").article)
        #expect(a.author == "Hoang Bach")
        #expect(a.date?.iso == "2024-10-22T08:28")
        #expect(a.title == "Maison Blanche : pas de contact")
        #expect(a.text == lead)
        #expect(Set(a.dropped.map(\.rule)) == ["section-label", "title", "byline", "signature"])
        let par = try #require(readArticle("Titre du jour\n\nPar Jeanne Martin\n\n\(lead)\n").article)
        #expect(par.author == "Jeanne Martin")
        // Words that announce the date, between the name and the date.
        for (line, author, date) in [("Par Jeanne Martin | Publié le 12 mars 2024 à 10h00", "Jeanne Martin", "2024-03-12T10:00"),
                                     ("Thomas Saint-Clair date 2024-07", "Thomas Saint-Clair", "2024-07"),
                                     ("By Jane Doe, updated March 5, 2024", "Jane Doe", "2024-03-05"),
                                     // A particle inside the name, in either case.
                                     ("Isabelle Le Goff 2024-06-14 21:29", "Isabelle Le Goff", "2024-06-14T21:29"),
                                     ("Minh de La Tour June 16, 2024 20:51", "Minh de La Tour", "2024-06-16T20:51")] {
            let a = try #require(readArticle("Titre du jour\n\n\(line)\n\n\(lead)\n").article)
            #expect(a.author == author && a.date?.iso == date, "\(line)")
            #expect(a.text == lead, "\(line)")
        }
        // A person's name inside the body is not a signature.
        #expect(readArticle("Titre\n\n\(lead)\n\nJeanne Martin a confirmé la nouvelle.\n").article?.author == nil)
        // An agency after "Par" is no author, and the line goes.
        let agency = try #require(readArticle("Titre du jour\n\nPar Belga\n\n\(lead)\n").article)
        #expect(agency.author == nil)
        #expect(agency.text == lead)
        let ap = try #require(readArticle("Russia says it will respond\n\nBy The Associated Press\n\n\(englishLead)\n").article)
        #expect(ap.author == nil)
        #expect(ap.text == englishLead)
    }

    @Test("a live ticker pasted above the article does not push the byline into the body")
    func tickerAboveByline() throws {
        let ticker = (0..<7).map { "- 1\($0):2\($0) Un autre titre du direct numéro \($0)" }.joined(separator: "\n")
        // The byline is the tenth line, and three paragraphs follow it: neither near the top of
        // the page nor among its last lines.
        let rest = [lead, "Les débats reprendront jeudi à l'Assemblée nationale.", "Le vote final est prévu avant la fin du mois."]
        let a = try #require(readArticle(ticker + "\nActualités\n\nOrlova : « Je ne renoncerai pas à ce projet »\n\nAnne Sokolov 12 juin 2024\n\n"
                                         + rest.joined(separator: "\n\n") + "\n").article)
        #expect(a.date?.iso == "2024-06-12")
        #expect(a.author == "Anne Sokolov")
        #expect(a.title == "Orlova : « Je ne renoncerai pas à ce projet »")
        #expect(a.paragraphs.map(\.text) == rest)
    }

    @Test("a live blog is its timed entries: their times go, their sentences stay")
    func liveBlog() throws {
        let entries = ["Donald Trump remporte la Caroline du Nord, selon les projections de CNN.",
                       "« Nous allons gagner », lance JD Vance devant ses partisans à Palm Beach.",
                       "Le Kremlin se refuse à tout commentaire avant les résultats définitifs."]
        let text = "EN DIRECT - Présidentielle américaine : la soirée électorale\n\nMis à jour le 06/11/2024 à 03:45\n\n"
            + zip(["03h40 : ", "03h32 - ", "02:58 "], entries).map { $0 + $1 }.joined(separator: "\n\n") + "\n"
        let a = try #require(readArticle(text).article)
        #expect(a.paragraphs.map(\.text) == entries)
        #expect(a.dropped.filter { $0.rule == "live-time" }.map(\.text) == ["03h40 : ", "03h32 - ", "02:58 "])
        // Sentences timed like a ticker's among an article's paragraphs are a ticker's still.
        let body = (0..<4).map { "\(lead) Paragraphe \($0)." }
        let beside = try #require(readArticle("Titre du jour\n\n" + body.joined(separator: "\n\n") + "\n\n03h40 : " + entries[0] + "\n\n03h32 : " + entries[2] + "\n").article)
        #expect(beside.paragraphs.map(\.text) == body)
    }

    @Test("a quoted headline has no final period of its own: the rubric above it goes")
    func quotedHeadline() throws {
        // The first paragraph is shorter than the headline: only the headline's shape tells.
        let short = "Le texte a été adopté mardi."
        let a = try #require(readArticle("Actualités\n\nOrlova : « Je ne renoncerai pas à ce projet »\n\n\(short)\n\n\(lead)\n").article)
        #expect(a.title == "Orlova : « Je ne renoncerai pas à ce projet »")
        #expect(a.dropped.contains { $0.rule == "section-label" && $0.text == "Actualités" })
        // A quotation that ends its sentence with a period is not shaped like a headline.
        let b = try #require(readArticle("Actualités\n\nIl a dit : « Nous verrons bien ce soir. »\n\n\(short)\n\n\(lead)\n").article)
        #expect(b.title == "Actualités")
    }

    @Test func sectionLabel() throws {
        let a = try #require(readArticle("Politique\n\nLe budget adopté de justesse\n\n\(lead)\n").article)
        #expect(a.title == "Le budget adopté de justesse")
        // A short headline followed by the body is not a rubric.
        #expect(readArticle("Le Kremlin répond\n\n\(lead)\n").article?.title == "Le Kremlin répond")
    }

    @Test("menus, buttons, breadcrumbs, reading times and page timestamps are navigation")
    func navigation() {
        let d = dropped("Accueil\nSkip to content\nHome | UK | World | Business\nAccueil › Politique\nTitre du jour sur le budget\n3 min\n2 hours ago\nil y a 5 heures\nShare\n\n\(lead)\n")
        for line in ["Accueil", "Skip to content", "Home | UK | World | Business", "Accueil › Politique", "3 min", "2 hours ago", "il y a 5 heures", "Share"] {
            #expect(d[line] == "navigation", "\(line): \(d[line] ?? "kept")")
        }
        // A sentence with the same words, a year alone, and a list of long items stay.
        let b = body("Titre\n\nAccueil chaleureux pour le ministre à Lille, où il a passé 3 min avec les élus.\n\n2018\n\nLe budget | un texte très long qui dépasse les bornes | et un autre encore plus long que le premier\n")
        #expect(b.contains("Accueil chaleureux") && b.contains("2018") && b.contains("Le budget |"))
        // A copied link's notice and a button to see all topics; a topic left alone between them is a label.
        let follow = readArticle("Politics\nLive TV\nRussia is behind a fake video, officials say\nBy Sean Lyngaas, CNN\n3 minute read\n"
                                 + "Updated 6:02 PM EDT, Fri October 25, 2024\nLink Copied!\nFollow:\nRussia\nSee all topics\n\(englishLead)\n", language: "en")
        #expect(follow.article?.paragraphs.map(\.text) == [englishLead])
    }

    @Test("menu items glued together, and labels stacked above the headline")
    func gluedMenusAndStackedLabels() throws {
        let a = try #require(readArticle("Skip to main contentSkip to navigation\nPrint subscriptions\nSign in\nWorld\nEurope\n"
                                         + "Hungary's Orban says Ukraine peace talks must start without delay\n\n"
                                         + "The Hungarian prime minister said on Friday that European leaders should push for a ceasefire.\n\n"
                                         + "He spoke after a summit in Budapest.\n", language: "en").article)
        #expect(a.title == "Hungary's Orban says Ukraine peace talks must start without delay")
        #expect(a.dropped.filter { $0.rule == "navigation" }.map(\.text) == ["Skip to main contentSkip to navigation", "Print subscriptions", "Sign in"])
        #expect(a.dropped.filter { $0.rule == "section-label" }.map(\.text) == ["World", "Europe"])
        // A rubric with a lower-case word ("US news") is a label too.
        let b = try #require(readArticle("US news\nKamala Harris concedes election to Donald Trump but vows to continue the fight\n"
                                         + "Vice-president addresses supporters at Howard University after Trump wins second term\n\n"
                                         + "Kamala Harris conceded the presidential election on Wednesday, urging her supporters to accept the results.\n",
                                         language: "en").article)
        #expect(b.title == "Kamala Harris concedes election to Donald Trump but vows to continue the fight")
        // Glued words that are not all menu items stay; so does a title of short capitalised words.
        #expect(body("Titre du jour\n\nLe projet iPhone a été présenté mardi à Paris devant la presse.\n").contains("iPhone"))
        #expect(readArticle("Politique\nLe Grand Débat\n\(lead)\n").article?.title == "Politique")
    }

    @Test("a byline with the place it was written from, and a date with its time glued to the year")
    func bylinePlaceAndGluedTime() throws {
        let a = try #require(readArticle("Kamala Harris concedes election to Donald Trump\nLauren Gambino in Washington\nWed 6 Nov 2024 23.41 CET\nShare\n\n"
                                         + "Kamala Harris conceded the presidential election on Wednesday.\n", language: "en").article)
        #expect(a.author == "Lauren Gambino")
        #expect(a.date?.iso == "2024-11-06T23:41")
        let b = try #require(readArticle("Le Kremlin affiche sa prudence\nPar Piotr Smolar à Jérusalem\n\n\(lead)\n").article)
        #expect(b.author == "Piotr Smolar")
        let c = try #require(readArticle("Hungary's Orban says peace talks must start\nBy Krisztina Than\nNovember 8, 20243:42 PM GMT+1Updated 2 hours ago\n\n"
                                         + "The Hungarian prime minister said on Friday that European leaders should push for a ceasefire.\n", language: "en").article)
        #expect(c.date?.iso == "2024-11-08T15:42")
        #expect(c.author == "Krisztina Than")
        // A caption with a place near the top is no byline without a date line under it.
        let d = try #require(readArticle("Le budget adopté de justesse\nEmmanuel Macron à Marseille\n\(lead)\n").article)
        #expect(d.author == nil)
    }

    @Test("a cookie banner, buttons and counts around the article; a credit after a slash")
    func bannerAndButtons() throws {
        let a = try #require(readArticle("Nous utilisons des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous acceptez leur utilisation.\n"
                                         + "Accepter\nParamétrer les cookies\nLe Parisien\nPolitique\nABONNÉ\n"
                                         + "« On ne lâchera rien » : Jordan Bardella promet une censure du gouvernement\n"
                                         + "Le président du RN a confirmé ce dimanche que son groupe voterait la motion de censure.\n"
                                         + "Jordan Bardella, le 1er décembre 2024 à Paris. LP/Olivier Corsan\n"
                                         + "Par Pauline Théveniaud\nLe 1 décembre 2024 à 19h45\nCopier le lien\n\(lead)\n"
                                         + "Vous avez aimé cet article ?\n12 commentaires\nRéagir\n").article)
        #expect(a.title == "« On ne lâchera rien » : Jordan Bardella promet une censure du gouvernement")
        #expect(a.author == "Pauline Théveniaud")
        #expect(a.date?.iso == "2024-12-01T19:45")
        #expect(a.paragraphs.map(\.text) == ["Le président du RN a confirmé ce dimanche que son groupe voterait la motion de censure.", lead])
        #expect(a.dropped.contains { $0.rule == "photo-credit" && $0.text == "LP/Olivier Corsan" })
        #expect(a.dropped.contains { $0.rule == "photo-caption" && $0.text == "Jordan Bardella, le 1er décembre 2024 à Paris." })
        // A sentence about cookies, and a slash in a sentence, stay.
        #expect(body("Titre\n\nLes cookies de Noël se vendent bien cette année, selon les boulangers.\n").contains("cookies de Noël"))
        #expect(body("Titre\n\nLe texte a été voté. Le taux passe à 3/4 du total\n").contains("3/4"))
    }

    @Test("bylines with several authors, an outlet after a comma, a particle glued to the surname")
    func bylineForms() throws {
        let cases = [("By ZEKE MILLER, SEUNG MIN KIM and COLLEEN LONG", "Zeke Miller, Seung Min Kim and Colleen Long"),
                     ("By Paul Kirby, BBC News", "Paul Kirby"), ("Par Jeanne Martin, envoyée spéciale", "Jeanne Martin"),
                     ("By Jane Doe, Reuters", "Jane Doe"), ("By Jennifer Hansler, CNN", "Jennifer Hansler"), ("Par Thomas d'Istria (Kiev, envoyé spécial)", "Thomas d'Istria")]
        for (line, author) in cases {
            let a = try #require(readArticle("Le budget adopté de justesse\n\(line)\n\n\(lead)\n").article)
            #expect(a.author == author, "\(line): \(a.author ?? "none")")
        }
    }

    @Test("a dispatch's place and agency without a year, and a line crediting contributors, are not text")
    func dispatchWithoutYear() throws {
        let a = try #require(readArticle("Biden pledges an orderly transfer of power\nBy Zeke Miller\nUpdated 5:12 PM GMT+1, November 7, 2024\n\n"
                                         + "WASHINGTON (AP) — President Joe Biden on Thursday pledged a peaceful transition.\n\n"
                                         + "He spoke in the Rose Garden to a crowd of staff members and allies.\n\n"
                                         + "Associated Press writers Darlene Superville and Aamer Madhani contributed to this report.\n", language: "en").article)
        #expect(a.paragraphs.map(\.text) == ["President Joe Biden on Thursday pledged a peaceful transition.",
                                             "He spoke in the Rose Garden to a crowd of staff members and allies."])
        #expect(a.date?.iso == "2024-11-07")
        let b = try #require(readArticle("Hungary's Orban says peace talks must start\n\nBUDAPEST, Nov 8 (Reuters) - Hungarian Prime Minister Viktor Orban said on Friday that talks must start.\n\n"
                                         + "He spoke after a summit in Budapest, where leaders met for a day.\n", language: "en").article)
        #expect(b.paragraphs.first?.text == "Hungarian Prime Minister Viktor Orban said on Friday that talks must start.")
        // Parentheses that hold no agency are text.
        let c = try #require(readArticle("Titre du jour\n\nJean Dupont (LR) - le député de la Manche - a voté contre le texte mardi.\n\n\(lead)\n").article)
        #expect(c.paragraphs.first?.text.hasPrefix("Jean Dupont (LR)") == true)
    }

    @Test("a photo credit on a line of its own, without a colon")
    func creditLine() {
        let d = dropped("Titre du jour\n\n\(lead)\n\nPhoto AFP / Ludovic Marin\n\nGetty Images\n\nLudovic Marin/AFP\n\nLa suite du texte, qui continue.\n")
        #expect(d["Photo AFP / Ludovic Marin"] == "photo-credit")
        #expect(d["Getty Images"] == "photo-credit")
        #expect(d["Ludovic Marin/AFP"] == "photo-credit")
        // An agency inside a sentence is not a credit.
        #expect(body("Titre\n\nSelon l'AFP, le ministre a démissionné.\n\nReuters et AFP ont confirmé l'information mardi soir\n").contains("Reuters et AFP"))
    }

    @Test("the titles listed under a bare \"Lire aussi\" go with it; the text after them stays")
    func readAlsoList() {
        let d = dropped("Titre du jour\n\n\(lead)\n\nLire aussi\n\nEuropéennes : ce que disent les derniers sondages\n\nSelon le ministre, le vote aura lieu en juin.\n\nRelated Topics\n\nUkraine\n\nRussia\n")
        #expect(d["Européennes : ce que disent les derniers sondages"] == "read-also")
        #expect(d["Ukraine"] == "read-also" && d["Russia"] == "read-also")
        #expect(d["Selon le ministre, le vote aura lieu en juin."] == nil)
    }

    @Test("a dispatch's place, date and agency open its first paragraph")
    func dispatchDateline() throws {
        let a = try #require(readArticle("Gaza : l'ONU alerte sur une catastrophe\nGenève, 5 mars 2024 (AFP) - Le secrétaire général de l'ONU a réclamé mardi un cessez-le-feu.\n\n\(lead)\n").article)
        #expect(a.date?.iso == "2024-03-05")
        #expect(a.paragraphs.first?.text == "Le secrétaire général de l'ONU a réclamé mardi un cessez-le-feu.")
        let b = try #require(readArticle("Senate rejects the aid package\nWASHINGTON, March 5, 2024 — The Senate rejected the aid package on Tuesday.\n\n"
                                         + "The vote was close, and the leaders of both parties said they would try again next month.\n", language: "en").article)
        #expect(b.date?.iso == "2024-03-05")
        #expect(b.paragraphs.first?.text == "The Senate rejected the aid package on Tuesday.")
        // A dateline alone on its line, its dash ending it.
        let alone = try #require(readArticle("Moldavie : la présidente dénonce une attaque\n\nChisinau, 21 octobre 2024 (AFP) –\n\n\(lead)\n").article)
        #expect(alone.date?.iso == "2024-10-21")
        #expect(alone.paragraphs.map(\.text) == [lead])
        // A name and an age are no dispatch.
        let c = try #require(readArticle("Titre du jour\nEmmanuel Macron, 46 ans, a reçu les syndicats mardi à l'Élysée.\n\n\(lead)\n").article)
        #expect(c.date == nil && c.paragraphs.first?.text.hasPrefix("Emmanuel Macron, 46 ans") == true)
    }

    @Test("an agency named beside the author is not part of the author's name; capitals are written as a name")
    func bylineWithAgency() throws {
        for line in ["Par Sophie Durand (avec AFP)", "Par Sophie Durand, avec Reuters", "By Sophie Durand and agencies", "By SOPHIE DURAND"] {
            let a = try #require(readArticle("Le budget adopté de justesse\n\(line)\n\n\(lead)\n").article)
            #expect(a.author == "Sophie Durand", "\(line): \(a.author ?? "none")")
        }
    }

    @Test("a byline without \"par\" above its outlet's name, and an update line under the date line")
    func bareBylineAndUpdate() throws {
        let a = try #require(readArticle("BBC News\nUkraine war: Zelensky urges allies to speed up air defence deliveries\nPaul Kirby\nBBC News\n\(lead)\n").article)
        #expect(a.title == "Ukraine war: Zelensky urges allies to speed up air defence deliveries")
        #expect(a.author == "Paul Kirby")
        #expect(a.paragraphs.map(\.text) == [lead])
        let b = try #require(readArticle("Le budget adopté de justesse\nLe texte sera examiné au Sénat à partir de lundi.\nLes sénateurs ont déjà déposé des amendements.\n"
                                         + "La majorité reste prudente.\npar Julien Lefèvre\npublié le 7 juin 2024 à 19h12\nmis à jour le 8 juin 2024 à 8h05\n\(lead)\n").article)
        #expect(b.date?.iso == "2024-06-07T19:12")
        #expect(b.dropped.contains { $0.rule == "date-line" && $0.text.hasPrefix("mis à jour") })
        // Above a date line, any name-shaped line is the byline.
        let g = try #require(readArticle("Putin claims landslide victory in Russian election\nRussian president secures fifth term\nPjotr Sauer\nSun 17 Mar 2024 21.30 GMT\n\n"
                                         + "Vladimir Putin has claimed a landslide victory in the presidential election on Sunday.\n", language: "en").article)
        #expect(g.author == "Pjotr Sauer")
        #expect(g.date?.iso == "2024-03-17T21:30")
        // A name alone that is a photo's caption, with the body after it, is no byline.
        let c = try #require(readArticle("Le budget adopté de justesse\nGabriel Attal\n\(lead)\n").article)
        #expect(c.author == nil)
    }

    @Test("a newsletter's box between paragraphs goes whole, up to its sign-up button; share and reuse buttons go")
    func newsletterBox() throws {
        let text = "La Moldavie, laboratoire des ingérences russes\nPar Marie Jégo\nEnvoyer par e-mail\n\(lead)\nNewsletter\n« International »\n"
            + "L'actualité internationale décryptée chaque semaine par la rédaction du « Monde »\nS'inscrire\n"
            + "Le Kremlin a jugé les accusations « absurdes », selon sa porte-parole.\nContribuer\nRéutiliser ce contenu\n"
        let a = try #require(readArticle(text).article)
        #expect(!a.text.contains("International") && !a.text.contains("décryptée"), "\(a.text)")
        #expect(a.text.contains("absurdes"))
        let d = dropped(text)
        #expect(d["Envoyer par e-mail"] == "navigation")
        #expect(d["Réutiliser ce contenu"] == "navigation")
        // Without its button, the lines after "Newsletter" stay.
        let b = try #require(readArticle("La Moldavie, laboratoire des ingérences russes\n\(lead)\nNewsletter\n« Nous ne céderons pas », a déclaré Maia Sandu.\n").article)
        #expect(b.text.contains("céderons"))
    }

    @Test("a date line glued to its update time: 'GMTUpdated 2 months ago'")
    func gluedUpdateLine() throws {
        let a = try #require(readArticle("Russian operatives used influencers to spread election falsehoods\nBy Christopher Bing\nSeptember 12, 20245:41 PM GMTUpdated 2 months ago\n"
                                         + "Russian operatives paid a Tennessee media company to produce videos, three people familiar with the matter said.\n", language: "en").article)
        #expect(a.date?.iso == "2024-09-12T17:41")
        #expect(a.text.hasPrefix("Russian operatives paid"), "\(a.text.prefix(60))")
    }

    @Test("an interview's byline: \"Recueilli par\", a surname in capitals, a final period")
    func interviewByline() throws {
        let a = try #require(readArticle("Ingérence russe : « On a affaire à une machine bien huilée »\nOuest-France\nRecueilli par Julien BOUISSOU.\nPublié le 02/11/2024 à 17h30\n\(lead)\n").article)
        #expect(a.author == "Julien Bouissou")
        #expect(a.date?.iso == "2024-11-02T17:30")
        let b = try #require(readArticle("Le scrutin de la peur\nPropos recueillis par Marie Dupont et Jean LEROY-BEAULIEU\n\(lead)\n").article)
        #expect(b.author == "Marie Dupont et Jean Leroy-Beaulieu")
    }

    @Test("an opinion piece: a breadcrumb of sections above the headline, the author's name alone under it, the standfirst, then the date")
    func opinionPiece() throws {
        let body = "When I testified before Congress in 2021, I warned that influence operations were becoming harder to spot.\n"
        let a = try #require(readArticle("Opinion | US elections 2024\nPutin doesn't need to hack the vote. We're doing his work for him\nNina Jankowicz\n"
                                         + "Disinformation thrives on our divisions. The fix isn't just better moderation – it's better civics\n"
                                         + "Thu 17 Oct 2024 06.00 EDT\n" + body, language: "en").article)
        #expect(a.title == "Putin doesn't need to hack the vote. We're doing his work for him")
        #expect(a.author == "Nina Jankowicz")
        #expect(a.date?.iso == "2024-10-17T06:00")
        // Without the date under the standfirst, the author's note at the end names the author.
        let b = try #require(readArticle("Monde › Europe\nL'Europe ne doit plus être naïve face à Moscou\nNathalie Loiseau\n"
                                         + "Les ingérences russes ne sont pas une fatalité, à condition de les nommer.\n"
                                         + "Il y a dix ans, personne ne voulait croire aux campagnes de désinformation du Kremlin.\n"
                                         + "Nathalie Loiseau est députée européenne.\n").article)
        #expect(b.title == "L'Europe ne doit plus être naïve face à Moscou")
        #expect(b.author == "Nathalie Loiseau")
        // With the body right under it, and no note at the end, a name alone is a photo's caption.
        let c = try #require(readArticle("Le budget adopté de justesse\nGabriel Attal\n\(lead)\nLe texte repart au Sénat la semaine prochaine, pour une dernière lecture.\n").article)
        #expect(c.author == nil)
    }

    @Test func separators() {
        #expect(dropped("Titre du jour\n\n\(lead)\n\n* * *\n\nSuite du texte, avec une seconde phrase.\n")["* * *"] == "separator")
    }

    @Test("subheadings stay in the text, marked as headings")
    func subheadings() throws {
        let a = try #require(readArticle("Titre\n\n\(lead)\n\nUn Soutien Inattendu\n\nLe dirigeant russe a également loué la candidate lors du forum.\n").article)
        #expect(a.paragraphs.map(\.kind) == [.text, .heading, .text])
    }

    @Test("a line cut in the middle of a sentence joins the next one")
    func hardWrappedLines() throws {
        let a = try #require(readArticle("Titre\n\nLe gouvernement a présenté mardi son projet de budget pour\nl'année prochaine devant les députés réunis.\n").article)
        #expect(a.paragraphs.count == 1)
    }

    @Test("language detection: French and English")
    func language() {
        #expect(readArticle("Titre\n\n\(lead) Il a été adopté par une large majorité des élus présents.\n", language: "en").article?.language == "fr")
        #expect(readArticle("Title\n\nThe government presented its budget on Tuesday, and the opposition said that it was not enough for the country.\n").article?.language == "en")
    }
}

@Suite("Reading: dates and metadata")
struct DateTests {
    func date(_ line: String, atEnd: Bool = false) -> String? {
        let body = "Le gouvernement a présenté son projet de budget devant les députés."
        let text = atEnd ? "Titre du jour\n\n\(body)\n\n\(line)\n" : "Titre du jour\n\n\(line)\n\n\(body)\n"
        return readArticle(text).article?.date?.iso
    }

    @Test func englishDates() {
        #expect(date("October 22, 2024 08:28") == "2024-10-22T08:28")
        #expect(date("Published September 5, 2024") == "2024-09-05")
        #expect(date("5 March 2024, 3:15 pm") == "2024-03-05T15:15")
        #expect(date("March 4, 2024 at 5:12 p.m. EST") == "2024-03-04T17:12")
    }

    @Test("date lines with two dates, or a word of another language")
    func moreDateLines() throws {
        let a = try #require(readArticle("Macron en Inde\n\nMis en ligne le 26 janvier 2024 à 08:00 - Mis à jour le 26 janvier 2024 à 09:15\n\nLe président est arrivé vendredi à Jaipur pour une visite de deux jours.\n").article)
        #expect(a.date?.iso == "2024-01-26T08:00")
        let b = try #require(readArticle("Le Kremlin répond\n\n04.03.2024, 15:20 Uhr\n\nLe Kremlin a répondu lundi aux accusations américaines.\n").article)
        #expect(b.date?.iso == "2024-03-04T15:20")
    }

    @Test func frenchDates() {
        #expect(date("22 octobre 2024") == "2024-10-22")
        #expect(date("le 22/10/2024 à 08h28") == "2024-10-22T08:28")
        #expect(date("Publié le 1er février 2024 à 17h05") == "2024-02-01T17:05")
        #expect(date("Mis à jour le 3 mars 2024") == "2024-03-03")
        // Dashes between the numbers; a bar before the time.
        #expect(date("05-11-2024 10:30") == "2024-11-05T10:30")
        #expect(date("5 nov. 2024 | 10:30") == "2024-11-05T10:30")
    }

    @Test("numeric dates: day first, month first when the second number cannot be a month or the time has AM/PM")
    func numericDateOrder() {
        #expect(date("05/11/2024 14:30") == "2024-11-05T14:30")
        #expect(date("Updated: 11/25/2024") == "2024-11-25")
        #expect(date("Updated: 11/05/2024 09:15 AM") == "2024-11-05T09:15")
        #expect(date("Updated: 11/05/2024 09:15 PM") == "2024-11-05T21:15")
        #expect(DateFinder().first(in: "13/13/2024") == nil)
    }

    @Test("labels above the headline: a rubric over a topic line go together; a rubric word under the headline goes")
    func labelsAroundTheHeadline() throws {
        let topic = try #require(readArticle("World\nUS election 2024\n“We will win”: Harris rallies supporters in Philadelphia\n4 November 2024\n\nKamala Harris told thousands of supporters on Monday that the race was close. Her campaign said turnout would decide.\n", language: "en").article)
        #expect(topic.title == "“We will win”: Harris rallies supporters in Philadelphia")
        #expect(topic.text.hasPrefix("Kamala Harris told"))
        let under = try #require(readArticle("Pourquoi Poutine veut-il négocier maintenant ?\nAnalyse\nLe 4 avril 2024\n\nDepuis plusieurs semaines, Moscou multiplie les signaux. Les diplomates occidentaux restent sceptiques.\n").article)
        #expect(under.title == "Pourquoi Poutine veut-il négocier maintenant ?")
        #expect(under.text.hasPrefix("Depuis plusieurs semaines"))
        #expect(under.dropped.contains { $0.rule == "section-label" && $0.text == "Analyse" })
    }

    @Test("a broadcaster's page: a topic over the headline, the outlet under the byline, a video link, a copyright line")
    func broadcasterPage() throws {
        let text = try String(contentsOfFile: repoRoot + "/Tests/SitegenKitTests/Fixtures/en-broadcaster.txt", encoding: .utf8)
        let a = try #require(readArticle(text, name: "en-broadcaster.txt", language: "en").article)
        #expect(a.title == "Zelensky says 'just peace' possible in 2025 if US stays firm")
        for gone in ["Ukraine war", "WATCH:", "© 2024", "Read more:", "Skip to main content", "Listen to this article"] {
            #expect(!a.text.contains(gone), "\(gone)")
        }
        #expect(a.text.hasSuffix("goals \"remain unchanged\"."))
        let bbc = try #require(readArticle("Nato chief warns Europe must spend more on defence\nBy Laura Gozzi\nBBC News\n12 December 2024\n\nNato Secretary General Mark Rutte has warned that Europe is not ready for the threat it faces.\n", language: "en").article)
        #expect(bbc.author == "Laura Gozzi" && bbc.date?.iso == "2024-12-12")
        #expect(bbc.text.hasPrefix("Nato Secretary General"))
    }

    @Test func isoDates() {
        #expect(date("2024-11-06 16:49", atEnd: true) == "2024-11-06T16:49")
        #expect(date("2024-11-06") == "2024-11-06")
    }

    @Test("a month stays a month, a glued date is taken off the headline")
    func precisionAndPrefix() throws {
        let a = try #require(readArticle(" date 2024-09 Le candidat a déclaré qu'il ne savait pas\n\nLe texte de l'article, avec une phrase complète.\n").article)
        #expect(a.date?.iso == "2024-09")
        #expect(a.date?.precision == .month)
        #expect(a.title == "Le candidat a déclaré qu'il ne savait pas")
        #expect(date("septembre 2024") == "2024-09")
    }

    @Test("never invent a date: a date inside the body does not date the article")
    func noInventedDate() {
        let r = readArticle("Titre\n\nLe premier paragraphe parle du sommet.\n\nLe deuxième paragraphe.\n\nLe troisième.\n\nLe quatrième.\n\nLe cinquième.\n\nLe sixième paragraphe, enfin, rappelle que l'élection a eu lieu le 5 novembre 2024 aux États-Unis.\n\nFin.\n\nVraiment la fin.\n\nDernier.\n")
        #expect(r.article?.date == nil)
    }

    @Test("impossible dates are not dates")
    func invalidDates() {
        #expect(DateFinder().first(in: "31/02/2024") == nil)
        #expect(DateFinder().first(in: "2024-13-01") == nil)
        #expect(DateFinder().first(in: "le 29 février 2024")?.date.iso == "2024-02-29")
    }

    @Test("every date pattern compiles")
    func patternsCompile() {
        let f = DateFinder()
        #expect(f.compiledPatternCount == f.patternCount)
    }

    @Test("front matter wins over detection")
    func frontMatter() throws {
        let text = "---\ntitle: Le vrai titre\ndate: 2024-10-21\nauthor: Jeanne Martin\nurl: https://example.org/a\noutlet: Le Quotidien\nlanguage: fr\ntags: [Russie, élection]\n---\nInternational\n\nUn titre détecté\n\nHoang Bach October 22, 2024 08:28\n\nLe corps de l'article.\n"
        let a = try #require(readArticle(text).article)
        #expect(a.title == "Le vrai titre")
        #expect(a.date?.iso == "2024-10-21")
        #expect(a.author == "Jeanne Martin")
        #expect(a.url == "https://example.org/a")
        #expect(a.outlet == "Le Quotidien")
        #expect(a.tags == ["Russie", "élection"])
        #expect(a.dateSource == "front matter")
    }

    @Test("broken front matter is reported with its line, and the article still reads")
    func brokenFrontMatter() throws {
        let r = readArticle("---\ntitle: [unclosed\n---\nLe titre\n\nLe corps de l'article.\n", name: "broken.txt")
        let a = try #require(r.article)
        #expect(a.title == "Le titre")
        #expect(r.diagnostics.contains { $0.file.hasSuffix("broken.txt") && $0.line != nil && $0.message.contains("YAML") })
    }

    @Test("Markdown articles keep their blocks; the first heading is the title")
    func markdownArticle() throws {
        let a = try #require(readArticle("# Le titre\n\nPremier paragraphe\nsur deux lignes.\n\n## Intertitre\n\nSecond paragraphe.\n", name: "a.md").article)
        #expect(a.title == "Le titre")
        #expect(a.paragraphs.map(\.text) == ["Premier paragraphe sur deux lignes.", "Intertitre", "Second paragraphe."])
        #expect(a.paragraphs.map(\.kind) == [.text, .heading, .text])
    }
}
