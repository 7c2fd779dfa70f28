import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

@Suite struct SignatureRulesTests {
    typealias F = Fixtures

    static func signed() -> String { F.signed(F.partnerBody) }

    @Test func bothValidSignaturesRaiseNothing() {
        #expect(F.check(Self.signed()).filter { $0.rule.id.hasPrefix("signature.") }.isEmpty)
    }

    @Test func aCharterEditMakesEverySignatureStale() {
        let yaml = F.partner(replacing: "us: Revenue", with: "us: More revenue", in: Self.signed())
        let stale = F.check(yaml, rule: .signatureStale)
        #expect(stale.count == 2)
        #expect(stale.first?.severity == .warning, "an amended charter must still build so it can be signed again")
        #expect(stale.first?.message.contains("Dana Ruiz") == true)
        #expect(stale.first?.message.contains("2025-01-08") == true)
        #expect(stale.first?.position == F.position(of: "fingerprint:", in: yaml, occurrence: 1))
    }

    @Test func aReviewEditKeepsSignaturesValid() {
        let yaml = F.partner(replacing: "metrics: { revenue: 410000, days: 7 }", with: "metrics: { revenue: 1, days: 7 }", in: Self.signed())
        #expect(F.check(yaml).filter { $0.rule.id.hasPrefix("signature.") }.isEmpty)
    }

    @Test func missingSignatureIsAnErrorInRunAndAWarningForAProspect() {
        let run = F.check(F.partnerBody, rule: .signatureMissing)
        #expect(run.count == 2)
        #expect(run.allSatisfy { $0.severity == .error && $0.position == .start })
        #expect(F.check(F.partner, rule: .signatureMissing).isEmpty)
        let prospect = F.check(F.partnerBody.replacingOccurrences(of: "status: run", with: "status: prospect"), rule: .signatureMissing)
        #expect(prospect.count == 2)
        #expect(prospect.allSatisfy { $0.severity == .warning })
    }

    @Test func aLaterValidSignatureSupersedesAStaleOne() {
        let changed = F.partner(replacing: "us: Revenue", with: "us: More revenue", in: F.partnerBody)
        let (partner, _) = F.load(changed)
        let current = Fingerprint.of(partner!, company: "Northwind Analytics")
        let yaml = Self.signed().replacingOccurrences(of: "us: Revenue", with: "us: More revenue") + """

          - { party: us, name: Dana Ruiz, title: Director, date: 2026-02-01, canonical: 2, fingerprint: "\(current)" }
          - { party: partner, name: Sam Okafor, title: VP Alliances, date: 2026-02-02, canonical: 2, fingerprint: "\(current)" }
        """
        #expect(F.check(yaml).filter { $0.rule.id.hasPrefix("signature.") }.isEmpty)
    }
}
