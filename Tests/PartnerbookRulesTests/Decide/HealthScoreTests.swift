import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// No green over red: the band cap, and the breakdown that explains it.
@Suite struct HealthScoreTests {
    private func assess(_ yaml: String) throws -> PartnerAssessment {
        let partner = try #require(Fixtures.load(yaml).0)
        return PartnerAssessment(partner, program: Fixtures.testProgram, asOf: Fixtures.asOf,
                                               signatures: SignatureState(partner, frame: Fixtures.testProgram.charterFrame(template: CharterWording.builtIn)))
    }

    private let revenue = "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }"

    /// Section 21: the program's own flags hold a green score at amber, and
    /// the breakdown says why: a handshake, co-marketing as the only
    /// leverage, an overdue go/no-go. An ended partnership carries none.
    @Test(arguments: [
        ("  partner: [ Co-sell budget ]\n", "  partner: []\n", "a handshake", "theatre: a side has no economic commitment"),
        ("  type: requirement", "  type: co-marketing", "co-marketing only", "co-marketing is its only leverage"),
        ("status: run", "status: walk", nil, nil),
    ])
    func theProgramsFlagsAreNeverGreen(_ old: String, _ new: String, _ label: String?, _ note: String?) throws {
        var yaml = Fixtures.partner(replacing: old, with: new)
        var expectedLabel = label, expectedNote = note
        if label == nil {
            // In walk, with the walk planned to end on 26 May 2025 and its decision pending: overdue.
            yaml = Fixtures.partner(replacing: "walk: { invited: 10, adopted: 8, decision: go }", with: "walk: { invited: 10, adopted: 8, decision: pending }", in: yaml)
            expectedLabel = "walk go/no-go overdue"
            expectedNote = "The walk go/no-go is overdue since 26 May 2025"
        }
        let health = try assess(yaml).health
        #expect(health.total >= 70, "the score alone is green (\(health.total))")
        #expect(health.band == .amber)
        #expect(health.bandText.contains(expectedLabel!), "\(health.bandText)")
        #expect(health.capNote?.contains(expectedNote!) == true, "\(health.capNote ?? "no note")")
    }

    @Test func aHealthyPartnerCarriesNoFlagAndAnEndedOneNone() throws {
        #expect(try assess(Fixtures.partner).health.flags.isEmpty)
        let ended = Fixtures.partner(replacing: "  partner: [ Co-sell budget ]\n", with: "  partner: []\n")
            .replacingOccurrences(of: "status: run", with: "status: ended")
        #expect(try assess(ended).health.flags.isEmpty, "an ended partnership is history")
    }

    @Test func mostKPIWeightBehindHoldsAGreenScoreAtAmber() throws {
        // Revenue (weight 2 of 3) far behind its pace; days to value met.
        let yaml = Fixtures.partner(replacing: revenue,
                                    with: "{ id: revenue, name: Revenue, unit: USD, target: 1200000, weight: 2, due: 2027-06-02, baseline: 0 }")
        let health = try assess(yaml).health
        #expect(health.total >= 70, "the score alone is green (\(health.total))")
        #expect(health.band == .amber)
        let cap = try #require(health.cap)
        #expect(abs(cap.behindShare - 2.0 / 3) < 1e-9)
        #expect(cap.behind == ["Revenue"])
        #expect(health.capNote?.contains("Metrics carrying 67% of the KPI weight are behind (Revenue)") == true)
        #expect(health.bandText == "Amber (KPIs behind)")
    }

    @Test func aheadOfPaceOnAFarTargetReadsGreen() throws {
        let yaml = Fixtures.partner(replacing: revenue,
                                    with: "{ id: revenue, name: Revenue, unit: USD, target: 600000, weight: 2, due: 2027-12-31, baseline: 0 }")
        let assessment = try assess(yaml)
        #expect(assessment.health.band == .green)
        #expect(assessment.health.cap == nil)
        #expect(assessment.kpis.first?.standing == .ahead)
    }

    @Test func halfTheWeightBehindIsNotMostly() throws {
        // Both metrics weigh 1; revenue behind, days met: exactly half is not "mostly".
        let yaml = Fixtures.partner(replacing: revenue,
                                    with: "{ id: revenue, name: Revenue, unit: USD, target: 1200000, weight: 1, due: 2027-06-02, baseline: 0 }")
        let health = try assess(yaml).health
        #expect(health.cap == nil)
        #expect(health.band == Band(healthScore: health.total))
    }

    @Test func aScoreAlreadyAmberNeedsNoCap() throws {
        let yaml = Fixtures.partner(replacing: revenue,
                                    with: "{ id: revenue, name: Revenue, unit: USD, target: 1200000, weight: 2, due: 2027-06-02, baseline: 0 }")
            .replacingOccurrences(of: "if_it_fails: { us: Engineer time, partner: Certification }", with: "")
            .replacingOccurrences(of: "partner: [ Co-sell budget ]", with: "partner: []")
        let health = try assess(yaml).health
        #expect(health.total < 70)
        #expect(health.cap == nil)
    }

    @Test func theScorecardShowsTheCapAndThePace() throws {
        let yaml = Fixtures.partner(replacing: revenue,
                                    with: "{ id: revenue, name: Revenue, unit: USD, target: 1200000, weight: 2, due: 2027-06-02, baseline: 0 }")
        let files = try TestBuild.files(TemporaryFolder.content(["acme": yaml]))
        let scorecard = try #require(files["partners/acme/scorecard.md"])
        #expect(scorecard.contains("## Health: "))
        #expect(scorecard.contains(", Amber (KPIs behind)"))
        #expect(scorecard.contains("> **Band held at amber.** The score alone would read green"))
        #expect(scorecard.contains("| Revenue | $1,200,000 by 2 June 2027 | $797,260 | $410,000 (2026-Q3, 51 days old) |"))
        #expect(scorecard.contains("| 51% of pace | Red, behind pace |"))
        let chart = try #require(files["partners/acme/charts/trends.svg"])
        #expect(chart.contains("stroke-dasharray=\"2 3\""), "the pace line is drawn")
        #expect(chart.contains("pace to the target by 2 June 2027"))
        let home = try #require(files["index.html"])
        #expect(home.contains("Amber (KPIs behind)"))
    }
}
