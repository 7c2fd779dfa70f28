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
}
