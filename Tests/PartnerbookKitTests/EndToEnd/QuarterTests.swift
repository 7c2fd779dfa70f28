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

/// One quarter end to end, as a partnerships lead runs it: plan the review,
/// record the CRM numbers before the meeting, build, hold the meeting, record
/// the rest, build again; every document says the right thing at each step.
@Suite struct QuarterTests {
    typealias F = Fixtures

    static let program = F.program + """

    outcomes:
      - { quarter: 2026-Q3, revenue: 2000000 }
      - { quarter: 2026-Q4, revenue: 2500000 }
    """

    /// The fixture with revenue counted per quarter and the 2026-Q4 review planned ahead.
    static let planned = F.signed(F.partnerBody
        .replacingOccurrences(of: "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }",
                              with: "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2, counts_toward: partner_revenue, period: quarter }")
        .replacingOccurrences(of: "    metrics: { revenue: 410000, days: 7 }\n",
                              with: "    metrics: { revenue: 410000, days: 7 }\n    risks:\n      - { risk: Q3 risk, owner: Sam Okafor, action: Watch it }\n")
        + """

          - quarter: 2026-Q4
            date: 2027-01-14
            attendees: [ Dana Ruiz, Sam Okafor, Helen Brandt ]
            objectives: [ Agree the 2027 plan ]
            next_review: 2027-04-15
        """)

    private func run(_ folder: TemporaryFolder, _ arguments: [String]) throws -> Binary.Result {
        let result = try Binary.run(arguments, in: folder.url)
        #expect(result.status == 0, "\(arguments): \(result.stdout)\(result.stderr)")
        return result
    }

    private func read(_ folder: TemporaryFolder, _ path: String) throws -> String {
        try String(contentsOf: folder.url.appendingPathComponent("out/" + path), encoding: .utf8)
    }

    @Test func aWholeQuarter() throws {
        #expect(Self.planned.contains("risk: Q3 risk") && Self.planned.contains("quarter: 2026-Q4"), "the content is as described")
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", Self.program)
        folder.write("content/partners/acme.yaml", Self.planned)
        let build = ["build", "--content", "content", "--output", "out", "--templates", TestBuild.templates.path]

        // 1 December: the CRM numbers for the quarter so far go into the planned review, before the meeting.
        folder.write("q4.csv", "Partner,Revenue\nACME CLOUD,\"$300,000\"\n")
        _ = try run(folder, ["record", "2026-Q4", "--from", "q4.csv", "--content", "content", "--date", "2027-01-12"])
        let recorded = try String(contentsOf: folder.url.appendingPathComponent("content/partners/acme.yaml"), encoding: .utf8)
        #expect(recorded.contains("    date: 2027-01-14\n    attendees: [ Dana Ruiz, Sam Okafor, Helen Brandt ]\n    objectives: [ Agree the 2027 plan ]\n    next_review: 2027-04-15\n    metrics: { revenue: 300000 }\n"),
                "the planned review keeps its date, attendees, objectives and next review")
        _ = try run(folder, build + ["--as-of", "2026-12-01"])
        let page = try read(folder, "partners/acme/index.html")
        #expect(page.contains("QBR packet 2026-Q4</a>, prepared for the review on 14 January 2027"))
        #expect(!page.contains("review held 14 January 2027"), "a planned review is not held, whatever numbers it holds")
        let packet = try read(folder, "partners/acme/qbr/2026-Q4.md")
        #expect(packet.contains("**Prepared before the review.** This packet carries the latest data, including the numbers recorded for 2026-Q4 ahead of the meeting"))
        #expect(packet.contains("| Metric | Prepared for 2026-Q4 | Last quarter (2026-Q3) |"))
        #expect(packet.contains("| Revenue | $300,000 (2026-Q4, quarter in progress) | $410,000 |"), "each reading with its period and age")
        #expect(packet.contains("| 14 January 2027 |"))
        #expect(packet.contains("**Attendees (proposed):** Dana Ruiz, Sam Okafor, Helen Brandt"))
        #expect(packet.contains("| Q3 risk | Sam Okafor | Watch it |"), "open risks are the latest held review's")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out/partners/acme/qbr/2027-Q1.md").path))
        #expect(try read(folder, "partners/acme/qbr/2026-Q4-brief.md").contains("Agree the 2027 plan"))
        let calendar = try read(folder, "program/reviews.ics").replacingOccurrences(of: "\r\n ", with: "")
        #expect(calendar.contains("UID:review-acme-2026-Q4@partnerbook.invalid\r\nDTSTAMP:20261201T000000Z\r\nDTSTART;VALUE=DATE:20270114\r\n"))
        let scorecard = try read(folder, "program/scorecard.md")
        #expect(scorecard.contains("In 2026-Q3, the last quarter finished, partners brought $410,000 (from 1 partner), 20.5% of company revenue"),
                "the quarter in progress is never the headline")
        #expect(scorecard.contains("2026-Q4 is in progress and is judged once it ends."))
        let kpis = try read(folder, "partners/acme/scorecard.md")
        #expect(kpis.contains("| $300,000 (2026-Q4, quarter in progress) |"))

        // 20 January: the meeting was held on 14 January; the rest of the numbers are recorded.
        folder.write("q4.csv", "partner,metric,value\nacme,revenue,\"455,000\"\nacme,days,6\n")
        let replace = try Binary.run(["record", "2026-Q4", "--from", "q4.csv", "--content", "content"], in: folder.url)
        #expect(replace.status == 1 && replace.stdout.contains("already has revenue: 300000 for 2026-Q4, not"))
        _ = try run(folder, ["record", "2026-Q4", "--from", "q4.csv", "--content", "content", "--replace"])
        _ = try run(folder, build + ["--as-of", "2027-01-20"])
        let after = try read(folder, "partners/acme/index.html")
        #expect(after.contains("QBR packet 2026-Q4</a>, review held 14 January 2027"))
        #expect(after.contains("QBR packet 2027-Q1</a>, prepared for the review on 15 April 2027"))
        let held = try read(folder, "partners/acme/qbr/2026-Q4.md")
        #expect(held.contains("| Metric | This quarter (2026-Q4) | Last quarter (2026-Q3) |"))
        #expect(held.contains("| Revenue | $455,000 (2026-Q4, 14 days old) | $410,000 |"), "aged on the review's day, 14 January")
        let next = try read(folder, "partners/acme/qbr/2027-Q1.md")
        #expect(next.contains("| 15 April 2027 |"))
        let headline = try read(folder, "program/scorecard.md")
        #expect(headline.contains("In 2026-Q4, the last quarter finished, partners brought $455,000 (from 1 partner), 18.2% of company revenue of $2,500,000"))
        let nextCalendar = try read(folder, "program/reviews.ics").replacingOccurrences(of: "\r\n ", with: "")
        #expect(nextCalendar.contains("UID:review-acme-2027-Q1@partnerbook.invalid\r\nDTSTAMP:20270120T000000Z\r\nDTSTART;VALUE=DATE:20270415\r\n"))
    }
}
