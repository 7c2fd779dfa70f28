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

/// The one-pass reading (`YAMLComposer`) gives the diagnostics the old
/// reading (guard pass, then Yams) gave, byte for byte, and the same
/// partners: on the example, the fuzz corpus, the hostile files and the
/// YAML test suite's must-fail inputs.
@Suite struct ComposerEquivalenceTests {
    /// Every input: name and bytes.
    static var inputs: [(String, Data)] {
        var inputs: [(String, Data)] = []
        let fm = FileManager.default
        let content = Binary.repository.appendingPathComponent("Content")
        for folder in [content.appendingPathComponent("partners"), Binary.repository.appendingPathComponent("Fuzz/corpus"),
                       YAMLTestSuiteTests.folder] {
            for name in ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where name.hasSuffix(".yaml") {
                if let data = fm.contents(atPath: folder.appendingPathComponent(name).path) { inputs.append((name, data)) }
            }
        }
        inputs.append(("program.yaml", fm.contents(atPath: content.appendingPathComponent("program.yaml").path)!))
        for item in HostileInput.cases { inputs.append((item.id, Data(item.text.utf8))) }
        let more: [(String, String)] = [
            ("empty", ""), ("comments-only", "# nothing\n"), ("bom", "\u{FEFF}name: A\n"), ("crlf", "name: A\r\ntier: 1\r\n"),
            ("null-root", "---\n"), ("scalar-root", "just text\n"), ("list-root", "- a\n- b\n"),
            ("duplicates-two", "b: 1\na: 1\nb: 2\na: 2\n"), ("duplicate-nested", "x:\n  k: 1\n  k: 2\ny: [\n"),
            ("syntax-after-duplicate", "k: 1\nk: 2\nz: [\n"), ("duplicate-after-syntax", "z: [\nk: 1\nk: 2\n"),
            ("alias-ok", "a: &x { name: A }\nb: *x\n"), ("anchor-scalar", "a: &x hi\nb: *x\n"),
            ("two-docs-then-bomb", "a: 1\n---\n" + HostileInput.billionLaughs()),
            ("flow-comma", "contacts:\n  us: { name: Dana, title: Director, ISV Partnerships }\n"),
            ("quoted-keys", "\"name\": A\n'tier': 1\n"), ("tagged", "name: !!str 5\ntier: !custom 1\n"),
            ("control-char", "name: A\u{1}B\n"), ("empty-flow", "profile: {}\nreviews: []\n"),
        ]
        for (name, text) in more { inputs.append((name, Data(text.utf8))) }
        for (index, fixture) in [Fixtures.partner, Fixtures.partnerBody, NewPartner.text(tier: nil)].enumerated() {
            inputs.append(("fixture-\(index)", Data(fixture.utf8)))
        }
        return inputs
    }

    @Test func bothReadingsGiveTheSameDiagnosticsAndPartners() throws {
        let all = Self.inputs
        // The example, the fuzz corpus, the hostile files and the cases above;
        // plus 94 must-fail inputs where ../shared/yaml-test-suite is present.
        #expect(all.count > (YAMLTestSuiteTests.available ? 150 : 50), "the corpus is there")
        let context = RuleContext(program: Fixtures.testProgram, asOf: Fixtures.asOf)
        var splitByCommas: [String] = []
        for (name, data) in all {
            let new = LoadContext(file: "partners/x.yaml", calendar: .calendarYear), old = LoadContext(file: "partners/x.yaml", calendar: .calendarYear)
            let newRoot = YAMLFile.parse(data, context: new)
            let oldRoot = YAMLFile.parseWithYams(data, context: old)
            // yaml.flow-comma needs the source bytes the composer reads; the old
            // reading took such a value apart silently (FlowCommaTests).
            if new.diagnostics.contains(where: { $0.rule == .yamlFlowComma }) {
                splitByCommas.append(name)
                continue
            }
            #expect(new.diagnostics == old.diagnostics, "\(name): \(new.diagnostics) vs \(old.diagnostics)")
            #expect((newRoot == nil) == (oldRoot == nil), "\(name)")
            guard let newRoot, let oldRoot else { continue }
            let newPartner = PartnerLoader.load(newRoot, id: "x", context: new)
            let oldPartner = PartnerLoader.load(oldRoot, id: "x", context: old)
            #expect(new.diagnostics == old.diagnostics, "\(name): loading")
            #expect(Validator.check(newPartner, context) == Validator.check(oldPartner, context), "\(name): rules")
            #expect(CanonicalForm.text(of: newPartner, company: "C") == CanonicalForm.text(of: oldPartner, company: "C"), "\(name)")
            #expect(newPartner.reviews?.items.map(\.metrics.count) == oldPartner.reviews?.items.map(\.metrics.count), "\(name)")
        }
        #expect(splitByCommas == ["flow-comma"], "only the input written to split a value is told apart")
    }
}
