import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules
/// An SVG line chart of one metric over its last quarters (or months), with
/// the target as a dashed line and, for a metric with a due date, the pace
/// line (the value expected on each reading's date) dotted. Every value is
/// escaped for XML; the chart carries its own text alternative (`<title>`
/// and `<desc>`), and documents repeat it as the image's alt text.
package struct TrendChart {
    var title: String
    var unit: String?
    var target: Double?
    var points: [KPIReading.Point]
    /// The straight line to a dated target, if the metric has one.
    var pace: Pace?
    /// The date the chart is drawn for: a reading of a period not yet over is as of it.
    var asOf: Day
    /// The decimal places the metric's numbers are written with (`KPIReading.precision`).
    var precision: Int = 0

    /// Where the pace line is on each reading's date.
    private var paceValues: [Double] {
        guard let pace else { return [] }
        return points.map { pace.expected(on: KPIReading.asOfDay($0.period, asOf: asOf)) }
    }

    /// The sentence a screen reader gets, and the alt text in documents.
    var textAlternative: String {
        let readings = points.map { "\($0.period): \(Format.value($0.value, unit: unit))" }
        let by = points.last?.period.isMonth == true ? "month" : "quarter"
        var text = "\(title) by \(by). " + (readings.isEmpty ? "No readings yet." : readings.joined(separator: "; ") + ".")
        if let target { text += " Target: \(Format.value(target, unit: unit))" + (pace.map { " by \(Format.date($0.due))" } ?? "") + "." }
        if let pace, let last = points.last {
            let day = KPIReading.asOfDay(last.period, asOf: asOf)
            text += " Pace: \(Format.expected(pace.expected(on: day), decimals: precision, unit: unit)) expected by \(Format.date(day)), the date of the \(last.period) reading."
        }
        return text
    }

    static let width = 600.0, height = 250.0
    private let width = TrendChart.width, height = TrendChart.height
    private let left = 84.0, right = 24.0, inset = 30.0

    /// The chart alone, as its own SVG document.
    func svg() -> String {
        TrendPanels.document(title: title, description: textAlternative, panels: [self])
    }

    /// The chart's drawing, `offset` points down from the top of the SVG it sits in.
    func panel(offset: Double) -> String {
        let top = offset + 52.0, bottom = offset + height - 34.0
        let values = points.map(\.value) + (target.map { [$0] } ?? []) + paceValues
        let axis = Axis(low: min(values.min() ?? 0, 0), high: max(values.max() ?? 1, 0))
        let plotWidth = width - left - right, plotHeight = bottom - top
        func y(_ v: Double) -> Double { top + plotHeight * (1 - (v - axis.low) / (axis.high - axis.low)) }
        func x(_ i: Int) -> Double {
            points.count <= 1 ? left + plotWidth / 2
                : left + inset + (plotWidth - 2 * inset) * Double(i) / Double(points.count - 1)
        }

        var svg = """
        <text x="16" y="\(n(offset + 24))" font-size="15" font-weight="bold" fill="#1a202c">\(xml(title))</text>
        <line x1="\(n(width - 250))" y1="\(n(offset + 20))" x2="\(n(width - 226))" y2="\(n(offset + 20))" stroke="#2b6cb0" stroke-width="2.5"/>
        <text x="\(n(width - 220))" y="\(n(offset + 24))" fill="#4a5568">actual</text>

        """
        if let target {
            svg += "<line x1=\"\(n(width - 170))\" y1=\"\(n(offset + 20))\" x2=\"\(n(width - 146))\" y2=\"\(n(offset + 20))\" stroke=\"#b7791f\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n"
            svg += "<text x=\"\(n(width - 140))\" y=\"\(n(offset + 24))\" fill=\"#4a5568\">target \(xml(Format.value(target, unit: unit)))</text>\n"
        }
        if let pace {
            svg += "<line x1=\"\(n(width - 250))\" y1=\"\(n(offset + 38))\" x2=\"\(n(width - 226))\" y2=\"\(n(offset + 38))\" stroke=\"#718096\" stroke-width=\"2\" stroke-dasharray=\"2 3\"/>\n"
            svg += "<text x=\"\(n(width - 220))\" y=\"\(n(offset + 42))\" fill=\"#4a5568\">pace to the target by \(xml(Format.date(pace.due)))</text>\n"
        }
        for tick in axis.ticks {
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(tick)))\" stroke=\"#e2e8f0\" stroke-width=\"1\"/>\n"
            svg += "<text x=\"\(n(left - 8))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\" fill=\"#4a5568\">\(xml(Format.value(tick, unit: unit)))</text>\n"
        }
        if let target {
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(y(target)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(target)))\" stroke=\"#b7791f\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n"
        }
        if points.isEmpty {
            svg += "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(top + plotHeight / 2))\" text-anchor=\"middle\" fill=\"#4a5568\">No readings yet</text>\n"
        } else {
            let expected = paceValues
            if !expected.isEmpty {
                let line = expected.indices.map { "\($0 == 0 ? "M" : "L")\(n(x($0))) \(n(y(expected[$0])))" }.joined(separator: " ")
                svg += "<path d=\"\(line)\" fill=\"none\" stroke=\"#718096\" stroke-width=\"2\" stroke-dasharray=\"2 3\"/>\n"
            }
            let path = points.indices.map { "\($0 == 0 ? "M" : "L")\(n(x($0))) \(n(y(points[$0].value)))" }.joined(separator: " ")
            svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"#2b6cb0\" stroke-width=\"2.5\"/>\n"
            for (i, point) in points.enumerated() {
                let py = y(point.value)
                // Value labels sit above their point, or below it when the target line is in the way.
                let nearTarget = target.map { abs(y($0) - (py - 12)) < 9 } ?? false
                let labelY = nearTarget || py - 12 < top ? py + 20 : py - 10
                svg += "<circle cx=\"\(n(x(i)))\" cy=\"\(n(py))\" r=\"4\" fill=\"#2b6cb0\"/>\n"
                svg += "<text x=\"\(n(x(i)))\" y=\"\(n(labelY))\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#1a202c\">\(xml(Format.value(point.value, unit: unit)))</text>\n"
                let size = points.count > 6 ? " font-size=\"10\"" : ""
                svg += "<text x=\"\(n(x(i)))\" y=\"\(n(offset + height - 10))\" text-anchor=\"middle\"\(size) fill=\"#4a5568\">\(xml(point.period.description))</text>\n"
            }
        }
        return svg
    }

    /// A value axis with round tick steps (1, 2, 2.5 or 5 times a power of ten).
    struct Axis {
        var low: Double
        var high: Double
        var step: Double

        init(low: Double, high: Double) {
            let span = max(high - low, 1e-9)
            var magnitude = 1.0
            while magnitude * 10 <= span / 4 { magnitude *= 10 }
            while magnitude > span / 4 { magnitude /= 10 }
            step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 * 4 >= span } ?? magnitude * 10
            self.low = (low / step).rounded(.down) * step
            self.high = max((high / step).rounded(.up) * step, self.low + step)
            if self.high == high && high > 0 { self.high += step }
        }

        var ticks: [Double] {
            stride(from: low, through: high + step / 2, by: step).map { $0 }
        }
    }

    private func n(_ value: Double) -> String { svgNumber(value) }
}

