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

/// Section 20: the charter as the partner's counsel reads it. Each printed
/// element the section adds, from the partner file to the page.
@Suite struct CharterCounselTests {
    typealias F = Fixtures

    private func files(_ yaml: String, program: String = F.program) throws -> [String: String] {
        try TestBuild.files(TemporaryFolder.content(["acme": yaml], program: program))
    }

    private func charter(_ yaml: String, program: String = F.program) throws -> String {
        try #require(try files(yaml, program: program)["partners/acme/charter.md"])
    }

    static let legalProgram = F.program + """

    legal:
      entity: Northwind Analytics, Inc.
      governing_law: The laws of the State of Washington.
      courts: The courts of King County, Washington.
      notices: By email to the signatories.
      termination: Sixty days' written notice; fees earned survive.
    """

    /// Governing law, courts, notices and termination print under Term and
    /// exit, each under its own heading, after the term and the agreement.
    @Test func theLegalTermsPrintUnderTermAndExit() throws {
        let text = try charter(F.partner, program: Self.legalProgram)
        let section = try #require(text.components(separatedBy: "## Term and exit").dropFirst().first?.components(separatedBy: "## 1\\.").first)
        var last = section.startIndex
        for part in ["**Effective:** 6 January 2025", "### Term and renewal", "### Governing law\n\nThe laws of the State of Washington.",
                     "### Courts\n\nThe courts of King County, Washington.", "### Notices\n\nBy email to the signatories.",
                     "### On termination\n\nSixty days' written notice; fees earned survive."] {
            let found = try #require(section.range(of: part, range: last..<section.endIndex), "\(part) in order")
            last = found.upperBound
        }
        #expect(!(try charter(F.partner)).contains("### Governing law"), "nothing printed when not written")
    }

    /// The statement speaks of "the agreement it names" only when the charter names one.
    @Test func theAgreementSentenceNeedsAnAgreement() throws {
        let without = try charter(F.partner)
        #expect(without.contains(CharterFrame.defaultStandaloneStatement.prefix(80)))
        #expect(!without.contains("agreement"), "no agreement named, none spoken of")
        let named = F.partner(replacing: F.termLines, with: F.termLines + "  agreement: The Marketplace Publisher Agreement of 2 December 2024.\n")
        let with = try charter(named)
        #expect(with.contains("### Agreement this charter sits under\n\nThe Marketplace Publisher Agreement of 2 December 2024."))
        #expect(with.contains(CharterFrame.defaultStatement.prefix(80)))
    }

    /// An ended partnership's charter opens with the day it ended; with that
    /// day still ahead, "ends on", and the partner stays listed until then.
    @Test(arguments: [("2026-01-31", "**Ended on 31 January 2026.**", "Status: Ended"),
                      ("2027-01-31", "**Ends on 31 January 2027.**", "Status: Ending")])
    func anEndedCharterSaysWhen(_ day: String, _ line: String, _ status: String) throws {
        let yaml = F.partner(replacing: "status: run", with: "status: ended\nended: \(day)\nlisted: true")
        let text = try charter(yaml)
        let opening = try #require(text.components(separatedBy: "\n\n").dropFirst().first)
        #expect(opening == line, "the line after the title: \(opening)")
        #expect(text.contains(status))
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", F.program)
        folder.write("content/partners/acme.yaml", yaml)
        let result = try Binary.run(["build", "--public", "--content", "content", "--output", "public", "--as-of", F.asOf.description],
                                    in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let listed = FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("public/partners/acme/index.html").path)
        #expect(listed == (day > F.asOf.description), "listed until the day it ends")
    }

    /// A flow metric's target says what it is per, in the charter and in
    /// every document that prints the target.
    @Test func aFlowMetricStatesItsPeriod() throws {
        let yaml = F.partner(replacing: "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }",
                             with: "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2, due: 2027-06-30, baseline: 0, counts_toward: partner_revenue, period: quarter }")
        let all = try files(yaml)
        #expect(try #require(all["partners/acme/charter.md"]).contains("| Revenue | $400,000 per quarter | 30 June 2027 |"))
        #expect(try #require(all["partners/acme/scorecard.md"]).contains("$400,000 per quarter by 30 June 2027"))
        #expect(try #require(all["partners/acme/qbr/2026-Q3.md"]).contains("$400,000 per quarter by 30 June 2027"))
        let running = F.partner(replacing: "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }",
                                with: "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2, counts_toward: partner_revenue, period: to_date }")
        #expect(try charter(running).contains("| Revenue | $400,000 in total |"))
    }

    /// The summary, the leverage evidence and our answer to "would both
    /// sides still do this if the other walked?" are ours: in the brief, not the charter.
    @Test func ourReasoningIsInTheBriefNotTheCharter() throws {
        let yaml = F.partner(replacing: "summary: A *good* partner.", with: "summary: The largest platform in our segment.")
            .replacingOccurrences(of: "    balance: Yes", with: "    balance: They would not miss us if we walked.")
        let all = try files(yaml)
        let text = try #require(all["partners/acme/charter.md"])
        let brief = try #require(all["partners/acme/qbr/2026-Q4-brief.md"])
        for ours in ["The largest platform in our segment.", "Certification requires us.", "They would not miss us if we walked.",
                     "Would both sides still do this"] {
            #expect(!text.contains(ours), "the charter prints \(ours)")
            #expect(brief.contains(ours), "the brief lacks \(ours)")
        }
        #expect(brief.contains("## Our reading of the partnership"))
    }

    /// A partner's own paper wins over the program's, for its charter and its packets.
    @Test func aPartnerPrintsOnItsOwnPaper() throws {
        let all = try files(F.partner(replacing: "status: run", with: "status: run\npaper: letter"))
        #expect(try #require(all["partners/acme/charter.html"]).contains("@page { size: letter;"))
        #expect(try #require(all["partners/acme/qbr/2026-Q4.html"]).contains("@page { size: letter;"))
        let program = try files(F.partner)
        #expect(try #require(program["partners/acme/charter.html"]).contains("@page { size: A4;"), "site.paper's default otherwise")
    }

    /// charter.html stands alone: no navigation into our site, no badge of
    /// ours; its head gives the PDF its author and subject (the fingerprint).
    @Test func theCharterPageHasALayoutOfItsOwn() throws {
        let html = try #require(try files(F.partner)["partners/acme/charter.html"])
        #expect(html.contains("<body class=\"page-charter\">"))
        for ours in ["program/scorecard.html", "program/report.html", "site-header", "breadcrumbs", "Health ", "badge",
                         "scorecard.html", "href=\"../../index.html\""] {
            #expect(!html.contains(ours), "charter.html carries \(ours)")
        }
        #expect(html.contains("<meta name=\"author\" content=\"Northwind Analytics\">"))
        #expect(html.contains("<meta name=\"description\" content=\"Charter fingerprint \(F.fingerprint)\">"))
        #expect(html.contains("<title>Partnership charter: Acme Cloud</title>"))
    }

    /// Both parties' blocks stand in one table, so they print on one page.
    @Test func bothSignatureBlocksAreOneTable() throws {
        let text = try charter(F.partner)
        let blocks = try #require(text.components(separatedBy: "### Signature blocks\n\n").dropFirst().first?.components(separatedBy: "\n\n").first)
        let rows = blocks.split(separator: "\n")
        #expect(rows.first == "| Signatory | For Northwind Analytics | For Acme Cloud |")
        #expect(rows.contains("| Name | Dana Ruiz | Sam Okafor |") && rows.last?.hasPrefix("| Signature |") == true, "\(blocks)")
    }
}
