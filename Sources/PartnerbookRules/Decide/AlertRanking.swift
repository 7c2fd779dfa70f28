import PartnerbookModel
import PartnerbookSupport
/// What an executive should look at first: one line per partner with its
/// most urgent finding and how many others it has.
///
/// Urgency: errors first; then what needs a decision or a meeting (a gate,
/// an overdue review, a missed due date, a handshake in walk or run, a stale
/// signature to sign again, a build-or-partner verdict of build); then the
/// rest. (A missing signature in walk or run is an error already.)
/// Within a partner, findings of equal urgency keep `check`'s order. Partners
/// are ranked by their most urgent finding, then strategic before
/// partnership before integration, then by name. An ended partnership says
/// only that it ended, last.
public struct AlertRanking: Sendable {
    public enum Urgency: Int, Sendable, Comparable {
        case error = 0, decision, other, ended

        public static func < (lhs: Urgency, rhs: Urgency) -> Bool { lhs.rawValue < rhs.rawValue }

        public var title: String {
            switch self {
            case .error: "Errors"
            case .decision: "Decisions and meetings due"
            case .other: "Everything else"
            case .ended: "Ended"
            }
        }
    }

    public struct Line: Sendable {
        /// The partner's ID, nil for program.yaml.
        public var partnerID: String?
        public var name: String
        public var urgency: Urgency
        /// The most urgent finding; nil for an ended partnership.
        public var top: Diagnostic?
        /// How many other findings the partner has (0 for an ended one).
        public var others: Int
        /// For an ended partnership: when it ended.
        public var endedOn: Day?
    }

    /// Rules whose findings need a decision or a meeting, most pressing first:
    /// a gate, a go/no-go overdue, a review overdue, a charter to sign again,
    /// a build verdict, a missed due date.
    static let decisionOrder: [Rule] = [
        .gateCrawl, .gateWalk, .gateRun, .gateDecisionMismatch, .gateSunkCost, .phaseOverrun, .reviewOverdue,
        .signatureStale, .decisionBuild, .commitmentHandshake, .kpiPastDue,
    ]
    /// (A handshake needs a decision only in walk or run; see `urgency`.)
    static let decisionRules: Set<Rule> = Set(decisionOrder.filter { $0 != .commitmentHandshake })

    /// Within an urgency: errors, then warnings, then notices; decisions by `decisionOrder`.
    static func rank(_ diagnostic: Diagnostic) -> (Severity, Int) {
        (diagnostic.severity, decisionOrder.firstIndex { $0 == diagnostic.rule } ?? decisionOrder.count)
    }

    public var lines: [Line]

    /// Who a line is about: what the ranking needs of a partner.
    public struct Subject: Sendable, Equatable {
        public var id: String
        public var file: String
        public var name: String
        public var tier: Tier?
        public var status: Status?
        /// For an ended partnership: when it ended.
        public var endedOn: Day?

        public init(_ partner: Partner) {
            id = partner.id
            file = partner.file
            name = partner.displayName
            tier = partner.tier?.value
            status = partner.status?.value
            endedOn = status == .ended ? ProgramOutcomes.endDate(partner) : nil
        }

        public init(id: String, file: String, name: String, tier: Tier?, status: Status?, endedOn: Day?) {
            self.id = id
            self.file = file
            self.name = name
            self.tier = tier
            self.status = status
            self.endedOn = endedOn
        }
    }

    public init(partners: [Partner], diagnostics: [Diagnostic]) {
        self.init(subjects: partners.map(Subject.init), diagnostics: diagnostics)
    }

    public init(subjects: [Subject], diagnostics: [Diagnostic]) {
        let byFile = Dictionary(grouping: diagnostics, by: \.file)
        var lines: [(line: Line, tier: Int)] = []
        if let program = byFile[ContentPaths.programFile], let line = AlertRanking.line(nil, nil, "Program settings", program) {
            lines.append((line, 4))
        }
        for partner in subjects {
            let tier = partner.tier?.number ?? 0
            if partner.status == .ended {
                lines.append((Line(partnerID: partner.id, name: partner.name, urgency: .ended, top: nil, others: 0,
                                   endedOn: partner.endedOn), tier))
            } else if let line = AlertRanking.line(partner.id, partner.status, partner.name, byFile[partner.file] ?? []) {
                lines.append((line, tier))
            }
        }
        self.lines = lines.sorted { a, b in
            if a.line.urgency != b.line.urgency { return a.line.urgency < b.line.urgency }
            if a.tier != b.tier { return a.tier > b.tier }
            return (a.line.name, a.line.partnerID ?? "") < (b.line.name, b.line.partnerID ?? "")
        }.map(\.line)
    }

    /// The urgency of one finding about a partner with `status`.
    static func urgency(_ diagnostic: Diagnostic, status: Status?) -> Urgency {
        if diagnostic.severity == .error { return .error }
        if decisionRules.contains(diagnostic.rule) { return .decision }
        if diagnostic.rule == .commitmentHandshake, status?.isCommitted == true { return .decision }
        return .other
    }

    /// A partner's findings, most urgent first (stable within an urgency).
    public static func ordered(_ diagnostics: [Diagnostic], partner: Partner?) -> [Diagnostic] {
        ordered(diagnostics, status: partner?.status?.value)
    }

    /// A partner's findings, most urgent first, for a partner with `status`.
    public static func ordered(_ diagnostics: [Diagnostic], status: Status?) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let ua = urgency(a.element, status: status), ub = urgency(b.element, status: status)
            if ua != ub { return ua < ub }
            let ra = rank(a.element), rb = rank(b.element)
            if ra != rb { return ra < rb }
            return a.offset < b.offset
        }.map(\.element)
    }

    private static func line(_ id: String?, _ status: Status?, _ name: String, _ diagnostics: [Diagnostic]) -> Line? {
        guard let top = ordered(diagnostics, status: status).first else { return nil }
        return Line(partnerID: id, name: name, urgency: urgency(top, status: status), top: top,
                    others: diagnostics.count - 1, endedOn: nil)
    }
}
