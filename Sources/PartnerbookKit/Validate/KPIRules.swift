/// Metrics with a due date: `kpi.behind-pace`, `kpi.past-due` (notices).
/// Pace is judged at the latest reading's date, not at the as-of date, so
/// a reading a quarter old is not held against the pace of today.
enum KPIRules: PartnerRules {
    static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        let bar = 1 - context.program.gates.kpiBehindPace / 100
        for reading in KPIReading.readings(for: partner, asOf: context.asOf) {
            let metric = reading.metric
            guard let due = metric.due?.value, let target = metric.target?.value else { continue }
            let unit = metric.unit?.value
            let goal = "\(Format.value(target, unit: unit)) by \(due)"
            let latest = reading.latest.map { "\(Format.value($0.value, unit: unit)) (\(Format.reading(reading)))" }
            if due < context.asOf {
                guard reading.meetsTarget != true else { continue }
                findings.report(.kpiPastDue, at: metric.at,
                                "\(metric.displayName) was due to reach \(goal) and has not: "
                                    + (latest.map { "the latest reading is \($0)" } ?? "there is no reading"))
                continue
            }
            guard let ratio = reading.paceRatio, ratio < bar, let latest, let pace = reading.pace else { continue }
            findings.report(.kpiBehindPace, at: metric.at,
                            "\(metric.displayName) is behind pace toward \(goal): \(latest) against "
                                + "\(pace.expectedText(on: reading.judgedOn, unit: unit)) expected by \(Format.date(reading.judgedOn)), "
                                + "\(Format.percent(max(0, ratio))) of the progress expected (the bar is \(Format.percentage(bar * 100)))")
        }
    }
}
