import PartnerbookModel
import PartnerbookSupport
/// The playbook's two program measures, quarter by quarter: partner share of
/// company revenue, and the active partner rate.
///
/// - Partner revenue of a quarter: the sum of every partner's figure for the
///   quarter (see `PartnerRevenue`); its share: that sum over the company
///   revenue in `outcomes`. A partner whose figure cannot be made is named,
///   not counted as zero.
/// - In the program at a quarter's end: the partnership had begun (its crawl
///   start, first review or first signature, whichever came first) by the
///   quarter's last day, and had not ended by then (`ended`, see `endDate`).
/// - Active in a quarter: in the program, and a review of the quarter (or of
///   a month in it) reported at least one metric. Figures recorded ahead of
///   a planned review count the same way here as in the revenue (and the
///   headline says how many were). Partners who stopped meeting or
///   reporting numbers are not active, whatever their status says.
/// - A quarter no review reported a figure for has no figures: never a 0.
/// - Only quarters that have ended are shown; the headline is the latest of
///   them with company revenue.
public struct ProgramOutcomes: Sendable {
    public struct QuarterFigures: Sendable, Equatable {
        public var quarter: Quarter
        /// Company revenue from `outcomes`, if finance reported it.
        public var companyRevenue: Double?
        public var partnerRevenue: Double
        /// Partners whose figures make up the partner revenue.
        public var contributors: Int
        /// Partners in the program with a revenue metric but no figure for the quarter, and why.
        public var missing: [(name: String, reason: String)]
        /// Partners in the program at the quarter's end.
        public var inProgram: Int
        public var active: Int
        /// Partners whose figures for the quarter were recorded ahead of a review still planned.
        public var ahead: Int = 0
        /// The dates of the quarter's reviews still planned, with no figure recorded yet.
        public var planned: [Day] = []

        /// Some review of the quarter reported a figure: without one, the
        /// quarter has no share and no rate (never a 0).
        public var hasFigures: Bool { contributors > 0 || active > 0 }

        /// Partner revenue over company revenue, in percent.
        public var revenueShare: Double? {
            guard hasFigures, let companyRevenue, companyRevenue > 0 else { return nil }
            return partnerRevenue / companyRevenue * 100
        }

        /// Active partners over partners in the program, in percent.
        public var activeRate: Double? {
            inProgram == 0 || !hasFigures ? nil : Double(active) / Double(inProgram) * 100
        }

        public static func == (a: QuarterFigures, b: QuarterFigures) -> Bool {
            (a.quarter, a.companyRevenue, a.partnerRevenue, a.contributors, a.inProgram, a.active)
                == (b.quarter, b.companyRevenue, b.partnerRevenue, b.contributors, b.inProgram, b.active)
                && a.ahead == b.ahead && a.planned == b.planned
                && a.missing.map(\.name) == b.missing.map(\.name) && a.missing.map(\.reason) == b.missing.map(\.reason)
        }
    }

    public var targets: ProgramTargets
    /// Every quarter ended by the as-of date with company revenue or a review, oldest first.
    public var quarters: [QuarterFigures]
    /// The quarter the as-of date is in, when it has not ended: never a headline.
    public var inProgress: Quarter?

    /// The quarter the program is judged on: the latest that has ended and has company revenue.
    public var headline: QuarterFigures? { quarters.last { $0.companyRevenue != nil } }

    /// What one partner contributes to the outcomes, read from its file once.
    public struct Facts: Sendable, Equatable {
        public struct QuarterFacts: Sendable, Equatable {
            public var quarter: Quarter
            /// Its revenue figure in the program's currency; nil when it has none (see `gap`).
            public var revenue: Double?
            /// Why a partner with a revenue metric has no figure for the quarter.
            public var gap: String?
            /// It held a review of the quarter (or a month in it) that reported a metric.
            public var active: Bool
            /// Some review of the quarter reported a metric (the quarter is shown).
            public var shown: Bool
            /// Its figures were all recorded ahead of reviews still planned.
            public var ahead: Bool = false
            /// The dates of its reviews of the quarter still planned with nothing recorded.
            public var planned: [Day] = []

            public init(quarter: Quarter, revenue: Double?, gap: String?, active: Bool, shown: Bool, ahead: Bool = false,
                        planned: [Day] = []) {
                self.quarter = quarter
                self.revenue = revenue
                self.gap = gap
                self.active = active
                self.shown = shown
                self.ahead = ahead
                self.planned = planned
            }
        }

        public var name: String
        public var begun: Day?
        public var ended: Day?
        /// It has a metric that counts toward partner revenue.
        public var countsRevenue: Bool
        public var quarters: [QuarterFacts]

