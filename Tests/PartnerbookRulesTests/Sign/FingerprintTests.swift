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

    private func fingerprint(_ yaml: String) throws -> String {
        let (partner, diagnostics) = F.load(yaml)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return Fingerprint.of(try #require(partner), company: Self.company)
    }

    /// Pins the canonical form: if this changes, every recorded signature in
    /// every program goes stale. Change it only with a new `format` version.
    @Test func fixtureFingerprintIsPinned() throws {
        #expect(try fingerprint(F.partner) == "sha256:44c943fe966fb36ba0c79d5e45be48e51f13d0af794d7479bb4818785c538877")
    }

    /// Section 16: the legal frame is part of the signed text, but only when
    /// written. The pinned fingerprint above was recorded before the legal
    /// frame existed and still matches; each new field, when present,
    /// changes it; who signs (`signatories`) does not.
    @Test func theLegalFrameChangesTheFingerprintOnlyWhenWritten() throws {
        let (partner, _) = F.load(F.partner)
        let base = try #require(partner)
        let recorded = Fixtures.fingerprint
        #expect(Fingerprint.of(base, us: OurSide(company: Self.company)) == recorded)
        #expect(Fingerprint.of(base, us: OurSide(company: Self.company, entity: nil, address: nil, statement: nil)) == recorded)
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
            let text = yaml.hasPrefix("charter:") ? F.partner(replacing: "charter:\n", with: yaml + "\n") : yaml + "\n" + F.partner
            let changed = try fingerprint(text)
            #expect(!seen.contains(changed), "\(name) must change the fingerprint, and differently from the others")
            seen.insert(changed)
        }
        for side in [OurSide(company: Self.company, entity: "Northwind Analytics, Inc."),
                     OurSide(company: Self.company, address: "500 Harbor Way"),
                     OurSide(company: Self.company, statement: "Binding.")] {
            let changed = Fingerprint.of(base, us: side)
            #expect(!seen.contains(changed), "program legal \(side) must change the fingerprint")
            seen.insert(changed)
        }
        let signatories = "signatories:\n  us: { name: Priya Nair, title: CRO }\n" + F.partner
        #expect(try fingerprint(signatories) == recorded, "who signs is not part of what is signed")
        // An empty legal block, or one of blanks, writes no word of the charter.
        for empty in ["legal: {}\n", "legal: { entity: \"  \" }\n"] {
            #expect(try fingerprint(empty + F.partner) == recorded, "\(empty) must not change the fingerprint")
        }
        #expect(Fingerprint.of(base, us: OurSide(company: Self.company, entity: " ")) == recorded)
    }

    @Test func canonicalTextIsSortedCompactJSON() throws {
        let (partner, _) = F.load(F.partner)
        let text = CanonicalForm.text(of: try #require(partner), company: Self.company)
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
        let text = CanonicalForm.text(of: try #require(partner), company: Self.company)
        #expect(text.contains(#""baseline":0,"direction":"up","due":"2027-12-31","id":"revenue""#))
    }

    @Test func theCompanyIsSigned() throws {
        let (partner, _) = F.load(F.partner)
        let p = try #require(partner)
        #expect(Fingerprint.of(p, company: "Northwind") != Fingerprint.of(p, company: "Northwind Analytics"))
        #expect(Fingerprint.isWellFormed(Fingerprint.of(p, company: nil)))
    }
}
