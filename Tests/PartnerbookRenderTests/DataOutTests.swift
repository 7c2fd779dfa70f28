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

/// `program/reviews.ics`, `partners.json` and `partners.csv`.
@Suite struct DataOutTests {
    typealias F = Fixtures

    private func files(_ partners: [String: String], program: String = F.program) throws -> [String: String] {
        try TestBuild.files(TemporaryFolder.content(partners, program: program))
    }

    /// A partner in crawl whose gate decision is due, beside the fixture (in run).
    static let inCrawl = F.signed(F.partnerBody.replacingOccurrences(of: "status: run", with: "status: crawl")
        .replacingOccurrences(of: "name: Acme Cloud", with: "name: Crawly, Inc; \"quoted\"")
        .replacingOccurrences(of: "result: 10, direction: down, decision: go", with: "result: 10, direction: down, decision: pending"),
        id: "crawly")

    @Test func theCalendarHasUpcomingReviewsAndGateDecisions() throws {
        let ics = try #require(try files(["acme": F.partner, "crawly": Self.inCrawl],
                                         program: F.program + "\nsite: { internal_url: \"https://partners.example/hub\", base_url: \"https://public.example/\" }\n")["program/reviews.ics"])
        #expect(!ics.contains("public.example"), "internal pages are linked on the internal host, never the public one")
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        for line in ics.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(line)") }
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("UID:review-acme-2026-Q4@partners.example\r\nDTSTAMP:20261120T000000Z\r\nDTSTART;VALUE=DATE:20270114\r\nDTEND;VALUE=DATE:20270115\r\nSUMMARY:QBR 2026-Q4: Acme Cloud\r\n"))
        #expect(unfolded.contains("URL:https://partners.example/hub/partners/acme/qbr/2026-Q4.html\r\n"))
        #expect(unfolded.contains("UID:gate-crawly-crawl@partners.example\r\nDTSTAMP:20261120T000000Z\r\nDTSTART;VALUE=DATE:20250303\r\n"))
        #expect(unfolded.contains("SUMMARY:Overdue go/no-go: crawl gate\\, Crawly\\, Inc\\; \"quoted\"\r\n"),
                "text escaped per RFC 5545; the crawl ended in 2025 with no decision, so the go/no-go is overdue")
        #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == 3, "two reviews and one gate")
    }

    @Test func theCalendarIsTheSameFromBuildToBuildAndQuietForEndedPartners() throws {
        let ended = F.partner.replacingOccurrences(of: "status: run", with: "status: ended")
        let first = try files(["acme": F.partner, "gone": ended])["program/reviews.ics"]
        let second = try files(["acme": F.partner, "gone": ended])["program/reviews.ics"]
        #expect(first == second)
        #expect(first?.contains("gone") == false)
        #expect(first?.contains("UID:review-acme-2026-Q4@partnerbook.invalid") == true, "no base_url: a reserved host")
    }

    @Test func theDirectoryAsJSON() throws {
        let json = try #require(try files(["acme": F.partner, "crawly": Self.inCrawl + "\nunknown_key: 1\n"])["program/partners.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["as_of"] as? String == "2026-11-20")
        let partners = try #require(object["partners"] as? [[String: Any]])
        #expect(partners.map { $0["id"] as? String } == ["acme", "crawly"])
        let acme = partners[0]
        #expect(acme["name"] as? String == "Acme Cloud")
        #expect(acme["tier"] as? String == "strategic" && acme["status"] as? String == "run")
        #expect(acme["health"] as? Int == 92 && acme["band"] as? String == "green")
        #expect(acme["signed"] as? Bool == true)
        #expect(acme["next_review"] as? String == "2027-01-14")
        #expect(acme["top_alert"] is NSNull)
        // A go/no-go overdue (a decision due, a notice) ranks above a warning about the file.
        let alert = try #require(partners[1]["top_alert"] as? [String: Any])
        #expect(alert["rule"] as? String == "phase.overrun" && alert["severity"] as? String == "notice")
        #expect((alert["message"] as? String)?.hasPrefix("crawl was planned to end on 2025-03-03 and its go/no-go is still pending") == true)
    }

    /// `partners.json` is written field by field (for speed): byte for byte
    /// what `JSONEncoder` writes, for no partner, for a partner with every
    /// optional missing, and for texts holding every control character,
    /// quotes, backslashes, slashes, DEL, line separators and non-ASCII.
    @Test func theDirectoryJSONWriterWritesWhatJSONEncoderWrites() {
        var every = ""
        for value in 0..<0x80 { every.unicodeScalars.append(Unicode.Scalar(value)!) }
        every += "\u{2028}\u{2029}é😀 a/b \\ \""
        let alert = DirectoryData.Alert(severity: "warning", rule: "x.y", message: every)
        let records = [
            DirectoryData.Record(id: "a", name: every, tier: "strategic", status: "run", health: 92, band: "green", signed: true,
                                 nextReview: "2027-01-14", topAlert: alert, page: "partners/a/index.html"),
            DirectoryData.Record(id: "b\u{0}", name: "", tier: nil, status: nil, health: -3, band: "", signed: false,
                                 nextReview: nil, topAlert: nil, page: every),
        ]
        // Enough records for several pieces of `TextPieces`, each cut after a record.
        let many = (0..<1_500).map { records[$0 % 2] }
        for partners in [[], [records[0]], [records[1]], records, many] {
            let data = DirectoryData(document: DirectoryData.Document(program: every, asOf: "2026-11-20", partners: partners))
            #expect(data.jsonTexts().joined() == data.jsonEncoded(), "\(partners.count) partners")
        }
    }

    /// Names an attacker would write, each a YAML double-quoted scalar.
    static let hostileNames = [
        "\"Harmless\\r\\n=2+3\\r\\n@SUM(6+7)\"", "\"Line\\rbreak\"", "\"Quote\\\" then \\u0301 mark\"",
        "\"|\\u0301 pipe\"", "\"-1+2\"", "\"Acme, \\\"Cloud\\\"\"", "\"\\tTabbed\"",
    ]

    @Test func csvFieldsWithLineBreaksAndFormulasReadBackWhole() throws {
        for yaml in Self.hostileNames {
            let context = LoadContext(file: "x.yaml", calendar: .calendarYear)
            let name = try #require(YAMLFile.parse(Data("n: \(yaml)\n".utf8), context: context)?["n"]?.text)
            #expect(CSVFieldCheck.roundTrip(name) == nil, "\(name.debugDescription)")
        }
        // The attack as the review ran it: CR LF inside a name, then live formulas on new rows.
        #expect(DirectoryData.csvField("Harmless\r\n=2+3\r\n@SUM(6+7)") == "\"Harmless\r\n=2+3\r\n@SUM(6+7)\"")
    }

    @Test func pythonsCSVReaderReadsTheSamePartnersAsTheJSON() throws {
        var partners: [String: String] = [:]
        for (index, yaml) in Self.hostileNames.enumerated() {
            partners["p\(index)"] = F.signed(F.partnerBody.replacingOccurrences(of: "name: Acme Cloud", with: "name: \(yaml)"), id: "p\(index)")
        }
        let folder = TemporaryFolder.content(partners)
        let out = try TestBuild.files(folder)
        let data = TemporaryFolder()
        data.write("partners.csv", try #require(out["program/partners.csv"]))
        data.write("partners.json", try #require(out["program/partners.json"]))
        let script = """
        import csv, json, sys
        rows = list(csv.DictReader(open("partners.csv", newline="", encoding="utf-8")))
        names = {p["id"]: p["name"] for p in json.load(open("partners.json", encoding="utf-8"))["partners"]}
        for r in rows:
            name = r["name"][1:] if r["name"][:1] == "'" and names[r["id"]][:1] in "=+-@\\t\\r\\n" else r["name"]
            assert name == names[r["id"]], (r["id"], r["name"], names[r["id"]])
        assert [r["id"] for r in rows] == sorted(names), [r["id"] for r in rows]
        print(len(rows))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        process.currentDirectoryURL = data.url
        let pipe = Pipe(), errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))")
        #expect(printed == "\(Self.hostileNames.count)\n", "one row per partner, no row made by a line break")
    }

    @Test func theDirectoryAsCSVIsRFC4180AndFormulaSafe() throws {
        let hostile = F.signed(F.partnerBody.replacingOccurrences(of: "name: Acme Cloud", with: "name: \"=HYPERLINK(\\\"x\\\")\""))
        let csv = try #require(try files(["evil": hostile])["program/partners.csv"])
        let table = try CSVTable(text: csv).records.map { $0.map(\.text) }
        #expect(table[0] == DirectoryData.csvColumns)
        #expect(table[1][0] == "evil")
        #expect(table[1][1] == "'=HYPERLINK(\"x\")", "a spreadsheet must not run it")
        #expect(csv.contains("\r\n"))
    }

    /// The calendar's escaping and folding, done on bytes, against the rule
    /// they implement, written out per Unicode scalar.
    @Test func calendarTextIsEscapedAndFoldedAsTheRFCSays() {
        func escapedByScalar(_ value: String) -> String {
            var out = ""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\\": out += "\\\\"
                case ";": out += "\\;"
                case ",": out += "\\,"
                case "\n": out += "\\n"
                case "\r": continue
                default: if scalar.value < 0x20 { out += " " } else { out.unicodeScalars.append(scalar) }
                }
            }
            return out
        }
        func foldedByScalar(_ line: String) -> String {
            var out = "", count = 0
            for scalar in line.unicodeScalars {
                let size = UTF8.width(scalar)
                if count + size > 75 {
                    out += "\r\n "
                    count = 1
                }
                out.unicodeScalars.append(scalar)
                count += size
            }
            return out
        }
        let values = ["", "plain", "a, b; c\\d", "line\r\nnext\tend", "Café, Zürich; 東京\n🙂",
                      String(repeating: "é", count: 60), String(repeating: "a", count: 74) + "東京🙂" + String(repeating: "ü,", count: 50),
                      "DESCRIPTION:" + String(repeating: "Quarterly review of 2026-Q4 with Crawly\\, Inc (gold, walk). ", count: 4)]
        for value in values {
            #expect(ReviewCalendar.text(value) == escapedByScalar(value), "\(value)")
            let line = "SUMMARY:" + ReviewCalendar.text(value)
            #expect(ReviewCalendar.fold(line) == (line.utf8.count <= 75 ? line : foldedByScalar(line)), "\(value)")
            for part in ReviewCalendar.fold(line).components(separatedBy: "\r\n") { #expect(part.utf8.count <= 75) }
        }
    }
}
