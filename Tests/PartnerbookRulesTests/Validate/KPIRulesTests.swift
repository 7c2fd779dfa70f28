import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// `kpi.behind-pace` and `kpi.past-due` on the fixture (in run since 2025-06-02, as of 2026-11-20; its
/// latest reading, 2026-Q3, is judged on 30 September 2026).
@Suite struct KPIRulesTests {
    typealias F = Fixtures
    static let revenue = "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }"

    private func withRevenue(_ metric: String) -> String {
        F.partner(replacing: KPIRulesTests.revenue, with: metric)
    }

    @Test func farBehindThePaceFiresAtTheMetric() {
        // $1.2M by 2027-06-02 expects $797,260 at the 2026-Q3 reading (485 of 730 days); $410,000 is 51% of the progress expected.
        let yaml = withRevenue("{ id: revenue, name: Revenue, unit: USD, target: 1200000, weight: 2, due: 2027-06-02, baseline: 0 }")
        let found = F.check(yaml, rule: .kpiBehindPace)
        #expect(found.map(\.position) == [F.position(of: "{ id: revenue", in: yaml)])
        #expect(found.first?.severity == .notice)
        #expect(found.first?.message.contains("$410,000 (2026-Q3, as of 30 September 2026) against $797,260 expected by 30 September 2026") == true)
        #expect(found.first?.message.contains("51% of the progress expected") == true)
    }

    @Test func aheadOfThePaceIsQuiet() {
        let yaml = withRevenue("{ id: revenue, name: Revenue, unit: USD, target: 600000, weight: 2, due: 2027-12-31, baseline: 0 }")
        #expect(F.check(yaml, rule: .kpiBehindPace).isEmpty)
        #expect(F.check(yaml, rule: .kpiPastDue).isEmpty)
    }

    @Test func slightlyBehindIsUnderTheThreshold() {
        // $800,000 by 2027-12-31 expects $411,890 at the 2026-Q3 reading: $410,000 is on pace.
        let yaml = withRevenue("{ id: revenue, name: Revenue, unit: USD, target: 800000, weight: 2, due: 2027-12-31, baseline: 0 }")
        #expect(F.check(yaml, rule: .kpiBehindPace).isEmpty)
    }

    @Test func theThresholdComesFromProgramYAML() throws {
        let yaml = withRevenue("{ id: revenue, name: Revenue, unit: USD, target: 1200000, weight: 2, due: 2027-06-02, baseline: 0 }")
        let lenient = TemporaryFolder.content(["acme": yaml], program: F.program + "\ngates: { kpi_behind_pace: 60 }\n")
        let strictBar = TemporaryFolder.content(["acme": yaml], program: F.program + "\ngates: { kpi_behind_pace: 45 }\n")
        func rules(_ folder: TemporaryFolder) throws -> [String] {
            try Check.program(.test(folder.url, asOf: F.asOf, today: F.asOf, strict: false)).report.diagnostics.map(\.rule.id)
        }
        #expect(!(try rules(lenient)).contains("kpi.behind-pace"), "51% of the progress clears a 40% bar")
        #expect(try rules(strictBar).contains("kpi.behind-pace"), "but not a 55% one")
    }

    @Test func behindPaceIsANoticeThatNeverFailsEvenUnderStrict() throws {
        let yaml = F.signed(F.partner(replacing: KPIRulesTests.revenue, with: "{ id: revenue, name: Revenue, unit: USD, target: 1200000, weight: 2, due: 2027-06-02, baseline: 0 }", in: F.partnerBody))
        let folder = TemporaryFolder.content(["acme": yaml])
        let report = try Check.program(.test(folder.url, asOf: F.asOf, today: F.asOf, strict: true)).report
        #expect(report.noticeCount == 1)
        #expect(!report.fails, "how a partnership is going is no reason to fail a pull request")
        #expect(report.summary == "0 errors, 0 warnings in 1 partner (1 notice)")
    }

    @Test func paceIsJudgedAtTheReadingsDateNotToday() throws {
        // Exactly on pace at its reading: $600,000 by 2027-12-31 expects $308,917 on 30 September 2026.
        let onPace = withRevenue("{ id: revenue, name: Revenue, unit: USD, target: 600000, weight: 2, due: 2027-12-31, baseline: 0 }")
            .replacingOccurrences(of: "metrics: { revenue: 410000, days: 7 }", with: "metrics: { revenue: 308917, days: 7 }")
        for day in ["2026-10-01", "2026-11-20", "2026-12-31"] {
            let reading = try #require(F.load(onPace).0.flatMap { KPIReading.readings(for: $0, asOf: Day(day)!).first })
            #expect(reading.standing == .on, "on pace at its reading, whatever the as-of date (\(day))")
            #expect(reading.expected.map { $0.rounded() } == 308_917)
        }
    }

    @Test func aMissedDueDateFiresPastDueAndNotBehindPace() {
        let yaml = withRevenue("{ id: revenue, name: Revenue, unit: USD, target: 500000, weight: 2, due: 2026-06-30, baseline: 0 }")
        let found = F.check(yaml, rule: .kpiPastDue)
        #expect(found.map(\.position) == [F.position(of: "{ id: revenue", in: yaml)])
        #expect(found.first?.message == "Revenue was due to reach $500,000 by 2026-06-30 and has not: the latest reading is $410,000 (2026-Q3, as of 30 September 2026)")
        #expect(F.check(yaml, rule: .kpiBehindPace).isEmpty)
    }

    @Test func aMetDueDateIsQuiet() {
        let yaml = withRevenue("{ id: revenue, name: Revenue, unit: USD, target: 400000, weight: 2, due: 2026-06-30, baseline: 0 }")
        #expect(F.check(yaml, rule: .kpiPastDue).isEmpty)
    }

    @Test func anEndedPartnershipIsNotChased() {
        let yaml = withRevenue("{ id: revenue, name: Revenue, unit: USD, target: 500000, weight: 2, due: 2026-06-30, baseline: 0 }")
            .replacingOccurrences(of: "status: run", with: "status: ended")
        #expect(F.check(yaml, rule: .kpiPastDue).isEmpty)
    }

    @Test func aDueDateMustBeADate() {
        let yaml = withRevenue("{ id: revenue, name: Revenue, unit: USD, target: 500000, weight: 2, due: next year }")
        let found = F.check(yaml, rule: .schemaType)
        #expect(found.map(\.position) == [F.position(of: "due:", in: yaml)])
    }
}
