import Foundation
import Testing
@testable import SitegenKit

@Suite("Events and dates in sentences")
struct EventTests {
    let finder = EventFinder()
    let wednesday = PartialDate(year: 2024, month: 11, day: 6, hour: 16, minute: 49) // a Wednesday

    func date(_ sentence: String, _ reference: PartialDate?) -> String? {
        finder.find(in: sentence, reference: reference).first?.date?.iso
    }

    @Test("every pattern compiles")
    func patterns() { #expect(finder.compiledPatternCount == finder.patternCount) }

    @Test("ISO dates and feed timestamps are zero-padded as printf pads them")
    func isoPadding() {
        for (y, m, d, h, mi) in [(2024, 1, 2, 3, 4), (987, 10, 31, 23, 59), (5, 12, 9, 0, 0), (12345, 6, 15, 12, 30)] {
            let full = PartialDate(year: y, month: m, day: d, hour: h, minute: mi)
            #expect(full.iso == String(format: "%04d-%02d-%02dT%02d:%02d", y, m, d, h, mi))
            #expect(PartialDate(year: y, month: m).iso == String(format: "%04d-%02d", y, m))
            #expect(PartialDate(year: y).iso == String(format: "%04d", y))
            #expect(Feeds.timestamp(full) == String(format: "%04d-%02d-%02dT%02d:%02d:00Z", y, m, d, h, mi))
        }
    }

    @Test("a date's words are found in their sentence as Foundation finds them, on character boundaries")
    func dateWordsInSentence() {
        let cases: [(String, String)] = [
            ("Le 5 novembre 2024, Poutine a parlé.", "5 novembre 2024"), ("Élu en février, il part en été.", "février"),
            ("rien ici", "mardi"), ("abc", "abcd"), ("Le café\u{301} du 3 mai", "3 mai"), ("x", ""),
            ("cafe\u{301} et cafe", "cafe"), ("mercredi, puis mercredi", "mercredi"),
        ]
        for (text, needle) in cases {
            let ours = Text.firstRange(of: needle, in: text).map { String(text[$0]) }
            let foundation = needle.isEmpty ? nil : text.range(of: needle).map { String(text[$0]) }
            #expect(ours == foundation, "\(needle) in \(text)")
        }
        // The first match on whole characters: not the "cafe" inside "café" written with a combining accent.
        let text = "cafe\u{301} et cafe"
        #expect(Text.firstRange(of: "cafe", in: text).map { text.distance(from: text.startIndex, to: $0.lowerBound) } == 8)
    }

    @Test("dates order by time, a year before its months, a month before its days, a day before its hours")
    func dateOrder() {
        let ordered = [PartialDate(year: 2023, month: 12, day: 31, hour: 23, minute: 59), PartialDate(year: 2024),
                       PartialDate(year: 2024, month: 1), PartialDate(year: 2024, month: 1, day: 1),
                       PartialDate(year: 2024, month: 1, day: 1, hour: 0, minute: 0), PartialDate(year: 2024, month: 1, day: 1, hour: 9, minute: 5),
                       PartialDate(year: 2024, month: 1, day: 2), PartialDate(year: 2024, month: 2)]
        #expect(ordered.reversed().sorted() == ordered)
        for (a, b) in zip(ordered, ordered.dropFirst()) { #expect(a < b && !(b < a)) }
        #expect(!(ordered[3] < ordered[3]))
    }

    @Test("absolute dates keep their precision")
    func absolute() {
        #expect(date("L'élection a eu lieu le 5 novembre 2024.", nil) == "2024-11-05")
        #expect(date("The vote was on September 5, 2024 in Atlanta.", nil) == "2024-09-05")
        #expect(date("Il avait perdu en 2016 face à elle.", nil) == "2016")
        #expect(date("En poste de 2017 à 2021.", nil) == "2017")
        #expect(date("Les élections de novembre 2024.", nil) == "2024-11")
    }

    @Test("a day or month without a year takes the article's year, the nearer one")
    func yearFromArticle() {
        let oct = PartialDate(year: 2024, month: 10, day: 22)
        #expect(date("L'élection aura lieu le 5 novembre.", oct) == "2024-11-05")
        #expect(date("TASS a rapporté le 21 octobre que…", oct) == "2024-10-21")
        #expect(date("Il s'est retiré en juillet.", oct) == "2024-07")
        #expect(date("À la mi-octobre, une vidéo truquée a circulé.", PartialDate(year: 2024, month: 11, day: 4)) == "2024-10")
        #expect(date("In mid-March, they met.", PartialDate(year: 2024, month: 5)) == "2024-03")
        #expect(date("Rendez-vous le 1er février.", PartialDate(year: 2024, month: 12, day: 20)) == "2025-02-01")
        #expect(date("On March 3, they met.", PartialDate(year: 2024, month: 5)) == "2024-03-03")
        // No year known: found, but not placed.
        let f = finder.find(in: "L'élection aura lieu le 5 novembre.", reference: nil).first
        #expect(f != nil && f?.date == nil)
    }

    @Test("relative days resolve against a date known to the day")
    func relative() {
        #expect(date("Peskov s'est exprimé mercredi.", wednesday) == "2024-11-06")
        #expect(date("Il a parlé jeudi.", wednesday) == "2024-10-31")
        #expect(date("Il a parlé hier.", wednesday) == "2024-11-05")
        #expect(date("Ils se sont vus samedi dernier.", wednesday) == "2024-11-02")
        #expect(date("They met last Thursday.", wednesday) == "2024-10-31")
        #expect(date("Rendez-vous mardi prochain.", wednesday) == "2024-11-12")
        #expect(date("Il le dira demain.", wednesday) == "2024-11-07")
        // "ce jeudi", "this Friday": that day of the article's week, before or after it.
        #expect(date("Le vote a lieu ce jeudi.", wednesday) == "2024-11-07")
        #expect(date("Ce lundi, il a parlé.", wednesday) == "2024-11-04")
        #expect(date("The vote is this Friday.", wednesday) == "2024-11-08")
        // A future verb just before a bare weekday puts it after the article's date.
        #expect(date("Le président russe doit s'exprimer jeudi à Sotchi.", wednesday) == "2024-11-07")
        #expect(date("Il se rendra lundi à Kiev.", wednesday) == "2024-11-11")
        // A future of five letters is one too (the shortest the ending rule takes).
        #expect(date("Il osera lundi le dire à Kiev.", wednesday) == "2024-11-11")
        #expect(date("The talks will resume on Monday.", wednesday) == "2024-11-11")
        #expect(date("Une réunion est prévue vendredi.", wednesday) == "2024-11-08")
        #expect(date("Le gouvernement pourrait tomber mercredi.", wednesday) == "2024-11-06")
        #expect(date("Le gouvernement pourrait tomber dès lundi.", wednesday) == "2024-11-11")
        // Not a verb far before it, nor a name with a future's ending.
        #expect(date("Il se rendra à Kiev, a-t-il annoncé lundi.", wednesday) == "2024-11-04")
        #expect(date("Sandra a parlé lundi.", wednesday) == "2024-11-04")
    }

    @Test("a written date beats the weekday written before it")
    func weekdayBeforeDate() {
        let out = extract(["Titre de l'article de test\nPublié le 12 juin 2024\n\nLe second tour aura lieu le dimanche 7 juillet 2024.\n\n"
                           + "Le vote a eu lieu dimanche dernier.\n"])
        #expect(out.events.map { $0.date?.iso ?? "" } == ["2024-07-07", "2024-06-09"])
        let en = extract(["Test article title here\nJune 12, 2024\n\nThe vote is on Sunday, July 7, 2024.\n"], language: "en")
        #expect(en.events.map { $0.date?.iso ?? "" } == ["2024-07-07"])
    }

    @Test("a year or month relative to the article's date: l'an dernier, le mois prochain, this year")
    func relativePeriods() {
        #expect(date("Il l'avait promis l'an dernier.", wednesday) == "2023")
        #expect(date("Elle l’a dit l’année dernière devant les élus.", wednesday) == "2023")
        #expect(date("Le mois dernier, les prix ont baissé.", wednesday) == "2024-10")
        #expect(date("Le texte sera voté le mois prochain.", wednesday) == "2024-12")
        #expect(date("This year's election was close.", wednesday) == "2024")
        #expect(date("Talks resume next year.", wednesday) == "2025")
        #expect(date("The deal was signed last month.", PartialDate(year: 2024, month: 1, day: 15)) == "2023-12")
        // Not guessed without the article's date, and a month not without its month.
        #expect(finder.find(in: "Il l'avait promis l'an dernier.", reference: nil).first?.resolution == "relative-unresolved")
        #expect(finder.find(in: "Le mois dernier, rien.", reference: PartialDate(year: 2024)).first?.date == nil)
        // "an" and "mois" alone are no dates.
        #expect(finder.find(in: "Il a 40 ans et attend depuis des mois.", reference: wednesday).isEmpty)
        // Through a whole article: the sentences are picked by their words first.
        let fr = extract(["Titre de l'article de test\nPublié le 6 novembre 2024\n\nIl l'avait promis l'an dernier.\n\nCe mois-ci, rien n'a changé.\n\nIl attend depuis un an.\n"])
        #expect(fr.events.map { $0.date?.iso ?? "" } == ["2023", "2024-11"])
        let en = extract(["Test article title here\nNovember 6, 2024\n\nThis year's election was close.\n\nIt took an hour and a year of work.\n"], language: "en")
        #expect(en.events.map { $0.date?.iso ?? "" } == ["2024"])
    }

    @Test("relative days are not guessed when the article's date is not known to the day")
    func unresolved() {
        for reference in [nil, PartialDate(year: 2024, month: 9)] {
            let f = finder.find(in: "Poutine a parlé jeudi.", reference: reference).first
            #expect(f?.text == "jeudi")
            #expect(f?.date == nil)
            #expect(f?.resolution == "relative-unresolved")
        }
    }

    @Test("May is a month without a year too, but not the verb; three-letter abbreviations are months only as \"Feb. 23\"")
    func may() {
        #expect(date("Il est arrivé le 12 mai.", wednesday) == "2024-05-12")
        #expect(date("Le défilé du 1er mai a réuni des milliers de personnes.", wednesday) == "2024-05-01")
        #expect(date("Il partira en mai.", wednesday) == "2024-05")
        #expect(date("They met on May 12.", wednesday) == "2024-05-12")
        #expect(date("Talks resume in May.", wednesday) == "2024-05")
        #expect(date("The 27 may decide on Friday.", wednesday) == "2024-11-01")
        #expect(finder.find(in: "All 12 may vote, and they may 12 times.", reference: wednesday).isEmpty)
        #expect(finder.find(in: "Le 12 mar, rien.", reference: wednesday).isEmpty)
        #expect(date("Le 12 mars, rien.", wednesday) == "2025-03-12") // the nearer March
        // With its period and its capital, an abbreviation is a month before a day.
        #expect(date("The election is set for Feb. 23.", wednesday) == "2025-02-23")
        #expect(date("He took office on Jan. 20 after the vote.", wednesday) == "2025-01-20")
        #expect(finder.find(in: "Voir la note jan. 5 du rapport.", reference: wednesday).isEmpty)
        // So is a four-letter one: "Sept. 4".
        #expect(date("On Sept. 4, the Justice Department charged two RT employees.", wednesday) == "2024-09-04")
        #expect(finder.find(in: "Voir la note sept. 4 du rapport.", reference: wednesday).isEmpty)
    }

    @Test("a relative day or weekday after a typographic apostrophe or a guillemet is found")
    func typographicMarks() {
        #expect(date("Il le répète depuis aujourd’hui.", wednesday) == "2024-11-06")
        #expect(date("Il l’a dit jusqu’à hier, et d’avant-hier.", wednesday) == "2024-11-05")
        #expect(date("Le texte d’hier a été retiré.", wednesday) == "2024-11-05")
        #expect(date("Rendez-vous «mardi prochain».", wednesday) == "2024-11-12")
        #expect(finder.find(in: "Il le répète depuis aujourd’hui.", reference: wednesday).first?.text == "aujourd’hui")
    }

    @Test("searching each pattern from its first word finds what searching the whole sentence finds")
    func fromFirstWord() throws {
        var sentences = ["Mardi, puis mercredi prochain et jeudi soir.", "Last Monday and this Friday night.", "this week, last Monday",
                         "Avant la réunion d'avant-hier, hier et demain.", "xmercredi et mercredi", "3mercredi", "« Mercredi », a-t-il dit.",
                         "Hier\u{301} hier", "aujourd’hui-même, aujourd'hui", "Lundis et lundi", "en mars, le 12 mars 2024 et mercredi",
                         "Ξ mercredi", "mercredi_ mercredi", "Après-demain, après demain", "HIER", "le mardi 5 novembre",
                         // Several places a pattern is tried at, some inside an earlier match.
                         "l'an dernier, l'année prochaine et cette année", "Ce mercredi, ce jeudi soir", "mardi mardi prochain mardi",
                         "hier avant-hier après-demain demain", "Ce mois-ci, le mois dernier", "next year and last year, this month"]
        let articles = repoRoot + "/Content/articles"
        for name in try FileManager.default.contentsOfDirectory(atPath: articles).sorted() {
            sentences += try String(contentsOfFile: articles + "/" + name, encoding: .utf8).split(whereSeparator: { $0 == "\n" || $0 == "." }).map(String.init)
        }
        var found = 0
        for s in sentences {
            for reference in [wednesday, nil] {
                let quick = finder.find(in: s, reference: reference), full = finder.find(in: s, reference: reference, fromFirstWord: false)
                #expect(quick == full && quick.map(\.resolution) == full.map(\.resolution), "\(s.debugDescription)")
                found += quick.count
            }
        }
        #expect(found > 40)
    }

    @Test("the gate that spares the search of most sentences lets through every sentence holding a date")
    func gate() throws {
        var sentences = ["Le ٣ mars", "En ١٩٩٩, rien", "l'an dernier", "this year's plan", "ce mois-ci", "Cette année-là", "last year",
                         "Depuis mardi", "HIER", "il y a 3 jours", "le 1er", "Jan. 20", "en l’an dernier", "ce mois-là aussi",
                         "À la mi-octobre, une vidéo", "In mid-March, they met", "mi-temps du match", "midi-pyrénées"]
        let articles = repoRoot + "/Content/articles"
        for name in try FileManager.default.contentsOfDirectory(atPath: articles).sorted() {
            sentences += try String(contentsOfFile: articles + "/" + name, encoding: .utf8).split(whereSeparator: { $0 == "\n" || $0 == "." }).map(String.init)
        }
        var dated = 0, shut = 0
        for s in sentences {
            let open = finder.mayHoldDate(Tokenizer.tokenize(s)[...])
            if !finder.find(in: s, reference: wednesday).isEmpty {
                dated += 1
                #expect(open, "\(s.debugDescription)")
            }
            if !open { shut += 1 }
        }
        // Both kinds were seen: the gate lets dates through and shuts most other sentences out.
        #expect(dated > 20 && shut > 60)
    }

    @Test("on the example dossier: election day, Peskov's Wednesday, TASS's report")
    func exampleDossier() throws {
        var report = BuildReport()
        let d = try Builder().loadDossier(BuildOptions(content: repoRoot + "/Content"), report: &report)
        func event(_ article: String, _ snippet: String) -> Event? {
            d.events.first { $0.article.hasPrefix(article) && $0.sentence.contains(snippet) }
        }
        #expect(event("000", "aura lieu le 5 novembre")?.date?.iso == "2024-11-05")
        #expect(event("002", "exprimé mercredi")?.date?.iso == "2024-11-06")
        #expect(event("002", "exprimé mercredi")?.people.contains("dmitri-peskov") == true)
        #expect(event("000", "TASS a rapporté le 21 octobre")?.date?.iso == "2024-10-21")
        #expect(event("001", "jeudi son soutien")?.date == nil)
    }
}

@Suite("The same statement across sources")
struct StatementTests {
    func quote(_ id: String, _ article: String, _ speaker: String, _ text: String) -> Quote {
        Quote(id: id, article: article, text: text, kind: .direct, speaker: speaker, speakerName: speaker,
              evidence: Evidence(cue: "", rule: "test", confidence: 1, notes: []), note: nil, start: 0, end: 0, paragraph: 0)
    }

    @Test("reports cut or worded differently are grouped", arguments: [
        ("Le président américain Joe Biden a recommandé à ses électeurs de soutenir Kamala Harris, donc nous la soutiendrons aussi", "Je la soutiendrai également."),
        ("plus de sanctions à la Russie qu’aucun président", "Trump a imposé plus de sanctions à la Russie que n’importe quel président avant lui"),
        ("Kamala Harris s’abstiendra peut-être de faire ce genre de choses", "Je m’abstiendrais peut-être de telles actions."),
        ("Nous ne laisserons pas faire cette réforme des retraites", "nous ne laisserons pas faire la réforme"),
    ])
    func truePairs(_ pair: (String, String)) {
        let groups = StatementGrouper().group([quote("a", "x", "p", pair.0), quote("b", "y", "p", pair.1)])
        #expect(groups == [["a", "b"]])
    }

    @Test("different statements, or the same words by different speakers or in one article, are not grouped", arguments: [
        ("Deuxièmement, elle a un rire si expressif et contagieux", "Je la soutiendrai également.", "p", "y"),
        ("Nous verrons bien ce que la Russie décidera", "La Russie a décidé de nouvelles sanctions", "p", "y"),
        ("plus de sanctions à la Russie qu’aucun président", "plus de sanctions à la Russie qu’aucun président", "q", "y"),
        ("de nombreuses mesures contre l'ingérence", "de nombreuses mesures contre l'ingérence", "p", "x"),
        // A word said again is one shared word, not one for each time.
        ("Sanctions, sanctions, sanctions !", "Des sanctions, et des sanctions contre Moscou.", "p", "y"),
    ])
    func falsePairs(_ c: (String, String, String, String)) {
        #expect(StatementGrouper().group([quote("a", "x", "p", c.0), quote("b", c.3, c.2, c.1)]).isEmpty)
    }

    @Test("a speaker whose quotes are the same keeps the last grouping's links; one whose quotes changed is compared again")
    func linksTakenUp() {
        let quotes = [quote("a1", "x", "p", "Nous ne laisserons pas faire cette réforme des retraites"),
                      quote("b1", "x", "q", "Le budget sera voté avant la fin de l'année"),
                      quote("a2", "y", "p", "nous ne laisserons pas faire la réforme"),
                      quote("b2", "y", "q", "le budget sera voté avant la fin de cette année")]
        let grouper = StatementGrouper()
        let first = grouper.group(quotes, known: [:])
        #expect(first.groups == [["a1", "a2"], ["b1", "b2"]])
        #expect(first.bySpeaker.count == 2)
        // The same quotes with the links taken up: the same groups.
        #expect(grouper.group(quotes, known: first.bySpeaker).groups == first.groups)
        // Taken up they are, unchecked: links emptied for both speakers leave no group...
        let emptied = first.bySpeaker.mapValues { _ in StatementGrouper.Links() }
        #expect(grouper.group(quotes, known: emptied).groups.isEmpty)
        // ...but a speaker whose quote changed is compared again (q's second quote no longer says the same).
        var changed = quotes
        changed[3].text = "Les hôpitaux recevront des moyens nouveaux"
        #expect(grouper.group(changed, known: emptied).groups.isEmpty)
        changed[3].text = "le budget sera bien voté avant la fin de cette année"
        #expect(grouper.group(changed, known: emptied).groups == [["b1", "b2"]])
    }

    @Test("likeness is not passed on: quotes sharing only a stock phrase with a member stay apart")
    func noChaining() {
        // Each shares at least 60% of the shorter one's stems with its neighbour (the middle two
        // through the stock phrase), but the first and the last share nothing: two statements.
        let texts = ["Les sanctions frappent Moscou",
                     "Les sanctions frappent Moscou. Voilà toute la vérité, nous le disons clairement.",
                     "La frontière restera fermée. Voilà toute la vérité, nous le disons clairement.",
                     "La frontière restera fermée"]
        let quotes = texts.enumerated().map { quote("q\($0.offset)", "a\($0.offset)", "p", $0.element) }
        #expect(StatementGrouper().group(quotes) == [["q0", "q1"], ["q2", "q3"]])
        // Before, one group of four; the same statement in many articles is still one group.
        let repeated = (0..<300).map { quote("r\($0)", "b\($0)", "p", $0 % 2 == 0 ? texts[0] : texts[1]) }
        #expect(StatementGrouper().group(repeated) == [repeated.map(\.id)])
    }

    @Test("a group's pages know its members by place (an id no quote has is none) and its key by its size")
    func groupTables() throws {
        var report = BuildReport()
        let d = try Builder().loadDossier(BuildOptions(content: repoRoot + "/Content"), report: &report)
        let base = PageBuilder(dossier: d)
        let grouped = Set(d.statementGroups.joined())
        let loose = try #require(d.quotes.firstIndex { !grouped.contains($0.id) })
        let other = try #require(d.quotes.indices.last { $0 != loose && !grouped.contains(d.quotes[$0].id) })
        // A group of an unknown id and a loose quote: the quote is in it, no other quote is.
        var more = d
        more.statementGroups.append(["no-such-quote", d.quotes[other].id])
        let withGroup = PageBuilder(dossier: more)
        #expect(withGroup.group(ofQuote: d.quotes[other].id) == d.statementGroups.count)
        #expect(withGroup.group(ofQuote: d.quotes[loose].id) == nil)
        #expect(withGroup.groupMembers.last == [-1, other])
        // One more member, not shown (its quote is unknown): the group's key changes all the same.
        var larger = d
        larger.statementGroups[0].append("no-such-quote")
        #expect(PageBuilder(dossier: larger).groupKeys[0] != base.groupKeys[0])
        #expect(PageBuilder(dossier: larger).groupKeys.dropFirst() == base.groupKeys.dropFirst())
    }

    @Test("on the example dossier: Putin's Vladivostok remarks in 001 and 003 are grouped, nothing else")
    func exampleDossier() throws {
        var report = BuildReport()
        let d = try Builder().loadDossier(BuildOptions(content: repoRoot + "/Content"), report: &report)
        let byID = Dictionary(uniqueKeysWithValues: d.quotes.map { ($0.id, $0) })
        let groups = d.statementGroups.map { $0.compactMap { byID[$0] } }
        #expect(groups.count == 3, "\(groups.map { $0.map(\.text) })")
        for g in groups {
            #expect(Set(g.map { String($0.article.prefix(3)) }) == ["001", "003"])
            #expect(g.allSatisfy { $0.speaker == "vladimir-poutine" })
        }
    }
}

@Suite("The timeline's order")
struct TimelineOrderTests {
    /// A small deterministic generator (SplitMix64), so that a failure can be replayed.
    struct Mix {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }

    /// Few distinct values, so that many points share a date, an article or a start.
    static func date(_ r: inout Mix) -> PartialDate? {
        switch r.next(6) {
        case 0: nil
        case 1: PartialDate(year: 2023 + r.next(2))
        case 2: PartialDate(year: 2024, month: 1 + r.next(2))
        case 3: PartialDate(year: 2024, month: 1, day: 1 + r.next(2))
        default: PartialDate(year: 2024, month: 1, day: 1 + r.next(2), hour: r.next(2) * 23, minute: r.next(2) * 59)
        }
    }

    static func dossier(seed: UInt64, year: Int? = nil) throws -> Dossier {
        var r = Mix(state: seed)
        let base = try #require(readArticle("Titre\n\nUn texte.\n").article)
        let articles = (0..<60).map { n in
            var a = base
            a.id = "a\(n)"
            a.date = date(&r)
            return a
        }
        var d = Dossier(site: SiteConfig(), articles: articles, people: [], quotes: [], articlePeople: [:])
        d.events = (0..<400).map { k in
            Event(id: "e\(k)", article: "a\(r.next(70))", date: k == 7 ? year.map { PartialDate(year: $0) } : date(&r), dateText: "",
                  resolution: "absolute", sentence: "", people: [], paragraph: 0, start: r.next(3) * 10, end: 40)
        }
        return d
    }

    static func points(_ items: [Feeds.TimelineItem]) -> [String] {
        items.map { "\($0.date.iso) \($0.isPublication) \($0.order) \($0.event.map(String.init) ?? "-")" }
    }

    @Test("points compared as two integers come in the order their tuples give, ties included")
    func packedOrder() throws {
        for seed in UInt64(1)...20 {
            let d = try Self.dossier(seed: seed)
            let index = FirstPlaces(d.articles.map(\.id))
            let packed = try #require(Feeds.packedTimeline(d, index: index))
            let tuples = Feeds.tupleTimeline(d, index: index)
            #expect(Self.points(packed) == Self.points(tuples), "seed \(seed)")
            // Every publication, and every dated event of an article in the dossier, is a point.
            #expect(packed.count == d.articles.filter { $0.date != nil }.count
                + d.events.filter { e in e.date != nil && index[e.article] != nil }.count)
        }
    }

    @Test("each event's article is found once for each run of its events, and an unknown article is none")
    func eventArticlePlaces() {
        let index = FirstPlaces(["a", "b", "c"])
        let events = ["b", "b", "a", "zz", "zz", "b", "c"].enumerated().map { k, article in
            Event(id: "e\(k)", article: article, date: nil, dateText: "", resolution: "", sentence: "", people: [], paragraph: 0, start: 0, end: 0)
        }
        #expect(Feeds.articlePlaces(of: events, in: index) == [1, 1, 0, nil, nil, 1, 2])
        #expect(Feeds.articlePlaces(of: [], in: index).isEmpty)
    }

    @Test("a year that does not fit the integers is sorted by its tuple, in the same order")
    func outOfRange() throws {
        for year in [70_000, -5, 65_535, 0] {
            let d = try Self.dossier(seed: 3, year: year)
            let index = FirstPlaces(d.articles.map(\.id))
            let fits = (0...0xFFFF).contains(year)
            #expect((Feeds.packedTimeline(d, index: index) != nil) == fits)
            #expect(Self.points(Feeds.timeline(d)) == Self.points(Feeds.tupleTimeline(d, index: index)))
        }
    }

    @Test("a date's packed key orders as the date does")
    func packedDates() {
        var r = Mix(state: 9)
        let edges = [PartialDate(year: 0), PartialDate(year: 0xFFFF, month: 12, day: 31, hour: 23, minute: 59),
                     PartialDate(year: 1, month: 1, day: 1, hour: 0, minute: 0)]
        let dates = edges + (0..<200).compactMap { _ in Self.date(&r) }
        for a in dates {
            for b in dates {
                let (ka, kb) = (a.packedSortKey, b.packedSortKey)
                #expect(ka != nil && kb != nil)
                if let ka, let kb { #expect((ka < kb) == (a < b) && (ka == kb) == (a == b)) }
            }
        }
        #expect(PartialDate(year: 0x10000).packedSortKey == nil && PartialDate(year: -1).packedSortKey == nil)
    }
}
