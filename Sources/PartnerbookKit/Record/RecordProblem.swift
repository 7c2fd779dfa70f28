import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput
/// Something `record` cannot do, at a line and column of the CSV file (or of
/// a partner file), with a rule id for scripts.
package struct RecordProblem: Sendable {
    enum Kind: String, Sendable {
        case syntax = "record.syntax"
        case header = "record.header"
        case unknownPartner = "record.unknown-partner"
        case unknownMetric = "record.unknown-metric"
        case value = "record.value"
        case duplicate = "record.duplicate"
        case exists = "record.exists"
        case partnerFile = "record.partner-file"
    }

    var kind: Kind
    var position: SourcePosition
    package var message: String
    /// The file the position is in, when it is a partner file rather than the CSV.
    var file: String?
    /// Other lines where the same problem occurs (the same unknown name again).
    var also: [Int] = []

    init(_ kind: Kind, at position: SourcePosition, _ message: String, file: String? = nil) {
        self.kind = kind
        self.position = position
        self.message = message
        self.file = file
    }

    /// As a diagnostic whose file is the path a person gave: `csvPath` as the
    /// command line named the CSV, partner files below `contentPath`.
    func diagnostic(csvPath: String, contentPath: String) -> Diagnostic {
        let path = file.map { contentPath.isEmpty ? $0 : (contentPath.hasSuffix("/") ? contentPath : contentPath + "/") + $0 } ?? csvPath
        let more = also.isEmpty ? "" : " (also on line\(also.count == 1 ? "" : "s") \(also.map(String.init).joined(separator: ", ")))"
        return Diagnostic(file: path, at: position, severity: .error, rule: RecordProblem.rules.first { $0.rule.id == kind.rawValue }!.rule, message: message + more)
    }
}

extension Rule {
    static let recordSyntax = Rule("record.syntax")
    static let recordHeader = Rule("record.header")
    static let recordUnknownPartner = Rule("record.unknown-partner")
    static let recordUnknownMetric = Rule("record.unknown-metric")
    static let recordValue = Rule("record.value")
    static let recordDuplicate = Rule("record.duplicate")
    static let recordExists = Rule("record.exists")
    static let recordPartnerFile = Rule("record.partner-file")
}

extension RecordProblem {
    /// The rules `record` reports, with their documentation.
    package static let rules: [RuleInfo] = [
        RuleInfo(.recordSyntax,
                 summary: "The CSV is not RFC 4180 (an unclosed quote, a quote inside an unquoted field, text after a closing quote), neither UTF-8 nor UTF-16 with a byte-order mark, over 32 MiB or not a regular file, or a data row has another number of fields than the header.",
                 why: "All or nothing: a file that cannot be read with certainty records nothing.",
                 fix: "Export the report again as CSV, or fix the line and column given.",
                 example: "partner,revenue\nacme,\"455,000\n"),
        RuleInfo(.recordHeader,
                 summary: "No row names the partner column, or the header names no metric, a column that records a metric twice, a column close to a metric id that it is not, or a column --where or --date-column names that it does not have.",
                 why: "The header says what every value is; a wrong one would record values into the wrong metric.",
                 fix: "Name the partner column with --partner-column and map columns with --column (or record: in program.yaml).",
                 example: "Partner Name,Revenue"),
        RuleInfo(.recordUnknownPartner,
                 summary: "No partner has that ID, name or alias, or two partners go by it.",
                 why: "A value recorded for the wrong partner is silently wrong; a name nobody has is reported, once.",
                 fix: "Use the partner's ID, or add the export's name to the partner file's aliases.",
                 example: "partner,revenue\nAcme Cloud Incorporated,455000"),
        RuleInfo(.recordUnknownMetric,
                 summary: "The partner's charter defines no such metric.",
                 why: "Readings are of agreed metrics only.",
                 fix: "Map the column to a metric id (--column), or add the metric to the charter.",
                 example: "partner,metric,value\nacme-cloud,revenu,455000"),
        RuleInfo(.recordValue,
                 summary: "The value is not a number (in the conventions of --locale or record.locale), is money in another currency than the metric's, or a --date-column cell is not a date.",
                 why: "Nothing is guessed or converted on the way in.",
                 fix: "Export plain numbers, or convert the currency first.",
                 example: "partner,revenue\nacme-cloud,€ 455000   # the metric is in USD"),
        RuleInfo(.recordDuplicate,
                 summary: "The same partner and metric are given twice in the file, and --sum was not given.",
                 why: "Two values for one reading make it ambiguous which one is meant.",
                 fix: "Keep one row per partner and metric, or pass --sum to add the rows of a deal-level export.",
                 example: "partner,metric,value\nacme-cloud,revenue,1\nacme-cloud,revenue,2"),
        RuleInfo(.recordExists,
                 summary: "The period's review already has a different value for the metric, and --replace was not given (the same value again is no change).",
                 why: "A recorded number is not overwritten by accident.",
                 fix: "Pass --replace to overwrite it, or --partial to record the other partners and leave this one.",
                 example: "partnerbook record 2026-Q3 --from q3.csv   # recorded before"),
        RuleInfo(.recordPartnerFile,
                 summary: "The partner is reviewed by the other period (month or quarter), the file has two reviews for the period, or it cannot be edited safely.",
                 why: "Every other byte of a partner file is kept; an edit that cannot be made safely is not made.",
                 fix: "Record the right period for the partner, or fix its file first.",
                 example: "partnerbook record 2026-Q4 --from q4.csv   # a partner reviewed monthly"),
    ]
}
