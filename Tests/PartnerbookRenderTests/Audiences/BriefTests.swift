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

/// Our side's brief for each QBR packet: computed items that fire and stay quiet.
@Suite struct BriefTests {
    typealias F = Fixtures

    private func brief(_ yaml: String, quarter: String = "2026-Q4") throws -> String {
        let files = try TestBuild.files(TemporaryFolder.content(["acme": yaml]))
        return try #require(files["partners/acme/qbr/\(quarter)-brief.md"], "no brief in \(files.keys.sorted())")
    }

    @Test func aHealthyPartnerHasNothingToRaise() throws {
        let text = try brief(F.partner)
        #expect(text.contains("# QBR brief 2026-Q4: Acme Cloud"))
        #expect(text.contains("> **For Northwind Analytics only.**"))
        #expect(text.contains("Nothing in the data needs raising"))
        #expect(text.contains("| Tier check | Tier 3 · Strategic, as the tier decision gives. |"))
        #expect(text.contains("| Leverage | Requirement leverage, strongest. Full partnership investment: the partner needs us. |"))
        #expect(text.contains("**Health 92 / 100 (the parts sum to 91.8, rounded), Green.**"), "the score says it rounds its parts")
    }

    @Test func redAndFallingMetricsAndOpenCommitmentsAreRaised() throws {
        var yaml = F.partner(replacing: "target: 400000, direction: up, weight: 2", with: "target: 1000000, direction: up, weight: 2")
        yaml = F.partner(replacing: "metrics: { revenue: 410000, days: 7 }", with: "metrics: { revenue: 410000, days: 9 }", in: yaml)
        yaml = F.partner(replacing: "    next_review: 2027-01-14", with: """
            commitments:
              us: [ (done) Ship the connector, Write the case study ]
              partner: [ Renew the budget ]
            next_review: 2027-01-14
        """, in: yaml)
        let text = try brief(yaml)
        #expect(text.contains("**Metric.** Revenue red at 41% of target (2026-Q3, as of 30 September 2026): agree what changes before the next review."))
        #expect(text.contains("**Metric.** Days to value went the wrong way, 8 to 9: agree what changes"))
        #expect(text.contains("**Commitment.** Northwind Analytics committed to Write the case study. Done, late, or dropped?"))
        #expect(text.contains("**Commitment.** Acme Cloud committed to Renew the budget."))
        #expect(!text.contains("Ship the connector"), "a commitment marked done is not raised")
        let packet = try #require(try TestBuild.files(TemporaryFolder.content(["acme": yaml]))["partners/acme/qbr/2026-Q4.md"])
        #expect(packet.contains("- **Done:** Ship the connector") && packet.contains("- **Open:** Write the case study"), "states as text, never as form controls a printer drops")
    }

    @Test func aGateDueAnOverdueReviewAndSignaturesAreRaised() throws {
        var yaml = F.partner(replacing: "status: run", with: "status: walk")
        yaml = F.partner(replacing: "walk: { invited: 10, adopted: 8, decision: go }", with: "walk: { invited: 10, adopted: 6, decision: pending }", in: yaml)
        yaml = F.partner(replacing: "us: Revenue", with: "us: More revenue", in: yaml)
        yaml = F.partner(replacing: "engineering_resources: false", with: "engineering_resources: true", in: yaml)
        let text = try brief(yaml)
        #expect(text.contains("**Gate.** Decide go or no-go on walk (the phase ended on 26 May 2025): adoption 60% against a 70% bar."))
        #expect(text.contains("**Signature.** Dana Ruiz's signature for Northwind Analytics no longer covers the charter"))
        #expect(text.contains("but the tier decision gives Tier 1 · Integration"))
        #expect(text.contains("Lower the tier (and what it commits us to) before renewing commitments."),
                "strategic against a decided integration tier: lower, not raise")
        #expect(!text.contains("Raise the tier"))

        let overdue = F.partner(replacing: "next_review: 2027-01-14", with: "next_review: 2026-11-01")
        #expect(try brief(overdue).contains("**Review.** The next review was due on 2026-11-01 and has not been recorded by 2026-11-20: agree the cadence again."))
        let unsigned = try brief(F.partnerBody.replacingOccurrences(of: "status: run", with: "status: crawl"))
        #expect(unsigned.contains("**Signature.** Acme Cloud has not signed the charter: get it signed."))
    }

    /// The advice follows the direction the tier decision gives.
    @Test func tierAdviceFollowsTheDecisionsDirection() {
        #expect(BriefView.tierAdvice(current: .integration, decided: .strategic).hasPrefix("Raise the tier"))
        #expect(BriefView.tierAdvice(current: .strategic, decided: .partnership).hasPrefix("Lower the tier"))
        #expect(BriefView.tierAdvice(current: .partnership, decided: .integration).hasPrefix("Lower the tier"))
        #expect(BriefView.tierAdvice(current: nil, decided: .integration).hasPrefix("Set the tier"))
    }

    @Test func objectivesComeFromThePlannedReview() throws {
        let yaml = F.partner(replacing: "    next_review: 2027-01-14", with: """
            next_review: 2027-01-14
          - quarter: 2026-Q4
            date: 2027-01-21
            objectives: [ Get the *budget* in writing ]
        """)
        let files = try TestBuild.files(TemporaryFolder.content(["acme": yaml]))
        let brief = try #require(files["partners/acme/qbr/2026-Q4-brief.md"])
        #expect(brief.contains("## Our objectives\n\n  - Get the *budget* in writing"))
        #expect(brief.contains("review on 21 January 2027"), "the planned date")
        let packet = try #require(files["partners/acme/qbr/2026-Q4.md"])
        #expect(!packet.contains("Get the"), "objectives are ours")
        #expect(!packet.contains("-brief."), "the packet never links to the brief")
        #expect(files["partners/acme/qbr/2027-Q1.md"] == nil, "a planned review is not a held one")
        #expect(files["partners/acme/index.html"]?.contains("href=\"qbr/2026-Q4-brief.html\"") == true)
        #expect(!F.check(yaml).contains { $0.rule == "review.duplicate-quarter" || $0.rule == "schema.unknown-key" })
    }
}
