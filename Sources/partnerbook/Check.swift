import ArgumentParser
import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load and validate the program; print diagnostics; exit 1 if there is any error.",
        version: PartnerbookVersion.line
    )

    @OptionGroup var content: ContentOptions
    @OptionGroup var report: ReportOptions

    @Flag(help: "Print only the summary line.")
    var quiet = false

    @Option(help: "The output folder of the build whose findings about unchanged partners check reuses (default: Output).")
    var output = "Output"

    @Flag(name: .customLong("no-cache"), help: "Check every partner again, even those unchanged since the last build.")
    var noCache = false

    func run() throws {
        try ContentFolder.require(content.content)
        let diagnostics: DiagnosticReport
        do {
            var configuration = content.configuration(output: output, strict: report.strict)
            configuration.useCache = !noCache
            diagnostics = try PartnerbookKit.Check.findings(configuration)
        } catch {
            throw Exit.fail("\(error)")
        }
        let output = quiet ? diagnostics.summary + "\n" : diagnostics.render(report.format, pathPrefix: content.content)
        FileHandle.standardOutput.write(Data(output.utf8))
        if report.format == .json {
            FileHandle.standardError.write(Data((diagnostics.summary + "\n").utf8))
        }
        if diagnostics.fails { throw Exit.contentErrors }
    }
}
