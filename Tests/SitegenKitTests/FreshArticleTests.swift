import Foundation
import Testing
@testable import SitegenKit

/// Clippings written for the tests in styles the example dossier does not show (French dailies'
/// and news sites' page furniture, English wire stories, correspondents' reports), read end to end.
@Suite("Articles in other styles")
struct FreshArticleTests {
    func load(_ name: String) throws -> String {
        try String(contentsOfFile: repoRoot + "/Tests/SitegenKitTests/Fixtures/" + name, encoding: .utf8)
    }

    @Test("a French daily: rubric, byline with two authors, dates, reading time, read-also, role phrases")
    func frenchDaily() throws {
        let text = try load("fr-budget.txt")
        let a = try #require(readArticle(text, name: "fr-budget.txt").article)
        #expect(a.title == "Budget 2025 : Michel Barnier dégaine le 49.3, la gauche dépose une motion de censure")
        #expect(a.date?.iso == "2024-12-02T16:12")
        #expect(a.author == "Claire Gatinois et Mariama Darame")
        #expect(!a.text.contains("Temps de Lecture") && !a.text.contains("Lire aussi") && !a.text.contains("Lire la suite"))
        let out = testExtractor.extract([a])
        #expect(speaker(of: "moment de vérité", in: out) == "Michel Barnier")
        #expect(speaker(of: "Nous voterons la censure", in: out) == "Marine Le Pen")
        #expect(speaker(of: "a choisi le chaos", in: out) == "Mathilde Panot")
        #expect(speaker(of: "Ce gouvernement doit tomber", in: out) == "Mathilde Panot")
        #expect(speaker(of: "se payer le luxe", in: out) == "Antoine Armand")
        #expect(Set(out.people.map(\.name)) == ["Michel Barnier", "Marine Le Pen", "Mathilde Panot", "Antoine Armand", "Emmanuel Macron"])
    }

    @Test("an English wire story: dateline, capitalised roles, said-inversions, agency credits")
    func englishWire() throws {
        let text = try load("en-airdefence.txt")
        let a = try #require(readArticle(text, name: "en-airdefence.txt").article)
        #expect(a.language == "en")
        #expect(a.title == "Zelenskiy says Ukraine needs more air defence after massive Russian strike")
        #expect(a.date?.iso == "2024-11-28T10:15")
        #expect(!a.text.contains("Reporting by") && !a.text.contains("Our Standards"))
        let out = testExtractor.extract([a])
        #expect(speaker(of: "Every day we see", in: out) == "Volodymyr Zelenskiy")
        #expect(speaker(of: "We need more Patriots", in: out) == "Volodymyr Zelenskiy")
        #expect(speaker(of: "decision-making centres", in: out) == "Vladimir Putin")
        #expect(speaker(of: "outrageous", in: out) == "John Kirby")
        #expect(speaker(of: "war on civilians", in: out) == "Annalena Baerbock")
        #expect(Set(out.people.map(\.name)) == ["Volodymyr Zelenskiy", "Vladimir Putin", "John Kirby", "Annalena Baerbock"])
        #expect(out.people.first { $0.name == "Annalena Baerbock" }?.roles.first?.text == "German Foreign Minister")
    }

    @Test("a French agency dispatch: dateline, absolute participle, 'Pour X,', réagir, role after the name")
    func frenchDispatch() throws {
        let a = try #require(readArticle(try load("fr-dispatch.txt"), name: "fr-dispatch.txt").article)
        #expect(a.title == "Inflation : la BCE maintient ses taux, Christine Lagarde appelle à la patience")
        #expect(a.date?.iso == "2024-09-12T15:02")
        #expect(!a.text.contains("(Avec AFP)"))
        let out = testExtractor.extract([a])
        #expect(speaker(of: "chemin de la désinflation", in: out) == "Christine Lagarde")
        #expect(speaker(of: "au bout du chemin", in: out) == "Christine Lagarde")
        #expect(speaker(of: "rester vigilants", in: out) == "Christine Lagarde")
        #expect(speaker(of: "surprendre les marchés", in: out) == "Philippe Martin")
        #expect(speaker(of: "décision sage", in: out) == "Bruno Le Maire")
        #expect(speaker(of: "baisse graduelle", in: out) == "François Villeroy de Galhau")
        #expect(speaker(of: "salaires ne suivent pas", in: out) == "Sophie Binet")
        #expect(Set(out.people.map(\.name)) == ["Christine Lagarde", "Philippe Martin", "Bruno Le Maire", "François Villeroy de Galhau", "Sophie Binet"])
    }

    @Test("an English report: byline with a role, a time with a dot, apposition, a group as speaker, an unnamed spokesperson")
    func englishReport() throws {
        let a = try #require(readArticle(try load("en-report.txt"), name: "en-report.txt").article)
        #expect(a.author == "Jessica Elgot")
        #expect(a.date?.iso == "2024-10-08T18:30")
        let out = testExtractor.extract([a])
        #expect(speaker(of: "turning point", in: out) == nil, "'what they called': a group, not a person")
        #expect(speaker(of: "We will not issue new licences", in: out) == "Ed Miliband")
        #expect(speaker(of: "ideological decision", in: out) == "Claire Coutinho")
        #expect(speaker(of: "deeply disappointing", in: out) == "Mike Tholen")
        #expect(speaker(of: "cliff edge", in: out) == "Mike Tholen")
        #expect(Set(out.people.map(\.name)) == ["Ed Miliband", "Claire Coutinho", "Mike Tholen", "Keir Starmer"])
    }

