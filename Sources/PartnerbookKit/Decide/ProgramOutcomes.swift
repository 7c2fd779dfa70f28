/// The playbook's two program measures, quarter by quarter: partner share of
/// company revenue, and the active partner rate.
///
/// - Partner revenue of a quarter: the sum of every partner's metrics marked
///   `counts_toward: partner_revenue`, read from its review of that quarter.
///   Its share: that sum over the company revenue in `outcomes`.
/// - In the program at a quarter's end: the partnership had begun (its crawl
///   start, first review or first signature, whichever came first) by the
///   quarter's last day, and had not ended by then (`ended`, see `endDate`).
/// - Active in a quarter: in the program, and held its review for that
///   quarter with at least one metric reported. Partners who stopped meeting
///   or stopped reporting numbers are not active, whatever their status says.
public struct ProgramOutcomes: Sendable {
    public struct QuarterFigures: Sendable, Equatable {
        public var quarter: Quarter
        /// Company revenue from `outcomes`, if finance reported it.
        public var companyRevenue: Double?
        public var partnerRevenue: Double
        /// Partners whose reviews reported partner revenue this quarter.
        public var contributors: Int
        /// Partners in the program at the quarter's end.
        public var inProgram: Int
        public var active: Int

        /// Partner revenue over company revenue, in percent.
        public var revenueShare: Double? {
            guard let companyRevenue, companyRevenue > 0 else { return nil }
            return partnerRevenue / companyRevenue * 100
        }

        /// Active partners over partners in the program, in percent.
        public var activeRate: Double? {
            inProgram == 0 ? nil : Double(active) / Double(inProgram) * 100
        }
    }

    public var targets: ProgramTargets
    /// Every quarter up to the as-of date with company revenue or a review, oldest first.
    public var quarters: [QuarterFigures]

    public var latest: QuarterFigures? { quarters.last }

    /// What one partner contributes to the outcomes, read from its file
    /// once: kept in the build cache, so a rebuild need not read the file.
    public struct Facts: Codable, Sendable, Equatable {
        public struct ReviewFacts: Codable, Sendable, Equatable {
            public var quarter: Quarter
            /// The sum of its partner-revenue metrics in the quarter's first
            /// review, nil when that review reported none of them.
            public var revenue: Double?
            /// The quarter's first review reported at least one metric.
            public var reported: Bool
            /// Some review of the quarter reported a metric (the quarter is shown).
            public var shown: Bool
        }

        public var begun: Day?
        public var ended: Day?
        public var reviews: [ReviewFacts]

        public init(_ partner: Partner) {
            begun = ProgramOutcomes.beginDate(partner)
            ended = ProgramOutcomes.endDate(partner)
            let items = partner.reviews?.items ?? []
            let revenueMetrics = (partner.charter?.measurement?.metrics?.value ?? [])
                .filter { $0.countsToward?.value == .partnerRevenue }.compactMap { $0.id?.value }
            var seen = Set<Quarter>()
            reviews = []
            for review in items {
                guard let quarter = review.quarter?.value, seen.insert(quarter).inserted else { continue }
                let values = revenueMetrics.compactMap { review.value(of: $0) }
                reviews.append(ReviewFacts(quarter: quarter, revenue: values.isEmpty ? nil : values.reduce(0, +),
                                           reported: !review.metrics.isEmpty,
                                           shown: items.contains { $0.quarter?.value == quarter && !$0.metrics.isEmpty }))
            }
        }
    }

    public init(program: Program, partners: [Partner], asOf: Day) {
        self.init(program: program, facts: partners.map(Facts.init), asOf: asOf)
    }

    public init(program: Program, facts: [Facts], asOf: Day) {
        targets = program.targets
        let revenue = Dictionary(program.outcomes.map { ($0.quarter.value, $0.revenue?.value) }, uniquingKeysWith: { first, _ in first })
        let current = asOf.quarter
        var shown = Set(revenue.keys)
        for partner in facts {
            for review in partner.reviews where review.shown { shown.insert(review.quarter) }
        }
        let byQuarter = facts.map { Dictionary($0.reviews.map { ($0.quarter, $0) }, uniquingKeysWith: { first, _ in first }) }
        quarters = shown.filter { $0 <= current }.sorted().map { quarter in
            var figures = QuarterFigures(quarter: quarter, companyRevenue: revenue[quarter] ?? nil, partnerRevenue: 0,
                                         contributors: 0, inProgram: 0, active: 0)
            let end = quarter.lastDay
            for (partner, reviews) in zip(facts, byQuarter) {
                let review = reviews[quarter]
                if let value = review?.revenue {
                    figures.partnerRevenue += value
                    figures.contributors += 1
                }
                guard let begun = partner.begun, begun <= end, partner.ended.map({ $0 > end }) ?? true else { continue }
                figures.inProgram += 1
                if review?.reported == true { figures.active += 1 }
            }
            return figures
        }
    }

    /// When the partnership began: the earliest of its crawl start, its first
    /// review (its date, else its quarter's first day) and its first signature.
    public static func beginDate(_ partner: Partner) -> Day? {
        var dates: [Day] = []
        if let start = partner.charter?.timeline?.crawl?.start?.value { dates.append(start) }
        for review in partner.reviews?.items ?? [] {
            if let day = review.date?.value ?? review.quarter?.value.firstDay { dates.append(day) }
        }
        for signature in partner.signatures?.items ?? [] {
            if let day = signature.date?.value { dates.append(day) }
        }
        return dates.min()
    }

    /// When the partnership ended: its `ended` date; for status ended without
    /// one, the last date the file records (a phase end or start, a review);
    /// nil while it runs.
    public static func endDate(_ partner: Partner) -> Day? {
        if let ended = partner.ended?.value { return ended }
        guard partner.status?.value == .ended else { return nil }
        let timeline = partner.charter?.timeline
        var dates = Phase.allCases.flatMap { [timeline?[$0]?.start?.value, timeline?[$0]?.end?.value] }.compactMap { $0 }
        dates += (partner.reviews?.items ?? []).compactMap { $0.date?.value ?? $0.quarter?.value.lastDay }
        return dates.max() ?? beginDate(partner)
    }
}