/// An SVG coordinate with at most one decimal, the same on every machine.
package func svgNumber(_ value: Double) -> String { Format.number(value, decimals: 1, grouped: false) }

/// Escapes text for XML and HTML element content and attribute values.
package func xml(_ text: String) -> String {
    // Most text (every path of a sitemap) needs nothing escaped: a scan of its bytes says so.
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                                    || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) {
        return text
    }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default:
            // Control characters other than tab and newline are not allowed in XML 1.0.
            if c.value < 0x20 && c != "\t" && c != "\n" { out += " " } else { out.unicodeScalars.append(c) }
        }
    }
    return out
}

/// Several trend charts stacked in one SVG (small multiples): a partner's
/// metrics, one panel each, in one file that the scorecard and every QBR
/// packet share, so a partner's charts cost one file, not one per metric and packet.
package enum TrendPanels {
    static func document(title: String, description: String, panels: [TrendChart]) -> String {
        let width = TrendChart.width, height = TrendChart.height * Double(max(1, panels.count))
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(svgNumber(width)) \(svgNumber(height))" width="\(svgNumber(width))" height="\(svgNumber(height))" role="img" aria-labelledby="chart-title chart-desc" font-family="Helvetica, Arial, sans-serif" font-size="12">
        <title id="chart-title">\(xml(title))</title>
        <desc id="chart-desc">\(xml(description))</desc>
        <rect x="0" y="0" width="\(svgNumber(width))" height="\(svgNumber(height))" fill="#ffffff"/>

        """
        for (index, panel) in panels.enumerated() {
            let offset = TrendChart.height * Double(index)
            if index > 0 {
                svg += "<line x1=\"0\" y1=\"\(svgNumber(offset))\" x2=\"\(svgNumber(width))\" y2=\"\(svgNumber(offset))\" stroke=\"#cbd5e0\" stroke-width=\"1\"/>\n"
            }
            svg += panel.panel(offset: offset)
        }
        return svg + "</svg>\n"
    }

    /// One file for all of a partner's metrics; its text alternative joins theirs.
    static func document(partner: String, charts: [TrendChart]) -> String {
        document(title: "\(partner): metrics by \(charts.contains { $0.points.last?.period.isMonth == true } ? "month" : "quarter")",
                 description: description(charts), panels: charts)
    }

    static func description(_ charts: [TrendChart]) -> String {
        charts.map(\.textAlternative).joined(separator: " ")
    }
}