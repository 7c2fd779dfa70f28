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

/// Section 21: the packet and the program page true as of their date, with
/// nothing of ours in what goes to the partner.
@Suite struct SharedDocumentsTests {
    typealias F = Fixtures

    private func files(_ yaml: String, asOf: Day = F.asOf, program: String = F.program) throws -> [String: String] {
        try TestBuild.files(TemporaryFolder.content(["acme": yaml], program: program), asOf: asOf)
    }

    /// A risk marked internal is in our brief and the scorecard, never in the packet.
    @Test func anInternalRiskStaysOurs() throws {
        let yaml = F.partner(replacing: "    next_review: 2027-01-14", with: """
                risks:
                  - { risk: Competitor courting their team, owner: Priya Nair, action: Dinner with their SVP, internal: true }
                  - { risk: Connector backlog, owner: Sam Okafor, action: Two more engineers }
                next_review: 2027-01-14
            """)
        let all = try files(yaml)
        for packet in ["partners/acme/qbr/2026-Q3.md", "partners/acme/qbr/2026-Q4.md"] {
            let text = try #require(all[packet])
            #expect(!text.contains("Competitor courting") && !text.contains("Dinner with their SVP"), "\(packet)")
            #expect(text.contains("Connector backlog"), "\(packet): the shared risk stays")
        }
        #expect(try #require(all["partners/acme/qbr/2026-Q4-brief.md"]).contains("## Risks we keep to ourselves"))
        #expect(try #require(all["partners/acme/scorecard.md"]).contains("Competitor courting their team (internal: not in the packet)"))
    }

    /// The gates table prints the charter's criteria and where each stands; the run's return is ours.
    @Test func thePacketsGatesCarryNoReturnOnInvestment() throws {
        let yaml = F.partner(replacing: "walk: { invited: 10, adopted: 8, decision: go }",
                             with: "walk: { invited: 10, adopted: 8, decision: go }\n  run: { invested: 420000, returned: 1250000, decision: go }")
        let all = try files(yaml)
        let packet = try #require(all["partners/acme/qbr/2026-Q4.md"])
        for ours in ["1,250,000", "420,000", "ROI", "returned on"] {
            #expect(!packet.contains(ours), "the packet shows \(ours)")
        }
        #expect(packet.contains("| Gate | The charter's criterion | Where it stands | Decision | Status |"))
        #expect(packet.contains("| Walk | 70% or more of the invited customers adopt | 80% adoption (8 of 10) | go | passed |"))
        #expect(try #require(all["partners/acme/scorecard.md"]).contains("ROI"), "the scorecard keeps it")
    }

    /// An upcoming packet whose date has passed says so; before that day it is prepared ahead.
    @Test func anUpcomingPacketPastItsDateIsOverdue() throws {
        let before = try #require(try files(F.partner)["partners/acme/qbr/2026-Q4.md"])
        #expect(before.contains("> **Prepared before the review.**"))
        let after = try #require(try files(F.partner, asOf: Day("2027-02-01")!)["partners/acme/qbr/2026-Q4.md"])
        #expect(after.contains("> **Overdue since 14 January 2027.**"), "\(after.prefix(400))")
        #expect(!after.contains("Prepared before the review"))
    }

    /// Each row carries its reading's period and age; a target whose due
    /// date passed is met or not met; the packet says what pace is; the
    /// expected value prints at the readings' precision.
    @Test func metricRowsSayWhenAndHowTheyAreJudged() throws {
        var yaml = F.partner(replacing: "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }",
                             with: "{ id: revenue, name: Revenue, unit: USD, target: 500000, direction: up, weight: 2, due: 2026-09-30, baseline: 0 }")
        yaml = F.partner(replacing: "{ id: days, name: Days to value, unit: days, target: 7, direction: down }",
                         with: "{ id: days, name: Days to value, unit: days, target: 6, direction: down, due: 2027-06-30, baseline: 9 }", in: yaml)
        yaml = F.partner(replacing: "metrics: { revenue: 410000, days: 7 }", with: "metrics: { revenue: 410000, days: 7.4 }", in: yaml)
        let packet = try #require(try files(yaml)["partners/acme/qbr/2026-Q4.md"])
        let revenue = try #require(packet.split(separator: "\n").first { $0.hasPrefix("| Revenue |") })
        #expect(revenue.contains("$410,000 (2026-Q3, 51 days old)"), "\(revenue)")
        #expect(revenue.hasSuffix("| due 30 September 2026: not met |"), "\(revenue)")
        #expect(!revenue.contains("of pace"))
        let days = try #require(packet.split(separator: "\n").first { $0.hasPrefix("| Days to value |") })
        let expected = String(days.split(separator: "|")[4]).trimmingCharacters(in: .whitespaces)
        #expect(expected.contains(".") && expected.split(separator: ".").last?.count == 1, "one decimal, as 7.4 is: \(days)")
        #expect(packet.contains("Pace: a target with a due date is judged against a straight line"))
    }

    /// A held review's packet shows the phase the partnership was in on its day.
    @Test func aHeldPacketShowsThePhaseOfItsDay() throws {
        let yaml = F.partner(replacing: "    run:\n      start: 2025-06-02", with: "    run:\n      start: 2026-08-01")
            .replacingOccurrences(of: "  - quarter: 2026-Q2\n    date: 2026-07-09", with: "  - quarter: 2026-Q2\n    date: 2026-07-09")
        let all = try files(yaml)
        #expect(try #require(all["partners/acme/qbr/2026-Q2.md"]).contains("| Acme Cloud | Tier 3 · Strategic | Walk (formal integration) | 2026-Q2 |"),
                "held on 9 July 2026, before run began on 1 August")
        #expect(try #require(all["partners/acme/qbr/2026-Q3.md"]).contains("| Run (full scale) |"))
    }

    /// The commitments a review makes are open on its day: a done mark
    /// added later shows in the next review's packet, never in this one's.
    @Test func aReviewsOwnCommitmentsAreOpenOnItsDay() throws {
        let yaml = F.partner(replacing: "    next_review: 2027-01-14", with: "    commitments: { partner: [ (done) Renew the budget ] }\n    next_review: 2027-01-14")
        let all = try files(yaml)
        #expect(try #require(all["partners/acme/qbr/2026-Q3.md"]).contains("**Open:** Renew the budget"))
        #expect(try #require(all["partners/acme/qbr/2026-Q4.md"]).contains("**Done:** Renew the budget"))
    }

    /// A quarter no review has reported is no figures, never a zero.
    @Test func aQuarterWithoutFiguresIsNotAZero() throws {
        let counted = F.partner(replacing: "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }",
                                with: "{ id: revenue, name: Revenue, unit: USD, target: 400000, weight: 2, counts_toward: partner_revenue, period: quarter }")
            .replacingOccurrences(of: "    next_review: 2027-01-14", with: "    next_review: 2027-01-14\n  - quarter: 2026-Q4\n    date: 2027-01-14")
        let program = F.program + "\noutcomes:\n  - { quarter: 2026-Q4, revenue: 2000000 }\n"
        let scorecard = try #require(try files(counted, asOf: Day("2027-01-08")!, program: program)["program/scorecard.md"])
        #expect(scorecard.contains("In 2026-Q4, the last quarter finished, there are no figures yet: 1 review planned for 14 January 2027."),
                "\(scorecard.prefix(1500))")
        #expect(!scorecard.contains("brought $0"))
    }
}
