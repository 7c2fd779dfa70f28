import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput

/// Each document kind, rendered from the test fixture with the default
/// templates, must equal its golden file. To accept a deliberate change:
/// `PARTNERBOOK_UPDATE_GOLDEN=1 swift test --filter GoldenDocumentTests`, then
/// read the diff of Tests/PartnerbookKitTests/Golden before committing it.
@Suite struct GoldenDocumentTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
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

    @Test func staleSignaturesShowAsStaleAndTheCharterAsADraft() throws {
        let edited = Fixtures.partner(replacing: "us: Revenue", with: "us: More revenue")
        let files = try TestBuild.files(TemporaryFolder.content(["acme": edited]))
        let markdown = try #require(files["partners/acme/charter.md"])
        #expect(markdown.contains("> **DRAFT.** Not yet signed by both parties against this text."))
        #expect(markdown.components(separatedBy: "| Status | Stale: the charter changed after this signature").count == 3)
        let html = try #require(files["partners/acme/charter.html"])
        #expect(html.contains("<div class=\"draft-mark\" aria-hidden=\"true\">Draft</div>"))
        #expect(html.contains("content: \"Partnership charter"), "print footer")
        let signed = try #require(try TestBuild.files(TemporaryFolder.content(["acme": Fixtures.partner])) ["partners/acme/charter.html"])
        #expect(!signed.contains("draft-mark"))
        #expect(signed.contains("<code>\(Fixtures.fingerprint)</code>"))
    }

    @Test func endedPartnershipsGetNoUpcomingPacket() throws {
        let ended = Fixtures.partner.replacingOccurrences(of: "status: run", with: "status: ended")
        let paths = Set(try TestBuild.files(TemporaryFolder.content(["acme": ended])).keys)
        #expect(paths.contains("partners/acme/qbr/2026-Q3.md"))
        #expect(!paths.contains("partners/acme/qbr/2026-Q4.md"))
    }
}
