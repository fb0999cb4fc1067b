import Foundation
import Testing
@testable import SitegenKit

@Suite("People")
struct PeopleTests {
    func names(_ texts: [String], language: String = "fr") -> [String] {
        extract(texts.map { "Titre de l'article\n\n" + $0 }, language: language).people.map(\.name).sorted()
    }

    func person(_ name: String, in out: Extractor.Output) -> Person? { out.people.first { $0.name == name } }

    @Test("a country's abbreviation before capitalised words makes an institution, not a person; 'U.S.' stays one word in labels")
    func countryAbbreviation() throws {
        let text = "Meanwhile, the US Cybersecurity and Infrastructure Security Agency warned of \"an unprecedented volume\" of fakes. "
            + "The U.S. Cyber Command said \"nothing\". U.S. Attorney General Merrick Garland said so. US intelligence agencies blamed \"Russian influence actors.\""
        let out = extract(["Titre de l'article\n\n" + text], language: "en")
        #expect(out.people.map(\.name) == ["Merrick Garland"])
        #expect(out.people.first?.roles.map(\.text) == ["U.S. Attorney General"])
        #expect(out.quotes.map { $0.speakerName ?? "-" } == ["US Cybersecurity and Infrastructure Security Agency", "U.S. Cyber Command", "-"])
    }

