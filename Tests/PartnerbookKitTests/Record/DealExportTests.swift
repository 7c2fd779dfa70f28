import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
import PartnerbookTestSupport

/// `record` on exports as they are (SPEC 23): a HubSpot deals export (every
/// field quoted, "Record ID" first, column names twice, `"2388.0"`,
/// `8/27/2026 11:15`), a Salesforce details report (one row per
/// opportunity, title, totals and footer lines), a German reseller's
/// statement with semicolons and `84.500,00 €`, in UTF-8 and in UTF-16;
/// recording twice, and `--partial`.
@Suite struct DealExportTests {
    typealias F = Fixtures
    static let exports = F.exports

    private func content(program: String = F.program) -> TemporaryFolder { F.exportContent(program: program) }

    private func record(_ folder: TemporaryFolder, _ export: String, _ arguments: [String]) throws -> Binary.Result {
        folder.write("export.csv", try Data(contentsOf: Self.exports.appendingPathComponent(export)))
        return try Binary.run(["record"] + arguments + ["--from", "export.csv", "--content", "."], in: folder.url)
    }

    private func file(_ folder: TemporaryFolder, _ id: String) throws -> String {
        try String(contentsOf: folder.url.appendingPathComponent("partners/\(id).yaml"), encoding: .utf8)
    }

    private func notes(_ result: Binary.Result) -> [String] {
        result.stderr.split(separator: "\n").filter { $0.contains(": note: ") }.map { String($0.split(separator: ": note: ", maxSplits: 1)[1]) }
    }

    static let hubspot = ["2026-Q4", "--date", "2027-01-14", "--partner-column", "Referring partner", "--column", "Amount=revenue",
                          "--where", "Deal Stage=Closed won", "--date-column", "Close Date", "--sum"]

    @Test func aHubSpotDealsExportAddsEachPartnersClosedWonDealsOfTheQuarter() throws {
        let folder = content()
        let result = try record(folder, "hubspot-deals.csv", Self.hubspot)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        // Acme: 120,000 + 2,388 + 332,612 closed won in Q4; the lost deal, the open one and September's are out.
        #expect(try file(folder, "acme").contains("  - quarter: 2026-Q4\n    date: 2027-01-14\n    metrics: { revenue: 455000 }\n"))
        #expect(try file(folder, "pipewell").contains("metrics: { revenue: 84500 }"))
        let notes = notes(result)
        #expect(notes.contains { $0.hasPrefix("16 columns name no metric and were left out ('Record ID', 'Deal Name', 'Deal owner', 'Associated Company', 'Pipeline', ") && $0.contains("' and 6 more)") },
                "one note for the unused columns, 'Associated Company' twice and no error: \(notes)")
        #expect(notes.contains("line 9: no partner named (a grouping or subtotal row), skipped"))
        #expect(notes.contains("--where Deal Stage: 2 rows with another value than 'Closed won' left out"))
        #expect(notes.contains("--date-column Close Date: 1 row dated outside 2026-Q4 (1 October 2026 to 31 December 2026) left out"))
        #expect(notes.contains("4 rows kept"))
        #expect(notes.contains("--sum: Acme Cloud: revenue from 3 rows"))
        #expect(notes.contains("--sum: Pipewell CRM: revenue from 1 row"))

