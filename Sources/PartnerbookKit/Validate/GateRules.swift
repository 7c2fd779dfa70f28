/// The go/no-go gates: `gate.crawl`, `gate.walk`, `gate.decision-mismatch`, `gate.sunk-cost`.
enum GateRules: PartnerRules {
    static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        let thresholds = context.program.gates
        let phases = partner.phases
        let crawl = CrawlGate(phases?.crawl, thresholds: thresholds)
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

        if let decision = phases?.crawl?.decision, let meets = crawl.meetsThreshold, contradicts(decision.value, meets) {
            findings.report(.gateDecisionMismatch, at: decision.at,
                            "crawl decision is \(decision.value.rawValue) but the improvement is \(percent(crawl.improvement!)) against a bar of \(percent(crawl.threshold))")
        }
        if let decision = phases?.walk?.decision, let meets = walk.meetsThreshold, contradicts(decision.value, meets) {
            findings.report(.gateDecisionMismatch, at: decision.at,
                            "walk decision is \(decision.value.rawValue) but adoption is \(percent(walk.adoption!)) against a bar of \(percent(walk.threshold))")
        }

        if status != .ended {
            for (phase, decision) in [("crawl", phases?.crawl?.decision), ("walk", phases?.walk?.decision)] {
                guard let decision, decision.value == .noGo else { continue }
                findings.report(.gateSunkCost, at: decision.at,
                                "the \(phase) gate was no-go but the partnership is still \(status?.rawValue ?? "open"): end it or restart crawl with changes rather than keep paying for it")
            }
        }
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
                reasons.append("\(measure) \(percent(value)) is below the \(percent(threshold)) bar")
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

/// A percentage for messages: whole numbers stay whole, others get one decimal.
func percent(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? "\(Int(rounded))%" : "\(rounded)%"
}