    @Test("common English first names make a person of a name that opens a sentence")
    func moreFirstNames() {
        #expect(names(["Fiona Hill served on the National Security Council. Clint Watts runs a lab. Darren Linvill studies trolls."], language: "en")
                == ["Clint Watts", "Darren Linvill", "Fiona Hill"])
    }

    @Test("a name given to something ('known as', 'dubbed', 'baptisé') is no person, unless a first name says so")
    func namesGivenToThings() {
        #expect(names(["Interior minister Nancy Faeser said the group, known as APT28 or Fancy Bear, had targeted the SPD. Another group, dubbed Cozy Bear, was active too."], language: "en")
                == ["Nancy Faeser"])
        #expect(names(["Le réseau, baptisé Portal Kombat, relaie la propagande. Un homme surnommé Vladimir Poutine a été vu."]) == ["Vladimir Poutine"])
    }

    @Test("a possessive, a middle initial and a place after its first word make no new person")
    func possessiveAndInitial() {
        #expect(names(["Ursula von der Leyen spoke first. Von der Leyen's adviser and Mr. Scholz's government answered. Olaf Scholz left."], language: "en")
                == ["Olaf Scholz", "Ursula von der Leyen"])
        let trump = names(["Donald Trump won on Tuesday.", "Donald J. Trump will take office in January."], language: "en")
        // As often with as without it, the name is the one without the initial.
        #expect(trump == ["Donald Trump"], "\(trump)")
        #expect(names(["Donald J. Trump won on Tuesday.", "Donald J. Trump will take office.", "Donald Trump spoke."], language: "en") == ["Donald J. Trump"])
        #expect(names(["Donald Trump a parlé à West Palm Beach, en Floride, devant ses partisans."]) == ["Donald Trump"])
        // A patronymic is no part of the surname: one person, in French and in English.
        let putin = names(["Vladimir Vladimirovitch Poutine n'a pas réagi mardi.", "Vladimir Putin stayed silent.", "Vladimir V. Putin spoke."])
        #expect(putin.count == 1, "\(putin)")
        // (A surname that ends like one stays: "Aleksandar Vučić".)
        #expect(names(["Le président serbe Aleksandar Vucic a reçu Viktor Orban."]) == ["Aleksandar Vucic", "Viktor Orban"])
        // A contraction is no possessive: "It's" stays one word.
        #expect(Tokenizer.tokenize("It's Trump's day").map(\.text) == ["It's", "Trump", "'s", "day"])
    }

    @Test("English titles of several words, and roles with \"of\", stand before a name")
    func englishTitlesAndRoles() throws {
        let out = extract(["Leaders meet in Budapest\n\nHungarian Prime Minister Viktor Orban welcomed the delegation. "
                           + "\"We will not abandon Ukraine,\" Prime Minister Keir Starmer said. "
                           + "\"The threat is real,\" Secretary of State Antony Blinken said. "
                           + "\"This is nonsense,\" Minister of Foreign Affairs Sergei Lavrov said. "
                           + "\"We are ready,\" Secretary of Homeland Security Alejandro Mayorkas said.\n"], language: "en")
        // Two titles in a row are one: the cue after the quote starts at the first.
        #expect(speaker(of: "abandon", in: out) == "Keir Starmer")
        #expect(speaker(of: "threat", in: out) == "Antony Blinken")
        #expect(speaker(of: "nonsense", in: out) == "Sergei Lavrov")
        // ("of Homeland Security Alejandro Mayorkas" is no place: the "of" is the role's.)
        #expect(speaker(of: "ready", in: out) == "Alejandro Mayorkas")
        #expect(try #require(person("Viktor Orban", in: out)).aliases == ["Prime Minister Viktor Orban"])
        #expect(person("Antony Blinken", in: out)?.roles.map(\.text) == ["Secretary of State"])
        #expect(person("Sergei Lavrov", in: out)?.roles.map(\.text) == ["Minister of Foreign Affairs"])
    }

    @Test("first names of today's politicians open a name at a sentence's start, and tell its gender")
    func newerFirstNames() {
        // At a sentence's start, an unknown first word is no name: these were dropped.
        #expect(names(["Manon Aubry a dénoncé le texte mardi.", "Maud Bregeon a répondu mercredi.", "Wopke Hoekstra a parlé jeudi."])
                == ["Manon Aubry", "Maud Bregeon", "Wopke Hoekstra"])
        #expect(Grammar().gender(ofFirstName: "maia") == .female && Grammar().gender(ofFirstName: "andriy") == .male)
    }

    @Test("names with particles and compounds")
    func particlesAndCompounds() {
        #expect(names(["Ursula von der Leyen a rencontré Charles de Gaulle et Jean-Luc Mélenchon, puis Marine Le Pen."]) ==
                ["Charles de Gaulle", "Jean-Luc Mélenchon", "Marine Le Pen", "Ursula von der Leyen"])
        #expect(names(["Le président syrien Bachar al-Assad a reçu Mohammed bin Salman à Damas."]) == ["Bachar al-Assad", "Mohammed bin Salman"])
    }

    @Test("a compound first name the lexicon does not list counts by its first part, at a sentence's start too")
    func compoundFirstName() {
        // "Jean-Édouard" is no listed first name, but "Jean" is; "Xavi-Alonso" has no listed part.
        #expect(names(["Jean-Édouard Dupuis a confirmé la nouvelle mardi soir."]) == ["Jean-Édouard Dupuis"])
        #expect(names(["Xavi-Alonso Dupuis a confirmé la nouvelle mardi soir."]) == [])
    }

    @Test("\"N'\" before a capital starts a name; before a verb it is \"ne\"")
    func nApostropheNames() throws {
        let tokens = Tokenizer.tokenize("Céline N'Diaye n'a pas dit. N'importe quoi, a dit N’Golo Kanté.").map(\.text)
        #expect(tokens.contains("N'Diaye") && tokens.contains("N’Golo"))
        #expect(tokens.contains("n'") && tokens.contains("N'") && tokens.contains("importe"))
        let out = extract(["Titre\n\nCéline N'Diaye, la ministre, est arrivée jeudi. N'Diaye a ensuite quitté la salle.\n"])
        #expect(out.people.map(\.name) == ["Céline N'Diaye"])
    }

    @Test("a person named only in a photo caption is among the article's people; the caption's role is a fallback")
    func captionNames() throws {
        let text = "Titre du jour\n\nBruno Saint-Clair à Genève. Photo : AFP\n\nSelon Saint-Clair, « Le temps presse pour tout le monde ». Les débats reprendront jeudi.\n"
        let out = extract([text])
        let bruno = try #require(person("Bruno Saint-Clair", in: out))
        #expect(out.articlePeople["a0"] == [bruno.id])
        #expect(out.quotes.first?.speaker == bruno.id)
        // The caption's "le président" does not add a role where the text gave one.
        let roles = extract(["Titre\n\nLe président Joe Biden et Vladimir Poutine. Photo : Reuters\n\nLe président américain Joe Biden a parlé jeudi devant la presse.\n"])
        #expect(person("Joe Biden", in: roles)?.roles.map(\.text) == ["président américain"])
    }

    @Test("a surname alone, with a title, or a compound surname's end, is the same person")
    func surnameForms() throws {
        let out = extract(["Titre\n\nMarine Le Pen est arrivée. Mme Le Pen a parlé. Le Pen a ensuite quitté la salle.\n",
                           "Titre\n\nVladimir Poutine a parlé. M. Poutine a ajouté un mot. Poutine est parti.\n"])
        #expect(out.people.count == 2)
        let poutine = try #require(person("Vladimir Poutine", in: out))
        #expect(Set(poutine.aliases).isSuperset(of: ["Poutine", "M. Poutine"]))
        // A title before a compound surname: "Mme Le Pen" is the woman of the two Le Pen, and
        // her quote is hers.
        let two = extract(["Titre\n\nJean-Marie Le Pen est mort mardi. Sa fille, Marine Le Pen, a salué « un combattant ». « Il a été un homme libre », a déclaré Mme Le Pen sur TF1.\n"])
        #expect(two.people.map(\.name).sorted() == ["Jean-Marie Le Pen", "Marine Le Pen"])
        #expect(person("Marine Le Pen", in: two)?.aliases.contains("Mme Le Pen") == true)
        let q = try #require(two.quotes.first { $0.text.hasPrefix("Il a été") })
        #expect(q.speakerName == "Marine Le Pen" && q.evidence.rule == "inverted-name")
    }

    @Test("a transliteration is the same person, across articles and languages")
    func transliteration() throws {
        let out = extract(["Titre\n\nVladimir Poutine a parlé jeudi.\n", "Title\n\nVladimir Putin spoke on Thursday. Putin smiled.\n",
                           "Titre\n\nDmitri Peskov a répondu.\n", "Title\n\nDmitry Peskov answered.\n",
                           "Titre\n\nVolodymyr Zelensky a répondu.\n", "Title\n\nZelenskyy answered.\n"])
        #expect(out.people.count == 3, "\(out.people.map(\.name))")
        let p = try #require(person("Vladimir Poutine", in: out) ?? person("Vladimir Putin", in: out))
        #expect(p.articles.count == 2)
        #expect(Set(out.articlePeople["a0"] ?? []) == Set(out.articlePeople["a1"] ?? []))
        #expect(out.articlePeople["a5"] == out.articlePeople["a4"])
        // Endings the lexicon does not list: "-aïa" / "-aya", "-iy" / "-yy" / "-y".
        let ends = extract(["Titre\n\nTatiana Stanovaïa a répondu jeudi.\n", "Title\n\nTatiana Stanovaya answered on Thursday.\n",
                            "Titre\n\nLe ministre ukrainien, Andrii Sybiha, a répondu.\n", "Title\n\nForeign Minister Andriy Sybiha answered.\n"], language: "en")
        #expect(ends.people.count == 2, "\(ends.people.map(\.name))")
        // French and English spellings of Russian and Ukrainian names the lexicon lists, and an
        // unlisted ending of a listed one ("Zaluzhnyy").
        let listed = extract(["Titre\n\nLe général Valeri Guerassimov a répondu. Valeri Zaloujny aussi.\n",
                              "Title\n\nGeneral Valery Gerasimov answered, as did General Valeriy Zaluzhnyy.\n",
                              "Title\n\nGerasimov and Zaluzhny spoke on Thursday.\n"], language: "en")
        #expect(listed.people.count == 2, "\(listed.people.map(\.name))")
        #expect(listed.people.allSatisfy { $0.articles.count == 3 }, "\(listed.people.map { ($0.name, $0.articles) })")
    }

    @Test("accent-folded spellings are the same person")
    func accents() {
        #expect(extract(["Titre\n\nÉric Zemmour a parlé.\n", "Titre\n\nEric Zemmour a répondu. Zemmour est parti.\n"]).people.count == 1)
    }

    @Test("a first name alone, when one person bears it")
    func firstNameAlone() throws {
        let out = extract(["Titre\n\nKamala Harris a parlé. Il a soutenu Kamala, a dit Donald Trump.\n"])
        let k = try #require(person("Kamala Harris", in: out))
        #expect(k.aliases.contains("Kamala"))
    }

    @Test("two people who share a surname stay two; a bare surname goes to the nearest full mention")
    func sharedSurname() throws {
        let out = extract(["Titre\n\nJoe Biden a défendu son fils Hunter Biden. Biden, le fils, a été condamné.\n\nJoe Biden a réagi. « C'est mon fils », a déclaré Biden.\n"])
        #expect(out.people.map(\.name).sorted() == ["Hunter Biden", "Joe Biden"])
        #expect(out.quotes.first?.speakerName == "Joe Biden")
    }

    @Test("a bare surname shared by two people of different articles, and by none in its own, stays ambiguous and says so")
    func ambiguousSurname() {
        let out = extract(["Titre\n\nJoe Biden a parlé.\n", "Titre\n\nHunter Biden a parlé.\n", "Titre\n\nBiden a parlé.\n"])
        #expect(out.articlePeople["a2"]?.isEmpty == true)
        #expect(out.ambiguous.contains { $0.name == "Biden" })
    }

    @Test("places, organisations, days, months and sentence-initial words are not people")
    func notPeople() {
        let found = names(["Selon Jean Dupont, le Kremlin a répondu. Mercredi, l'agence Interfax a écrit à Atlanta. Enfin, les Américains ont voté en novembre. L'OTAN et la Maison Blanche se taisent. Interrogé, Dupont a souri."])
        #expect(found == ["Jean Dupont"], "\(found)")
        // An institution's "of" phrase holds no person, unless a first name follows it.
        #expect(names(["Jane Roe spoke at the Department of Homeland Security, then at the Office of Senator Mark Warner."], language: "en") == ["Jane Roe", "Mark Warner"])
        // After a noun of an organisation: "le centre R.Politik" is no "R. Politik".
        #expect(names(["Pour Tatiana Stanovaya, fondatrice du centre R.Politik, Moscou attend de voir."]) == ["Tatiana Stanovaya"])
        let social = names(["In a post on Truth Social, Donald Trump wrote that the vote was rigged."], language: "en")
        #expect(social == ["Donald Trump"], "\(social)")
        // English puts an organisation's head last.
        let bodies = names(["Viktor Orban spoke after a summit of the European Political Community in Budapest, and the Atlantic Council answered."],
                           language: "en")
        #expect(bodies == ["Viktor Orban"], "\(bodies)")
        // After a place's preposition and its determiner: "in the Cabinet Room".
        #expect(names(["Donald Trump spoke in the Cabinet Room on Monday, then left for Florida."], language: "en") == ["Donald Trump"])
        #expect(names(["Joe Biden spoke in the Rose Garden on Monday, then left for Delaware."], language: "en") == ["Joe Biden"])
        // "of" before a name without a known first name: a place; a compound with an acronym: a brand.
        #expect(names(["Senator Jack Reed of Rhode Island voted against the nominee."], language: "en") == ["Jack Reed"])
        #expect(names(["Invité du Grand Jury RTL-Le Figaro-M6-Public Sénat, Jordan Bardella a parlé."]) == ["Jordan Bardella"])
        #expect(names(["Le Parti socialiste et La France insoumise ont voté contre le texte de Michel Barnier."]) == ["Michel Barnier"])
        // Papers and buildings named by their head last, a movement of the lexicon.
        #expect(names(["Sur Truth Social, Donald Trump a remercié le New York Post et le Los Angeles Times. Des militants de Black Lives Matter ont manifesté devant la Trump Tower."]) == ["Donald Trump"])
        // A group's kind before its name: "le collectif Stop Fake", "le mouvement Génération Identitaire".
        #expect(names(["Le collectif Stop Fake et le mouvement Génération Identitaire ont répondu à Donald Trump."]) == ["Donald Trump"])
        // A paper's kind before its name: "le tabloïd Moskovski Komsomolets".
        #expect(names(["Le tabloïd Moskovski Komsomolets se montre plus prudent que Sergueï Markov."]) == ["Sergueï Markov"])
    }

    @Test("the photographer of a caption's credit is not among the article's people; the people in the caption are")
    func captionCredit() throws {
        let out = extract(["Harris concedes the election\n\nKamala Harris conceded the election on Wednesday at Howard University.\n\n"
                           + "Joe Biden speaks in Washington on Wednesday. Photograph: Kevin Dietsch/Getty Images\n\nThe result was final on Thursday morning.\n"],
                          language: "en")
        let ids = try #require(out.articlePeople["a0"])
        #expect(ids == ["kamala-harris", "joe-biden"], "\(ids)")
    }

    @Test("Title Case subheadings yield no people")
    func headings() {
        #expect(names(["Le gouvernement a présenté son budget mardi devant les députés.\n\nRéactions Américaines Vives\n\nLe texte sera voté en décembre."]).isEmpty)
    }

    @Test("a name the first-name list does not know: mid-sentence, or vouched for by a role")
    func unknownFirstNames() {
        #expect(names(["Le ministre de l'Intérieur, Ndiaye Sow, a répondu aux questions."]) == ["Ndiaye Sow"])
        #expect(names(["La réunion a eu lieu avec Tulsi Gabbard la semaine dernière."]) == ["Tulsi Gabbard"])
        // Without a known first name, a word another article writes in lower case is a common noun.
        #expect(names(["La réunion a eu lieu avec Tulsi Gabbard et Marché Commun la semaine dernière.",
                       "Le marché a reculé mardi, selon les analystes."]) == ["Tulsi Gabbard"])
    }

    @Test("a particle before a known first name and a surname does not join them to the word before")
    func particleBeforeFirstName() {
        // (In a title, a run that opens a sentence without a known first name is no name at all.)
        let out = extract(["Discours de Vladimir Poutine : les principaux extraits\n\nLe président russe s'est exprimé à Sotchi.\n"])
        #expect(out.people.map(\.name) == ["Vladimir Poutine"])
        #expect(names(["Le général de Gaulle et Charles de Gaulle sont un seul homme, dit Jean de La Fontaine."]) == ["Charles de Gaulle", "Jean de La Fontaine"])
    }

    @Test("a role with a prefix, or with a possessive inside, vouches for a name at a sentence's start; a hub or a lab is no person")
    func prefixedRolesAndInstitutions() throws {
        #expect(names(["Kwabena Marchal, ex-ministre de la Culture, a quitté la salle."]) == ["Kwabena Marchal"])
        #expect(names(["Oyelaran Tessier, sous-directeur de la police judiciaire, a confirmé l'arrestation."]) == ["Oyelaran Tessier"])
        #expect(names(["Tiberiu Ionescu, head of the election commission, called for calm. Olusegun Adeyemi, a senior fellow at the Atlantic Council, disagreed."], language: "en")
                == ["Olusegun Adeyemi", "Tiberiu Ionescu"])
        #expect(names(["The report came from the Stanford Internet Observatory and the Atlantic Council's Digital Forensic Research Lab."], language: "en") == [])
        let out = extract(["Title of the test article\n\nDarren Linvill, co-director of Clemson University's Media Forensics Hub, has spent years tracking troll farms.\n\n"
                           + "Linvill: \"Work\" is the wrong question.\n"], language: "en")
        #expect(out.people.map(\.name) == ["Darren Linvill"])
        #expect(try #require(person("Darren Linvill", in: out)).roles.map(\.text) == ["co-director of Clemson University's Media Forensics Hub"])
        #expect(speaker(of: "Work", in: out) == "Darren Linvill")
    }

    @Test("an English role in capitals before a name is not part of the name")
    func englishRoleWords() {
        #expect(names(["Senate Majority Leader Mitch McConnell met House Minority Whip Katherine Clark on Monday."], language: "en") ==
                ["Katherine Clark", "Mitch McConnell"])
        // An organisation before the role words belongs to the role; a compound role word is one.
        let out = extract(["Title of the test article\n\nOn Monday, Nato Secretary General Jens Stoltenberg met UN Secretary-General Antonio Guterres in Brussels.\n"], language: "en")
        #expect(out.people.map(\.name).sorted() == ["Antonio Guterres", "Jens Stoltenberg"])
        #expect(person("Jens Stoltenberg", in: out)?.roles.first?.text == "Nato Secretary General")
        #expect(person("Antonio Guterres", in: out)?.roles.first?.text == "UN Secretary-General")
        // The word that opens the sentence is not the role's.
        let when = extract(["Title of the test article\n\nWhen Senator Mark Warner spoke, few listened. While Secretary of State Antony Blinken was in Kyiv, nothing moved.\n"], language: "en")
        #expect(person("Mark Warner", in: when)?.roles.map(\.text) == ["Senator"])
        #expect(person("Antony Blinken", in: when)?.roles.map(\.text) == ["Secretary of State"])
        // A first name before a role word keeps the name whole, a surname like a role too.
        #expect(names(["Martin Luther King Jr spoke in Washington in 1963."], language: "en") == ["Martin Luther King Jr"])
        #expect(names(["Stephen King wrote about it on Monday, and Julie Bishop answered him."], language: "en") == ["Julie Bishop", "Stephen King"])
    }

    @Test("roles from appositions and titles, kept with their article")
    func roles() throws {
        let out = extract(["Titre\n\nLe porte-parole du Kremlin, Dmitri Peskov, a répondu. Le secrétaire d'État géorgien, Brad Raffensperger, a affirmé le contraire. Le président russe Vladimir Poutine s'est tu.\n"])
        #expect(person("Dmitri Peskov", in: out)?.roles.first?.text == "porte-parole du Kremlin")
        #expect(person("Dmitri Peskov", in: out)?.roles.first?.article == "a0")
        #expect(person("Brad Raffensperger", in: out)?.roles.first?.text == "secrétaire d'État géorgien")
        #expect(person("Vladimir Poutine", in: out)?.roles.first?.text == "président russe")
        // An adjective before the role noun is part of the role; a role after its speech verb is apposed too.
        let more = extract(["Titre\n\nLe premier ministre hongrois, Viktor Orban, a répondu. « Non », insiste le chef de la diplomatie européenne, Josep Borrell.\n"])
        #expect(person("Viktor Orban", in: more)?.roles.first?.text == "premier ministre hongrois")
        #expect(person("Josep Borrell", in: more)?.roles.first?.text == "chef de la diplomatie européenne")
        // A role that ends in "de" belongs to someone else.
        let other = extract(["Titre\n\nLe porte-parole de Poutine, Dmitri Peskov, a répondu.\n"])
        #expect(person("Vladimir Poutine", in: other) == nil || person("Vladimir Poutine", in: other)?.roles.isEmpty == true)
    }

    @Test("gender from the first name, the title or the role")
    func gender() {
        let out = extract(["Titre\n\nMarie Durand et Jean Dupont ont parlé. Mme Lefèvre aussi. La porte-parole, Camille Roux, a conclu.\n"])
        #expect(person("Marie Durand", in: out)?.gender == .female)
        #expect(person("Jean Dupont", in: out)?.gender == .male)
        #expect(out.people.first { $0.name.contains("Lefèvre") }?.gender == .female)
        #expect(person("Camille Roux", in: out)?.gender == .female)
        // An adjective before the role noun does not hide the noun's gender.
        let adj = extract(["Titre\n\nL'ancienne présidente du groupe, Camille Roux, a conclu.\n"])
        #expect(person("Camille Roux", in: adj)?.gender == .female)
    }
}

