import PartnerbookModel
import PartnerbookSupport

/// The rows of a deal-level export that count: `--where "COLUMN=VALUE"`
/// (repeatable; different columns must all match, values given for one
/// column are alternatives) and `--date-column HEADER` (only rows dated in
/// the period recorded). Values compare ignoring case and spacing, as names do.
package struct RowFilter: Sendable {
    package var conditions: [(column: String, value: String)] = []
    package var dateColumn: String?
    /// The period the rows must be dated in.
    package var period: Period?
    /// How the export writes numbers and dates.
    package var convention = NumberConvention.english

    package init(conditions: [(column: String, value: String)] = [], dateColumn: String? = nil, period: Period? = nil,
                 convention: NumberConvention = .english) {
        self.conditions = conditions
        self.dateColumn = dateColumn
        self.period = period
        self.convention = convention
    }

    /// How many rows each part of the filter left out.
    struct Tally {
        var otherValue: [Int: Int] = [:]
        var outsidePeriod = 0
        var kept = 0
    }

    /// The filter with its columns found in the header.
    struct Resolved {
        var filter: RowFilter
        /// Column index and the values it may hold, in the order given.
        var matches: [(index: Int, header: String, values: Set<String>, written: [String])] = []
        var dateIndex: Int?
        var columns: Set<Int> { Set(matches.map(\.index) + [dateIndex].compactMap { $0 }) }

        /// Whether the row counts; a date that cannot be read is a problem, not a row quietly dropped.
        func keeps(_ row: [CSVTable.Field], tally: inout Tally, problems: inout [RecordProblem]) -> Bool {
            for (number, match) in matches.enumerated() where !match.values.contains(NameKey.of(row[match.index].text)) {
                tally.otherValue[number, default: 0] += 1
                return false
            }
            if let dateIndex, let period = filter.period {
                let cell = row[dateIndex]
                guard let day = ExportDate.day(cell.text, dayFirst: filter.convention.dayFirst) else {
                    problems.append(RecordProblem(.value, at: cell.position,
                                                  "'\(cell.text)' in the date column is not a date (2027-01-14, \(filter.convention.dayFirst ? "14.01.2027 or 14/01/2027" : "1/14/2027"), a time after it allowed)"))
                    return false
                }
                guard period.firstDay <= day && day <= period.lastDay else {
                    tally.outsidePeriod += 1
                    return false
                }
            }
            tally.kept += 1
            return true
        }

        /// One note per part of the filter that left rows out.
        func notes(_ tally: Tally) -> [(line: Int, text: String)] {
            var notes: [(line: Int, text: String)] = []
            for (number, match) in matches.enumerated() {
                let count = tally.otherValue[number] ?? 0
                let values = match.written.map { "'\($0)'" }.joined(separator: " or ")
                notes.append((Int.max, "--where \(match.header): \(RowFilter.rows(count)) with another value than \(values) left out"))
            }
            if dateIndex != nil, let period = filter.period, let column = filter.dateColumn {
                notes.append((Int.max, "--date-column \(column): \(RowFilter.rows(tally.outsidePeriod)) dated outside \(period) (\(Format.date(period.firstDay)) to \(Format.date(period.lastDay))) left out"))
            }
            if !matches.isEmpty || dateIndex != nil {
                notes.append((Int.max, "\(RowFilter.rows(tally.kept)) kept"))
            }
            return notes
        }
    }

    static func rows(_ count: Int) -> String { "\(count) row\(count == 1 ? "" : "s")" }

    /// The filter's columns in the header; nil with a problem when one is missing.
    func resolve(_ header: [CSVTable.Field], problems: inout [RecordProblem]) -> Resolved? {
        var resolved = Resolved(filter: self)
        func index(of column: String, option: String) -> Int? {
            if let found = header.firstIndex(where: { NameKey.of($0.text) == NameKey.of(column) }) { return found }
            let names = header.map { Trim.whitespace($0.text) }.filter { !$0.isEmpty }
            let hint = Suggestion.closest(to: column, among: names).map { "; did you mean '\($0)'?" } ?? ""
            problems.append(RecordProblem(.header, at: header.first?.position ?? .start, "the header has no column '\(column)' (named by \(option))\(hint)"))
            return nil
        }
        var failed = false
        for condition in conditions {
            guard let found = index(of: condition.column, option: "--where") else { failed = true; continue }
            if let at = resolved.matches.firstIndex(where: { $0.index == found }) {
                resolved.matches[at].values.insert(NameKey.of(condition.value))
                resolved.matches[at].written.append(condition.value)
            } else {
                resolved.matches.append((found, Trim.whitespace(header[found].text), [NameKey.of(condition.value)], [condition.value]))
            }
        }
        if let dateColumn {
            resolved.dateIndex = index(of: dateColumn, option: "--date-column")
            failed = failed || resolved.dateIndex == nil
        }
        return failed ? nil : resolved
    }
}

/// Dates as exports write them: `2027-01-14` (ISO), `1/14/2027` (US,
/// month first) or, where the convention puts the day first, `14/01/2027`
/// and `14.01.2027`; a time after a space (`8/27/2024 11:15`, `… 3:05 PM`)
/// is ignored. Two-digit years are refused: `1/2/27` is not a date anyone
/// should have to guess.
enum ExportDate {
    static func day(_ raw: String, dayFirst: Bool) -> Day? {
        let text = Trim.whitespace(raw)
        guard let first = text.split(separator: " ").first.map(String.init) else { return nil }
        let date = first.split(separator: "T").first.map(String.init) ?? first
        if let iso = Day(date) { return iso }
        for separator: Character in ["/", "."] where date.contains(separator) {
            let parts = date.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[2].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }),
                  let a = Int(parts[0]), let b = Int(parts[1]), let year = Int(parts[2]) else { return nil }
            let dayFirstHere = separator == "." || dayFirst
            return Day(year: year, month: dayFirstHere ? b : a, day: dayFirstHere ? a : b)
        }
        return nil
    }
}
