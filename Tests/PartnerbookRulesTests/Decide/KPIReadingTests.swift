import Testing
@testable import PartnerbookModel
@testable import PartnerbookRules
import PartnerbookTestSupport

/// Readings come from the reviews in period order, one review per period.
@Suite struct KPIReadingTests {
    @Test func reviewsAreOrderedByPeriodOneEachTheFirstWritten() throws {
        let text = Fixtures.partner(replacing: "    next_review: 2027-01-14\n", with: """
                next_review: 2027-01-14
              - quarter: 2026-Q1
                date: 2026-04-09
                metrics: { revenue: 300000, days: 9 }
              - date: 2026-11-01
              - quarter: 2026-Q3
                date: 2026-10-20
                metrics: { revenue: 1, days: 1 }

            """)
        let partner = try #require(Fixtures.load(text).0)
        let ordered = KPIReading.orderedReviews(partner)
        #expect(ordered.map { $0.period?.value.description } == ["2026-Q1", "2026-Q2", "2026-Q3"])
        #expect(ordered.last?.date?.value == Day("2026-10-08"), "the first 2026-Q3 review written, not the later one")
        let revenue = KPIReading.readings(for: partner, asOf: Day("2026-12-31")!).first { $0.metric.id?.value == "revenue" }
        #expect(revenue?.trend.map(\.value) == [300000, 350000, 410000])
    }
}