        // The same export again: nothing to change, exit 0, not a byte written.
        let before = try file(folder, "acme")
        let again = try record(folder, "hubspot-deals.csv", Self.hubspot)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(again.stdout.contains("already recorded, the same values: Acme Cloud, Pipewell CRM"))
        #expect(again.stdout.contains("nothing to change"))
        #expect(try file(folder, "acme") == before)
    }

    @Test func withoutSumOnePartnerTwiceIsADuplicateThatSaysWhatToDo() throws {
        let folder = content()
        let result = try record(folder, "hubspot-deals.csv", Array(Self.hubspot.dropLast()))
        #expect(result.status == 1)
        #expect(result.stdout.contains("Acme Cloud revenue is given twice; the first is at line 2, column 73 (one row per deal? pass --sum to add them) [record.duplicate]"), "\(result.stdout)")
        #expect(try file(folder, "acme") == F.partner + "\n")
    }

    @Test func aColumnThatRecordsAMetricMayNotAppearTwice() throws {
        let folder = content()
        folder.write("export.csv", "\"Record ID\",\"partner\",\"revenue\",\"Revenue\"\n\"1\",\"acme\",\"1\",\"2\"\n")
        let result = try Binary.run(["record", "2026-Q4", "--from", "export.csv", "--content", "."], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("export.csv:1:33: error: the column 'Revenue' appears twice; the first is at column 23, and both would record the same metric [record.header]"), "\(result.stdout)")
    }

    @Test func aSalesforceDetailsReportIsSummedByPartnerAndStage() throws {
        let folder = content()
        let result = try record(folder, "salesforce-details.csv",
                                ["2026-Q4", "--partner-column", "Partner Account", "--column", "Amount=revenue",
                                 "--where", "Stage=Closed Won", "--date-column", "Close Date", "--sum"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try file(folder, "acme").contains("metrics: { revenue: 455000 }"))
        #expect(try file(folder, "pipewell").contains("metrics: { revenue: 84500 }"), "EUR 84,500.00 into a metric kept in euros")
        let notes = notes(result)
        #expect(notes.first == "lines 1-4: before the header (report title, filters), skipped")
        #expect(notes.contains("3 columns name no metric and were left out ('Opportunity Owner', 'Opportunity Name', 'Type'); map one with --column \"HEADER=METRIC_ID\" to record it"))
        #expect(notes.contains("line 13: no partner named (a grouping or subtotal row), skipped"), "the Grand Totals row: \(notes)")
        #expect(notes.contains("lines 16-19: after the data (report footer), skipped"))
        #expect(notes.contains("--sum: Acme Cloud: revenue from 3 rows"))
    }

    @Test func aDateThatIsNotOneIsAProblemNotARowDropped() throws {
        let folder = content()
        folder.write("export.csv", "partner,revenue,closed\nacme,1,2026-11-02\nacme,2,someday\n")
        let result = try Binary.run(["record", "2026-Q4", "--from", "export.csv", "--content", ".", "--date-column", "closed", "--sum"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("export.csv:3:8: error: 'someday' in the date column is not a date"), "\(result.stdout)")
        let missing = try Binary.run(["record", "2026-Q4", "--from", "export.csv", "--content", ".", "--where", "Stage=Won"], in: folder.url)
        #expect(missing.stdout.contains("the header has no column 'Stage' (named by --where)"), "\(missing.stdout)")
    }

    @Test(arguments: ["reseller-de.csv", "reseller-de-utf16.csv"])
    func aGermanStatementIsReadWithItsLocale(_ export: String) throws {
        let folder = content()
        let mapping = ["2026-Q4", "--column", "Umsatz=revenue", "--column", "Gewinnquote=win_rate"]
        let english = try record(folder, export, mapping)
        #expect(english.status == 1)
        #expect(english.stdout.contains("'84.500,00 €' is not a number (digits, an optional sign, a decimal point, thousands separators, a currency symbol or code, or a percent sign); written with a decimal comma it reads 84500: pass --locale de"), "\(english.stdout)")
        let german = try record(folder, export, mapping + ["--locale", "de"])
        #expect(german.status == 0, "\(german.stdout)\(german.stderr)")
        #expect(try file(folder, "pipewell").contains("metrics: { revenue: 84500, win_rate: 31.5 }"))
        #expect(notes(german).contains("line 3: 'Summe' is a total, skipped"))
        #expect(notes(german).contains { $0.hasPrefix("3 columns name no metric and were left out ('Zeitraum', 'Neukunden', 'Stand')") })
    }

    @Test func programYAMLKeepsTheLocale() throws {
        let folder = content(program: F.program + "\nrecord:\n  locale: de\n  columns: { Umsatz: revenue, Gewinnquote: win_rate }\n")
        let result = try record(folder, "reseller-de.csv", ["2026-Q4"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let wrong = content(program: F.program + "\nrecord:\n  locale: deutsch\n")
        let check = try Binary.run(["check", "--content", "."], in: wrong.url)
        #expect(check.stdout.contains("record.locale 'deutsch' is not a locale this machine knows"), "\(check.stdout)")
    }

    @Test func partialRecordsThePartnersWithoutAConflict() throws {
        let folder = content()
        // Acme's 2026-Q3 revenue is 410,000 already; Pipewell has no 2026-Q3 review.
        folder.write("export.csv", "partner,revenue\nacme,1\npipewell,5\n")
        let strict = try Binary.run(["record", "2026-Q3", "--from", "export.csv", "--content", "."], in: folder.url)
        #expect(strict.status == 1)
        #expect(!(try file(folder, "pipewell")).contains("revenue: 5"), "without --partial nothing is written")
        let partial = try Binary.run(["record", "2026-Q3", "--from", "export.csv", "--content", ".", "--partial"], in: folder.url)
        #expect(partial.status == 1, "a value was left unrecorded")
        #expect(partial.stdout.contains("export.csv:2:6: error: Acme Cloud already has revenue: 410000 for 2026-Q3, not 1; pass --replace to overwrite it [record.exists]"))
        #expect(partial.stdout.contains("recorded 2026-Q3 for 1 partner"))
        #expect(try file(folder, "pipewell").contains("metrics: { revenue: 5 }"))
        #expect(try file(folder, "acme") == F.partner + "\n")
    }

    @Test(arguments: [("8/27/2024 11:15", false, "2024-08-27"), ("27.08.2024", false, "2024-08-27"), ("27/08/2024", true, "2024-08-27"),
                      ("2024-08-27T10:00:00Z", false, "2024-08-27"), ("1/2/24", false, nil), ("13/27/2024", false, nil)] as [(String, Bool, String?)])
    func exportDates(_ text: String, _ dayFirst: Bool, _ day: String?) {
        #expect(ExportDate.day(text, dayFirst: dayFirst) == day.flatMap(Day.init))
    }
}
