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

/// Section 21 on the example: built before Acme's 2026-Q4 review (planned
/// for 14 January 2027, its numbers recorded ahead), on its day and 30 days
/// after, each packet and the program headline say what is true that day;
/// and no packet of any of the three builds carries anything of ours.
@Suite(.serialized) struct ExampleAsOfTests {
    static let dates = ["2027-01-08", "2027-01-14", "2027-02-13"]

    /// The example built at each date, Markdown documents by path.
    static let builds: Result<[String: [String: String]], Error> = Result {
        var out: [String: [String: String]] = [:]
        for date in dates {
            let folder = TemporaryFolder()
            let result = try Binary.run(["build", "--as-of", date, "--content", Binary.repository.appendingPathComponent("Content").path,
                                         "--templates", Binary.repository.appendingPathComponent("Templates").path,
                                         "--output", folder.url.appendingPathComponent("out").path], in: Binary.repository)
            guard result.status == 0 else { throw Failure(text: result.stderr) }
            let root = folder.url.appendingPathComponent("out")
            var files: [String: String] = [:]
            for path in OutputWriter.filesBelow(root) where path.hasSuffix(".md") || path.hasSuffix("index.html") {
                files[path] = String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
            }
            out[date] = files
        }
        return out
    }
    struct Failure: Error { var text: String }

    private func files(_ date: String) throws -> [String: String] { try #require(try Self.builds.get()[date]) }

    @Test func beforeTheReviewThePacketIsPreparedAndTheHeadlineSaysSo() throws {
        let all = try files("2027-01-08")
        let packet = try #require(all["partners/acme-cloud/qbr/2026-Q4.md"])
        #expect(packet.contains("> **Prepared before the review.**") && packet.contains("numbers recorded for 2026-Q4 ahead of the meeting"))
        #expect(packet.contains("| Partner-sourced revenue per quarter | $455,000 (2026-Q4, 8 days old) |"))
        #expect(all["partners/acme-cloud/qbr/2027-Q1.md"] == nil, "one packet ahead")
        let home = try #require(all["index.html"])
        #expect(home.contains("The active partner rate was 80% (4 of 5 in the program)"))
        #expect(home.contains("Both include the figures of 1 partner recorded ahead of a review still planned."))
        #expect(try #require(all["partners/harbor-payments/qbr/2026-Q3.md"]).contains("> **Overdue since 15 October 2026.**"))
    }

    @Test func onItsDayTheReviewIsHeld() throws {
        let all = try files("2027-01-14")
        let packet = try #require(all["partners/acme-cloud/qbr/2026-Q4.md"])
        #expect(!packet.contains("Prepared before the review") && !packet.contains("Overdue"))
        #expect(packet.contains("| Metric | This quarter (2026-Q4) |"))
        #expect(packet.contains("Readings are as of 14 January 2027."))
        #expect(try #require(all["partners/acme-cloud/qbr/2027-Q1.md"]).contains("> **Prepared before the review.**"))
        let home = try #require(all["index.html"])
        #expect(home.contains("The active partner rate was 80% (4 of 5 in the program)"))
        #expect(!home.contains("recorded ahead of a review still planned"), "Acme's figures are a held review's now")
    }

    @Test func thirtyDaysAfterTheHeldPacketStillReadsAsOfItsDay() throws {
        let all = try files("2027-02-13")
        let packet = try #require(all["partners/acme-cloud/qbr/2026-Q4.md"])
        #expect(packet.contains("Readings are as of 14 January 2027."), "a held packet is as of its review, not of the build")
        #expect(packet.contains("| Partner-sourced revenue per quarter | $455,000 (2026-Q4, 14 days old) |"))
        let next = try #require(all["partners/acme-cloud/qbr/2027-Q1.md"])
        #expect(next.contains("Readings are as of 13 February 2027."))
        #expect(try #require(all["partners/harbor-payments/qbr/2026-Q3.md"]).contains("> **Overdue since 15 October 2026.**"))
    }

    /// Nothing of ours in any packet of the three builds: internal risks,
    /// the run's return, health, leverage, our summary and reasoning.
    @Test func noPacketCarriesAnythingOfOurs() throws {
        let content = try ContentLoader.load(from: Binary.repository.appendingPathComponent("Content"))
        var ours = ["ROI", "returned on", "/ 100", "leverage", "Leverage"]
        for partner in content.partners {
            for text in [partner.summary?.value, partner.leverage?.evidence?.value, partner.charter?.valueExchange?.balance?.value].compactMap({ $0 }) {
                ours.append(String(Trim.whitespace(text).components(separatedBy: "\n")[0].prefix(50)))
            }
            for review in partner.reviews?.items ?? [] {
                ours += review.risks.filter(\.isInternal).compactMap { $0.risk?.value }
            }
        }
        #expect(ours.contains("Competitor courting Acme's marketplace team"), "the example has an internal risk")
        var packets = 0
        for date in Self.dates {
            for (path, text) in try files(date) where path.contains("/qbr/") && !path.hasSuffix("-brief.md") {
                packets += 1
                for marker in ours {
                    #expect(!text.contains(marker), "\(date) \(path) carries \(marker)")
                }
                #expect(text.range(of: #"Health \d"#, options: .regularExpression) == nil, "\(date) \(path) carries a health score")
            }
        }
        #expect(packets > 40)
    }
}
