import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

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

    /// `program.gatekeeping`: a curated directory with more than 100
    /// partners, or where the ecosystem-control tree says open.
    private func gatekeeping(_ ecosystem: String, partners: Int) throws -> [Diagnostic] {
        let program = "name: P\ncompany: C\necosystem: \(ecosystem)\n"
        let folder = TemporaryFolder.content([:], program: program)
        for index in 0..<partners { folder.write("partners/p\(index).yaml", "name: P\(index)\n") }
        let check = try Check.program(.test(folder.url))
        return check.report.diagnostics.filter { $0.rule == "program.gatekeeping" }
    }

    @Test func aCuratedDirectoryPastOneHundredPartnersFires() throws {
        let found = try gatekeeping("{ model: curated, brand_risk: high }", partners: 101)
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.file == "program.yaml")
        #expect(found.first?.position == SourcePosition(line: 3, column: 14))
        #expect(found.first?.message.contains("curated with 101 partners") == true)
        #expect(try gatekeeping("{ model: curated, brand_risk: high }", partners: 100).isEmpty, "100 is still reviewable")
        #expect(try gatekeeping("{ model: open }", partners: 101).isEmpty, "an open directory has no gate")
    }

    @Test func aCuratedDirectoryWhereTheTreeSaysOpenFires() throws {
        let found = try gatekeeping("{ model: curated, brand_risk: low, review_capacity: thousands }", partners: 2)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("the ecosystem-control tree says open") == true)
        #expect(try gatekeeping("{ model: curated, brand_risk: low, review_capacity: dozens }", partners: 2).isEmpty)
        #expect(try gatekeeping("{ model: curated, brand_risk: high, review_capacity: thousands }", partners: 2).isEmpty,
                "high brand risk keeps it curated")
    }

    @Test func theTreeFollowsThePlaybook() {
        func decide(_ risk: BrandRisk?, _ capacity: ReviewCapacity?) -> EcosystemModel? {
            EcosystemControl.decide(EcosystemSettings(at: .start, brandRisk: risk.map { Located($0, at: .start) },
                                                      reviewCapacity: capacity.map { Located($0, at: .start) }))?.recommended
        }
        #expect(decide(.high, nil) == .curated)
        #expect(decide(.high, .thousands) == .curated)
        #expect(decide(.low, .dozens) == .curated)
        #expect(decide(.low, .thousands) == .open)
        #expect(decide(.low, nil) == nil, "the tree needs the review capacity to answer")
    }
}
