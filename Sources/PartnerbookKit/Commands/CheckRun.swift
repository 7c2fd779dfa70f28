import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// Load and validate: what `check` does, and what `build --public`, `sign`
/// and the tests start from. Every partner file goes through the
/// `PartnerProcessor`, on `jobs` cores at once.
public struct CheckRun: Sendable {
    public var content: LoadedContent
    public var asOf: Day
    public var report: DiagnosticReport
    /// Each partner's signed texts from git history (by partner file), for the charters.
    public var signedTexts: [String: SignedTexts]
    /// What OpenSSH said about each file's SSH signatures.
    package var sshVerifications: [String: SSHVerifications]

    /// Keeps every partner (for the commands that need the whole program).
    public init(_ configuration: BuildConfiguration) throws {
        let input = try ProgramInput(configuration)
        let processor = PartnerProcessor(input)
        let checked = Parallel.map(processor.files.names, jobs: configuration.jobs) { processor.check($0) }
        asOf = input.asOf
        content = LoadedContent(program: input.program, partners: checked.compactMap(\.partner),
                                partnerFileCount: checked.filter(\.counted).count, diagnostics: input.diagnostics)
        signedTexts = Dictionary(checked.map { ($0.file, $0.signedTexts) }, uniquingKeysWith: { a, _ in a })
        sshVerifications = Dictionary(checked.map { ($0.file, $0.sshVerifications) }, uniquingKeysWith: { a, _ in a })
        report = CheckRun.report(input, checked.map(\.diagnostics), counted: content.partnerFileCount, strict: configuration.strict)
    }

    /// What `check` reports, without keeping the program in memory: each
    /// partner file is loaded, checked and dropped on one of the cores. The
    /// same findings as `CheckRun(…).report`, in the same order (a test
    /// compares them).
    public static func findings(_ configuration: BuildConfiguration) throws -> DiagnosticReport {
        let input = try ProgramInput(configuration)
        let processor = PartnerProcessor(input)
        let found = Parallel.map(processor.files.names, jobs: configuration.jobs) { name -> (diagnostics: [Diagnostic], counted: Bool) in
            let checked = processor.check(name)
            return (checked.diagnostics, checked.counted)
        }
        return report(input, found.map(\.diagnostics), counted: found.filter(\.counted).count, strict: configuration.strict)
    }

    private static func report(_ input: ProgramInput, _ partners: [[Diagnostic]], counted: Int, strict: Bool) -> DiagnosticReport {
        let diagnostics = (input.diagnostics + partners.flatMap { $0 }).sorted(by: Diagnostic.ordered)
        return DiagnosticReport(diagnostics: diagnostics, partnerCount: counted, strict: strict)
    }

    /// The documents' context of every partner, in ID order.
    func contexts() -> [DocumentContext] {
        let byFile = Dictionary(grouping: report.diagnostics, by: \.file)
        return content.partners.sorted { $0.id < $1.id }.map {
            DocumentContext($0, program: content.program, asOf: asOf, byFile: byFile, signedTexts: signedTexts[$0.file],
                            sshVerifications: sshVerifications[$0.file] ?? SSHVerifications())
        }
    }
}
