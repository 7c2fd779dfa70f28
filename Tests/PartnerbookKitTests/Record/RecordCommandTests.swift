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

/// `partnerbook record` run as a process on a copy of a content folder.
@Suite struct RecordCommandTests {
    typealias F = Fixtures

    /// Two partners: the fixture ("acme", reviews through 2026-Q3) and a
    /// partner with no reviews key at all ("beta", named "Beta Works").
    private func content() -> TemporaryFolder {
        let beta = F.signed(F.partnerBody.components(separatedBy: "reviews:")[0]
            .replacingOccurrences(of: "name: Acme Cloud", with: "name: Beta Works"), id: "beta")
        return TemporaryFolder.content(["acme": F.partner + "\n", "beta": beta])
    }

    private func run(_ folder: TemporaryFolder, _ csv: String, _ arguments: [String]) throws -> Binary.Result {
        folder.write("q.csv", csv)
        return try Binary.run(["record"] + arguments + ["--from", "q.csv", "--content", "."], in: folder.url)
    }

    private func file(_ folder: TemporaryFolder, _ id: String) throws -> String {
        try String(contentsOf: folder.url.appendingPathComponent("partners/\(id).yaml"), encoding: .utf8)
    }

    @Test func aWideExportFillsEveryPartnerAndKeepsEveryOtherByte() throws {
        let folder = content()
        let acmeBefore = try file(folder, "acme"), betaBefore = try file(folder, "beta")
        let result = try run(folder, "partner,revenue,days\nacme,\"$455,000\",6\nBeta Works,\"1,000\",\n", ["2026-Q4", "--date", "2027-01-14"])
        #expect(result.status == 0, "\(result.stderr)")
        let acme = try file(folder, "acme"), beta = try file(folder, "beta")
        let added = "  - quarter: 2026-Q4\n    date: 2027-01-14\n    metrics: { revenue: 455000, days: 6 }\n"
        #expect(acme == acmeBefore.replacingOccurrences(of: "    next_review: 2027-01-14\n", with: "    next_review: 2027-01-14\n" + added))
        #expect(beta == betaBefore + "\nreviews:\n  - quarter: 2026-Q4\n    date: 2027-01-14\n    metrics: { revenue: 1000 }",
                "a file without a final line break keeps none")
        // The result loads, and the charters are still signed.
        let check = try Binary.run(["check", "--content", "."], in: folder.url)
        #expect(!check.stdout.contains("signature.stale"))
        #expect(check.stdout.contains("0 errors"))
        #expect(result.stdout.contains("recorded 2026-Q4 for 2 partners"))
    }

    @Test func aLongExportFillsAnExistingReview() throws {
        let folder = content()
        let before = try file(folder, "acme")
        let result = try run(folder, "partner,metric,value\nAcme Cloud,revenue,420000\nacme,days,6\n", ["2026-Q3", "--replace"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try file(folder, "acme") == before.replacingOccurrences(of: "metrics: { revenue: 410000, days: 7 }",
                                                                          with: "metrics: { revenue: 420000, days: 6 }"))
    }

    @Test func oneBadRowChangesNothingAndNamesTheRow() throws {
        let folder = content()
        let before = try file(folder, "acme")
        let result = try run(folder, "partner,metric,value\nacme,revenue,455000\nacme,dayz,6\n", ["2026-Q4"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("q.csv:3:6: error: Acme Cloud has no metric 'dayz'"))
        #expect(result.stdout.contains("did you mean 'days'?"))
        #expect(result.stdout.contains("[record.unknown-metric]"))
        #expect(result.stderr.contains("nothing was written"))
        #expect(try file(folder, "acme") == before)
    }

    @Test func anExistingValueNeedsReplace() throws {
        let folder = content()
        let before = try file(folder, "acme")
        let result = try run(folder, "partner,revenue\nacme,1\n", ["2026-Q3"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("q.csv:2:6: error: Acme Cloud already has revenue: 410000 for 2026-Q3, not 1; pass --replace"))
        #expect(try file(folder, "acme") == before)
    }

    @Test func unknownPartnersAndBadValuesAreAllReported() throws {
        let folder = content()
        let result = try run(folder, "partner,revenue\nacmee,1\nbeta,lots\n", ["2026-Q4"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("q.csv:2:1: error: no partner with ID, name or alias 'acmee'; did you mean 'acme'? (or add it to that partner's aliases) [record.unknown-partner]"))
        #expect(result.stdout.contains("q.csv:3:6: error: 'lots' is not a number"))
    }

    @Test func dryRunPrintsTheDiffAndWritesNothing() throws {
        let folder = content()
        let before = try file(folder, "acme")
        let result = try run(folder, "partner,revenue\nacme,500\n", ["2026-Q4", "--dry-run"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("would update ./partners/acme.yaml: added the 2026-Q4 review of Acme Cloud: revenue: 500"))
        #expect(result.stdout.contains("+  - quarter: 2026-Q4\n+    metrics: { revenue: 500 }"))
        #expect(try file(folder, "acme") == before)
    }

    @Test func aSyntaxErrorPointsIntoTheCSV() throws {
        let result = try run(content(), "partner,revenue\nacme,\"12\n", ["2026-Q4"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("q.csv:2:6: error: a quoted field is not closed"))
    }
}

/// Where `record` puts values in the shapes a partner file can have.
@Suite struct ReviewWriterTests {
    private func record(_ yaml: String, quarter: String = "2026-Q3", _ values: [(String, Double)], date: Day? = nil) throws -> String {
        let context = LoadContext(file: "partners/x.yaml", calendar: .calendarYear)
        let root = try #require(YAMLFile.parse(Data(yaml.utf8), context: context))
        return try ReviewWriter.recording(values.map { ReviewWriter.Value(metric: $0.0, number: $0.1) },
                                          period: Period(quarter)!, date: date, in: yaml, root: root)
    }

    @Test func blockMetricsGetANewLineAndInPlaceReplacements() throws {
        let yaml = "reviews:\n  - quarter: 2026-Q3\n    metrics:\n      revenue: 10   # from billing\n    next_review: 2027-01-14\n"
        #expect(try record(yaml, [("revenue", 12), ("days", 7)])
                == "reviews:\n  - quarter: 2026-Q3\n    metrics:\n      revenue: 12   # from billing\n      days: 7\n    next_review: 2027-01-14\n")
    }

    @Test func aReviewWithoutMetricsGetsThem() throws {
        let yaml = "reviews:\n  - quarter: 2026-Q3\n    date: 2026-10-08\n\nsignatures: []\n"
        #expect(try record(yaml, [("revenue", 1.5)])
                == "reviews:\n  - quarter: 2026-Q3\n    date: 2026-10-08\n    metrics: { revenue: 1.5 }\n\nsignatures: []\n")
    }

    @Test func flowReviewsAndEmptyMappings() throws {
        #expect(try record("reviews: [ { quarter: 2026-Q3 } ]\n", [("a", 1)]) == "reviews: [ { quarter: 2026-Q3, metrics: { a: 1 } } ]\n")
        #expect(try record("reviews:\n  - { quarter: 2026-Q3, metrics: {} }\n", [("a", 1)])
                == "reviews:\n  - { quarter: 2026-Q3, metrics: { a: 1 } }\n")
        #expect(try record("reviews:\n  - quarter: 2026-Q3\n    metrics:   # later\n", [("a", 1)])
                == "reviews:\n  - quarter: 2026-Q3\n    metrics: { a: 1 }   # later\n")
    }

    @Test func aNewReviewGoesAtTheEndOfTheList() throws {
        let yaml = "name: X\r\nreviews:\r\n- quarter: 2026-Q2\r\n  metrics: { a: 1 }\r\n# done\r\n"
        #expect(try record(yaml, [("a", 2)], date: Day("2026-10-01"))
                == "name: X\r\nreviews:\r\n- quarter: 2026-Q2\r\n  metrics: { a: 1 }\r\n- quarter: 2026-Q3\r\n  date: 2026-10-01\r\n  metrics: { a: 2 }\r\n# done\r\n")
        #expect(try record("name: X\nreviews: []\n", [("a", 2)]) == "name: X\nreviews:\n  - quarter: 2026-Q3\n    metrics: { a: 2 }\n")
    }

    @Test func quotedValuesAreReplacedWhole() throws {
        #expect(try record("reviews:\n  - { quarter: 2026-Q3, metrics: { a: \"1,000\", b: 2 } }\n", [("a", 5)])
                == "reviews:\n  - { quarter: 2026-Q3, metrics: { a: 5, b: 2 } }\n")
    }
}
