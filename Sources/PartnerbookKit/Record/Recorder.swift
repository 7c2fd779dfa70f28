import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookSystem
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// `partnerbook record PERIOD --from FILE.csv`: fills that quarter's (or,
/// for partners reviewed monthly, that month's) review of every partner in a
/// CRM or finance export, all or nothing.
///
/// Every row is checked before anything is written: the partner (by ID, by
/// name or alias ignoring case and spacing), the metric (a column mapping,
/// an id of the partner's charter, or its name), the value (a number), no
/// partner and metric twice, the period the partner is reviewed by, and no
/// value already recorded unless `replace`. Each problem is reported once,
/// in line order. Each partner file is then edited as text
/// (`ReviewWriter`), read back and compared with what was meant; only when
/// every file passes are they written (`FileReplacement`). A review that
/// exists, held or planned, gets its numbers and nothing else changes.
package enum Recorder {
    package struct Options: Sendable {
        package var contentFolder: URL
        package var csv: URL
        /// How the command line named the CSV file and the content folder, for diagnostics.
        package var csvPath: String
        package var contentPath: String
        /// The period as given (`2026-Q4`, `FY2027-Q1`, `2026-11`), read in the program's year.
        package var period: String
        /// The date of a review `record` adds.
        package var date: Day?
        package var replace: Bool
        package var dryRun: Bool
        /// `--partner-column`: the header of the column naming the partner (over program.yaml's).
        package var partnerColumn: String?
        /// `--column "HEADER=metric_id"`: more mappings, over program.yaml's.
        package var columns: [(header: String, metric: String)]
        /// `--sum`: add the rows of each partner (a deal-level export, one row per opportunity).
        package var sum = false
        /// `--where "COLUMN=VALUE"`, repeatable.
        package var conditions: [(column: String, value: String)] = []
        /// `--date-column HEADER`: only rows dated in the period.
        package var dateColumn: String?
        /// `--locale L`: how numbers and dates are written (over program.yaml's `record.locale`).
        package var locale: String?
        /// `--partial`: record every partner without a conflict, and report the conflicts.
        package var partial = false

        package init(contentFolder: URL, csv: URL, csvPath: String, contentPath: String, period: String, date: Day?,
                    replace: Bool, dryRun: Bool, partnerColumn: String? = nil, columns: [(header: String, metric: String)] = []) {
            self.contentFolder = contentFolder
            self.csv = csv
            self.csvPath = csvPath
            self.contentPath = contentPath
            self.period = period
            self.date = date
            self.replace = replace
            self.dryRun = dryRun
            self.partnerColumn = partnerColumn
            self.columns = columns
        }
    }

    /// One partner file's edit.
    package struct Change: Sendable {
        /// Relative to the content folder.
        package var file: String
        package var partnerName: String
        package var before: String
        package var after: String
        /// "added the 2026-Q4 review" or "filled the 2026-Q4 review".
        package var action: String
        /// `metric: old -> new` or `metric: new`, in CSV order.
        package var values: [String]
    }

    package struct Outcome: Sendable {
        /// Problems found; when there are any, nothing was written.
        package var diagnostics: [Diagnostic]
        package var changes: [Change]
        /// True when the changes were written (not a dry run, no problems).
        package var written: Bool
        package var shape: String
        /// Rows and columns of the export that were skipped, in words.
        package var notes: [String]
        /// Partners whose values were recorded already, the same: nothing to change.
        package var unchanged: [String] = []
        /// `--partial`: the conflicts left unrecorded while the others were written.
        package var conflicts: [Diagnostic] = []
    }

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    package static func record(_ options: Options) throws -> Outcome {
        let data: Data
        do {
            data = try BoundedFile.read(options.csv.path, limit: CSVTable.maxBytes, followLinks: true)
        } catch let error as BoundedFile.Refusal {
            let problem = RecordProblem(.syntax, at: .start, error.message(for: "a CSV file"))
            return Outcome(diagnostics: [problem.diagnostic(csvPath: options.csvPath, contentPath: options.contentPath)],
                           changes: [], written: false, shape: "", notes: [])
        } catch {
            throw Failure(description: "cannot read \(options.csvPath): \(error)")
        }
        func outcome(_ problems: [RecordProblem], shape: String = "", notes: [(line: Int, text: String)] = []) -> Outcome {
            let sorted = problems.sorted { ($0.file ?? "", $0.position) < ($1.file ?? "", $1.position) }
            return Outcome(diagnostics: sorted.map { $0.diagnostic(csvPath: options.csvPath, contentPath: options.contentPath) },
                           changes: [], written: false, shape: shape, notes: ordered(notes))
        }
        let table: CSVTable
        do {
            table = try CSVTable(data)
        } catch let error as CSVTable.SyntaxError {
            return outcome([RecordProblem(.syntax, at: error.position, error.message)])
        }
        let content = try ContentLoader.load(from: options.contentFolder)
        let mapping = content.program.record
        let calendar = content.program.calendar
        guard let period = calendar.period(options.period) else { throw Failure(description: calendar.notAPeriod(options.period)) }
        let convention = try Recorder.convention(options.locale, program: mapping.locale)
        var problems: [RecordProblem] = []
        let filter = RowFilter(conditions: options.conditions, dateColumn: options.dateColumn, period: period, convention: convention)
        let sheet = MetricSheet(table, partnerColumn: options.partnerColumn ?? mapping.partnerColumn, filter: filter, problems: &problems)
        var notes = sheet.notes
        let partners = content.partners.sorted { $0.id < $1.id }
        let names = PartnerNames(partners)
        // Column mappings: the command line's over program.yaml's, by header ignoring case and spacing.
        var mapped: [String: String] = [:]
        for column in mapping.columns + options.columns { mapped[NameKey.of(column.header)] = column.metric }
        let ignored = ignoredColumns(sheet, partners: partners, mapped: mapped, problems: &problems, notes: &notes)

        // Resolve every row; group values by partner in CSV order. Each problem once.
        var planned: [String: [(metric: String, value: Double, cell: CSVTable.Field, rows: Int)]] = [:]
        var order: [String] = []
        var seen: [String: SourcePosition] = [:]
        var unknownNames: [String: Int] = [:]
        var missingMetric: Set<String> = []
        var wrongCadence: Set<String> = []
        for entry in sheet.entries where !ignored.contains(entry.metric.position) {
            let partnerKey = NameKey.of(entry.partner.text)
            if let index = unknownNames[partnerKey] {
                let line = entry.partner.position.line
                if line != problems[index].position.line, !problems[index].also.contains(line) { problems[index].also.append(line) }
                continue
            }
            guard let partner = names.resolve(entry.partner, loaded: content, problems: &problems) else {
                unknownNames[partnerKey] = problems.count - 1
                continue
            }
            if let problem = cadenceProblem(partner, period, calendar: calendar, at: entry.partner.position) {
                if wrongCadence.insert(partner.id).inserted { problems.append(problem) }
                continue
            }
            let reference = mapped[NameKey.of(entry.metric.text)] ?? Trim.whitespace(entry.metric.text)
            guard let metric = resolveMetric(reference, of: partner) else {
                if missingMetric.insert(partner.id + "\u{1F}" + NameKey.of(reference)).inserted {
                    // Long form: the metric cell is wrong; wide form: this partner's row, under the column.
                    problems.append(metricProblem(reference, written: entry.metric, of: partner,
                                                  at: sheet.shape == MetricSheet.Shape.long ? entry.metric.position : entry.value.position))
                }
                continue
            }
            guard let (value, currencies) = MetricSheet.money(entry.value.text, convention: convention) else {
                problems.append(RecordProblem(.value, at: entry.value.position, notANumber(entry.value.text, convention: convention)))
                continue
            }
            // Money in one currency is never recorded into a metric kept in another.
            if let currencies, let problem = currencyProblem(currencies, written: entry.value, metric: metric, of: partner) {
                problems.append(problem)
                continue
            }
            let key = partner.id + "\u{1F}" + metric
            if let first = seen[key] {
                if options.sum, let at = planned[partner.id]?.firstIndex(where: { $0.metric == metric }) {
                    planned[partner.id]![at].value += value
                    planned[partner.id]![at].rows += 1
                    continue
                }
                problems.append(RecordProblem(.duplicate, at: entry.value.position,
                                              "\(partner.displayName) \(metric) is given twice; the first is at line \(first.line), column \(first.column) (one row per deal? pass --sum to add them)"))
                continue
            }
            seen[key] = entry.value.position
            if planned[partner.id] == nil { order.append(partner.id) }
            planned[partner.id, default: []].append((metric, value, entry.value, 1))
        }
        if options.sum {
            for id in order {
                let name = partners.first { $0.id == id }!.displayName
                let counts = planned[id]!.map { "\($0.metric) from \(RowFilter.rows($0.rows))" }
                notes.append((Int.max, "--sum: \(name): \(counts.joined(separator: ", "))"))
            }
        }

        var changes: [Change] = []
        var unchanged: [String] = []
        var conflicts: [RecordProblem] = []
        for id in order {
            let partner = partners.first { $0.id == id }!
            var values = planned[id]!
            let reviews = (partner.reviews?.items ?? []).filter { $0.period?.value == period }
            if reviews.count > 1 {
                problems.append(RecordProblem(.partnerFile, at: reviews[1].period?.at ?? reviews[1].at,
                                              "\(period) is reviewed twice in this file; fix that before recording", file: partner.file))
                continue
            }
            let review = reviews.first
            var described: [String] = []
            var blocked = false
            // The same value recorded again is no change (recording an export twice is harmless).
            values.removeAll { value in review?.value(of: value.metric).map { ReviewWriter.text($0) == ReviewWriter.text(value.value) } ?? false }
            if values.isEmpty {
                unchanged.append(partner.displayName)
                continue
            }
            for value in values {
                if let old = review?.value(of: value.metric) {
                    guard options.replace else {
                        let conflict = RecordProblem(.exists, at: value.cell.position,
                                                     "\(partner.displayName) already has \(value.metric): \(ReviewWriter.text(old)) for \(period), not \(ReviewWriter.text(value.value)); pass --replace to overwrite it")
                        if options.partial { conflicts.append(conflict) } else { problems.append(conflict) }
                        blocked = true
                        continue
                    }
                    described.append("\(value.metric): \(ReviewWriter.text(old)) -> \(ReviewWriter.text(value.value))")
                } else {
                    described.append("\(value.metric): \(ReviewWriter.text(value.value))")
                }
            }
            guard !blocked else { continue }
            do {
                let change = try edit(partner, period: period, calendar: calendar, values: values.map { ReviewWriter.Value(metric: $0.metric, number: $0.value) },
                                      options: options, frame: content.program.charterFrame(template: ""))
                changes.append(Change(file: partner.file, partnerName: partner.displayName, before: change.before, after: change.after,
                                      action: review == nil ? "added the \(period) review" : "filled the \(period) review",
                                      values: described))
            } catch let failure as Failure {
                problems.append(RecordProblem(.partnerFile, at: review?.at ?? partner.reviews?.at ?? .start, failure.description,
                                              file: partner.file))
            }
        }

        guard problems.isEmpty else { return outcome(problems, shape: sheet.shape.rawValue, notes: notes) }
        if !options.dryRun && !changes.isEmpty {
            do {
                try FileReplacement.replace(changes.map {
                    FileReplacement.Change(path: options.contentFolder.appendingPathComponent($0.file).path, data: Data($0.after.utf8))
                }, root: options.contentFolder)
            } catch let failure as FileReplacement.Failure {
                throw Failure(description: failure.description)
            }
        }
        let diagnostics = conflicts.map { $0.diagnostic(csvPath: options.csvPath, contentPath: options.contentPath) }
        return Outcome(diagnostics: [], changes: changes, written: !options.dryRun && !changes.isEmpty, shape: sheet.shape.rawValue,
                       notes: ordered(notes), unchanged: unchanged, conflicts: diagnostics)
    }

    /// The number convention of `--locale`, else program.yaml's `record.locale`, else English.
    private static func convention(_ option: String?, program: String?) throws -> NumberConvention {
        guard let identifier = option ?? program else { return .english }
        guard let convention = NumberConvention(locale: identifier) else {
            throw Failure(description: "'\(identifier)' (\(option == nil ? "record.locale in program.yaml" : "--locale")) is not a locale this machine knows; write one such as de, fr, en_GB or en_US")
        }
        return convention
    }

    /// Why a cell is not a number; when it reads as one in the other decimal convention, which option says so.
    private static func notANumber(_ text: String, convention: NumberConvention) -> String {
        var message = "'\(text)' is not a number (digits, an optional sign, \(convention.decimalWords), thousands separators, a currency symbol or code, or a percent sign)"
        if let other = NumberConvention(locale: convention.decimal == "." ? "de" : "en_US"),
           let value = MetricSheet.number(text, convention: other) {
            message += "; written with \(other.decimalWords) it reads \(ReviewWriter.text(value)): pass --locale \(other.decimal == "," ? "de" : "en") (or record: { locale: ... } in program.yaml)"
        }
        return message
    }

    /// Notes in line order (stable for one line).
    private static func ordered(_ notes: [(line: Int, text: String)]) -> [String] {
        notes.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element.text)
    }

    /// Columns that name no metric of any partner and are not mapped (and, in
    /// the long form, the columns besides partner, metric and value): left
    /// out, all named in one note, unless a header is close to a metric id (a
    /// typo is an error, not a column quietly dropped). A column that records
    /// a metric may appear once; one left out may appear any number of times
    /// (HubSpot repeats "Associated Company").
    private static func ignoredColumns(_ sheet: MetricSheet, partners: [Partner], mapped: [String: String],
                                       problems: inout [RecordProblem], notes: inout [(line: Int, text: String)]) -> Set<SourcePosition> {
        let metrics = partners.flatMap { $0.charter?.measurement?.metrics?.value ?? [] }
        let known = Set(metrics.flatMap { [$0.id?.value, $0.name?.value].compactMap { $0 }.map(NameKey.of) })
        let ids = Array(Set(metrics.compactMap { $0.id?.value })).sorted()
        var ignored: Set<SourcePosition> = []
        var left: [CSVTable.Field] = sheet.unread
        var recorded: [String: SourcePosition] = [:]
        for column in sheet.columns {
            let key = NameKey.of(column.text)
            if mapped[key] != nil || known.contains(key) {
                if let first = recorded[key] {
                    problems.append(RecordProblem(.header, at: column.position,
                                                  "the column '\(Trim.whitespace(column.text))' appears twice; the first is at column \(first.column), and both would record the same metric"))
                    ignored.insert(column.position)
                } else {
                    recorded[key] = column.position
                }
                continue
            }
            if let suggestion = Suggestion.closest(to: Trim.whitespace(column.text), among: ids) {
                problems.append(RecordProblem(.header, at: column.position,
                                              "the column '\(column.text)' names no metric; did you mean '\(suggestion)'? (or map it: --column \"\(column.text)=METRIC_ID\")"))
            } else {
                left.append(column)
            }
            ignored.insert(column.position)
        }
        if let first = left.first {
            var names: [String] = []
            for column in left where !names.contains(Trim.whitespace(column.text)) { names.append(Trim.whitespace(column.text)) }
            let shown = names.prefix(8).map { "'\($0)'" }.joined(separator: ", ") + (names.count > 8 ? " and \(names.count - 8) more" : "")
            notes.append((first.position.line, "\(left.count == 1 ? "1 column names" : "\(left.count) columns name") no metric and \(left.count == 1 ? "was" : "were") left out (\(shown)); map one with --column \"HEADER=METRIC_ID\" to record it"))
        }
        return ignored
    }

    /// A value written in a currency the metric is not kept in.
    private static func currencyProblem(_ currencies: Set<String>, written: CSVTable.Field, metric id: String,
                                        of partner: Partner) -> RecordProblem? {
        let metric = partner.charter?.measurement?.metrics?.value.first { $0.id?.value == id }
        let unit = metric?.unit?.value ?? ""
        guard let code = Currency.code(unit) else {
            return RecordProblem(.value, at: written.position,
                                 "'\(written.text)' is money, but \(partner.displayName)'s \(id) is counted in \(unit.isEmpty ? "no unit" : "'\(unit)'")")
        }
        guard !currencies.contains(code) else { return nil }
        return RecordProblem(.value, at: written.position,
                             "'\(written.text)' is in \(currencies.sorted().joined(separator: " or ")) but \(partner.displayName)'s \(id) is kept in \(code); convert it first (nothing is converted on the way in)")
    }

    /// A partner reviewed monthly records months; one reviewed quarterly, quarters.
    private static func cadenceProblem(_ partner: Partner, _ period: Period, calendar: FiscalCalendar, at position: SourcePosition) -> RecordProblem? {
        let cadence = partner.charter?.measurement?.cadence ?? .quarterly
        switch (cadence, period) {
        case (.monthly, .quarter(let quarter)):
            return RecordProblem(.partnerFile, at: position,
                                 "\(partner.displayName) is reviewed monthly: record its months (\(quarter.months.map(\.description).joined(separator: ", "))) rather than \(quarter)")
        case (.quarterly, .month(let month)):
            return RecordProblem(.partnerFile, at: position,
                                 "\(partner.displayName) is reviewed quarterly: record \(calendar.quarter(of: month)) rather than the month \(month)")
        default:
            return nil
        }
    }

    /// The metric id a column or cell names for this partner: its id, or its name, ignoring case and spacing.
    private static func resolveMetric(_ reference: String, of partner: Partner) -> String? {
        let metrics = partner.charter?.measurement?.metrics?.value ?? []
        let key = NameKey.of(reference)
        if let byID = metrics.first(where: { $0.id?.value == reference }) ?? metrics.first(where: { $0.id.map { NameKey.of($0.value) } == key }) {
            return byID.id?.value
        }
        return metrics.first { $0.name.map { NameKey.of($0.value) } == key }?.id?.value
    }

    private static func metricProblem(_ reference: String, written: CSVTable.Field, of partner: Partner,
                                      at position: SourcePosition) -> RecordProblem {
        let ids = (partner.charter?.measurement?.metrics?.value ?? []).compactMap { $0.id?.value }
        var message = "\(partner.displayName) has no metric '\(reference)'"
            + (reference == Trim.whitespace(written.text) ? "" : " (mapped from the column '\(written.text)')")
            + (ids.isEmpty ? "; its charter defines none" : " (its charter defines \(ids.joined(separator: ", ")))")
        if let suggestion = Suggestion.closest(to: reference, among: ids) { message += "; did you mean '\(suggestion)'?" }
        return RecordProblem(.unknownMetric, at: position, message)
    }

    /// The partner file's text before and after; the edit is read back and
    /// must hold exactly the values meant, with nothing else changed.
    private static func edit(_ partner: Partner, period: Period, calendar: FiscalCalendar, values: [ReviewWriter.Value], options: Options,
                             frame: CharterFrame) throws -> (before: String, after: String) {
        let url = options.contentFolder.appendingPathComponent(partner.file)
        guard let data = try? BoundedFile.read(url.path, limit: YAMLFile.maxBytes, followLinks: true),
              let text = String(data: data, encoding: .utf8) else {
            throw Failure(description: "cannot read \(partner.file)")
        }
        let context = LoadContext(file: partner.file, calendar: calendar)
        guard let root = YAMLFile.parse(data, context: context) else {
            throw Failure(description: "\(partner.file) cannot be parsed; fix it first (see partnerbook check)")
        }
        let after: String
        do {
            after = try ReviewWriter.recording(values, period: period, date: options.date, in: text, root: root)
        } catch {
            throw Failure(description: "\(error)")
        }
        let check = LoadContext(file: partner.file, calendar: calendar)
        guard let newRoot = YAMLFile.parse(Data(after.utf8), context: check) else {
            throw Failure(description: "internal check failed: the edited file would not parse; nothing was written")
        }
        let edited = PartnerLoader.load(newRoot, id: partner.id, context: check)
        let before = partner.reviews?.items.first { $0.period?.value == period }
        let now = edited.reviews?.items.filter { $0.period?.value == period } ?? []
        var expected = Dictionary((before?.metrics ?? []).map { ($0.id.value, $0.value.value) }, uniquingKeysWith: { a, _ in a })
        for value in values { expected[value.metric] = value.number }
        let got = Dictionary((now.first?.metrics ?? []).map { ($0.id.value, $0.value.value) }, uniquingKeysWith: { a, _ in a })
        let otherReviews = { (p: Partner) -> [[String]] in
            (p.reviews?.items ?? []).filter { $0.period?.value != period }.map { review in
                review.metrics.map { "\($0.id.value)=\($0.value.value)" }
            }
        }
        // A review that existed keeps everything but its numbers: date, attendees, next review, risks, objectives.
        let unchanged = before.map { old in
            now.first.map { new in
                old.date?.value == new.date?.value && old.nextReview?.value == new.nextReview?.value
                    && old.attendees.map(\.value) == new.attendees.map(\.value) && old.risks.count == new.risks.count
                    && old.objectives.map(\.value) == new.objectives.map(\.value) && old.decisions.map(\.value) == new.decisions.map(\.value)
            } ?? false
        } ?? true
        guard now.count == 1, got == expected, unchanged, otherReviews(edited) == otherReviews(partner),
              // The same frame on both sides (no template needed): only the partner's signed terms are compared.
              Fingerprint.of(edited, frame: frame) == Fingerprint.of(partner, frame: frame),
              (edited.signatures?.items.count ?? 0) == (partner.signatures?.items.count ?? 0) else {
            throw Failure(description: "internal check failed: the edited file would not read back as recorded; nothing was written")
        }
        return (text, after)
    }
}

