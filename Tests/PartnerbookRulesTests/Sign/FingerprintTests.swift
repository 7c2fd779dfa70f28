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

@Suite struct FingerprintTests {
    typealias F = Fixtures
    static let company = "Northwind Analytics"

    private func fingerprint(_ yaml: String, form: CanonicalVersion = .one) throws -> String {
        let (partner, diagnostics) = F.load(yaml)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return Fingerprint.of(try #require(partner), company: Self.company, form: form)
    }

    /// Pins form 1: if this changes, every signature made over form 1 in
    /// every program goes stale (and its SSH signatures stop verifying).
    /// (Over the fixture as it read when the pin was recorded, before it had a legal frame.)
    @Test func fixtureFingerprintIsPinned() throws {
        #expect(try fingerprint(F.partnerBodyWithoutLegalFrame) == "sha256:44c943fe966fb36ba0c79d5e45be48e51f13d0af794d7479bb4818785c538877")
    }

    /// Pins form 2 the same way, with a template hash of its own.
    @Test func formTwoIsPinned() throws {
        let (partner, _) = F.load(F.partner)
        let frame = CharterFrame(company: Self.company, template: "sha256:" + String(repeating: "0", count: 64))
        let pinned = Fingerprint.of(try #require(partner), frame: frame, form: .two)
        #expect(pinned == "sha256:75e65356fa968df6ca65d472d8aaaf6c97b02508caa3cf461f50191deadf2136")
    }

    /// A state made for findings only (`printed: false`) computes the
    /// fingerprint of an unsigned charter only when asked, and gives the same
    /// one; a signed charter's is judged as before.
    @Test func aFingerprintNotPrintedIsTheSameWhenAskedFor() throws {
        // Signed over form 2, unsigned, signed over form 1.
        for yaml in [F.partner, F.partnerBody, F.signed(F.partnerBody, form: .one)] {
            let partner = try #require(F.load(yaml).0)
            let eager = SignatureState(partner, frame: F.frame)
            let lazy = SignatureState(partner, frame: F.frame, printed: false)
            #expect(lazy.fingerprint == eager.fingerprint)
            #expect(lazy.fingerprint == Fingerprint.of(partner, frame: F.frame, form: .two))
            #expect(lazy.formOneFingerprint == eager.formOneFingerprint)
            #expect(lazy.parties.map(\.standing) == eager.parties.map(\.standing))
            #expect(lazy.parties.map(\.standing) == (partner.signatures == nil ? [.missing, .missing] : [.valid, .valid]))
        }
    }

    /// Section 16: the legal frame is part of the signed text, but only when
    /// written. The pinned fingerprint above was recorded before the legal
    /// frame existed and still matches; each new field, when present,
    /// changes it; who signs (`signatories`) does not.
    @Test func theLegalFrameChangesTheFingerprintOnlyWhenWritten() throws {
        let legacy = F.partnerBodyWithoutLegalFrame
        let (partner, _) = F.load(legacy)
        let base = try #require(partner)
        let recorded = "sha256:44c943fe966fb36ba0c79d5e45be48e51f13d0af794d7479bb4818785c538877"
        #expect(Fingerprint.of(base, frame: CharterFrame(company: Self.company), form: .one) == recorded)
        #expect(Fingerprint.of(base, frame: CharterFrame(company: Self.company, entity: nil, address: nil, statement: nil), form: .one) == recorded)
        let partnerFields = [
            ("legal", "legal: { entity: Acme Cloud GmbH }"),
            ("legal address", "legal: { address: 1 Main St }"),
            ("effective", "charter:\n  effective: 2025-01-15"),
            ("term", "charter:\n  term: Two years, renewed yearly"),
            ("agreement", "charter:\n  agreement: The marketplace agreement of 2024"),
            ("sections", "charter:\n  sections:\n    - { title: Confidentiality, text: Three years }"),
        ]
        var seen: Set<String> = [recorded]
        for (name, yaml) in partnerFields {
            let text = yaml.hasPrefix("charter:") ? F.partner(replacing: "charter:\n", with: yaml + "\n", in: legacy) : yaml + "\n" + legacy
            let changed = try fingerprint(text)
            #expect(!seen.contains(changed), "\(name) must change the fingerprint, and differently from the others")
            seen.insert(changed)
        }
        for side in [CharterFrame(company: Self.company, entity: "Northwind Analytics, Inc."),
                     CharterFrame(company: Self.company, address: "500 Harbor Way"),
                     CharterFrame(company: Self.company, statement: "Binding.")] {
            let changed = Fingerprint.of(base, frame: side, form: .one)
            #expect(!seen.contains(changed), "program legal \(side) must change the fingerprint")
            seen.insert(changed)
        }
        let signatories = F.partner(replacing: "  partner: { email: sam@acme.example, name: Sam Okafor, title: VP Alliances }\nreviews:", with: "  partner: { name: Helen Brandt, title: SVP, email: helen@acme.example }\nreviews:", in: legacy)
        #expect(try fingerprint(signatories) == recorded, "who signs is not part of form 1")
        // An empty legal block, or one of blanks, writes no word of the charter.
        for empty in ["legal: {}\n", "legal: { entity: \"  \" }\n"] {
            #expect(try fingerprint(empty + legacy) == recorded, "\(empty) must not change the fingerprint")
        }
        #expect(Fingerprint.of(base, frame: CharterFrame(company: Self.company, entity: " "), form: .one) == recorded)
    }

    @Test func canonicalTextIsSortedCompactJSON() throws {
        let (partner, _) = F.load(F.partnerBodyWithoutLegalFrame)
        let text = CanonicalForm.text(of: try #require(partner), company: Self.company, form: .one)
        #expect(text.hasPrefix(#"{"charter":{"goals":{"customers":"One bill","partner":"Certification","us":"Revenue"},"#))
        #expect(text.contains(#""format":"partnerbook-charter-v1""#))
        #expect(text.contains(#"{"direction":"down","id":"days","name":"Days to value","target":7,"unit":"days","weight":1}"#))
        #expect(!text.contains("reviews") && !text.contains("phases") && !text.contains("co_marketing"))
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?["tier"] as? String == "strategic")
    }

    @Test func reformattingKeepsTheFingerprint() throws {
        let original = try fingerprint(F.partner)
        // Flow to block, key order, comments, quoting, tier number, number spelling, defaults spelled out.
        var reformatted = F.partner(replacing: "  us: { name: Dana Ruiz, title: Director, email: dana@northwind.example }",
                                    with: "  # our side\n  us:\n    email: 'dana@northwind.example'\n    title: \"Director\"   # their title\n    name: Dana Ruiz")
        reformatted = F.partner(replacing: "tier: strategic", with: "tier: 3", in: reformatted)
        reformatted = F.partner(replacing: "target: 400000, direction: up, weight: 2", with: "weight: 2, target: 400_000", in: reformatted)
        reformatted = F.partner(replacing: "unit: days, target: 7, direction: down }", with: "unit: days, target: 7.0, direction: down, weight: 1 }", in: reformatted)
        reformatted = F.partner(replacing: "    balance: Yes", with: "    balance: >\n      Yes\n", in: reformatted)
        reformatted = "# A comment at the top\n" + reformatted
        #expect(try fingerprint(reformatted) == original)
    }

    @Test(arguments: [
        ("us: Revenue", "us: More revenue"),
        ("exit_criteria: [ Revenue under half of target ]", "exit_criteria: [ Revenue under a third of target ]"),
        ("end: 2025-03-03", "end: 2025-03-04"),
        ("target: 400000", "target: 400001"),
        ("tier: strategic", "tier: partnership"),
        ("name: Acme Cloud", "name: Acme Cloud Inc"),
        ("email: sam@acme.example", "email: sam@acme.example.com"),
        ("us: [ Two engineers ]", "us: [ Three engineers ]"),
        ("escalation: [ Managers, Sponsors ]", "escalation: [ Sponsors, Managers ]"),
        ("direction: up, weight: 2 }", "direction: up, weight: 2, due: 2027-12-31 }"),
        ("direction: up, weight: 2 }", "direction: up, weight: 2, baseline: 0 }"),
    ])
    func anySignedValueChangesIt(_ old: String, _ new: String) throws {
        #expect(try fingerprint(F.partner(replacing: old, with: new)) != (try fingerprint(F.partner)))
    }

    @Test(arguments: [
        ("metrics: { revenue: 410000, days: 7 }", "metrics: { revenue: 420000, days: 7 }"),
        ("direction: down, decision: go", "direction: down, decision: pending"),
        ("press_release: done", "press_release: pending"),
        ("status: run", "status: walk"),
        ("summary: A *good* partner.", "summary: A great partner."),
        ("direction: up, weight: 2 }", "direction: up, weight: 2, counts_toward: partner_revenue }"),
    ])
    func unsignedValuesDoNotChangeIt(_ old: String, _ new: String) throws {
        #expect(try fingerprint(F.partner(replacing: old, with: new)) == (try fingerprint(F.partner)))
    }

    @Test func aDueDateAndBaselineAreWrittenOnlyWhenPresent() throws {
        let (partner, _) = F.load(F.partner(replacing: "direction: up, weight: 2 }", with: "direction: up, weight: 2, due: 2027-12-31, baseline: 0 }"))
        let text = CanonicalForm.text(of: try #require(partner), company: Self.company, form: .one)
        #expect(text.contains(#""baseline":0,"direction":"up","due":"2027-12-31","id":"revenue""#))
    }

    @Test func theCompanyIsSigned() throws {
        let (partner, _) = F.load(F.partner)
        let p = try #require(partner)
        #expect(Fingerprint.of(p, company: "Northwind") != Fingerprint.of(p, company: "Northwind Analytics"))
        #expect(Fingerprint.isWellFormed(Fingerprint.of(p, company: nil)))
    }

    // MARK: Form 2: what the charter prints

    private func formTwo(_ yaml: String, frame: CharterFrame = CharterFrame(company: company)) throws -> String {
        let (partner, diagnostics) = F.load(yaml)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return Fingerprint.of(try #require(partner), frame: frame, form: .two)
    }

    /// Printed values form 1 left out change form 2 (and leave form 1 as it was).
    @Test(arguments: [
        ("direction: up, weight: 2 }", "direction: up, weight: 2, counts_toward: partner_revenue, period: quarter }"),
        ("  partner: { email: sam@acme.example, name: Sam Okafor, title: VP Alliances }\nreviews:", "  partner: { name: Helen Brandt, title: SVP, email: helen@acme.example }\nreviews:"),
    ])
    func formTwoCoversWhatFormOneLeftOut(_ old: String, _ new: String) throws {
        let changed = F.partner(replacing: old, with: new)
        #expect(try formTwo(changed) != (try formTwo(F.partner)))
        #expect(try fingerprint(changed) == (try fingerprint(F.partner)), "form 1's bytes stay as they were")
    }

    /// program.yaml's thresholds, the charter template and the default statement are signed in form 2.
    @Test func formTwoCoversTheGatesTheWordingAndTheStatement() throws {
        let base = try formTwo(F.partner)
        var gates = CharterFrame(company: Self.company)
        gates.crawlMinImprovement = 25
        #expect(try formTwo(F.partner, frame: gates) != base, "crawl 20 -> 25 changes what is signed")
        gates = CharterFrame(company: Self.company)
        gates.walkMinAdoption = 71
        #expect(try formTwo(F.partner, frame: gates) != base)
        #expect(try formTwo(F.partner, frame: CharterFrame(company: Self.company, template: "sha256:" + String(repeating: "1", count: 64))) != base,
                "another charter template is another wording")
        // The statement is signed as printed: writing the default one out changes nothing.
        #expect(try formTwo(F.partner, frame: CharterFrame(company: Self.company, statement: CharterFrame.defaultStandaloneStatement)) == base)
        #expect(try formTwo(F.partner, frame: CharterFrame(company: Self.company, statement: "Binding.")) != base)
    }

    /// Section 20: governing law, courts, notices and termination are signed
    /// in form 2 when written (each differently), never in form 1; naming an
    /// agreement changes the default statement printed, and so what is signed.
    @Test func formTwoCoversTheLegalTermsAndTheAgreementsStatement() throws {
        let base = try formTwo(F.partner)
        var seen: Set<String> = [base]
        for terms in [LegalTerms.Text(governingLaw: "Washington"), LegalTerms.Text(courts: "King County"),
                      LegalTerms.Text(notices: "By email"), LegalTerms.Text(termination: "60 days' notice")] {
            let frame = CharterFrame(company: Self.company, terms: terms)
            let changed = try formTwo(F.partner, frame: frame)
            #expect(!seen.contains(changed), "\(terms)")
            seen.insert(changed)
            let loaded = try #require(F.load(F.partner).0)
            #expect(Fingerprint.of(loaded, frame: frame, form: .one) == Fingerprint.of(loaded, frame: CharterFrame(company: Self.company), form: .one))
        }
        #expect(try formTwo(F.partner, frame: CharterFrame(company: Self.company, terms: LegalTerms.Text(courts: "  "))) == base,
                "a blank term writes nothing")
        let named = F.partner(replacing: "charter:\n", with: "charter:\n  agreement: The MSA of 2024\n")
        let (partner, _) = F.load(named)
        let text = CanonicalForm.text(of: try #require(partner), frame: CharterFrame(company: Self.company), form: .two)
        #expect(text.contains(CharterFrame.defaultStatement) && !text.contains(CharterFrame.defaultStandaloneStatement))
    }

    /// What is ours and not printed (the summary, the answer to "would both
    /// sides still do this if the other walked?") is not signed in form 2.
    @Test(arguments: [("summary: A *good* partner.", "summary: The largest platform in our segment."),
                      ("    balance: Yes", "    balance: They would not miss us if we walked.")])
    func formTwoLeavesOurReasoningOut(_ old: String, _ new: String) throws {
        #expect(try formTwo(F.partner(replacing: old, with: new)) == (try formTwo(F.partner)))
    }

    /// Our scoring weight is not printed, so form 2 does not sign it; form 1 did.
    @Test func formTwoLeavesTheWeightOut() throws {
        let heavier = F.partner(replacing: "direction: up, weight: 2 }", with: "direction: up, weight: 3 }")
        #expect(try formTwo(heavier) == (try formTwo(F.partner)))
        #expect(try fingerprint(heavier) != (try fingerprint(F.partner)))
        let (partner, _) = F.load(F.partner)
        let text = CanonicalForm.text(of: try #require(partner), company: Self.company, form: .two)
        #expect(!text.contains("weight"))
        #expect(text.contains(#""format":"partnerbook-charter-v2""#) && text.contains(#""id":"acme""#))
        #expect(text.contains(#""gates":{"crawl_min_improvement":20,"walk_min_adoption":70}"#))
    }

    /// Whole numbers are written with their exact digits in form 2 (form 1
    /// wrote 10^15 and more as Swift prints a Double, and keeps doing so).
    @Test func formTwoWritesWholeNumbersExactly() throws {
        let big = F.partner(replacing: "target: 400000", with: "target: 9007199254740993")
        let (refused, diagnostics) = F.load(big)
        #expect(diagnostics.contains { $0.rule.id == "schema.type" && $0.message.contains("2^53") }, "\(diagnostics)")
        #expect(refused?.charter?.measurement?.metrics?.value.first?.target == nil, "never rounded to ...992")
        let (partner, _) = F.load(F.partner(replacing: "target: 400000", with: "target: 9007199254740992"))
        let two = CanonicalForm.text(of: try #require(partner), company: Self.company, form: .two)
        #expect(two.contains(#""target":9007199254740992,"#))
        let one = CanonicalForm.text(of: try #require(partner), company: Self.company, form: .one)
        #expect(one.contains(#""target":9007199254740992.0,"#), "form 1 keeps its bytes")
        let (small, _) = F.load(F.partner(replacing: "target: 400000", with: "target: 1e15"))
        #expect(CanonicalForm.text(of: try #require(small), company: Self.company, form: .two).contains(#""target":1000000000000000,"#))
    }
}
