import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules
/// What the program scorecard and the home page both show first: is the
/// program working (outcomes by quarter against target), the phase funnel
/// and theatre count, and the ranked alerts.
package struct ProgramSummaryView {
    struct OutcomeRow {
        var quarter: String
        /// "$410,000 of $5,050,000".
        var partnerRevenue: String
        var share: String
        /// "2 of 4".
        var active: String
        var activeRate: String
        /// Partners in the program whose figure is missing, or a dash.
        var notCounted: String
    }

    struct NamedLink {
        var name: String
        var link: String
    }

    struct AlertLine {
        var name: String
        var link: String?
        var severity: String?
        var message: String
        package var rule: String?
        /// "+2 more", or nil.
        var more: String?
    }

    struct AlertGroup {
        var title: String
        var lines: [AlertLine]
    }

    /// One or two sentences answering "is the program working?".
    var answer: String
    var hasOutcomes: Bool
    /// The last four quarters, newest first (the chart shows up to eight).
    var outcomeRows: [OutcomeRow]
    var shareTarget: String
    var activeTarget: String
    var outcomesChart: ChartView?
    /// Partners that reached crawl, walk and run, and the conversions between them.
    var reachedCrawl: Int
    var reachedWalk: String
    var reachedRun: String
    var crawlDays: String
    var walkDays: String
    var theatreCount: Int
    var handshakes: [NamedLink]
    var coMarketingOnly: [NamedLink]
    var hasTheatre: Bool
    var alertGroups: [AlertGroup]
    var hasAlerts: Bool

    /// - Parameters:
    ///   - root: the path from the page to the output root (`""` or `"../"`).
    ///   - partnerLink: the page a partner's name links to, below `partners/ID/`.
    init(program: Program, facts: ProgramFacts, root: String, partnerLink: String) {
        let outcomes = facts.outcomes
        let currency = program.currency
        func link(_ id: String) -> String { root + OutputPaths.partner(id, partnerLink) }
        let names = facts.names

        shareTarget = Format.percentage(outcomes.targets.partnerRevenueShare)
        activeTarget = Format.percentage(outcomes.targets.activePartnerRate)
        outcomeRows = outcomes.quarters.suffix(4).reversed().map { q in
            OutcomeRow(quarter: Format.quarter(q.quarter),
                       partnerRevenue: Format.value(q.partnerRevenue, unit: currency)
                           + " of " + (q.companyRevenue.map { Format.value($0, unit: currency) } ?? "an unreported total"),
                       share: q.revenueShare.map(Format.percentage) ?? "–",
                       active: "\(q.active) of \(q.inProgram)",
                       activeRate: q.activeRate.map(Format.percentage) ?? "–",
                       notCounted: q.missing.isEmpty ? "–" : q.missing.map(\.name).joined(separator: ", "))
        }
        hasOutcomes = !outcomes.quarters.isEmpty
        outcomesChart = hasOutcomes
            ? ChartView(name: "Program outcomes", path: root + "program/charts/outcomes.svg",
                        alt: OutcomesChart(outcomes: outcomes).textAlternative)
            : nil
        answer = ProgramSummaryView.answer(outcomes, currency: currency)

        let funnel = facts.funnel
        reachedCrawl = funnel.reachedCrawl
        reachedWalk = "\(funnel.reachedWalk)" + (funnel.crawlToWalk.map { " (\(Format.percentage($0)) of crawl)" } ?? "")
        reachedRun = "\(funnel.reachedRun)" + (funnel.walkToRun.map { " (\(Format.percentage($0)) of walk)" } ?? "")
        crawlDays = ProgramSummaryView.days(funnel.medianCrawlDays, count: funnel.crawlDays.count, range: TimelineRules.crawlDays,
                                            words: "4 to 8 weeks")
        walkDays = ProgramSummaryView.days(funnel.medianWalkDays, count: funnel.walkDays.count, range: TimelineRules.walkDays,
                                           words: "8 to 12 weeks")
        theatreCount = funnel.theatre
        handshakes = funnel.handshakes.map { NamedLink(name: names[$0] ?? $0, link: link($0)) }
        coMarketingOnly = funnel.coMarketingOnly.map { NamedLink(name: names[$0] ?? $0, link: link($0)) }
        hasTheatre = theatreCount > 0

        let ranking = facts.ranking
        let groups = Dictionary(grouping: ranking.lines, by: \.urgency)
        alertGroups = [AlertRanking.Urgency.error, .decision, .other, .ended].compactMap { urgency in
            guard let lines = groups[urgency], !lines.isEmpty else { return nil }
            return AlertGroup(title: urgency.title, lines: lines.map { line in
                let target = line.partnerID.map(link) ?? "\(root)program/report.html"
                guard let top = line.top else {
                    return AlertLine(name: line.name, link: target, severity: nil,
                                     message: "The partnership ended" + (line.endedOn.map { " on \(Format.date($0))." } ?? "."),
                                     rule: nil, more: nil)
                }
                return AlertLine(name: line.name, link: target, severity: top.severity.rawValue, message: top.message,
                                 rule: top.rule.id, more: line.others > 0 ? "+\(line.others) more" : nil)
            })
        }
        hasAlerts = !alertGroups.isEmpty
    }

    /// The headline: the latest quarter that has ended and has company
    /// revenue (a quarter in progress is never judged), with every partner
    /// whose figure is missing named rather than counted as nothing.
    static func answer(_ outcomes: ProgramOutcomes, currency: String) -> String {
        let progress = outcomes.inProgress.map { " \($0) is in progress and is judged once it ends." } ?? ""
        guard let latest = outcomes.headline else {
            if let last = outcomes.quarters.last {
                return "No finished quarter has the company's revenue yet (the last finished is \(last.quarter)): add it under outcomes in program.yaml to judge the partner revenue share." + progress
            }
            return "No finished quarter has data yet: record the company's revenue per quarter under outcomes in program.yaml, mark the metrics that are partner revenue with counts_toward: partner_revenue, and hold reviews." + progress
        }
        let targets = outcomes.targets
        guard latest.hasFigures else {
            // A quarter no review has reported is no figure at all, never a 0.
            let planned = latest.planned
            let when = planned.isEmpty ? "no review of it has reported a figure"
                : "\(planned.count) review\(planned.count == 1 ? "" : "s") planned for "
                    + (planned.first == planned.last ? Format.date(planned[0]) : "\(Format.date(planned.first!))..\(Format.date(planned.last!))")
            return "In \(Format.quarter(latest.quarter)), the last quarter finished, there are no figures yet: \(when)." + progress
        }
        var sentences: [String] = []
        let from = latest.contributors == 1 ? "from 1 partner" : "from \(latest.contributors) partners"
        if let share = latest.revenueShare, let company = latest.companyRevenue {
            let verdict = share >= targets.partnerRevenueShare ? "at or above" : "below"
            sentences.append("In \(Format.quarter(latest.quarter)), the last quarter finished, partners brought \(Format.value(latest.partnerRevenue, unit: currency)) (\(from)), \(Format.percentage(share)) of company revenue of \(Format.value(company, unit: currency)), \(verdict) the \(Format.percentage(targets.partnerRevenueShare)) target.")
        } else {
            sentences.append("In \(Format.quarter(latest.quarter)), the last quarter finished, partners brought \(Format.value(latest.partnerRevenue, unit: currency)) (\(from)); company revenue was zero, so no share can be given.")
        }
        if !latest.missing.isEmpty {
            sentences.append("Not counted, for want of a figure: " + latest.missing.map { "\($0.name) (\($0.reason))" }.joined(separator: "; ") + ".")
        }
        if let rate = latest.activeRate {
            let verdict = rate >= targets.activePartnerRate ? "at or above" : "below"
            sentences.append("The active partner rate was \(Format.percentage(rate)) (\(latest.active) of \(latest.inProgram) in the program), \(verdict) the \(Format.percentage(targets.activePartnerRate)) target.")
        }
        if latest.ahead > 0 {
            sentences.append("Both include the figures of \(latest.ahead) partner\(latest.ahead == 1 ? "" : "s") recorded ahead of a review still planned.")
        }
        return sentences.joined(separator: " ") + progress
    }

    static func days(_ median: Double?, count: Int, range: ClosedRange<Int>, words: String) -> String {
        guard let median else { return "no finished phase yet (the playbook plans \(words))" }
        let within = Double(range.lowerBound) <= median && median <= Double(range.upperBound)
        let days = median == median.rounded() ? Format.weeks(Int(median)) : "\(Format.number(median, decimals: 1)) days"
        return "\(days) (median of \(count)), " + (within ? "within the playbook's \(words)" : "outside the playbook's \(words)")
    }
}