    @Test("an English wire story on a central bank: 'with X saying', an institution whose name ends with its head, 'adding'")
    func englishCentralBank() throws {
        let a = try #require(readArticle(try load("en-fed.txt"), name: "en-fed.txt").article)
        #expect(a.author == "Howard Schneider and Ann Saphir")
        #expect(a.date?.iso == "2025-03-19T18:41")
        #expect(!a.text.contains("Our Standards") && !a.text.contains("Scroll to continue"))
        let out = testExtractor.extract([a])
        // The participle's subject is the name right before it, not the sentence's subject.
        #expect(speaker(of: "greater clarity", in: out) == "Jerome Powell")
        #expect(speaker(of: "in a hurry", in: out) == "Jerome Powell")
        #expect(speaker(of: "transitory", in: out) == "Jerome Powell")
        #expect(speaker(of: "what the Fed does", in: out) == "Scott Bessent")
        #expect(speaker(of: "a lot foggier", in: out) == "Austan Goolsbee")
        #expect(speaker(of: "The bar for a cut", in: out) == "Jan Hatzius")
        #expect(speaker(of: "being squeezed", in: out) == "Elizabeth Warren")
        // "The U.S. Federal Reserve" is an institution ("Reserve" ends it), never a person.
        #expect(Set(out.people.map(\.name)) == ["Jerome Powell", "Scott Bessent", "Austan Goolsbee", "Jan Hatzius", "Elizabeth Warren"])
    }

    @Test("a French political story: a desk as co-author, a party acronym before a name, 'Un' opening a sentence, a quote after a colon")
    func frenchSenate() throws {
        let a = try #require(readArticle(try load("fr-senat.txt"), name: "fr-senat.txt").article)
        #expect(a.title == "Réforme des retraites : le Sénat adopte le texte, la gauche dénonce un « passage en force »")
        // "et Service politique" is the paper's desk, not a second author.
        #expect(a.author == "Julie Carriat")
        #expect(a.date?.iso == "2023-03-04T23:41")
        #expect(!a.text.contains("Кремль") && !a.text.contains("Publicité") && !a.text.contains("Lire aussi"))
        let out = testExtractor.extract([a])
        // "Un vote salué par le ministre du Travail, Olivier Dussopt : « … »": "Un" is no UN.
        #expect(speaker(of: "étape importante", in: out) == "Olivier Dussopt")
        #expect(speaker(of: "passage en force", in: out) == "Mélanie Vogel")
        #expect(speaker(of: "ni la rue", in: out) == "Mélanie Vogel")
        // "le sénateur LR Bruno Retailleau": the party's acronym is not part of his name.
        #expect(speaker(of: "nécessaire et juste", in: out) == "Bruno Retailleau")
        #expect(speaker(of: "continuerons la mobilisation", in: out) == "Laurent Berger")
        #expect(speaker(of: "autre choix", in: out) == "Élisabeth Borne")
        #expect(Set(out.people.map(\.name)) == ["Olivier Dussopt", "Mélanie Vogel", "Bruno Retailleau", "Laurent Berger", "Élisabeth Borne"])
    }

    @Test("a technology story: a byline with a desk, an institution's role words before its holder, a colon after an unnamed subject")
    func microsoftReport() throws {
        let a = try #require(readArticle(try load("en-microsoft.txt"), name: "en-microsoft.txt").article)
        // "Dan Milmo Global technology editor": the desk's words are no part of the name.
        #expect(a.author == "Dan Milmo")
        let out = testExtractor.extract([a])
        #expect(Set(out.people.map(\.name)) == ["Clint Watts", "Karine Jean-Pierre", "Mark Warner"])
        #expect(speaker(of: "picked up steam", in: out) == "Clint Watts")
        #expect(speaker(of: "intensify as the election", in: out) == "Clint Watts")
        // "the White House press secretary, Karine Jean-Pierre, told reporters: “…”", then "She said".
        #expect(speaker(of: "very seriously", in: out) == "Karine Jean-Pierre")
        #expect(speaker(of: "call it out", in: out) == "Karine Jean-Pierre")
        // "the Russian embassy in Washington wrote: “…”": left to the phrase, linked to nobody.
        let embassy = try #require(out.quotes.first { $0.text.contains("baseless") })
        #expect(embassy.speaker == nil && embassy.speakerName == "the Russian embassy in Washington" && embassy.evidence.rule == "colon")
        #expect(speaker(of: "not just Russia", in: out) == "Mark Warner")
    }

    @Test("a British politics story: a byline with an unlisted first name and a role, a name with an unknown first name opening a sentence before its role")
    func britishPolitics() throws {
        let a = try #require(readArticle(try load("en-tariffs.txt"), name: "en-tariffs.txt").article)
        #expect(a.author == "Pippa Crerar")
        #expect(a.date?.iso == "2025-04-08T19:02")
        #expect(!a.text.contains("Sign up to") && !a.text.contains("Photograph:") && !a.text.contains("Related:"))
        let out = testExtractor.extract([a])
        #expect(speaker(of: "pushed around", in: out) == "Keir Starmer")
        #expect(speaker(of: "off the table", in: out) == "Keir Starmer")
        #expect(speaker(of: "ongoing and constructive", in: out) == "Jonathan Reynolds")
        // "Kemi Badenoch, the Conservative leader, accused …": no first name the list knows, at a
        // sentence's start, but a role in apposition; then "she said" is hers.
        #expect(speaker(of: "dithering", in: out) == "Kemi Badenoch")
        #expect(speaker(of: "months to prepare", in: out) == "Kemi Badenoch")
        #expect(Set(out.people.map(\.name)) == ["Keir Starmer", "Donald Trump", "Jonathan Reynolds", "Kemi Badenoch"])
    }

