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

/// `yaml.flow-comma`: inside `{ }`, a comma ends a value (SPEC section 15).
@Suite struct FlowCommaTests {
    typealias F = Fixtures

    private func programDiagnostics(_ yaml: String) -> [Diagnostic] {
        let context = LoadContext(file: "program.yaml", calendar: .calendarYear)
        if let node = YAMLFile.parse(Data(yaml.utf8), context: context) { _ = ProgramLoader.load(node, context: context) }
        return context.diagnostics
    }

    @Test func aNumberWithCommasInAFlowMappingIsAnErrorWithTheFix() {
        let yaml = F.program + "\noutcomes:\n  - { quarter: 2026-Q1, revenue: 6,200,000 }\n"
        let found = programDiagnostics(yaml)
        #expect(found.map(\.rule) == ["yaml.flow-comma"], "one error, and no unknown-key warnings for 200 and 000")
        #expect(found.first?.severity == .error)
        #expect(found.first?.position == F.position(of: "revenue: 6", in: yaml))
        #expect(found.first?.message == "revenue: 6,200,000 is inside { }, where a comma ends a value: it reads as revenue: 6 and the keys '200', '000' with no value; write revenue: 6200000 (or quote the value: revenue: \"6,200,000\")")
    }

    /// libyaml counts characters, not bytes: the source text is found by byte all the same.
    @Test func aSplitValueAfterTextBeyondASCIIIsQuotedAsWritten() {
        let yaml = F.program + "\n# Zürich and Malmö report in € (straße)\noutcomes:\n  - { quarter: 2026-Q1, revenue: 6,200,000 }\n"
        let found = programDiagnostics(yaml)
        #expect(found.map(\.rule) == ["yaml.flow-comma"])
        #expect(found.first?.position == F.position(of: "revenue: 6", in: yaml))
        #expect(found.first?.message.hasPrefix("revenue: 6,200,000 is inside { }") == true, "\(found)")
    }

    @Test func textWithACommaInAFlowMappingIsAnErrorSayingToQuoteIt() {
        let yaml = F.partner(replacing: "us: { name: Dana Ruiz, title: Director, email: dana@northwind.example }",
                             with: "us: { name: Dana Ruiz, title: Director, Partner Programs, email: dana@northwind.example }")
        let found = F.check(yaml).filter { $0.rule == "yaml.flow-comma" || $0.rule == "schema.unknown-key" }
        #expect(found.map(\.rule) == ["yaml.flow-comma"])
        #expect(found.first?.position == F.position(of: "title: Director, Partner", in: yaml))
        #expect(found.first?.message == "title: Director, Partner Programs is inside { }, where a comma ends a value: it reads as title: Director and the key 'Partner Programs' with no value; quote the value: title: \"Director, Partner Programs\"")
    }

