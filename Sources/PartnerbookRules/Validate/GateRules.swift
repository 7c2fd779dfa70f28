import PartnerbookModel
import PartnerbookSupport
/// The go/no-go gates: `gate.crawl`, `gate.walk`, `gate.run`, `gate.decision-mismatch`, `gate.sunk-cost`.
public enum GateRules: PartnerRules {
    public static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        let thresholds = context.program.gates
        let phases = partner.phases
        let crawl = CrawlGate(partner, asOf: context.asOf, thresholds: thresholds)
        let walk = WalkGate(phases?.walk, thresholds: thresholds)
        let status = partner.status?.value

        if status == .walk || status == .run, !crawl.passed {
            let at = firstPosition(phases?.crawl?.decision?.at, phases?.crawl?.result?.at, phases?.crawl?.at, phases?.at)
            findings.report(.gateCrawl, at: at,
                            "status is \(status!.rawValue) but the crawl gate is not passed: " + crawlShortfall(crawl))
        }
        if status == .run, !walk.passed {
            let at = firstPosition(phases?.walk?.decision?.at, phases?.walk?.adopted?.at, phases?.walk?.at, phases?.at)
            findings.report(.gateWalk, at: at,
                            "status is run but the walk gate is not passed: " + walkShortfall(walk))
        }

        let run = RunGate(phases?.run)
        if status == .run, let result = phases?.run, run.isRecorded, !run.validated {
            let at = firstPosition(result.decision?.at, result.returned?.at, result.at)
            var reasons: [String] = []
            if run.meetsThreshold == false {
                reasons.append("it returned \(money(run.returned!, context)) on \(money(run.invested!, context)) invested"
                               + (run.roi.map { " (ROI \(Format.percentage($0)))" } ?? ""))
            }
            if run.decision == .noGo { reasons.append("the decision is no-go") }
            findings.report(.gateRun, at: at,
                            "status is run but the ROI is not validated: " + reasons.joined(separator: "; ")
                                + "; the playbook enters run only when both phases passed and the ROI validates at scale")
        }

        if let decision = phases?.crawl?.decision, let meets = crawl.meetsThreshold, contradicts(decision.value, meets) {
            findings.report(.gateDecisionMismatch, at: decision.at,
                            "crawl decision is \(decision.value.rawValue) but the improvement is \(Format.percentage(crawl.improvement!)) against a bar of \(Format.percentage(crawl.threshold))")
        }
        if let decision = phases?.walk?.decision, let meets = walk.meetsThreshold, contradicts(decision.value, meets) {
            findings.report(.gateDecisionMismatch, at: decision.at,
                            "walk decision is \(decision.value.rawValue) but adoption is \(Format.percentage(walk.adoption!)) against a bar of \(Format.percentage(walk.threshold))")
        }

        if let decision = phases?.run?.decision, let meets = run.meetsThreshold, contradicts(decision.value, meets) {
            findings.report(.gateDecisionMismatch, at: decision.at,
                            "run decision is \(decision.value.rawValue) but it returned \(money(run.returned!, context)) on \(money(run.invested!, context)) invested")
        }

        if status != .ended {
            for (phase, decision) in [("crawl", phases?.crawl?.decision), ("walk", phases?.walk?.decision), ("run", phases?.run?.decision)] {
                guard let decision, decision.value == .noGo else { continue }
                findings.report(.gateSunkCost, at: decision.at,
                                "the \(phase) gate was no-go but the partnership is still \(status?.rawValue ?? "open"): end it or restart crawl with changes rather than keep paying for it")
            }
        }
    }

    private static func money(_ value: Double, _ context: RuleContext) -> String {
        Format.value(value, unit: context.program.currency)
    }

    private static func contradicts(_ decision: GateDecision, _ meetsThreshold: Bool) -> Bool {
        (decision == .go && !meetsThreshold) || (decision == .noGo && meetsThreshold)
    }

    private static func crawlShortfall(_ gate: CrawlGate) -> String {
        shortfall(gate.improvement, measure: "improvement", threshold: gate.threshold, decision: gate.decision,
                  missing: "no baseline and result recorded under phases.crawl")
    }

    private static func walkShortfall(_ gate: WalkGate) -> String {
        shortfall(gate.adoption, measure: "adoption", threshold: gate.threshold, decision: gate.decision,
                  missing: "no invited and adopted counts recorded under phases.walk")
    }

    /// Every reason a gate is not passed: the number under its bar (or not recorded), a decision other than go.
    private static func shortfall(_ value: Double?, measure: String, threshold: Double, decision: GateDecision?,
                                  missing: String) -> String {
        var reasons: [String] = []
        if let value {
            if value < threshold {
                reasons.append("\(measure) \(Format.percentage(value)) is below the \(Format.percentage(threshold)) bar")
            }
        } else {
            reasons.append(missing)
        }
        if decision != .go {
            reasons.append("the decision is \(decision?.rawValue ?? "not recorded"), not go")
        }
        return reasons.joined(separator: "; ")
    }
}

extension Rule {
    static let gateCrawl = Rule("gate.crawl")
    static let gateWalk = Rule("gate.walk")
    static let gateRun = Rule("gate.run")
    static let gateDecisionMismatch = Rule("gate.decision-mismatch", .warning)
    static let gateSunkCost = Rule("gate.sunk-cost", .warning)
}

extension GateRules {
    /// The rules this family checks, with their documentation.
    public static let rules: [RuleInfo] = [
        RuleInfo(.gateCrawl,
                 summary: "The status is walk or run, but the crawl gate is not passed: improvement under the bar, or the decision is not go.",
                 why: "Walk is entered only when the pilot cleared its bar (20% improvement by default) and someone decided go.",
                 fix: "Record the crawl result and a go decision, or move the status back to crawl.",
                 example: "status: walk\nphases:\n  crawl: { baseline: 10, result: 11, decision: pending }"),
        RuleInfo(.gateWalk,
                 summary: "The status is run, but the walk gate is not passed: adoption under the bar, or the decision is not go.",
                 why: "Run is entered only when enough invited customers adopted (70% by default) and someone decided go.",
                 fix: "Record the walk adoption and a go decision, or move the status back to walk.",
                 example: "status: run\nphases:\n  walk: { invited: 10, adopted: 5, decision: go }"),
        RuleInfo(.gateRun,
                 summary: "The status is run and the ROI is recorded but not validated: it returned no more than it cost, or the decision is no-go.",
                 why: "The playbook runs at scale only when the ROI validates.",
                 fix: "Fix the economics or scale back; record the run decision.",
                 example: "phases:\n  run: { invested: 400000, returned: 300000, decision: go }"),
        RuleInfo(.gateDecisionMismatch,
                 summary: "A recorded go or no-go contradicts the numbers.",
                 why: "A gate decided against its own numbers is a gate not used.",
                 fix: "Check the numbers and the decision; record why if the decision stands.",
                 example: "phases:\n  crawl: { baseline: 10, result: 11, direction: up, decision: go }"),
        RuleInfo(.gateSunkCost,
                 summary: "A gate was no-go and the partnership is not ended.",
                 why: "Continuing after a failed gate is paying for sunk cost.",
                 fix: "End the partnership, or restart crawl with changes.",
                 example: "status: walk\nphases:\n  crawl: { decision: no-go }"),
    ]
}
