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
}

public struct MetricValue: Sendable {
    public var id: Located<String>
    public var value: Located<Double>
}

public struct Risk: Sendable {
    public var at: SourcePosition
    public var risk: Located<String>?
    public var owner: Located<String>?
    public var action: Located<String>?
}
