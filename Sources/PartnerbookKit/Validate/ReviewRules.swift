/// The reviews held: `review.unknown-metric`, `review.duplicate-quarter`, `review.overdue`.
enum ReviewRules: PartnerRules {
    static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
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
