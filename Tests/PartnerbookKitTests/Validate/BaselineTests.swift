import Testing
@testable import PartnerbookKit

/// The fixture every rule test starts from must itself be clean, or "does not fire" proves nothing.
@Suite struct BaselineTests {
    @Test func fixturePartnerBreaksNoRule() {
        #expect(Fixtures.check(Fixtures.partner) == [])
    }

    @Test func everyRuleHasAKnownSeverity() {
        #expect(Rule.allCases.count == Set(Rule.allCases.map(\.rawValue)).count)
        #expect(Rule.charterSectionMissing.severity == .error)
        #expect(Rule.schemaUnknownKey.severity == .warning)
    }
}
