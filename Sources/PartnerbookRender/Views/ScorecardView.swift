import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules
/// What the partner scorecard template reads.
package struct ScorecardView {
    /// The extension document links point to: `md` in Markdown output, `html` in HTML.
    var ext = "md"

    struct ScorePart {
        var title: String
        var weight: String
        var fraction: String
        var points: String
    }

    struct GateRow {
        var gate: String
        var measured: String
        var bar: String
        var decision: String
        var status: String
    }

    struct CheckItem {
        var title: String
        var met: Bool
        var evidence: String
    }

    struct StageRow {
        var stage: String
        var progress: String
        var pending: String
    }

    struct RiskRow {
        var risk: String
        var owner: String
        var action: String
    }

    struct Finding {
        var severity: String
        var message: String
        package var rule: String
        var line: Int
    }

    var title: String
    var company: String
    var partnerName: String
    var tier: String
    var status: String
    var asOf: String
    var health: Int
    /// The parts' sum when the score rounds it ("99.6").
    var roundedFrom: String?
    var band: String
    /// Why the band is held below what the score gives, if it is.
    var capNote: String?
    var scoreParts: [ScorePart]
    /// Whether any metric is judged against a pace (it has a due date).
    var hasPace: Bool
    var kpis: [KPIRow]
    var charts: [ChartView]
    var hasKPIs: Bool
    var gates: [GateRow]
    var verdict: String
    var verdictReason: String
    /// The build-or-partner tree's answer, when the partner file has its inputs.
    var buildOrPartner: String?
    var leverageType: String
    var leverageStrength: String
    var leverageRecommendation: String
    var commitmentRows: [Row]
    var handshake: Bool
    var tierRows: [Row]
    var beforeStarting: [CheckItem]
    var beforeLaunching: [CheckItem]
    var coMarketing: [StageRow]
    var coMarketingTotal: String
    var risks: [RiskRow]
    var hasRisks: Bool
    var risksQuarter: String
    var findings: [Finding]
    /// QBR packets, oldest first, for links.
    var packets: [PacketLink]

    struct PacketLink {
        var quarter: String
        /// "QBR 2026-Q3" or "Review 2026-11".
        var name: String
    }

    /// - Parameter chart: the partner's chart file (every metric), relative to the document.
    init(_ context: DocumentContext, chart: ChartView?) {
        let partner = context.partner, assessment = context.assessment
        title = "Partner scorecard: \(context.partnerName)"
        company = context.company
        partnerName = context.partnerName
        tier = partner.tier?.value.title ?? "Tier not set"
        status = partner.status?.value.label ?? "Status not set"
        asOf = Format.date(context.asOf)
        health = assessment.health.total
        roundedFrom = assessment.health.roundedFrom
        band = assessment.health.bandText
        capNote = assessment.health.capNote
        hasPace = assessment.kpis.contains { $0.metric.due != nil }
        scoreParts = assessment.health.parts.map {
            ScorePart(title: $0.kind.title, weight: Format.number($0.weight), fraction: Format.percent($0.fraction),
                      points: Format.number($0.points, decimals: 1))
        }
        kpis = context.kpiRows(assessment.kpis)
        hasKPIs = !kpis.isEmpty
        charts = chart.map { [$0] } ?? []
        gates = ScorecardView.gateRows(assessment, partner: partner, currency: context.program.currency)
        buildOrPartner = assessment.buildOrPartner.map { "\($0.verdict == .build ? "Build it ourselves" : "Partner"): \($0.reason)." }
        verdict = assessment.continueDecision.verdict.rawValue.capitalizedFirst
        verdictReason = assessment.continueDecision.reason
        leverageType = partner.leverage?.type?.value.label ?? "Not identified"
        leverageStrength = assessment.leverage.strength.rawValue
        leverageRecommendation = assessment.leverage.recommendation.sentence
        let check = assessment.commitment
        commitmentRows = Party.allCases.map { party in
            let count = partner.commitments?[party].filter { !$0.value.isBlank }.count ?? 0
            let loses = !check.noDownside.contains(party)
            return Row(label: context.side(party),
                       value: (count == 0 ? "no economic commitment" : "\(count) commitment\(count == 1 ? "" : "s")")
                           + (loses ? "; says what it loses if this fails" : "; does not say what it loses"))
        }
        handshake = check.isHandshake
        let decision = assessment.tierDecision
        tierRows = [
            Row(label: "Tier", value: partner.tier?.value.title ?? "not set"),
            Row(label: "Tier decision", value: decision.map { "\($0.tier.title): \($0.reason)" } ?? "no profile to decide from"),
            Row(label: "Verdict", value: decision == nil ? "not checked"
                    : decision?.tier == partner.tier?.value ? "matches" : "does not match: review the tier"),
        ]
        beforeStarting = assessment.readiness.beforeStarting.map { CheckItem(title: $0.title, met: $0.met, evidence: $0.evidence) }
        beforeLaunching = assessment.readiness.beforeLaunching.map { CheckItem(title: $0.title, met: $0.met, evidence: $0.evidence) }
        coMarketing = assessment.coMarketing.stages.map { stage in
            StageRow(stage: stage.stage.title,
                     progress: stage.applicable == 0 ? "nothing applicable" : "\(stage.done) of \(stage.applicable) done",
                     pending: stage.pending.isEmpty ? "–" : stage.pending.map(Readiness.words).joined(separator: ", "))
        }
        coMarketingTotal = "\(assessment.coMarketing.done) of \(assessment.coMarketing.applicable) items done (\(Format.percent(assessment.coMarketing.fraction)))"
        let latest = QBRPlan.held(partner, asOf: context.asOf).last
        risks = (latest?.risks ?? []).map(RiskRow.init)
        hasRisks = !risks.isEmpty
        risksQuarter = latest?.period?.value.description ?? ""
        packets = QBRPlan.packets(for: partner, asOf: context.asOf).map {
            PacketLink(quarter: $0.period.description, name: $0.period.isMonth ? "Review \($0.period)" : "QBR \($0.period)")
        }
        findings = context.diagnostics.map {
            Finding(severity: $0.severity.rawValue, message: $0.message, rule: $0.rule.id, line: $0.position.line)
        }
    }

    /// Where the crawl gate stands: its measured improvement.
    static func measured(_ crawl: CrawlGate) -> String {
        crawl.improvement.map { "\(Format.percentage($0)) improvement" + (crawl.resultFrom.map { " (the \($0) review's reading)" } ?? "") } ?? "no result yet"
    }

    /// Where the walk gate stands: its adoption, and of how many invited.
    static func measured(_ walk: WalkGate, partner: Partner) -> String {
        walk.adoption.map { "\(Format.percentage($0)) adoption (\(partner.phases?.walk?.adopted?.value ?? 0) of \(partner.phases?.walk?.invited?.value ?? 0))" }
            ?? "no result yet"
    }

    static func gateRows(_ assessment: PartnerAssessment, partner: Partner, currency: String) -> [GateRow] {
        let crawl = assessment.crawlGate, walk = assessment.walkGate, run = assessment.runGate
        return [
            GateRow(gate: "Crawl", measured: ScorecardView.measured(crawl),
                    bar: "\(Format.percentage(crawl.threshold)) improvement", decision: crawl.decision?.rawValue ?? "not recorded",
                    status: assessment.crawlStatus.rawValue),
            GateRow(gate: "Walk",
                    measured: ScorecardView.measured(walk, partner: partner),
                    bar: "\(Format.percentage(walk.threshold)) adoption", decision: walk.decision?.rawValue ?? "not recorded",
                    status: assessment.walkStatus.rawValue),
            GateRow(gate: "Run",
                    measured: run.invested.flatMap { invested in run.returned.map { returned in
                        "\(Format.value(returned, unit: currency)) returned on \(Format.value(invested, unit: currency))"
                            + (run.roi.map { " (ROI \(Format.percentage($0)))" } ?? "")
                    } } ?? "no result yet",
                    bar: "returns more than it costs", decision: run.decision?.rawValue ?? "not recorded",
                    status: assessment.runStatus.rawValue),
        ]
    }
}

extension ScorecardView.RiskRow {
    /// A risk's row; on our own pages an internal one says so.
    init(_ risk: Risk) {
        self.init(risk: MarkdownText.cell(risk.risk?.value) + (risk.isInternal ? " (internal: not in the packet)" : ""),
                  owner: risk.owner?.value ?? "unassigned", action: MarkdownText.cell(risk.action?.value))
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