@Suite("People registry")
struct RegistryTests {
    let articles = [
        "a.txt": "Titre un\n\nVladimir Poutine a déclaré : « Nous verrons. » Le Kremlin se tait.\n",
        "b.txt": "Title two\n\nVladimir Putin said: \"We shall see.\" The text quotes Stone Harbor as an example.\n",
        "c.txt": "Titre trois\n\nLe tsar, comme l'appellent ses opposants, est resté muet. Paul Durand a rencontré Daniel Petit.\n",
    ]

    func build(_ registry: [String: String]) throws -> (Dossier, [Diagnostic]) {
        var extra: [String: String] = [:]
        for (id, text) in registry { extra["Content/people/\(id).md"] = text }
        let fs = try memoryDossier(articles: articles, extra: extra)
        var report = BuildReport()
        let d = try Builder(fs: fs).loadDossier(BuildOptions(), report: &report)
        return (d, report.diagnostics)
    }

    @Test("an alias links a form the text uses to the person, and the body shows on the person page")
    func aliasAndNote() throws {
        let (d, _) = try build(["vladimir-poutine": "---\naliases: [le tsar, Vova]\nrole: président de la Fédération de Russie\n---\nSurnommé *le tsar* par ses opposants.\n"])
        let p = try #require(d.people.first { $0.id == "vladimir-poutine" })
        #expect(p.note.contains("le tsar"))
        #expect(p.roles.first?.text == "président de la Fédération de Russie")
        #expect(p.aliases.contains("Vova"))
        let page = PageBuilder(dossier: d).person(p).markdown
        #expect(page.contains("<div class=\"user-note\"><p>Surnommé <em>le tsar</em> par ses opposants.</p></div>"))
    }

