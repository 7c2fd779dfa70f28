import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

@Suite struct CommitmentRulesTests {
    typealias F = Fixtures

    @Test func noPartnerCommitmentIsAnErrorInRun() {
        let yaml = F.partner(replacing: "partner: [ Co-sell budget ]", with: "partner: []")
        let found = F.check(yaml, rule: .commitmentHandshake)
        #expect(found.map(\.position) == [F.position(of: "commitments:", in: yaml)])
        #expect(found.first?.severity == .error)
    }

    @Test func handshakeIsAWarningForAProspect() {
        let yaml = F.partner(replacing: "partner: [ Co-sell budget ]", with: "partner: []")
            .replacingOccurrences(of: "status: run", with: "status: prospect")
        let found = F.check(yaml, rule: .commitmentHandshake)
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
    }

    @Test func noCommitmentsSectionFiresAtTheFileStart() {
        let yaml = F.partner(replacing: """
            commitments:
              us: [ Two engineers ]
              partner: [ Co-sell budget ]
              if_it_fails: { us: Engineer time, partner: Certification }

            """, with: "")
        let found = F.check(yaml, rule: .commitmentHandshake)
        #expect(found.map(\.position) == [.start])
        #expect(found.first?.severity == .error)
    }

    @Test func missingDownsideForOneSideWarnsAtIfItFails() {
        let yaml = F.partner(replacing: "if_it_fails: { us: Engineer time, partner: Certification }",
                             with: "if_it_fails: { us: Engineer time }")
        let found = F.check(yaml, rule: .commitmentNoDownside)
        #expect(found.map(\.position) == [F.position(of: "if_it_fails:", in: yaml)])
        #expect(found.first?.severity == .warning)
    }

    @Test func noIfItFailsAtAllWarnsForBothSides() {
        let yaml = F.partner(replacing: "  if_it_fails: { us: Engineer time, partner: Certification }\n", with: "")
        let found = F.check(yaml, rule: .commitmentNoDownside)
        #expect(found.count == 2)
        #expect(Set(found.map(\.position)) == [F.position(of: "commitments:", in: yaml)])
    }
}
