/// The reviews held, in file order.
package struct Reviews: Sendable {
    package var at: SourcePosition
    package var items: [Review] = []

    /// The most recent review: latest period, then latest date.
    package var latest: Review? {
        items.max { a, b in
            (a.period?.value, a.date?.value) < (b.period?.value, b.date?.value)
        }
    }

    package init(at: SourcePosition, items: [Review] = []) {
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
package struct Review: Sendable {
    package var at: SourcePosition
    /// The quarter (`quarter: 2026-Q3`) or month (`month: 2026-11`) it reviews.
    package var period: Located<Period>?
    package var date: Located<Day>?
    package var attendees: [Located<String>] = []
    package var metrics: [MetricValue] = []
    package var highlights: Located<String>?
    package var risks: [Risk] = []
    package var decisions: [Located<String>] = []
    package var commitments: PartyPair<[Located<String>]>?
    package var nextReview: Located<Day>?
    /// What we want from this meeting: ours, for the brief, never shown to the partner.
    package var objectives: [Located<String>] = []

    package func value(of metric: String) -> Double? {
        metrics.first { $0.id.value == metric }?.value.value
    }

    package init(at: SourcePosition, period: Located<Period>? = nil, date: Located<Day>? = nil, attendees: [Located<String>] = [], metrics: [MetricValue] = [], highlights: Located<String>? = nil, risks: [Risk] = [], decisions: [Located<String>] = [], commitments: PartyPair<[Located<String>]>? = nil, nextReview: Located<Day>? = nil, objectives: [Located<String>] = []) {
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

package struct MetricValue: Sendable {
    package var id: Located<String>
    package var value: Located<Double>

    package init(id: Located<String>, value: Located<Double>) {
        self.id = id
        self.value = value
    }
}

package struct Risk: Sendable {
    package var at: SourcePosition
    package var risk: Located<String>?
    package var owner: Located<String>?
    package var action: Located<String>?

    package init(at: SourcePosition, risk: Located<String>? = nil, owner: Located<String>? = nil, action: Located<String>? = nil) {
        self.at = at
        self.risk = risk
        self.owner = owner
        self.action = action
    }
}
