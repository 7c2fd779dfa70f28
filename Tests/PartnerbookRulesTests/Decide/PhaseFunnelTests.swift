import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

@Suite struct PhaseFunnelTests {
    typealias F = Fixtures

    private func partner(_ yaml: String, id: String) throws -> Partner { try #require(F.load(yaml, id: id).0) }

    @Test func reachedConversionsAndMedians() throws {
        let run = try partner(F.partner, id: "a")                                                  // crawl 49 days, walk 77
        let walk = try partner(F.partner.replacingOccurrences(of: "status: run", with: "status: walk")
            .replacingOccurrences(of: "end: 2025-03-03", with: "end: 2025-03-10"), id: "b")        // crawl 56 days
        let crawl = try partner(F.partner.replacingOccurrences(of: "status: run", with: "status: crawl"), id: "c")
        let prospect = try partner(F.partner.replacingOccurrences(of: "status: run", with: "status: prospect"), id: "d")
        let funnel = PhaseFunnel(partners: [run, walk, crawl, prospect])
        #expect((funnel.reachedCrawl, funnel.reachedWalk, funnel.reachedRun) == (3, 2, 1))
        #expect(abs(try #require(funnel.crawlToWalk) - 200.0 / 3) < 1e-9)
        #expect(funnel.walkToRun == 50)
        #expect(funnel.crawlDays.sorted() == [49, 56], "only crawls that finished: the partner still in crawl is left out")
        #expect(funnel.medianCrawlDays == 52.5)
        #expect(funnel.walkDays == [77])
    }

    @Test func anEndedPartnershipReachedWhatItRecorded() throws {
        let failedCrawl = try partner(F.partner.replacingOccurrences(of: "status: run", with: "status: ended\nended: 2025-03-10")
            .replacingOccurrences(of: "  walk: { invited: 10, adopted: 8, decision: go }\n", with: ""), id: "e")
        let funnel = PhaseFunnel(partners: [failedCrawl])
        #expect(funnel.reachedCrawl == 1)
        #expect(funnel.reachedWalk == 0, "walk was planned to start on the day it ended, and nothing was recorded")
        #expect(funnel.crawlDays == [49], "an ended partnership's crawl is finished")
    }

    @Test func theatreCountsHandshakesAndCoMarketingOnlyOnce() throws {
        let handshake = try partner(F.partner.replacingOccurrences(of: "partner: [ Co-sell budget ]", with: "partner: []")
            .replacingOccurrences(of: "type: requirement", with: "type: co-marketing"), id: "h")
        let coMarketing = try partner(F.partner.replacingOccurrences(of: "type: requirement", with: "type: co-marketing"), id: "m")
        let real = try partner(F.partner, id: "r")
        let endedHandshake = try partner(F.partner.replacingOccurrences(of: "partner: [ Co-sell budget ]", with: "partner: []")
            .replacingOccurrences(of: "status: run", with: "status: ended"), id: "x")
        let funnel = PhaseFunnel(partners: [handshake, coMarketing, real, endedHandshake])
        #expect(funnel.handshakes == ["h"])
        #expect(funnel.coMarketingOnly == ["h", "m"])
        #expect(funnel.theatre == 2)
    }
}