    @Test("the people who appear with a person: most shared articles first, then by name, then by id")
    func appearsWith() {
        func person(_ id: String, _ name: String, _ articles: [String]) -> Person {
            Person(id: id, name: name, aliases: [], roles: [], articles: articles, gender: .unknown)
        }
        let p = person("p", "Paul", ["a1", "a2"])
        let people = [p, person("b-dupont", "Jean Dupont", ["a1"]), person("a-dupont", "Jean Dupont", ["a1"]),
                      person("z", "Anne", ["a1"]), person("y", "Zoé", ["a1", "a2"])]
        let d = Dossier(site: SiteConfig(), articles: [], people: people, quotes: [],
                        articlePeople: ["a1": ["p", "b-dupont", "a-dupont", "y", "z"], "a2": ["y", "p"]])
        let together = PageBuilder(dossier: d).coOccurrences(of: p)
        #expect(together.map(\.0) == ["y", "z", "a-dupont", "b-dupont"] && together.map(\.1) == [2, 1, 1, 1])
        // On the person's page, each a link with the count of shared articles.
        let page = PageBuilder(dossier: d).person(p).markdown
        #expect(page.contains("- [Zoé](y.html) (2 articles)\n- [Anne](z.html) (1 article)\n- [Jean Dupont](a-dupont.html) (1 article)\n"), "\(page)")
    }

