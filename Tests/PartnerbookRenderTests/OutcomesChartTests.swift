import Foundation
import Testing
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookRules
@testable import PartnerbookRender
import PartnerbookTestSupport

/// The program's outcomes chart: labels never print over the legend or over
/// each other, and a quarter without figures is no point at all.
@Suite struct OutcomesChartTests {
    private func outcomes(_ quarters: [ProgramOutcomes.QuarterFigures]) -> ProgramOutcomes {
        var outcomes = ProgramOutcomes(program: Program(), facts: [], asOf: Day("2027-01-08")!)
        outcomes.quarters = quarters
        return outcomes
    }

    private func figures(_ quarter: String, company: Double, partner: Double, active: Int, inProgram: Int) -> ProgramOutcomes.QuarterFigures {
        ProgramOutcomes.QuarterFigures(quarter: Quarter(quarter)!, companyRevenue: company, partnerRevenue: partner,
                                       contributors: partner > 0 ? 1 : 0, missing: [], inProgram: inProgram, active: active)
    }

    /// The y of each value label ("100%", …), from the SVG.
    private func labels(_ svg: String) -> [(text: String, y: Double)] {
        let pattern = try! NSRegularExpression(pattern: ##"<text x="[0-9.]+" y="([0-9.]+)" text-anchor="middle" font-weight="bold" fill="#[0-9a-f]+">([^<]+)</text>"##)
        return pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { match in
            (String(svg[Range(match.range(at: 2), in: svg)!]), Double(svg[Range(match.range(at: 1), in: svg)!])!)
        }
    }

    @Test func aFullRateLabelStaysBelowTheLegend() {
        let svg = OutcomesChart(outcomes: outcomes([figures("2026-Q3", company: 100, partner: 100, active: 2, inProgram: 2),
                                                    figures("2026-Q4", company: 100, partner: 100, active: 2, inProgram: 2)])).svg()
        let found = labels(svg)
        #expect(found.count == 4, "\(found)")
        // The legend's text sits at y 48; the plot starts at 64.
        #expect(found.allSatisfy { $0.y > 64 }, "\(found)")
        // Two 100% labels at one quarter never share a line.
        let q3 = found.enumerated().filter { $0.offset % 2 == 0 }.map(\.element.y)
        #expect(Set(found.map(\.y)).count >= 2, "\(found)")
        #expect(q3.count == 2)
    }

    @Test func aQuarterWithoutFiguresIsNoPoint() {
        let empty = ProgramOutcomes.QuarterFigures(quarter: Quarter("2026-Q4")!, companyRevenue: 100, partnerRevenue: 0,
                                                   contributors: 0, missing: [], inProgram: 3, active: 0)
        #expect(empty.revenueShare == nil && empty.activeRate == nil, "no figure, never 0%")
        let svg = OutcomesChart(outcomes: outcomes([figures("2026-Q3", company: 100, partner: 20, active: 1, inProgram: 2), empty])).svg()
        #expect(!labels(svg).contains { $0.text == "0%" })
    }
}
