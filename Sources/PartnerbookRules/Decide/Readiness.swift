import PartnerbookModel
import PartnerbookSupport
/// The playbook's quick-reference checklists, computed from the data.
public struct Readiness: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var title: String
        public var met: Bool
        /// Why it is or is not met, in a few words.
        public var evidence: String
    }

    /// Before starting any partnership.
    public var beforeStarting: [Item]
    /// Before launching any partnership.
    public var beforeLaunching: [Item]

    public init(_ partner: Partner, crawl: CrawlGate, charter: CharterCompleteness, coMarketing: CoMarketingProgress,
                tierDecision: TierDecision?) {
        let goals = charter.sections[0].complete
        let plan = partner.charter?.timeline?.crawl
        let crawlDefined = plan?.start != nil && plan?.end != nil && !(plan?.scope).isBlank && !(plan?.metric).isBlank
        let metrics = partner.charter?.measurement?.metrics?.value ?? []
        let tier = partner.tier?.value
        beforeStarting = [
            Item(title: "Three-sided value proposition articulated", met: goals,
                 evidence: goals ? "goals for us, the partner and customers" : "charter.goals lacks a party"),
            Item(title: "Partner tier identified", met: tier != nil && (tierDecision == nil || tierDecision?.tier == tier),
                 evidence: tier == nil ? "no tier"
                     : tierDecision.map { $0.tier == tier ? "\(tier!.rawValue), as the tier decision gives" : "\(tier!.rawValue), but the tier decision gives \($0.tier.rawValue)" }
                     ?? "\(tier!.rawValue) (no profile to check it against)"),
            Item(title: "Crawl phase scope defined", met: crawlDefined,
                 evidence: crawlDefined ? "dates, scope and metric set" : "crawl needs start, end, scope and metric"),
            Item(title: "Success metrics agreed", met: charter.sections[3].complete,
                 evidence: metrics.isEmpty ? "no metric" : "\(metrics.count) metric\(metrics.count == 1 ? "" : "s")"
                     + (charter.sections[3].complete ? " with targets" : ", not all with targets")),
            Item(title: "Partnership charter drafted", met: charter.completeCount == 5,
                 evidence: "\(charter.completeCount) of 5 sections complete"),
        ]
        let preLaunch = coMarketing.stage(.preLaunch)
        let briefed = partner.coMarketing?.launch?.state(of: "sales_briefed") == .done
        let cadence = partner.charter?.measurement?.reviewCadence?.value
        let qbr = partner.coMarketing?.postLaunch?.state(of: "qbr_scheduled") == .done
        beforeLaunching = [
            Item(title: "Customer-ready criteria met", met: crawl.passed,
                 evidence: crawl.improvement.map { "crawl improvement \(Format.percentage($0)) (bar \(Format.percentage(crawl.threshold))), decision \(crawl.decision?.rawValue ?? "not recorded")" }
                     ?? "no crawl result yet"),
            Item(title: "Co-marketing pre-launch checklist complete", met: preLaunch.applicable > 0 && preLaunch.pending.isEmpty,
                 evidence: preLaunch.pending.isEmpty ? "\(preLaunch.done) of \(preLaunch.applicable) done"
                     : "pending: " + preLaunch.pending.map(Readiness.words).joined(separator: ", ")),
            Item(title: "Sales team briefed", met: briefed, evidence: briefed ? "sales briefed at launch" : "launch.sales_briefed not done"),
            Item(title: "Health management cadence scheduled", met: cadence != nil && qbr,
                 evidence: (cadence.map { "\($0.rawValue) reviews" } ?? "no review cadence") + (qbr ? ", QBR scheduled" : ", QBR not scheduled")),
        ]
    }

    /// `case_study_published` as "case study published".
    public static func words(_ key: String) -> String { key.replacingOccurrences(of: "_", with: " ") }
}
