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

/// The charter is shared with the partner: none of our ours assessment
/// may be in it, checked by value, not by heading.
@Suite struct CharterAudienceTests {
    @Test func noChartersCarryInternalValues() throws {
        let site = try SitePagesTests.exampleSite()
        let content = try ContentLoader.load(from: Binary.repository.appendingPathComponent("Content"))
        let check = try Check.program(.test(Binary.repository.appendingPathComponent("Content"), asOf: nil, today: Fixtures.asOf, strict: false))
        for partner in content.partners {
            let assessment = PartnerAssessment(partner, program: content.program, asOf: check.asOf,
                                               signatures: SignatureState(partner, frame: content.program.charterFrame(template: CharterWording.builtIn)))
            var ours: [String] = []
            if let evidence = partner.leverage?.evidence?.value { ours.append(Trim.whitespace(evidence).components(separatedBy: "\n")[0]) }
            if let type = partner.leverage?.type?.value { ours.append("\(type.label) leverage") }
            // Our reasoning (section 20): the summary and the answer to "would both sides still do this if the other walked?".
            for text in [partner.summary?.value, partner.charter?.valueExchange?.balance?.value].compactMap({ $0 }) {
                ours.append(String(Trim.whitespace(text).components(separatedBy: "\n")[0].prefix(60)))
            }
            ours.append(assessment.leverage.strength.rawValue == "none" ? "No leverage identified" : "(\(assessment.leverage.strength.rawValue))")
            ours.append("Health \(assessment.health.total)")
            ours.append("\(assessment.health.total) / 100")
            ours += assessment.tierDecision.map { [$0.reason] } ?? []
            ours += check.report.diagnostics.filter { $0.file == partner.file }.map(\.message)
            for review in partner.reviews?.items ?? [] {
                ours += review.risks.compactMap { $0.risk?.value } + review.objectives.map(\.value)
            }
            for path in ["partners/\(partner.id)/charter.md", "partners/\(partner.id)/charter.html"] {
                let charter = try #require(site[path])
                for value in ours where !value.isEmpty {
                    #expect(!charter.contains(value), "\(path) shows the internal value \(value)")
                }
            }
        }
    }

    @Test func theCharterStillCarriesWhatBothSidesSign() throws {
        let charter = try #require(try SitePagesTests.exampleSite()["partners/acme-cloud/charter.md"])
        for part in ["## 1\\. Mutual goals", "## 2\\. Value exchange", "### Economic commitments", "**If the partnership fails**",
                     "## 3\\. Timeline", "**Go/no-go:**", "## 4\\. Measurement", "## 5\\. Governance", "## Signatures",
                     "$1.5M committed marketplace co-sell budget over two years"] {
            #expect(charter.contains(part), "\(part)")
        }
    }
}
