/// The closed vocabularies of the content model. Each enum's raw values are
/// the words a partnerships lead writes in YAML.

/// The three-tier model: self-serve integration, joint development, co-development.
public enum Tier: String, CaseIterable, Sendable, Comparable {
    case integration, partnership, strategic

    /// Tiers may also be written as their number, 1 to 3.
    public init?(word: String) {
        switch word.lowercased() {
        case "1": self = .integration
        case "2": self = .partnership
        case "3": self = .strategic
        default: self.init(rawValue: word.lowercased())
        }
    }

    public var number: Int {
        switch self {
        case .integration: 1
        case .partnership: 2
        case .strategic: 3
        }
    }

    public var title: String {
        switch self {
        case .integration: "Tier 1 · Integration"
        case .partnership: "Tier 2 · Partnership"
        case .strategic: "Tier 3 · Strategic"
        }
    }

    public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.number < rhs.number }
}

/// Where a partnership stands on the crawl / walk / run path.
public enum Status: String, CaseIterable, Sendable {
    case prospect, crawl, walk, run, ended

    /// Walk and run are live commitments: the rules hold them to a higher bar.
    public var isCommitted: Bool { self == .walk || self == .run }
}

/// What makes the partner need us, strongest first.
public enum LeverageType: String, CaseIterable, Sendable {
    case requirement, economic, competitive, customer
    case coMarketing = "co-marketing"
}

/// A recorded go/no-go call for a phase.
public enum GateDecision: String, CaseIterable, Sendable {
    case go
    case noGo = "no-go"
    case pending
}

/// Which way a metric should move.
public enum Direction: String, CaseIterable, Sendable {
    case up, down
}

/// The state of one co-marketing checklist item.
public enum ItemState: String, CaseIterable, Sendable {
    case done, pending
    case notApplicable = "n/a"
}

/// How often the partnership is reviewed.
public enum Cadence: String, CaseIterable, Sendable {
    case monthly, quarterly

    public var months: Int { self == .monthly ? 1 : 3 }
}

/// The two sides of a partnership.
public enum Party: String, CaseIterable, Sendable {
    case us, partner
}

/// What one reading of a revenue metric covers.
public enum MetricPeriod: String, CaseIterable, Sendable {
    /// Earned in the review's quarter.
    case quarter
    /// Earned in the review's month; a quarter sums its months.
    case month
    /// A running total: a quarter's figure is its reading minus the previous quarter's.
    case toDate = "to_date"
}

/// Program outcomes a partner metric can add to.
public enum Outcome: String, CaseIterable, Sendable {
    case partnerRevenue = "partner_revenue"
}
