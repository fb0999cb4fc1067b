import ArgumentParser
import Foundation
import SitegenCLI
import SitegenKit

@main
struct SitegenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Turns a folder of news clippings into an annotated dossier website.",
        discussion: """
        Put articles (plain text or Markdown, as copied from a web page) in Content/articles/, \
        then run 'sitegen build'. The site is written to public/, ready for any static server.

        Exit status: 0 on success, 1 when the dossier has errors (nothing is written), \
        2 when the command line is wrong.
        """,
        version: "sitegen \(Sitegen.version)",
        subcommands: [Build.self, Check.self, Annotate.self, Serve.self]
    )

    static func main() async { await runCommand(Self.self) }
}

func printDiagnostics(_ diagnostics: [Diagnostic]) {
    for d in diagnostics { print(d) }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the dossier site from Content/ and Templates/ into public/.",
        discussion: """
        The site is built in a temporary folder and swapped into place only when the build \
        succeeds: a failed build leaves the previous output as it was. Content/ is only read. \
        When an annotation, a note or the registry has an error, every problem is reported \
        with its file and line and nothing is written. A cache beside the output lets the next \
        build redo only what changed, with the same result as a build without it. On a \
        terminal, a build longer than a second shows its stage and progress on standard error.
        """
    )

    @OptionGroup var folders: Folders

    @Option(help: "The folder the site is written to (replaced as a whole).")
    var output = "public"

    @Flag(help: "Treat warnings as errors: any warning stops the build.")
    var strict = false

    @Flag(help: "Do all the work, and keep no cache beside the output (by default the build keeps one in .<output>.cache/ and redoes only what changed).")
    var noCache = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors (no progress line either).")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print each stage's time, what came from the cache, and every line that cleaning removed, with its rule.")
    var verbose = false

    func run() throws {
        let options = BuildOptions(content: folders.content, templates: folders.templates, output: output, strict: strict,
                                   incremental: !noCache, listDropped: verbose, exitsAfter: true)
        let report: BuildReport
        do {
            // A stage-and-count line on a terminal once the build has taken a second; none in logs.
            let progress: BuildProgress = !quiet && TerminalProgress.isTerminal ? TerminalProgress() : NoProgress()
            report = try Builder(progress: progress).build(options)
        } catch let failure as BuildFailure {
            printDiagnostics(failure.report.diagnostics)
            throw fail(failure.description)
        } catch {
            throw fail("\(error)")
        }
        if !quiet {
            printDiagnostics(report.diagnostics)
            if verbose {
                for (source, x) in report.dropped {
                    print("\(source):\(x.line): removed (\(x.rule)): \(x.text.prefix(100))")
                }
                for t in report.timings { print(String(format: "stage %-11@ %8.1f ms", t.stage as NSString, t.seconds * 1000)) }
                if options.incremental {
                    print("cache: \(report.cachedReads) of \(report.articles) articles read from it, extraction "
                          + (report.cachedExtraction ? "reused" : "done (\(report.analysedArticles) of \(report.articles) articles analysed, "
                             + "\(report.attributedArticles) attributed)") + ", "
                          + "\(report.unchangedPages) of \(report.pages) pages unchanged, "
                          + "\(report.copiedFeedElements) of \(report.feedElements) feed entries copied")
                }
            }
            print(String(format: "built %d articles, %d people, %d quotes, %d pages in %.2f s, %d warnings -> %@",
                         report.articles, report.people, report.quotes, report.pages, report.seconds, report.warnings, output as NSString))
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read everything and report every problem, with file, line and what to do; write nothing.",
        discussion: "Exits with 1 when there is an error (or, with --strict, a warning)."
    )

    @OptionGroup var folders: Folders

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let report: BuildReport
        do {
            report = try Builder().check(BuildOptions(content: folders.content, templates: folders.templates, strict: strict))
        } catch {
            throw fail("\(error)")
        }
        printDiagnostics(report.diagnostics)
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        print("checked \(report.articles) articles, \(report.people) people, \(report.quotes) quotes: \(errors) errors, \(report.warnings) warnings")
        if errors > 0 || (strict && report.warnings > 0) { throw ExitCode(1) }
    }
}

struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create Content/annotations/<id>.md for an article, pre-filled with what was detected.",
        discussion: "Every line of the new file is commented out: it changes nothing until you edit it. An existing file is never overwritten."
    )

    @Argument(help: "The article: its id, its file name or its path.")
    var article: String

    @OptionGroup var folders: Folders

    func run() throws {
        do {
            let path = try Annotator().annotate(article, options: BuildOptions(content: folders.content, templates: folders.templates))
            print("created \(path)")
        } catch {
            throw fail("\(error)")
        }
    }
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: ServeOptions.abstract, discussion: ServeOptions.discussion)

    @OptionGroup var options: ServeOptions

    /// Becomes `sitegen-serve`, the program built beside this one, with the options parsed here
    /// (the same process: Ctrl-C and the exit status are the server's).
    func run() throws {
        let name = "sitegen-serve"
        guard let me = currentExecutable() else { throw fail("cannot find where sitegen is, to start \(name) beside it") }
        let helper = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent(name).path
        let argv = [helper] + options.arguments
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        execv(helper, &cArgs)
        let reason = String(cString: strerror(errno))
        for p in cArgs { free(p) }
        throw fail("cannot start \(helper) (\(reason)): 'sitegen serve' runs the \(name) program built beside sitegen ('swift build', or 'swift build --product \(name)')")
    }
}
