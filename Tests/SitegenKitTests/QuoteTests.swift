import Foundation
import Testing
@testable import SitegenKit

/// One quotation case: a short body, a snippet of the quote expected, and its speaker.
struct QuoteCase: CustomTestStringConvertible, Sendable {
    var name: String
    var body: String
    var snippet: String
    /// A fragment of the expected speaker's name; nil when no speaker should be given.
    var speaker: String?
    var rule: String?
    var language = "fr"
    var testDescription: String { name }
}

let frenchCases: [QuoteCase] = [
    QuoteCase(name: "'soutenir' and 'continuer' report speech before their quote only before 'que' or a colon", body: "Kiev a reçu de nouvelles armes. Côté américain, le secrétaire d'État Antony Blinken a assuré que Washington continuerait à soutenir Kiev « jusqu'au dernier jour » de l'administration Biden.", snippet: "dernier jour", speaker: "Antony Blinken", rule: "cue-before"),
    QuoteCase(name: "'par la voix de son porte-parole': the possessive ties the role to the institution", body: "Son porte-parole, Steffen Hebestreit, a précisé que Berlin « ne se laissera pas intimider ». Le Kremlin, par la voix de son porte-parole, a dénoncé une « décision irresponsable ».", snippet: "décision irresponsable", speaker: "Kremlin", rule: "cue-before"),
    QuoteCase(name: "'aux dires de' frames a view like 'selon'", body: "Moscou suit le scrutin. Aux dires de Dmitri Peskov, le Kremlin « respectera le choix du peuple américain ».", snippet: "respectera le choix", speaker: "Dmitri Peskov", rule: "selon"),
    QuoteCase(name: "'de l'aveu même de' frames a view like 'selon', and a civil servant is a role", body: "L'inquiétude grandit à Bruxelles. De l'aveu même d'un haut fonctionnaire de la Commission, « personne ne sait ce que fera Trump ».", snippet: "personne ne sait", speaker: "un haut fonctionnaire de la Commission", rule: "selon"),
    QuoteCase(name: "'à en croire' frames a view like 'selon'", body: "Josep Borrell estime que l'Europe doit « prendre son destin en main ». À en croire le chef de la diplomatie européenne, « le temps de l'insouciance est terminé ».", snippet: "insouciance", speaker: "Josep Borrell", rule: "selon"),
    QuoteCase(name: "a military rank is no office that rules its holder out of a role", body: "Devant la commission de la défense, le chef d'état-major des armées, le général Thierry Burkhard, a livré mercredi un constat alarmant. Selon lui, « nos adversaires ne font plus la distinction entre paix et guerre ».\n\nInterrogé par le député Jean-Louis Thiériot (LR), le chef d'état-major a appelé à renforcer la « lutte informatique d'influence ».", snippet: "lutte informatique", speaker: "Thierry Burkhard", rule: "cue-before"),
    QuoteCase(name: "a speech verb's form after 'un' or 'son' is a noun", body: "Le forum s'est tenu à Vladivostok.\n\nLe président Vladimir Poutine a déclaré jeudi que la Russie soutiendrait Kamala Harris lors de l'élection présidentielle américaine, ajoutant avec un sourire qu'elle avait un rire « si expressif et contagieux ».", snippet: "si expressif", speaker: "Vladimir Poutine", rule: "cue-before"),
    QuoteCase(name: "a one-letter organisation after a preposition ends its sentence", body: "Les influenceurs disent avoir été trompés.\n\n« J'ai été trompé », a écrit Tim Pool sur X. Johnson a qualifié l'affaire de « choquante ».", snippet: "choquante", speaker: "Johnson", rule: "cue-before"),
    QuoteCase(name: "an institution written out before its acronym in parentheses speaks as one", body: "Moscou dément toute implication.\n\nLe Bureau fédéral d'investigation (FBI) maintient pour sa part que la vidéo a été « fabriquée et amplifiée par des acteurs russes ».", snippet: "fabriquée et amplifiée", speaker: "FBI", rule: "cue-before"),
    QuoteCase(name: "a quote that is its sentence whole, then a sentence whose subject speaks", body: "La démocrate a pris la parole mercredi.\n\n« L'issue de cette élection n'est pas celle que nous voulions. » Devant des milliers de partisans en larmes, Kamala Harris a reconnu sa défaite.", snippet: "issue de cette élection", speaker: "Kamala Harris", rule: "next-sentence"),
    QuoteCase(name: "a quote that is its sentence whole is not given to whoever judges it in the next", body: "Le débat a été vif.\n\n« Un génie, un type formidable. » Face à ses partisans, Kamala Harris a dénoncé ces propos de Donald Trump sur Vladimir Poutine.", snippet: "Un génie", speaker: nil),
    QuoteCase(name: "a line of dialogue whose cue names its speaker past a complement", body: "Viginum a publié un rapport vendredi.\n\n— Le mode opératoire n'a pas changé, a expliqué à la presse Marc-Antoine Brillant, chef du service.", snippet: "mode opératoire", speaker: "Marc-Antoine Brillant", rule: "inverted-name"),
    QuoteCase(name: "selon une source: an unnamed source speaks", body: "Les États-Unis préparent des sanctions. Selon une source diplomatique européenne, les Vingt-Sept pourraient suivre « dans les prochaines semaines ».", snippet: "prochaines semaines", speaker: "une source diplomatique européenne", rule: "selon"),
    QuoteCase(name: "a close associate of a role is the subject, not the role after 'du'", body: "Les États-Unis préparent des sanctions. Un proche du président russe a qualifié ces annonces de « gesticulations ».", snippet: "gesticulations", speaker: "Un proche du président russe", rule: "cue-before"),
    QuoteCase(name: "a paper's view in a frame that names it as a paper", body: "La presse russe a réagi jeudi. Pour le journal progouvernemental Izvestia, cette victoire marque « la fin d'une époque ».", snippet: "fin d'une époque", speaker: "Izvestia", rule: "selon"),
    QuoteCase(name: "a place's view in a frame is nobody's quote", body: "La presse russe a réagi jeudi. Pour Moscou, il s'agit d'une « provocation ».", snippet: "provocation", speaker: nil),
    QuoteCase(name: "an institution speaks by the voice of a spokesperson the article does not name", body: "Selon Maria Zakharova, les médias « inventent des histoires ». Le Kremlin, par la voix de son porte-parole, a toutefois assuré que Moscou restait « ouvert aux contacts ».", snippet: "ouvert aux contacts", speaker: "Kremlin", rule: "cue-before"),
    QuoteCase(name: "an impersonal 'on' with no institution after it is nobody", body: "Dans un message publié sur X, Elon Musk a écrit : « Les médias mentent encore. » « Nous n'avons rien à ajouter », a-t-on indiqué au sein de l'équipe de transition.", snippet: "rien à ajouter", speaker: nil),
    QuoteCase(name: "a political camp named by a common noun speaks", body: "Donald Trump a promis la paix. Le camp démocrate a aussitôt dénoncé une promesse « irréaliste ».", snippet: "irréaliste", speaker: "camp démocrate", rule: "cue-before"),
    QuoteCase(name: "an institution named by a common noun and its complement in capitals", body: "Les combats ont repris lundi. Le département d'État a jugé ces propos « irresponsables ».", snippet: "irresponsables", speaker: "département d'État", rule: "cue-before"),
    QuoteCase(name: "a role nobody of the text before holds is the person the article names so further on", body: "« Rien n'est décidé », a déclaré le porte-parole du Kremlin.\n\nDmitri Peskov, porte-parole du Kremlin, a ensuite quitté la salle.", snippet: "Rien n'est décidé", speaker: "Dmitri Peskov", rule: "inverted-role"),
    QuoteCase(name: "an institution named by a common noun speaks", body: "Les combats ont repris lundi. Le ministère russe de la Défense a affirmé que ses troupes avaient « libéré » le village.", snippet: "libéré", speaker: "ministère russe de la Défense", rule: "cue-before"),
    QuoteCase(name: "an institution named by a common noun goes on speaking through a pronoun", body: "Les combats ont repris lundi. Le ministère russe de la Défense a affirmé que ses troupes avaient « libéré » le village. « Nos forces avancent », a-t-il ajouté.", snippet: "Nos forces avancent", speaker: "ministère russe de la Défense", rule: "inverted-pronoun"),
    QuoteCase(name: "an institution named by a common noun after an inverted verb", body: "Les combats ont repris lundi. « Les frappes continueront », a annoncé l'ambassade américaine à Moscou.", snippet: "frappes continueront", speaker: "ambassade américaine à Moscou"),
    QuoteCase(name: "an institution in a clause after que is not the speaker", body: "Jean Dupont a pris la parole mardi. Il a précisé que le gouvernement « ne travaillait pas avec l'opposition ».", snippet: "ne travaillait pas", speaker: "Jean Dupont", rule: "cue-before"),
    QuoteCase(name: "an unnamed subject whose noun is also a speech verb's participle", body: "Les agences ont parlé lundi. « Ces efforts visent à saper la confiance du public », indique un communiqué conjoint du FBI, de l'ODNI et de la CISA.", snippet: "saper la confiance", speaker: "un communiqué conjoint du FBI", rule: "inverted-unnamed"),
    QuoteCase(name: "a role with a complement is not the subject of the sentence before when that subject holds another role", body: "Le président de la Commission, Jean Dupont, est arrivé mardi à Bruxelles. Le ministre des Finances a jugé le plan « trop tardif ».", snippet: "trop tardif", speaker: "Le ministre", rule: "cue-before"),
    QuoteCase(name: "an inverted pronoun is the subject of its own sentence after 'Mais', past an initial that ends the sentence before", body: "Le porte-parole du Kremlin, Dmitri Peskov, a été interrogé jeudi. « Nous avons eu un excellent appel », a écrit Volodymyr Zelensky sur X. Mais M. Peskov n'a pas exclu un contact à l'avenir : « Nous verrons », a-t-il glissé.", snippet: "Nous verrons", speaker: "Dmitri Peskov", rule: "inverted-pronoun"),
    QuoteCase(name: "an infinitive of narration after the quote's comma is a cue", body: "Jean Dupont a pris la parole mardi. « Nous irons jusqu'au bout », d'ajouter le ministre.", snippet: "jusqu'au bout", speaker: "Jean Dupont", rule: "inverted-role"),
    QuoteCase(name: "a averti, without a comma after the quote", body: "Philippe Faure est arrivé lundi. « Nous ne pouvons pas reporter nos engagements » a averti Faure, lors d'une conférence.", snippet: "reporter nos engagements", speaker: "Philippe Faure", rule: "inverted-name"),
    QuoteCase(name: "an organisation whose name goes on in lower case", body: "Le président a nommé vendredi un nouveau ministre. Selon un communiqué de La France insoumise, cette nomination est « un bras d'honneur aux électeurs ».", snippet: "bras d'honneur", speaker: "La France insoumise", rule: "selon"),
    QuoteCase(name: "selon un communiqué de X", body: "Le président a nommé vendredi un nouveau ministre. Selon un communiqué du Kremlin, cette nomination est « un bras d'honneur aux électeurs ».", snippet: "bras d'honneur", speaker: "Kremlin", rule: "selon"),
    QuoteCase(name: "the clause after the quote's colon names the speaker", body: "Le ministre était à la radio mardi. « Nous ne toucherons pas aux impôts » : c'est en ces termes qu'Antoine Armand a voulu rassurer les Français.", snippet: "toucherons pas", speaker: "Antoine Armand", rule: "colon-after"),
    QuoteCase(name: "quotes listed before a colon are not the previous speaker's", body: "Marine Tondelier n'a pas mâché ses mots : « C'est une trahison. »\n\n« C'est une honte », « un scandale » : les syndicats ont dénoncé le texte.", snippet: "un scandale", speaker: nil),
    QuoteCase(name: "pour + role with an adjective + name", body: "Le texte a été présenté mardi. Pour la députée écologiste Sandrine Rousseau, « ce budget est une faute ».", snippet: "une faute", speaker: "Sandrine Rousseau", rule: "selon"),
    QuoteCase(name: "quant à elle is no subject", body: "Pour Sandrine Rousseau, « ce budget est une faute ». La présidente de l'Assemblée, Yaël Braun-Pivet, a quant à elle appelé au « compromis ».", snippet: "compromis", speaker: "Yaël Braun-Pivet"),
    QuoteCase(name: "a role nobody holds stops before a phrase of place", body: "Le débat a repris mardi. « Il n'y aura pas de vote bloqué » a assuré le Premier ministre devant les sénateurs.", snippet: "vote bloqué", speaker: "le Premier ministre", rule: "inverted-role"),
    QuoteCase(name: "an inverted pronoun is the subject the quote's own sentence opens on, past an apposition", body: "« Le gouvernement agite l'épouvantail russe », a taclé Sébastien Chenu sur BFMTV. Jordan Bardella, tête de liste du RN, s'est montré plus prudent : « Toute ingérence étrangère est inacceptable », a-t-il déclaré au Parisien.", snippet: "Toute ingérence", speaker: "Jordan Bardella", rule: "inverted-pronoun"),
    QuoteCase(name: "the antecedent of qui is the name a role's apposition describes, not the role's complement", body: "Le dirigeant ukrainien a aussi répondu aux critiques de Jacques Vance, le colistier de Donald Trump, qui avait jugé son plan « irréaliste ».", snippet: "irréaliste", speaker: "Jacques Vance", rule: "cue-before"),
    QuoteCase(name: "an unresolved speaker goes on through a sentence whose subject is a pronoun", body: "Le texte a été adopté. D'après Ndongo, « Notre équipe ne peut pas reporter la réforme ». Elle n'a pas souhaité en dire davantage. « Il n'y a pas d'autre chemin », a-t-elle martelé.", snippet: "autre chemin", speaker: "Ndongo", rule: "inverted-pronoun"),
    QuoteCase(name: "the cue that ends the quote's sentence, after a comma", body: "À Moscou, on observe. Le Kremlin « suit avec attention » le scrutin, a indiqué Dmitri Peskov, qui a refusé de dire si Vladimir Poutine avait une préférence.", snippet: "suit avec attention", speaker: "Dmitri Peskov", rule: "cue-end"),
    QuoteCase(name: "a role after the sentence-ending cue's speaker is that speaker", body: "Le Kremlin « suit avec attention » le scrutin, a indiqué Dmitri Peskov, qui a refusé de dire si Vladimir Poutine avait une préférence. « C'est l'affaire des Américains », a tranché le porte-parole.", snippet: "affaire des Américains", speaker: "Dmitri Peskov", rule: "inverted-role"),
    QuoteCase(name: "l'intéressée is the person of the sentence before", body: "Interrogée par l'AFP, l'ancienne ambassadrice française à Moscou, Sylvie Bermann, estime que ces propos relèvent de la provocation. L'intéressée rappelle que « le Kremlin a toujours joué sur les divisions américaines ».", snippet: "toujours joué", speaker: "Sylvie Bermann", rule: "cue-before"),
    QuoteCase(name: "a definite description is the person a sentence before opens on", body: "Chercheur associé à l'Institut de relations internationales et stratégiques (Iris), Kevin Limonier étudie depuis des années les réseaux d'influence russes.\n\nLes campagnes visent-elles vraiment à faire élire Donald Trump ?\n\n« Elles visent d'abord à affaiblir la confiance », répond le géographe, maître de conférences à l'université Paris 8.", snippet: "affaiblir la confiance", speaker: "Kevin Limonier", rule: "inverted-description"),
    QuoteCase(name: "a definite description after a continuing verb is the speaker just before", body: "« Le danger est réel », a dit Kevin Limonier. « La riposte doit être collective », ajoute le géographe.", snippet: "riposte doit", speaker: "Kevin Limonier", rule: "inverted-description"),
    QuoteCase(name: "a definite description after another speaker's quote is left unnamed", body: "Donald Trump a dit : « Le danger est exagéré. » « La riposte doit être collective », répond le géographe.", snippet: "riposte doit", speaker: "le géographe", rule: "inverted-unnamed"),
    QuoteCase(name: "a definite description of another gender than the sentence's subject is left unnamed", body: "Chercheuse à l'Iris, Anne Lemaire étudie les réseaux russes. « La riposte doit être collective », répond le géographe.", snippet: "riposte doit", speaker: "le géographe", rule: "inverted-unnamed"),
    QuoteCase(name: "an unnamed subject stops before a phrase of place", body: "Le débat a repris mardi. « Il n'y aura pas de vote bloqué » a assuré le numéro deux du gouvernement devant les sénateurs.", snippet: "vote bloqué", speaker: "le numéro deux du gouvernement", rule: "inverted-unnamed"),
    QuoteCase(name: "a witness named by a first name and an age", body: "Dans les rues de Kiev, l'ambiance est morose. « On sait qu'il va nous lâcher », souffle Olena, 34 ans, employée dans une banque.", snippet: "va nous lâcher", speaker: "Olena", rule: "inverted-name"),
    QuoteCase(name: "a quote after a colon whose sentence names nobody known is not the previous speaker's", body: "« On sait qu'il va nous lâcher », souffle Olena, 34 ans. Son collègue Mykola hausse les épaules : « De toute façon, on n'a pas le choix. »", snippet: "pas le choix", speaker: nil),
    QuoteCase(name: "a-t-il écrit after a sentence about someone else points to that sentence's subject", body: "« Le moment est venu », a écrit Volodymyr Zelensky. Le général Valeri Zaloujny, très populaire, a publié une photo. « Nous avons eu une conversation sérieuse », a-t-il écrit.", snippet: "conversation sérieuse", speaker: "Valeri Zaloujny", rule: "inverted-pronoun"),
    QuoteCase(name: "a participle after the sentence's first quote goes on with its speaker", body: "Jean Dupont est arrivé mardi. « Nous partons », a écrit Pierre Martin sur Telegram, précisant avoir eu une « réunion franche » avec lui.", snippet: "réunion franche", speaker: "Pierre Martin", rule: "cue-before"),
    QuoteCase(name: "a line of dialogue opened by a dash", body: "Jean Dupont a pris la parole mardi.\n\n— Nous sommes prêts à discuter de tout, a-t-il assuré devant les députés.", snippet: "Nous sommes prêts à discuter de tout", speaker: "Jean Dupont", rule: "inverted-pronoun"),
    QuoteCase(name: "a role in apposition after its holder", body: "La secrétaire générale de la CGT, Sophie Binet, a salué « une victoire ». Interrogé par Le Monde, Laurent Berger, l'ancien secrétaire général de la CFDT, juge pour sa part que « c'est trop tard ».", snippet: "trop tard", speaker: "Laurent Berger", rule: "cue-before"),
    QuoteCase(name: "inverted role with its holder in apposition", body: "Jordan Bardella a annoncé la censure. « Ce serait irresponsable », a réagi sur BFMTV la porte-parole du gouvernement, Maud Bregeon.", snippet: "Ce serait irresponsable", speaker: "Maud Bregeon", rule: "inverted-name"),
    QuoteCase(name: "split quote around a cue with a phrase and an indefinite subject", body: "Jean Dupont a parlé mardi. « Il faut agir, explique au Monde un conseiller de l'exécutif. Personne n'a intérêt au chaos. »", snippet: "Personne n'a intérêt", speaker: "un conseiller", rule: "split-quote"),
    QuoteCase(name: "split quote around explique + name", body: "« Il faut agir, explique Paul Durand. Personne n'a intérêt au chaos. »", snippet: "Il faut agir", speaker: "Paul Durand", rule: "inverted-name"),
    QuoteCase(name: "il after a sentence that opens with pour X", body: "« C'est un pays inamical », a déclaré Dmitri Peskov. Pour l'ancien président Dmitri Medvedev, aujourd'hui vice-président du Conseil de sécurité, cette élection ne changera rien. Il a jugé que Donald Trump « ne mettra pas fin à la guerre ».", snippet: "ne mettra pas fin", speaker: "Dmitri Medvedev"),
    QuoteCase(name: "inverted name after the quote", body: "« Nous ne céderons pas », a déclaré Jean Dupont devant la presse.", snippet: "Nous ne céderons pas", speaker: "Jean Dupont", rule: "inverted-name"),
    QuoteCase(name: "inverted name, present tense", body: "« La réforme est prête », affirme Jean Dupont.", snippet: "La réforme est prête", speaker: "Jean Dupont", rule: "inverted-name"),
    QuoteCase(name: "inverted name, passé simple", body: "« La réforme est prête », déclara Jean Dupont.", snippet: "La réforme est prête", speaker: "Jean Dupont", rule: "inverted-name"),
    QuoteCase(name: "a-t-il + participle", body: "Jean Dupont est arrivé à Lyon mardi. « Rien n'est décidé », a-t-il précisé.", snippet: "Rien n'est décidé", speaker: "Jean Dupont", rule: "inverted-pronoun"),
    QuoteCase(name: "dit-elle", body: "Marie Durand a pris la parole en fin de séance. « Rien n'est décidé », dit-elle.", snippet: "Rien n'est décidé", speaker: "Marie Durand", rule: "inverted-pronoun"),
    QuoteCase(name: "ajoute-t-elle", body: "Marie Durand a pris la parole. « C'est une erreur », ajoute-t-elle.", snippet: "C'est une erreur", speaker: "Marie Durand", rule: "inverted-pronoun"),
    QuoteCase(name: "poursuit-il", body: "Jean Dupont a pris la parole. « Nous irons jusqu'au bout », poursuit-il.", snippet: "jusqu'au bout", speaker: "Jean Dupont", rule: "inverted-pronoun"),
    QuoteCase(name: "colon after the speech verb", body: "Jean Dupont a déclaré : « Nous ne céderons pas. »", snippet: "Nous ne céderons pas", speaker: "Jean Dupont"),
    QuoteCase(name: "colon without a speech verb", body: "Jean Dupont, lui, est formel : « Nous ne céderons pas. »", snippet: "Nous ne céderons pas", speaker: "Jean Dupont", rule: "colon"),
    QuoteCase(name: "que « partial »", body: "Jean Dupont a déclaré que « la réforme est nécessaire ».", snippet: "la réforme est nécessaire", speaker: "Jean Dupont", rule: "cue-before"),
    QuoteCase(name: "selon X, « … »", body: "Selon Marie Durand, « le projet est mort ».", snippet: "le projet est mort", speaker: "Marie Durand", rule: "selon"),
    QuoteCase(name: "d'après X", body: "D'après Marie Durand, « le projet est mort ».", snippet: "le projet est mort", speaker: "Marie Durand", rule: "selon"),
    QuoteCase(name: "« … », selon X", body: "« Le projet est mort », selon Marie Durand.", snippet: "Le projet est mort", speaker: "Marie Durand", rule: "selon"),
    QuoteCase(name: "role in apposition, then the verb", body: "Le porte-parole du gouvernement, Olivier Véran, a affirmé que la situation était « sous contrôle ».", snippet: "sous contrôle", speaker: "Olivier Véran"),
    QuoteCase(name: "role phrase resolves to the person named in that role", body: "Le porte-parole du gouvernement, Olivier Véran, a tenu une conférence de presse. Le porte-parole a ensuite ajouté : « Nous verrons. »", snippet: "Nous verrons", speaker: "Olivier Véran"),
    QuoteCase(name: "inverted role", body: "La porte-parole du ministère, Maria Zakharova, était présente. « C'est faux », a répondu la porte-parole.", snippet: "C'est faux", speaker: "Maria Zakharova", rule: "inverted-role"),
    QuoteCase(name: "X a qualifié Y de « … »", body: "Marie Durand a qualifié la décision du gouvernement de « scandaleuse ».", snippet: "scandaleuse", speaker: "Marie Durand"),
    QuoteCase(name: "X a décrit Y comme « … » (Y is not the speaker)", body: "Jean Dupont a décrit Pierre Martin comme « un danger pour le pays ».", snippet: "un danger", speaker: "Jean Dupont"),
    QuoteCase(name: "split quote around its cue: first part", body: "« Nous ne céderons pas, a dit Jean Dupont. Jamais nous ne reculerons. »", snippet: "Nous ne céderons pas", speaker: "Jean Dupont"),
    QuoteCase(name: "split quote around its cue: second part", body: "« Nous ne céderons pas, a dit Jean Dupont. Jamais nous ne reculerons. »", snippet: "Jamais nous ne reculerons", speaker: "Jean Dupont", rule: "split-quote"),
    QuoteCase(name: "split quote with dit-il", body: "Jean Dupont a parlé longtemps. « Nous ne céderons pas, dit-il. Jamais. »", snippet: "Jamais", speaker: "Jean Dupont", rule: "split-quote"),
    QuoteCase(name: "missing closing mark, recovered at dit-il", body: "Jean Dupont a parlé. « Il est trop tôt. Avec qui devrions-nous travailler ? dit-il.", snippet: "Avec qui devrions-nous travailler ?", speaker: "Jean Dupont"),
    QuoteCase(name: "missing opening mark, recovered at the paragraph start", body: "Nous resterons à l'écart des affaires des autres pays », a déclaré Jean Dupont.", snippet: "Nous resterons à l'écart", speaker: "Jean Dupont", rule: "inverted-name"),
    QuoteCase(name: "two partial quotes in one sentence", body: "Le ministre Jean Dupont a jugé la proposition « irréaliste » et même « dangereuse ».", snippet: "dangereuse", speaker: "Jean Dupont"),
    QuoteCase(name: "nested quote stays inside the outer one", body: "« Il m'a dit “jamais” et je l'ai cru », a raconté Marie Durand.", snippet: "Il m'a dit “jamais” et je l'ai cru", speaker: "Marie Durand"),
    QuoteCase(name: "any opening mark with any closing one", body: "“Non. Pourquoi devrions-nous nous impliquer ? » a déclaré Jean Dupont.", snippet: "Pourquoi devrions-nous nous impliquer", speaker: "Jean Dupont"),
    QuoteCase(name: "straight double quotes", body: "\"Le président n'a eu aucun contact\", a déclaré Jean Dupont.", snippet: "Le président n'a eu aucun contact", speaker: "Jean Dupont"),
    QuoteCase(name: "single guillemets", body: "‹ Je pars ›, a dit Jean Dupont.", snippet: "Je pars", speaker: "Jean Dupont"),
    QuoteCase(name: "single curly quotes", body: "‘Je pars demain’, a dit Jean Dupont à l’issue de la réunion.", snippet: "Je pars demain", speaker: "Jean Dupont"),
    QuoteCase(name: "lower-case fragment goes on with the previous speaker", body: "Jean Dupont a promis qu'il réglerait le conflit. « dans les 24 heures. » La presse reste sceptique.", snippet: "dans les 24 heures", speaker: "Jean Dupont", rule: "continues-sentence"),
    QuoteCase(name: "continuation: a quote after another with no cue", body: "Jean Dupont a déclaré : « Nous avons tout essayé. » « Rien n'a marché. »", snippet: "Rien n'a marché", speaker: "Jean Dupont", rule: "continuation"),
    QuoteCase(name: "continuation after a quote whose cue has an apposition", body: "« Nous avons tout essayé », a déclaré Jean Dupont, le maire de la ville. « Rien n'a marché. »", snippet: "Rien n'a marché", speaker: "Jean Dupont", rule: "continuation"),
    QuoteCase(name: "an indefinite role is someone new, not the last speaker", body: "Jean Dupont a déclaré que « rien n'a changé ». Un diplomate européen, qui a requis l'anonymat, a jugé la situation « très préoccupante ».", snippet: "très préoccupante", speaker: "diplomate"),
    QuoteCase(name: "an indefinite role named in apposition is that person", body: "Un porte-parole du ministère, Marie Durand, a affirmé que la situation était « sous contrôle ».", snippet: "sous contrôle", speaker: "Marie Durand"),
    QuoteCase(name: "a phrase between the inverted verb and its subject", body: "« C'est faux », a réagi sur franceinfo la députée Marie Durand.", snippet: "C'est faux", speaker: "Marie Durand", rule: "inverted-name"),
    QuoteCase(name: "a day and a place between the inverted verb and its subject", body: "« C'est faux », a affirmé dimanche sur France Inter le ministre Jean Dupont.", snippet: "C'est faux", speaker: "Jean Dupont", rule: "inverted-name"),
    QuoteCase(name: "a role with its party before the name", body: "« C'est inacceptable », a réagi la députée LFI Marie Durand.", snippet: "C'est inacceptable", speaker: "Marie Durand"),
    QuoteCase(name: "marteler: the accent of the present (martèle-t-elle)", body: "Marie Durand est arrivée. « Ils veulent diviser le pays », martèle-t-elle.", snippet: "diviser le pays", speaker: "Marie Durand", rule: "inverted-pronoun"),
    QuoteCase(name: "rappeler: the doubled consonant (rappelle-t-il)", body: "Jean Dupont est arrivé. « Rien n'est joué », rappelle-t-il.", snippet: "Rien n'est joué", speaker: "Jean Dupont", rule: "inverted-pronoun"),
    QuoteCase(name: "an inverted cue whose subject names nobody keeps the quote from the previous speaker", body: "Jean Dupont a déclaré : « Nous avons tout essayé. » « Le compte n'y est pas », confie un proche du président.", snippet: "Le compte n'y est pas", speaker: "un proche du président", rule: "inverted-role"),
    QuoteCase(name: "a role with its complement right before the name", body: "Marie Durand, présidente de la Commission, a déclaré : « Nous sommes prêts. » L'ancien ministre des affaires étrangères Jean Dupont juge pour sa part que « l'Europe a trop attendu ».", snippet: "l'Europe a trop attendu", speaker: "Jean Dupont", rule: "cue-before"),
    QuoteCase(name: "a quotation that runs on to a paragraph opening with » takes the speaker named there", body: "Marie Durand a déclaré : « Nous sommes prêts. » « Il faut aller plus vite. Chaque semaine compte.\n\n» Nous devons livrer des munitions », insiste le chef de la diplomatie européenne, Jean Dupont.", snippet: "Chaque semaine compte", speaker: "Jean Dupont", rule: "continued-quote"),
    QuoteCase(name: "the second paragraph of that quotation", body: "Marie Durand a déclaré : « Nous sommes prêts. » « Il faut aller plus vite.\n\n» Nous devons livrer des munitions », insiste le chef de la diplomatie européenne, Jean Dupont.", snippet: "Nous devons livrer", speaker: "Jean Dupont"),
    QuoteCase(name: "a role does not stand for a speaker whose role differs", body: "Marie Durand, présidente de la Commission, a déclaré : « Nous sommes prêts. » L'ancien ministre des finances a jugé la décision « tardive ».", snippet: "tardive", speaker: "ancien ministre"),
    QuoteCase(name: "selon lui: the subject of the sentence before, after another speaker's quote", body: "Jean Dupont a déclaré : « Nous réclamons un cessez-le-feu. » Le porte-parole de l'armée, Pierre Martin, a rejeté ces accusations. Selon lui, l'armée « fait tout pour limiter les pertes ».", snippet: "fait tout pour limiter", speaker: "Pierre Martin", rule: "selon"),
    QuoteCase(name: "dit-il goes on with its speaker past a sentence about someone else", body: "« Nous partons », a déclaré Jean Dupont. Pierre Martin est arrivé ensuite. « Nous reviendrons », a-t-il ajouté.", snippet: "Nous reviendrons", speaker: "Jean Dupont", rule: "inverted-pronoun"),
    QuoteCase(name: "a fait savoir", body: "Jean Dupont a parlé le premier. « Nous n'avons rien à voir avec cela », a fait savoir Marie Durand sur Telegram.", snippet: "rien à voir", speaker: "Marie Durand", rule: "inverted-name"),
    QuoteCase(name: "an adverb of several words after the inverted verb", body: "Jean Dupont a parlé : « Tout va bien. » « C'est une farce », estime quant à lui l'ancien diplomate Pierre Martin, joint par téléphone.", snippet: "C'est une farce", speaker: "Pierre Martin", rule: "inverted-name"),
    QuoteCase(name: "par la voix de: the name speaks for the organisation", body: "Le Kremlin, par la voix de son porte-parole Dmitri Peskov, a affirmé que ces accusations étaient « absurdes ».", snippet: "absurdes", speaker: "Dmitri Peskov", rule: "cue-before"),
    QuoteCase(name: "coordinated verb keeps its subject", body: "Jean Dupont a déclaré à Pierre Martin que tout allait bien, mais a ajouté que « rien n'est joué ».", snippet: "rien n'est joué", speaker: "Jean Dupont"),
    QuoteCase(name: "participle keeps its subject", body: "Jean Dupont a annoncé sa candidature jeudi, précisant que « rien n'est joué ».", snippet: "rien n'est joué", speaker: "Jean Dupont"),
    QuoteCase(name: "pronoun goes to the compatible gender (elle)", body: "Marie Durand a rencontré Jean Dupont lundi. « C'était utile », a-t-elle déclaré.", snippet: "C'était utile", speaker: "Marie Durand"),
    QuoteCase(name: "pronoun goes to the compatible gender (il)", body: "Marie Durand a rencontré Jean Dupont lundi. « C'était utile », a-t-il déclaré.", snippet: "C'était utile", speaker: "Jean Dupont"),
    QuoteCase(name: "pronoun goes to the last speaker, not the last name", body: "Jean Dupont a estimé que Pierre Martin avait « tort ». « Il le sait », a-t-il ajouté.", snippet: "Il le sait", speaker: "Jean Dupont"),
    QuoteCase(name: "organisation as speaker, after", body: "« Nous démentons ces informations », a déclaré la Maison Blanche.", snippet: "Nous démentons", speaker: "Maison Blanche"),
    QuoteCase(name: "organisation as speaker, before", body: "Le Kremlin a affirmé que « rien n'a changé ».", snippet: "rien n'a changé", speaker: "Kremlin"),
    QuoteCase(name: "acronym organisation", body: "« La situation est grave », a indiqué l'ONU dans un communiqué.", snippet: "La situation est grave", speaker: "ONU"),
    QuoteCase(name: "name then verb after the quote", body: "« Oh non, encore la Russie. » Jean Dupont a déclaré, insistant sur le fait que rien n'avait changé.", snippet: "Oh non", speaker: "Jean Dupont", rule: "cue-after"),
    QuoteCase(name: "name, comma, verb after the quote", body: "« Je le connaissais bien », Jean Dupont a continué.", snippet: "Je le connaissais bien", speaker: "Jean Dupont", rule: "cue-after"),
    QuoteCase(name: "title M. and surname only", body: "« Je reste », a assuré M. Dupont.", snippet: "Je reste", speaker: "Dupont"),
    QuoteCase(name: "title Mme and surname only", body: "« Je reste », a assuré Mme Durand.", snippet: "Je reste", speaker: "Durand"),
    QuoteCase(name: "reflexive speech verb", body: "« Pourquoi pas ? » s'est interrogé Jean Dupont.", snippet: "Pourquoi pas", speaker: "Jean Dupont"),
    QuoteCase(name: "menacer as a cue", body: "Jean Dupont a menacé de laisser ses alliés « faire ce qu'ils veulent ».", snippet: "faire ce qu'ils veulent", speaker: "Jean Dupont"),
    QuoteCase(name: "ayant déclaré: the subject before the participle", body: "Le parti reste prudent, Jean Dupont ayant récemment déclaré que Pierre Martin n'avait « pas de baguette magique ».", snippet: "pas de baguette magique", speaker: "Jean Dupont"),
    QuoteCase(name: "a quote nobody said stays without a speaker", body: "Le texte évoque un « compromis » entre les partis.", snippet: "compromis", speaker: nil),
    QuoteCase(name: "quote of an unnamed group stays without a speaker", body: "Certains médias, dont CNN, ont suggéré que c'était « simplement du trolling ».", snippet: "simplement du trolling", speaker: nil),
    QuoteCase(name: "pour + name + party in parentheses", body: "Le scrutin a eu lieu mardi. Pour Raphaël Glucksmann (Place publique), « l'Europe doit enfin devenir adulte ».", snippet: "devenir adulte", speaker: "Raphaël Glucksmann", rule: "selon"),
    QuoteCase(name: "two phrases of place between the inverted verb and its subject, one opened by 'dans'", body: "Le débat a repris mardi. « C'est une capitulation déguisée », estime dans un entretien au JDD l'ancien ambassadeur Gérard Araud.", snippet: "capitulation déguisée", speaker: "Gérard Araud", rule: "inverted-name"),
    QuoteCase(name: "an elided word opening the sentence is no surname", body: "La réunion a duré trois heures.\n\nC'est alors que Jean Dupont a déclaré : « Nous ne céderons pas ».", snippet: "ne céderons pas", speaker: "Jean Dupont", rule: "colon"),
    QuoteCase(name: "comme l'a rappelé X", body: "Le débat a repris mardi. Comme l'a rappelé Jean Dupont devant les députés, « rien n'est joué ».", snippet: "rien n'est joué", speaker: "Jean Dupont", rule: "selon"),
    QuoteCase(name: "a clause after a comma with its own subject has the quote, not the verb of the clause before", body: "Le débat a repris mardi. Si Kamala Harris juge ce discours « dangereux », le chancelier allemand Olaf Scholz parle plutôt d'une « illusion ».", snippet: "illusion", speaker: "Olaf Scholz", rule: "sentence-subject"),
    QuoteCase(name: "a participle clause between commas is no new clause", body: "Le débat a repris mardi. Jean Dupont a dénoncé, le président étant absent, une « mascarade ».", snippet: "mascarade", speaker: "Jean Dupont", rule: "cue-before"),
    QuoteCase(name: "a speech verb of the press, -yer written with i", body: "Washington accuse Moscou. « Ce sont des inventions », balaie Dmitri Peskov, le porte-parole du Kremlin.", snippet: "des inventions", speaker: "Dmitri Peskov", rule: "inverted-name"),
    QuoteCase(name: "a reflexive speech verb of the press", body: "Le rapport a été publié jeudi. « C'est du grand n'importe quoi », s'amuse Marine Le Pen.", snippet: "grand n'importe quoi", speaker: "Marine Le Pen", rule: "inverted-name"),
    QuoteCase(name: "a quote whose own cue names nobody the rules read is not the previous speaker's", body: "« On ne va pas se laisser faire », prévient Gabriel Attal.\n\n« Ce n'est que le début », tranche le numéro deux.", snippet: "que le début", speaker: "le numéro deux", rule: "inverted-unnamed"),
    QuoteCase(name: "after its own speech verb, a quote is nobody's rather than the previous speaker's", body: "« On ne va pas se laisser faire », prévient Gabriel Attal.\n\n« Ce n'est que le début », lâche quelqu'un dans la salle.", snippet: "que le début", speaker: nil),
    QuoteCase(name: "a known first name before a common noun is a name", body: "Le sommet s'ouvre lundi. « Ce n'est que le début », pointe Camille Grand, ancien secrétaire général adjoint de l'Otan.", snippet: "que le début", speaker: "Camille Grand", rule: "inverted-name"),
    QuoteCase(name: "a surname with its particles after the speech verb", body: "Marie Da Silva et Minh de La Tour se sont exprimés lundi.\n\n« Il est trop tôt pour conclure », a précisé de La Tour aux journalistes.", snippet: "trop tôt pour conclure", speaker: "Minh de La Tour", rule: "inverted-name"),
    QuoteCase(name: "a surname the dossier does not know, after the speech verb", body: "La réunion a duré trois heures. « Je n'ai jamais dit cela », a reconnu Fernández devant les députés.", snippet: "jamais dit cela", speaker: "Fernández", rule: "inverted-name"),
    QuoteCase(name: "d'après + a surname alone, with its particles", body: "La réunion a duré trois heures. D'après de La Tour, « le temps presse ».", snippet: "le temps presse", speaker: "de La Tour", rule: "selon"),
    QuoteCase(name: "a pronoun goes on with a speaker known by a surname alone", body: "La réunion a duré trois heures. « Il est trop tôt », a expliqué Morin aux journalistes. « Cette décision est injuste », a-t-elle dit.", snippet: "décision est injuste", speaker: "Morin", rule: "inverted-pronoun"),
    QuoteCase(name: "a continuing verb after a sentence that opens the paragraph and brings someone in", body: "« Nous verrons bien », a dit Pedro Bianchi.\n\nSergueï Fernández, le maire de Vladivostok, s'est exprimé vendredi. « Ce sera long », a-t-il insisté.", snippet: "Ce sera long", speaker: "Sergueï Fernández", rule: "inverted-pronoun"),
    QuoteCase(name: "a continuing verb in the paragraph of the latest speaker goes on with that speaker", body: "« Nous verrons bien », a dit Pedro Bianchi. Sergueï Fernández était absent. « Ce sera long », a-t-il ajouté.", snippet: "Ce sera long", speaker: "Pedro Bianchi", rule: "inverted-pronoun"),
    QuoteCase(name: "a surname the dossier does not know, before a speech verb and 'que'", body: "La réunion a duré trois heures.\n\nLemaire a insisté que « le plus dur reste à faire ».", snippet: "le plus dur", speaker: "Lemaire", rule: "cue-before"),
    QuoteCase(name: "capitalised particles that open the sentence are the name's", body: "Minh de La Tour est arrivé lundi.\n\nDe La Tour a martelé que « nous restons ouverts au dialogue ».", snippet: "ouverts au dialogue", speaker: "Minh de La Tour", rule: "cue-before"),
    QuoteCase(name: "a pronoun after a sentence whose subject is a surname alone", body: "« Nous verrons bien », a dit Pedro Bianchi.\n\nGuérin s'est exprimée mardi. « Nous restons ouverts », a-t-elle assuré.", snippet: "Nous restons ouverts", speaker: "Guérin", rule: "inverted-pronoun"),
    QuoteCase(name: "the pronoun's gender tells apart two people of one surname", body: "Claire Morin et Viktor Morin sont à Washington. Le sommet s'ouvre lundi. Les discussions seront longues. Les marchés attendent. Rien n'est joué. La presse est nombreuse.\n\n« Il est trop tôt », a expliqué Morin aux journalistes. « Cette décision est injuste », a-t-elle dit.", snippet: "décision est injuste", speaker: "Claire Morin", rule: "inverted-pronoun"),
    QuoteCase(name: "a capitalised word opening a sentence before a preposition is no subject", body: "La réunion a duré trois heures.\n\nFace à la crise, Jean Dupont a déclaré : « Rien n'est décidé ».", snippet: "Rien n'est décidé", speaker: "Jean Dupont", rule: "colon"),
    QuoteCase(name: "a pronoun goes on with an institution that just spoke, not an older person", body: "« Nous avons pris acte », a déclaré Vladimir Poutine lundi.\n\n« Ces sanctions sont illégales », a indiqué le Kremlin dans un communiqué. « Elles ne resteront pas sans réponse », a-t-il ajouté.", snippet: "sans réponse", speaker: "Kremlin", rule: "inverted-pronoun"),
    QuoteCase(name: "a role with a complement that nobody holds is no speaker of three sentences before", body: "« Nous ne serons pas naïfs », a déclaré Emmanuel Macron. Le ministre des Armées, Sébastien Lecornu, a évoqué des « opérations sophistiquées ». « Nous avons identifié un réseau », explique son chef, Marc Brillant.\n\nÀ Moscou, le porte-parole du Kremlin a jugé ces propos « absurdes ».", snippet: "absurdes", speaker: "le porte-parole du Kremlin", rule: "cue-before"),
    QuoteCase(name: "a relation is no office: the running mate of the sentence before is the senator", body: "« Je réglerai ça en 24 heures », a assuré Donald Trump. Son colistier, JD Vance, a tenu des propos similaires. « Ce n'est pas notre guerre », a déclaré le sénateur de l'Ohio.", snippet: "notre guerre", speaker: "JD Vance", rule: "inverted-role"),
    QuoteCase(name: "a phrase with 'en' between the inverted verb and its subject", body: "La campagne entre dans sa dernière semaine.\n\n« C'est une opération de grande ampleur », a soutenu en entrevue Darren Linvill, codirecteur du Media Forensics Hub.", snippet: "grande ampleur", speaker: "Darren Linvill", rule: "inverted-name"),
    QuoteCase(name: "a phrase with 'en' of three words between the inverted verb and a role", body: "La campagne entre dans sa dernière semaine.\n\n« Nous sommes prêts », a assuré en conférence de presse le ministre Jean Dupont.", snippet: "Nous sommes prêts", speaker: "Jean Dupont", rule: "inverted-name"),
    QuoteCase(name: "a relative clause between the subject and the verb names no speaker", body: "La séance a duré trois heures.\n\nJean Dupont, qui dirige le Parti socialiste, a estimé que « rien n'est fait ».", snippet: "rien n'est fait", speaker: "Jean Dupont", rule: "cue-before"),
    QuoteCase(name: "'ce dernier' is the person named last", body: "« Nous n'avons rien à voir avec cela », a assuré l'ambassadeur Anatoli Antonov dans un communiqué. Ce dernier a ajouté que la Russie « respecte le choix du peuple américain ».", snippet: "respecte le choix", speaker: "Anatoli Antonov", rule: "cue-before"),
    QuoteCase(name: "'cette dernière' is the woman named last", body: "La réunion a duré trois heures. Marie Curie a rencontré Paul Durand jeudi. Cette dernière a affirmé que tout allait « très bien ».", snippet: "très bien", speaker: "Marie Curie", rule: "cue-before"),
    QuoteCase(name: "'ce dernier' before a noun names nobody", body: "La réunion a duré trois heures. Paul Durand était présent. Ce dernier sondage affirme que la course est « serrée ».", snippet: "serrée", speaker: nil),
    QuoteCase(name: "'le chef de l'État' may be the president the article named, not a person named since", body: "« Je le félicite », a déclaré le président russe Vladimir Poutine. Le dirigeant russe a ajouté que le comportement de Donald Trump l'avait impressionné. « Il s'est montré courageux », a noté le chef de l'État.", snippet: "montré courageux", speaker: "Vladimir Poutine", rule: "inverted-role"),
    QuoteCase(name: "roles are compared without their accents: 'l'Etat' is 'l'État'", body: "« Je le félicite », a déclaré le président russe Vladimir Poutine. Le dirigeant russe a ajouté que le comportement de Donald Trump l'avait impressionné. « Il s'est montré courageux », a noté le chef de l'Etat.", snippet: "montré courageux", speaker: "Vladimir Poutine", rule: "inverted-role"),
    QuoteCase(name: "institutions named together speak together", body: "La séance a duré trois heures.\n\nLe FBI, l'ODNI et la CISA ont affirmé que des acteurs russes « fabriquent des vidéos ».", snippet: "fabriquent des vidéos", speaker: "FBI, ODNI et CISA", rule: "cue-before"),
    QuoteCase(name: "an institution after another clause's is no list", body: "La séance a duré trois heures.\n\nLe FBI a enquêté, et la CISA a affirmé que tout était « faux ».", snippet: "faux", speaker: "CISA", rule: "cue-before"),
    QuoteCase(name: "a pronoun goes on with the speaker of a reported sentence, named after its role and complement", body: "« Nous allons gagner », lance JD Vance à Palm Beach. Kamala Harris ne s'exprimera pas ce soir, a annoncé son directeur de campagne Cedric Richmond. « Nous avons encore des votes à compter », a-t-il déclaré.", snippet: "votes à compter", speaker: "Cedric Richmond", rule: "inverted-pronoun"),
    QuoteCase(name: "a noun that may name a thing is no mark of a name when words stand between it and the quote", body: "La séance a duré trois heures.\n\nLa campagne a dénoncé « des propos absurdes et mensongers ».", snippet: "absurdes et mensongers", speaker: nil),
    QuoteCase(name: "the clause of a participle that opens the sentence holds no subject", body: "La séance a duré trois heures.\n\nInterrogé pour savoir si Donald Trump l'appellerait, Vladimir Poutine a répondu : « Je ne suis pas contre. »", snippet: "pas contre", speaker: "Vladimir Poutine", rule: "colon"),
    QuoteCase(name: "a role with a complement that nobody holds is no person only named in the sentence before", body: "Le président ukrainien Volodymyr Zelensky a rencontré Donald Trump. « La guerre doit s'arrêter », a déclaré M. Zelensky.\n\nIoulia Navalnaïa a exhorté les dirigeants à ne pas faire confiance à Vladimir Poutine.\n\nLe candidat républicain a vanté sa « très bonne relation » avec M. Zelensky.", snippet: "très bonne relation", speaker: "Le candidat républicain"),
    QuoteCase(name: "words reported after 'que' by a phrase that names nobody are not the main clause's subject's", body: "La séance a duré trois heures.\n\nKamala Harris a rappelé que son adversaire avait qualifié Vladimir Poutine de « génie ».", snippet: "génie", speaker: "son adversaire", rule: "cue-before"),
    QuoteCase(name: "an electoral commission named by its common noun speaks", body: "La séance a duré trois heures.\n\n« Le scrutin s'est déroulé dans le calme », a estimé la commission électorale centrale.", snippet: "dans le calme", speaker: "commission électorale", rule: "inverted-name"),
    QuoteCase(name: "the sentence after a quote may say whose words they were", body: "La réunion a duré trois heures.\n\n« RT n'est plus un simple média. » C'est en ces termes que le secrétaire d'État Antony Blinken a justifié vendredi les sanctions.", snippet: "simple média", speaker: "Antony Blinken", rule: "next-sentence"),
    QuoteCase(name: "the sentence after a quote may say whose words they were, with a curly apostrophe", body: "La réunion a duré trois heures.\n\n« RT n’est plus un simple média. » C’est ainsi que Jean Dupont a justifié les sanctions.", snippet: "simple média", speaker: "Jean Dupont", rule: "next-sentence"),
    QuoteCase(name: "a speech verb in the future reports nobody's words: the 'selon' that opens the sentence does", body: "« Nous attendrons », a dit Dmitri Peskov.\n\nSelon le porte-parole, Moscou jugera la nouvelle administration sur ses « actes concrets ».", snippet: "actes concrets", speaker: "Dmitri Peskov", rule: "selon"),
    QuoteCase(name: "a role's complement may open on 'à' before its holder's name", body: "« Nous verrons », a dit Dmitri Peskov.\n\nL'ancien conseiller à la sécurité nationale John Bolton, devenu un critique de M. Trump, a jugé cette perspective « inquiétante ».", snippet: "inquiétante", speaker: "John Bolton", rule: "cue-before"),
    QuoteCase(name: "the voice an institution speaks through is the sentence's subject", body: "La séance a duré trois heures.\n\nLe Kremlin, par la voix de Dmitri Peskov, a rejeté des accusations « fantaisistes ».", snippet: "fantaisistes", speaker: "Dmitri Peskov", rule: "sentence-subject"),
    QuoteCase(name: "a pronoun goes on with an unnamed speaker, not an older one", body: "« Nous partons », a dit Jean Dupont. « Le plan est prêt », a dit un proche du président. « Nous irons jusqu'au bout », a-t-il ajouté.", snippet: "jusqu'au bout", speaker: "un proche du président", rule: "inverted-pronoun"),
]