    @Test("a French story on Russian media: a surname ending like a nationality, 'pour X' after a quote, one person in two languages")
    func frenchRussianMedia() throws {
        let a = try #require(readArticle(try load("fr-sanctions.txt"), name: "fr-sanctions.txt").article)
        #expect(a.author == "Anna Petrova")
        #expect(a.date?.iso == "2024-09-06T14:20")
        #expect(!a.text.contains("Захарова") && !a.text.contains("EN CONTINU") && !a.text.contains("Abonnez-vous"))
        let out = testExtractor.extract([a])
        #expect(speaker(of: "chasse aux sorcières", in: out) == "Maria Zakharova")
        #expect(speaker(of: "autre version des faits", in: out) == "Maria Zakharova")
        #expect(speaker(of: "bras armé", in: out) == "Antony Blinken")
        #expect(speaker(of: "suivait la situation", in: out) == "Dmitri Peskov")
        #expect(speaker(of: "no interest", in: out) == "Vladimir Poutine")
        // "M. Poutine a ironisé sur sa « préférence » pour Kamala Harris": "pour" after the quote
        // is no "Pour X, …" opening a sentence.
        #expect(speaker(of: "préférence", in: out) == "Vladimir Poutine")
        // "Simonian" ends like "Armenian" but is a surname; "rédactrice en chef" is a role.
        #expect(speaker(of: "tout fait", in: out) == "Margarita Simonian")
        #expect(out.people.first { $0.name == "Margarita Simonian" }?.roles.first?.text == "rédactrice en chef de RT")
        let putin = try #require(out.people.first { $0.name == "Vladimir Poutine" })
        #expect(Set(putin.aliases).isSuperset(of: ["Vladimir Putin", "M. Poutine"]))
        #expect(Set(out.people.map(\.name)) == ["Maria Zakharova", "Antony Blinken", "Dmitri Peskov", "Vladimir Poutine", "Kamala Harris", "Margarita Simonian"])
    }

    @Test("an American election story: the authors' biography at the end, an agency named by its head last, a first name that is also a particle")
    func americanElection() throws {
        let a = try #require(readArticle(try load("en-election.txt"), name: "en-election.txt").article)
        #expect(a.author == "Maggie Haberman and Julian E. Barnes")
        #expect(a.date?.iso == "2024-11-02")
        // The line under the article about its authors is no part of it.
        #expect(!a.text.contains("covers the U.S. intelligence agencies") && !a.text.contains("ADVERTISEMENT"))
        let out = testExtractor.extract([a])
        #expect(speaker(of: "like nobody", in: out) == "Donald J. Trump")
        #expect(speaker(of: "watch it", in: out) == "Donald J. Trump")
        #expect(speaker(of: "sow doubt", in: out) == "Ian Sams")
        #expect(speaker(of: "in your hands", in: out) == "Kamala Harris")
        // "Al Schmidt, Pennsylvania's secretary of the commonwealth, said …" then "he said".
        #expect(speaker(of: "eligible vote", in: out) == "Al Schmidt")
        // "… the Cybersecurity and Infrastructure Security Agency said": an agency speaks.
        let agency = try #require(out.quotes.first { $0.text.contains("manufactured") })
        #expect(agency.speaker == nil && agency.speakerName == "Infrastructure Security Agency")
        #expect(Set(out.people.map(\.name)) == ["Donald J. Trump", "Ian Sams", "Kamala Harris", "Al Schmidt"])
    }

    @Test("a translated French story: a relative clause's speaker, a quote after 'sur son podcast que', curly quotes")
    func frenchTranslated() throws {
        let a = try #require(readArticle(try load("fr-lavrov.txt"), name: "fr-lavrov.txt").article)
        #expect(a.title == "Lavrov affirme que la Russie n’a « aucune préférence » entre Harris et Trump")
        #expect(a.date?.iso == "2024-10-14")
        let out = testExtractor.extract([a])
        #expect(speaker(of: "aucune préférence", in: out) == "Sergueï Lavrov")
        // The cue shows the role before the name it found past the role's complement.
        #expect(out.quotes.first { $0.text.contains("aucune préférence") }?.evidence.cue == "Le chef de la diplomatie russe Sergueï Lavrov a déclaré")
        // "les déclarations de Joe Biden, qui a qualifié Vladimir Poutine de « tueur »": Biden's word.
        #expect(speaker(of: "tueur", in: out) == "Joe Biden")
        #expect(speaker(of: "ne contrôle plus", in: out) == "Sergueï Lavrov")
        // "podcast" names a show, but "que" opens a clause: the quote is speech.
        #expect(speaker(of: "bouc émissaire", in: out) == "Steve Bannon")
        #expect(speaker(of: "tous ses objectifs", in: out) == "Sergueï Lavrov")
        // "…”, a affirmé le ministre lors d’une conférence de presse" ("lors d'une conférence" is
        // no part of the role): "le chef de la diplomatie russe Sergueï Lavrov" is the minister of
        // foreign affairs, and the quote's notes say how he was found.
        let guessed = try #require(out.quotes.first { $0.text.hasPrefix("Peu importe") })
        #expect(guessed.speakerName == "Sergueï Lavrov")
        #expect(guessed.evidence.notes.contains("role resolved to the person the article names so"))
    }

