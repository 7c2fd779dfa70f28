import Foundation
import Testing
@testable import PartnerbookRender
@testable import PartnerbookModel
@testable import PartnerbookRules

/// A listing kept in the build's store comes back with every value the
/// program pages read, and a line that is not one the build writes is not
/// read as a listing.
@Suite struct StoredListingTests {
    static let calendar = FiscalCalendar(startMonth: 2)

    /// Every kind of value, with text a line break, a tab, a colon, digits
    /// and letters beyond ASCII could confuse.
    static func listing() -> PartnerListing {
        let quarter = Quarter("FY2027-Q3", startMonth: 2)!
        var listing = PartnerListing(
            subject: AlertRanking.Subject(id: "acme", file: "partners/acme.yaml", name: "Acme: 12:34 Ltd.", tier: .strategic, status: .ended,
                                          endedOn: Day("2026-10-31")),
            outcome: ProgramOutcomes.Facts(name: "Acme", begun: Day("2024-02-01"), ended: nil, countsRevenue: true, quarters: [
                .init(quarter: quarter, revenue: 1_234_567.89, gap: nil, active: true, shown: true, ahead: true,
                      planned: [Day("2026-11-20")!, Day("2026-12-01")!]),
                .init(quarter: Quarter("FY2027-Q4", startMonth: 2)!, revenue: nil, gap: "no figure\tfor\nthe quarter", active: false,
                      shown: false),
            ]),
            funnel: PhaseFunnel.Facts(id: "acme", reached: [.crawl, .walk], crawlDays: 90, walkDays: nil, isOpen: false, isHandshake: true,
                                      isCoMarketingOnly: false),
            row: ProgramScorecardView.PartnerRow(name: "Acme", link: "partners/acme/scorecard.md", tier: "Tier 1", status: "ended",
                                                 health: -3, band: "Red", crawl: "go", walk: "pending", leverage: "Requirement",
                                                 verdict: "ended", handshake: true),
            record: DirectoryData.Record(id: "acme", name: "Åcme ✓", tier: nil, status: "ended", health: 0, band: "", signed: true,
                                         nextReview: nil, topAlert: DirectoryData.Alert(severity: "error", rule: "gate.overdue", message: "late:\n5 days"),
                                         page: "partners/acme/index.html"),
            events: [ReviewCalendar.Event(uid: "review-acme@x", day: Day("2027-01-15")!, summary: "QBR", description: "line one\nline two",
                                          link: "")])
        let restored = listing.restore(fragments: ["<li>card</li>\n", "| row |", "{\"id\":\"acme\"}"])
        #expect(restored)
        return listing
    }

    @Test func aListingComesBackWithEveryValue() throws {
        let original = Self.listing()
        let stored = try #require(original.encoded)
        let read = try #require(PartnerListing(stored: stored.text, fragments: stored.fragments, calendar: Self.calendar))
        #expect(read.subject == original.subject)
        #expect(read.outcome == original.outcome)
        #expect(read.outcome.quarters[0].ahead && read.outcome.quarters[0].planned.count == 2, "figures recorded ahead are kept")
        #expect(read.outcome.quarters[0].quarter.description == "FY2027-Q3" && read.outcome.quarters[0].revenue == 1_234_567.89)
        #expect(read.funnel == original.funnel)
        #expect(read.record.topAlert?.message == "late:\n5 days" && read.record.name == "Åcme ✓" && read.record.tier == nil)
        #expect(read.row.health == -3 && read.row.handshake)
        #expect(read.events.first?.description == "line one\nline two" && read.events.first?.day == Day("2027-01-15"))
        #expect(read.fragments == original.fragments)
        #expect(read.encoded?.text == stored.text, "written again, the same line")
    }

    @Test func aLineNotWrittenByThisBuildIsNotAListing() throws {
        let stored = try #require(Self.listing().encoded)
        let text = stored.text
        let broken = [
            "",
            "{\"subject\":{}}",
            String(text.dropLast()),
            text + "x",
            text.replacingOccurrences(of: "listing-1;", with: "listing-0;"),
            text.replacingOccurrences(of: "9:FY2027-Q3", with: "9:FY2027-Q9"),
            text.replacingOccurrences(of: "16:Acme: 12", with: "99999:Acme: 12"),
            text.replacingOccurrences(of: "16:Acme: 12", with: "-16:Acme: 12"),
        ]
        #expect(broken.allSatisfy { $0 != text }, "each line is broken")
        for line in broken {
            #expect(PartnerListing(stored: line, fragments: stored.fragments, calendar: Self.calendar) == nil, "\(line.prefix(40))")
        }
        #expect(PartnerListing(stored: text, fragments: [], calendar: Self.calendar) == nil, "fragments missing")
    }
}
