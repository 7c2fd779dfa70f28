import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules

/// A metric's reading in the documents' words: the scorecard's table, the
/// packets, the brief and the chart's text alternative all say it this way.
extension KPIReading {
    /// When a reading is from: "2026-Q2, as of 30 June 2026".
    package var whenText: String {
        guard let latest else { return "no reading" }
        return "\(latest.period), as of \(Format.date(judgedOn))"
    }

    /// How old a metric's latest reading is at the as-of date: "143 days old",
    /// or "in progress" for a period not over yet.
    package var ageText: String {
        guard let latest, let days = ageDays else { return "no reading" }
        if latest.period.lastDay > asOf { return "\(latest.period.unitWord) in progress" }
        return days == 0 ? "as of today" : days == 1 ? "1 day old" : "\(days) days old"
    }

    /// The value the pace line expects on the day the latest reading is
    /// judged, as the documents print it: at the readings' precision ("23"
    /// customers for 22.9 expected beside whole counts, "6.6" beside 6.4).
    var expectedText: String? {
        pace.map { Format.expected($0.expected(on: judgedOn), decimals: precision, unit: metric.unit?.value) }
    }
}
