import Foundation

/// A problem found while building, tied to a file (and a line where one applies) and to what to do about it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case warning, error }
    public var severity: Severity
    public var stage: String
    public var file: String
    public var line: Int?
    public var message: String
    public var hint: String?

    public init(_ severity: Severity, stage: String, file: String, line: Int? = nil, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.stage = stage
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": \(severity.rawValue): \(message)"
        if let hint { s += " (\(hint))" }
        return s
    }
}

/// An error that stops the build, carrying the stage and the file it happened on.
public struct BuildError: Error, CustomStringConvertible, Sendable {
    public var stage: String
    public var file: String?
    public var message: String

    public init(stage: String, file: String? = nil, _ message: String) {
        self.stage = stage
        self.file = file
        self.message = message
    }

    public var description: String {
        if let file { return "\(stage): \(file): \(message)" }
        return "\(stage): \(message)"
    }
}
