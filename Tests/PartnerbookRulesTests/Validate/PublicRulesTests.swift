import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// `public.no-summary` (section 21): a listed partner with no public summary.
@Suite struct PublicRulesTests {
    typealias F = Fixtures

    @Test func aListedPartnerWithoutAPublicBlockIsWarned() {
        let yaml = F.partner(replacing: "status: run", with: "status: run\nlisted: true")
        let found = F.check(yaml, rule: .publicNoSummary)
        #expect(found.count == 1 && found[0].severity == .warning)
        #expect(found.first?.message.contains("no public: block") == true)
    }

    @Test func aPublicBlockWithoutASummaryIsWarned() {
        let yaml = F.partner(replacing: "status: run", with: "status: run\nlisted: true\npublic: { category: Data platform }")
        let found = F.check(yaml, rule: .publicNoSummary)
        #expect(found.count == 1 && found[0].message.contains("no public.summary"))
        #expect(found.first?.position == F.position(of: "public:", in: yaml))
    }

    @Test func aPublicSummaryIsQuietAndApprovedIsRead() {
        let yaml = F.partner(replacing: "status: run", with: "status: run\nlisted: true\npublic: { summary: For customers., approved: 2026-11-02 }")
        #expect(F.check(yaml, rule: .publicNoSummary).isEmpty)
        #expect(F.load(yaml).0?.publicProfile?.approved?.value == Day("2026-11-02"))
    }

    @Test(arguments: ["status: run", "status: crawl\nlisted: true", "status: prospect\nlisted: true"])
    func aPartnerNotListedIsNotAsked(_ status: String) {
        #expect(F.check(F.partner(replacing: "status: run", with: status), rule: .publicNoSummary).isEmpty)
    }
}
