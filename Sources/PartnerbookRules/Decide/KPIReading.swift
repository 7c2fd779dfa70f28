import PartnerbookModel
import PartnerbookSupport
/// One metric's readings from the reviews, up to a given period, judged as
/// of the latest reading's date.
///
/// A reading is as of the last day of its period (quarter or month), or the
/// as-of date while that period is not over. Pace, the expected value,
/// attainment and standing are all computed on that one day, so a metric
/// has one expected value wherever it is shown (scorecard, packet, brief,
/// chart) and a partner exactly on pace reads on pace all quarter long.
public struct KPIReading: Sendable {
    public struct Point: Sendable, Equatable {
        public var period: Period
        public var value: Double
    }

    public var metric: Metric
    /// Readings by period, oldest first: the last four quarters (twelve months).
    public var trend: [Point]
    /// The straight line to a dated target (`due`), when there is one.
    public var pace: Pace?
    /// The date the documents are made for: how old the latest reading is, is measured to it.
    public var asOf: Day
    public var latest: Point? { trend.last }
    public var previous: Point? { trend.count >= 2 ? trend[trend.count - 2] : nil }

    /// How many readings the trend keeps: a year of either cadence.
    static func trendLength(_ period: Period?) -> Int { period?.isMonth == true ? 12 : 4 }

    /// Reviews ordered by period (one per period, the first written); reviews without a period are left out.
    public static func orderedReviews(_ partner: Partner) -> [Review] {
        let items = partner.reviews?.items ?? []
        // Positions are sorted, not the reviews (large values, moved whole at
        // every swap): by period, then as written, so the first review of a
        // period leads its run and the others are passed over.
        let order = items.indices.filter { items[$0].period != nil }
            .sorted { (items[$0].period!.value, $0) < (items[$1].period!.value, $1) }
        var ordered: [Review] = []
        ordered.reserveCapacity(order.count)
        for index in order where ordered.last?.period!.value != items[index].period!.value {
            ordered.append(items[index])
        }
        return ordered
    }

    /// Readings of every metric of the charter over the reviews (held or
    /// planned: a number recorded before the meeting is data) up to `period`
    /// (all when nil), seen from `asOf`.
    public static func readings(for partner: Partner, upTo period: Period? = nil, asOf: Day) -> [KPIReading] {
        let reviews = orderedReviews(partner).filter { period == nil || $0.period!.value <= period! }
        return (partner.charter?.measurement?.metrics?.value ?? []).compactMap { metric -> KPIReading? in
            guard let id = metric.id?.value else { return nil }
            let points = reviews.compactMap { review in
                review.value(of: id).map { Point(period: review.period!.value, value: $0) }
            }
            let start = Pace.phaseStart(partner, asOf: asOf, firstPeriod: points.first?.period)
            let pace = Pace.of(metric, firstReading: points.first?.value, readings: points.count, start: start)
            return KPIReading(metric: metric, trend: Array(points.suffix(trendLength(points.last?.period))), pace: pace,
                              asOf: asOf)
        }
    }

    /// The day a reading of `period` is as of: its last day, or the as-of date while it is not over.
    public static func asOfDay(_ period: Period, asOf: Day) -> Day { min(period.lastDay, asOf) }

    /// The day the latest reading is judged on (the as-of date without a reading).
    public var judgedOn: Day { latest.map { KPIReading.asOfDay($0.period, asOf: asOf) } ?? asOf }

    /// Days from the latest reading's date to the as-of date.
    public var ageDays: Int? { latest == nil ? nil : judgedOn.days(until: asOf) }

    /// The value the pace line expects on the judging day.
    public var expected: Double? { pace?.expected(on: judgedOn) }

    /// The decimal places the metric's numbers are written with (its
    /// readings, baseline and target; at most 2): an expected value is
    /// printed at this precision, never finer or coarser than the readings.
    public var precision: Int {
        let values = trend.map(\.value) + [metric.baseline?.value, metric.target?.value].compactMap { $0 }
        return values.map { Format.decimals(of: $0) }.max() ?? 0
    }

    /// Progress made over progress expected (see `Pace`), when the metric has a pace and a reading.
    public var paceRatio: Double? {
        guard let pace, let latest else { return nil }
        return pace.ratio(latest: latest.value, on: judgedOn)
    }

    /// Target met, or past due (the reading is after the due date and the
    /// target is not met), or else ahead of, on or behind pace by the ratio.
    public var standing: PaceStanding? {
        guard let ratio = paceRatio, let pace else { return nil }
        if meetsTarget == true { return .met }
        if pace.due < judgedOn { return .pastDue }
        return PaceStanding(ratio: ratio)
    }

    public var change: Double? {
        guard let latest, let previous else { return nil }
        return latest.value - previous.value
    }

    /// Whether the metric is a percentage, whose change is told in points.
    public var isPercent: Bool {
        let unit = (metric.unit?.value ?? "").lowercased().filter { !$0.isWhitespace }
        return unit == "%" || unit == "percent" || unit == "pct"
    }

    /// Change relative to the previous reading, as a fraction (not for a
    /// percentage, whose change is in points).
    public var changeFraction: Double? {
        guard !isPercent, let change, let previous, previous.value != 0 else { return nil }
        return change / abs(previous.value)
    }

    /// How far the latest reading is toward where it should be, as a fraction
    /// that may exceed 1: against the pace when the metric has a due date
    /// (see `Pace`), otherwise against the target (`direction: down` inverts
    /// it: target / latest).
    public var attainment: Double? {
        if let ratio = paceRatio { return max(0, ratio) }
        return targetAttainment
    }

    /// The latest reading against the target itself, whatever the date.
    public var targetAttainment: Double? {
        guard let latest = latest?.value, let target = metric.target?.value else { return nil }
        switch metric.direction {
        case .up:
            return target == 0 ? (latest >= 0 ? 1 : 0) : max(0, latest / target)
        case .down:
            if latest <= 0 { return 1 }
            return max(0, target / latest)
        }
    }

    public var band: Band? { attainment.map(Band.init(attainment:)) }

    /// Whether the latest reading reaches the target.
    public var meetsTarget: Bool? {
        guard let latest = latest?.value, let target = metric.target?.value else { return nil }
        return metric.direction == .up ? latest >= target : latest <= target
    }

    /// Whether the change went the metric's good way.
    public var improved: Bool? {
        guard let change, change != 0 else { return nil }
        return (change > 0) == (metric.direction == .up)
    }
}
