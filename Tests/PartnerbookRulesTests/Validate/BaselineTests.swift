import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// The fixture every rule test starts from must itself be clean, or "does not fire" proves nothing.
@Suite struct BaselineTests {
    @Test func fixturePartnerBreaksNoRule() {
        #expect(Fixtures.check(Fixtures.partner) == [])
    }

    @Test func everyRuleIsDocumentedOnce() {
        let ids = RuleCatalog.all.map(\.rule.id)
        #expect(ids.count == Set(ids).count, "no rule declared twice")
        #expect(Rule.charterSectionMissing.severity == .error)
        #expect(Rule.schemaUnknownKey.severity == .warning)
        #expect(Rule.phaseOverrun.severity == .notice)
        for info in RuleCatalog.all {
            #expect(!info.summary.isEmpty && !info.why.isEmpty && !info.fix.isEmpty && !info.example.isEmpty, "\(info.rule.id)")
        }
    }

    /// Every rule a family can report is documented: its id appears in the catalog.
    @Test func everyRuleUsedInTheSourceIsInTheCatalog() throws {
        let sources = Binary.repository.appendingPathComponent("Sources")
        let ids = Set(RuleCatalog.all.map(\.rule.id))
        for path in OutputWriter.filesBelow(sources) where path.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            for match in text.matches(of: /static let \w+ = Rule\("([a-z.\-]+)"/) {
                #expect(ids.contains(String(match.1)), "\(match.1), declared in \(path), has no documentation")
            }
        }
    }

    @Test func explainPrintsARulesPageAndSuggestsForAnUnknownOne() throws {
        let folder = TemporaryFolder()
        let page = try Binary.run(["explain", "yaml.flow-comma"], in: folder.url)
        #expect(page.status == 0)
        #expect(page.stdout.hasPrefix("## `yaml.flow-comma`\n\n**Severity:** error\n"))
        #expect(page.stdout.contains("```yaml\noutcomes:\n  - { quarter: 2026-Q1, revenue: 6,200,000 }\n```"))
        let unknown = try Binary.run(["explain", "charter.governance.exitcriteria"], in: folder.url)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no rule 'charter.governance.exitcriteria'; did you mean charter.governance.exit-criteria"))
    }
}
