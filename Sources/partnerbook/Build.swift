import ArgumentParser
import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate, then render charters, scorecards, QBR packets and the program pages into the output folder.",
        discussion: "Writes nothing when the files have errors (yaml.*, schema.*, outcomes.*, partner.id, limits, templates). Findings about the state of a partnership (signature.missing, gate.*, charter.*) still write its documents, the charter marked DRAFT with its errors on it, and exit 1 so CI fails. The output is built in a staging folder beside it and swapped in whole; files you put into the output folder yourself are kept.",
        version: PartnerbookVersion.line
    )

    @OptionGroup var content: ContentOptions
    @OptionGroup var report: ReportOptions

    @Option(help: "The output folder (default Output; with --public, required).")
    var output: String?

    @Flag(name: .customLong("public"), help: "Write the public partner directory (listed partners in walk or run, no internal values) instead of the internal site.")
    var isPublic = false

    @Flag(help: "Build into a folder partnerbook did not write before; what is in it is kept, never replaced or deleted.")
    var force = false

    @Flag(help: "Also print each charter to partners/ID/charter.pdf with WeasyPrint.")
    var pdf = false

    @Option(help: "How many partners to render at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .customLong("no-cache"), help: "Render every document again instead of reusing unchanged partners' output.")
    var noCache = false

    @Flag(help: "Print no progress and no summary, only diagnostics.")
    var quiet = false

    @Flag(name: .customLong("no-wait"), help: "When another build is writing the same output folder, exit 2 instead of waiting for it.")
    var noWait = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        if isPublic && output == nil {
            throw ValidationError("--public needs --output DIR: the public directory never goes into the internal site's folder")
        }
        if isPublic && pdf { throw ValidationError("--pdf prints charters, which the public directory does not have") }
    }

    func run() throws {
        try ContentFolder.require(content.content)
        if isPublic { return try runPublic(output: output!) }
        let output = self.output ?? "Output"
        let result: BuildResult
        let display = ProgressDisplay()
        let progress = quiet ? nil : BuildProgress { display.update(partners: $0, total: $1, files: $2) }
        defer { display.finish() }
        do {
            var configuration = content.configuration(output: output, strict: report.strict)
            configuration.force = force
            configuration.pdf = pdf
            configuration.jobs = jobs
            configuration.useCache = !noCache
            configuration.waitForLock = !noWait
            result = try PartnerbookKit.Build.run(configuration, progress: progress, waiting: Build.sayWaiting)
        } catch let error as BuildError {
            // A template with a mistake is the content's kind of error (exit 1), with its file:line:column.
            if let template = error.template {
                FileHandle.standardError.write(Data("\(template)\n".utf8))
                throw Exit.contentErrors
            }
            throw Exit.fail("\(error.underlying) (build step: \(error.step))")
        } catch {
            throw Exit.fail("\(error)")
        }
        if let reason = result.cacheOff {
            FileHandle.standardError.write(Data("partnerbook: the build cache is off for this build (\(reason)); every partner is rendered\n".utf8))
        }
        let diagnostics = result.report
        let text = diagnostics.render(report.format, pathPrefix: content.content)
        FileHandle.standardOutput.write(Data(text.utf8))
        guard let written = result.written else {
            FileHandle.standardError.write(Data("partnerbook: nothing written: fix the errors above first\n".utf8))
            throw Exit.contentErrors
        }
        if !quiet {
            display.finish()
            let partners = result.partnerCount
            let count = "\(partners) partner\(partners == 1 ? "" : "s")"
            let line = result.upToDate
                ? "\(output) is up to date: \(written) files for \(count) (as of \(result.asOf))\n"
                : "built \(written) files for \(count) into \(output) (\(result.rendered) rendered, \(partners - result.rendered) reused; as of \(result.asOf))\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        // Findings about the state of a partnership leave its documents written (DRAFT, with the findings on
        // the charter), and still fail the build so CI does.
        if diagnostics.fails {
            FileHandle.standardError.write(Data("partnerbook: the documents were written (a charter with open errors is marked DRAFT and lists them); the build fails until the findings above are fixed\n".utf8))
            throw Exit.contentErrors
        }
    }

    /// `build --public --output DIR`.
    private func runPublic(output: String) throws {
        let result: PublicBuild.Result
        do {
            var configuration = content.configuration(output: output, strict: report.strict)
            configuration.force = force
            configuration.waitForLock = !noWait
            result = try PublicBuild.run(configuration, waiting: Build.sayWaiting)
        } catch let error as BuildError {
            if let template = error.template {
                FileHandle.standardError.write(Data("\(template)\n".utf8))
                throw Exit.contentErrors
            }
            throw Exit.fail("\(error.underlying) (build step: \(error.step))")
        } catch {
            throw Exit.fail("\(error)")
        }
        FileHandle.standardOutput.write(Data(result.report.render(report.format, pathPrefix: content.content).utf8))
        guard let written = result.written else {
            FileHandle.standardError.write(Data("partnerbook: nothing written: fix the errors above first\n".utf8))
            throw Exit.contentErrors
        }
        if !quiet {
            FileHandle.standardError.write(Data("built the public directory of \(result.listed) listed partner\(result.listed == 1 ? "" : "s") into \(output) (\(written) files; as of \(result.asOf))\n".utf8))
        }
    }

    static func sayWaiting(_ line: String) {
        FileHandle.standardError.write(Data("partnerbook: \(line)\n".utf8))
    }
}
