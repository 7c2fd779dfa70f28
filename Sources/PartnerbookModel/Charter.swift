/// The five sections every partnership charter must have.
public struct Charter: Sendable {
    public var at: SourcePosition
    public var goals: Goals?
    public var valueExchange: ValueExchange?
    public var timeline: Timeline?
    public var measurement: Measurement?
    public var governance: Governance?
    /// The day the charter takes effect; part of the signed text.
    public var effective: Located<Day>?
    /// How long it runs and how it renews (Markdown).
    public var term: Located<String>?
    /// The agreement it sits under: an MSA, a marketplace agreement (Markdown).
    public var agreement: Located<String>?
    /// Sections after the five: confidentiality, territory, responsibilities.
    public var sections: [CharterSection] = []

    public init(at: SourcePosition, goals: Goals? = nil, valueExchange: ValueExchange? = nil, timeline: Timeline? = nil, measurement: Measurement? = nil, governance: Governance? = nil) {
        self.at = at
        self.goals = goals
        self.valueExchange = valueExchange
        self.timeline = timeline
        self.measurement = measurement
        self.governance = governance
    }
}

/// What success looks like for each of the three parties.
public struct Goals: Sendable {
    public var at: SourcePosition
    public var us: Located<String>?
    public var partner: Located<String>?
    public var customers: Located<String>?

    public var isEmpty: Bool { us == nil && partner == nil && customers == nil }

    public init(at: SourcePosition, us: Located<String>? = nil, partner: Located<String>? = nil, customers: Located<String>? = nil) {
        self.at = at
        self.us = us
        self.partner = partner
        self.customers = customers
    }
}

public struct ValueExchange: Sendable {
    public var at: SourcePosition
    public var weGive: Located<[Located<String>]>?
    public var partnerGives: Located<[Located<String>]>?
    /// Would both sides still do this if the other walked?
    public var balance: Located<String>?

    public var isEmpty: Bool { weGive == nil && partnerGives == nil && balance == nil }

    public init(at: SourcePosition, weGive: Located<[Located<String>]>? = nil, partnerGives: Located<[Located<String>]>? = nil, balance: Located<String>? = nil) {
        self.at = at
        self.weGive = weGive
        self.partnerGives = partnerGives
        self.balance = balance
    }
}

/// One phase of the crawl / walk / run plan.
public struct PhasePlan: Sendable {
    public var at: SourcePosition
    public var start: Located<Day>?
    public var end: Located<Day>?
    public var scope: Located<String>?
    public var deliverables: [Located<String>] = []
    /// The crawl phase's stated metric (free text).
    public var metric: Located<String>?

    public init(at: SourcePosition, start: Located<Day>? = nil, end: Located<Day>? = nil, scope: Located<String>? = nil, deliverables: [Located<String>] = [], metric: Located<String>? = nil) {
        self.at = at
        self.start = start
        self.end = end
        self.scope = scope
        self.deliverables = deliverables
        self.metric = metric
    }
}

public enum Phase: String, CaseIterable, Sendable {
    case crawl, walk, run
}

public struct Timeline: Sendable {
    public var at: SourcePosition
    public var crawl: PhasePlan?
    public var walk: PhasePlan?
    public var run: PhasePlan?

    public subscript(phase: Phase) -> PhasePlan? {
        switch phase {
        case .crawl: crawl
        case .walk: walk
        case .run: run
        }
    }

    public var isEmpty: Bool { crawl == nil && walk == nil && run == nil }

    public init(at: SourcePosition, crawl: PhasePlan? = nil, walk: PhasePlan? = nil, run: PhasePlan? = nil) {
        self.at = at
        self.crawl = crawl
        self.walk = walk
        self.run = run
    }
}

/// A key performance indicator defined by the charter.
public struct Metric: Sendable {
    public var at: SourcePosition
    public var id: Located<String>?
    public var name: Located<String>?
    public var unit: Located<String>?
    public var target: Located<Double>?
    public var direction: Direction = .up
    public var weight: Double = 1
    /// When the target should be reached; with it, attainment is judged against the pace.
    public var due: Located<Day>?
    /// Where the metric started; default: its first reading.
    public var baseline: Located<Double>?
    /// A program outcome this metric adds to (`partner_revenue`).
    public var countsToward: Located<Outcome>?
    /// What one reading covers, for a metric that counts toward an outcome.
    public var period: Located<MetricPeriod>?

    public var displayName: String { name?.value ?? id?.value ?? "unnamed metric" }

    public init(at: SourcePosition, id: Located<String>? = nil, name: Located<String>? = nil, unit: Located<String>? = nil, target: Located<Double>? = nil, direction: Direction = .up, weight: Double = 1, due: Located<Day>? = nil, baseline: Located<Double>? = nil, countsToward: Located<Outcome>? = nil, period: Located<MetricPeriod>? = nil) {
        self.at = at
        self.id = id
        self.name = name
        self.unit = unit
        self.target = target
        self.direction = direction
        self.weight = weight
        self.due = due
        self.baseline = baseline
        self.countsToward = countsToward
        self.period = period
    }
}

public struct Measurement: Sendable {
    public var at: SourcePosition
    public var metrics: Located<[Metric]>?
    public var tracking: Located<String>?
    public var reviewCadence: Located<Cadence>?

    public var cadence: Cadence { reviewCadence?.value ?? .quarterly }
    public var isEmpty: Bool { metrics == nil && tracking == nil && reviewCadence == nil }

    public init(at: SourcePosition, metrics: Located<[Metric]>? = nil, tracking: Located<String>? = nil, reviewCadence: Located<Cadence>? = nil) {
        self.at = at
        self.metrics = metrics
        self.tracking = tracking
        self.reviewCadence = reviewCadence
    }
}

public struct Governance: Sendable {
    public var at: SourcePosition
    public var owners: PartyPair<Located<String>>?
    public var escalation: Located<[Located<String>]>?
    public var exitCriteria: Located<[Located<String>]>?

    public var isEmpty: Bool { owners == nil && escalation == nil && exitCriteria == nil }

    public init(at: SourcePosition, owners: PartyPair<Located<String>>? = nil, escalation: Located<[Located<String>]>? = nil, exitCriteria: Located<[Located<String>]>? = nil) {
        self.at = at
        self.owners = owners
        self.escalation = escalation
        self.exitCriteria = exitCriteria
    }
}
