import ArgumentParser
import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport

extension Period: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fill a quarter's (or month's) review of every partner in a CRM or finance export.",
        discussion: """
        The CSV (RFC 4180, UTF-8) is long, partner,metric,value, or wide, partner,<metric>,...; report \
        titles and filter lines before the header, total rows and the report footer are skipped and listed. \
        Partners match by ID, name or alias, ignoring case and spacing; map other headers with \
        --partner-column and --column (or record: in program.yaml). Each partner's review of the period gets \
        the values (a new review is added when there is none; a planned review keeps its date, attendees and \
        everything else), and every other byte of its file stays as it was. All or nothing: every problem is \
        reported once, in line order, and nothing is written.
        """,
        version: PartnerbookVersion.line
    )

    @Argument(help: "The period the values are for: a quarter, YYYY-Qn, or for partners reviewed monthly a month, YYYY-MM.")
    var period: Period

    @Option(help: "The CSV file to read.")
    var from: String

    @Option(help: "The date of a review this adds, YYYY-MM-DD (an existing review keeps its own).")
    var date: String?

    @Flag(help: "Overwrite values already recorded for the period.")
    var replace = false

    @Flag(name: .customLong("dry-run"), help: "Print what would change and write nothing.")
    var dryRun = false

    @Option(name: .customLong("partner-column"), help: "The header of the column that names the partner (default: partner, or record.partner_column in program.yaml).")
    var partnerColumn: String?

    @Option(name: .customLong("column"), help: "Map an export's column to a metric: --column \"Sourced ARR=sourced_revenue\" (repeatable).")
    var columns: [String] = []

    @Option(name: .long, help: "The program's content folder.")
    var content = "Content"

    @Option(help: "How to print problems: text, json or github.")
    var format: DiagnosticFormat = .text

    func validate() throws {
        if let date, Day(date) == nil {
            throw ValidationError("--date must be a date written YYYY-MM-DD, got '\(date)'")
        }
        for column in columns where Record.mapping(column) == nil {
            throw ValidationError("--column takes HEADER=METRIC_ID, got '\(column)'")
        }
    }

    /// "Sourced ARR=sourced_revenue" as a header and a metric id (split at the last `=`).
    static func mapping(_ text: String) -> (header: String, metric: String)? {
        guard let split = text.lastIndex(of: "=") else { return nil }
        let header = text[..<split].trimmingCharacters(in: .whitespaces), metric = text[text.index(after: split)...].trimmingCharacters(in: .whitespaces)
        return header.isEmpty || metric.isEmpty ? nil : (header, metric)
    }

    func run() throws {
        try ContentFolder.require(content)
        let options = Recorder.Options(contentFolder: URL(fileURLWithPath: content), csv: URL(fileURLWithPath: from),
                                       csvPath: from, contentPath: content, period: period, date: date.flatMap(Day.init),
                                       replace: replace, dryRun: dryRun, partnerColumn: partnerColumn,
                                       columns: columns.compactMap(Record.mapping))
        let outcome: Recorder.Outcome
        do {
            outcome = try Recorder.record(options)
        } catch {
            throw Exit.fail("\(error)")
        }
        for note in outcome.notes {
            FileHandle.standardError.write(Data("\(from): note: \(note)\n".utf8))
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
                     : "recorded \(period) for \(count) partner\(count == 1 ? "" : "s") from \(from) (\(outcome.shape) form)")
    }
}
