/// The words of the site's interface, in the dossier's language (French or English).
public struct Labels: Sendable {
    public let values: [String: String]
    /// The singular of the counted nouns, by their plural's key.
    let singulars: [String: String]
    let english: Bool

    public init(language: String) {
        english = Text.fold(language).hasPrefix("en")
        values = english ? Self.english : Self.french
        singulars = english ? Self.englishSingulars : Self.frenchSingulars
    }

    public subscript(_ key: String) -> String { values[key] ?? key }

    /// A count and its noun, singular for one ("1 article", "3 articles"), and for zero in French
    /// ("0 citation", "0 quotes"). `key`: the plural's label.
    public func count(_ n: Int, _ key: String) -> String { String(n) + " " + noun(n, key) }

    /// `count`'s noun alone, for a page that writes the number itself.
    public func noun(_ n: Int, _ key: String) -> String {
        (english ? n == 1 : n <= 1) ? singulars[key] ?? self[key] : self[key]
    }

    static let frenchSingulars = ["quote_count": "citation", "article_count": "article"]
    static let englishSingulars = ["quote_count": "quote", "article_count": "article"]

    static let french: [String: String] = [
        "pages": "Pages", "continued": "suite", "index": "Accueil", "timeline": "Chronologie", "people": "Personnes", "quotes": "Citations", "articles": "Articles",
        "article": "Article", "person": "Personne", "undated": "Sans date", "author": "Auteur", "source": "Fichier source",
        "original": "Article original", "text": "Texte", "reported": "Propos rapportés", "roles": "Fonctions",
        "aliases": "Aussi écrit", "appears_with": "Apparaît avec", "mentioned_in": "Articles qui le mentionnent",
        "cue": "indice", "rule": "règle", "confidence": "confiance", "no_speaker": "locuteur inconnu",
        "removed": "Retiré au nettoyage", "line": "ligne", "latest": "Derniers articles", "more_articles": "autres articles, par date dans la chronologie et dans la recherche", "most_quoted": "Les plus cités",
        "all_people": "Toutes les personnes", "how_to_date": "Pour dater un article, ajoutez « date: 2024-10-22 » à son en-tête YAML.",
        "built_by": "Construit par sitegen", "in_text": "dans le texte", "quote_count": "citations", "article_count": "articles",
        "unattributed": "Sans locuteur identifié", "language": "langue", "dated": "Articles datés", "notes": "Remarques",
        "skip": "Aller au contenu", "nav": "Navigation principale", "none": "Aucune.", "by": "par",
        "publication": "publication", "registry": "registre des personnes",
        "commentary": "Commentaire", "rejected": "Citations écartées", "note": "Note", "user_notes": "Notes",
        "events": "Événements", "to_date": "Dates à préciser", "to_date_hint": "Ces phrases donnent une date relative ou sans année, et leur article n’est pas daté au jour : datez l’article pour les placer.",
        "also_reported": "Aussi rapporté dans", "same_statement": "Même déclaration, plusieurs sources", "search": "Recherche",
        "search_label": "Chercher dans le dossier", "search_noscript": "La recherche a besoin de JavaScript. Sans lui, tout le dossier reste accessible depuis l’accueil, la chronologie, les personnes et les citations.",
        "search_article": "Article", "search_person": "Personne", "search_quote": "Citation", "search_note": "Note", "search_results": "résultats",
        "feed": "Flux Atom", "year": "Année", "graph": "Qui apparaît avec qui", "publications": "Publications",
        "chart_timeline_desc": "Les publications (carrés) et les événements datés (ronds) du dossier sur un axe du temps ; la liste qui suit donne les mêmes points.",
        "chart_more": "autres points ici, dans la liste",
        "chart_graph_desc": "Les personnes les plus présentes du dossier, reliées quand des articles les nomment ensemble ; plus le rond est grand, plus la personne est citée. La liste qui suit donne les mêmes liens.",
        "graph_intro": "Deux personnes sont reliées quand un même article les nomme ; l’épaisseur du trait compte ces articles.",
        "pairs": "Paires les plus fréquentes",
    ]

    static let english: [String: String] = [
        "pages": "Pages", "continued": "continued", "index": "Home", "timeline": "Timeline", "people": "People", "quotes": "Quotes", "articles": "Articles",
        "article": "Article", "person": "Person", "undated": "Undated", "author": "Author", "source": "Source file",
        "original": "Original article", "text": "Text", "reported": "Reported speech", "roles": "Roles",
        "aliases": "Also written", "appears_with": "Appears with", "mentioned_in": "Articles that mention them",
        "cue": "cue", "rule": "rule", "confidence": "confidence", "no_speaker": "unknown speaker",
        "removed": "Removed while cleaning", "line": "line", "latest": "Latest articles", "more_articles": "more articles, by date in the timeline and in the search", "most_quoted": "Most quoted",
        "all_people": "All people", "how_to_date": "To date an article, add “date: 2024-10-22” to its YAML front matter.",
        "built_by": "Built by sitegen", "in_text": "in the text", "quote_count": "quotes", "article_count": "articles",
        "unattributed": "No speaker identified", "language": "language", "dated": "Dated articles", "notes": "Notes",
        "skip": "Skip to content", "nav": "Main navigation", "none": "None.", "by": "by",
        "publication": "publication", "registry": "people registry",
        "commentary": "Commentary", "rejected": "Rejected quotes", "note": "Note", "user_notes": "Notes",
        "events": "Events", "to_date": "Dates to settle", "to_date_hint": "These sentences give a relative date or no year, and their article is not dated to the day: date the article to place them.",
        "also_reported": "Also reported in", "same_statement": "The same statement, several sources", "search": "Search",
        "search_label": "Search the dossier", "search_noscript": "Search needs JavaScript. Without it, the whole dossier is still reachable from the home page, the timeline, the people and the quotes.",
        "search_article": "Article", "search_person": "Person", "search_quote": "Quote", "search_note": "Note", "search_results": "results",
        "feed": "Atom feed", "year": "Year", "graph": "Who appears with whom", "publications": "Publications",
        "chart_timeline_desc": "The dossier's publications (squares) and dated events (dots) on a time axis; the list below gives the same points.",
        "chart_more": "more points here, in the list",
        "chart_graph_desc": "The people most present in the dossier, linked when articles name them together; the larger the dot, the more the person is quoted. The list below gives the same links.",
        "graph_intro": "Two people are linked when an article names them both; the line's width counts those articles.",
        "pairs": "Most frequent pairs",
    ]

    static let frenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// "22 octobre 2024", "octobre 2024", "2024"; the time is left to the ISO form.
    public func format(_ d: PartialDate) -> String {
        let months = english ? Self.englishMonths : Self.frenchMonths
        guard let m = d.month else { return String(d.year) }
        let month = months[m - 1]
        guard let day = d.day else { return "\(month) \(d.year)" }
        return english ? "\(month) \(day), \(d.year)" : "\(day == 1 ? "1er" : String(day)) \(month) \(d.year)"
    }

    public func monthTitle(year: Int, month: Int) -> String {
        return "\((english ? Self.englishMonths : Self.frenchMonths)[month - 1]) \(year)"
    }
}
