import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

@Suite struct CharterRulesTests {
    typealias F = Fixtures

    @Test func missingSectionFiresOncePerSectionAtTheCharterKey() {
        let yaml = F.partner(replacing: """
              governance:
                owners: { us: Dana Ruiz, partner: Sam Okafor }
                escalation: [ Managers, Sponsors ]
                exit_criteria: [ Revenue under half of target ]
            """, with: "")
        let found = F.check(yaml, rule: .charterSectionMissing)
        #expect(found.count == 1)
        #expect(found.first?.position == F.position(of: "charter:", in: yaml))
        #expect(found.first?.message.contains("governance") == true)
        #expect(found.first?.severity == .error)
    }

    @Test func emptySectionFiresAtItsOwnKey() {
        let yaml = F.partner(replacing: """
              goals:
                us: Revenue
                partner: Certification
                customers: One bill

            """, with: "  goals: {}\n")
        let found = F.check(yaml, rule: .charterSectionMissing)
        #expect(found.map(\.position) == [F.position(of: "goals:", in: yaml)])
        #expect(F.check(yaml, rule: .charterGoalsParty).isEmpty)
    }

    @Test func noCharterAtAllGivesFiveDiagnosticsAtTheFileStart() {
        let start = F.partner.range(of: "charter:")!.lowerBound
        let end = F.partner.range(of: "phases:")!.lowerBound
        var yaml = F.partner
        yaml.removeSubrange(start..<end)
        let found = F.check(yaml, rule: .charterSectionMissing)
        #expect(found.count == 5)
        #expect(Set(found.map(\.position)) == [.start])
    }

    @Test func goalsWithoutCustomersFiresForThatParty() {
        let yaml = F.partner(replacing: "    customers: One bill\n", with: "")
        let found = F.check(yaml, rule: .charterGoalsParty)
        #expect(found.count == 1)
        #expect(found.first?.position == F.position(of: "goals:", in: yaml))
        #expect(found.first?.message.contains("customers") == true)
    }

    @Test func blankGoalCountsAsMissing() {
        let yaml = F.partner(replacing: "us: Revenue", with: "us: \"  \"")
        #expect(F.check(yaml, rule: .charterGoalsParty).count == 1)
    }

    @Test func oneSidedValueExchangeFiresAtTheEmptyList() {
        let yaml = F.partner(replacing: "partner_gives: [ Placement ]", with: "partner_gives: []")
        let found = F.check(yaml, rule: .charterValueExchangeOneSided)
        #expect(found.map(\.position) == [F.position(of: "partner_gives:", in: yaml)])
        #expect(found.first?.severity == .error)
    }

    @Test func missingWeGiveFiresAtValueExchange() {
        let yaml = F.partner(replacing: "    we_give: [ Connector ]\n", with: "")
        let found = F.check(yaml, rule: .charterValueExchangeOneSided)
        #expect(found.map(\.position) == [F.position(of: "value_exchange:", in: yaml)])
    }

    @Test func metricWithoutTargetFiresAtTheMetric() {
        let yaml = F.partner(replacing: "unit: days, target: 7, direction: down", with: "unit: days, direction: down")
        let found = F.check(yaml, rule: .charterMeasurementNoTarget)
        #expect(found.map(\.position) == [F.position(of: "{ id: days", in: yaml)])
    }

    @Test func measurementWithoutMetricsFires() {
        let yaml = F.partner(replacing: """
                metrics:
                  - { id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }
                  - { id: days, name: Days to value, unit: days, target: 7, direction: down }

            """, with: "")
        let found = F.check(yaml, rule: .charterMeasurementNoTarget)
        #expect(found.map(\.position) == [F.position(of: "measurement:", in: yaml)])
    }

    @Test func ownerMissingOnOneSideFiresAtOwners() {
        let yaml = F.partner(replacing: "owners: { us: Dana Ruiz, partner: Sam Okafor }", with: "owners: { us: Dana Ruiz }")
        let found = F.check(yaml, rule: .charterGovernanceOwners)
        #expect(found.map(\.position) == [F.position(of: "owners:", in: yaml)])
        #expect(found.first?.message.contains("partner") == true)
    }

    @Test func noExitCriteriaFiresAtGovernance() {
        let yaml = F.partner(replacing: "    exit_criteria: [ Revenue under half of target ]\n", with: "")
        let found = F.check(yaml, rule: .charterGovernanceExitCriteria)
        #expect(found.map(\.position) == [F.position(of: "governance:", in: yaml)])
        #expect(found.first?.severity == .error)
    }

    @Test func emptyExitCriteriaFiresAtTheKey() {
        let yaml = F.partner(replacing: "exit_criteria: [ Revenue under half of target ]", with: "exit_criteria: []")
        let found = F.check(yaml, rule: .charterGovernanceExitCriteria)
        #expect(found.map(\.position) == [F.position(of: "exit_criteria:", in: yaml)])
    }

    @Test func noEscalationIsAWarning() {
        let yaml = F.partner(replacing: "    escalation: [ Managers, Sponsors ]\n", with: "")
        let found = F.check(yaml, rule: .charterGovernanceEscalation)
        #expect(found.map(\.position) == [F.position(of: "governance:", in: yaml)])
        #expect(found.first?.severity == .warning)
    }
}
