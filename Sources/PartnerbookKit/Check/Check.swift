import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender

/// `partnerbook check`: every partner file through the `PartnerPipeline`
/// (findings only), on `jobs` cores at once, and the program's own findings.
package enum Check {
    /// What `check` reports. Each partner file is loaded, checked and dropped
    /// on one of the cores, so at ten thousand partners the run holds
    /// findings, not models.
    /// A partner unchanged since the last build into the output folder is not
    /// checked again: the build's findings about it are (`LastBuildFindings`).
    package static func findings(_ configuration: BuildConfiguration) throws -> DiagnosticReport {
        let pipeline = PartnerPipeline(try ProgramInput(configuration))
        let last = LastBuildFindings(configuration, input: pipeline.input)
        let found = Parallel.map(pipeline.names, jobs: configuration.jobs) { name -> (diagnostics: [Diagnostic], counted: Bool) in
            if let reused = last?.findings(of: name) { return (reused, true) }
            let artifacts = pipeline.run(name)
            return (artifacts.diagnostics, artifacts.counted)
        }
        return report(pipeline.input, found.map(\.diagnostics), counted: found.filter(\.counted).count, strict: configuration.strict)
    }

    /// The same findings, with every partner kept (for the commands and tests
    /// that look at the whole program).
    package static func program(_ configuration: BuildConfiguration) throws -> CheckedProgram {
        let pipeline = PartnerPipeline(try ProgramInput(configuration))
        let checked = Parallel.map(pipeline.names, jobs: configuration.jobs) { pipeline.run($0) }
        let counted = checked.filter(\.counted).count
        return CheckedProgram(program: pipeline.input.program, asOf: pipeline.input.asOf, partners: checked.compactMap(\.partner),
                              report: report(pipeline.input, checked.map(\.diagnostics), counted: counted, strict: configuration.strict))
    }

    /// The program's findings and every partner's, in report order.
    static func report(_ input: ProgramInput, _ partners: [[Diagnostic]], counted: Int, strict: Bool) -> DiagnosticReport {
        let diagnostics = (input.diagnostics + partners.flatMap { $0 }).sorted(by: Diagnostic.ordered)
        return DiagnosticReport(diagnostics: diagnostics, partnerCount: counted, strict: strict)
    }
}

/// The whole program as checked: the program, the as-of date, every partner
/// that could be parsed and every finding.
package struct CheckedProgram: Sendable {
    package var program: Program
    package var asOf: Day
    package var partners: [Partner]
    package var report: DiagnosticReport
}
