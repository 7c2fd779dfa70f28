import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

@Suite struct DecisionTreeTests {
    private func profile(engineers: Bool?, marquee: Bool?) -> Profile {
        Profile(at: .start, engineeringResources: engineers.map { Located($0, at: .start) },
                marquee: marquee.map { Located($0, at: .start) })
    }

    @Test func tierTreeFollowsThePlaybook() {
        #expect(TierDecision.decide(profile(engineers: true, marquee: true))?.tier == .integration)
        #expect(TierDecision.decide(profile(engineers: false, marquee: true))?.tier == .strategic)
        #expect(TierDecision.decide(profile(engineers: false, marquee: false))?.tier == .partnership)
        #expect(TierDecision.decide(profile(engineers: nil, marquee: nil))?.tier == .partnership)
        #expect(TierDecision.decide(nil) == nil)
    }

    private func crawl(_ baseline: Double, _ result: Double, _ direction: Direction, _ decision: GateDecision) -> CrawlResult {
        CrawlResult(at: .start, baseline: Located(baseline, at: .start), result: Located(result, at: .start),
                    direction: direction, decision: Located(decision, at: .start))
    }

    @Test func crawlImprovementRespectsDirection() throws {
        let down = CrawlGate(crawl(14, 10, .down, .go), thresholds: GateThresholds())
        #expect(abs(try #require(down.improvement) - 28.571) < 0.01)
        #expect(down.passed)
        let up = CrawlGate(crawl(40, 44, .up, .noGo), thresholds: GateThresholds())
        #expect(abs(try #require(up.improvement) - 10) < 1e-9)
        #expect(up.meetsThreshold == false)
        #expect(CrawlGate(crawl(0, 10, .up, .go), thresholds: GateThresholds()).improvement == nil)
    }

    @Test func walkAdoptionIsAdoptedOverInvited() {
        let walk = WalkResult(at: .start, invited: Located(8, at: .start), adopted: Located(5, at: .start),
                              decision: Located(.pending, at: .start))
        let gate = WalkGate(walk, thresholds: GateThresholds())
        #expect(gate.adoption == 62.5)
        #expect(gate.meetsThreshold == false)
        #expect(!gate.passed)
    }

    @Test func continueTreeEndsAFailedCrawl() {
        let thresholds = GateThresholds()
        let failed = CrawlGate(crawl(40, 44, .up, .noGo), thresholds: thresholds)
        #expect(ContinueDecision.decide(status: .crawl, crawl: failed, walk: WalkGate(nil, thresholds: thresholds)).verdict == .end)
        let passed = CrawlGate(crawl(14, 10, .down, .go), thresholds: thresholds)
        let walkPassed = WalkGate(WalkResult(at: .start, invited: Located(10, at: .start), adopted: Located(8, at: .start),
                                             decision: Located(.go, at: .start)), thresholds: thresholds)
        #expect(ContinueDecision.decide(status: .walk, crawl: passed, walk: walkPassed).verdict == .moveToRun)
        #expect(ContinueDecision.decide(status: .run, crawl: passed, walk: walkPassed).verdict == .continueRun)
        #expect(ContinueDecision.decide(status: .walk, crawl: passed, walk: WalkGate(nil, thresholds: thresholds)).verdict == .finishWalk)
    }

    @Test func leverageStrengthAndRecommendation() {
        #expect(LeverageAssessment(.requirement).recommendation == .fullInvestment)
        #expect(LeverageAssessment(.economic).strength == .strong)
        #expect(LeverageAssessment(.customer).recommendation == .testFirst)
        #expect(LeverageAssessment(.competitive).strength == .moderate)
        #expect(LeverageAssessment(.coMarketing).recommendation == .walkAway)
        #expect(LeverageAssessment(nil).strength == .none)
    }
}