let englishCases: [QuoteCase] = [
    QuoteCase(name: "a role after two qualifying words, past a relative clause, is the unnamed speaker", body: "The administration announced sanctions on Wednesday. A senior administration official, who spoke on condition of anonymity to discuss internal deliberations, said the measures were \"just the beginning.\"", snippet: "just the beginning", speaker: "A senior administration official", rule: "cue-before", language: "en"),
    QuoteCase(name: "a word a preposition governs is no lone surname before the verb", body: "Moscow will try to exploit the transition. Ukraine's Foreign Ministry and the Kyiv School of Economics warned of \"dangerous illusions\".", snippet: "dangerous illusions", speaker: "Kyiv School", rule: "cue-before", language: "en"),
    QuoteCase(name: "a sentence-initial name followed by who is a person", body: "Elon Musk will co-lead the department. Vivek Ramaswamy, who will co-lead it with Musk, told Fox News that the pair would work \"outside of government.\"", snippet: "outside of government", speaker: "Vivek Ramaswamy", rule: "cue-before", language: "en"),
    QuoteCase(name: "a hyphenated role before the name", body: "President-elect Donald Trump announced his pick on Wednesday. \"He will be a strong advocate,\" Trump said.", snippet: "strong advocate", speaker: "Donald Trump", rule: "cue-after", language: "en"),
    QuoteCase(name: "name of a state, then the verb", body: "Marco Rubio was named on Wednesday. \"Marco is a serious person,\" Sen. Lindsey Graham of South Carolina told CNN.", snippet: "serious person", speaker: "Lindsey Graham", rule: "cue-after", language: "en"),
    QuoteCase(name: "apposition between the name and the verb", body: "Marco Rubio was named on Wednesday. \"I think he's a good choice,\" John Fetterman, a Democrat from Pennsylvania, said.", snippet: "good choice", speaker: "John Fetterman", rule: "cue-after", language: "en"),
    QuoteCase(name: "a crosshead that repeats a quote has the quote's speaker", body: "Not everyone is convinced.\n\n'They don't need you to believe it'\n\n\"They don't need you to believe it,\" Clint Watts said. \"They need you to doubt everything else.\"", snippet: "They don't need you to believe it", speaker: "Clint Watts", rule: "repeated", language: "en"),
    QuoteCase(name: "a name the first-name list does not know, after a straight closing quote", body: "Not everyone agrees.\n\n\"Measuring exposure is not measuring effect,\" Darren Linvill said.", snippet: "Measuring exposure", speaker: "Darren Linvill", rule: "cue-after", language: "en"),
    QuoteCase(name: "a definite role repeats the unnamed speaker an indefinite one brought in", body: "Donald Trump spoke of \"massive cheating\" on Tuesday. Asked about it, a senior FBI official said the bureau was tracking \"several bomb threats\". \"Many of them appear to originate from Russian email domains,\" the official said.", snippet: "Russian email domains", speaker: "a senior FBI official", rule: "cue-after", language: "en"),
    QuoteCase(name: "'as' opening a clause before a name is no preposition", body: "But intimidation was never the point. As Nina Jankowicz, a disinformation researcher, put it to me last week: \"The goal is exhaustion.\"", snippet: "The goal is exhaustion", speaker: "Nina Jankowicz", rule: "colon", language: "en"),
    QuoteCase(name: "the colon ends the clause of a speech verb with a subject of its own", body: "Moscow spent little. The campaign was relentless, as Clint Watts told reporters: \"They need you to doubt everything.\"", snippet: "doubt everything", speaker: "Clint Watts", rule: "colon", language: "en"),
    QuoteCase(name: "a possessor in an apposition before the verb is no subject", body: "The Kremlin has consistently denied any involvement. Dmitry Peskov, Vladimir Putin's spokesman, dismissed the accusations last month as \"baseless\".", snippet: "baseless", speaker: "Dmitry Peskov", rule: "cue-before", language: "en"),
    QuoteCase(name: "a quote that ends its sentence is not the next verb's when that verb quotes", body: "A decade ago, officials in Washington told me it was a \"fringe problem.\" One senior diplomat assured me that \"nobody believes RT.\"", snippet: "fringe problem", speaker: nil, language: "en"),
    QuoteCase(name: "'assured' is a speech verb", body: "A decade ago, officials shrugged. One senior diplomat assured me that \"nobody believes RT.\"", snippet: "nobody believes", speaker: "One senior diplomat", rule: "cue-before", language: "en"),
    QuoteCase(name: "said + name", body: "\"We will not give up,\" said John Smith.", snippet: "We will not give up", speaker: "John Smith", rule: "inverted-name", language: "en"),
    QuoteCase(name: "name + said", body: "\"We will not give up,\" John Smith said.", snippet: "We will not give up", speaker: "John Smith", rule: "cue-after", language: "en"),
    QuoteCase(name: "he said", body: "John Smith arrived late on Monday. \"We will not give up,\" he said.", snippet: "We will not give up", speaker: "John Smith", rule: "cue-after", language: "en"),
    QuoteCase(name: "she added", body: "Jane Doe spoke after him. \"It is a mistake,\" she added.", snippet: "It is a mistake", speaker: "Jane Doe", rule: "cue-after", language: "en"),
    QuoteCase(name: "name said: quote", body: "John Smith said: \"We will not give up.\"", snippet: "We will not give up", speaker: "John Smith", language: "en"),
    QuoteCase(name: "according to", body: "According to Jane Doe, \"the plan is dead\".", snippet: "the plan is dead", speaker: "Jane Doe", rule: "selon", language: "en"),
    QuoteCase(name: "told reporters, partial quote", body: "John Smith told reporters that the plan was \"dead on arrival\".", snippet: "dead on arrival", speaker: "John Smith", language: "en"),
    QuoteCase(name: "organisation, said that", body: "The White House said that \"nothing has changed\".", snippet: "nothing has changed", speaker: "White House", language: "en"),
    QuoteCase(name: "described as", body: "John Smith spoke on Monday. He described the deal as \"a disaster\".", snippet: "a disaster", speaker: "John Smith", language: "en"),
    QuoteCase(name: "continuation after said + name, apposition", body: "\"We will not back down,\" said Senator Jane Whitmore, a Democrat from Oregon. \"This is about our credibility.\"", snippet: "This is about our credibility", speaker: "Jane Whitmore", rule: "continuation", language: "en"),
    QuoteCase(name: "an indefinite role is someone new, in English", body: "John Smith said the plan was \"dead on arrival\". A senior official, who asked not to be named, said the talks were \"a mess\".", snippet: "a mess", speaker: "official", language: "en"),
    QuoteCase(name: "a pronoun tells the gender of a name the lexicon does not know", body: "Jane Whitmore spoke first. \"We will not back down,\" she said. Senator Brock Dalton, the chairman, answered her. \"Nothing is decided,\" said Dalton. \"We will see,\" he added. \"It is a shame,\" she said later.", snippet: "It is a shame", speaker: "Whitmore", language: "en"),
    QuoteCase(name: "organisation and role before the name, colon", body: "Asked about the report, Kremlin spokesman Dmitry Peskov said: “We don’t comment.”", snippet: "We don’t comment", speaker: "Dmitry Peskov", rule: "colon", language: "en"),
    QuoteCase(name: "organisation and role before the name, after the quote", body: "“We don’t comment,” Kremlin spokesman Dmitry Peskov said.", snippet: "We don’t comment", speaker: "Dmitry Peskov", rule: "cue-after", language: "en"),
    QuoteCase(name: "organisation and role before the name, inverted", body: "“We don’t comment,” said Kremlin spokesman Dmitry Peskov.", snippet: "We don’t comment", speaker: "Dmitry Peskov", rule: "inverted-name", language: "en"),
    QuoteCase(name: "a relative clause with a month abbreviation between subject and verb", body: "Donald Trump, who takes office on Jan. 20, has said he could end the war \"in 24 hours,\" though he has not said how.", snippet: "in 24 hours", speaker: "Donald Trump", rule: "cue-before", language: "en"),
    QuoteCase(name: "\"on\" is no pronoun in English", body: "Volodymyr Zelenskiy, who spoke to Donald Trump on Wednesday, said the call was \"excellent.\"", snippet: "excellent", speaker: "Volodymyr Zelenskiy", rule: "cue-before", language: "en"),
    QuoteCase(name: "continuation after a cue with a name as its object", body: "“He's a smart man,” Donald Trump said of Vladimir Putin during the campaign. “We got along very well.”", snippet: "We got along", speaker: "Donald Trump", rule: "continuation", language: "en"),
    QuoteCase(name: "a role with \"of\" before the name, and a capitalised \"States\" that is no verb", body: "Secretary of State Antony Blinken, who was in London, said the United States would \"adjust as necessary.\"", snippet: "adjust as necessary", speaker: "Antony Blinken", rule: "cue-before", language: "en"),
    QuoteCase(name: "curly quotes, said + title", body: "“We are ready,” said Mr. Smith.", snippet: "We are ready", speaker: "Smith", language: "en"),
    QuoteCase(name: "a party and state in parentheses, with periods, between the name and the verb", body: "The vote came late on Monday. Senate Majority Leader Chuck Schumer (D-N.Y.) called the vote \"a historic moment.\"", snippet: "historic moment", speaker: "Chuck Schumer", rule: "cue-before", language: "en"),
    QuoteCase(name: "a surname alone opening the sentence before a colon", body: "The vote came late on Monday. Trump wrote on Truth Social that the aid should be a loan, adding: \"We should never give money anymore.\"", snippet: "never give money", speaker: "Trump", rule: "colon", language: "en"),
    QuoteCase(name: "but as X, an apposition, has put it", body: "Musk has gutted the safety team. But as Renée DiResta, a former research manager at the Stanford Internet Observatory, has put it, “there is no algorithm for trust”.", snippet: "no algorithm for trust", speaker: "Renée DiResta", rule: "selon", language: "en"),
    QuoteCase(name: "the nationality before an English role", body: "Vladimir Putin has noticed. In a speech in Sochi this month, the Russian president mocked American democracy as “a circus where the clowns change and the show stays the same”.", snippet: "a circus where", speaker: "Vladimir Putin", rule: "cue-before", language: "en"),
    QuoteCase(name: "the one told is no cue between two quotes", body: "The meeting lasted an hour. “Putin is not going to stop,” Zelenskyy told CNN's Fareed Zakaria in an interview that aired Sunday. “He wants all of Ukraine.”", snippet: "all of Ukraine", speaker: "Zelenskyy", rule: "continuation", language: "en"),
    QuoteCase(name: "a place before a known first name ends there", body: "Was he joking? Former US ambassador to Moscow Michael McFaul said on X that nobody should take the Russian leader's words “at face value”. “It's classic Putin trolling,” he wrote.", snippet: "classic Putin trolling", speaker: "Michael McFaul", rule: "cue-after", language: "en"),
    QuoteCase(name: "a role of the lexicon in capitals before a known first name", body: "The company has not been charged. Commentator Tim Pool, one of the influencers, wrote that he and others were “victims”.", snippet: "victims", speaker: "Tim Pool", rule: "cue-before", language: "en"),
    QuoteCase(name: "one official, as written, and his request for anonymity is no cue", body: "Operatives paid a media company. \"This was a sophisticated laundering operation,\" said one U.S. official, who asked not to be named because the investigation is ongoing. \"The influencers were the last link in a long chain.\"", snippet: "last link", speaker: "one U.S. official", rule: "continuation", language: "en"),
    QuoteCase(name: "as X put it", body: "The rally ended late. As Donald Trump put it at a rally in Pennsylvania, “Putin respects me.”", snippet: "Putin respects me", speaker: "Donald Trump", rule: "selon", language: "en"),
    QuoteCase(name: "a quote shouted in capitals is speech", body: "The rally ended late. Donald Trump posted on Truth Social: “KAMALA IS WEAK ON RUSSIA!”", snippet: "WEAK ON RUSSIA", speaker: "Donald Trump", rule: "colon", language: "en"),
    QuoteCase(name: "a speech verb of the press, inverted", body: "The charges came on Wednesday. \"This is only the beginning,\" cautioned Attorney General Merrick Garland.", snippet: "only the beginning", speaker: "Merrick Garland", rule: "inverted-name", language: "en"),
    QuoteCase(name: "a speech verb of the press, after the name", body: "The charges came on Wednesday. \"It is a witch hunt,\" Margarita Simonyan quipped on Telegram.", snippet: "witch hunt", speaker: "Margarita Simonyan", rule: "cue-after", language: "en"),
    QuoteCase(name: "a known first name before a place is a name", body: "The charges came on Wednesday. \"They lied to the American people,\" said Lisa Monaco.", snippet: "American people", speaker: "Lisa Monaco", rule: "inverted-name", language: "en"),
    QuoteCase(name: "a role and its qualifiers without a determiner before the name", body: "The hearing lasted three hours. \"It was a dark day,\" recalled former FBI agent Peter Strzok.", snippet: "dark day", speaker: "Peter Strzok", rule: "inverted-name", language: "en"),
    QuoteCase(name: "a capitalised party before the role, without a determiner", body: "The hearing lasted three hours. \"It was a bad day,\" said longtime Republican strategist Karl Rove.", snippet: "bad day", speaker: "Karl Rove", rule: "inverted-name", language: "en"),
    QuoteCase(name: "a surname the dossier does not know, before the verb", body: "The hearing lasted three hours. \"We are ready,\" Fernandez said.", snippet: "We are ready", speaker: "Fernandez", rule: "cue-after", language: "en"),
    QuoteCase(name: "a possessor before the subject is not the subject a pronoun goes back to", body: "\"We've seen this before,\" Adrian Fontes told reporters.\n\nGeorgia's top election official, Brad Raffensperger, was blunter. \"It's a lie,\" he said.", snippet: "It's a lie", speaker: "Brad Raffensperger", rule: "cue-after", language: "en"),
    QuoteCase(name: "a relative clause between the subject and the verb names no speaker", body: "The session lasted three hours.\n\nWhen Senator Mark Warner, who chairs the Intelligence Committee, warned last month that \"the Russians are back,\" few people listened.", snippet: "the Russians are back", speaker: "Mark Warner", rule: "cue-before", language: "en"),
    QuoteCase(name: "a name's apposition may open on a possessor", body: "The session lasted three hours.\n\n\"We are not talking about an unfriendly country,\" Dmitry Peskov, Vladimir Putin's spokesperson, told reporters on Wednesday.", snippet: "unfriendly country", speaker: "Dmitry Peskov", rule: "cue-after", language: "en"),
    QuoteCase(name: "institutions named together speak together", body: "The session lasted three hours.\n\n\"This Russian activity is part of Moscow's broader effort,\" the FBI, ODNI and CISA said in a joint statement.", snippet: "broader effort", speaker: "FBI, ODNI and CISA", rule: "cue-after", language: "en"),
    QuoteCase(name: "an institution named by its nationality, its role words and its head", body: "The session lasted three hours.\n\n\"We reject this,\" the Ukrainian Defence Ministry said.", snippet: "We reject this", speaker: "Ukrainian Defence Ministry", rule: "cue-after", language: "en"),
    QuoteCase(name: "an institution named by its role words and its head, before the verb", body: "The session lasted three hours.\n\nThe Foreign Ministry said the claims were \"absurd.\"", snippet: "absurd", speaker: "Foreign Ministry", rule: "cue-before", language: "en"),
    QuoteCase(name: "an apposition between the subject and the verb names no speaker, an institution in it neither", body: "The session lasted three hours.\n\nFormer Russian President Dmitry Medvedev, now deputy chairman of Russia's Security Council, said the victory could be \"useful for Russia.\"", snippet: "useful for Russia", speaker: "Dmitry Medvedev", rule: "cue-before", language: "en"),
    QuoteCase(name: "the clause of a participle that opens the sentence holds no subject", body: "\"They will not stop,\" said Antony Blinken.\n\nAsked whether President-elect Donald Trump would keep the sanctions, Joe Biden demurred. \"That's up to him,\" he said.", snippet: "up to him", speaker: "Joe Biden", rule: "cue-after", language: "en"),
    QuoteCase(name: "a long apposition after a surname, before the verb", body: "The session lasted three hours.\n\nGabriel Sterling has spent years on this. \"I knew within seconds it was fake,\" Sterling, the chief operating officer of Georgia's secretary of state's office, said in an interview.", snippet: "within seconds", speaker: "Gabriel Sterling", rule: "cue-after", language: "en"),
    QuoteCase(name: "an institution, its role noun and the holder's name after 'according to'", body: "The session lasted three hours.\n\nAccording to Clemson University researcher Patrick Warren, the video bore \"all the hallmarks\" of a Russian operation.", snippet: "all the hallmarks", speaker: "Patrick Warren", rule: "selon", language: "en"),
    QuoteCase(name: "words reported after 'that' by a phrase that names nobody are not the main clause's subject's", body: "The session lasted three hours.\n\nKamala Harris recalled that her opponent had called Vladimir Putin a \"genius.\"", snippet: "genius", speaker: "her opponent", rule: "cue-before", language: "en"),
    QuoteCase(name: "a board named by its common noun speaks", body: "The Bucks County Board of Elections had already said the video was fake. \"The materials in the video are clearly not authentic,\" the board said.", snippet: "clearly not authentic", speaker: "board", rule: "cue-after", language: "en"),
    QuoteCase(name: "a speech verb in the passive between two quotes is no cue of the second", body: "The session lasted three hours.\n\n\"You have given a lesson in democracy,\" Sandu said after the results were announced. \"Today, you saved Moldova.\"", snippet: "you saved Moldova", speaker: "Sandu", rule: "continuation", language: "en"),
    QuoteCase(name: "an institution named 'Head of the Name' is one speaker", body: "The session lasted three hours.\n\n\"Moscow is the most active threat,\" the Office of the Director of National Intelligence said.", snippet: "most active threat", speaker: "Office of the Director of National Intelligence", rule: "cue-after", language: "en"),
    QuoteCase(name: "an institution named 'Head for the Name' is one speaker", body: "The session lasted three hours.\n\n\"Russia is losing,\" the Institute for the Study of War said.", snippet: "Russia is losing", speaker: "Institute for the Study of War", rule: "cue-after", language: "en"),
    QuoteCase(name: "English puts the comma inside the marks: the quote has its own cue", body: "\"We will protect this election,\" said Kamala Harris.\n\n\"It was a bad day,\" said someone in the crowd.", snippet: "bad day", speaker: nil, language: "en"),
]

