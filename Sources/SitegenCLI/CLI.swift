import ArgumentParser
import Foundation
import SitegenKit

// What the two executables share: `sitegen` (every command) and `sitegen-serve` (the live
// preview that `sitegen serve` runs). The preview lives in a program of its own so that
// `sitegen` does not load the HTTP server's libraries: FlyingFox brings Foundation's networking
// part, and with it libcurl and some thirty libraries that every build would load for nothing
// (6 ms of each start on the machine of BENCHMARKS.md, session 30).

/// The folders every command reads.
public struct Folders: ParsableArguments {
    @Option(help: "The dossier's content folder (articles/, site.yml, annotations/, people/, notes/).")
    public var content = "Content"

    @Option(help: "The folder of Mustache templates and the stylesheet.")
    public var templates = "Templates"

    public init() {}
}

/// The options of `sitegen serve`, parsed by `sitegen` and handed on to `sitegen-serve`.
public struct ServeOptions: ParsableArguments {
    public static let abstract = "Build, serve the site on loopback, rebuild on every change and reload the open pages."
    public static let discussion = """
        Edit a file under Content/ or Templates/, save it, and the page in the browser reloads with \
        the change. A failed build shows its error on the page and here, and the last good site \
        stays served. The reload script is added only to served pages, never to the files of \
        public/. Stop with Ctrl-C.
        """

    @OptionGroup public var folders: Folders

    @Option(help: "The folder the site is written to.")
    public var output = "public"

    @Option(help: "The port to listen on.")
    public var port: UInt16 = 8000

    @Option(help: "The address to listen on (loopback by default).")
    public var host = "127.0.0.1"

    public init() {}

    /// The options as a command line that parses back to them (`--name=value`: a value that
    /// begins with a dash stays a value).
    public var arguments: [String] {
        ["--content=" + folders.content, "--templates=" + folders.templates, "--output=" + output, "--port=\(port)", "--host=" + host]
    }
}

/// Prints `error: message` on standard error; the command exits with 1.
public func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return ExitCode(1)
}

/// Runs a command with sitegen's exit codes: usage errors exit with 2, not 64.
public func runCommand(_ root: any AsyncParsableCommand.Type) async {
    // malloc keeps what a build frees for its next allocations (MallocTuning says why).
    MallocTuning.apply(environment: ProcessInfo.processInfo.environment)
    do {
        var command = try root.parseAsRoot()
        if var async = command as? AsyncParsableCommand { try await async.run() } else { try command.run() }
    } catch {
        let code = root.exitCode(for: error)
        if code == .success {
            print(root.fullMessage(for: error))
            Foundation.exit(0)
        }
        if code == .validationFailure {
            FileHandle.standardError.write(Data((root.fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
        root.exit(withError: error)
    }
}

/// The path of the running program, its links resolved (nil where the system does not tell).
public func currentExecutable() -> String? {
    #if os(Linux)
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    #endif
    return Bundle.main.executablePath.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
}
