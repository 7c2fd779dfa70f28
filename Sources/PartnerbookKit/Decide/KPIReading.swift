/// One metric's readings from the reviews held, up to a given quarter.
public struct KPIReading: Sendable {
    public struct Point: Sendable, Equatable {
        public var quarter: Quarter
        public var value: Double
    }

    public var metric: Metric
    /// Readings by quarter, oldest first, at most the last four.
    public var trend: [Point]
    public var latest: Point? { trend.last }
    public var previous: Point? { trend.count >= 2 ? trend[trend.count - 2] : nil }

    /// Reviews ordered by quarter; reviews without a quarter are left out.
    public static func orderedReviews(_ partner: Partner) -> [Review] {
        (partner.reviews?.items ?? []).filter { $0.quarter != nil }.sorted { $0.quarter!.value < $1.quarter!.value }
    }

    /// Readings of every metric of the charter, over the reviews up to `quarter` (all when nil).
    public static func readings(for partner: Partner, upTo quarter: Quarter? = nil) -> [KPIReading] {
        let reviews = orderedReviews(partner).filter { quarter == nil || $0.quarter!.value <= quarter! }
        return (partner.charter?.measurement?.metrics?.value ?? []).compactMap { metric in
            guard let id = metric.id?.value else { return nil }
            let points = reviews.compactMap { review in
                review.value(of: id).map { Point(quarter: review.quarter!.value, value: $0) }
            }
            return KPIReading(metric: metric, trend: Array(points.suffix(4)))
        }
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

    /// How far the latest reading is toward the target, as a fraction
    /// (`direction: down` inverts it: target / latest). May exceed 1.
    public var attainment: Double? {
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

    /// Whether the change went the metric's good way.
    public var improved: Bool? {
        guard let change, change != 0 else { return nil }
        return (change > 0) == (metric.direction == .up)
    }
}