/// Partners by what exports call them: ID, name or alias, ignoring case and spacing.
package struct PartnerNames {
    private var byKey: [String: [Partner]] = [:]
    private let all: [Partner]

    init(_ partners: [Partner]) {
        all = partners
        for partner in partners {
            var keys = Set([NameKey.of(partner.id)])
            if let name = partner.name?.value { keys.insert(NameKey.of(name)) }
            for alias in partner.aliases { keys.insert(NameKey.of(alias.value)) }
            for key in keys { byKey[key, default: []].append(partner) }
        }
    }

    /// The partner a cell names; nil with one problem when none or several match.
    func resolve(_ cell: CSVTable.Field, loaded: LoadedContent, problems: inout [RecordProblem]) -> Partner? {
        let text = Trim.whitespace(cell.text)
        if let exact = all.first(where: { $0.id == text }) { return exact }
        let matches = byKey[NameKey.of(text)] ?? []
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            problems.append(RecordProblem(.unknownPartner, at: cell.position,
                                          "\(matches.count) partners go by '\(text)' (\(matches.map(\.id).joined(separator: ", "))); use the ID"))
            return nil
        }
        let file = "\(ContentPaths.partnersFolder)/\(text).yaml"
        if loaded.diagnostics.contains(where: { $0.file == file && $0.severity == .error }) {
            problems.append(RecordProblem(.unknownPartner, at: cell.position, "\(file) cannot be read; fix it first (see partnerbook check)"))
            return nil
        }
        var message = "no partner with ID, name or alias '\(text)'"
        if let suggestion = Suggestion.closest(to: text, among: all.map(\.id) + all.compactMap { $0.name?.value }) {
            message += "; did you mean '\(suggestion)'? (or add it to that partner's aliases)"
        } else {
            message += "; add it to the partner's aliases if that is how the export names it"
        }
        problems.append(RecordProblem(.unknownPartner, at: cell.position, message))
        return nil
    }
}
