import ArgumentParser
import Foundation
import SitegenKit

@main
struct SitegenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Turns a folder of news clippings into an annotated dossier website.",
        discussion: """
        Put articles (plain text or Markdown, as copied from a web page) in Content/articles/, \
        then run 'sitegen build'. The site is written to public/, ready for any static server.
        """,
        version: "sitegen \(Sitegen.version)",
        subcommands: [Build.self],
        defaultSubcommand: nil
    )
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the dossier site from Content/ and Templates/ into public/.",
        discussion: """
        The site is built in a temporary folder and swapped into place only when the build \
        succeeds: a failed build leaves the previous output as it was. Content/ is only read.
        Exit status: 0 when the site was built, 1 when the build failed.
        """
    )

    @Option(help: "The dossier's content folder (articles/, site.yml, annotations/, people/).")
    var content = "Content"

    @Option(help: "The folder of Mustache templates and the stylesheet.")
    var templates = "Templates"

    @Option(help: "The folder the site is written to (replaced as a whole).")
    var output = "public"

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print each stage's time and every line that cleaning removed, with its rule.")
    var verbose = false

    func run() throws {
        let options = BuildOptions(content: content, templates: templates, output: output)
        let report: BuildReport
        do {
            report = try Builder().build(options)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if !quiet {
            for d in report.diagnostics { print(d) }
            if verbose {
                for (source, x) in report.dropped {
                    print("\(source):\(x.line): removed (\(x.rule)): \(x.text.prefix(100))")
                }
                for t in report.timings { print(String(format: "stage %-9@ %8.1f ms", t.stage as NSString, t.seconds * 1000)) }
            }
            print(String(format: "built %d articles, %d people, %d quotes, %d pages in %.2f s, %d warnings -> %@",
                         report.articles, report.people, report.quotes, report.pages, report.seconds, report.warnings, output as NSString))
        }
    }
}
