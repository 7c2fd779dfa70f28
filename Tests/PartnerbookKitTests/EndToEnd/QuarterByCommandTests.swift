import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
import PartnerbookTestSupport

/// SPEC 23, "done when": a quarter run with commands only. Every partner's
/// review planned, the three exports recorded before the meetings (a HubSpot
/// deals export, a German reseller's statement, a long-form CSV), each
/// review held with its decisions and risks, a commitment marked done, a
/// crawl gate decided on the metric its review recorded; a build at each
/// step, and not one YAML line written by hand. The same quarter runs in a
/// calendar year and in a fiscal year starting in February.
@Suite struct QuarterByCommandTests {
    typealias F = Fixtures
    static let exports = F.exports

    /// The quarter being run, the one before it, and what each export adds up to in it.
    struct Year: Sendable, CustomTestStringConvertible {
        var start: Int
        var quarter: String
        var previous: String
        var earlier: String
        /// Acme's closed-won deals dated in the quarter (HubSpot).
        var acmeRevenue: String
        var share: String
        var label: String

        var testDescription: String { "fiscal_year_start: \(start)" }
    }

    static let years = [
        // October to December 2026: three deals, 120,000 + 2,388 + 332,612.
        Year(start: 1, quarter: "2026-Q4", previous: "2026-Q3", earlier: "2026-Q2", acmeRevenue: "$455,000", share: "18.2%", label: "2026-Q4"),
        // November 2026 to January 2027: the October deal is the quarter before's; 2,388 + 332,612.
        Year(start: 2, quarter: "FY2027-Q4", previous: "FY2027-Q3", earlier: "FY2027-Q2", acmeRevenue: "$335,000", share: "13.4%",
             label: "FY2027-Q4 (November 2026 to January 2027)"),
    ]

    /// Acme (revenue counted toward the program, a commitment open from its last review), Pipewell
    /// (euros, no review yet) and Nova (in crawl, its crawl metric not yet measured).
    private func folder(_ year: Year) -> TemporaryFolder {
        let acme = F.signed(F.partnerBody
            .replacingOccurrences(of: "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }",
                                  with: "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2, counts_toward: partner_revenue, period: quarter }")
            .replacingOccurrences(of: "quarter: 2026-Q2", with: "quarter: \(year.earlier)")
            .replacingOccurrences(of: "quarter: 2026-Q3", with: "quarter: \(year.previous)")
            .replacingOccurrences(of: "    next_review: 2027-01-14",
                                  with: "    commitments:\n      us: [ Ship the storage-tier connector ]\n      partner: [ Feature us in the January newsletter ]\n    next_review: 2027-01-14"))
        let nova = F.signed(F.partnerBody.components(separatedBy: "reviews:")[0]
            .replacingOccurrences(of: "name: Acme Cloud", with: "name: Nova Payroll")
            .replacingOccurrences(of: "status: run", with: "status: crawl")
            .replacingOccurrences(of: "metric: Days to first dashboard", with: "metric: Days to value")
            .replacingOccurrences(of: "start: 2025-01-13\n      end: 2025-03-03", with: "start: 2026-11-02\n      end: 2026-12-21")
            .replacingOccurrences(of: "start: 2025-03-10\n      end: 2025-05-26", with: "start: 2027-01-25\n      end: 2027-04-12")
            .replacingOccurrences(of: "start: 2025-06-02", with: "start: 2027-04-19")
            .replacingOccurrences(of: "  crawl: { pilot_customers: [ Bluewater ], baseline: 14, result: 10, direction: down, decision: go }\n  walk: { invited: 10, adopted: 8, decision: go }\n",
                                  with: "  crawl: { pilot_customers: [ Bluewater ], baseline: 14, decision: pending }\n"),
                            id: "nova")
        let program = F.program + "\nfiscal_year_start: \(year.start)\noutcomes:\n  - { quarter: \(year.previous), revenue: 2000000 }\n  - { quarter: \(year.quarter), revenue: 2500000 }\n"
        return TemporaryFolder.content(["acme": acme + "\n", "pipewell": F.pipewell + "\n", "nova": nova + "\n"], program: program)
    }

    @discardableResult
    private func run(_ folder: TemporaryFolder, _ arguments: [String]) throws -> Binary.Result {
        let result = try Binary.run(arguments + ["--content", "."], in: folder.url)
        #expect(result.status == 0, "\(arguments): \(result.stdout)\(result.stderr)")
        return result
    }

    /// The build's output, outside the content folder.
    private let output = TemporaryFolder()

