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

/// A partner's revenue figure for a quarter, by the metric's period and
/// currency, and the program's headline quarter (SPEC section 15).
@Suite struct PartnerRevenueTests {
    typealias F = Fixtures

    private func program(_ extra: String) throws -> Program {
        let context = LoadContext(file: "program.yaml", calendar: .calendarYear)
        let node = try #require(YAMLFile.parse(Data((F.program + "\n" + extra).utf8), context: context))
        #expect(context.diagnostics.isEmpty, "\(context.diagnostics)")
        return ProgramLoader.load(node, context: context)
    }

    /// The fixture reviewed monthly, its revenue a metric of `period` in `unit`, with these month readings.
    private func monthly(_ period: String, unit: String = "USD", readings: [(String, Int)]) throws -> Partner {
        let reviews = readings.map { "  - month: \($0.0)\n    date: \($0.0)-28\n    metrics: { revenue: \($0.1) }\n" }.joined()
        let yaml = F.partnerBody
            .replacingOccurrences(of: "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }",
                                  with: "{ id: revenue, name: Revenue, unit: \(unit), target: 400000, weight: 2, counts_toward: partner_revenue, period: \(period) }")
            .replacingOccurrences(of: "review_cadence: quarterly", with: "review_cadence: monthly")
            .components(separatedBy: "reviews:")[0] + "reviews:\n" + reviews
        return try #require(F.load(yaml).0)
    }