    @Test("a Russian agency's English dispatch: a /TASS/ dateline, speakers named again by a bare role ('the Kremlin official', 'the diplomat')")
    func russianAgencyDispatch() throws {
        let a = try #require(readArticle(try load("en-tass.txt"), name: "en-tass.txt").article)
        #expect(a.title == "Kremlin says Russia will respect US voters' choice")
        #expect(!a.text.contains("/TASS/") && a.text.hasPrefix("Russia will respect the choice"))
        let out = testExtractor.extract([a])
        // "…," the Kremlin official said: nobody is named "official"; Peskov is, in the sentence before.
        #expect(speaker(of: "always said", in: out) == "Dmitry Peskov")
        #expect(speaker(of: "concrete steps", in: out) == "Dmitry Peskov")
        // A quote that ends its sentence is not given to the "According to …" that opens the next.
        #expect(speaker(of: "unprecedented pressure", in: out) == "Maria Zakharova")
        #expect(speaker(of: "course of US policy", in: out) == "Maria Zakharova")
        #expect(speaker(of: "no illusions", in: out) == "Sergey Ryabkov")
        #expect(speaker(of: "voted for change", in: out) == "Vyacheslav Volodin")
        #expect(Set(out.people.map(\.name)) == ["Dmitry Peskov", "Maria Zakharova", "Sergey Ryabkov", "Vyacheslav Volodin"])
    }

    @Test("a French news site's story: an audio player, relative dates, an institution's statement, 'a au contraire défendu X'")
    func frenchNewsSite() throws {
        let a = try #require(readArticle(try load("fr-troupes.txt"), name: "fr-troupes.txt").article)
        #expect(a.title == "Ukraine : Emmanuel Macron n’exclut pas l’envoi de troupes, tollé à Moscou")
        #expect(!a.text.contains("Écouter cet article") && !a.text.contains("00:00"))
        let out = testExtractor.extract([a])
        #expect(speaker(of: "Rien ne doit être exclu", in: out) == "Emmanuel Macron")
        // "Le président français a réaffirmé jeudi qu'« aucune option » …", under a headline that
        // names Emmanuel Macron alone, before the body names him.
        let lead = try #require(out.quotes.first { $0.text == "aucune option" })
        #expect(lead.speakerName == "Emmanuel Macron" && lead.evidence.notes.contains("role resolved to the one person the headline names, whom the article gives no other role"))
        let kremlin = try #require(out.quotes.first { $0.text.contains("signal très dangereux") })
        #expect(kremlin.speaker == nil && kremlin.speakerName == "Kremlin")
        #expect(speaker(of: "inévitable", in: out) == "Dmitri Peskov")
        #expect(speaker(of: "ni troupes au sol", in: out) == "Olaf Scholz")
        #expect(speaker(of: "vaut aussi pour l’avenir", in: out) == "Olaf Scholz")
        #expect(speaker(of: "stupéfait", in: out) == "Dominique de Villepin")
        // "« … », a au contraire défendu Stéphane Séjourné": not the speaker before's continuation.
        #expect(speaker(of: "ambiguïté stratégique", in: out) == "Stéphane Séjourné")
        #expect(Set(out.people.map(\.name)) == ["Emmanuel Macron", "Dmitri Peskov", "Olaf Scholz", "Dominique de Villepin", "Stéphane Séjourné"])
    }

    @Test("a French web page with its furniture: cookie banner, a photo credit in parentheses, an embedded post, readers' comments, a quote in a 'tandis que' clause")
    func frenchWebPage() throws {
        let a = try #require(readArticle(try load("fr-musk.txt"), name: "fr-musk.txt").article)
        #expect(a.title == "Élection américaine : Elon Musk exulte, Moscou reste prudent")
        #expect(a.author == "Thomas Martin")
        #expect(a.date?.iso == "2024-11-06T11:32")
        // The photo's caption, the embedded post and the readers' comments are not the article.
        for gone in ["Getty Images", "le 27 octobre 2024", "pic.twitter.com", "@elonmusk", "Enfin une bonne nouvelle", "Répondre", "cookies"] {
            #expect(!a.text.contains(gone), "\(gone)")
        }
        #expect(a.text.hasSuffix("une « paix juste »."))
        let out = testExtractor.extract([a])
        // "Elon Musk a célébré …, tandis que le Kremlin attend des « actes concrets »".
        let kremlin = try #require(out.quotes.first { $0.text == "actes concrets" })
        #expect(kremlin.speaker == nil && kremlin.speakerName == "Kremlin")
        #expect(speaker(of: "pays d’élus", in: out) == "Elon Musk")
        #expect(speaker(of: "pays amis", in: out) == "Dmitri Peskov")
        #expect(speaker(of: "victoire impressionnante", in: out) == "Volodymyr Zelensky")
        // The caption's date is no event of the article.
        #expect(!out.events.contains { $0.sentence.contains("27 octobre") })
    }

    @Test("a correspondent's story: 'Par notre correspondant à Moscou, X', 's'est réjoui le député X', 'a moqué'")
    func frenchCorrespondent() throws {
        let a = try #require(readArticle(try load("fr-moscou.txt"), name: "fr-moscou.txt").article)
        #expect(a.author == "Benjamin Quénelle")
        #expect(a.date?.iso == "2024-11-07T10:05")
        let out = testExtractor.extract([a])
        #expect(speaker(of: "pays inamical", in: out) == "Dmitri Peskov")
        #expect(speaker(of: "bonne nouvelle pour la Russie", in: out) == "Leonid Sloutski")
        #expect(speaker(of: "ne changera rien", in: out) == "Dmitri Medvedev")
        #expect(speaker(of: "restent les États-Unis", in: out) == "Dmitri Medvedev")
        #expect(speaker(of: "gestes concrets", in: out) == "Konstantin Kalatchev")
        let mocked = try #require(out.quotes.first { $0.text.contains("larmes des libéraux") })
        #expect(mocked.speakerName == "Mme Zakharova" && mocked.evidence.rule == "cue-before")
        // The correspondent is the author, not a person of the story.
        #expect(!out.people.contains { $0.name == "Benjamin Quénelle" })
    }

