import PartnerbookModel
import PartnerbookSupport
/// The go/no-go gates, computed from the pilot numbers and the program's thresholds.
public struct CrawlGate: Sendable, Equatable {
    /// Percent improvement on the crawl metric, in the metric's good direction.
    public var improvement: Double?
    public var threshold: Double
    public var decision: GateDecision?
    /// The review whose reading of the crawl metric is the result, when `phases.crawl.result` is not written.
    public var resultFrom: Period?

    /// The gate of a partner: its written crawl result, or the crawl metric as a review recorded it (`CrawlReading`).
    public init(_ partner: Partner, asOf: Day, thresholds: GateThresholds) {
        let fed = CrawlReading.result(of: partner, asOf: asOf)
        self.init(fed.crawl, thresholds: thresholds)
        resultFrom = fed.from
    }

    public init(_ crawl: CrawlResult?, thresholds: GateThresholds) {
        threshold = thresholds.crawlMinImprovement
        decision = crawl?.decision?.value
        if let crawl, let baseline = crawl.baseline?.value, let result = crawl.result?.value, baseline != 0 {
            let change = (result - baseline) / abs(baseline) * 100
            improvement = crawl.direction == .up ? change : -change
        }
    }

    /// Whether the numbers clear the bar; nil when they are not recorded.
    public var meetsThreshold: Bool? { improvement.map { $0 >= threshold } }

    /// Passed: the numbers clear the bar and the recorded decision is go.
    public var passed: Bool { meetsThreshold == true && decision == .go }
}

public struct WalkGate: Sendable, Equatable {
    /// Percent of invited customers who adopted.
    public var adoption: Double?
    public var threshold: Double
    public var decision: GateDecision?

    public init(_ walk: WalkResult?, thresholds: GateThresholds) {
        threshold = thresholds.walkMinAdoption
        decision = walk?.decision?.value
        if let invited = walk?.invited?.value, let adopted = walk?.adopted?.value, invited > 0 {
            adoption = Double(adopted) / Double(invited) * 100
        }
    }

    public var meetsThreshold: Bool? { adoption.map { $0 >= threshold } }
    public var passed: Bool { meetsThreshold == true && decision == .go }
}

/// "Enter run only if the ROI model validates at scale": what running cost
/// against what it brought back. Validated when it returned more than it cost
/// and the recorded decision is not no-go.
public struct RunGate: Sendable, Equatable {
    public var invested: Double?
    public var returned: Double?
    public var decision: GateDecision?

    public init(_ run: RunResult?) {
        invested = run?.invested?.value
        returned = run?.returned?.value
        decision = run?.decision?.value
    }

    /// Return on investment in percent: (returned − invested) / invested.
    public var roi: Double? {
        guard let invested, let returned, invested > 0 else { return nil }
        return (returned - invested) / invested * 100
    }

    /// Whether both figures are written down.
    public var isRecorded: Bool { invested != nil && returned != nil }

    /// Whether the numbers show a return: nil when they are not recorded.
    public var meetsThreshold: Bool? {
        guard let invested, let returned else { return nil }
        return returned > invested
    }

    public var validated: Bool { meetsThreshold == true && decision != .noGo }
}

/// The playbook's "should we continue?" tree.
public struct ContinueDecision: Sendable, Equatable {
    public enum Verdict: String, Sendable {
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

    public var verdict: Verdict
    /// The numbers behind a verdict still waiting on a gate: how far the
    /// pilot improved, how many adopted, what running returned (percentages),
    /// against the bar. The documents say them with the verdict.
    public var progress: Progress?

    public enum Progress: Sendable, Equatable {
        case crawlImprovement(Double, bar: Double)
        case walkAdoption(Double, bar: Double)
        case roi(Double)
    }

    public static func decide(status: Status?, crawl: CrawlGate, walk: WalkGate, run: RunGate = RunGate(nil)) -> ContinueDecision {
        if status == .ended { return ContinueDecision(verdict: .ended) }
        if crawl.decision == .noGo || (crawl.meetsThreshold == false && crawl.decision == .go && status != .crawl) {
            return ContinueDecision(verdict: .end)
        }
        if status == .prospect && crawl.decision == nil && crawl.improvement == nil {
            return ContinueDecision(verdict: .startCrawl)
        }
        guard crawl.passed else {
            return ContinueDecision(verdict: .finishCrawl, progress: crawl.improvement.map { .crawlImprovement($0, bar: crawl.threshold) })
        }
        if status == .crawl { return ContinueDecision(verdict: .moveToWalk) }
        if walk.decision == .noGo || (walk.meetsThreshold == false && walk.decision == .go) {
            return ContinueDecision(verdict: .endOrRestartCrawl)
        }
        guard walk.passed else {
            return ContinueDecision(verdict: .finishWalk, progress: walk.adoption.map { .walkAdoption($0, bar: walk.threshold) })
        }
        if status == .run {
            if run.isRecorded && !run.validated { return ContinueDecision(verdict: .validateROI, progress: run.roi.map { .roi($0) }) }
            return ContinueDecision(verdict: .continueRun)
        }
        return ContinueDecision(verdict: .moveToRun)
    }
}
