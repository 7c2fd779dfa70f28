import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
import PartnerbookTestSupport

/// The fuzz target's harness renders every document of a partner file, so
/// a value that breaks only a document is found: the seed corpus through
/// it, and the crash it missed before (a 17-digit target past its due
/// date, whose number overflowed `Int` while a notice was written).
@Suite struct FuzzHarnessTests {
    static let corpus = Binary.repository.appendingPathComponent("Fuzz/corpus")

    @Test func everySeedIsCheckedAndRendered() throws {
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).sorted()
        #expect(seeds.count >= 10)
        var rendered = 0
        for seed in seeds {
            let outcome = PartnerFileCheck.run(try Data(contentsOf: Self.corpus.appendingPathComponent(seed)))
            if outcome.documents > 0 { rendered += 1 }
        }
        #expect(rendered >= 8, "the example partners render their documents through the harness (\(rendered))")
    }

    /// The largest whole numbers a document may hold (16 digits, up to
    /// 2^53) render everywhere, printed exactly.
    @Test(arguments: ["USD", "seats", "%", "EUR"])
    func aSixteenDigitTargetRendersEveryDocument(unit: String) {
        let yaml = Fixtures.partner(replacing: "- { id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }",
                                    with: "- { id: revenue, name: Revenue, unit: \(unit == "%" ? "\"%\"" : unit), target: 9000000000000000, direction: up, weight: 2, due: 2026-06-30, baseline: 1 }")
        let outcome = PartnerFileCheck.run(Data(yaml.utf8))
        #expect(outcome.documents > 10, "every document rendered")
        let notice = outcome.diagnostics.first { $0.rule.id == "kpi.past-due" }
        #expect(notice?.message.contains("9,000,000,000,000,000") == true, "\(notice?.message ?? "no notice")")
    }

    /// A 17-digit target (the crash the harness once found) is refused with
    /// a diagnostic: past 2^53 a Double would round it, so it is never read.
    @Test func aSeventeenDigitTargetIsRefusedNotRounded() {
        let yaml = Fixtures.partner(replacing: "target: 400000, direction: up", with: "target: 100000000000000001, direction: up")
        let outcome = PartnerFileCheck.run(Data(yaml.utf8))
        let refusal = outcome.diagnostics.first { $0.rule.id == "schema.type" }
        #expect(refusal?.message.contains("beyond 2^53") == true, "\(outcome.diagnostics)")
        #expect(!outcome.diagnostics.contains { $0.message.contains("100,000,000,000,000,000") }, "never rounded and printed")
    }
}