/// Quotation marks that are not speech.
let notSpeechCases: [(String, String)] = [
    ("un titre d'émission", "Il était l'invité de l'émission « Le Grand Jury » dimanche soir."),
    ("un livre intitulé", "Elle a publié un livre intitulé « Mémoires d'une ministre » au printemps."),
    ("un surnom", "Jean Dupont, surnommé « le Bulldozer », est arrivé en retard."),
    ("un slogan", "La foule reprenait le slogan « Liberté, égalité » sous la pluie."),
    ("des noms propres", "Il a cité l'émission télévisée « Moscou. Kremlin. Poutine », diffusée dimanche."),
    ("des apostrophes seulement", "L’agence a publié l’information aujourd’hui, d’après l’AFP."),
    ("a TV show, in English", "He appeared on the show \"Meet the Press\" on Sunday."),
    ("le nom d'un réseau", "Le chercheur Darren Linvill rattache ces vidéos au réseau « Storm-1516 » depuis des mois."),
    ("an English name before its noun", "This year, the Justice Department seized 32 domains used by the \"Doppelganger\" operation."),
    ("le nom d'un réseau après sa nationalité", "Le réseau russe « Doppelgänger », qui usurpe l'identité de médias occidentaux, reste actif."),
    ("le nom d'une campagne après son complément", "La campagne de désinformation « Matriochka » vise les rédactions françaises."),
]

