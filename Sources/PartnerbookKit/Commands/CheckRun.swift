import Foundation

/// Load and validate: what `check` does, and the first step of `build`.
public struct CheckRun: Sendable {
    public var content: LoadedContent
    public var asOf: Day
    public var report: DiagnosticReport
    /// The partner files' git history, searched for what changed since a stale signature.
    public var history: SignedHistory

    /// - Parameters:
    ///   - asOf: the `--as-of` date; else `as_of` in program.yaml; else `today`.
    public init(contentFolder: URL, asOf: Day?, today: Day, strict: Bool) throws {
        content = try ContentLoader.load(from: contentFolder)
        self.asOf = asOf ?? content.program.asOf?.value ?? today
        history = SignedHistory(contentRoot: contentFolder)
        let diagnostics = Validator.validate(content, asOf: self.asOf, history: history)
        report = DiagnosticReport(diagnostics: diagnostics, partnerCount: content.partnerFileCount, strict: strict)
    }

    /// What `check` reports, without keeping the program in memory: each
    /// partner file is loaded, checked and dropped on one of the cores. The
    /// same findings as `CheckRun(…).report`, in the same order (a test
    /// compares them); at ten thousand partners a fifth of the memory.
    public static func findings(contentFolder: URL, asOf: Day?, today: Day, strict: Bool) throws -> DiagnosticReport {
        let root = try ContentLoader.contentRoot(contentFolder)
        let settings = ContentLoader.loadProgram(root: root)
        let day = asOf ?? settings.program.asOf?.value ?? today
        let rules = RuleContext(program: settings.program, asOf: day, history: SignedHistory(contentRoot: contentFolder))
        let files = ContentLoader.PartnerFiles(root: root)
        let found = Slots<(diagnostics: [Diagnostic], counted: Bool)>(count: files.names.count)
        DispatchQueue.concurrentPerform(iterations: files.names.count) { index in
            let loaded = files.load(files.names[index])
            found[index] = (Validator.check(loaded, rules), loaded.counted)
        }
        var diagnostics = settings.diagnostics + ProgramRules.check(settings.program)
        var counted = 0
        for file in found.values {
            diagnostics += file.diagnostics
            if file.counted { counted += 1 }
        }
        return DiagnosticReport(diagnostics: diagnostics.sorted(by: Diagnostic.ordered), partnerCount: counted, strict: strict)
    }
}