    /// Builds as of `day` (check first: no errors) and reads a document back.
    private func build(_ folder: TemporaryFolder, asOf day: String) throws -> (String) throws -> String {
        let check = try run(folder, ["check", "--as-of", day])
        #expect(check.stdout.contains("0 errors"), "\(check.stdout)")
        try run(folder, ["build", "--as-of", day, "--output", output.url.path, "--templates", TestBuild.templates.path])
        let output = output
        return { try String(contentsOf: output.url.appendingPathComponent($0), encoding: .utf8) }
    }

    @Test(arguments: years)
    func aQuarterWithCommandsOnly(_ year: Year) throws {
        let folder = folder(year)
        let before = try build(folder, asOf: "2027-01-04")
        #expect(try before("index.html").contains("Nova Payroll"))

        // Plan every review: Acme's period follows its last review; the others name it.
        let planned = try run(folder, ["review", "plan", "acme", "--date", "2027-01-14"])
        #expect(planned.stdout.contains("planned the \(year.quarter) review of Acme Cloud for 14 January 2027"))
        try run(folder, ["review", "plan", "pipewell", "--date", "2027-01-15", "--period", year.quarter])
        try run(folder, ["review", "plan", "nova", "--date", "2027-01-14", "--period", year.quarter])
        let upcoming = try build(folder, asOf: "2027-01-05")
        let packet = try upcoming("partners/acme/qbr/\(year.quarter).md")
        #expect(packet.contains("# QBR packet \(year.label): Acme Cloud"), "\(packet.prefix(300))")
        let calendar = try upcoming("program/reviews.ics")
        #expect(calendar.contains("SUMMARY:QBR \(year.quarter): Acme Cloud"), "\(calendar)")
        let unfolded = calendar.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("Quarterly business review of \(year.label) with Acme Cloud"), "\(unfolded)")

        // The exports, before the meetings.
        folder.write("deals.csv", try Data(contentsOf: Self.exports.appendingPathComponent("hubspot-deals.csv")))
        try run(folder, ["record", year.quarter, "--from", "deals.csv", "--partner-column", "Referring partner", "--column", "Amount=revenue",
                         "--where", "Deal Stage=Closed won", "--date-column", "Close Date", "--sum", "--partial"])
        folder.write("statement.csv", try Data(contentsOf: Self.exports.appendingPathComponent("reseller-de-utf16.csv")))
        try run(folder, ["record", year.quarter, "--from", "statement.csv", "--locale", "de", "--column", "Umsatz=revenue",
                         "--column", "Gewinnquote=win_rate"])
        folder.write("crawl.csv", "partner,metric,value\nNova Payroll,days,9\n")
        try run(folder, ["record", year.quarter, "--from", "crawl.csv"])
        let prepared = try build(folder, asOf: "2027-01-06")("partners/acme/qbr/\(year.quarter).md")
        #expect(prepared.contains("Prepared for \(year.quarter)"), "\(prepared)")
        #expect(prepared.contains(year.acmeRevenue), "\(prepared)")

        // The meetings.
        try run(folder, ["review", "hold", "acme", year.quarter, "--date", "2027-01-14", "--decision", "Renew the co-sell budget",
                         "--risk", "Budget freeze in the first quarter", "--owner", "Sam Okafor"])
        try run(folder, ["review", "hold", "pipewell", year.quarter, "--date", "2027-01-15"])
        try run(folder, ["review", "hold", "nova", year.quarter, "--date", "2027-01-14", "--decision", "Go to walk"])
        try run(folder, ["commitment", "done", "acme", "storage-tier connector"])
        let gate = try run(folder, ["gate", "nova", "crawl", "--decision", "go"])
        #expect(gate.stdout.contains("recorded the crawl gate of Nova Payroll: decision go"))

        let after = try build(folder, asOf: "2027-02-05")
        let held = try after("partners/acme/qbr/\(year.quarter).md")
        #expect(held.contains("This quarter (\(year.quarter))"), "\(held)")
        #expect(held.contains("Renew the co-sell budget"))
        #expect(held.contains("Budget freeze in the first quarter"))
        #expect(held.contains("**Done:** Ship the storage-tier connector"), "\(held)")
        let pipewell = try after("partners/pipewell/qbr/\(year.quarter).md")
        #expect(pipewell.contains("€84,500") && pipewell.contains("31.5%"), "\(pipewell)")
        let nova = try after("partners/nova/scorecard.md")
        #expect(nova.contains("35.7% improvement (the \(year.quarter) review's reading)"), "\(nova)")
        let home = try after("index.html")
        #expect(home.contains("In \(year.label), the last quarter finished, partners brought \(year.acmeRevenue) (from 1 partner), \(year.share) of company revenue of $2,500,000"),
                "\(home)")
        // Not one line was written by hand: every partner file still checks, its signatures intact.
        let check = try run(folder, ["check", "--as-of", "2027-02-05"])
        #expect(!check.stdout.contains("signature."), "\(check.stdout)")
    }
}
