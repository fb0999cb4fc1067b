import ArgumentParser
import Foundation
import SitegenKit
import SitegenServe

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

    /// Runs the command with sitegen's exit codes: usage errors exit with 2, not 64.
    static func main() async {
        // malloc keeps what a build frees for its next allocations (MallocTuning says why).
        MallocTuning.apply(environment: ProcessInfo.processInfo.environment)
        do {
            var command = try parseAsRoot()
            if var async = command as? AsyncParsableCommand { try await async.run() } else { try command.run() }
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// The folders every command reads.
struct Folders: ParsableArguments {
    @Option(help: "The dossier's content folder (articles/, site.yml, annotations/, people/, notes/).")
    var content = "Content"

    @Option(help: "The folder of Mustache templates and the stylesheet.")
    var templates = "Templates"
}

func printDiagnostics(_ diagnostics: [Diagnostic]) {
    for d in diagnostics { print(d) }
}

func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return ExitCode(1)
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

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve the site on loopback, rebuild on every change and reload the open pages.",
        discussion: """
        Edit a file under Content/ or Templates/, save it, and the page in the browser reloads with         the change. A failed build shows its error on the page and here, and the last good site         stays served. The reload script is added only to served pages, never to the files of         public/. Stop with Ctrl-C.
        """
    )

    @OptionGroup var folders: Folders

    @Option(help: "The folder the site is written to.")
    var output = "public"

    @Option(help: "The port to listen on.")
    var port: UInt16 = 8000

    @Option(help: "The address to listen on (loopback by default).")
    var host = "127.0.0.1"

    func run() async throws {
        let options = BuildOptions(content: folders.content, templates: folders.templates, output: output, incremental: true)
        let server: PreviewServer
        do {
            server = try PreviewServer(options: options, host: host, port: port) { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        } catch {
            throw fail("cannot listen on \(host):\(port) (\(error))")
        }
        // Ctrl-C (and SIGTERM) stop the server cleanly.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let signals = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .main) }
        let stopping = StopFlag()
        for source in signals {
            source.setEventHandler {
                stopping.set()
                Task {
                    await server.stop()
                    FileHandle.standardOutput.write(Data("stopped\n".utf8))
                    Foundation.exit(0)
                }
            }
            source.resume()
        }
        let url = "http://\(host):\(port)/"
        Task {
            try? await server.waitUntilListening()
            FileHandle.standardOutput.write(Data("serving \(output)/ at \(url) — edit Content/ and the pages reload; Ctrl-C stops\n".utf8))
        }
        do { try await server.run() } catch is CancellationError {
            return
        } catch {
            // Stopping closes the listening socket: the error that follows is the stop itself.
            if stopping.isSet { return }
            throw fail("the server stopped: \(error)")
        }
        withExtendedLifetime(signals) {}
    }
}

/// Set once Ctrl-C or SIGTERM asked the server to stop.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
