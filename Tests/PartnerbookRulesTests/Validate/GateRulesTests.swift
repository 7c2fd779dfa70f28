import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

@Suite struct GateRulesTests {
    typealias F = Fixtures

    @Test func walkWithCrawlImprovementBelowTheBarFiresGateCrawl() {
        // 14 -> 12 days is a 14.3% improvement, under the 20% bar.
        let yaml = F.partner(replacing: "result: 10, direction: down, decision: go", with: "result: 12, direction: down, decision: go")
        let found = F.check(yaml, rule: .gateCrawl)
        #expect(found.map(\.position) == [F.position(of: "decision: go }", in: yaml)])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message.contains("14.3%") == true)
    }

    @Test func crawlDecisionNotGoFiresGateCrawl() {
        let yaml = F.partner(replacing: "direction: down, decision: go", with: "direction: down, decision: pending")
        #expect(F.check(yaml, rule: .gateCrawl).map(\.position) == [F.position(of: "decision: pending", in: yaml)])
    }

    @Test func directionUpNeedsTheResultToRise() {
        // Baseline 14, result 10 is a 28.6% drop: a failure when up is good.
        let yaml = F.partner(replacing: "result: 10, direction: down", with: "result: 10, direction: up")
        #expect(F.check(yaml, rule: .gateCrawl).count == 1)
        #expect(F.check(yaml, rule: .gateDecisionMismatch).count == 1)
    }

    @Test func missingCrawlResultsInRunFiresAtPhases() {
        let yaml = F.partner(replacing: "  crawl: { pilot_customers: [ Bluewater ], baseline: 14, result: 10, direction: down, decision: go }\n", with: "")
        #expect(F.check(yaml, rule: .gateCrawl).map(\.position) == [F.position(of: "phases:", in: yaml)])
    }

    /// SPEC 23: the crawl metric a review records feeds the crawl gate when `phases.crawl.result` is not written.
    @Test func theCrawlMetricAReviewRecordsFeedsTheCrawlGate() throws {
        let noResult = F.partner(replacing: "baseline: 14, result: 10, direction: down", with: "baseline: 14")
            .replacingOccurrences(of: "metric: Days to first dashboard", with: "metric: Days to value")
        #expect(F.check(noResult, rule: .gateCrawl).count == 1, "no result written and none recorded")
        // A review held during the crawl records 10 days (from 14: 28.6% better, the metric's direction is down).
        let fed = noResult.replacingOccurrences(of: "reviews:\n", with: "reviews:\n  - quarter: 2025-Q1\n    date: 2025-03-05\n    metrics: { days: 10 }\n")
        #expect(F.check(fed, rule: .gateCrawl).isEmpty)
        let partner = try #require(F.load(fed).0)
        let gate = CrawlGate(partner, asOf: Day("2026-12-01")!, thresholds: GateThresholds())
        #expect(gate.resultFrom == Period("2025-Q1"))
        #expect(gate.improvement.map { ($0 * 10).rounded() / 10 } == 28.6)
        // A reading after the walk started is not the crawl's; a result written in phases wins over any review.
        let late = noResult.replacingOccurrences(of: "reviews:\n", with: "reviews:\n  - quarter: 2025-Q2\n    date: 2025-06-20\n    metrics: { days: 10 }\n")
        #expect(F.check(late, rule: .gateCrawl).count == 1)
        let written = fed.replacingOccurrences(of: "baseline: 14", with: "baseline: 14, result: 13")
        #expect(F.check(written, rule: .gateCrawl).count == 1, "13 written in phases: 7.1%, under the bar")
    }

    @Test func crawlStatusIsNotGated() {
        let yaml = F.partner(replacing: "direction: down, decision: go", with: "direction: down, decision: pending")
            .replacingOccurrences(of: "status: run", with: "status: crawl")
        #expect(F.check(yaml, rule: .gateCrawl).isEmpty)
    }

    @Test func runWithAdoptionBelowTheBarFiresGateWalk() {
        let yaml = F.partner(replacing: "invited: 10, adopted: 8", with: "invited: 10, adopted: 6")
        let found = F.check(yaml, rule: .gateWalk)
        #expect(found.map(\.position) == [F.position(of: "adopted: 6, decision: go", in: yaml).movedRight(by: 12)])
        #expect(found.first?.message.contains("60%") == true)
    }

    @Test func walkStatusDoesNotNeedTheWalkGate() {
        let yaml = F.partner(replacing: "invited: 10, adopted: 8, decision: go", with: "invited: 10, adopted: 2, decision: pending")
            .replacingOccurrences(of: "status: run", with: "status: walk")
        #expect(F.check(yaml, rule: .gateWalk).isEmpty)
    }

