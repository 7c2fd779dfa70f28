import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules
/// The program's two measures by quarter as an SVG line chart: partner
/// revenue share and active partner rate, each with its target as a dashed
/// line in the same colour. The chart carries its own text alternative.
package struct OutcomesChart {
    var outcomes: ProgramOutcomes
    /// Quarters shown: the last eight with data.
    var quarters: [ProgramOutcomes.QuarterFigures] { Array(outcomes.quarters.suffix(8)) }

    private let width = 600.0, height = 280.0
    private let left = 56.0, right = 24.0, top = 64.0, bottom = 34.0, inset = 30.0
    private let shareColour = "#2b6cb0", activeColour = "#2f855a"

    var textAlternative: String {
        guard !quarters.isEmpty else { return "Program outcomes by quarter: no quarter has data yet." }
        let readings = quarters.map { q in
            "\(Format.quarter(q.quarter)): partner revenue share \(q.revenueShare.map(Format.percentage) ?? "not known"), active partner rate \(q.activeRate.map(Format.percentage) ?? "not known")"
        }
        return "Program outcomes by quarter. " + readings.joined(separator: "; ")
            + ". Targets: partner revenue share \(Format.percentage(outcomes.targets.partnerRevenueShare)), active partner rate \(Format.percentage(outcomes.targets.activePartnerRate))."
    }

    func svg() -> String {
        let series: [(name: String, colour: String, values: [Double?], target: Double)] = [
            ("partner revenue share", shareColour, quarters.map(\.revenueShare), outcomes.targets.partnerRevenueShare),
            ("active partner rate", activeColour, quarters.map(\.activeRate), outcomes.targets.activePartnerRate),
        ]
        let highest = (series.flatMap { $0.values.compactMap { $0 } } + series.map(\.target)).max() ?? 100
        var axis = TrendChart.Axis(low: 0, high: max(highest, 10))
        if highest <= 100 { axis.high = min(axis.high, 100) }
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func y(_ v: Double) -> Double { top + plotHeight * (1 - (v - axis.low) / (axis.high - axis.low)) }
        func x(_ i: Int) -> Double {
            quarters.count <= 1 ? left + plotWidth / 2
                : left + inset + (plotWidth - 2 * inset) * Double(i) / Double(quarters.count - 1)
        }
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(n(width)) \(n(height))" width="\(n(width))" height="\(n(height))" role="img" aria-labelledby="chart-title chart-desc" font-family="Helvetica, Arial, sans-serif" font-size="12">
        <title id="chart-title">Program outcomes by quarter</title>
        <desc id="chart-desc">\(xml(textAlternative))</desc>
        <rect x="0" y="0" width="\(n(width))" height="\(n(height))" fill="#ffffff"/>
        <text x="16" y="24" font-size="15" font-weight="bold" fill="#1a202c">Program outcomes by quarter</text>

        """
        for (index, s) in series.enumerated() {
            let ly = 44.0, lx = 16.0 + Double(index) * 300
            svg += "<line x1=\"\(n(lx))\" y1=\"\(n(ly))\" x2=\"\(n(lx + 24))\" y2=\"\(n(ly))\" stroke=\"\(s.colour)\" stroke-width=\"2.5\"/>\n"
            svg += "<text x=\"\(n(lx + 30))\" y=\"\(n(ly + 4))\" fill=\"#4a5568\">\(xml(s.name)), target \(xml(Format.percentage(s.target))) (dashed)</text>\n"
        }
        for tick in axis.ticks {
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(tick)))\" stroke=\"#e2e8f0\" stroke-width=\"1\"/>\n"
            svg += "<text x=\"\(n(left - 8))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\" fill=\"#4a5568\">\(xml(Format.percentage(tick)))</text>\n"
        }
        for s in series {
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(y(s.target)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(s.target)))\" stroke=\"\(s.colour)\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
        }
        if quarters.isEmpty {
            svg += "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(top + plotHeight / 2))\" text-anchor=\"middle\" fill=\"#4a5568\">No quarter has data yet</text>\n"
        }
        // Each value's label sits above its point, unless that would run
        // into the legend (a point at the top of the plot) or onto the other
        // series' label at the same quarter: then below its point.
        let series0 = series[0].values
        func labelY(_ series: Int, _ i: Int, _ v: Double) -> Double {
            let above = y(v) - 9, below = y(v) + 18
            let nearTop = above - 12 < top
            if series == 0 { return nearTop ? below : above }
            guard let other = series0[i], abs(y(other) - y(v)) < 18 else { return nearTop ? below : above }
            // Beside the first series' point: on the side its label is not on.
            let otherBelow = y(other) - 9 - 12 < top
            if !otherBelow { return below }
            return nearTop ? max(below, y(other) + 18) + 14 : above
        }
        for (index, s) in series.enumerated() {
            let points = s.values.enumerated().compactMap { i, v in v.map { (i, $0) } }
            if points.count > 1 {
                let path = points.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(n(x($0.element.0))) \(n(y($0.element.1)))" }
                svg += "<path d=\"\(path.joined(separator: " "))\" fill=\"none\" stroke=\"\(s.colour)\" stroke-width=\"2.5\"/>\n"
            }
            for (i, v) in points {
                svg += "<circle cx=\"\(n(x(i)))\" cy=\"\(n(y(v)))\" r=\"4\" fill=\"\(s.colour)\"/>\n"
                svg += "<text x=\"\(n(x(i)))\" y=\"\(n(labelY(index, i, v)))\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"\(s.colour)\">\(xml(Format.percentage(v)))</text>\n"
            }
        }
        for (i, q) in quarters.enumerated() {
            svg += "<text x=\"\(n(x(i)))\" y=\"\(n(height - 10))\" text-anchor=\"middle\" fill=\"#4a5568\">\(xml(q.quarter.description))</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }

    private func n(_ value: Double) -> String { svgNumber(value) }
}
