/// The partner health score, 0-100: a weighted sum of five parts, each a
/// fraction from 0 to 1, with the program's `scoring` weights.
///
/// - kpis: mean attainment of the charter's metrics (weighted by each metric's
///   weight, each capped at 100%; a metric with no reading counts 0).
/// - gates: mean credit of the gates due at the current status (crawl from
///   crawl on, walk from walk on): passed 1, on track 0.75, open 0.5,
///   behind 0.25, failed 0. A prospect has none due and gets 0.5; an ended
///   partnership gets 0.
/// - commitment: a quarter each for our commitment, the partner's, and what
///   each side loses if it fails.
/// - charter: the share of the five charter sections that are complete.
/// - co_marketing: done items over applicable items of the checklist.
public struct HealthScore: Sendable, Equatable {
    public struct Part: Sendable, Equatable {
        public var key: String
        public var title: String
        public var weight: Double
        public var fraction: Double
        public var points: Double { weight * fraction }
    }

    public var parts: [Part]
    public var total: Int { Int((parts.reduce(0) { $0 + $1.points }).rounded()) }
    public var band: Band { Band(healthScore: total) }

    public init(kpis: [KPIReading], gates: [GateStatus], status: Status?, commitment: CommitmentCheck,
                charter: CharterCompleteness, coMarketing: CoMarketingProgress, weights: ScoringWeights) {
        let totalWeight = kpis.reduce(0) { $0 + $1.metric.weight }
        let kpiFraction = totalWeight == 0 ? 0
            : kpis.reduce(0) { $0 + min(1, $1.attainment ?? 0) * $1.metric.weight } / totalWeight
        let gateFraction: Double
        switch status {
        case .ended?: gateFraction = 0
        case .prospect?, nil: gateFraction = 0.5
        default: gateFraction = gates.isEmpty ? 0.5 : gates.reduce(0) { $0 + $1.credit } / Double(gates.count)
        }
        let commitmentFraction = Double(4 - commitment.uncommitted.count - commitment.noDownside.count) / 4
        parts = [
            Part(key: "kpis", title: "KPIs against target", weight: weights.kpis, fraction: kpiFraction),
            Part(key: "gates", title: "Go/no-go gates", weight: weights.gates, fraction: gateFraction),
            Part(key: "commitment", title: "Economic commitment", weight: weights.commitment, fraction: commitmentFraction),
            Part(key: "charter", title: "Charter complete", weight: weights.charter, fraction: charter.fraction),
            Part(key: "co_marketing", title: "Co-marketing progress", weight: weights.coMarketing, fraction: coMarketing.fraction),
        ]
    }
}