    @Test func goWithNumbersBelowTheBarIsAMismatch() {
        let yaml = F.partner(replacing: "invited: 10, adopted: 8", with: "invited: 10, adopted: 5")
        let found = F.check(yaml, rule: .gateDecisionMismatch)
        #expect(found.map(\.position) == [F.position(of: "adopted: 5, decision: go", in: yaml).movedRight(by: 12)])
        #expect(found.first?.severity == .warning)
    }

    @Test func noGoWithNumbersAboveTheBarIsAMismatch() {
        let yaml = F.partner(replacing: "direction: down, decision: go", with: "direction: down, decision: no-go")
            .replacingOccurrences(of: "status: run", with: "status: crawl")
        #expect(F.check(yaml, rule: .gateDecisionMismatch).count == 1)
    }

    @Test func pendingNeverContradicts() {
        let yaml = F.partner(replacing: "invited: 10, adopted: 8, decision: go", with: "invited: 10, adopted: 2, decision: pending")
        #expect(F.check(yaml, rule: .gateDecisionMismatch).isEmpty)
    }

    @Test func noGoWhileStillOpenIsSunkCost() {
        let yaml = F.partner(replacing: "result: 10, direction: down, decision: go", with: "result: 13, direction: down, decision: no-go")
            .replacingOccurrences(of: "status: run", with: "status: crawl")
        let found = F.check(yaml, rule: .gateSunkCost)
        #expect(found.map(\.position) == [F.position(of: "decision: no-go", in: yaml)])
        #expect(found.first?.severity == .warning)
    }

    @Test func noGoAndEndedIsNotSunkCost() {
        let yaml = F.partner(replacing: "result: 10, direction: down, decision: go", with: "result: 13, direction: down, decision: no-go")
            .replacingOccurrences(of: "status: run", with: "status: ended")
        #expect(F.check(yaml, rule: .gateSunkCost).isEmpty)
    }

    @Test func thresholdsComeFromTheProgram() {
        var program = Program()
        program.gates.crawlMinImprovement = 30
        let found = F.check(F.partner, program: program).filter { $0.rule == .gateCrawl }
        #expect(found.count == 1, "28.6% is under a 30% bar")
    }
}

/// "Run: both phases passed + ROI validated": `gate.run`.
@Suite struct RunGateRulesTests {
    typealias F = Fixtures
    static let walk = "  walk: { invited: 10, adopted: 8, decision: go }\n"

    private func withRun(_ run: String, status: String = "run") -> String {
        F.partner(replacing: RunGateRulesTests.walk, with: RunGateRulesTests.walk + "  run: \(run)\n")
            .replacingOccurrences(of: "status: run", with: "status: \(status)")
    }

    @Test func runReturningLessThanItCostFiresGateRun() {
        let yaml = withRun("{ invested: 400000, returned: 300000 }")
        let found = F.check(yaml, rule: .gateRun)
        #expect(found.map(\.position) == [F.position(of: "returned: 300000", in: yaml)])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message.contains("returned $300,000 on $400,000 invested (ROI -25%)") == true)
    }

    @Test func aNoGoRunDecisionFiresAtTheDecision() {
        let yaml = withRun("{ invested: 400000, returned: 900000, decision: no-go }")
        #expect(F.check(yaml, rule: .gateRun).map(\.position) == [F.position(of: "decision: no-go", in: yaml)])
        #expect(F.check(yaml, rule: .gateDecisionMismatch).count == 1)
    }

    @Test func aValidatedROIIsQuiet() {
        let yaml = withRun("{ invested: 400000, returned: 1640000, decision: go }")
        #expect(F.check(yaml, rule: .gateRun).isEmpty)
        #expect(F.check(yaml, rule: .gateDecisionMismatch).isEmpty)
    }

    @Test func noROIRecordedIsQuiet() {
        #expect(F.check(withRun("{ invested: 400000 }"), rule: .gateRun).isEmpty)
        #expect(F.check(F.partner, rule: .gateRun).isEmpty)
    }

    @Test func onlyStatusRunIsHeldToIt() {
        #expect(F.check(withRun("{ invested: 400000, returned: 300000 }", status: "walk"), rule: .gateRun).isEmpty)
    }

    @Test func theRecommendationAsksToValidateTheROI() throws {
        let partner = try #require(F.load(withRun("{ invested: 400000, returned: 300000 }")).0)
        let assessment = PartnerAssessment(partner, program: F.testProgram, asOf: F.asOf,
                                               signatures: SignatureState(partner, frame: F.testProgram.charterFrame(template: CharterWording.builtIn)))
        #expect(assessment.continueDecision.verdict == .validateROI)
        #expect(assessment.runStatus == .behind)
    }
}
