import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

@Suite struct TierRulesTests {
    typealias F = Fixtures

    @Test func engineeringResourcesMeanTierOne() {
        let yaml = F.partner(replacing: "engineering_resources: false", with: "engineering_resources: true")
        let found = F.check(yaml, rule: .tierMismatch)
        #expect(found.map(\.position) == [F.position(of: "tier:", in: yaml)])
        #expect(found.first?.message.contains("integration") == true)
        #expect(found.first?.severity == .warning)
    }

    @Test func notMarqueeWithoutEngineersMeansTierTwo() {
        let yaml = F.partner(replacing: "marquee: true", with: "marquee: false")
        #expect(F.check(yaml, rule: .tierMismatch).first?.message.contains("partnership") == true)
        let matching = yaml.replacingOccurrences(of: "tier: strategic", with: "tier: 2")
        #expect(F.check(matching, rule: .tierMismatch).isEmpty)
    }

    @Test func noProfileMeansNoDecision() {
        let yaml = F.partner(replacing: """
            profile:
              engineering_resources: false
              marquee: true

            """, with: "")
        #expect(F.check(yaml, rule: .tierMismatch).isEmpty)
    }
}
