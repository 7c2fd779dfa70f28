import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules

/// One row of a KPI table, and the chart beside it.
package struct KPIRow {
    var name: String
    /// The target, with its due date when it has one.
    var target: String
    /// The value the pace line expects on the latest reading's date, or a dash.
    var expected: String
    var latest: String
    /// The latest reading's period and how old it is: "2026-Q2, 143 days old".
    var latestWhen: String?
    var previous: String
    var change: String
    var attainment: String
    var band: String

    /// - Parameter amended: the partner's terms amended and not yet signed
    ///   (`DocumentContext.amendedTerms`): an amended target reads
    ///   "proposed: X (signed: Y)", never as agreed.
    init(_ reading: KPIReading, index: Int? = nil, amended: [String: String?] = [:]) {
        let unit = reading.metric.unit?.value
        name = reading.metric.displayName
        let per = reading.metric.period.map { " " + $0.value.words } ?? ""
        target = reading.metric.target.map { target in
            Format.value(target.value, unit: unit) + per + (reading.metric.due.map { " by \(Format.date($0.value))" } ?? "")
        } ?? "no target"
        if let index {
            let path = "charter.measurement.metrics[\(index + 1)]"
            // Each lookup: nil when the term was not amended, .some(nil) when it was added since.
            let signedTarget = amended[path + ".target"], signedDue = amended[path + ".due"]
            if signedTarget != nil || signedDue != nil {
                let oldTarget = signedTarget.map { $0.flatMap(Double.init) } ?? reading.metric.target?.value
                let oldDue = signedDue.map { $0.flatMap(Day.init) } ?? reading.metric.due?.value
                let signed = (oldTarget.map { Format.value($0, unit: unit) + per } ?? "no target")
                    + (oldDue.map { " by \(Format.date($0))" } ?? "")
                target = "proposed: \(target) (signed: \(signed))"
            }
        }
        expected = reading.expectedText
            ?? (reading.metric.due == nil ? "–" : reading.metric.baseline == nil ? "needs a baseline" : "needs a start date")
        latest = reading.latest.map { Format.value($0.value, unit: unit) } ?? "no reading yet"
        latestWhen = reading.latest.map { "\($0.period), " + reading.ageText }
        previous = reading.previous.map { Format.value($0.value, unit: unit) } ?? "–"
        if let change = reading.change {
            let relative = reading.changeFraction.map { " (\(Format.signedPercent($0)))" } ?? ""
            let verdict = reading.improved.map { $0 ? ", better" : ", worse" } ?? ""
            self.change = (reading.isPercent ? Format.points(change) : Format.change(change, unit: unit)) + relative + verdict
        } else {
            change = "–"
        }
        attainment = reading.attainment.map { Format.percent($0) + (reading.paceRatio == nil ? " of target" : " of pace") } ?? "–"
        band = reading.band.map { $0.label + (reading.standing.map { ", \($0.rawValue)" } ?? "") } ?? "no reading"
    }
}

/// A chart file and its text alternative.
package struct ChartView {
    var name: String
    package var path: String
    var alt: String
}

extension TrendChart {
    init(_ reading: KPIReading) {
        self.init(title: reading.metric.displayName, unit: reading.metric.unit?.value,
                  target: reading.metric.target?.value, points: reading.trend, pace: reading.pace, asOf: reading.asOf,
                  precision: reading.precision)
    }
}
