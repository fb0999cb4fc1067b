import Foundation

/// Where a build reports how far it is: the stage it is in and how many of that stage's items
/// are done. Called from worker threads.
public protocol BuildProgress: Sendable {
    /// A stage begins; `total` items, when it counts any.
    func begin(_ stage: String, total: Int)
    /// One more item of the current stage is done.
    func advance()
    /// `count` more items of the current stage are done.
    func advance(by count: Int)
    /// The build is over (successfully or not).
    func finish()
}

/// Reports nothing: the default, and what tests and `--quiet` use.
public struct NoProgress: BuildProgress {
    public init() {}
    public func begin(_ stage: String, total: Int) {}
    public func advance() {}
    public func advance(by count: Int) {}
    public func finish() {}
}

/// A one-line display for a terminal: "extract 4210/10000", redrawn at most ten times a second,
/// and only once the build has run for `delay` seconds (a quick build prints nothing). Writes to
/// standard error, so that it never mixes with what a script reads from standard output.
public final class TerminalProgress: BuildProgress, @unchecked Sendable {
    private let lock = NSLock()
    private let started = DispatchTime.now().uptimeNanoseconds
    private let delay: UInt64
    private var stage = ""
    private var total = 0
    private var done = 0
    private var lastDraw: UInt64 = 0
    private var drawn = false
    private let write: @Sendable (String) -> Void

    /// `write` receives the text to show; by default it goes to standard error.
    public init(delay: Double = 1.0, write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.delay = UInt64(delay * 1e9)
        self.write = write
    }

    /// Whether standard error is a terminal (a progress line makes no sense in a log file).
    public static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    public func begin(_ stage: String, total: Int) {
        lock.withLock {
            self.stage = stage
            self.total = total
            done = 0
            draw(force: true)
        }
    }

    public func advance() { advance(by: 1) }

    public func advance(by count: Int) {
        lock.withLock {
            done += count
            draw(force: done == total)
        }
    }

    public func finish() {
        lock.withLock {
            if drawn { write("\r\u{1B}[K") }
            drawn = false
        }
    }

    private func draw(force: Bool) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - started >= delay, force || now - lastDraw >= 100_000_000 else { return }
        lastDraw = now
        drawn = true
        let count = total > 0 ? " \(done)/\(total)" : ""
        write("\r\u{1B}[K" + String(format: "%.1f s  ", Double(now - started) / 1e9) + stage + count)
    }
}
