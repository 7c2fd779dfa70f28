import PartnerbookModel
import PartnerbookSupport
/// The reviews held: `review.unknown-metric`, `review.duplicate-quarter`, `review.overdue`.
public enum ReviewRules: PartnerRules {
    public static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        let reviews = partner.reviews?.items ?? []
        let measurement = partner.charter?.measurement
        let known = Set((measurement?.metrics?.value ?? []).compactMap { $0.id?.value })

        // One review per period: a month inside a quarter reviewed as a whole is reviewed twice too.
        var seen: [(period: Period, at: SourcePosition)] = []
        for review in reviews {
            for metric in review.metrics where !known.contains(metric.id.value) {
                var message = "review names metric '\(metric.id.value)', which charter.measurement does not define"
                if let suggestion = Suggestion.closest(to: metric.id.value, among: known.sorted()) {
                    message += "; did you mean '\(suggestion)'?"
                }
                findings.report(.reviewUnknownMetric, at: metric.id.at, message)
            }
            if let period = review.period {
                if let first = seen.first(where: { $0.period == period.value }) {
                    findings.report(.reviewDuplicateQuarter, at: period.at,
                                    "\(period.value) is reviewed twice; the first review is at line \(first.at.line)")
                } else if let overlap = seen.first(where: { $0.period.overlaps(period.value) }) {
                    findings.report(.reviewDuplicateQuarter, at: period.at,
                                    "\(period.value) overlaps \(overlap.period), reviewed at line \(overlap.at.line): each stretch of time is reviewed once, by quarter or by month")
                } else {
                    seen.append((period.value, period.at))
                }
            }
        }

        guard partner.status?.value == .run else { return }
        let cadence = measurement?.cadence ?? .quarterly
        let asOf = context.asOf
        // A review planned ahead (dated after the as-of date) means the next one is on the calendar.
        let reviewsHeld = QBRPlan.held(partner, asOf: asOf)
        guard !(partner.reviews?.items ?? []).contains(where: { QBRPlan.isPlanned($0, asOf: asOf) }) else { return }
        guard let last = reviewsHeld.last else {
            if let start = partner.charter?.timeline?.run?.start, start.value.adding(months: cadence.months) < asOf {
                findings.report(.reviewOverdue, at: partner.reviews?.at ?? .start,
                                "run started on \(start.value) and no \(cadence.rawValue) review has been held by \(asOf)")
            }
            return
        }
        if let next = last.nextReview, next.value < asOf {
            findings.report(.reviewOverdue, at: next.at,
                            "the next review was due on \(next.value) and has not been recorded by \(asOf)")
        } else if let date = last.date, date.value.adding(months: cadence.months) < asOf {
            findings.report(.reviewOverdue, at: date.at,
                            "the last review was on \(date.value), more than a \(cadence == .monthly ? "month" : "quarter") before \(asOf)")
        }
    }
}

extension Rule {
    static let reviewUnknownMetric = Rule("review.unknown-metric")
    static let reviewDuplicateQuarter = Rule("review.duplicate-quarter")
    public static let reviewOverdue = Rule("review.overdue", .notice)
}

extension ReviewRules {
    /// The rules this family checks, with their documentation.
    public static let rules: [RuleInfo] = [
        RuleInfo(.reviewUnknownMetric,
                 summary: "A review names a metric id the charter's measurement does not define.",
                 why: "A reading of a metric nobody agreed is not measured against anything.",
                 fix: "Use the metric's id from charter.measurement, or add the metric there.",
                 example: "reviews:\n  - { quarter: 2026-Q3, metrics: { revenu: 410000 } }"),
        RuleInfo(.reviewDuplicateQuarter,
                 summary: "Two reviews cover one period: the same quarter or month twice, or a month inside a quarter that is reviewed as a whole.",
                 why: "Two readings for one period make every figure ambiguous.",
                 fix: "Merge the reviews, or fix the period of one of them.",
                 example: "reviews:\n  - { quarter: 2026-Q3 }\n  - { quarter: 2026-Q3 }"),
        RuleInfo(.reviewOverdue,
                 summary: "In run, the last review held has its next_review passed, or is older than the cadence (a month or a quarter), and no review is planned.",
                 why: "The review cadence is how a partnership stays managed; when reviews stop, problems go unseen.",
                 fix: "Hold the review and record it, or plan it: write its entry with a date ahead.",
                 example: "status: run\nreviews:\n  - { quarter: 2026-Q2, date: 2026-07-15, next_review: 2026-10-15 }"),
    ]
}
