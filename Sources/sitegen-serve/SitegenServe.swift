import ArgumentParser
import Foundation
import SitegenCLI
import SitegenKit
import SitegenServe

/// `sitegen serve` runs this program (built beside `sitegen`), with the options it parsed.
@main
struct SitegenServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen-serve",
        abstract: ServeOptions.abstract + " (What 'sitegen serve' runs.)",
        discussion: ServeOptions.discussion,
        version: "sitegen-serve \(Sitegen.version)"
    )

    @OptionGroup var options: ServeOptions

    static func main() async { await runCommand(Self.self) }

    func run() async throws {
        let (host, port, output) = (options.host, options.port, options.output)
        let build = BuildOptions(content: options.folders.content, templates: options.folders.templates, output: output, incremental: true)
        let server: PreviewServer
        do {
            server = try PreviewServer(options: build, host: host, port: port) { line in
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