@Suite("Quotations and speakers")
struct QuoteTests {
    @Test("French cases", arguments: frenchCases)
    func french(_ c: QuoteCase) throws {
        try check(c)
    }

    @Test("English cases", arguments: englishCases)
    func english(_ c: QuoteCase) throws {
        try check(c)
    }

    func check(_ c: QuoteCase) throws {
        let out = extract(["Titre de l'article de test\n\n" + c.body], language: c.language)
        let q = try #require(out.quotes.first { $0.text.contains(c.snippet) }, "no quote containing «\(c.snippet)» in \(out.quotes.map(\.text))")
        if let expected = c.speaker {
            #expect(q.speakerName?.contains(expected) == true, "speaker \(q.speakerName ?? "nil") by \(q.evidence.rule), want \(expected)")
        } else {
            #expect(q.speakerName == nil, "speaker \(q.speakerName ?? "") by \(q.evidence.rule), want none")
        }
        if let rule = c.rule { #expect(q.evidence.rule == rule) }
        if c.speaker != nil {
            #expect(q.evidence.confidence > 0)
            #expect(!q.evidence.rule.isEmpty && q.evidence.rule != "none")
        }
    }

    @Test("an unnamed role's label ends before an adverb or a day, not before what qualifies the role")
    func roleLabelEnds() {
        let fr = extract(["Titre de l'article de test\n\nLa réunion a duré trois heures.\n\n« Nous sommes prêts », a déclaré un diplomate européen jeudi.\n\n« Rien n'est joué », a affirmé un expert également présent.\n\n« Tout est ouvert », a estimé un diplomate très proche du Kremlin.\n"])
        #expect(speaker(of: "Nous sommes prêts", in: fr) == "un diplomate européen")
        #expect(speaker(of: "Rien n'est joué", in: fr) == "un expert")
        #expect(speaker(of: "Tout est ouvert", in: fr) == "un diplomate très proche du Kremlin")
        let en = extract(["Test title\n\nThe session lasted three hours.\n\n\"We are ready,\" a Western diplomat later told reporters.\n\nAs a former Mauritian official once told me, \"We are the laboratory.\"\n\n\"It is over,\" a senior official also said.\n"], language: "en")
        #expect(speaker(of: "We are ready", in: en) == "a Western diplomat")
        #expect(speaker(of: "the laboratory", in: en) == "a former Mauritian official")
        #expect(speaker(of: "It is over", in: en) == "a senior official")
        // English says where the role is held with "in" or "at".
        let held = extract(["Test title\n\nThe session lasted three hours.\n\nA source in the Ukrainian government told reporters that the campaign would intensify \"in the last days.\"\n\n\"It is coordinated,\" an analyst at the Atlantic Council said.\n"], language: "en")
        #expect(speaker(of: "the last days", in: held) == "A source in the Ukrainian government")
        #expect(speaker(of: "It is coordinated", in: held) == "an analyst at the Atlantic Council")
    }

    @Test("an organisation has one label, with or without a determiner before it")
    func organisationLabel() {
        let out = extract(["Titre de l'article de test\n\nLe Kremlin a affirmé que « rien n'a changé ». Selon le Kremlin, « tout est clair ». « Nous démentons », a déclaré la Maison Blanche.\n"])
        #expect(speaker(of: "rien n'a changé", in: out) == "Kremlin")
        #expect(speaker(of: "tout est clair", in: out) == "Kremlin")
        #expect(speaker(of: "Nous démentons", in: out) == "Maison Blanche")
    }

    @Test("quotation marks around a title, a name or a slogan are not speech", arguments: notSpeechCases)
    func notSpeech(_ c: (String, String)) {
        let out = extract(["Titre de l'article de test\n\n" + c.1])
        #expect(out.quotes.isEmpty, "\(c.0): \(out.quotes.map(\.text))")
    }

    @Test("straight single quotes are quotation marks; an apostrophe, an elision and a plural's possessive are not")
    func straightSingleQuotes() {
        func spans(_ line: String) -> [String] {
            let s = Array(line.unicodeScalars)
            return QuoteSpans.find(in: line).map { String(String.UnicodeScalarView(s[$0.start..<$0.end])) }
        }
        #expect(spans("'We have no illusions,' he said, adding that Washington's elites were 'deeply anti-Russian'.")
                == ["We have no illusions,", "deeply anti-Russian"])
        #expect(spans("'The officials' claims are false,' he said.") == ["The officials' claims are false,"])
        #expect(spans("The officials' claims were called 'baseless' on Monday.") == ["baseless"])
        #expect(spans("Prices were higher in the '90s, he said.").isEmpty)
        #expect(spans("Aujourd'hui, l'ambassade n'a pas répondu.").isEmpty)
        let out = extract(["Kremlin says it will judge Trump by his actions\n\n'We will draw conclusions based on concrete steps,' Kremlin spokesman Dmitry Peskov told reporters. 'The United States is an unfriendly country.'\n"], language: "en")
        #expect(out.quotes.map(\.text) == ["We will draw conclusions based on concrete steps,", "The United States is an unfriendly country."])
        #expect(out.quotes.allSatisfy { $0.speakerName == "Dmitry Peskov" })
    }

