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

/// Each document kind, rendered from the test fixture with the default
/// templates, must equal its golden file. To accept a deliberate change:
/// `PARTNERBOOK_UPDATE_GOLDEN=1 swift test --filter GoldenDocumentTests`, then
/// read the diff of Tests/PartnerbookKitTests/Golden before committing it.
@Suite struct GoldenDocumentTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static let cases: [(output: String, golden: String)] = [
        ("partners/acme/charter.md", "charter.md"),
        ("partners/acme/charter.html", "charter.html"),
        ("partners/acme/scorecard.md", "scorecard.md"),
        ("partners/acme/qbr/2026-Q3.md", "qbr-held.md"),
        ("partners/acme/qbr/2026-Q4.md", "qbr-upcoming.md"),
        ("partners/acme/charts/trends.svg", "chart.svg"),
        ("program/scorecard.md", "program-scorecard.md"),
        ("program/report.html", "report.html"),
    ]

    @Test(arguments: cases.map(\.output))
    func documentMatchesItsGoldenFile(_ output: String) throws {
        let folder = TemporaryFolder.content(["acme": Fixtures.partner + "\nunknown_key: 1\n"])
        let files = try TestBuild.files(folder)
        let rendered = try #require(files[output], "no \(output) in \(files.keys.sorted())")
        let name = GoldenDocumentTests.cases.first { $0.output == output }!.golden
        let url = GoldenDocumentTests.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["PARTNERBOOK_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: GoldenDocumentTests.golden, withIntermediateDirectories: true)
            try rendered.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(rendered == expected, "\(output) differs from Golden/\(name)")
    }

    @Test func buildWritesEveryDocumentPath() throws {
        let folder = TemporaryFolder.content(["acme": Fixtures.partner])
        let paths = Set(try TestBuild.files(folder).keys)
        for path in ["partners/acme/charter.md", "partners/acme/charter.html", "partners/acme/scorecard.md",
                     "partners/acme/scorecard.html", "partners/acme/qbr/2026-Q2.md", "partners/acme/qbr/2026-Q2.html",
                     "partners/acme/qbr/2026-Q3.html", "partners/acme/qbr/2026-Q4.html", "partners/acme/charts/trends.svg",
                     "program/scorecard.md", "program/scorecard.html", "program/report.html", "assets/partnerbook.css"] {
            #expect(paths.contains(path), "missing \(path)")
        }
        #expect(!paths.contains("partners/acme/qbr/2027-Q1.md"), "one upcoming packet only")
    }

    /// A stale signature shows as superseded above the fresh blocks to
    /// sign, which stand side by side in one table (one page); the charter
    /// is a draft, marked once in the text and in every page footer.
    @Test func staleSignaturesShowAsSupersededAndTheCharterAsADraft() throws {
        let edited = Fixtures.partner(replacing: "us: Revenue", with: "us: More revenue")
        let files = try TestBuild.files(TemporaryFolder.content(["acme": edited]))
        let markdown = try #require(files["partners/acme/charter.md"])
        #expect(markdown.contains("> **DRAFT.** Not yet signed by both parties against this text."))
        let superseded = try #require(markdown.range(of: "**Superseded signatures**"))
        let table = try #require(markdown.range(of: "### Signature blocks"))
        #expect(superseded.upperBound < table.lowerBound, "superseded signatures stand above the fresh blocks")
        #expect(markdown.contains("- Dana Ruiz, Director, for Northwind Analytics, on 8 January 2025: fingerprint `\(Fixtures.fingerprint)`"))
        // One table, a column per party; the fresh blocks name who signs, with the email a signature must carry.
        #expect(markdown.contains("| Signatory | For Northwind Analytics | For Acme Cloud |"))
        #expect(markdown.contains("| Name | Dana Ruiz | Sam Okafor |\n| Title | Director | VP Alliances |\n| Email | <dana@northwind.example> | <sam@acme.example> |"))
        #expect(markdown.contains("| Status | To be signed | To be signed |"))
        let html = try #require(files["partners/acme/charter.html"])
        #expect(html.components(separatedBy: "DRAFT").count - 1 == 2, "the DRAFT mark in the text, and in the page footer's CSS")
        #expect(html.contains("content: \"DRAFT\\2c  not signed"), "every printed page's footer says DRAFT")
        #expect(html.contains("@page { size: A4;"), "A4 unless site.paper says letter")
        #expect(html.contains("counter(page) \" of \" counter(pages)"), "page numbers in the same footer box, on one line")
        let signed = try #require(try TestBuild.files(TemporaryFolder.content(["acme": Fixtures.partner])) ["partners/acme/charter.html"])
        #expect(!signed.contains("DRAFT"))
        #expect(signed.contains("content: \"Partnership charter"), "print footer")
        #expect(signed.contains("<code>\(Fixtures.fingerprint)</code>"))
    }

    /// Named signatories sign in place of the sponsors.
    @Test func signatoriesNameTheFreshBlocks() throws {
        let yaml = Fixtures.partnerBody.replacingOccurrences(of: "status: run", with: "status: crawl")
            .replacingOccurrences(of: Fixtures.signatories, with: "signatories:\n  us: { name: Priya Nair, title: Chief Revenue Officer }\n  partner: { name: Helen Brandt, title: SVP Marketplace }\n")
        let files = try TestBuild.files(TemporaryFolder.content(["acme": yaml]))
        let markdown = try #require(files["partners/acme/charter.md"])
        #expect(markdown.contains("| Name | Priya Nair | Helen Brandt |\n| Title | Chief Revenue Officer | SVP Marketplace |"))
        // With no signatory named, the executive sponsor.
        let unnamed = Fixtures.partnerBody.replacingOccurrences(of: "status: run", with: "status: crawl")
            .replacingOccurrences(of: Fixtures.signatories, with: "")
        let sponsor = try #require(try TestBuild.files(TemporaryFolder.content(["acme": unnamed]))["partners/acme/charter.md"])
        #expect(sponsor.contains("| Name | Priya Nair | Helen Brandt |\n| Title |  |  |"))
    }

    /// The charter prints every signed term of a metric (target, due date,
    /// baseline, direction) and not the scoring weight.
    @Test func theMeasurementTableShowsSignedTermsAndNoWeight() throws {
        let yaml = Fixtures.partner(replacing: "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }",
                                    with: "{ id: revenue, name: Revenue, unit: USD, target: 400000, due: 2027-06-30, baseline: 120000, direction: up, weight: 2 }")
        let markdown = try #require(try TestBuild.files(TemporaryFolder.content(["acme": yaml]))["partners/acme/charter.md"])
        #expect(markdown.contains("| Metric | Target | By | Baseline | Direction |"))
        #expect(markdown.contains("| Revenue | $400,000 | 30 June 2027 | $120,000 | higher is better |"))
        #expect(!markdown.contains("Weight") && !markdown.contains("weight"))
    }

    /// The optional legal frame: entities and addresses in the parties, the
    /// term, the agreement, numbered custom sections and the binding statement.
    @Test func theLegalFrameIsPrinted() throws {
        let program = Fixtures.program + "\nlegal:\n  entity: Northwind Analytics, Inc.\n  address: 500 Harbor Way, Seattle\n  statement: This charter binds neither company.\n"
        let yaml = "legal: { entity: Acme Cloud GmbH, address: \"1 Friedrichstrasse, Berlin\" }\n" + Fixtures.partnerBodyWithoutLegalFrame
            .replacingOccurrences(of: "status: run", with: "status: crawl").replacingOccurrences(
            of: "charter:\n", with: "charter:\n  effective: 2025-01-15\n  term: Two years, renewed yearly.\n  agreement: The marketplace agreement of 2024.\n  sections:\n    - { title: Confidentiality, text: Three years after the end. }\n")
        let markdown = try #require(try TestBuild.files(TemporaryFolder.content(["acme": yaml], program: program))["partners/acme/charter.md"])
        #expect(markdown.contains("| Legal entity | Northwind Analytics, Inc. | Acme Cloud GmbH |"))
        #expect(markdown.contains("| Registered address | 500 Harbor Way, Seattle | 1 Friedrichstrasse, Berlin |"))
        #expect(markdown.contains("**Effective:** 15 January 2025"))
        #expect(markdown.contains("Two years, renewed yearly.") && markdown.contains("The marketplace agreement of 2024."))
        #expect(markdown.contains("## 6\\. Confidentiality\n\nThree years after the end."))
        let statement = try #require(markdown.range(of: "This charter binds neither company."))
        let signatures = try #require(markdown.range(of: "## Signatures"))
        let firstBlock = try #require(markdown.range(of: "### Signature blocks"))
        #expect(signatures.upperBound < statement.lowerBound && statement.upperBound < firstBlock.lowerBound,
                "the statement stands above the signatures")
        let plain = try #require(try TestBuild.files(TemporaryFolder.content(["acme": Fixtures.partner]))["partners/acme/charter.md"])
        #expect(plain.contains(CharterFrame.defaultStandaloneStatement.prefix(60)), "a neutral statement by default")
        #expect(!plain.contains("agreement it names"), "no agreement named, none spoken of")
        let bare = try #require(try TestBuild.files(TemporaryFolder.content(["acme": Fixtures.partnerBodyWithoutLegalFrame]))["partners/acme/charter.md"])
        #expect(!bare.contains("Legal entity") && !bare.contains("## Term"))
    }

    @Test func endedPartnershipsGetNoUpcomingPacket() throws {
        let ended = Fixtures.partner.replacingOccurrences(of: "status: run", with: "status: ended")
        let paths = Set(try TestBuild.files(TemporaryFolder.content(["acme": ended])).keys)
        #expect(paths.contains("partners/acme/qbr/2026-Q3.md"))
        #expect(!paths.contains("partners/acme/qbr/2026-Q4.md"))
    }
}
