import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// The straight line to a dated target (docs/methodology.md, "Targets with dates").
@Suite struct PaceTests {
    private func day(_ text: String) -> Day { Day(text)! }

    /// 2026-01-01 to 2027-01-01 is 365 days; 0 to 1,000.
    private let year = Pace(start: Day("2026-01-01")!, due: Day("2027-01-01")!, baseline: 0, target: 1000, direction: .up)

    @Test func beforeTheStartNothingIsExpected() {
        #expect(year.expected(on: day("2025-12-01")) == 0)
        #expect(year.expected(on: day("2026-01-01")) == 0)
    }

    @Test func betweenStartAndDueTheLineIsStraight() {
        // 2026-07-02 is day 182 of 365.
        #expect(abs(year.expected(on: day("2026-07-02")) - 1000 * 182 / 365) < 1e-9)
        #expect(abs(year.ratio(latest: 400, on: day("2026-07-02")) - 400 / (1000 * 182.0 / 365)) < 1e-9)
    }

    @Test func atAndAfterTheDueDateTheTargetIsExpected() {
        #expect(year.expected(on: day("2027-01-01")) == 1000)
        #expect(year.expected(on: day("2028-06-30")) == 1000)
        #expect(year.ratio(latest: 750, on: day("2027-03-01")) == 0.75)
    }

    @Test func aDueDateBeforeTheStartExpectsTheTargetAtOnce() {
        let past = Pace(start: day("2026-01-01"), due: day("2025-06-30"), baseline: 0, target: 1000, direction: .up)
        #expect(past.expected(on: day("2026-01-01")) == 1000)
        #expect(past.expected(on: day("2025-01-01")) == 1000)
    }

    @Test func directionDownReadsTheSameWay() {
        // 14 days down to 7 days over the year: halfway expects 10.5; 12 is 2 of the 3.5 days expected.
        let down = Pace(start: day("2026-01-01"), due: day("2027-01-01"), baseline: 14, target: 7, direction: .down)
        let mid = day("2026-07-02")
        let expected = 14 - 7 * 182.0 / 365
        #expect(abs(down.expected(on: mid) - expected) < 1e-9)
        #expect(abs(down.ratio(latest: 12, on: mid) - (12 - 14) / (expected - 14)) < 1e-9)
        #expect(PaceStanding(ratio: down.ratio(latest: 12, on: mid)) == .behind)
        #expect(PaceStanding(ratio: down.ratio(latest: 9, on: mid)) == .ahead)
    }

    @Test func withNoProgressExpectedYetHoldingTheBaselineIsOnPace() {
        #expect(year.ratio(latest: 0, on: day("2025-12-01")) == 1)
        #expect(year.ratio(latest: 50, on: day("2025-12-01")) == 1)
        #expect(year.ratio(latest: -5, on: day("2025-12-01")) == 0)
    }

    @Test func standingsFollowTheRatio() {
        #expect(PaceStanding(ratio: 1.05) == .ahead)
        #expect(PaceStanding(ratio: 1.0) == .on)
        #expect(PaceStanding(ratio: 0.9) == .on)
        #expect(PaceStanding(ratio: 0.89) == .behind)
    }

    // MARK: On a partner: the fixture is in run since 2025-06-02; its latest reading (2026-Q3) is judged on 2026-09-30 (485 days in), not on the as-of date 2026-11-20.

    private func revenue(_ metric: String) -> KPIReading? {
        let yaml = Fixtures.partner(replacing: "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }",
                                    with: metric)
        let (partner, _) = Fixtures.load(yaml)
        return partner.flatMap { KPIReading.readings(for: $0, asOf: Fixtures.asOf).first }
    }

    @Test func aFarTargetReachedFasterThanThePaceIsAhead() throws {
        // 2025-06-02 to 2027-12-31 is 942 days: $600,000 × 485/942 = $308,917 expected on 30 September; $410,000 is ahead.
        let reading = try #require(revenue("{ id: revenue, name: Revenue, unit: USD, target: 600000, weight: 2, due: 2027-12-31, baseline: 0 }"))
        #expect(reading.judgedOn == Day("2026-09-30"))
        #expect(reading.ageDays == 51, "30 September to 20 November")
        #expect(abs(try #require(reading.expected) - 600_000 * 485 / 942) < 1e-6)
        #expect(reading.standing == .ahead)
        #expect(reading.band == .green)
        #expect(reading.attainment! > 1)
        #expect(reading.targetAttainment! < 1, "the target itself is not reached yet")
    }

    @Test func theBaselineDefaultsToTheFirstReading() throws {
        // No baseline: the first reading ($350,000) is where the line starts.
        let reading = try #require(revenue("{ id: revenue, name: Revenue, unit: USD, target: 600000, weight: 2, due: 2027-12-31 }"))
        #expect(reading.pace?.baseline == 350_000)
        let expected = 350_000 + 250_000 * 485.0 / 942
        #expect(abs(try #require(reading.paceRatio) - 60_000 / (expected - 350_000)) < 1e-9)
    }

    @Test func oneReadingWithoutABaselineHasNoPace() throws {
        let yaml = Fixtures.partner(replacing: "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }",
                                    with: "{ id: revenue, name: Revenue, unit: USD, target: 600000, weight: 2, due: 2027-12-31 }")
            .replacingOccurrences(of: "metrics: { revenue: 350000, days: 8 }", with: "metrics: { days: 8 }")
        let reading = try #require(Fixtures.load(yaml).0.flatMap { KPIReading.readings(for: $0, asOf: Fixtures.asOf).first })
        #expect(reading.pace == nil)
        #expect(reading.attainment == 410_000.0 / 600_000, "today's attainment against the target")
    }

    @Test func aTargetDueInThePastIsPastDueUntilMet() throws {
        let missed = try #require(revenue("{ id: revenue, name: Revenue, unit: USD, target: 500000, weight: 2, due: 2026-06-30, baseline: 0 }"))
        #expect(missed.expected == 500_000)
        #expect(missed.standing == .pastDue)
        #expect(abs(try #require(missed.attainment) - 0.82) < 1e-9)
        let met = try #require(revenue("{ id: revenue, name: Revenue, unit: USD, target: 400000, weight: 2, due: 2026-06-30, baseline: 0 }"))
        #expect(met.standing == .met)
        #expect(met.band == .green)
    }

    @Test func withoutADueDateTodaysAttainmentStays() throws {
        let reading = try #require(revenue("{ id: revenue, name: Revenue, unit: USD, target: 400000, weight: 2 }"))
        #expect(reading.pace == nil)
        #expect(reading.standing == nil)
        #expect(reading.attainment == 410_000.0 / 400_000)
    }
}
