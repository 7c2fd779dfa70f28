import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// `partnerbook build --public --output DIR`: validate, then write the public
/// partner directory (see `PublicDirectory`) into DIR, atomically, as `build` does.
///
/// The two kinds of output never share a folder: the public one carries a
/// `.partnerbook-public` marker, the internal build refuses a folder that has
/// it, and the public build refuses a folder holding the internal site.
public struct PublicBuildRun {
    public static let marker = ".partnerbook-public"

    public var report: DiagnosticReport
    public var asOf: Day
    /// Partners in the directory (listed, in walk or run).
    public var listed = 0
    /// Files written; nil when the content had errors and nothing was written.
    public var written: Int?

    public init(_ configuration: BuildConfiguration, waiting: (String) -> Void = { _ in }) throws {
        let check = try CheckRun(configuration)
        report = check.report
        asOf = check.asOf
        guard !check.report.fails else { return }
        let output = configuration.output
        try OutputTarget.check(output, content: configuration.content)
        let lock = try OutputLock(output: output, wait: configuration.waitForLock, waiting: waiting)
        defer { withExtendedLifetime(lock) {} }
        try PublicBuildRun.refuseInternalSite(at: output)
        let templates = try TemplateSet.load(from: configuration.templates, displayPath: configuration.templatesDisplay,
                                             folderRequired: configuration.templatesRequired)
        let renderer = DocumentRenderer(templates: templates, program: check.content.program, asOf: check.asOf)
        let contexts = check.contexts()
        var files = renderer.publicFiles(contexts)
        files.append(OutputFile(PublicBuildRun.marker, "This folder is a public partner directory written by partnerbook build --public.\n"))
        try OutputWriter.write(files, to: output, force: configuration.force)
        listed = contexts.filter { PublicDirectory.isListed($0.partner) }.count
        written = files.count
    }

    /// The public directory never replaces the internal site.
    static func refuseInternalSite(at output: URL) throws {
        if let manifest = OutputWriter.manifest(of: output), manifest.contains("program/report.html") {
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
