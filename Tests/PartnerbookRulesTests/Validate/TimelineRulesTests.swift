import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

@Suite struct TimelineRulesTests {
    typealias F = Fixtures

    @Test func phaseEndingBeforeItStartsFiresAtTheEnd() {
        let yaml = F.partner(replacing: "end: 2025-03-03", with: "end: 2024-12-01")
        let found = F.check(yaml, rule: .charterTimelineOrder)
        #expect(found.map(\.position) == [F.position(of: "end: 2024-12-01", in: yaml)])
        #expect(found.first?.severity == .error)
    }

    @Test func overlappingPhasesFireAtTheLaterStart() {
        let yaml = F.partner(replacing: "start: 2025-03-10", with: "start: 2025-02-17")
        let found = F.check(yaml, rule: .charterTimelineOrder)
        #expect(found.map(\.position) == [F.position(of: "start: 2025-02-17", in: yaml)])
        #expect(found.first?.message.contains("parallel") == true)
    }

    @Test func runStartingBeforeWalkEndsFires() {
        let yaml = F.partner(replacing: "start: 2025-06-02", with: "start: 2025-05-01")
        #expect(F.check(yaml, rule: .charterTimelineOrder).map(\.position) == [F.position(of: "start: 2025-05-01", in: yaml)])
    }

    @Test func handoverOnTheSameDayIsFine() {
        let yaml = F.partner(replacing: "start: 2025-03-10", with: "start: 2025-03-03")
        #expect(F.check(yaml, rule: .charterTimelineOrder).isEmpty)
    }

    @Test func walkWithoutCrawlFiresSkippedCrawl() {
        let yaml = F.partner(replacing: """
                crawl:
                  start: 2025-01-13
                  end: 2025-03-03
                  scope: Two pilots
                  deliverables: [ Manual connector ]
                  metric: Days to first dashboard

            """, with: "")
        let found = F.check(yaml, rule: .charterTimelineSkippedCrawl)
        #expect(found.map(\.position) == [F.position(of: "walk:\n", in: yaml)])
        #expect(found.first?.severity == .error)
    }

    @Test func crawlOfElevenWeeksIsTooLong() {
        let yaml = F.partner(replacing: "end: 2025-03-03", with: "end: 2025-03-31")
        let found = F.check(yaml, rule: .charterTimelineDuration)
        #expect(found.map(\.position) == [F.position(of: "crawl:\n", in: yaml)])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("11 weeks") == true)
    }

    @Test func walkOfFourWeeksIsTooShort() {
        let yaml = F.partner(replacing: "end: 2025-05-26", with: "end: 2025-04-07")
        let found = F.check(yaml, rule: .charterTimelineDuration)
        #expect(found.map(\.position) == [F.position(of: "    walk:\n", in: yaml).movedRight(by: 4)])
    }

    @Test func crawlOfExactlyFourAndEightWeeksIsWithinTheBand() {
        for end in ["2025-02-10", "2025-03-10"] {
            let yaml = F.partner(replacing: "end: 2025-03-03", with: "end: \(end)")
            #expect(F.check(yaml, rule: .charterTimelineDuration).isEmpty, "crawl ending \(end)")
        }
    }
}

extension SourcePosition {
    func movedRight(by columns: Int) -> SourcePosition { SourcePosition(line: line, column: column + columns) }
}
