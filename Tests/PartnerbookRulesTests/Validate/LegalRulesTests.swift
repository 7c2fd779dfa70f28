import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// `charter.legal-incomplete` (section 20): the partner's legal entity, the
/// effective date and the term, asked of every charter; an error once the
/// partnership is in walk or run or anyone signed, a warning before.
@Suite struct LegalRulesTests {
    typealias F = Fixtures

    @Test func aCompleteLegalFrameIsQuiet() {
        #expect(F.check(F.partner, rule: .charterLegalIncomplete).isEmpty)
    }

    @Test func aPartnerInRunWithoutEntityEffectiveOrTermIsAnError() {
        let yaml = F.partner(replacing: F.legalBlock, with: "").replacingOccurrences(of: F.termLines, with: "")
        let found = F.check(yaml, rule: .charterLegalIncomplete)
        #expect(found.map(\.position) == [F.position(of: "charter:\n", in: yaml)])
        #expect(found.first?.severity == .error)
        let message = found.first?.message ?? ""
        #expect(message.contains("legal.entity") && message.contains("charter.effective") && message.contains("charter.term"))
        #expect(message.contains("(required in run)"))
    }

    @Test(arguments: [("  effective: 2025-01-06\n", "charter.effective"),
                      ("  term: One year, renewed each year unless either side gives 60 days' notice.\n", "charter.term")])
    func eachMissingPartIsNamed(_ line: String, _ key: String) {
        let found = F.check(F.partner(replacing: line, with: ""), rule: .charterLegalIncomplete)
        #expect(found.count == 1 && found[0].message.contains(key) && !found[0].message.contains("legal.entity"))
    }

    @Test func aBlankEntityIsMissing() {
        let found = F.check(F.partner(replacing: "  entity: Acme Cloud Inc.\n", with: "  entity: \"  \"\n"), rule: .charterLegalIncomplete)
        #expect(found.count == 1 && found[0].message.contains("legal.entity"))
    }

    @Test func beforeWalkAndUnsignedItIsAWarning() {
        let yaml = F.partnerBodyWithoutLegalFrame.replacingOccurrences(of: "status: run", with: "status: crawl")
        let found = F.check(yaml, rule: .charterLegalIncomplete)
        #expect(found.count == 1 && found[0].severity == .warning)
    }

    @Test func onceSignedItIsAnErrorEvenInCrawl() {
        let yaml = F.partnerBodyWithoutLegalFrame.replacingOccurrences(of: "status: run", with: "status: crawl")
            + "\nsignatures:\n  - { party: us, name: Dana Ruiz, title: Director, date: 2025-01-08, fingerprint: \"sha256:\(String(repeating: "0", count: 64))\" }\n"
        let found = F.check(yaml, rule: .charterLegalIncomplete)
        #expect(found.count == 1 && found[0].severity == .error && found[0].message.contains("(required once signed)"))
    }

    @Test func aProspectWithoutACharterIsNotAsked() {
        let yaml = "name: Someone\ntier: integration\nstatus: prospect\n"
        #expect(F.check(yaml, rule: .charterLegalIncomplete).isEmpty)
    }

    @Test func anEndedPartnershipIsHistory() {
        let yaml = F.partnerBodyWithoutLegalFrame.replacingOccurrences(of: "status: run", with: "status: ended")
        #expect(F.check(yaml, rule: .charterLegalIncomplete).isEmpty)
    }
}
