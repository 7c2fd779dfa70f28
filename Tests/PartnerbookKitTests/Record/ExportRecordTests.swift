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

/// `record` on CRM exports as they come: Salesforce and HubSpot report
/// files (written for these tests in the shape those tools export), monthly
/// partners, and one diagnostic per problem in line order.
@Suite struct ExportRecordTests {
    typealias F = Fixtures
    static let exports = F.exports

    private func content(program: String = F.program) -> TemporaryFolder { F.exportContent(program: program) }

    private func record(_ folder: TemporaryFolder, _ export: String, _ arguments: [String]) throws -> Binary.Result {
        let csv = try Data(contentsOf: Self.exports.appendingPathComponent(export))
        folder.write("export.csv", csv)
        return try Binary.run(["record"] + arguments + ["--from", "export.csv", "--content", "."], in: folder.url)
    }

    private func file(_ folder: TemporaryFolder, _ id: String) throws -> String {
        try String(contentsOf: folder.url.appendingPathComponent("partners/\(id).yaml"), encoding: .utf8)
    }

    @Test func aSalesforceReportIsReadAsItComesWithTheMappingInProgramYAML() throws {
        let program = F.program + "\nrecord:\n  partner_column: Partner Account Name\n  columns: { \"Sourced Revenue\": revenue }\n"
        let folder = content(program: program)
        let result = try record(folder, "salesforce-partner-revenue.csv", ["2026-Q4", "--date", "2027-01-14"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        // "ACME CLOUD" by name ignoring case; "Pipewell Inc." by alias; "Days to Value" is the metric named "Days to value".
        #expect(try file(folder, "acme").contains("  - quarter: 2026-Q4\n    date: 2027-01-14\n    metrics: { revenue: 455000, days: 6 }\n"))
        #expect(try file(folder, "pipewell").contains("metrics: { revenue: 84500, days: 9 }"))
        #expect(result.stdout.contains("recorded 2026-Q4 for 2 partners from export.csv (wide form)"))
        // Everything left out is said, in line order.
        let notes = result.stderr.split(separator: "\n").filter { $0.contains(": note: ") }.map { String($0) }
        #expect(notes == [
            "export.csv: note: lines 1-4: before the header (report title, filters), skipped",
            "export.csv: note: 2 columns name no metric and were left out ('Account Owner', 'Region'); map one with --column \"HEADER=METRIC_ID\" to record it",
            "export.csv: note: line 9: 'Total' is a total, skipped",
            "export.csv: note: lines 12-15: after the data (report footer), skipped",
        ])
        let check = try Binary.run(["check", "--content", "."], in: folder.url)
        #expect(check.stdout.contains("0 errors"), "\(check.stdout)")
    }

    @Test func aHubSpotExportWithMappingsOnTheCommandLine() throws {
        let folder = content()
        let result = try record(folder, "hubspot-companies.csv",
                                ["2026-Q4", "--partner-column", "Company name", "--column", "Partner revenue (Q4)=revenue",
                                 "--column", "Time to first value (days)=days", "--column", "Win rate=win_rate"])
        #expect(result.status == 1, "Acme has no win rate metric")
        #expect(result.stdout == "export.csv:2:30: error: Acme Cloud has no metric 'win_rate' (mapped from the column 'Win rate') (its charter defines revenue, days) [record.unknown-metric]\n")
        #expect(try file(folder, "acme") == F.partner + "\n", "nothing written")
        // Without the win rate for Acme: "PIPEWELL  CRM" by name ignoring case and spacing, "€ 84,500" in euros, "31%" as 31.
        let csv = try String(contentsOf: Self.exports.appendingPathComponent("hubspot-companies.csv"), encoding: .utf8)
            .replacingOccurrences(of: "\"28.5%\"", with: "\"\"")
        folder.write("export.csv", csv)
        let again = try Binary.run(["record", "2026-Q4", "--from", "export.csv", "--content", ".", "--partner-column", "Company name",
                                    "--column", "Partner revenue (Q4)=revenue", "--column", "Time to first value (days)=days",
                                    "--column", "Win rate=win_rate"], in: folder.url)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(try file(folder, "pipewell").contains("metrics: { revenue: 84500, days: 9, win_rate: 31 }"))
        #expect(try file(folder, "acme").contains("metrics: { revenue: 455000, days: 6 }"))
        #expect(again.stderr.contains("2 columns name no metric and were left out ('Company owner', 'Lifecycle stage')"))
    }