        public init(name: String, begun: Day?, ended: Day?, countsRevenue: Bool, quarters: [QuarterFacts]) {
            self.name = name
            self.begun = begun
            self.ended = ended
            self.countsRevenue = countsRevenue
            self.quarters = quarters
        }

        public init(_ partner: Partner, program: Program, asOf: Day) {
            name = partner.displayName
            begun = ProgramOutcomes.beginDate(partner)
            ended = ProgramOutcomes.endDate(partner)
            let revenue = PartnerRevenue(partner, program: program)
            countsRevenue = revenue.counts
            let reviews = KPIReading.orderedReviews(partner)
            let held = Set(QBRPlan.held(partner, asOf: asOf).compactMap { $0.period?.value })
            let year = program.calendar
            let quarters = Set(reviews.compactMap { $0.period.map { year.quarter(of: $0.value) } })
            self.quarters = quarters.sorted().map { quarter in
                let inQuarter = reviews.filter { $0.period.map { year.quarter(of: $0.value) } == quarter && !$0.metrics.isEmpty }
                let heldFigures = inQuarter.contains { held.contains($0.period!.value) }
                let waiting = reviews.filter { $0.period.map { year.quarter(of: $0.value) } == quarter && $0.metrics.isEmpty && !held.contains($0.period!.value) }
                // Figures recorded ahead of a planned review count as the revenue does: the partner reported.
                var facts = QuarterFacts(quarter: quarter, revenue: nil, gap: nil, active: !inQuarter.isEmpty,
                                         shown: !inQuarter.isEmpty, ahead: !inQuarter.isEmpty && !heldFigures,
                                         planned: waiting.compactMap { $0.date?.value })
                switch revenue.figure(quarter) {
                case .amount(let value)?: facts.revenue = value
                case .missing(let why)?: facts.gap = why
                case nil: break
                }
                return facts
            }
        }
    }

    public init(program: Program, partners: [Partner], asOf: Day) {
        self.init(program: program, facts: partners.map { Facts($0, program: program, asOf: asOf) }, asOf: asOf)
    }

    public init(program: Program, facts: [Facts], asOf: Day) {
        targets = program.targets
        let revenue = Dictionary(program.outcomes.map { ($0.quarter.value, $0.revenue?.value) }, uniquingKeysWith: { first, _ in first })
        let current = program.calendar.quarter(containing: asOf)
        inProgress = asOf < current.lastDay ? current : nil
        var shown = Set(revenue.keys)
        for partner in facts {
            for quarter in partner.quarters where quarter.shown { shown.insert(quarter.quarter) }
        }
        let byQuarter = facts.map { Dictionary($0.quarters.map { ($0.quarter, $0) }, uniquingKeysWith: { first, _ in first }) }
        for partner in facts {
            for quarter in partner.quarters where !quarter.planned.isEmpty { shown.insert(quarter.quarter) }
        }
        quarters = shown.filter { $0.lastDay <= asOf }.sorted().map { quarter in
            var figures = QuarterFigures(quarter: quarter, companyRevenue: revenue[quarter] ?? nil, partnerRevenue: 0,
                                         contributors: 0, missing: [], inProgram: 0, active: 0)
            let end = quarter.lastDay
            for (partner, quarters) in zip(facts, byQuarter) {
                let facts = quarters[quarter]
                let inProgram = partner.begun.map { $0 <= end } == true && (partner.ended.map { $0 > end } ?? true)
                if let value = facts?.revenue {
                    figures.partnerRevenue += value
                    figures.contributors += 1
                } else if partner.countsRevenue, inProgram {
                    figures.missing.append((partner.name, facts?.gap ?? "no \(quarter) review"))
                }
                guard inProgram else { continue }
                figures.inProgram += 1
                if facts?.active == true { figures.active += 1 }
                if facts?.ahead == true { figures.ahead += 1 }
                figures.planned += facts?.planned ?? []
            }
            figures.planned.sort()
            return figures
        }
    }

    /// When the partnership began: the earliest of its crawl start, its first
    /// review (its date, else its period's first day) and its first signature.
    public static func beginDate(_ partner: Partner) -> Day? {
        var dates: [Day] = []
        if let start = partner.charter?.timeline?.crawl?.start?.value { dates.append(start) }
        for review in partner.reviews?.items ?? [] {
            if let day = review.date?.value ?? review.period?.value.firstDay { dates.append(day) }
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
        dates += (partner.reviews?.items ?? []).compactMap { $0.date?.value ?? $0.period?.value.lastDay }
        return dates.max() ?? beginDate(partner)
    }
}