    @Test("a French daily's summit story: breadcrumbs, 'Publié le … mis à jour le …', a player's time, recommended links; role and nationality before a name, 'Pour lui,'")
    func frenchSummit() throws {
        let a = try #require(readArticle(try load("fr-sommet.txt"), name: "fr-sommet.txt").article)
        #expect(a.title == "Guerre en Ukraine : Volodymyr Zelensky réclame des missiles à longue portée avant l'hiver")
        #expect(a.date?.iso == "2024-11-08T07:15")
        for gone in ["Accueil", "Écouter cet article", "00:00/05:12", "À lire aussi", "la peur d'un accord", "La rédaction vous conseille",
                     "ce que l'on sait", "Maia Sandu réélue"] {
            #expect(!a.text.contains(gone), "\(gone)")
        }
        let out = testExtractor.extract([a])
        #expect(speaker(of: "Chaque jour de retard", in: out) == "Volodymyr Zelensky")
        // "Le premier ministre hongrois Viktor Orban, hôte du sommet, a plaidé …. « … », a-t-il estimé".
        #expect(speaker(of: "La guerre ne peut pas", in: out) == "Viktor Orban")
        // "Le président français Emmanuel Macron s'est montré plus prudent. Pour lui, … « … »".
        #expect(speaker(of: "déléguer sa sécurité", in: out) == "Emmanuel Macron")
    }

    @Test("an English wire story: 'Moldovan President Maia Sandu' tells no gender, so 'she told' may be hers")
    func englishMoldova() throws {
        let a = try #require(readArticle(try load("en-moldova.txt"), name: "en-moldova.txt").article)
        #expect(a.title == "Russia denies meddling in Moldova vote, says claims are 'Russophobic'")
        #expect(a.author == "Guy Faulconbridge and Lidia Kelly")
        #expect(a.date?.iso == "2024-11-04T05:12")
        #expect(!a.text.contains("Suggested Topics") && !a.text.contains("Reporting by"))
        let out = testExtractor.extract([a])
        #expect(speaker(of: "unprecedented attack", in: out) == "Maia Sandu")
        #expect(speaker(of: "We have not interfered", in: out) == "Dmitry Peskov")
        #expect(speaker(of: "lesson in democracy", in: out) == "Maia Sandu")
        #expect(speaker(of: "most unfree", in: out) == "Maria Zakharova")
    }

    @Test("a British broadcaster's page: the author's name over its role, 'Image caption,' lines, related links under a header, a question among them")
    func englishBroadcasterPage() throws {
        let a = try #require(readArticle(try load("en-bbc.txt"), name: "en-bbc.txt").article)
        #expect(a.title == "Putin says Russia will respond to Western missile decision")
        #expect(a.author == "Steve Rosenberg")
        // "2 days ago" says nothing without the day the page was read.
        #expect(a.date == nil)
        for gone in ["Steve Rosenberg", "Russia editor", "Image caption", "Debris from the missile", "What are ATACMS missiles?"] {
            #expect(!a.text.contains(gone), "\(gone)")
        }
        #expect(a.text.hasPrefix("Russian President Vladimir Putin has said"))
        let out = testExtractor.extract([a])
        // The author is no person of the story; the caption's "Thursday" makes no event.
        #expect(!out.people.contains { $0.name == "Steve Rosenberg" })
        #expect(!out.events.contains { $0.sentence.contains("Image caption") })
        #expect(speaker(of: "testing ground", in: out) == "Volodymyr Zelensky")
        #expect(speaker(of: "reckless", in: out) == "David Lammy")
    }

    @Test("a French daily's subscribers' page: buttons under the byline, a paywall notice, a read-also with a label")
    func frenchSubscribersPage() throws {
        let a = try #require(readArticle(try load("fr-abonnes.txt"), name: "fr-abonnes.txt").article)
        #expect(a.author == "Benoît Vitkine")
        #expect(a.date?.iso == "2024-11-22T05:30")
        for gone in ["Offrir", "Ajouter à vos sélections", "Il vous reste", "réservée aux abonnés", "Lecture 4 min"] {
            #expect(!a.text.contains(gone), "\(gone)")
        }
        #expect(a.text.hasSuffix("trente minutes avant le tir."))
        let out = testExtractor.extract([a])
        #expect(speaker(of: "Nous nous considérons en droit", in: out) == "Vladimir Poutine")
        #expect(speaker(of: "terrain d'essai", in: out) == "Volodymyr Zelensky")
    }

    @Test("a public broadcaster's story: 'Article rédigé par franceinfo' names no author, a caption twice with '(NAME / AGENCY)', share buttons; a role's capitalised complement, a description before a name")
    func frenchBroadcaster() throws {
        let a = try #require(readArticle(try load("fr-europe.txt"), name: "fr-europe.txt").article)
        #expect(a.title == "\"Un jour sombre pour l'Europe\" : la victoire de Donald Trump inquiète les dirigeants européens")
        // An outlet is no author, and its group's name under the byline is no text.
        #expect(a.author == nil)
        #expect(a.date?.iso == "2024-11-06T15:40")
        for gone in ["France Télévisions", "JIM WATSON", "West Palm Beach", "Facebook", "LinkedIn"] {
            #expect(!a.text.contains(gone), "\(gone)")
        }
        let out = testExtractor.extract([a])
        // "le ministre des Finances Christian Lindner a jugé": "Finances" completes the role.
        #expect(speaker(of: "investir davantage", in: out) == "Christian Lindner")
        #expect(!out.people.contains { $0.name.hasPrefix("Finances") })
        // "déplore de son côté l'eurodéputé écologiste Raphaël Glucksmann", then "Il estime".
        #expect(speaker(of: "jour sombre", in: out) == "Raphaël Glucksmann")
        #expect(speaker(of: "plus le choix", in: out) == "Raphaël Glucksmann")
        #expect(speaker(of: "retour bienvenu", in: out) == "Viktor Orban")
        // The caption's date makes no event.
        #expect(!out.events.contains { $0.sentence.contains("meeting") })
    }

