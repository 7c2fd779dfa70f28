import PartnerbookModel
import PartnerbookSupport
/// The go/no-go gates, computed from the pilot numbers and the program's thresholds.
package struct CrawlGate: Sendable, Equatable {
    /// Percent improvement on the crawl metric, in the metric's good direction.
    package var improvement: Double?
    package var threshold: Double
    package var decision: GateDecision?

    package init(_ crawl: CrawlResult?, thresholds: GateThresholds) {
        threshold = thresholds.crawlMinImprovement
        decision = crawl?.decision?.value
        if let crawl, let baseline = crawl.baseline?.value, let result = crawl.result?.value, baseline != 0 {
            let change = (result - baseline) / abs(baseline) * 100
            improvement = crawl.direction == .up ? change : -change
        }
    }

    /// Whether the numbers clear the bar; nil when they are not recorded.
    package var meetsThreshold: Bool? { improvement.map { $0 >= threshold } }

    /// Passed: the numbers clear the bar and the recorded decision is go.
    package var passed: Bool { meetsThreshold == true && decision == .go }
}

package struct WalkGate: Sendable, Equatable {
    /// Percent of invited customers who adopted.
    package var adoption: Double?
    package var threshold: Double
    package var decision: GateDecision?

    package init(_ walk: WalkResult?, thresholds: GateThresholds) {
        threshold = thresholds.walkMinAdoption
        decision = walk?.decision?.value
        if let invited = walk?.invited?.value, let adopted = walk?.adopted?.value, invited > 0 {
            adoption = Double(adopted) / Double(invited) * 100
        }
    }

    package var meetsThreshold: Bool? { adoption.map { $0 >= threshold } }
    package var passed: Bool { meetsThreshold == true && decision == .go }
}

/// "Enter run only if the ROI model validates at scale": what running cost
/// against what it brought back. Validated when it returned more than it cost
/// and the recorded decision is not no-go.
package struct RunGate: Sendable, Equatable {
    package var invested: Double?
    package var returned: Double?
    package var decision: GateDecision?

    package init(_ run: RunResult?) {
        invested = run?.invested?.value
        returned = run?.returned?.value
        decision = run?.decision?.value
    }

    /// Return on investment in percent: (returned − invested) / invested.
    package var roi: Double? {
        guard let invested, let returned, invested > 0 else { return nil }
        return (returned - invested) / invested * 100
    }

    /// Whether both figures are written down.
    package var isRecorded: Bool { invested != nil && returned != nil }

    /// Whether the numbers show a return: nil when they are not recorded.
    package var meetsThreshold: Bool? {
        guard let invested, let returned else { return nil }
        return returned > invested
    }

    package var validated: Bool { meetsThreshold == true && decision != .noGo }
}

/// The playbook's "should we continue?" tree.
package struct ContinueDecision: Sendable, Equatable {
    package enum Verdict: String, Sendable {
        case startCrawl = "start crawl"
        case finishCrawl = "finish crawl"
        case end = "end"
        case endOrRestartCrawl = "end or restart crawl"
        case finishWalk = "finish walk"
        case moveToWalk = "move to walk"
        case moveToRun = "move to run"
        case continueRun = "continue"
        case ended = "ended"
        case validateROI = "validate the ROI"
    }

    package var verdict: Verdict
    package var reason: String

    package static func decide(status: Status?, crawl: CrawlGate, walk: WalkGate, run: RunGate = RunGate(nil)) -> ContinueDecision {
        if status == .ended {
            return ContinueDecision(verdict: .ended, reason: "The partnership has ended.")
        }
        if crawl.decision == .noGo || (crawl.meetsThreshold == false && crawl.decision == .go && status != .crawl) {
            return ContinueDecision(verdict: .end,
                                    reason: "The crawl pilot did not meet its success criteria: end the partnership and write down what was learned.")
        }
        if status == .prospect && crawl.decision == nil && crawl.improvement == nil {
            return ContinueDecision(verdict: .startCrawl,
                                    reason: "Not started: run a crawl pilot of four to eight weeks with one or two customers before committing more.")
        }
        guard crawl.passed else {
            let numbers = crawl.improvement.map { " Improvement so far is \(Format.percentage($0)) against a \(Format.percentage(crawl.threshold)) bar." } ?? ""
            return ContinueDecision(verdict: .finishCrawl,
                                    reason: "The crawl pilot has no passed go decision yet: decide on its numbers before committing more." + numbers)
        }
        if status == .crawl {
            return ContinueDecision(verdict: .moveToWalk, reason: "Crawl passed its gate: move to walk and formalise the integration.")
        }
        if walk.decision == .noGo || (walk.meetsThreshold == false && walk.decision == .go) {
            return ContinueDecision(verdict: .endOrRestartCrawl,
                                    reason: "The walk phase missed its adoption bar: end the partnership or restart crawl with changes.")
        }
        guard walk.passed else {
            let numbers = walk.adoption.map { " Adoption so far is \(Format.percentage($0)) against a \(Format.percentage(walk.threshold)) bar." } ?? ""
            return ContinueDecision(verdict: .finishWalk,
                                    reason: "Crawl passed; the walk phase has no passed go decision yet." + numbers)
        }
        if status == .run {
            if run.isRecorded && !run.validated {
                let numbers = run.roi.map { " The ROI so far is \(Format.percentage($0))." } ?? ""
                return ContinueDecision(verdict: .validateROI,
                                        reason: "Crawl and walk passed, but running at scale has not returned what it cost: fix the economics or scale back before investing more." + numbers)
            }
            return ContinueDecision(verdict: .continueRun, reason: "Crawl and walk both passed their gates: keep running.")
        }
        return ContinueDecision(verdict: .moveToRun, reason: "Crawl and walk both passed their gates: move to run.")
    }
}
