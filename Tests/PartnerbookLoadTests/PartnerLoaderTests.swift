import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

@Suite struct PartnerLoaderTests {
    typealias F = Fixtures

    @Test func keepsThePositionOfEveryKey() throws {
        let (partner, diagnostics) = F.load(F.partner)
        let p = try #require(partner)
        #expect(diagnostics.isEmpty)
        #expect(p.name?.at == SourcePosition(line: 1, column: 1))
        #expect(p.tier?.value == .strategic)
        #expect(p.charter?.governance?.at == F.position(of: "governance:", in: F.partner))
        #expect(p.charter?.measurement?.metrics?.value.last?.at == F.position(of: "{ id: days", in: F.partner))
        #expect(p.reviews?.items.last?.nextReview?.at == F.position(of: "next_review: 2027-01-14", in: F.partner))
        #expect(p.reviews?.items.first?.metrics.first?.id.at == F.position(of: "revenue: 350000", in: F.partner))
        #expect(p.charter?.measurement?.metrics?.value.first?.weight == 2)
        #expect(p.charter?.measurement?.metrics?.value.last?.direction == .down)
    }

    @Test(arguments: ["no", "1.0", "2026-01-01", "yes", "null", "0x1F", "~x", "'quoted'"])
    func textStaysTextWhateverItLooksLike(_ value: String) throws {
        let (partner, diagnostics) = F.load(F.partner(replacing: "name: Acme Cloud", with: "name: \(value)"))
        #expect(diagnostics.isEmpty)
        let expected = value == "'quoted'" ? "quoted" : value
        #expect(try #require(partner).name?.value == expected)
    }

    @Test(arguments: [("1", Tier.integration), ("2", .partnership), ("3", .strategic), ("Strategic", .strategic),
                      ("integration", .integration)])
    func tiersAcceptNamesOrNumbers(_ written: String, _ tier: Tier) throws {
        let (partner, _) = F.load(F.partner(replacing: "tier: strategic", with: "tier: \(written)"))
        #expect(try #require(partner).tier?.value == tier)
    }

    @Test(arguments: [
        ("tier: strategic", "tier: 7", "tier:"),
        ("start: 2025-01-13", "start: next week", "start: next week"),
        ("quarter: 2026-Q3", "quarter: 2026-Q5", "quarter: 2026-Q5"),
        ("status: run", "status: running", "status:"),
        ("target: 400000", "target: lots", "target: lots"),
        ("marquee: true", "marquee: maybe", "marquee:"),
        ("invited: 10", "invited: -3", "invited:"),
        ("date: 2026-07-09", "date: 2026-02-30", "date: 2026-02-30"),
        ("type: requirement", "type: [ requirement ]", "type:"),
        ("escalation: [ Managers, Sponsors ]", "escalation: { a: b }", "escalation:"),
    ])
    func wrongTypesAreSchemaTypeErrorsAtTheKey(_ old: String, _ new: String, _ key: String) {
        let yaml = F.partner(replacing: old, with: new)
        let (_, diagnostics) = F.load(yaml)
        let typeErrors = diagnostics.filter { $0.rule == "schema.type" }
        #expect(typeErrors.count == 1)
        #expect(typeErrors.first?.position == F.position(of: key, in: yaml))
        #expect(typeErrors.first?.severity == .error)
    }

    @Test func missingRequiredKeysPointAtTheParent() {
        let yaml = F.partner(replacing: "status: run\n", with: "")
        let (_, diagnostics) = F.load(yaml)
        #expect(diagnostics.map(\.rule) == ["schema.required"])
        #expect(diagnostics.first?.position == .start)
        #expect(diagnostics.first?.message.contains("status") == true)
    }

    @Test func unknownKeysWarnWithTheClosestKnownKey() {
        let yaml = F.partner(replacing: "    exit_criteria:", with: "    exit_critera:")
        let (_, diagnostics) = F.load(yaml)
        let unknown = diagnostics.filter { $0.rule == "schema.unknown-key" }
        #expect(unknown.count == 1)
        #expect(unknown.first?.severity == .warning)
        #expect(unknown.first?.position == F.position(of: "exit_critera:", in: yaml))
        #expect(unknown.first?.message.contains("did you mean 'exit_criteria'?") == true)
    }

    @Test func unrelatedUnknownKeyHasNoSuggestion() {
        let (_, diagnostics) = F.load(F.partner + "\nfavourite_colour: blue\n")
        #expect(diagnostics.map(\.rule) == ["schema.unknown-key"])
        #expect(diagnostics.first?.message.contains("did you mean") == false)
    }

    @Test func placeholdersAreFlaggedAndTypedOnesDropped() throws {
        let yaml = F.partner(replacing: "start: 2025-06-02", with: "start: TODO YYYY-MM-DD")
        let (partner, diagnostics) = F.load(yaml)
        #expect(diagnostics.map(\.rule) == ["content.placeholder"])
        #expect(diagnostics.first?.position == F.position(of: "start: TODO", in: yaml))
        #expect(try #require(partner).charter?.timeline?.run?.start == nil)
    }

    @Test func aSingleTextWhereAListIsExpectedIsAOneItemList() throws {
        let (partner, diagnostics) = F.load(F.partner(replacing: "exit_criteria: [ Revenue under half of target ]",
                                                      with: "exit_criteria: Revenue under half of target"))
        #expect(diagnostics.isEmpty)
        #expect(try #require(partner).charter?.governance?.exitCriteria?.value.map(\.value) == ["Revenue under half of target"])
    }

    @Test func aListInsteadOfAMappingIsATypeError() {
        let (partner, diagnostics) = F.load("- one\n- two\n")
        #expect(diagnostics.map(\.rule) == ["schema.type"])
        #expect(diagnostics.first?.position == .start)
        #expect(partner?.name == nil)
    }
}