    @Test func moneyInAnotherCurrencyIsRefused() throws {
        let folder = content()
        folder.write("export.csv", "partner,revenue\nacme,€ 10\npipewell,$ 10\npipewell,EUR 10\n")
        let result = try Binary.run(["record", "2026-Q4", "--from", "export.csv", "--content", "."], in: folder.url)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "EUR 10 for Pipewell, whose revenue is in euros, is fine")
        #expect(lines[0] == "export.csv:2:6: error: '€ 10' is in EUR but Acme Cloud's revenue is kept in USD; convert it first (nothing is converted on the way in) [record.value]")
        #expect(lines[1].hasPrefix("export.csv:3:10: error: '$ 10' is in AUD or CAD or HKD or MXN or NZD or SGD or USD but Pipewell CRM's revenue is kept in EUR"))
    }

    @Test func eachProblemOnceAndInLineOrder() throws {
        let folder = content()
        // An unknown name in three rows and three cells; a bad value; Acme's metric typo twice.
        folder.write("export.csv", """
        partner,metric,value
        Nobody Ltd,revenue,1
        acme,revnue,2
        Nobody Ltd,days,3
        acme,revnue,4
        pipewell,days,lots
        Nobody Ltd,win_rate,5

        """)
        let result = try Binary.run(["record", "2026-Q4", "--from", "export.csv", "--content", "."], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").map(String.init) == [
            "export.csv:2:1: error: no partner with ID, name or alias 'Nobody Ltd'; add it to the partner's aliases if that is how the export names it (also on lines 4, 7) [record.unknown-partner]",
            "export.csv:3:6: error: Acme Cloud has no metric 'revnue' (its charter defines revenue, days); did you mean 'revenue'? [record.unknown-metric]",
            "export.csv:6:15: error: 'lots' is not a number (digits, an optional sign, a decimal point, thousands separators, a currency symbol or code, or a percent sign) [record.value]",
        ])
        let wide = content()
        wide.write("export.csv", "partner,revenue,days\nNobody Ltd,1,2\n")
        let once = try Binary.run(["record", "2026-Q4", "--from", "export.csv", "--content", "."], in: wide.url)
        #expect(once.stdout.split(separator: "\n").count == 1, "one unknown partner in a wide row is one problem, not one per cell")
    }

    @Test func aMonthlyPartnerRecordsMonthsAndAQuarterlyOneQuarters() throws {
        let monthly = F.partner.replacingOccurrences(of: "review_cadence: quarterly", with: "review_cadence: monthly")
            .replacingOccurrences(of: "quarter: 2026-Q2", with: "month: 2026-09")
            .replacingOccurrences(of: "quarter: 2026-Q3", with: "month: 2026-10")
        let folder = TemporaryFolder.content(["acme": monthly, "quarterly": F.partner.replacingOccurrences(of: "name: Acme Cloud", with: "name: Quarterly Co")])
        folder.write("export.csv", "partner,revenue\nacme,420000\n")
        let result = try Binary.run(["record", "2026-11", "--from", "export.csv", "--content", ".", "--date", "2026-12-02"], in: folder.url)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try file(folder, "acme").contains("  - month: 2026-11\n    date: 2026-12-02\n    metrics: { revenue: 420000 }\n"))
        folder.write("export.csv", "partner,revenue\nacme,1\nquarterly,2\n")
        let wrong = try Binary.run(["record", "2026-Q4", "--from", "export.csv", "--content", "."], in: folder.url)
        #expect(wrong.stdout.contains("Acme Cloud is reviewed monthly: record its months (2026-10, 2026-11, 2026-12) rather than 2026-Q4"))
        folder.write("export.csv", "partner,revenue\nquarterly,2\n")
        let month = try Binary.run(["record", "2026-11", "--from", "export.csv", "--content", "."], in: folder.url)
        #expect(month.stdout.contains("Quarterly Co is reviewed quarterly: record 2026-Q4 rather than the month 2026-11"))
    }

    @Test func recordingIntoAPlannedReviewChangesOnlyItsNumbers() throws {
        // A review planned for 14 January, with its date, attendees, objectives and risks written ahead.
        let planned = F.partner(replacing: "    next_review: 2027-01-14\n", with: """
            next_review: 2027-01-14
          - quarter: 2026-Q4
            date: 2027-01-14
            attendees: [ Dana Ruiz, Sam Okafor ]
            objectives: [ Agree the 2027 plan ]
            risks:
              - { risk: Budget freeze, owner: Sam Okafor, action: Ask the CFO early }
            next_review: 2027-04-15

        """)
        let folder = TemporaryFolder.content(["acme": planned])
        folder.write("export.csv", "partner,revenue,days\nacme,455000,6\n")
        let result = try Binary.run(["record", "2026-Q4", "--from", "export.csv", "--content", ".", "--date", "2027-01-12"], in: folder.url)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let after = try file(folder, "acme")
        #expect(after == planned.replacingOccurrences(of: "      - { risk: Budget freeze, owner: Sam Okafor, action: Ask the CFO early }\n    next_review: 2027-04-15\n",
                                                       with: "      - { risk: Budget freeze, owner: Sam Okafor, action: Ask the CFO early }\n    next_review: 2027-04-15\n    metrics: { revenue: 455000, days: 6 }\n"),
                "the date stays 14 January (--date is for a review record adds), and nothing else moves")
    }
}
