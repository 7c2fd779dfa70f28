/// Something `record` cannot do, at a line and column of the CSV file (or of
/// a partner file), with a rule id for scripts.
struct RecordProblem: Sendable {
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
    var message: String
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
        return Diagnostic(file: path, at: position, severity: .error, rule: kind.rawValue, message: message + more)
    }
}
