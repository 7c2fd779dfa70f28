import PartnerbookModel
import PartnerbookSupport
/// Metrics that add to the program's partner revenue: `outcomes.period`,
/// `outcomes.currency`. Partner revenue is summed across partners and
/// quarters, so each such metric must say what one reading covers and be
/// money the program can convert; otherwise the sum would be silently wrong.
public enum OutcomeRules: PartnerRules {
    public static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        let cadence = partner.charter?.measurement?.cadence ?? .quarterly
        let program = context.program
        for metric in partner.charter?.measurement?.metrics?.value ?? [] where metric.countsToward?.value == .partnerRevenue {
            let name = metric.id?.value ?? metric.displayName
            if let period = metric.period {
                if period.value == .month && cadence == .quarterly {
                    findings.report(.outcomesPeriod, at: period.at,
                                    "\(name) has period month but the partner is reviewed quarterly, so its reviews hold no month's figure; use quarter, or to_date for a running total")
                } else if period.value == .quarter && cadence == .monthly {
                    findings.report(.outcomesPeriod, at: period.at,
                                    "\(name) has period quarter but the partner is reviewed monthly; use month (a quarter sums its months), or to_date for a running total")
                }
            } else {
                findings.report(.outcomesPeriod, at: metric.at,
                                "\(name) counts toward partner revenue but does not say what one reading covers: add period: quarter (earned in the quarter), month (earned in the month) or to_date (a running total)")
            }
            let unit = metric.unit?.value ?? ""
            guard let code = Currency.code(unit) else {
                findings.report(.outcomesCurrency, at: metric.unit?.at ?? metric.at,
                                unit.isEmpty ? "\(name) counts toward partner revenue but has no unit; give its currency, as unit: \(program.currency)"
                                             : "\(name) counts toward partner revenue but its unit '\(unit)' is not a currency code; partner revenue adds up money, as unit: \(program.currency)")
                continue
            }
            guard code != program.currency, program.exchangeRates.defaults[code] == nil else { continue }
            let quarters = Set(KPIReading.orderedReviews(partner).compactMap { review -> Quarter? in
                guard let id = metric.id?.value, review.value(of: id) != nil else { return nil }
                return review.period.map { program.calendar.quarter(of: $0.value) }
            })
            let without = quarters.filter { program.exchangeRates.rate(code, in: $0) == nil }.sorted()
            if !without.isEmpty || !program.exchangeRates.currencies.contains(code) {
                let when = without.isEmpty ? "" : " for " + without.map(\.description).joined(separator: ", ")
                findings.report(.outcomesCurrency, at: metric.unit?.at ?? metric.at,
                                "\(name) is in \(code) but the program counts in \(program.currency) and program.yaml has no \(code) rate\(when); add exchange_rates: { \(code): RATE } (\(program.currency) per \(code))")
            }
        }
    }
}

extension Rule {
    static let outcomesPeriod = Rule("outcomes.period")
    static let outcomesCurrency = Rule("outcomes.currency")
}

extension OutcomeRules {
    /// The rules this family checks, with their documentation.
    public static let rules: [RuleInfo] = [
        RuleInfo(.outcomesPeriod,
                 summary: "A metric that counts toward partner revenue has no period, or a period its reviews cannot give (month for a partner reviewed quarterly, quarter for one reviewed monthly).",
                 why: "Partner revenue is summed per quarter: without knowing what a reading covers, a running total would be counted as one quarter's revenue.",
                 fix: "Add period: quarter, month or to_date.",
                 example: "metrics:\n  - { id: sourced_revenue, unit: USD, target: 600000, counts_toward: partner_revenue }"),
        RuleInfo(.outcomesCurrency,
                 summary: "A metric that counts toward partner revenue has a unit that is no currency code, or another currency than the program's with no exchange rate for a quarter it has a reading in.",
                 why: "Euros added to dollars without a rate give a partner revenue share that is silently wrong.",
                 fix: "Give the metric a currency unit, and add exchange_rates for it to program.yaml.",
                 example: "metrics:\n  - { id: resale_revenue, unit: EUR, target: 300000, counts_toward: partner_revenue, period: quarter }\n# program.yaml has no exchange_rates: { EUR: ... }"),
    ]
}
