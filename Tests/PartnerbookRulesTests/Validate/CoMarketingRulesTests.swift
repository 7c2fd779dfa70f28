import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

@Suite struct CoMarketingRulesTests {
    typealias F = Fixtures

    @Test func launchDoneWhilePreLaunchPendingFiresAtTheLaunchItem() {
        let yaml = F.partner(replacing: "case_study: done", with: "case_study: pending")
        let found = F.check(yaml, rule: .comarketingLaunchBeforeReady)
        #expect(found.map(\.position) == [F.position(of: "press_release: done", in: yaml)])
        #expect(found.first?.message.contains("case_study") == true)
        #expect(found.first?.severity == .warning)
    }

    @Test func notApplicablePreLaunchItemsDoNotBlock() {
        let yaml = F.partner(replacing: "case_study: done", with: "case_study: n/a")
        #expect(F.check(yaml, rule: .comarketingLaunchBeforeReady).isEmpty)
    }

    @Test func pendingLaunchDoesNotFire() {
        let yaml = F.partner(replacing: "case_study: done", with: "case_study: pending")
            .replacingOccurrences(of: "press_release: done", with: "press_release: pending")
        #expect(F.check(yaml, rule: .comarketingLaunchBeforeReady).isEmpty)
    }
}
