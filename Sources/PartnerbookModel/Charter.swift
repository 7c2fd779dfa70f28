/// The five sections every partnership charter must have.
package struct Charter: Sendable {
    package var at: SourcePosition
    package var goals: Goals?
    package var valueExchange: ValueExchange?
    package var timeline: Timeline?
    package var measurement: Measurement?
    package var governance: Governance?
    /// The day the charter takes effect; part of the signed text.
    package var effective: Located<Day>?
    /// How long it runs and how it renews (Markdown).
    package var term: Located<String>?
    /// The agreement it sits under: an MSA, a marketplace agreement (Markdown).
    package var agreement: Located<String>?
    /// Sections after the five: confidentiality, territory, responsibilities.
    package var sections: [CharterSection] = []

    package init(at: SourcePosition, goals: Goals? = nil, valueExchange: ValueExchange? = nil, timeline: Timeline? = nil, measurement: Measurement? = nil, governance: Governance? = nil) {
        self.at = at
        self.goals = goals
        self.valueExchange = valueExchange
        self.timeline = timeline
        self.measurement = measurement
        self.governance = governance
    }
}

/// What success looks like for each of the three parties.
package struct Goals: Sendable {
    package var at: SourcePosition
    package var us: Located<String>?
    package var partner: Located<String>?
    package var customers: Located<String>?

    package var isEmpty: Bool { us == nil && partner == nil && customers == nil }

    package init(at: SourcePosition, us: Located<String>? = nil, partner: Located<String>? = nil, customers: Located<String>? = nil) {
        self.at = at
        self.us = us
        self.partner = partner
        self.customers = customers
    }
}

package struct ValueExchange: Sendable {
    package var at: SourcePosition
    package var weGive: Located<[Located<String>]>?
    package var partnerGives: Located<[Located<String>]>?
    /// Would both sides still do this if the other walked?
    package var balance: Located<String>?

    package var isEmpty: Bool { weGive == nil && partnerGives == nil && balance == nil }

    package init(at: SourcePosition, weGive: Located<[Located<String>]>? = nil, partnerGives: Located<[Located<String>]>? = nil, balance: Located<String>? = nil) {
        self.at = at
        self.weGive = weGive
        self.partnerGives = partnerGives
        self.balance = balance
    }
}

/// One phase of the crawl / walk / run plan.
package struct PhasePlan: Sendable {
    package var at: SourcePosition
    package var start: Located<Day>?
    package var end: Located<Day>?
    package var scope: Located<String>?
    package var deliverables: [Located<String>] = []
    /// The crawl phase's stated metric (free text).
    package var metric: Located<String>?

    package init(at: SourcePosition, start: Located<Day>? = nil, end: Located<Day>? = nil, scope: Located<String>? = nil, deliverables: [Located<String>] = [], metric: Located<String>? = nil) {
        self.at = at
        self.start = start
        self.end = end
        self.scope = scope
        self.deliverables = deliverables
        self.metric = metric
    }
}

package enum Phase: String, CaseIterable, Sendable {
    case crawl, walk, run
}

package struct Timeline: Sendable {
    package var at: SourcePosition
    package var crawl: PhasePlan?
    package var walk: PhasePlan?
    package var run: PhasePlan?

    package subscript(phase: Phase) -> PhasePlan? {
        switch phase {
        case .crawl: crawl
        case .walk: walk
        case .run: run
        }
    }

    package var isEmpty: Bool { crawl == nil && walk == nil && run == nil }

    package init(at: SourcePosition, crawl: PhasePlan? = nil, walk: PhasePlan? = nil, run: PhasePlan? = nil) {
        self.at = at
        self.crawl = crawl
        self.walk = walk
        self.run = run
    }
}

/// A key performance indicator defined by the charter.
package struct Metric: Sendable {
    package var at: SourcePosition
    package var id: Located<String>?
    package var name: Located<String>?
    package var unit: Located<String>?
    package var target: Located<Double>?
    package var direction: Direction = .up
    package var weight: Double = 1
    /// When the target should be reached; with it, attainment is judged against the pace.
    package var due: Located<Day>?
    /// Where the metric started; default: its first reading.
    package var baseline: Located<Double>?
    /// A program outcome this metric adds to (`partner_revenue`).
    package var countsToward: Located<Outcome>?
    /// What one reading covers, for a metric that counts toward an outcome.
    package var period: Located<MetricPeriod>?

    package var displayName: String { name?.value ?? id?.value ?? "unnamed metric" }

    package init(at: SourcePosition, id: Located<String>? = nil, name: Located<String>? = nil, unit: Located<String>? = nil, target: Located<Double>? = nil, direction: Direction = .up, weight: Double = 1, due: Located<Day>? = nil, baseline: Located<Double>? = nil, countsToward: Located<Outcome>? = nil, period: Located<MetricPeriod>? = nil) {
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

package struct Measurement: Sendable {
    package var at: SourcePosition
    package var metrics: Located<[Metric]>?
    package var tracking: Located<String>?
    package var reviewCadence: Located<Cadence>?

    package var cadence: Cadence { reviewCadence?.value ?? .quarterly }
    package var isEmpty: Bool { metrics == nil && tracking == nil && reviewCadence == nil }

    package init(at: SourcePosition, metrics: Located<[Metric]>? = nil, tracking: Located<String>? = nil, reviewCadence: Located<Cadence>? = nil) {
        self.at = at
        self.metrics = metrics
        self.tracking = tracking
        self.reviewCadence = reviewCadence
    }
}

package struct Governance: Sendable {
    package var at: SourcePosition
    package var owners: PartyPair<Located<String>>?
    package var escalation: Located<[Located<String>]>?
    package var exitCriteria: Located<[Located<String>]>?

    package var isEmpty: Bool { owners == nil && escalation == nil && exitCriteria == nil }

    package init(at: SourcePosition, owners: PartyPair<Located<String>>? = nil, escalation: Located<[Located<String>]>? = nil, exitCriteria: Located<[Located<String>]>? = nil) {
        self.at = at
        self.owners = owners
        self.escalation = escalation
        self.exitCriteria = exitCriteria
    }
}
