/// `Content/program.yaml`: the program-wide settings.
public struct Program: Sendable {
    public var name: Located<String>?
    public var company: Located<String>?
    public var currency: String = "USD"
    public var asOf: Located<Day>?
    public var site = SiteSettings()
    public var gates = GateThresholds()
    public var scoring = ScoringWeights()
    /// Company-wide figures by quarter, from finance.
    public var outcomes: [QuarterOutcome] = []
    public var targets = ProgramTargets()

    public init() {}
}

public struct SiteSettings: Sendable {
    public var title: String?
    public var baseURL: String?
    public init() {}
}

/// Go/no-go thresholds, in percent. Defaults are the playbook's.
public struct GateThresholds: Sendable {
    /// Minimum improvement on the crawl metric.
    public var crawlMinImprovement: Double = 20
    /// Minimum share of invited customers who adopted during walk.
    public var walkMinAdoption: Double = 70
    /// How far behind its straight-line pace a dated metric may fall, as a
    /// percentage of the progress expected by now, before `kpi.behind-pace`.
    public var kpiBehindPace: Double = 25
    public init() {}
}

/// Weights of the health score; they must sum to 100.
public struct ScoringWeights: Sendable {
    public var at: SourcePosition?
    public var kpis: Double = 40
    public var gates: Double = 20
    public var commitment: Double = 20
    public var charter: Double = 10
    public var coMarketing: Double = 10
    public init() {}

    public var total: Double { kpis + gates + commitment + charter + coMarketing }
}

/// One quarter's company-wide revenue, the denominator of partner revenue share.
public struct QuarterOutcome: Sendable {
    public var at: SourcePosition
    public var quarter: Located<Quarter>
    public var revenue: Located<Double>?
}

/// The program's goals in percent. Defaults are the playbook's "after" column.
public struct ProgramTargets: Sendable {
    /// Partner revenue as a share of company revenue.
    public var partnerRevenueShare: Double = 35
    /// Partners active in a quarter as a share of the partners in the program.
    public var activePartnerRate: Double = 70
    public init() {}
}
