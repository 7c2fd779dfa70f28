import ArgumentParser
import Foundation
import PartnerbookKit

extension Quarter: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fill a quarter's review of every partner in a CSV export of metrics.",
        discussion: """
        The CSV (RFC 4180, UTF-8, a header row) is long, partner,metric,value, or wide, \
        partner,<metric id>,...; partners by ID or exact name. Each partner's review of QUARTER gets \
        the values (a new review is added when there is none), and every other byte of its file stays \
        as it was. All or nothing: one bad row is reported with its line and column and nothing is written.
        """,
        version: PartnerbookVersion.line
    )

    @Argument(help: "The quarter the values are for, YYYY-Qn.")
    var quarter: Quarter

    @Option(help: "The CSV file to read.")
    var from: String

    @Option(help: "The date of a review this adds, YYYY-MM-DD.")
    var date: String?

    @Flag(help: "Overwrite values already recorded for the quarter.")
    var replace = false

    @Flag(name: .customLong("dry-run"), help: "Print what would change and write nothing.")
    var dryRun = false

    @Option(name: .long, help: "The program's content folder.")
    var content = "Content"

    @Option(help: "How to print problems: text, json or github.")
    var format: DiagnosticFormat = .text

    func validate() throws {
        if let date, Day(date) == nil {
            throw ValidationError("--date must be a date written YYYY-MM-DD, got '\(date)'")
        }
    }

    func run() throws {
        try ContentFolder.require(content)
        let options = Recorder.Options(contentFolder: URL(fileURLWithPath: content), csv: URL(fileURLWithPath: from),
                                       csvPath: from, contentPath: content, quarter: quarter, date: date.flatMap(Day.init),
                                       replace: replace, dryRun: dryRun)
        let outcome: Recorder.Outcome
        do {
            outcome = try Recorder.record(options)
        } catch {
            throw Exit.fail("\(error)")
        }
        if !outcome.diagnostics.isEmpty {
            let report = DiagnosticReport(diagnostics: outcome.diagnostics, partnerCount: 0, strict: false)
            let text = report.render(format, pathPrefix: "")
            // The summary names rows, not partners.
            FileHandle.standardOutput.write(Data((format == .text ? text.split(separator: "\n").dropLast().joined(separator: "\n") + "\n" : text).utf8))
            FileHandle.standardError.write(Data("partnerbook: \(outcome.diagnostics.count) problem\(outcome.diagnostics.count == 1 ? "" : "s") in \(from); nothing was written\n".utf8))
            throw Exit.contentErrors
        }
        let prefix = content.hasSuffix("/") ? content : content + "/"
        if outcome.changes.isEmpty {
            print("\(from) holds no values; nothing to record")
            return
        }
        for change in outcome.changes {
            print("\(dryRun ? "would update" : "updated") \(prefix)\(change.file): \(change.action) of \(change.partnerName): \(change.values.joined(separator: ", "))")
            if dryRun { print(LineDiff(before: change.before, after: change.after, path: prefix + change.file).unified, terminator: "") }
        }
        let count = outcome.changes.count
        print(dryRun ? "dry run: \(count) partner file\(count == 1 ? "" : "s") would change; nothing was written"
                     : "recorded \(quarter) for \(count) partner\(count == 1 ? "" : "s") from \(from) (\(outcome.shape) form)")
    }
}
