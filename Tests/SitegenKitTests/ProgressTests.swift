import Foundation
import Testing
@testable import SitegenKit

/// Collects what a progress display writes.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []
    func append(_ s: String) { lock.withLock { parts.append(s) } }
    var text: String { lock.withLock { parts.joined() } }
}

@Suite("Progress")
struct ProgressTests {
    @Test("a build shows its stages and counts once it has run past the delay, then clears the line")
    func showsStagesAndCounts() throws {
        let fs = try memoryDossier(articles: [
            "a.txt": "Premier titre\n\n« Nous irons jusqu'au bout », a déclaré Jean Dupont.\n",
            "b.txt": "Second titre\n\nMarie Curie a parlé mardi.\n",
        ])
        let log = ProgressLog()
        let progress = TerminalProgress(delay: 0) { log.append($0) }
        try Builder(fs: fs, progress: progress).build(BuildOptions(content: "Content", templates: "Templates", output: "public"))
        let text = log.text
        #expect(text.contains("read 2/2"))
        #expect(text.contains("extract 4/4"))
        #expect(text.contains("pages "))
        #expect(text.hasSuffix("\r\u{1B}[K"), "the last write clears the line")
    }

    @Test("a build shorter than the delay shows nothing")
    func quickBuildIsQuiet() throws {
        let fs = try memoryDossier(articles: ["a.txt": "Titre\n\nUn texte court.\n"])
        let log = ProgressLog()
        try Builder(fs: fs, progress: TerminalProgress(delay: 60) { log.append($0) })
            .build(BuildOptions(content: "Content", templates: "Templates", output: "public"))
        #expect(log.text.isEmpty)
    }
}
