/// The reviews held, in file order.
public struct Reviews: Sendable {
    public var at: SourcePosition
    public var items: [Review] = []

    /// The most recent review: latest period, then latest date.
    public var latest: Review? {
        items.max { a, b in
            (a.period?.value, a.date?.value) < (b.period?.value, b.date?.value)
        }
    }

    public init(at: SourcePosition, items: [Review] = []) {
        self.at = at
        self.items = items
    }
}

private func < (lhs: (Period?, Day?), rhs: (Period?, Day?)) -> Bool {
    switch (lhs.0, rhs.0) {
    case let (l?, r?) where l != r: return l < r
    case (nil, _?): return true
    case (_?, nil): return false
    default:
        switch (lhs.1, rhs.1) {
        case let (l?, r?): return l < r
        case (nil, _?): return true
        default: return false
        }
    }
}

/// One quarterly (or monthly) business review.
public struct Review: Sendable {
    public var at: SourcePosition
    /// The quarter (`quarter: 2026-Q3`) or month (`month: 2026-11`) it reviews.
    public var period: Located<Period>?
    public var date: Located<Day>?
    public var attendees: [Located<String>] = []
    public var metrics: [MetricValue] = []
    public var highlights: Located<String>?
    public var risks: [Risk] = []
    public var decisions: [Located<String>] = []
    public var commitments: PartyPair<[Located<String>]>?
    public var nextReview: Located<Day>?
    /// What we want from this meeting: ours, for the brief, never shown to the partner.
    public var objectives: [Located<String>] = []

    public func value(of metric: String) -> Double? {
        metrics.first { $0.id.value == metric }?.value.value
    }

    public init(at: SourcePosition, period: Located<Period>? = nil, date: Located<Day>? = nil, attendees: [Located<String>] = [], metrics: [MetricValue] = [], highlights: Located<String>? = nil, risks: [Risk] = [], decisions: [Located<String>] = [], commitments: PartyPair<[Located<String>]>? = nil, nextReview: Located<Day>? = nil, objectives: [Located<String>] = []) {
        self.at = at
        self.period = period
        self.date = date
        self.attendees = attendees
        self.metrics = metrics
        self.highlights = highlights
        self.risks = risks
        self.decisions = decisions
        self.commitments = commitments
        self.nextReview = nextReview
        self.objectives = objectives
    }
}

public struct MetricValue: Sendable {
    public var id: Located<String>
    public var value: Located<Double>

    public init(id: Located<String>, value: Located<Double>) {
        self.id = id
        self.value = value
    }
}

public struct Risk: Sendable {
    public var at: SourcePosition
    public var risk: Located<String>?
    public var owner: Located<String>?
    public var action: Located<String>?
    /// Ours alone (`internal: true`): shown in our brief and the scorecard, never in a packet.
    public var isInternal: Bool

    public init(at: SourcePosition, risk: Located<String>? = nil, owner: Located<String>? = nil, action: Located<String>? = nil,
                isInternal: Bool = false) {
        self.at = at
        self.risk = risk
        self.owner = owner
        self.action = action
        self.isInternal = isInternal
    }
}
