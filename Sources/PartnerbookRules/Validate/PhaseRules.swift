import PartnerbookModel
import PartnerbookSupport
/// The current phase against its plan: `phase.overrun` (notice). A crawl or
/// walk whose planned end has passed with no go/no-go recorded is a pilot
/// running on without anyone deciding whether it worked.
public enum PhaseRules: PartnerRules {
    public static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        guard let overdue = OverdueDecision.of(partner, asOf: context.asOf) else { return }
        let (phase, end, decision, recorded) = (overdue.phase, overdue.plannedEnd, overdue.decision, overdue.recorded)
        let days = end.value.days(until: context.asOf)
        findings.report(.phaseOverrun, at: firstPosition(decision?.at, recorded, end.at),
                        "\(phase.rawValue) was planned to end on \(end.value) and its go/no-go is "
                            + (decision == nil ? "not recorded" : "still pending")
                            + " \(days) day\(days == 1 ? "" : "s") later: decide go or no-go on its numbers, or agree a new end date")
    }
}

extension Rule {
    static let phaseOverrun = Rule("phase.overrun", .notice)
}

extension PhaseRules {
    /// The rules this family checks, with their documentation.
    public static let rules: [RuleInfo] = [
        RuleInfo(.phaseOverrun,
                 summary: "The current phase (crawl or walk) has passed its planned end and its go/no-go is not recorded.",
                 why: "A pilot that runs on without a decision is a commitment nobody made; the calendar marks the decision overdue.",
                 fix: "Decide go or no-go on the numbers, or agree a new end date in the charter.",
                 example: "status: walk\ncharter:\n  timeline:\n    walk: { start: 2026-07-06, end: 2026-09-28 }\nphases:\n  walk: { invited: 8, adopted: 5, decision: pending }"),
    ]
}