    @Test("a regional daily's one-line credit and date: 'Ouest-France Avec AFP. Publié le …', a prompt at the end")
    func frenchRegional() throws {
        let a = try #require(readArticle(try load("fr-elysee.txt"), name: "fr-elysee.txt").article)
        #expect(a.title == "Guerre en Ukraine. Emmanuel Macron reçoit Volodymyr Zelensky à l'Élysée")
        #expect(a.author == nil)
        #expect(a.date?.iso == "2024-10-09T19:12")
        #expect(!a.text.contains("Ouest-France") && !a.text.contains("utile"))
        let out = testExtractor.extract([a])
        #expect(speaker(of: "aux côtés de l'Ukraine", in: out) == "Emmanuel Macron")
        // "jeudi", from the article's date.
        #expect(out.events.contains { $0.date?.iso == "2024-10-10" && $0.sentence.contains("Rome") })
    }

    @Test("a Brussels trade story: a capitalised role before the name ('Trade Commissioner Valdis Dombrovskis'), an anonymous diplomat")
    func englishTrade() throws {
        let a = try #require(readArticle(try load("en-trade.txt"), name: "en-trade.txt").article)
        #expect(a.author == "Camille Gijs and Koen Verhelst")
        #expect(a.date?.iso == "2024-11-07T04:00")
        #expect(!a.text.contains("contributed reporting"))
        let out = testExtractor.extract([a])
        #expect(speaker(of: "not be naive", in: out) == "Valdis Dombrovskis")
        #expect(speaker(of: "proportionate", in: out) == "Valdis Dombrovskis")
        #expect(out.people.first { $0.name == "Valdis Dombrovskis" }?.roles.first?.text == "Trade Commissioner")
        #expect(speaker(of: "delegate our security", in: out) == "Emmanuel Macron")
        #expect(speaker(of: "worked well together", in: out) == "Olaf Scholz")
    }

    @Test("an American daily's page: a glued 'Credit...' caption, 'Share full article', 'Reporting from' under the byline, then the date; a quote over two paragraphs")
    func americanDaily() throws {
        let a = try #require(readArticle(try load("en-nato.txt"), name: "en-nato.txt").article)
        #expect(a.author == "Constant Méheut and Marc Santora")
        #expect(a.date?.iso == "2024-11-30")
        for gone in ["Credit...", "in Kyiv last month", "Share full article", "Reporting from", "ADVERTISEMENT", "reports on Ukraine"] {
            #expect(!a.text.contains(gone), "\(gone)")
        }
        let out = testExtractor.extract([a])
        #expect(speaker(of: "NATO umbrella", in: out) == "Volodymyr Zelensky")
        #expect(speaker(of: "diplomatically", in: out) == "Volodymyr Zelensky")
        #expect(speaker(of: "best possible position", in: out) == "Mark Rutte")
        // "said on Friday", in an article of Saturday 30 November.
        #expect(out.events.contains { $0.date?.iso == "2024-11-29" })
    }

    @Test("French cues of a political story: an impersonal 'on' at an institution, 'le ministre' after a woman minister, a role whose complement names a party")
    func frenchCues() throws {
        let a = try #require(readArticle(try load("fr-missiles.txt"), name: "fr-missiles.txt").article)
        let out = testExtractor.extract([a])
        // "assure-t-on à l'Élysée": the institution, not an unresolved "on".
        let elysee = try #require(out.quotes.first { $0.text == "Nous n'excluons rien" })
        #expect(elysee.speaker == nil && elysee.speakerName == "Élysée")
        #expect(speaker(of: "coordonnée avec nos alliés", in: out) == "Annalena Baerbock")
        #expect(out.quotes.first { $0.text == "Le dialogue est permanent" }?.speaker == nil)
        // "le ministre a ajouté" is not Annalena Baerbock, who holds "la ministre des Affaires étrangères".
        #expect(speaker(of: "interdisons rien", in: out) == "Jean-Noël Barrot")
        // "La présidente du groupe RN à l'Assemblée a estimé": "RN" is the role's, not the subject.
        #expect(speaker(of: "entrer en guerre", in: out) == "Marine Le Pen")
        #expect(speaker(of: "ligne rouge", in: out) == "Jean-Luc Mélenchon")
    }

    @Test("English cues of a wire story: 'Jr.' ends a name, an unnamed spokesperson with a complement, 'said X, a Y, in an interview'")
    func englishCues() throws {
        let a = try #require(readArticle(try load("en-missiles.txt"), name: "en-missiles.txt").article)
        let out = testExtractor.extract([a])
        #expect(speaker(of: "significant change", in: out) == "Mike Waltz")
        // Donald Trump Jr. is himself, not his father.
        #expect(speaker(of: "World War 3", in: out) == "Donald Trump Jr.")
        #expect(!out.people.contains { $0.name == "Donald Trump" })
        #expect(speaker(of: "right call", in: out) == "Chuck Schumer")
        #expect(speaker(of: "outgoing administration", in: out) == "Dmitry Peskov")
        let uk = try #require(out.quotes.first { $0.text.hasPrefix("We welcome it") })
        #expect(uk.speaker == nil && uk.evidence.rule == "cue-after" && uk.speakerName == "a spokesperson for the British government")
    }

