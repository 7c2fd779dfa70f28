import PartnerbookModel
import PartnerbookSupport
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
///
/// No green over red: when the metrics that are behind (KPI band amber or
/// red, which with a due date means behind pace, or no reading yet) carry
/// more than half of the KPI weight, the band is capped at amber whatever
/// the total, and `cap` says why. Nor green over the program's own flags:
/// a partnership the program counts as theatre (a handshake, or
/// co-marketing its only leverage) or one whose go/no-go is overdue is
/// held at amber too, and `flags` says which.
public struct HealthScore: Sendable, Equatable {
    /// Why the band is lower than the total alone would give.
    public struct Cap: Sendable, Equatable {
        public var band: Band
        /// Share of the KPI weight carried by metrics that are behind, 0 to 1.
        public var behindShare: Double
        /// The metrics behind, by display name, in charter order.
        public var behind: [String]
    }

    public struct Part: Sendable, Equatable {
        /// What the part measures (its weight is program.yaml's `scoring.KEY`).
        public enum Kind: String, Sendable {
            case kpis
            case gates
            case commitment
            case charter
            case coMarketing = "co_marketing"
        }

        public var kind: Kind
        public var key: String { kind.rawValue }
        public var weight: Double
        public var fraction: Double
        public var points: Double { weight * fraction }
    }

    /// What the program flags about a partner that no green may hide.
    public enum Flag: Sendable, Equatable {
        /// Either side has no economic commitment.
        case handshake
        /// Co-marketing is the only leverage.
        case coMarketingOnly
        /// The current phase's go/no-go is owed since its planned end.
        case goNoGoOverdue(Phase, since: Day)
    }

    public var parts: [Part]
    /// The program's flags on this partner (each holds the band at amber).
    public var flags: [Flag] = []
    public var total: Int { Int((parts.reduce(0) { $0 + $1.points }).rounded()) }
    /// Set when the KPIs hold the band below what the total gives.
    public var cap: Cap?
    /// The band of the total, capped (see `cap`).
    public var band: Band {
        let scored = cap.map { min($0.band, Band(healthScore: total)) } ?? Band(healthScore: total)
        return flags.isEmpty ? scored : min(scored, .amber)
    }

    public init(kpis: [KPIReading], gates: [GateStatus], status: Status?, commitment: CommitmentCheck,
                charter: CharterCompleteness, coMarketing: CoMarketingProgress, weights: ScoringWeights,
                flags: [Flag] = []) {
        self.flags = flags
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
            Part(kind: .kpis, weight: weights.kpis, fraction: kpiFraction),
            Part(kind: .gates, weight: weights.gates, fraction: gateFraction),
            Part(kind: .commitment, weight: weights.commitment, fraction: commitmentFraction),
            Part(kind: .charter, weight: weights.charter, fraction: charter.fraction),
            Part(kind: .coMarketing, weight: weights.coMarketing, fraction: coMarketing.fraction),
        ]
        let behind = kpis.filter { ($0.band ?? .red) != .green && $0.metric.weight > 0 }
        let behindWeight = behind.reduce(0) { $0 + $1.metric.weight }
        if totalWeight > 0, behindWeight / totalWeight > 0.5, Band(healthScore: total) > .amber {
            cap = Cap(band: .amber, behindShare: behindWeight / totalWeight, behind: behind.map(\.metric.displayName))
        }
    }
}
