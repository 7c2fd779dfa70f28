import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

@Suite struct ReviewRulesTests {
    typealias F = Fixtures

    @Test func unknownMetricFiresAtTheMetricKeyWithASuggestion() {
        let yaml = F.partner(replacing: "metrics: { revenue: 410000, days: 7 }", with: "metrics: { revenu: 410000, days: 7 }")
        let found = F.check(yaml, rule: .reviewUnknownMetric)
        #expect(found.map(\.position) == [F.position(of: "revenu:", in: yaml)])
        #expect(found.first?.message.contains("did you mean 'revenue'") == true)
        #expect(found.first?.severity == .error)
    }

    @Test func duplicateQuarterFiresAtTheSecondReview() {
        let yaml = F.partner(replacing: "quarter: 2026-Q3", with: "quarter: 2026-Q2")
        let found = F.check(yaml, rule: .reviewDuplicateQuarter)
        #expect(found.map(\.position) == [F.position(of: "quarter: 2026-Q2", in: yaml, occurrence: 2)])
        #expect(found.first?.message.contains("line \(F.position(of: "quarter: 2026-Q2", in: yaml).line)") == true)
    }

    /// A partner reviewed monthly: one review per month, and a month is not also reviewed inside a quarter.
    static let monthly = Fixtures.partner
        .replacingOccurrences(of: "review_cadence: quarterly", with: "review_cadence: monthly")
        .replacingOccurrences(of: "quarter: 2026-Q2", with: "month: 2026-09")
        .replacingOccurrences(of: "quarter: 2026-Q3", with: "month: 2026-10")

    @Test func monthlyReviewsOfDifferentMonthsAreQuiet() {
        #expect(F.check(Self.monthly, rule: .reviewDuplicateQuarter).isEmpty)
        #expect(F.check(Self.monthly).filter { $0.severity == .error }.isEmpty)
    }

    @Test func aMonthReviewedTwiceFires() {
        let yaml = Self.monthly.replacingOccurrences(of: "month: 2026-09", with: "month: 2026-10")
        let found = F.check(yaml, rule: .reviewDuplicateQuarter)
        #expect(found.map(\.position) == [F.position(of: "month: 2026-10", in: yaml, occurrence: 2)])
        #expect(found.first?.message.hasPrefix("2026-10 is reviewed twice") == true)
    }

    @Test func aMonthInsideAReviewedQuarterFires() {
        let yaml = Self.monthly.replacingOccurrences(of: "month: 2026-09", with: "quarter: 2026-Q4")
        let found = F.check(yaml, rule: .reviewDuplicateQuarter)
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("2026-10 overlaps 2026-Q4") == true)
    }

    @Test func aReviewNeedsAQuarterOrAMonthAndNotBoth() {
        let both = F.partner(replacing: "quarter: 2026-Q3", with: "quarter: 2026-Q3\n    month: 2026-09")
        #expect(F.check(both, rule: .schemaType).first?.message.contains("names both a quarter and a month") == true)
        let neither = F.partner(replacing: "  - quarter: 2026-Q3\n", with: "  - highlights: none\n")
        #expect(F.check(neither, rule: .schemaRequired).first?.message.contains("(or month: YYYY-MM for a monthly review)") == true)
        let badMonth = F.partner(replacing: "quarter: 2026-Q3", with: "month: 2026-13")
        #expect(F.check(badMonth, rule: .schemaType).first?.message.contains("a month written YYYY-MM") == true)
    }

    @Test func passedNextReviewIsOverdueInRun() {
        let yaml = F.partner(replacing: "next_review: 2027-01-14", with: "next_review: 2026-11-01")
        let found = F.check(yaml, rule: .reviewOverdue)
        #expect(found.map(\.position) == [F.position(of: "next_review: 2026-11-01", in: yaml)])
        #expect(found.first?.severity == .notice)
    }

    @Test func lastReviewOlderThanTheCadenceIsOverdue() {
        let yaml = F.partner(replacing: "next_review: 2027-01-14", with: "next_review: 2027-03-01")
        let monthly = yaml.replacingOccurrences(of: "review_cadence: quarterly", with: "review_cadence: monthly")
        let found = F.check(monthly, rule: .reviewOverdue)
        #expect(found.map(\.position) == [F.position(of: "date: 2026-10-08", in: monthly)])
        #expect(F.check(yaml, rule: .reviewOverdue).isEmpty, "quarterly: 2026-10-08 is within a quarter of 2026-11-20")
    }

    @Test func overdueOnlyAppliesInRun() {
        let yaml = F.partner(replacing: "next_review: 2027-01-14", with: "next_review: 2026-11-01")
            .replacingOccurrences(of: "status: run", with: "status: prospect")
        #expect(F.check(yaml, rule: .reviewOverdue).isEmpty)
    }

    @Test func theAsOfDateDecides() {
        // Last review 2026-10-08, quarterly: due by 2027-01-08 (next_review 2027-01-14 slips the cadence).
        #expect(F.check(F.partner, rule: .reviewOverdue, asOf: Day("2027-01-08")!).isEmpty)
        #expect(F.check(F.partner, rule: .reviewOverdue, asOf: Day("2027-01-09")!).count == 1)
        let found = F.check(F.partner, rule: .reviewOverdue, asOf: Day("2027-01-15")!)
        #expect(found.map(\.position) == [F.position(of: "next_review: 2027-01-14", in: F.partner)])
    }

    @Test func runWithNoReviewAfterACadenceIsOverdue() {
        let start = F.partner.range(of: "reviews:")!.lowerBound
        let yaml = String(F.partner[..<start])
        #expect(F.check(yaml, rule: .reviewOverdue).map(\.position) == [.start])
        #expect(F.check(yaml, rule: .reviewOverdue, asOf: Day("2025-08-01")!).isEmpty)
    }
}
