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

    // MARK: Section 19

    /// An entry without `canonical:` was made over form 1: still valid, with a notice to sign again.
    @Test func aFormOneSignatureIsValidWithANotice() {
        let yaml = F.signed(F.partnerBody, form: .one)
        let found = F.check(yaml).filter { $0.rule.id.hasPrefix("signature.") }
        #expect(found.map(\.rule) == [.signatureOldForm, .signatureOldForm], "\(found)")
        #expect(found.allSatisfy { $0.severity == .notice })
        #expect(found.first?.message.contains("does not cover the gates and the wording: sign again") == true)
        // The gates changed: form 1 never covered them, so the signature still stands (with its notice).
        var program = F.testProgram
        program.gates.crawlMinImprovement = 25
        #expect(!F.check(yaml, program: program).contains { $0.rule == .signatureStale })
        #expect(F.check(F.signed(F.partnerBody), program: program).filter { $0.rule == .signatureStale }.count == 2,
                "form 2 covers them")
    }

    /// A signature's email must be its party's signatory's; one email or key may not sign for both.
    @Test(arguments: [
        ("date: 2025-01-10, canonical: 2", "date: 2025-01-10, email: helen@acme.example, canonical: 2", "but the signatory for the partner is sam@acme.example"),
        ("date: 2025-01-10, canonical: 2", "date: 2025-01-10, email: dana@northwind.example, canonical: 2", "signs for both parties"),
    ])
    func anEntryNotBoundToItsSignatoryIsAnError(_ old: String, _ new: String, _ expected: String) {
        let ours = F.partner(replacing: "date: 2025-01-08, canonical: 2", with: "date: 2025-01-08, email: dana@northwind.example, canonical: 2",
                             in: Self.signed())
        let yaml = F.partner(replacing: old, with: new, in: ours)
        let found = F.check(yaml, rule: .signatureSigner)
        #expect(!found.isEmpty && found.allSatisfy { $0.severity == .error }, "\(found)")
        #expect(found.contains { $0.message.contains(expected) }, "\(found)")
        #expect(found.last?.position == F.position(of: "email: ", in: yaml, occurrence: 6), "at the entry's email")
    }

    @Test func entriesBoundToTheirSignatoriesRaiseNothing() {
        let yaml = F.partner(replacing: "date: 2025-01-10, canonical: 2", with: "date: 2025-01-10, email: Sam@Acme.example, canonical: 2",
                             in: F.partner(replacing: "date: 2025-01-08, canonical: 2", with: "date: 2025-01-08, email: dana@northwind.example, canonical: 2",
                                           in: Self.signed()))
        #expect(F.check(yaml, rule: .signatureSigner).isEmpty, "the signatories' emails, in any case")
        // An email with no signatory email to bind it to is an error too.
        let unnamed = yaml.replacingOccurrences(of: F.signatories, with: "")
        #expect(F.check(unnamed, rule: .signatureSigner).count == 2)
    }
}

