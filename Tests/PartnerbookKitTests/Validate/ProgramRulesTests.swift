import Foundation
import Testing
@testable import PartnerbookKit

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
}
