import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// The "should we build or partner?" tree and `decision.build`.
@Suite struct BuildOrPartnerRulesTests {
    typealias F = Fixtures

    private func withDecision(_ decision: String) -> String {
        F.partner + "\ndecision: \(decision)\n"
    }

    @Test func coreToDifferentiationSaysBuild() {
        let yaml = withDecision("{ core_to_differentiation: true, roadmap_delay_months: 12, partner_needs_us: true }")
        let found = F.check(yaml, rule: .decisionBuild)
        #expect(found.map(\.position) == [F.position(of: "core_to_differentiation", in: yaml)])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("core to our product differentiation") == true)
    }

    @Test func noDelayAndNoPartnerWhoNeedsUsSaysBuild() {
        let yaml = withDecision("{ core_to_differentiation: false, roadmap_delay_months: 3, partner_needs_us: false }")
        #expect(F.check(yaml, rule: .decisionBuild).map(\.position) == [F.position(of: "partner_needs_us", in: yaml)])
    }

    @Test func aLongDelaySaysPartner() {
        let yaml = withDecision("{ core_to_differentiation: false, roadmap_delay_months: 9, partner_needs_us: false }")
        #expect(F.check(yaml, rule: .decisionBuild).isEmpty)
        let (partner, _) = F.load(yaml)
        #expect(BuildOrPartner.decide(partner?.decision)?.verdict == .partner)
    }

    @Test func aPartnerWhoNeedsUsSaysPartner() {
        #expect(F.check(withDecision("{ core_to_differentiation: false, roadmap_delay_months: 6, partner_needs_us: true }"),
                        rule: .decisionBuild).isEmpty)
    }

    @Test func withoutADecisionBlockThereIsNoVerdict() {
        #expect(F.check(F.partner, rule: .decisionBuild).isEmpty)
        #expect(BuildOrPartner.decide(nil) == nil)
        let (partner, _) = F.load(withDecision("{ core_to_differentiation: false }"))
        #expect(BuildOrPartner.decide(partner?.decision) == nil, "the tree stops short of an answer")
    }

    @Test func theScorecardShowsTheVerdict() throws {
        let yaml = F.signed(F.partnerBody + "\ndecision: { core_to_differentiation: false, roadmap_delay_months: 9 }\n")
        let files = try TestBuild.files(TemporaryFolder.content(["acme": yaml]))
        let scorecard = try #require(files["partners/acme/scorecard.md"])
        #expect(scorecard.contains("## Build or partner?\n\nPartner: building it would delay our roadmap by 9 months, more than six."))
    }
}
