/// Metrics with a due date: `kpi.behind-pace`, `kpi.past-due`.
enum KPIRules: PartnerRules {
    static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        guard partner.status?.value != .ended else { return }
        let bar = 1 - context.program.gates.kpiBehindPace / 100
        for reading in KPIReading.readings(for: partner, on: context.asOf) {
            let metric = reading.metric
            guard let due = metric.due?.value, let target = metric.target?.value else { continue }
            let unit = metric.unit?.value
            let goal = "\(Format.value(target, unit: unit)) by \(due)"
            if due < context.asOf {
                guard reading.meetsTarget != true else { continue }
                let latest = reading.latest.map { "the latest reading is \(Format.value($0.value, unit: unit)) (\($0.quarter))" }
                    ?? "there is no reading"
                findings.report(.kpiPastDue, at: metric.at,
                                "\(metric.displayName) was due to reach \(goal) and has not: \(latest)")
                continue
            }
            guard let ratio = reading.paceRatio, ratio < bar, let latest = reading.latest, let pace = reading.pace else { continue }
            let expected = Format.expected(pace.expected(on: context.asOf), pace: pace, unit: unit)
            findings.report(.kpiBehindPace, at: metric.at,
                            "\(metric.displayName) is behind pace toward \(goal): \(Format.value(latest.value, unit: unit)) (\(latest.quarter)) against \(expected) expected by \(context.asOf), \(Format.percent(max(0, ratio))) of the progress expected (the bar is \(percent(bar * 100)))")
        }
    }
}
