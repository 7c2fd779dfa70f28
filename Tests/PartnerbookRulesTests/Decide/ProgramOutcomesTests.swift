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

/// The program's two measures: partner revenue share and active partner rate (docs/outcomes.md).
@Suite struct ProgramOutcomesTests {
    typealias F = Fixtures

    /// The fixture, with revenue counting toward partner revenue.
    static let counted = F.partner(replacing: "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }",
                                   with: "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2, counts_toward: partner_revenue, period: quarter }")

    private func partner(_ yaml: String, id: String) throws -> Partner {
        try #require(F.load(yaml, id: id).0)
    }

    private func program(_ outcomes: String) throws -> Program {
        let context = LoadContext(file: "program.yaml", calendar: .calendarYear)
        let node = try #require(YAMLFile.parse(Data((F.program + "\n" + outcomes).utf8), context: context))
        return ProgramLoader.load(node, context: context)
    }

    @Test func shareIsPartnerRevenueOverCompanyRevenue() throws {
        let acme = try partner(Self.counted, id: "acme")
        let other = try partner(Self.counted.replacingOccurrences(of: "metrics: { revenue: 410000, days: 7 }",
                                                                   with: "metrics: { revenue: 90000, days: 7 }"), id: "other")
        let program = try program("outcomes:\n  - { quarter: 2026-Q3, revenue: 2000000 }\n  - { quarter: 2026-Q2, revenue: 1750000 }")
        let outcomes = ProgramOutcomes(program: program, partners: [acme, other], asOf: F.asOf)
        let q3 = try #require(outcomes.quarters.last)
        #expect(q3.quarter == Quarter("2026-Q3"))
        #expect(q3.partnerRevenue == 500_000)
        #expect(q3.contributors == 2)
        #expect(q3.revenueShare == 25)
        #expect(outcomes.quarters.first?.revenueShare == 40, "2026-Q2: 700,000 of 1,750,000")
        #expect(outcomes.targets.partnerRevenueShare == 35 && outcomes.targets.activePartnerRate == 70, "the playbook's defaults")
    }

    @Test func metricsNotMarkedDoNotCount() throws {
        let acme = try partner(F.partner, id: "acme")
        let outcomes = ProgramOutcomes(program: try program("outcomes: [ { quarter: 2026-Q3, revenue: 2000000 } ]"),
                                       partners: [acme], asOf: F.asOf)
        #expect(outcomes.headline?.partnerRevenue == 0)
        #expect(outcomes.headline?.revenueShare == 0)
    }

    @Test func activeMeansAReviewWithNumbersForTheQuarter() throws {
        let acme = try partner(F.partner, id: "acme")
        // Began in 2025 (crawl start) but its 2026-Q3 review reports no metric.
        let quiet = try partner(F.partner.replacingOccurrences(of: "metrics: { revenue: 410000, days: 7 }", with: "highlights: Nothing measured"),
                                id: "quiet")
        let outcomes = ProgramOutcomes(program: Program(), partners: [acme, quiet], asOf: F.asOf)
        let q3 = try #require(outcomes.quarters.first { $0.quarter == Quarter("2026-Q3") })
        #expect(q3.inProgram == 2)
        #expect(q3.active == 1)
        #expect(q3.activeRate == 50)
    }

    @Test func endedPartnershipsStopCountingFromTheirEndDate() throws {
        let acme = try partner(F.partner, id: "acme")
        let ended = try partner(F.partner.replacingOccurrences(of: "status: run", with: "status: ended\nended: 2026-08-15"), id: "gone")
        let outcomes = ProgramOutcomes(program: Program(), partners: [acme, ended], asOf: F.asOf)
        let q2 = try #require(outcomes.quarters.first { $0.quarter == Quarter("2026-Q2") })
        let q3 = try #require(outcomes.quarters.first { $0.quarter == Quarter("2026-Q3") })
        #expect(q2.inProgram == 2 && q2.active == 2, "still running at the end of 2026-Q2")
        #expect(q3.inProgram == 1 && q3.active == 1, "ended before the end of 2026-Q3, so out of it, review or not")
    }

    @Test func partnersCountFromWhenTheyBegan() throws {
        let acme = try partner(F.partner, id: "acme")
        // A prospect whose crawl starts next year is not in the program yet.
        let prospect = try partner(F.partnerBody.replacingOccurrences(of: "status: run", with: "status: prospect")
            .replacingOccurrences(of: "start: 2025-01-13", with: "start: 2027-01-11")
            .components(separatedBy: "reviews:")[0], id: "later")
        let outcomes = ProgramOutcomes(program: Program(), partners: [acme, prospect], asOf: F.asOf)
        #expect(outcomes.quarters.allSatisfy { $0.inProgram == 1 })
        #expect(ProgramOutcomes.beginDate(prospect) == Day("2027-01-11"))
        #expect(ProgramOutcomes.beginDate(acme) == Day("2025-01-08"), "its first signature came before the crawl start")
    }

    @Test func quartersAfterTheAsOfDateAreLeftOut() throws {
        let acme = try partner(F.partner, id: "acme")
        let outcomes = ProgramOutcomes(program: try program("outcomes: [ { quarter: 2027-Q1, revenue: 1 } ]"), partners: [acme],
                                       asOf: F.asOf)
        #expect(outcomes.quarters.map(\.quarter.description) == ["2026-Q2", "2026-Q3"])
    }
}
