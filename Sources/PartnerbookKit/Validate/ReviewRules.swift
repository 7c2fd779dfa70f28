/// The reviews held: `review.unknown-metric`, `review.duplicate-quarter`, `review.overdue`.
enum ReviewRules: PartnerRules {
    static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        let reviews = partner.reviews?.items ?? []
        let measurement = partner.charter?.measurement
        let known = Set((measurement?.metrics?.value ?? []).compactMap { $0.id?.value })

        var seen: [Quarter: SourcePosition] = [:]
        for review in reviews {
            for metric in review.metrics where !known.contains(metric.id.value) {
                var message = "review names metric '\(metric.id.value)', which charter.measurement does not define"
                if let suggestion = Suggestion.closest(to: metric.id.value, among: known.sorted()) {
                    message += "; did you mean '\(suggestion)'?"
                }
                findings.report(.reviewUnknownMetric, at: metric.id.at, message)
            }
            if let quarter = review.quarter {
                if let first = seen[quarter.value] {
                    findings.report(.reviewDuplicateQuarter, at: quarter.at,
                                    "\(quarter.value) is reviewed twice; the first review is at line \(first.line)")
                } else {
                    seen[quarter.value] = quarter.at
                }
            }
        }

        guard partner.status?.value == .run else { return }
        let cadence = measurement?.cadence ?? .quarterly
        let asOf = context.asOf
        // A review planned ahead (dated after the as-of date, no metrics yet) means the next one is on the calendar.
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
