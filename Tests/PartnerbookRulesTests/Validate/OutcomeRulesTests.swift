import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// `outcomes.period` and `outcomes.currency`: a metric that adds to partner
/// revenue says what a reading covers and is money the program can convert.
@Suite struct OutcomeRulesTests {
    typealias F = Fixtures
    static let revenue = "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }"

    private func withRevenue(_ metric: String, cadence: String = "quarterly") -> String {
        F.partner(replacing: Self.revenue, with: metric)
            .replacingOccurrences(of: "review_cadence: quarterly", with: "review_cadence: \(cadence)")
    }

    private func check(_ yaml: String, program: String = F.program) throws -> [Diagnostic] {
        let context = LoadContext(file: "program.yaml", calendar: .calendarYear)
        let node = try #require(YAMLFile.parse(Data(program.utf8), context: context))
        var loaded = ProgramLoader.load(node, context: context)
        loaded.company = Located("Northwind Analytics", at: .start)
        return F.check(yaml, program: loaded).filter { $0.rule.id.hasPrefix("outcomes.") }
    }

    @Test func aRevenueMetricWithoutAPeriodFires() throws {
        let yaml = withRevenue("{ id: revenue, name: Revenue, unit: USD, target: 400000, weight: 2, counts_toward: partner_revenue }")
        let found = try check(yaml)
        #expect(found.map(\.rule) == ["outcomes.period"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.position == F.position(of: "{ id: revenue", in: yaml))
    }

    @Test(arguments: ["quarter", "to_date"])
    func aQuarterlyPartnerMayCountQuartersOrARunningTotal(_ period: String) throws {
        let yaml = withRevenue("{ id: revenue, name: Revenue, unit: USD, target: 400000, weight: 2, counts_toward: partner_revenue, period: \(period) }")
        #expect(try check(yaml).isEmpty)
    }

    @Test func aMonthFigureNeedsMonthlyReviews() throws {
        let yaml = withRevenue("{ id: revenue, name: Revenue, unit: USD, target: 400000, weight: 2, counts_toward: partner_revenue, period: month }")
        let found = try check(yaml)
        #expect(found.map(\.rule) == ["outcomes.period"])
        #expect(found.first?.message.contains("reviewed quarterly") == true)
        let monthly = withRevenue("{ id: revenue, name: Revenue, unit: USD, target: 400000, weight: 2, counts_toward: partner_revenue, period: quarter }",
                                  cadence: "monthly")
        #expect(try check(monthly).map(\.rule) == ["outcomes.period"], "and a quarter figure needs quarterly ones")
    }

    @Test func aUnitThatIsNoCurrencyFires() throws {
        let yaml = withRevenue("{ id: revenue, name: Revenue, unit: deals, target: 40, weight: 2, counts_toward: partner_revenue, period: quarter }")
        let found = try check(yaml)
        #expect(found.map(\.rule) == ["outcomes.currency"])
        #expect(found.first?.message.contains("its unit 'deals' is not a currency code") == true)
        #expect(found.first?.position == F.position(of: "unit: deals", in: yaml))
    }

    @Test func anotherCurrencyNeedsARate() throws {
        let yaml = withRevenue("{ id: revenue, name: Revenue, unit: EUR, target: 400000, weight: 2, counts_toward: partner_revenue, period: quarter }")
        let found = try check(yaml)
        #expect(found.map(\.rule) == ["outcomes.currency"])
        #expect(found.first?.message.contains("is in EUR but the program counts in USD and program.yaml has no EUR rate for 2026-Q2, 2026-Q3") == true)
        #expect(try check(yaml, program: F.program + "\nexchange_rates: { EUR: 1.08 }\n").isEmpty, "a default rate covers every quarter")
        let partly = F.program + "\nexchange_rates: { 2026-Q3: { EUR: 1.1 } }\n"
        #expect(try check(yaml, program: partly).first?.message.contains("no EUR rate for 2026-Q2") == true,
                "a quarter's own rate covers that quarter only")
        let both = F.program + "\nexchange_rates: { 2026-Q2: { EUR: 1.07 }, 2026-Q3: { EUR: 1.1 } }\n"
        #expect(try check(yaml, program: both).isEmpty)
    }

    @Test func metricsThatDoNotCountAreNotHeldToIt() throws {
        let yaml = withRevenue("{ id: revenue, name: Revenue, unit: EUR, target: 400000, weight: 2 }")
        #expect(try check(yaml).isEmpty, "a EUR metric that is not partner revenue is never added up")
    }

    @Test func exchangeRatesThatCannotBeReadAreSchemaErrors() {
        let context = LoadContext(file: "program.yaml", calendar: .calendarYear)
        let yaml = F.program + "\nexchange_rates: { EURO: 1.08, GBP: -1, 2026-Q5: { EUR: 1 }, 2026-Q3: { EUR: x } }\n"
        if let node = YAMLFile.parse(Data(yaml.utf8), context: context) { _ = ProgramLoader.load(node, context: context) }
        #expect(context.diagnostics.map(\.rule) == ["schema.type", "schema.type", "schema.type", "schema.type"])
    }
}

