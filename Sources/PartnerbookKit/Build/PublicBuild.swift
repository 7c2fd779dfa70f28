import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// `partnerbook build --public --output DIR`: the public partner directory
/// (see `PublicDirectory`), in named steps as `build` is: every partner file
/// through the `PartnerPipeline` (a listed partner's page and card), then
/// the directory's home page, written into DIR atomically.
///
/// The two kinds of output never share a folder: the public one carries a
/// `.partnerbook-public` marker, the internal build refuses a folder that has
/// it, and the public build refuses a folder holding the internal site.
package enum PublicBuild {
    package static let marker = ".partnerbook-public"

    /// What the public build did.
    package struct Result: Sendable {
        package var report: DiagnosticReport
        package var asOf: Day
        /// Partners in the directory (listed, in walk or run).
        package var listed = 0
        /// Files written; nil when the content had errors and nothing was written.
        package var written: Int?
    }

    package static func run(_ configuration: BuildConfiguration, waiting: (String) -> Void = { _ in }) throws -> Result {
        var steps = BuildSteps()
        let input = try steps.run("read the program") { try ProgramInput(configuration) }
        // A template that cannot be read waits until the content is known to pass: content errors come first.
        let templates = try steps.run("read the templates") { () -> Swift.Result<TemplateSet, Error> in
            Swift.Result {
                try TemplateSet.load(from: configuration.templates, displayPath: configuration.templatesDisplay,
                                     folderRequired: configuration.templatesRequired)
            }
        }
        let loaded = try? templates.get()
        let renderer = DocumentRenderer(templates: loaded ?? .empty, program: input.program, asOf: input.asOf)
        let pipeline = PartnerPipeline(input, rendering: loaded == nil ? .none : .publicDirectory(renderer))
        let partners = try steps.run("partners") { Parallel.map(pipeline.names, jobs: configuration.jobs) { pipeline.run($0) } }
        let report = Check.report(input, partners.map(\.diagnostics), counted: partners.filter(\.counted).count,
                                  strict: configuration.strict)
        var result = Result(report: report, asOf: input.asOf)
        guard !report.fails else { return result }
        if case .failure(let failure) = templates { throw BuildError(step: "read the templates", path: nil, underlying: failure) }
        let lock = try steps.run("check the output folder") { () throws -> OutputLock in
            try OutputTarget.check(configuration.output, content: configuration.content)
            let lock = try OutputLock(output: configuration.output, wait: configuration.waitForLock, waiting: waiting)
            try refuseInternalSite(at: configuration.output)
            return lock
        }
        defer { withExtendedLifetime(lock) {} }
        let pages = partners.flatMap(\.documents)
        var files = pages + renderer.publicFiles(cards: partners.compactMap(\.publicCard), pages: pages.map(\.path))
        files.append(OutputFile(.publicPage, marker, "This folder is a public partner directory written by partnerbook build --public.\n"))
        try steps.run("commit and swap") { try OutputWriter.write(files, to: configuration.output, force: configuration.force) }
        result.listed = partners.filter { $0.publicCard != nil }.count
        result.written = files.count
        return result
    }

    /// The public directory never replaces the internal site.
    static func refuseInternalSite(at output: URL) throws {
        if let manifest = OutputWriter.manifest(of: output), manifest.contains(OutputPaths.report) {
            throw OutputError(description: "'\(output.path)' holds the internal site; build the public directory into another folder")
        }
    }

    /// The internal site never replaces a public directory.
    static func refusePublicDirectory(at output: URL) throws {
        if FileManager.default.fileExists(atPath: output.appendingPathComponent(marker).path) {
            throw OutputError(description: "'\(output.path)' is a public partner directory; the internal site would publish internal values there. Build it with --public, or choose another folder")
        }
    }
}