    @Test("a British daily's live page: two authors with notes above the date, 'Key events' buttons, the posts' times")
    func englishLivePage() throws {
        let a = try #require(readArticle(try load("en-live.txt"), name: "en-live.txt").article)
        #expect(a.author == "Tom Ambrose and Léonie Chao-Fong")
        #expect(a.date?.iso == "2024-11-26T18:05")
        for gone in ["(now)", "Key events", "17.40 GMT", "16.12 GMT"] {
            #expect(!a.text.contains(gone), "\(gone)")
        }
        let out = testExtractor.extract([a])
        // The authors are no people of the story.
        #expect(Set(out.people.map(\.name)) == ["Volodymyr Zelenskyy", "Dmitry Peskov"])
        #expect(speaker(of: "air defence", in: out) == "Volodymyr Zelenskyy")
        #expect(speaker(of: "no plans", in: out) == "Dmitry Peskov")
    }

    @Test("a news site's page: its date written twice glued, a 'Keep reading' list with its counters, the sources line")
    func englishNewsSite() throws {
        let a = try #require(readArticle(try load("en-aljazeera.txt"), name: "en-aljazeera.txt").article)
        #expect(a.date?.iso == "2024-11-08")
        for gone in ["Keep reading", "list 1 of 4", "cannot wait", "Source: Al Jazeera"] {
            #expect(!a.text.contains(gone), "\(gone)")
        }
        let out = testExtractor.extract([a])
        #expect(speaker(of: "concrete steps", in: out) == "Dmitry Peskov")
        #expect(speaker(of: "A freeze is not peace", in: out) == "Volodymyr Zelenskyy")
        #expect(!out.quotes.contains { $0.text == "cannot wait" })
    }

    @Test("an American political story: a party and state after a name, then an apposition; a role of the lexicon 'of the' an institution before the name; the copyright line")
    func americanPolitics() throws {
        let a = try #require(readArticle(try load("en-senate.txt"), name: "en-senate.txt").article)
        #expect(!a.text.contains("Copyright") && !a.text.contains("Nexstar"))
        let out = testExtractor.extract([a])
        #expect(speaker(of: "going all out", in: out) == "Chuck Schumer")
        // "Sen. Marco Rubio (R-Fla.), the vice chair …, struck a different note. “…,” he told reporters."
        #expect(speaker(of: "Every election cycle", in: out) == "Marco Rubio")
        #expect(speaker(of: "smart enough", in: out) == "Marco Rubio")
        // "Pennsylvania Secretary of the Commonwealth Al Schmidt called …"
        #expect(speaker(of: "malicious efforts", in: out) == "Al Schmidt")
        #expect(speaker(of: "undermine our elections", in: out) == "Al Schmidt")
        #expect(Set(out.people.map(\.name)) == ["Chuck Schumer", "Marco Rubio", "Al Schmidt"])
    }

    @Test("a French news magazine with AFP: an infinitive the quote governs is no cue, 'sur X.' ends a sentence before 'Mais M. Peskov'")
    func frenchMagazine() throws {
        let a = try #require(readArticle(try load("fr-appel.txt"), name: "fr-appel.txt").article)
        #expect(a.date?.iso == "2024-11-07T09:03")
        let out = testExtractor.extract([a])
        #expect(speaker(of: "Nous avons convenu", in: out) == "Volodymyr Zelensky")
        #expect(speaker(of: "pays inamical", in: out) == "Dmitri Peskov")
        // "Selon lui, Vladimir Poutine n'a « pas de projet » d'appeler le président élu."
        #expect(speaker(of: "pas de projet", in: out) == "Dmitri Peskov")
        #expect(speaker(of: "Nous verrons", in: out) == "Dmitri Peskov")
        #expect(speaker(of: "va tester Trump", in: out) == "Tatiana Stanovaya")
        #expect(speaker(of: "gestes concrets", in: out) == "Tatiana Stanovaya")
    }

    @Test("a French radio's page: 'Pour le politologue X, Y « … »' is X's view and gives Y no role; 'le chef du Kremlin' is the Russian president")
    func frenchRadio() throws {
        let a = try #require(readArticle(try load("fr-valdai.txt"), name: "fr-valdai.txt").article)
        let out = testExtractor.extract([a])
        #expect(speaker(of: "Je profite de l'occasion", in: out) == "Vladimir Poutine")
        // "Le chef du Kremlin a salué … : « Il s'est montré courageux. »"
        #expect(speaker(of: "courageux", in: out) == "Vladimir Poutine")
        #expect(speaker(of: "qu'il appelle", in: out) == "Vladimir Poutine")
        #expect(speaker(of: "garde toutes les options", in: out) == "Konstantin Kalatchev")
        #expect(out.people.first { $0.name == "Vladimir Poutine" }?.roles.contains { $0.text.contains("Kalatchev") } == false)
        #expect(speaker(of: "jugerons sur les actes", in: out) == "Maria Zakharova")
    }

    @Test("a French news channel's page: a role nobody holds, with a complement, is the subject of the sentence before")
    func frenchNewsChannel() throws {
        let a = try #require(readArticle(try load("fr-kiev.txt"), name: "fr-kiev.txt").article)
        let out = testExtractor.extract([a])
        // "Volodymyr Zelensky a mis en garde …, au lendemain d'un appel entre Donald Trump et
        // Vladimir Poutine … « … », a martelé le président ukrainien"
        #expect(speaker(of: "sans l'Ukraine", in: out) == "Volodymyr Zelensky")
        #expect(speaker(of: "pure fiction", in: out) == "Dmitri Peskov")
        #expect(speaker(of: "canaux de communication", in: out) == "Andriï Sybiha")
        #expect(speaker(of: "bien plus élevé", in: out) == "Mark Rutte")
    }

