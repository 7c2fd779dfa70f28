/// How bad a finding is. A notice is about how a partnership is going
/// rather than about the file (behind pace, overdue): it is shown
/// everywhere and never fails a run, `--strict` included.
public enum Severity: String, Sendable, Comparable, Codable, CaseIterable {
    case error, warning, notice

    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding about the content: where, how bad, which rule, what to do.
public struct Diagnostic: Hashable, Sendable {
    /// Path relative to the content folder, e.g. `partners/acme.yaml`.
    public var file: String
    public var position: SourcePosition
    public var severity: Severity
    public var rule: Rule
    public var message: String

    public init(file: String, at position: SourcePosition, severity: Severity, rule: Rule, message: String) {
        self.file = file
        self.position = position
        self.severity = severity
        self.rule = rule
        self.message = message
    }

    public init(_ rule: Rule, file: String, at position: SourcePosition, _ message: String,
                severity: Severity? = nil) {
        self.init(file: file, at: position, severity: severity ?? rule.severity, rule: rule, message: message)
    }

    /// Files in path order (program.yaml first), then position, then rule.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let ka = (a.file == "program.yaml" ? 0 : 1, a.file), kb = (b.file == "program.yaml" ? 0 : 1, b.file)
        if ka != kb { return ka < kb }
        if a.position != b.position { return a.position < b.position }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}
