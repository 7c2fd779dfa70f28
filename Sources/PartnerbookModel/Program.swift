/// `Content/program.yaml`: the program-wide settings.
package struct Program: Sendable {
    package var name: Located<String>?
    package var company: Located<String>?
    package var currency: String = "USD"
    package var asOf: Located<Day>?
    package var site = SiteSettings()
    package var gates = GateThresholds()
    package var scoring = ScoringWeights()
    /// Company-wide figures by quarter, from finance.
    package var outcomes: [QuarterOutcome] = []
    package var targets = ProgramTargets()
    /// Program currency per unit of other currencies, for partner revenue.
    package var exchangeRates = ExchangeRates()
    /// How `record` reads exports: the partner column and metric columns.
    package var record = RecordMapping()
    /// Our legal entity and address (`legal:`), part of every charter's signed text.
    package var legal: LegalParty?
    /// Printed above the signatures: whether the charter binds (`legal.statement`).
    package var legalStatement: Located<String>?
    /// Tier names in the public directory (`public.show_tiers`); default false.
    package var showTiersInPublic = false
    /// How the directory is kept, and the ecosystem-control tree's inputs (`ecosystem:`).
    package var ecosystem: EcosystemSettings?

    package init() {}

    /// Our side as every charter signs it.
    package var ourSide: OurSide {
        OurSide(company: company?.value, entity: legal?.entity?.value, address: legal?.address?.value,
                statement: legalStatement?.value)
    }
}

/// `exchange_rates: { EUR: 1.08, 2026-Q3: { EUR: 1.1 } }`: how many units of
/// the program currency one unit of another currency is worth, by default
/// and for a given quarter.
package struct ExchangeRates: Sendable {
    package var at: SourcePosition?
    package var defaults: [String: Double] = [:]
    package var byQuarter: [Quarter: [String: Double]] = [:]
    package init() {}

    /// The rate for `currency` in `quarter`: the quarter's own, else the default.
    package func rate(_ currency: String, in quarter: Quarter) -> Double? {
        byQuarter[quarter]?[currency] ?? defaults[currency]
    }

    /// Every currency any rate is given for.
    package var currencies: Set<String> {
        Set(defaults.keys).union(byQuarter.values.flatMap(\.keys))
    }
}

/// `record: { partner_column: "Partner Account Name", columns: { "Sourced ARR": sourced_revenue } }`.
package struct RecordMapping: Sendable {
    /// The header of the column that names the partner (default `partner`).
    package var partnerColumn: String?
    /// Export headers and the metric id each one records, in file order.
    package var columns: [(header: String, metric: String)] = []
    package init() {}
}

package struct SiteSettings: Sendable {
    package var title: String?
    package var baseURL: String?
    /// The printed page of charters and packets; default A4.
    package var paper: Paper = .a4
    package init() {}
}

/// Go/no-go thresholds, in percent. Defaults are the playbook's.
package struct GateThresholds: Sendable {
    /// Minimum improvement on the crawl metric.
    package var crawlMinImprovement: Double = 20
    /// Minimum share of invited customers who adopted during walk.
    package var walkMinAdoption: Double = 70
    /// How far behind its straight-line pace a dated metric may fall, as a
    /// percentage of the progress expected by now, before `kpi.behind-pace`.
    package var kpiBehindPace: Double = 25
    package init() {}
}

/// Weights of the health score; they must sum to 100.
package struct ScoringWeights: Sendable {
    package var at: SourcePosition?
    package var kpis: Double = 40
    package var gates: Double = 20
    package var commitment: Double = 20
    package var charter: Double = 10
    package var coMarketing: Double = 10
    package init() {}

    package var total: Double { kpis + gates + commitment + charter + coMarketing }
}

/// One quarter's company-wide revenue, the denominator of partner revenue share.
package struct QuarterOutcome: Sendable {
    package var at: SourcePosition
    package var quarter: Located<Quarter>
    package var revenue: Located<Double>?

    package init(at: SourcePosition, quarter: Located<Quarter>, revenue: Located<Double>? = nil) {
        self.at = at
        self.quarter = quarter
        self.revenue = revenue
    }
}

/// The program's goals in percent. Defaults are the playbook's "after" column.
package struct ProgramTargets: Sendable {
    /// Partner revenue as a share of company revenue.
    package var partnerRevenueShare: Double = 35
    /// Partners active in a quarter as a share of the partners in the program.
    package var activePartnerRate: Double = 70
    package init() {}
}