    @Test("a translated story: a dash before the cue, a role's holder after its complement, 'Comme l'a déclaré le président de …'")
    func frenchTranslatedReactions() throws {
        let a = try #require(readArticle(try load("fr-reactions.txt"), name: "fr-reactions.txt").article)
        let out = testExtractor.extract([a])
        // "\"…\", - a souligné le porte-parole", "« … » – a-t-il ajouté"
        #expect(speaker(of: "nous parlons d'un pays inamical", in: out) == "Dmitri Peskov")
        let riabkov = try #require(out.quotes.first { $0.text.contains("pas d'illusions") })
        #expect(riabkov.speakerName == "Sergueï Riabkov" && riabkov.evidence.rule == "inverted-pronoun")
        // "le président de la Douma d'État Viatcheslav Volodine", "le porte-parole du ministère Gueorgui Tykhy"
        #expect(speaker(of: "politique de Biden", in: out) == "Viatcheslav Volodine")
        #expect(out.people.first { $0.name == "Viatcheslav Volodine" }?.roles.first?.text == "président de la Douma d'État")
        #expect(speaker(of: "soutien bipartisan", in: out) == "Gueorgui Tykhy")
        #expect(speaker(of: "même pas en 100 jours", in: out) == "Dmitri Medvedev")
    }

    @Test("a translated dispatch: 'le chef de la diplomatie russe' is the foreign minister, the pronoun after 'que' is the sentence's subject")
    func frenchTranslatedDiplomacy() throws {
        let a = try #require(readArticle(try load("fr-diplomatie.txt"), name: "fr-diplomatie.txt").article)
        let out = testExtractor.extract([a])
        #expect(speaker(of: "au plus bas", in: out) == "Sergueï Lavrov")
        #expect(speaker(of: "défaite stratégique", in: out) == "Sergueï Lavrov")
        #expect(speaker(of: "hystérie antirusse", in: out) == "Anatoli Antonov")
        // "Le dirigeant russe, Vladimir Poutine, avait déclaré …, en plaisantant, qu'il soutenait
        // Kamala Harris en raison de son « rire contagieux »."
        #expect(speaker(of: "rire contagieux", in: out) == "Vladimir Poutine")
    }

    @Test("two dispatches in one dossier: a role whose fallback asks for the subject of the sentence before, itself a role, does not ask again without end")
    func rolesAcrossArticles() throws {
        let articles = try ["fr-valdai.txt", "fr-douma.txt"].map { name in try #require(readArticle(try load(name), name: name).article) }
        let out = testExtractor.extract(articles)
        #expect(speaker(of: "courageux", in: out) == "Vladimir Poutine")
        #expect(speaker(of: "fenêtre d'opportunité", in: out) == "Leonid Sloutski")
        #expect(speaker(of: "n'importe quel prix", in: out) == "Leonid Sloutski")
        #expect(speaker(of: "homme du système américain", in: out) == "Andreï Kartapolov")
    }

    @Test("a campaign story: a bare role after a quote is the subject of the sentence before, not a holder named inside the quote or only further on")
    func frenchCampaign() throws {
        let a = try #require(readArticle(try load("fr-promesse.txt"), name: "fr-promesse.txt").article)
        let out = testExtractor.extract([a])
        // "Donald Trump a de nouveau affirmé … « Je connais très bien Poutine, je connais très bien
        // Zelensky. … », a lancé l'ancien président" — before "Le président ukrainien Volodymyr Zelensky".
        #expect(speaker(of: "Je réglerai ça", in: out) == "Donald Trump")
        #expect(speaker(of: "c'est une reddition", in: out) == "Kamala Harris")
        #expect(speaker(of: "en un jour", in: out) == "Volodymyr Zelensky")
        #expect(speaker(of: "si simple", in: out) == "Volodymyr Zelensky")
        #expect(speaker(of: "solution miracle", in: out) == "Dmitri Peskov")
    }

    @Test("a speech over two paragraphs, the second without its opening mark; 'a réaffirmé que'")
    func frenchSpeech() throws {
        let a = try #require(readArticle(try load("fr-conseil.txt"), name: "fr-conseil.txt").article)
        let out = testExtractor.extract([a])
        let first = try #require(out.quotes.first { $0.text.hasPrefix("Leur objectif est clair") })
        #expect(first.speakerName == "Vladimir Poutine" && first.evidence.rule == "continued-quote")
        #expect(speaker(of: "tous les moyens de nous défendre", in: out) == "Vladimir Poutine")
        let rutte = try #require(out.quotes.first { $0.text == "purement défensive" })
        #expect(rutte.speakerName == "Mark Rutte" && rutte.evidence.rule == "cue-before")
        #expect(speaker(of: "Personne ne menace", in: out) == "Mark Rutte")
        #expect(speaker(of: "guerre longue", in: out) == "Tatiana Stanovaya")
    }

    @Test("an analysis: a speaker nobody names is labelled with the whole role, its complement too")
    func frenchAnalysis() throws {
        let a = try #require(readArticle(try load("fr-analyse.txt"), name: "fr-analyse.txt").article)
        let out = testExtractor.extract([a])
        let diplomat = try #require(out.quotes.first { $0.text.hasPrefix("Les Russes se font des illusions") })
        #expect(diplomat.speaker == nil && diplomat.speakerName == "Un diplomate européen en poste à Moscou")
        #expect(speaker(of: "homme d'affaires", in: out) == "Alexeï Jouravlev")
        #expect(speaker(of: "se faire d'illusions", in: out) == "Valentina Matvienko")
    }

    @Test("a role nobody holds goes to the headline's person only when the headline names one person")
    func headlinePerson() {
        let body = "\n\nLa rencontre a duré deux heures. Le président français a jugé la discussion « très utile »."
        let one = extract(["Emmanuel Macron reçoit le chancelier allemand à Paris" + body])
        #expect(speaker(of: "très utile", in: one) == "Emmanuel Macron")
        let two = extract(["Emmanuel Macron reçoit Olaf Scholz à Paris" + body])
        #expect(speaker(of: "très utile", in: two) == "Le président français")
    }
}
