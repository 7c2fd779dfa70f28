import Testing
@testable import PartnerbookKit

/// `kpi.behind-pace` and `kpi.past-due` on the fixture (in run since 2025-06-02, judged on 2026-11-20).
@Suite struct KPIRulesTests {
    typealias F = Fixtures
    static let revenue = "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }"

    private func withRevenue(_ metric: String) -> String {
        F.partner(replacing: KPIRulesTests.revenue, with: metric)
    }

    @Test func farBehindThePaceFiresAtTheMetric() {
        // $1.2M by 2027-06-02 expects about $881,000 by now; $410,000 is 47% of the progress expected.
        let yaml = withRevenue("{ id: revenue, name: Revenue, unit: USD, target: 1200000, weight: 2, due: 2027-06-02, baseline: 0 }")
        let found = F.check(yaml, rule: .kpiBehindPace)
        #expect(found.map(\.position) == [F.position(of: "{ id: revenue", in: yaml)])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("$410,000 (2026-Q3) against $881,096 expected by 2026-11-20") == true)
        #expect(found.first?.message.contains("47% of the progress expected") == true)
    }

    @Test func aheadOfThePaceIsQuiet() {
        let yaml = withRevenue("{ id: revenue, name: Revenue, unit: USD, target: 600000, weight: 2, due: 2027-12-31, baseline: 0 }")
        #expect(F.check(yaml, rule: .kpiBehindPace).isEmpty)
        #expect(F.check(yaml, rule: .kpiPastDue).isEmpty)
    }

    @Test func slightlyBehindIsUnderTheThreshold() {
        // $800,000 by 2027-12-31 expects $455,202 by now: $410,000 is 90% of the progress, inside the 25% allowed.
        let yaml = withRevenue("{ id: revenue, name: Revenue, unit: USD, target: 800000, weight: 2, due: 2027-12-31, baseline: 0 }")
        #expect(F.check(yaml, rule: .kpiBehindPace).isEmpty)
    }

    @Test func theThresholdComesFromProgramYAML() throws {
        let yaml = withRevenue("{ id: revenue, name: Revenue, unit: USD, target: 1200000, weight: 2, due: 2027-06-02, baseline: 0 }")
        let lenient = TemporaryFolder.content(["acme": yaml], program: F.program + "\ngates: { kpi_behind_pace: 60 }\n")
        let strictBar = TemporaryFolder.content(["acme": yaml], program: F.program + "\ngates: { kpi_behind_pace: 50 }\n")
        func rules(_ folder: TemporaryFolder) throws -> [String] {
            try CheckRun(contentFolder: folder.url, asOf: F.asOf, today: F.asOf, strict: false).report.diagnostics.map(\.rule)
        }
        #expect(!(try rules(lenient)).contains("kpi.behind-pace"), "47% of the progress clears a 40% bar")
        #expect(try rules(strictBar).contains("kpi.behind-pace"), "but not a 50% one")
    }

    @Test func underStrictBehindPaceFailsTheCheck() throws {
        let yaml = F.signed(F.partner(replacing: KPIRulesTests.revenue, with: "{ id: revenue, name: Revenue, unit: USD, target: 1200000, weight: 2, due: 2027-06-02, baseline: 0 }", in: F.partnerBody))
        let folder = TemporaryFolder.content(["acme": yaml])
        #expect(!(try CheckRun(contentFolder: folder.url, asOf: F.asOf, today: F.asOf, strict: false).report.fails))
        #expect(try CheckRun(contentFolder: folder.url, asOf: F.asOf, today: F.asOf, strict: true).report.fails)
    }

    @Test func aMissedDueDateFiresPastDueAndNotBehindPace() {
        let yaml = withRevenue("{ id: revenue, name: Revenue, unit: USD, target: 500000, weight: 2, due: 2026-06-30, baseline: 0 }")
        let found = F.check(yaml, rule: .kpiPastDue)
        #expect(found.map(\.position) == [F.position(of: "{ id: revenue", in: yaml)])
        #expect(found.first?.message == "Revenue was due to reach $500,000 by 2026-06-30 and has not: the latest reading is $410,000 (2026-Q3)")
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
