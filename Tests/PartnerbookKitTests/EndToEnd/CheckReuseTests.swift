import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
import PartnerbookTestSupport

/// `check` pays only for what changed (SPEC 9): a partner unchanged since
/// the last build into the output folder is not checked again, its findings
/// are the build's, and the report is the one a check of every file gives.
@Suite struct CheckReuseTests {
    private func folder() -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", Fixtures.program)
        folder.write("content/partners/clean.yaml", Fixtures.partner)
        // A finding the build records: a key the schema does not know.
        folder.write("content/partners/loose.yaml", Fixtures.partner + "\nmystery: 1\n")
        return folder
    }

    private func configuration(_ folder: TemporaryFolder) -> BuildConfiguration {
        .test(folder.url.appendingPathComponent("content"), output: folder.url.appendingPathComponent("out"))
    }

    @Test func unchangedPartnersAreTheBuildsFindingsAndTheReportIsTheSame() throws {
        let folder = folder()
        _ = try Build.run(configuration(folder))
        let input = try ProgramInput(configuration(folder))
        let last = try #require(LastBuildFindings(configuration(folder), input: input))
        let recorded = try #require(last.findings(of: "loose.yaml"))
        #expect(recorded.contains { $0.rule.id == "schema.unknown-key" } && recorded.allSatisfy { $0.file == "partners/loose.yaml" })
        #expect(last.findings(of: "clean.yaml") != nil)

        // One partner edited: it alone is checked again; the report equals a check of every file.
        folder.write("content/partners/clean.yaml", Fixtures.partner + "\nanother: 2\n")
        let after = try #require(LastBuildFindings(configuration(folder), input: try ProgramInput(configuration(folder))))
        #expect(after.findings(of: "clean.yaml") == nil)
        #expect(after.findings(of: "loose.yaml") != nil)
        var cold = configuration(folder)
        cold.useCache = false
        let reused = try Check.findings(configuration(folder))
        let full = try Check.findings(cold)
        #expect(reused.render(.text, pathPrefix: "") == full.render(.text, pathPrefix: ""))
        #expect(reused.summary == full.summary)
        #expect(reused.diagnostics.contains { $0.file == "partners/clean.yaml" && $0.message.contains("another") })
    }

    @Test func anythingElseTheFindingsReadTurnsReuseOff() throws {
        let folder = folder()
        _ = try Build.run(configuration(folder))
        // Another as-of date, --strict, or no build at all: every partner is checked.
        var later = configuration(folder)
        later.asOf = Day("2027-03-01")
        #expect(LastBuildFindings(later, input: try ProgramInput(later))?.findings(of: "loose.yaml") == nil)
        var strict = configuration(folder)
        strict.strict = true
        #expect(LastBuildFindings(strict, input: try ProgramInput(strict))?.findings(of: "loose.yaml") == nil)
        folder.write("content/program.yaml", Fixtures.program + "\ngates: { crawl_min_improvement: 25 }\n")
        #expect(LastBuildFindings(configuration(folder), input: try ProgramInput(configuration(folder)))?.findings(of: "loose.yaml") == nil)
        var elsewhere = configuration(folder)
        elsewhere.output = folder.url.appendingPathComponent("nothing-built-here")
        #expect(LastBuildFindings(elsewhere, input: try ProgramInput(elsewhere)) == nil)
    }

    @Test func theCommandTakesTheOutputFolderAndNoCache() throws {
        let folder = folder()
        let build = try Binary.run(["build", "--content", "content", "--output", "out", "--templates", TestBuild.templates.path], in: folder.url)
        #expect(build.status == 0, "\(build.stderr)")
        let check = try Binary.run(["check", "--content", "content", "--output", "out", "--templates", TestBuild.templates.path], in: folder.url)
        let cold = try Binary.run(["check", "--content", "content", "--no-cache", "--templates", TestBuild.templates.path], in: folder.url)
        #expect(check.stdout == cold.stdout && check.status == cold.status)
    }
}