    @Test func aRunningTotalCountsWhatTheQuarterAdded() throws {
        let partner = try monthly("to_date", readings: [("2026-03", 100), ("2026-06", 250), ("2026-09", 400), ("2026-11", 460)])
        let revenue = PartnerRevenue(partner, program: try program(""))
        #expect(revenue.figure(Quarter("2026-Q2")!) == .amount(150), "June's 250 less March's 100")
        #expect(revenue.figure(Quarter("2026-Q3")!) == .amount(150))
        #expect(revenue.figure(Quarter("2026-Q4")!) == .missing("no reading of revenue at the end of 2026-Q4"),
                "November is not the quarter's end: the quarter is not complete")
        #expect(revenue.figure(Quarter("2026-Q1")!) == .missing("no reading of revenue at the end of 2025-Q4 to subtract from the running total"),
                "begun in January 2025 (crawl start): there is no total to subtract")
    }

    @Test func monthFiguresAddUpAndAMissingMonthIsNamed() throws {
        let partner = try monthly("month", readings: [("2026-07", 10), ("2026-08", 20), ("2026-09", 30), ("2026-10", 5), ("2026-12", 7)])
        let revenue = PartnerRevenue(partner, program: try program(""))
        #expect(revenue.figure(Quarter("2026-Q3")!) == .amount(60))
        #expect(revenue.figure(Quarter("2026-Q4")!) == .missing("no 2026-11 reading of revenue"))
    }

    @Test func anotherCurrencyIsConvertedAtTheQuartersRate() throws {
        let partner = try monthly("to_date", unit: "EUR", readings: [("2026-06", 100), ("2026-09", 300), ("2026-12", 400)])
        let revenue = PartnerRevenue(partner, program: try program("exchange_rates: { EUR: 1.08, 2026-Q4: { EUR: 1.06 } }"))
        #expect(revenue.figure(Quarter("2026-Q3")!) == .amount(200 * 1.08), "the default rate")
        #expect(revenue.figure(Quarter("2026-Q4")!) == .amount(100 * 1.06), "the quarter's own rate")
        let noRate = PartnerRevenue(partner, program: try program(""))
        #expect(noRate.figure(Quarter("2026-Q3")!) == .missing("no exchange rate for EUR in 2026-Q3"))
    }

    @Test func theHeadlineIsTheLastFinishedQuarterAndMissingFiguresAreNamed() throws {
        let counted = try #require(F.load(F.partner(replacing: "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }",
                                                    with: "{ id: revenue, name: Revenue, unit: USD, target: 400000, weight: 2, counts_toward: partner_revenue, period: quarter }")).0)
        var silent = counted
        silent.id = "silent"
        silent.name = Located("Silent Partner", at: .start)
        silent.reviews?.items.removeLast()
        let p = try program("outcomes:\n  - { quarter: 2026-Q2, revenue: 1000000 }\n  - { quarter: 2026-Q3, revenue: 2000000 }\n  - { quarter: 2026-Q4, revenue: 100 }\n")
        // As of 15 December: 2026-Q4 is in progress, even with company revenue written for it.
        let outcomes = ProgramOutcomes(program: p, partners: [counted, silent], asOf: Day("2026-12-15")!)
        #expect(outcomes.inProgress == Quarter("2026-Q4"))
        #expect(outcomes.quarters.map(\.quarter) == [Quarter("2026-Q2")!, Quarter("2026-Q3")!])
        let headline = try #require(outcomes.headline)
        #expect(headline.quarter == Quarter("2026-Q3"))
        #expect(headline.partnerRevenue == 410_000, "Silent Partner's missing figure is not counted as zero...")
        #expect(headline.missing.map(\.name) == ["Silent Partner"], "...it is named")
        #expect(headline.missing.first?.reason == "no 2026-Q3 review")
        let answer = ProgramSummaryView.answer(outcomes, currency: "USD")
        #expect(answer.hasPrefix("In 2026-Q3, the last quarter finished, partners brought $410,000 (from 1 partner), 20.5% of company revenue of $2,000,000"))
        #expect(answer.contains("Not counted, for want of a figure: Silent Partner (no 2026-Q3 review)."))
        #expect(answer.hasSuffix("2026-Q4 is in progress and is judged once it ends."))
    }

    /// Section 21: figures recorded ahead of a planned review count the same
    /// way in the revenue and in the active-partner rate, and are counted as such.
    @Test func aPlannedReviewsNumbersCountInRevenueAndActivityAlike() throws {
        // The 2026-Q3 review is dated 8 October; as of 1 October it is planned, whatever numbers it holds.
        let counted = try #require(F.load(F.partner(replacing: "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }",
                                                    with: "{ id: revenue, name: Revenue, unit: USD, target: 400000, weight: 2, counts_toward: partner_revenue, period: quarter }")).0)
        let outcomes = ProgramOutcomes(program: try program(""), partners: [counted], asOf: Day("2026-10-01")!)
        let q3 = try #require(outcomes.quarters.last)
        #expect(q3.quarter == Quarter("2026-Q3"))
        #expect(q3.partnerRevenue == 410_000)
        #expect(q3.active == 1 && q3.inProgram == 1 && q3.ahead == 1)
    }
}

/// Held and planned reviews, and the packets they give.
@Suite struct ReviewCycleTests {
    typealias F = Fixtures

    @Test func aReviewDatedAfterTheAsOfDateIsPlannedWhateverItHolds() throws {
        let partner = try #require(F.load(F.partner).0)
        let before = Day("2026-10-01")!   // the 2026-Q3 review (with numbers) is dated 8 October
        #expect(QBRPlan.held(partner, asOf: before).map { $0.period!.value.description } == ["2026-Q2"])
        let upcoming = try #require(QBRPlan.upcoming(for: partner, asOf: before))
        #expect(upcoming.period == Period("2026-Q3"))
        #expect(upcoming.date == Day("2026-10-08"))
        #expect(upcoming.planned?.metrics.count == 2, "its numbers, recorded ahead, go into the prepared packet")
        #expect(QBRPlan.held(partner, asOf: Day("2026-10-08")!).count == 2, "on its date it is held")
    }

    @Test func monthlyReviewsGiveMonthlyPackets() throws {
        let partner = try #require(F.load(ReviewRulesTests.monthly).0)
        let packets = QBRPlan.packets(for: partner, asOf: F.asOf)
        #expect(packets.map(\.path) == ["qbr/2026-09", "qbr/2026-10", "qbr/2026-11"])
        #expect(packets.last?.isUpcoming == true)
    }
}
