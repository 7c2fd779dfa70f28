import Foundation

/// `partnerbook record QUARTER --from FILE.csv`: fills that quarter's review
/// of every partner in a metrics export, all or nothing.
///
/// Every row is checked before anything is written: the partner (by ID, or
/// by its exact name), the metric (an id of the partner's charter, or its
/// exact name), the value (a number), no partner and metric twice, and no
/// value already recorded for the quarter unless `replace`. Each partner
/// file is then edited as text (`ReviewWriter`), read back and compared with
/// what was meant; only when every file passes are they written, each
/// through a temporary file and a rename.
public enum Recorder {
    public struct Options: Sendable {
        public var contentFolder: URL
        public var csv: URL
        /// How the command line named the CSV file and the content folder, for diagnostics.
        public var csvPath: String
        public var contentPath: String
        public var quarter: Quarter
        /// The date of a review `record` adds.
        public var date: Day?
        public var replace: Bool
        public var dryRun: Bool

        public init(contentFolder: URL, csv: URL, csvPath: String, contentPath: String, quarter: Quarter, date: Day?,
                    replace: Bool, dryRun: Bool) {
            self.contentFolder = contentFolder
            self.csv = csv
            self.csvPath = csvPath
            self.contentPath = contentPath
            self.quarter = quarter
            self.date = date
            self.replace = replace
            self.dryRun = dryRun
        }
    }

    /// One partner file's edit.
    public struct Change: Sendable {
        /// Relative to the content folder.
        public var file: String
        public var partnerName: String
        public var before: String
        public var after: String
        /// "added the 2026-Q4 review" or "filled the 2026-Q4 review".
        public var action: String
        /// `metric: old -> new` or `metric: new`, in CSV order.
        public var values: [String]
    }