/// `phase.overrun`: the current phase's planned end has passed with no go/no-go.
@Suite struct PhaseRulesTests {
    typealias F = Fixtures

    private func inWalk(_ decision: String, end: String = "2025-05-26") -> String {
        F.partner(replacing: "status: run", with: "status: walk")
            .replacingOccurrences(of: "walk: { invited: 10, adopted: 8, decision: go }", with: "walk: { invited: 10, adopted: 8\(decision) }")
            .replacingOccurrences(of: "end: 2025-05-26", with: "end: \(end)")
    }

    @Test func aPendingDecisionAfterThePlannedEndFires() {
        let yaml = inWalk(", decision: pending", end: "2026-07-20")
        let found = F.check(yaml, rule: .phaseOverrun)
        #expect(found.map(\.position) == [F.position(of: "decision: pending", in: yaml)])
        #expect(found.first?.severity == .notice)
        #expect(found.first?.message == "walk was planned to end on 2026-07-20 and its go/no-go is still pending 123 days later: decide go or no-go on its numbers, or agree a new end date")
    }

    @Test func noDecisionAtAllFiresAtThePhaseResults() {
        let yaml = inWalk("")
        let found = F.check(yaml, rule: .phaseOverrun)
        #expect(found.first?.message.contains("its go/no-go is not recorded") == true)
    }

    @Test(arguments: [", decision: go", ", decision: no-go"])
    func aRecordedDecisionIsQuiet(_ decision: String) {
        #expect(F.check(inWalk(decision), rule: .phaseOverrun).isEmpty)
    }

    @Test func aPhaseStillRunningIsQuiet() {
        #expect(F.check(inWalk(", decision: pending", end: "2026-12-20"), rule: .phaseOverrun).isEmpty)
        #expect(F.check(F.partner, rule: .phaseOverrun).isEmpty, "run has no planned end")
    }
}

/// An ended partnership is history: only what makes its file unreadable or its numbers wrong.
@Suite struct EndedPartnershipTests {
    typealias F = Fixtures

    @Test func onlyFileAndNumberRulesApply() {
        let yaml = F.partner.replacingOccurrences(of: "status: run", with: "status: ended")
            .replacingOccurrences(of: "partner: [ Co-sell budget ]", with: "partner: []")
            .replacingOccurrences(of: "    exit_criteria: [ Revenue under half of target ]\n", with: "")
            .replacingOccurrences(of: "metrics: { revenue: 410000, days: 7 }", with: "metrics: { revenue: 410000, dayz: 7 }")
            .replacingOccurrences(of: "quarter: 2026-Q3", with: "quarter: 2026-Q2")
            + "\nextra: 1\n"
        let rules = Set(F.check(yaml).map(\.rule))
        #expect(rules == ["schema.unknown-key", "review.unknown-metric", "review.duplicate-quarter"],
                "no handshake, exit criteria, signature or gate findings for an ended partnership")
        let live = yaml.replacingOccurrences(of: "status: ended", with: "status: run")
        #expect(Set(F.check(live).map(\.rule)).isSuperset(of: ["commitment.handshake", "charter.governance.exit-criteria"]))
    }
}
