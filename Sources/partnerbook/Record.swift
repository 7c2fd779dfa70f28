import ArgumentParser
import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport

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

    @Argument(help: "The period the values are for: a quarter, YYYY-Qn (FYyyyy-Qn when program.yaml sets fiscal_year_start), or for partners reviewed monthly a month, YYYY-MM.")
    var period: String

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

    @Flag(help: "Add the rows of each partner (a deal-level export: one row per opportunity).")
    var sum = false

    @Option(name: .customLong("where"), help: "Keep only rows whose COLUMN holds VALUE: --where \"Stage=Closed Won\" (repeatable; values for one column are alternatives).")
    var conditions: [String] = []

    @Option(name: .customLong("date-column"), help: "Keep only rows whose date in this column falls in the period.")
    var dateColumn: String?

    @Option(help: "How the export writes numbers and dates: de reads 38.250,00 and 14.01.2027 (default: record.locale in program.yaml, else English).")
    var locale: String?

    @Flag(help: "Record every partner whose values do not conflict with values already recorded, and report the conflicts (exit 1).")
    var partial = false

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
        for condition in conditions where Record.mapping(condition) == nil {
            throw ValidationError("--where takes COLUMN=VALUE, got '\(condition)'")
        }
        if let locale, NumberConvention(locale: locale) == nil {
            throw ValidationError("--locale '\(locale)' is not a locale this machine knows; write one such as de, fr, en_GB or en_US")
        }
    }

    /// "Sourced ARR=sourced_revenue" as a header and a metric id (split at the last `=`);
    /// "Stage=Closed Won" as a column and a value.
    static func mapping(_ text: String) -> (header: String, metric: String)? {
        guard let split = text.lastIndex(of: "=") else { return nil }
        let header = text[..<split].trimmingCharacters(in: .whitespaces), metric = text[text.index(after: split)...].trimmingCharacters(in: .whitespaces)
        return header.isEmpty || metric.isEmpty ? nil : (header, metric)
    }

    func run() throws {
        try ContentFolder.require(content)
        var options = Recorder.Options(contentFolder: URL(fileURLWithPath: content), csv: URL(fileURLWithPath: from),
                                       csvPath: from, contentPath: content, period: period, date: date.flatMap(Day.init),
                                       replace: replace, dryRun: dryRun, partnerColumn: partnerColumn,
                                       columns: columns.compactMap(Record.mapping))
        options.sum = sum
        options.conditions = conditions.compactMap(Record.mapping).map { (column: $0.header, value: $0.metric) }
        options.dateColumn = dateColumn
        options.locale = locale
        options.partial = partial
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
            printDiagnostics(outcome.diagnostics)
            FileHandle.standardError.write(Data("partnerbook: \(outcome.diagnostics.count) problem\(outcome.diagnostics.count == 1 ? "" : "s") in \(from); nothing was written\n".utf8))
            throw Exit.contentErrors
        }
        let prefix = content.hasSuffix("/") ? content : content + "/"
        if !outcome.unchanged.isEmpty {
            print("already recorded, the same values: \(outcome.unchanged.joined(separator: ", "))")
        }
        if !outcome.conflicts.isEmpty { printDiagnostics(outcome.conflicts) }
        if outcome.changes.isEmpty {
            print(outcome.unchanged.isEmpty && outcome.conflicts.isEmpty ? "\(from) holds no values; nothing to record" : "nothing to change")
            if !outcome.conflicts.isEmpty { throw Exit.contentErrors }
            return
        }
        for change in outcome.changes {
            print("\(dryRun ? "would update" : "updated") \(prefix)\(change.file): \(change.action) of \(change.partnerName): \(change.values.joined(separator: ", "))")
            if dryRun { print(LineDiff(before: change.before, after: change.after, path: prefix + change.file).unified, terminator: "") }
        }
        let count = outcome.changes.count
        print(dryRun ? "dry run: \(count) partner file\(count == 1 ? "" : "s") would change; nothing was written"
                     : "recorded \(period) for \(count) partner\(count == 1 ? "" : "s") from \(from) (\(outcome.shape) form)")
        if !outcome.conflicts.isEmpty {
            FileHandle.standardError.write(Data("partnerbook: --partial: \(outcome.conflicts.count) value\(outcome.conflicts.count == 1 ? "" : "s") conflict with what is recorded and were not written\n".utf8))
            throw Exit.contentErrors
        }
    }

    /// Problems in the chosen format; the summary line is left out (it would name partners, not rows).
    private func printDiagnostics(_ diagnostics: [Diagnostic]) {
        let text = DiagnosticReport(diagnostics: diagnostics, partnerCount: 0, strict: false).render(format, pathPrefix: "")
        FileHandle.standardOutput.write(Data((format == .text ? text.split(separator: "\n").dropLast().joined(separator: "\n") + "\n" : text).utf8))
    }
}
