import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

@Suite struct LeverageRulesTests {
    typealias F = Fixtures

    @Test func missingLeverageWarnsAtTheFileStart() {
        let yaml = F.partner(replacing: """
            leverage:
              type: requirement
              evidence: Certification requires us.

            """, with: "")
        let found = F.check(yaml, rule: .leverageMissing)
        #expect(found.map(\.position) == [.start])
        #expect(found.first?.severity == .warning)
    }

    @Test func leverageWithoutTypeWarnsAtLeverage() {
        let yaml = F.partner(replacing: "  type: requirement\n", with: "")
        #expect(F.check(yaml, rule: .leverageMissing).map(\.position) == [F.position(of: "leverage:", in: yaml)])
    }

    @Test func coMarketingOnlyIsWeak() {
        let yaml = F.partner(replacing: "type: requirement", with: "type: co-marketing")
        let found = F.check(yaml, rule: .leverageWeak)
        #expect(found.map(\.position) == [F.position(of: "type: co-marketing", in: yaml)])
        #expect(found.first?.severity == .warning)
    }

    @Test func moderateLeverageIsNotWeak() {
        for type in ["competitive", "customer", "economic"] {
            let yaml = F.partner(replacing: "type: requirement", with: "type: \(type)")
            #expect(F.check(yaml, rule: .leverageWeak).isEmpty)
            #expect(F.check(yaml, rule: .leverageMissing).isEmpty)
        }
    }
}
