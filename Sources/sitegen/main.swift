import Foundation
import SitegenKit
let reader = ArticleReader()
var arts: [Article] = []
for f in try FileManager.default.contentsOfDirectory(atPath: "Content/articles").sorted() {
    let d = try Data(contentsOf: URL(fileURLWithPath: "Content/articles/" + f))
    let r = reader.read(source: "Content/articles/" + f, id: Text.slug(f), data: d, site: SiteConfig())
    if let a = r.article { arts.append(a) }
}
let x = Extractor().extract(arts)
let d = Dossier(site: SiteConfig(), articles: arts, people: x.people, quotes: x.quotes, articlePeople: x.articlePeople)
try DossierExport.json(d, reported: x.reported, generator: "dev").serialized().write(toFile: "/tmp/dossier.json", atomically: false, encoding: .utf8)
for q in x.quotes { print(q.article.prefix(3), q.kind.rawValue, q.speakerName ?? "-", "|", q.evidence.rule, "|", q.evidence.cue, "|", q.text.prefix(50)) }
print("--- reported")
for q in x.reported { print(q.article.prefix(3), q.speakerName ?? "-", "|", q.evidence.rule, "|", q.evidence.cue, "|", q.text.prefix(50)) }
for p in x.people { print(p.id, p.name, p.aliases, p.gender, p.roles.map(\.text)) }