    @Test("an inverted pronoun that nobody before it fits is the one person the headline names, not one of two")
    func pronounOfTheHeadline() throws {
        let body = "\n\nLes ingérences russes ont-elles pesé sur l'élection ?\n\nIl est trop tôt pour le dire.\n\n« Nous devons être prêts pour les prochaines élections », insiste-t-il.\n"
        let one = try #require(extract(["Thierry Breton : « L'Europe n'a pas le droit d'être naïve »" + body]).quotes.last)
        #expect(one.speakerName == "Thierry Breton")
        #expect(one.evidence.rule == "inverted-pronoun")
        #expect(one.evidence.notes.contains { $0.contains("headline") })
        let two = try #require(extract(["Thierry Breton répond à Elon Musk : « L'Europe n'a pas le droit d'être naïve »" + body]).quotes.last)
        #expect(two.speakerName == nil)
    }

    @Test("a transcript's answers after a speaker's label are quotes; places before a colon and a lone label are not")
    func transcript() {
        let out = extract(["Dmitri Peskov sur la victoire de Trump\n\nQuestion : Le président compte-t-il féliciter Donald Trump ?\n\n"
            + "Dmitri Peskov : Je ne suis pas au courant de tels projets. N'oubliez pas que nous parlons d'un pays inamical.\n\n"
            + "Question : Attendez-vous un changement de politique ?\n\nDmitri Peskov : Nous jugerons sur les actes concrets.\n"])
        #expect(out.quotes.map(\.text) == ["Je ne suis pas au courant de tels projets. N'oubliez pas que nous parlons d'un pays inamical.",
                                           "Nous jugerons sur les actes concrets."])
        #expect(out.quotes.allSatisfy { $0.speakerName == "Dmitri Peskov" && $0.evidence.cue == "Dmitri Peskov :" })
        let places = extract(["La journée en bref\n\nMoscou : Les autorités ont annoncé lundi une enquête sur la fraude.\n\n"
            + "Kiev : Le gouvernement a dénoncé une nouvelle vague de frappes sur le réseau.\n"])
        #expect(places.quotes.isEmpty)
        let lone = extract(["Titre de l'article de test\n\nLe gouvernement a présenté mardi son projet de budget.\n\nJean Dupont : Je ne suis pas au courant de tels projets, a-t-on appris.\n"])
        #expect(lone.quotes.isEmpty)
    }

    @Test("'l'intéressé' and 'le principal intéressé' are the person the headline names, else the one named last")
    func personConcerned() throws {
        let body = "\n\nIl a dépensé plus de 100 millions de dollars pour la campagne.\n\nInterrogé par CNN, le sénateur démocrate Mark Warner a jugé que Musk « joue avec le feu ».\n\n"
            + "Le principal intéressé balaie ces critiques. « Les médias traditionnels vous mentent », a-t-il répété à plusieurs reprises.\n\nL'intéressé a démenti : « Je n'ai rien payé. »\n"
        let out = extract(["Elon Musk, l'allié encombrant" + body])
        #expect(out.quotes.map { $0.speakerName ?? "-" } == ["Mark Warner", "Elon Musk", "Elon Musk"])
        #expect(out.quotes.last?.evidence.notes.contains { $0.contains("headline") } == true)
        // Without a person in the headline: the person named last.
        let plain = extract(["Le milliardaire et la campagne" + body.replacingOccurrences(of: "Il a dépensé", with: "Elon Musk a dépensé")])
        #expect(plain.quotes.last?.speakerName == "Elon Musk")
        #expect(plain.quotes.last?.evidence.notes.contains { $0.contains("named last") } == true)
    }

    @Test("a quote that runs across paragraphs takes the speaker named in the next one")
    func acrossParagraphs() throws {
        let out = extract(["Titre\n\n« Nous avons tout essayé, tout tenté pendant des mois.\n\n« Rien n'a marché », a conclu Jean Dupont.\n"])
        let first = try #require(out.quotes.first { $0.text.contains("tout essayé") })
        #expect(first.speakerName == "Jean Dupont")
        #expect(first.evidence.rule == "continued-quote")
        #expect(first.evidence.notes.contains { $0.contains("missing") })
    }

    @Test("a recovered quote says so in its evidence")
    func recoveredMarkIsNoted() throws {
        let out = extract(["Titre\n\nNous resterons à l'écart des affaires des autres pays », a déclaré Jean Dupont.\n"])
        let q = try #require(out.quotes.first)
        #expect(q.evidence.notes.contains { $0.contains("opening") })
    }

    @Test("direct and partial quotes; reported speech is kept apart as indirect")
    func kinds() throws {
        let out = extract(["Titre\n\nJean Dupont a déclaré que la réforme serait retirée. Il a jugé le texte « mal écrit ». « Nous verrons », a-t-il ajouté.\n"])
        #expect(out.quotes.first { $0.text == "mal écrit" }?.kind == .partial)
        #expect(out.quotes.first { $0.text == "Nous verrons" }?.kind == .direct)
        let r = try #require(out.reported.first)
        #expect(r.kind == .indirect)
        #expect(r.text == "la réforme serait retirée")
        #expect(r.speakerName == "Jean Dupont")
        #expect(out.quotes.allSatisfy { $0.kind != .indirect })
    }

    @Test("a quote that ends its sentence is not given to the 'selon' or 'according to' that opens the next")
    func selonOpensTheNextSentence() throws {
        let fr = extract(["Titre de l'article\n\nMaria Zakharova a dénoncé « une pression sans précédent ». Selon Sergueï Lavrov, « rien ne changera ».\n"])
        #expect(speaker(of: "pression sans précédent", in: fr) == "Maria Zakharova")
        #expect(speaker(of: "rien ne changera", in: fr) == "Sergueï Lavrov")
        let en = extract(["Title of the test article\n\nMaria Zakharova said the campaign saw \"unprecedented pressure.\" According to Sergey Lavrov, \"nothing will change.\"\n"],
                         language: "en")
        #expect(speaker(of: "unprecedented pressure", in: en) == "Maria Zakharova")
        #expect(speaker(of: "nothing will change", in: en) == "Sergey Lavrov")
        // With a comma the "selon" goes with the quote before it.
        let after = extract(["Titre de l'article\n\nLe texte parle d'« une pression sans précédent », selon Sergueï Lavrov.\n"])
        #expect(speaker(of: "pression sans précédent", in: after) == "Sergueï Lavrov")
    }

    @Test("French speech verbs that are not of the first group are matched in their forms")
    func irregularSpeechVerbs() {
        for (verb, body) in [("renchérir", "« C'est inacceptable », a renchéri Jean Dupont."),
                             ("se réjouir", "« C'est une bonne nouvelle », s'est réjoui Jean Dupont."),
                             ("défendre", "« Nous avons eu raison », a défendu Jean Dupont.")] {
            #expect(quotes(body).first?.speakerName == "Jean Dupont", "\(verb)")
        }
        // The conjugated sections hold only verbs of their group (any other verb's forms are listed by
        // hand): an infinitive the conjugator cannot take would silently match nothing but itself.
        for inf in Lexicon.standard["fr.speech.er"] { #expect(Grammar.conjugate(inf).count > 20, "\(inf)") }
        for inf in Lexicon.standard["fr.speech.ir"] { #expect(Grammar.conjugateSecondGroup(inf).count > 20, "\(inf)") }
        #expect(Grammar.conjugate("défendre").isEmpty && Grammar.conjugateSecondGroup("se dire").isEmpty)
        // "-yer" writes "i" before a silent ending, and keeps "y" elsewhere.
        #expect(Set(["balaie", "balaye", "balayé", "balaiera", "appuie", "appuyait"]).isSubset(of: Grammar.conjugate("balayer") + Grammar.conjugate("appuyer")))
        let g = Grammar()
        for form in ["conclu", "poursuivi", "reconnu", "admis", "prévenu", "promis", "démenti", "décrit", "prédit", "défendu",
                     "garanti", "averti", "renchéri", "réjoui", "réjouie", "réagissait", "avertira", "renchérissaient"] {
            #expect(g.speechVerbs.contains(form), "\(form)")
        }
        // A feminine participle only for a reflexive verb: "des garanties" is a noun.
        #expect(!g.speechVerbs.contains("garanties") && !g.speechVerbs.contains("garantie"))
    }

    @Test("'Pour elle,' and 'For her,' open a view like 'selon lui'; an institution that completes a role is no part of the name after it")
    func viewpointPronouns() {
        let fr = extract(["Titre de l'article\n\nLa présidente de l'Assemblée Yaël Braun-Pivet a reçu les chefs de groupe. "
                          + "Pour elle, le texte doit être « amendé en profondeur ». Selon la Fondation Jean Jaurès, il est « trop tard ».\n"])
        #expect(speaker(of: "amendé", in: fr) == "Yaël Braun-Pivet")
        #expect(fr.people.first?.roles.first?.text == "présidente de l'Assemblée")
        // An institution named after a person is still one when no role comes before it.
        #expect(fr.quotes.first { $0.text == "trop tard" }?.speakerName == "Fondation Jean Jaurès")
        let en = extract(["Title of the article\n\nSenator Susan Collins was more cautious. For her, the nominees must be \"properly vetted.\" "
                          + "Senator Lisa Murkowski agreed. According to her, the process is \"broken.\"\n"], language: "en")
        #expect(speaker(of: "vetted", in: en) == "Susan Collins")
        #expect(speaker(of: "broken", in: en) == "Lisa Murkowski")
        // "According to her office, …": the office speaks, and "her" is no source of its own.
        let office = extract(["Title of the article\n\nSenator Susan Collins was absent on Tuesday. According to her office, the bill is \"dead on arrival.\"\n"],
                             language: "en")
        #expect(office.quotes.first?.evidence.cue != "According to her")
    }

    @Test("'le Premier ministre', capitalised as French typography has it, is a role before a name")
    func capitalisedPremier() {
        let out = extract(["Titre de l'article\n\n“Nous voulons un accord global d'ici l'été”, a déclaré jeudi le Premier ministre Michel Barnier devant les députés. "
                           + "« Rien n'est joué », a ajouté la Première ministre Élisabeth Borne.\n"])
        #expect(speaker(of: "accord global", in: out) == "Michel Barnier")
        #expect(speaker(of: "Rien n'est joué", in: out) == "Élisabeth Borne")
    }

    @Test("a description the lexicon does not know as a role may stand between a speech verb and the name")
    func descriptionBeforeName() {
        let out = extract(["Titre de l'article\n\n« C'est une faute politique », déplore l'essayiste libéral Raphaël Enthoven. "
                           + "« Tout reste possible », estime un proche du dossier.\n"])
        #expect(speaker(of: "faute politique", in: out) == "Raphaël Enthoven")
        // Without a name in it, the role and its complement stay the unnamed speaker.
        let unnamed = out.quotes.first { $0.text == "Tout reste possible" }
        #expect(unnamed?.speaker == nil && unnamed?.speakerName == "un proche du dossier")
    }

    @Test("a role noun without a determiner between a quote and its speaker's name")
    func roleBeforeNameAfterQuote() {
        for cue in ["spokesman Dmitry Peskov said", "Kremlin spokesman Dmitry Peskov said"] {
            let out = extract(["Title of the test article\n\nThe Kremlin rejected the accusations. \"We categorically reject them,\" \(cue).\n"], language: "en")
            #expect(speaker(of: "categorically", in: out) == "Dmitry Peskov", "\(cue)")
        }
    }

    @Test("a titled surname two people of the dossier share, subject of the sentence before, is the inverted pronoun's")
    func ambiguousTitledSubject() {
        let out = extract(["Premier article\n\nIsabelle Ndongo a été élue mardi à Lyon.\n",
                           "Deuxième article\n\nClaire Ndongo a démissionné jeudi à Nantes.\n",
                           "Troisième article\n\nLe débat a repris. Mme Ndongo s'est exprimée vendredi. « On ne doit pas sous-estimer la souveraineté nationale », a-t-elle regretté.\n"])
        let q = out.quotes.first { $0.text.contains("sous-estimer") }
        #expect(q?.speaker == nil)
        #expect(q?.speakerName == "Mme Ndongo")
        #expect(q?.evidence.rule == "inverted-pronoun")
    }

    @Test("English reported speech")
    func englishReported() throws {
        let out = extract(["Title of the test article\n\nJohn Smith said that the plan was dead.\n"], language: "en")
        #expect(out.reported.first?.speakerName == "John Smith")
        #expect(out.reported.first?.text == "the plan was dead")
    }

    @Test("quote ids are stable and unique, and offsets point at the text")
    func idsAndOffsets() throws {
        let text = "Titre\n\n« Oui », a dit Jean Dupont. « Oui », a dit Marie Durand.\n"
        let a = extract([text]).quotes
        let b = extract([text]).quotes
        #expect(a.map(\.id) == b.map(\.id))
        #expect(Set(a.map(\.id)).count == a.count)
        let article = try #require(readArticle(text, name: "a0.txt").article)
        let scalars = Array(article.text.unicodeScalars)
        for q in a { #expect(String(String.UnicodeScalarView(scalars[q.start..<q.end])) == q.text) }
    }

    @Test("an article whose analysis was not kept between the passes gives the same quotes, events and people")
    func analysisBudget() throws {
        let dir = repoRoot + "/Content/articles"
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        let articles = try names.compactMap { name in
            testReader.read(source: "Content/articles/" + name, id: name, data: try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)),
                            site: SiteConfig()).article
        }
        #expect(articles.count == 5)
        var none = Extractor()
        none.analysisBudget = 0
        var all = Extractor()
        all.analysisBudget = Int.max
        let a = none.extract(articles), b = all.extract(articles)
        #expect(a.quotes.count > 20)
        #expect(a.quotes == b.quotes)
        #expect(a.reported == b.reported)
        #expect(a.events == b.events)
        #expect(a.people == b.people)
        #expect(a.articlePeople == b.articlePeople)
        // Reported speech, evidence on pronouns and roles: what the kept mentions are for.
        #expect(a.quotes.contains { q in q.evidence.notes.contains { $0.contains("resolved") } })
    }
}
