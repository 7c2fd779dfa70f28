/// `Content/program.yaml`: the program-wide settings.
public struct Program: Sendable {
    public var name: Located<String>?
    public var company: Located<String>?
    public var currency: String = "USD"
    public var asOf: Located<Day>?
    /// When the program's year starts (`fiscal_year_start`): its quarters are fiscal quarters unless January.
    public var calendar = FiscalCalendar.calendarYear
    public var site = SiteSettings()
    public var gates = GateThresholds()
    public var scoring = ScoringWeights()
    /// Company-wide figures by quarter, from finance.
    public var outcomes: [QuarterOutcome] = []
    public var targets = ProgramTargets()
    /// Program currency per unit of other currencies, for partner revenue.
    public var exchangeRates = ExchangeRates()
    /// How `record` reads exports: the partner column and metric columns.
    public var record = RecordMapping()
    /// Our legal entity and address (`legal:`), part of every charter's signed text.
    public var legal: LegalParty?
    /// Printed above the signatures: whether the charter binds (`legal.statement`).
    public var legalStatement: Located<String>?
    /// The law, courts, notices and exit every charter states (`legal:`), signed.
    public var legalTerms = LegalTerms()
    /// Tier names in the public directory (`public.show_tiers`); default false.
    public var showTiersInPublic = false
    /// How the directory is kept, and the ecosystem-control tree's inputs (`ecosystem:`).
    public var ecosystem: EcosystemSettings?

    public init() {}

    /// What every charter of the program shares and signs, with the hash
    /// of the charter template in use (`sha256:…`).
    public func charterFrame(template: String) -> CharterFrame {
        CharterFrame(company: company?.value, entity: legal?.entity?.value, address: legal?.address?.value,
                     statement: legalStatement?.value, terms: legalTerms.text, crawlMinImprovement: gates.crawlMinImprovement,
                     walkMinAdoption: gates.walkMinAdoption, template: template)
    }
}

/// `exchange_rates: { EUR: 1.08, 2026-Q3: { EUR: 1.1 } }`: how many units of
/// the program currency one unit of another currency is worth, by default
/// and for a given quarter.
public struct ExchangeRates: Sendable {
    public var at: SourcePosition?
    public var defaults: [String: Double] = [:]
    public var byQuarter: [Quarter: [String: Double]] = [:]
    public init() {}

    /// The rate for `currency` in `quarter`: the quarter's own, else the default.
    public func rate(_ currency: String, in quarter: Quarter) -> Double? {
        byQuarter[quarter]?[currency] ?? defaults[currency]
    }

    /// Every currency any rate is given for.
    public var currencies: Set<String> {
        Set(defaults.keys).union(byQuarter.values.flatMap(\.keys))
    }
}

/// `record: { partner_column: "Partner Account Name", columns: { "Sourced ARR": sourced_revenue } }`.
public struct RecordMapping: Sendable {
    /// The header of the column that names the partner (default `partner`).
    public var partnerColumn: String?
    /// Export headers and the metric id each one records, in file order.
    public var columns: [(header: String, metric: String)] = []
    /// How the exports write numbers and dates (`de`: `38.250,00`); default English.
    public var locale: String?
    public init() {}
}

public struct SiteSettings: Sendable {
    public var title: String?
    public var baseURL: String?
    /// Where the internal site is served (`site.internal_url`): the links in
    /// `reviews.ics` and the internal sitemap point there, never to the
    /// public host of `base_url`.
    public var internalURL: String?
    /// The printed page of charters and packets; default A4.
    public var paper: Paper = .a4
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

    public init(at: SourcePosition, quarter: Located<Quarter>, revenue: Located<Double>? = nil) {
        self.at = at
        self.quarter = quarter
        self.revenue = revenue
    }
}

/// The program's goals in percent. Defaults are the playbook's "after" column.
public struct ProgramTargets: Sendable {
    /// Partner revenue as a share of company revenue.
    public var partnerRevenueShare: Double = 35
    /// Partners active in a quarter as a share of the partners in the program.
    public var activePartnerRate: Double = 70
    public init() {}
}