    @Test func aReviewMetricSplitByACommaIsCaught() {
        let yaml = F.partner(replacing: "metrics: { revenue: 410000, days: 7 }", with: "metrics: { revenue: 410,000, days: 7 }")
        let found = F.check(yaml, rule: .yamlFlowComma)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("write revenue: 410000") == true)
        #expect(F.check(yaml, rule: .reviewUnknownMetric).isEmpty, "'000' is not taken for a metric id")
    }

    @Test(arguments: [
        "outcomes:\n  - quarter: 2026-Q1\n    revenue: 6,200,000\n",             // block style: the whole scalar is the value
        "outcomes:\n  - { quarter: 2026-Q1, revenue: \"6,200,000\" }\n",       // quoted
        "outcomes:\n  - { quarter: 2026-Q1, revenue: 6200000 }\n",
        "site: { title: Partners, base_url: }\n",                                // a colon with no value is not a split value
        "outcomes: [ { quarter: 2026-Q1, revenue: 6200000 }, { quarter: 2026-Q2, revenue: 5 } ]\n",
    ])
    func correctlyWrittenValuesAreQuiet(_ text: String) {
        let found = programDiagnostics(F.program + "\n" + text)
        #expect(!found.contains { $0.rule == "yaml.flow-comma" }, "\(text)")
    }

    @Test func blockStyleNumbersWithCommasAreRead() throws {
        let context = LoadContext(file: "program.yaml", calendar: .calendarYear)
        let node = try #require(YAMLFile.parse(Data((F.program + "\noutcomes:\n  - quarter: 2026-Q1\n    revenue: 6,200,000\n").utf8), context: context))
        #expect(ProgramLoader.load(node, context: context).outcomes.first?.revenue?.value == 6_200_000)
        #expect(Scalars.number("6,2") == nil, "commas group by three or the number is refused")
        #expect(Scalars.number("1,200.50") == 1200.5)
    }

    @Test func buildRefusesTheProgramAndWritesNothing() throws {
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", F.program + "\noutcomes:\n  - { quarter: 2026-Q1, revenue: 6,200,000 }\n")
        folder.write("content/partners/acme.yaml", F.partner)
        let result = try Binary.run(["build", "--content", "content", "--output", "out", "--as-of", "2026-11-20"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("content/program.yaml:4:25: error: revenue: 6,200,000 is inside { }"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path), "nothing written")
    }

    // MARK: Section 19: [ ] lists and nested { }

    /// A list item a comma split: thousands, or a company's legal form.
    @Test(arguments: [
        ("    exit_criteria: [ Revenue under half of target ]", "    exit_criteria: [ Resale revenue below EUR 20,000 in two quarters ]",
         "Resale revenue below EUR 20,000 in two quarters", "'Resale revenue below EUR 20' and '000 in two quarters'"),
        ("name: Acme Cloud\n", "name: Acme Cloud\naliases: [ Ledgerline Software, Inc. ]\n",
         "Ledgerline Software, Inc.", "'Ledgerline Software' and 'Inc.'"),
        ("    escalation: [ Managers, Sponsors ]", "    escalation: [ Managers, Sponsors, budgets of 1,250,000 ]",
         "budgets of 1,250,000", "'budgets of 1', '250', '000'"),
    ])
    func aListItemSplitByACommaIsAnError(_ old: String, _ new: String, _ whole: String, _ read: String) {
        let yaml = F.partner(replacing: old, with: new)
        let found = F.check(yaml).filter { $0.rule == "yaml.flow-comma" }
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.severity == .error)
        #expect(found.first?.message.contains("\(whole) is inside [ ], where a comma ends an item") == true, "\(found)")
        #expect(found.first?.message.contains("quote it to keep it one item: [ \"\(whole)\" ]") == true)
        let items = read.components(separatedBy: "', '").count + read.components(separatedBy: "' and '").count - 1
        #expect(found.first?.message.contains("reads as \(items) items") == true, "\(found.first?.message ?? "")")
    }

    /// Lists whose commas are meant: separate items, quoted text, numbers.
    @Test(arguments: [
        "    escalation: [ Managers, Sponsors ]",
        "    escalation: [ \"Revenue below EUR 20,000 in two quarters\", \"Ledgerline Software, Inc.\" ]",
        "    escalation: [ Managers,Sponsors, Inc-house counsel ]",
        "    escalation: [ Step 1, 2 weeks later ]",
        "    escalation:\n      - Revenue below EUR 20,000 in two quarters\n      - Ledgerline Software, Inc.",
    ])
    func listsWrittenAsMeantAreQuiet(_ escalation: String) {
        let yaml = F.partner(replacing: "    escalation: [ Managers, Sponsors ]", with: escalation)
        #expect(!F.check(yaml).contains { $0.rule == "yaml.flow-comma" }, "\(escalation)")
    }

    /// A { } inside a { } inside a [ ]: the inner split is found too.
    @Test func aSplitValueInANestedMappingIsAnError() {
        let yaml = F.partner(replacing: "  post_launch: { adoption_tracked: pending }\n",
                             with: "  post_launch: { adoption_tracked: pending }\nextra_note: [ { budget: { amount: 1,250,000 } } ]\n")
        let found = F.check(yaml).filter { $0.rule == "yaml.flow-comma" }
        #expect(found.count == 1 && found.first?.message.contains("amount: 1,250,000 is inside { }") == true, "\(found)")
    }
}

