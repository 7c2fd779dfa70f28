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

/// The QBR packet goes on the shared screen and to the partner (section 16):
/// nothing ours in it, a layout of its own, a summary at the top, rows
/// to write decisions in.
@Suite struct PacketContentTests {
    static let content = Binary.repository.appendingPathComponent("Content")

    /// Every packet (Markdown and HTML, not the ours brief) of the example's build, by path.
    private func packets() throws -> [String: String] {
        let folder = TemporaryFolder()
        let result = try Binary.run(["build", "--output", "out", "--content", Self.content.path,
                                     "--templates", TestBuild.templates.path], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let root = folder.url.appendingPathComponent("out")
        var files: [String: String] = [:]
        for path in OutputWriter.filesBelow(root) where path.contains("/qbr/") && !path.contains("-brief.")
            && (path.hasSuffix(".md") || path.hasSuffix(".html")) {
            files[path] = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }
        return files
    }

    /// Each ours value of every example partner, read from its file and
    /// its assessment, is in none of its packets.
    @Test func noInternalValueOfAnyExamplePartnerIsInAPacket() throws {
        let files = try packets()
        #expect(files.count >= 16, "every example partner has packets")
        let check = try Check.program(.test(Self.content, asOf: nil, today: Fixtures.asOf, strict: false))
        for partner in check.partners {
            let mine = files.filter { $0.key.hasPrefix("partners/\(partner.id)/") }
            guard !mine.isEmpty else { continue }
            let assessment = PartnerAssessment(partner, program: check.program, asOf: check.asOf,
                                               signatures: SignatureState(partner, frame: check.program.charterFrame(template: CharterWording.builtIn)))
            var ours: [String] = ["Health \(assessment.health.total)", "health score", "Health score", "Weight", "weight", "Leverage", "leverage",
                                      "Next step", assessment.health.bandText, assessment.leverage.recommendation.sentence,
                                      assessment.continueDecision.reason]
            if let tier = assessment.tierDecision { ours.append(tier.reason) }
            if let evidence = partner.leverage?.evidence?.value { ours += evidence.split(separator: "\n").map { Trim.whitespace(String($0)) } }
            for review in partner.reviews?.items ?? [] { ours += review.objectives.map(\.value) }
            ours += check.report.diagnostics.filter { $0.file == partner.file }.map(\.message)
            for (path, text) in mine {
                for value in ours where value.count >= 4 {
                    #expect(!text.contains(value), "\(path) holds the internal value '\(value)'")
                }
                // No link to an ours page: scorecard, brief, report, program pages, or our site's navigation.
                for link in ["scorecard", "-brief", "report.html", "program/", "index.html", "rules.html"] {
                    #expect(!text.contains("href=\"\(link)") && !text.contains("\(link).html\"") && !text.contains("](\(link)"),
                            "\(path) links to \(link)")
                }
                #expect(!text.contains("badge"), "\(path) carries a badge")
            }
        }
    }

    @Test func itHasALayoutOfItsOwnASummaryAndRowsToWriteIn() throws {
        let files = try packets()
        let html = try #require(files["partners/acme-cloud/qbr/2026-Q4.html"])
        #expect(html.contains("<body class=\"page-packet\">"))
        #expect(!html.contains("site-header") && !html.contains("breadcrumbs") && !html.contains("Validation report"))
        let summary = try #require(html.range(of: "<h2>Summary</h2>"))
        let agenda = try #require(html.range(of: "<h2>Agenda (60 minutes)</h2>"))
        #expect(summary.lowerBound < agenda.lowerBound, "the summary opens the packet")
        let markdown = try #require(files["partners/acme-cloud/qbr/2026-Q4.md"])
        #expect(markdown.contains("Partner-sourced revenue per quarter: $455,000 against $600,000 per quarter by 31 December 2027"), "a flow metric states its period")
        #expect(markdown.contains("**Delivered:** 1 of 4 commitments from the previous review done"))
        #expect(markdown.contains("**Asked of Acme Cloud (still open)**\n\n  - Name a solutions architect for regulated industries"))
        // The empty decision rows are cells the stylesheet makes tall enough to write in.
        #expect(html.contains("<td></td>"))
        let css = try String(contentsOf: TestBuild.templates.appendingPathComponent("assets/partnerbook.css"), encoding: .utf8)
        #expect(css.contains(".page-packet td:empty { height: 3.2em; }"))
    }
}