    @Test("same_as merges two detected people; the quotes follow")
    func merge() throws {
        let (before, _) = try build([:])
        #expect(before.people.contains { $0.id == "paul-durand" } && before.people.contains { $0.id == "daniel-petit" })
        let (d, diags) = try build(["paul-durand": "---\nname: Paul Durand\nsame_as: daniel-petit\n---\n"])
        #expect(!d.people.contains { $0.id == "daniel-petit" })
        let paul = try #require(d.people.first { $0.id == "paul-durand" })
        #expect(paul.aliases.contains("Daniel Petit"))
        #expect(d.articlePeople.values.allSatisfy { !$0.contains("daniel-petit") })
        #expect(diags.filter { $0.stage == PeopleRegistry.stage }.isEmpty)
    }

    @Test("not_a_person drops a detected person everywhere")
    func removal() throws {
        let (before, _) = try build([:])
        let false_ = try #require(before.people.first { $0.name.contains("Stone") })
        let (d, _) = try build([false_.id: "---\nnot_a_person: true\n---\n"])
        #expect(!d.people.contains { $0.id == false_.id })
        #expect(d.articlePeople.values.allSatisfy { !$0.contains(false_.id) })
    }

    @Test("the registry's name wins and its id is kept")
    func nameWins() throws {
        let (d, _) = try build(["vladimir-poutine": "---\nname: Vladimir Vladimirovitch Poutine\n---\n"])
        let p = try #require(d.people.first { $0.id == "vladimir-poutine" })
        #expect(p.name == "Vladimir Vladimirovitch Poutine")
        #expect(d.quotes.filter { $0.speaker == "vladimir-poutine" }.count == 2)
    }

    @Test("mistakes in the registry are reported with file and line")
    func mistakes() throws {
        let (_, diags) = try build(["paul-durand": "---\nsame_as: nobody-here\nnicknames: [x]\n---\n", "broken": "---\nname: [oops\n---\n"])
        #expect(diags.contains { $0.file.hasSuffix("paul-durand.md") && $0.message.contains("nobody-here") })
        #expect(diags.contains { $0.file.hasSuffix("paul-durand.md") && $0.message.contains("nicknames") && $0.line == 3 })
        #expect(diags.contains { $0.file.hasSuffix("broken.md") && $0.line != nil })
    }
}