    public struct Outcome: Sendable {
        /// Problems found; when there are any, nothing was written.
        public var diagnostics: [Diagnostic]
        public var changes: [Change]
        /// True when the changes were written (not a dry run, no problems).
        public var written: Bool
        public var shape: String
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func record(_ options: Options) throws -> Outcome {
        guard let data = FileManager.default.contents(atPath: options.csv.path) else {
            throw Failure(description: "cannot read \(options.csvPath)")
        }
        func outcome(_ problems: [RecordProblem], shape: String = "") -> Outcome {
            Outcome(diagnostics: problems.map { $0.diagnostic(csvPath: options.csvPath, contentPath: options.contentPath) },
                    changes: [], written: false, shape: shape)
        }
        let table: CSVTable
        do {
            table = try CSVTable(data)
        } catch let error as CSVTable.SyntaxError {
            return outcome([RecordProblem(.syntax, at: error.position, error.message)])
        }
        var problems: [RecordProblem] = []
        let sheet = MetricSheet(table, problems: &problems)
        let content = try ContentLoader.load(from: options.contentFolder)
        let partners = content.partners.sorted { $0.id < $1.id }

        // Resolve every row; group values by partner in CSV order.
        var planned: [String: [(metric: String, value: Double, cell: CSVTable.Field)]] = [:]
        var order: [String] = []
        var seen: [String: SourcePosition] = [:]
        for entry in sheet.entries {
            guard let partner = resolvePartner(entry.partner, among: partners, loaded: content, problems: &problems) else { continue }
            guard let metric = resolveMetric(entry.metric, of: partner, problems: &problems) else { continue }
            guard let value = MetricSheet.number(entry.value.text) else {
                problems.append(RecordProblem(.value, at: entry.value.position,
                                              "'\(entry.value.text)' is not a number (digits, an optional sign, decimal point, thousands separators or currency symbol)"))
                continue
            }
            let key = partner.id + "\u{1F}" + metric
            if let first = seen[key] {
                problems.append(RecordProblem(.duplicate, at: entry.value.position,
                                              "\(partner.displayName) \(metric) is given twice; the first is at line \(first.line), column \(first.column)"))
                continue
            }
            seen[key] = entry.value.position
            if planned[partner.id] == nil { order.append(partner.id) }
            planned[partner.id, default: []].append((metric, value, entry.value))
        }

        var changes: [Change] = []
        for id in order {
            let partner = partners.first { $0.id == id }!
            let values = planned[id]!
            let reviews = (partner.reviews?.items ?? []).filter { $0.quarter?.value == options.quarter }
            if reviews.count > 1 {
                problems.append(RecordProblem(.partnerFile, at: reviews[1].quarter?.at ?? reviews[1].at,
                                              "\(options.quarter) is reviewed twice in this file; fix that before recording", file: partner.file))
                continue
            }
            let review = reviews.first
            var described: [String] = []
            var blocked = false
            for value in values {
                if let old = review?.value(of: value.metric) {
                    guard options.replace else {
                        problems.append(RecordProblem(.exists, at: value.cell.position,
                                                      "\(partner.displayName) already has \(value.metric): \(ReviewWriter.text(old)) for \(options.quarter); pass --replace to overwrite it"))
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
                let change = try edit(partner, values: values.map { ReviewWriter.Value(metric: $0.metric, number: $0.value) },
                                      options: options, company: content.program.company?.value)
                changes.append(Change(file: partner.file, partnerName: partner.displayName, before: change.before, after: change.after,
                                      action: review == nil ? "added the \(options.quarter) review" : "filled the \(options.quarter) review",
                                      values: described))
            } catch let failure as Failure {
                problems.append(RecordProblem(.partnerFile, at: review?.at ?? partner.reviews?.at ?? .start, failure.description,
                                              file: partner.file))
            }
        }

        guard problems.isEmpty else { return outcome(problems, shape: sheet.shape.rawValue) }
        if !options.dryRun && !changes.isEmpty {
            try write(changes, in: options.contentFolder)
        }
        return Outcome(diagnostics: [], changes: changes, written: !options.dryRun && !changes.isEmpty, shape: sheet.shape.rawValue)
    }

    private static func resolvePartner(_ cell: CSVTable.Field, among partners: [Partner], loaded: LoadedContent,
                                       problems: inout [RecordProblem]) -> Partner? {
        let text = Trim.whitespace(cell.text)
        if let byID = partners.first(where: { $0.id == text }) { return byID }
        let byName = partners.filter { $0.name?.value == text }
        if byName.count == 1 { return byName[0] }
        if byName.count > 1 {
            problems.append(RecordProblem(.unknownPartner, at: cell.position,
                                          "\(byName.count) partners are named '\(text)' (\(byName.map(\.id).joined(separator: ", "))); use the ID"))
            return nil
        }
        let file = "\(ContentLoader.partnersFolder)/\(text).yaml"
        if loaded.diagnostics.contains(where: { $0.file == file }) {
            problems.append(RecordProblem(.unknownPartner, at: cell.position, "\(file) cannot be read; fix it first (see partnerbook check)"))
            return nil
        }
        var message = "no partner with ID or name '\(text)'"
        if let suggestion = Suggestion.closest(to: text, among: partners.map(\.id) + partners.compactMap { $0.name?.value }) {
            message += "; did you mean '\(suggestion)'?"
        }
        problems.append(RecordProblem(.unknownPartner, at: cell.position, message))
        return nil
    }

    private static func resolveMetric(_ cell: CSVTable.Field, of partner: Partner, problems: inout [RecordProblem]) -> String? {
        let text = Trim.whitespace(cell.text)
        let metrics = partner.charter?.measurement?.metrics?.value ?? []
        let ids = metrics.compactMap { $0.id?.value }
        if ids.contains(text) { return text }
        if let byName = metrics.first(where: { $0.name?.value == text }), let id = byName.id?.value { return id }
        var message = "\(partner.displayName) has no metric '\(text)'"
            + (ids.isEmpty ? "; its charter defines none" : " (its charter defines \(ids.joined(separator: ", ")))")
        if let suggestion = Suggestion.closest(to: text, among: ids) { message += "; did you mean '\(suggestion)'?" }
        problems.append(RecordProblem(.unknownMetric, at: cell.position, message))
        return nil
    }

    /// The partner file's text before and after; the edit is read back and
    /// must hold exactly the values meant, with nothing else changed.
    private static func edit(_ partner: Partner, values: [ReviewWriter.Value], options: Options,
                             company: String?) throws -> (before: String, after: String) {
        let url = options.contentFolder.appendingPathComponent(partner.file)
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw Failure(description: "cannot read \(partner.file)")
        }
        let context = LoadContext(file: partner.file)
        guard let root = YAMLFile.parse(data, context: context) else {
            throw Failure(description: "\(partner.file) cannot be parsed; fix it first (see partnerbook check)")
        }
        let after: String
        do {
            after = try ReviewWriter.recording(values, quarter: options.quarter, date: options.date, in: text, root: root)
        } catch {
            throw Failure(description: "\(error)")
        }
        let check = LoadContext(file: partner.file)
        guard let newRoot = YAMLFile.parse(Data(after.utf8), context: check) else {
            throw Failure(description: "internal check failed: the edited file would not parse; nothing was written")
        }
        let edited = PartnerLoader.load(newRoot, id: partner.id, context: check)
        let before = partner.reviews?.items.first { $0.quarter?.value == options.quarter }
        let now = edited.reviews?.items.filter { $0.quarter?.value == options.quarter } ?? []
        var expected = Dictionary((before?.metrics ?? []).map { ($0.id.value, $0.value.value) }, uniquingKeysWith: { a, _ in a })
        for value in values { expected[value.metric] = value.number }
        let got = Dictionary((now.first?.metrics ?? []).map { ($0.id.value, $0.value.value) }, uniquingKeysWith: { a, _ in a })
        let otherReviews = { (p: Partner) in
            (p.reviews?.items ?? []).filter { $0.quarter?.value != options.quarter }.map { review in
                review.metrics.map { "\($0.id.value)=\($0.value.value)" }
            }
        }
        guard now.count == 1, got == expected, otherReviews(edited) == otherReviews(partner),
              Fingerprint.of(edited, company: company) == Fingerprint.of(partner, company: company),
              (edited.signatures?.items.count ?? 0) == (partner.signatures?.items.count ?? 0) else {
            throw Failure(description: "internal check failed: the edited file would not read back as recorded; nothing was written")
        }
        return (text, after)
    }

    /// Writes every change through a temporary file beside it, then renames
    /// them into place one after another.
    private static func write(_ changes: [Change], in folder: URL) throws {
        var staged: [(temporary: URL, target: URL)] = []
        do {
            for change in changes {
                let target = folder.appendingPathComponent(change.file)
                let temporary = target.deletingLastPathComponent()
                    .appendingPathComponent(".\(target.lastPathComponent).record-\(ProcessInfo.processInfo.processIdentifier)")
                try Data(change.after.utf8).write(to: temporary)
                staged.append((temporary, target))
            }
        } catch {
            for file in staged { try? FileManager.default.removeItem(at: file.temporary) }
            throw Failure(description: "cannot write the partner files: \(error.localizedDescription); nothing was changed")
        }
        for file in staged {
            guard rename(file.temporary.path, file.target.path) == 0 else {
                throw Failure(description: "cannot replace \(file.target.path): \(String(cString: strerror(errno)))")
            }
        }
    }
}
