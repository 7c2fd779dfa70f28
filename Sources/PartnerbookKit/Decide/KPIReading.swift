/// One metric's readings from the reviews held, up to a given quarter.
public struct KPIReading: Sendable {
    public struct Point: Sendable, Equatable {
        public var quarter: Quarter
        public var value: Double
    }

    public var metric: Metric
    /// Readings by quarter, oldest first, at most the last four.
    public var trend: [Point]
    /// The straight line to a dated target (`due`), when there is one.
    public var pace: Pace?
    /// The day the reading is judged on: the as-of date, or a held review's date.
    public var judgedOn: Day
    public var latest: Point? { trend.last }
    public var previous: Point? { trend.count >= 2 ? trend[trend.count - 2] : nil }

    /// Reviews ordered by quarter; reviews without a quarter are left out.
    public static func orderedReviews(_ partner: Partner) -> [Review] {
        (partner.reviews?.items ?? []).filter { $0.quarter != nil }.sorted { $0.quarter!.value < $1.quarter!.value }
    }

    /// Readings of every metric of the charter, over the reviews up to `quarter`
    /// (all when nil), judged on `day`.
    public static func readings(for partner: Partner, upTo quarter: Quarter? = nil, on day: Day) -> [KPIReading] {
        let reviews = orderedReviews(partner).filter { quarter == nil || $0.quarter!.value <= quarter! }
        return (partner.charter?.measurement?.metrics?.value ?? []).compactMap { metric in
            guard let id = metric.id?.value else { return nil }
            let points = reviews.compactMap { review in
                review.value(of: id).map { Point(quarter: review.quarter!.value, value: $0) }
            }
            let start = Pace.phaseStart(partner, asOf: day, firstQuarter: points.first?.quarter)
            let pace = Pace.of(metric, firstReading: points.first?.value, readings: points.count, start: start)
            return KPIReading(metric: metric, trend: Array(points.suffix(4)), pace: pace, judgedOn: day)
        }
    }

    /// The value the pace line expects on the judging day.
    public var expected: Double? { pace?.expected(on: judgedOn) }

    /// Progress made over progress expected (see `Pace`), when the metric has a pace and a reading.
    public var paceRatio: Double? {
        guard let pace, let latest else { return nil }
        return pace.ratio(latest: latest.value, on: judgedOn)
    }

    /// Target met, or past due (the due date has passed, the target is not
    /// met), or else ahead of, on or behind pace by the ratio.
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

    /// Change relative to the previous reading, as a fraction.
    public var changeFraction: Double? {
        guard let change, let previous, previous.value != 0 else { return nil }
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
