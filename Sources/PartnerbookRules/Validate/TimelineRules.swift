import PartnerbookModel
import PartnerbookSupport
/// The crawl / walk / run plan: `charter.timeline.order`, `charter.timeline.skipped-crawl`,
/// `charter.timeline.duration`.
public enum TimelineRules: PartnerRules {
    /// Planned lengths in days, from the playbook: crawl 4-8 weeks, walk 8-12 weeks.
    public static let crawlDays = 28...56
    public static let walkDays = 56...84

    public static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        guard let timeline = partner.charter?.timeline, !timeline.isEmpty else { return }

        if timeline.crawl == nil, let later = timeline.walk ?? timeline.run {
            let phase = timeline.walk != nil ? "walk" : "run"
            findings.report(.charterTimelineSkippedCrawl, at: later.at,
                            "\(phase) is planned with no crawl phase: pilot with one or two customers first")
        }

        for phase in Phase.allCases {
            guard let plan = timeline[phase], let start = plan.start, let end = plan.end else { continue }
            if end.value < start.value {
                findings.report(.charterTimelineOrder, at: end.at,
                                "\(phase.rawValue) ends on \(end.value), before it starts on \(start.value)")
            }
        }

        let planned = Phase.allCases.compactMap { phase in timeline[phase].map { (phase, $0) } }
        for (earlier, later) in zip(planned, planned.dropFirst()) {
            guard let start = later.1.start else { continue }
            if let end = earlier.1.end, start.value < end.value {
                findings.report(.charterTimelineOrder, at: start.at,
                                "\(later.0.rawValue) starts on \(start.value), before \(earlier.0.rawValue) ends on \(end.value): phases must not run in parallel")
            } else if earlier.1.end == nil, let earlierStart = earlier.1.start, start.value < earlierStart.value {
                findings.report(.charterTimelineOrder, at: start.at,
                                "\(later.0.rawValue) starts on \(start.value), before \(earlier.0.rawValue) starts on \(earlierStart.value)")
            }
        }

        for (phase, range, words) in [(Phase.crawl, crawlDays, "4 to 8"), (.walk, walkDays, "8 to 12")] {
            guard let plan = timeline[phase], let start = plan.start?.value, let end = plan.end?.value, start <= end else { continue }
            let days = start.days(until: end)
            if !range.contains(days) {
                findings.report(.charterTimelineDuration, at: plan.at,
                                "\(phase.rawValue) is planned for \(Format.weeks(days)); the playbook plans \(words) weeks")
            }
        }
    }

}

extension Rule {
    static let charterTimelineOrder = Rule("charter.timeline.order")
    static let charterTimelineSkippedCrawl = Rule("charter.timeline.skipped-crawl")
    static let charterTimelineDuration = Rule("charter.timeline.duration", .warning)
}

extension TimelineRules {
    /// The rules this family checks, with their documentation.
    public static let rules: [RuleInfo] = [
        RuleInfo(.charterTimelineOrder,
                 summary: "A phase ends before it starts, or a phase starts before the previous one ends (phases run in parallel).",
                 why: "Crawl, walk and run are gates: the next phase starts only after the previous one has been judged.",
                 fix: "Fix the dates so each phase follows the one before.",
                 example: "timeline:\n  crawl: { start: 2026-03-01, end: 2026-04-12 }\n  walk: { start: 2026-04-01, end: 2026-06-15 }"),
        RuleInfo(.charterTimelineSkippedCrawl,
                 summary: "Walk or run is planned with no crawl phase.",
                 why: "The playbook pilots with one or two customers before committing more: skipping crawl skips the cheapest test.",
                 fix: "Plan a crawl phase of four to eight weeks first.",
                 example: "timeline:\n  walk: { start: 2026-04-01, end: 2026-06-15 }"),
        RuleInfo(.charterTimelineDuration,
                 summary: "Crawl is not planned for 4 to 8 weeks, or walk for 8 to 12.",
                 why: "A pilot shorter than that shows nothing; a longer one is a commitment without a gate.",
                 fix: "Plan crawl for 28 to 56 days and walk for 56 to 84.",
                 example: "crawl: { start: 2026-10-05, end: 2026-12-21 }   # 11 weeks"),
    ]
}
