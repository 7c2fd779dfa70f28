import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput

@Suite struct ProgramRulesTests {
    @Test func weightsNotSummingToOneHundredFireAtScoring() throws {
        let yaml = """
        name: P
        company: C
        scoring:
          kpis: 50
          gates: 20
          commitment: 20
          charter: 10
          co_marketing: 10
        """
        let folder = TemporaryFolder.content([:], program: yaml)
        let content = try ContentLoader.load(from: folder.url)
        let found = Validator.validate(content, asOf: Fixtures.asOf).filter { $0.rule == "program.weights" }
        #expect(found.count == 1)
        #expect(found.first?.file == "program.yaml")
        #expect(found.first?.position == SourcePosition(line: 3, column: 1))
        #expect(found.first?.message.contains("110") == true)
    }

    @Test func defaultWeightsSumToOneHundred() throws {
        let folder = TemporaryFolder.content([:])
        let content = try ContentLoader.load(from: folder.url)
        #expect(Validator.validate(content, asOf: Fixtures.asOf).isEmpty)
    }

    @Test func missingProgramNameAndCompanyAreRequired() throws {
        let folder = TemporaryFolder.content([:], program: "currency: EUR\n")
        let content = try ContentLoader.load(from: folder.url)
        let found = Validator.validate(content, asOf: Fixtures.asOf)
        #expect(found.map(\.rule) == ["schema.required", "schema.required"])
        #expect(found.allSatisfy { $0.position == .start && $0.file == "program.yaml" })
        #expect(content.program.currency == "EUR")
    }

    @Test func anOutcomeQuarterTwiceFiresAtTheSecond() throws {
        let yaml = "name: P\ncompany: C\noutcomes:\n  - { quarter: 2026-Q3, revenue: 100 }\n  - { quarter: 2026-Q3, revenue: 120 }\n"
        let folder = TemporaryFolder.content([:], program: yaml)
        let content = try ContentLoader.load(from: folder.url)
        let found = Validator.validate(content, asOf: Fixtures.asOf).filter { $0.rule == "program.outcomes" }
        #expect(found.map(\.position) == [SourcePosition(line: 5, column: 7)])
        #expect(found.first?.severity == .error)
    }

    @Test func distinctOutcomeQuartersAndTargetsAreQuiet() throws {
        let yaml = "name: P\ncompany: C\noutcomes:\n  - { quarter: 2026-Q2, revenue: 100 }\n  - { quarter: 2026-Q3, revenue: 120 }\ntargets: { partner_revenue_share: 20, active_partner_rate: 60% }\n"
        let folder = TemporaryFolder.content([:], program: yaml)
        let content = try ContentLoader.load(from: folder.url)
        #expect(Validator.validate(content, asOf: Fixtures.asOf).isEmpty)
        #expect(content.program.targets.partnerRevenueShare == 20)
        #expect(content.program.targets.activePartnerRate == 60)
        #expect(content.program.outcomes.map(\.revenue?.value) == [100, 120])
    }

    @Test func anOutcomeWithoutRevenueIsIncomplete() throws {
        let yaml = "name: P\ncompany: C\noutcomes:\n  - { quarter: 2026-Q2 }\n"
        let folder = TemporaryFolder.content([:], program: yaml)
        let content = try ContentLoader.load(from: folder.url)
        #expect(Validator.validate(content, asOf: Fixtures.asOf).map(\.rule) == ["schema.required"])
    }
}
