import PartnerbookModel
import PartnerbookSupport
/// Metrics with a due date: `kpi.behind-pace`, `kpi.past-due` (notices).
/// Pace is judged at the latest reading's date, not at the as-of date, so
/// a reading a quarter old is not held against the pace of today.
public enum KPIRules: PartnerRules {
    public static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        let bar = 1 - context.program.gates.kpiBehindPace / 100
        for reading in context.readings(of: partner) {
            let metric = reading.metric
            guard let due = metric.due?.value, let target = metric.target?.value else { continue }
            // The words are made only for a finding: most metrics raise none.
            let unit = metric.unit?.value
            let goal = { "\(Format.value(target, unit: unit)) by \(due)" }
            let latest = { reading.latest.map { "\(Format.value($0.value, unit: unit)) (\($0.period), as of \(Format.date(reading.judgedOn)))" } }
            if due < context.asOf {
                guard reading.meetsTarget != true else { continue }
                findings.report(.kpiPastDue, at: metric.at,
                                "\(metric.displayName) was due to reach \(goal()) and has not: "
                                    + (latest().map { "the latest reading is \($0)" } ?? "there is no reading"))
                continue
            }
            guard let ratio = reading.paceRatio, ratio < bar, let latest = latest(), let pace = reading.pace else { continue }
            findings.report(.kpiBehindPace, at: metric.at,
                            "\(metric.displayName) is behind pace toward \(goal()): \(latest) against "
                                + "\(Format.expected(pace.expected(on: reading.judgedOn), decimals: reading.precision, unit: unit)) expected by \(Format.date(reading.judgedOn)), "
                                + "\(Format.percent(max(0, ratio))) of the progress expected (the bar is \(Format.percentage(bar * 100)))")
        }
    }
}

extension Rule {
    static let kpiBehindPace = Rule("kpi.behind-pace", .notice)
    static let kpiPastDue = Rule("kpi.past-due", .notice)
}

extension KPIRules {
    /// The rules this family checks, with their documentation.
    public static let rules: [RuleInfo] = [
        RuleInfo(.kpiBehindPace,
                 summary: "A metric with a due date is behind its straight-line pace, at its latest reading's date, by more than gates.kpi_behind_pace (25%) of the progress expected.",
                 why: "A target due in a year is missed a quarter at a time; the pace shows it while there is time to act.",
                 fix: "Agree at the review what changes, or agree a new target or date in the charter.",
                 example: "metrics:\n  - { id: joint_customers, name: Joint customers, target: 60, due: 2027-06-30, baseline: 0 }\nreviews:\n  - { quarter: 2026-Q4, metrics: { joint_customers: 7 } }"),
        RuleInfo(.kpiPastDue,
                 summary: "A metric's due date has passed and its latest reading does not meet the target (or there is none).",
                 why: "A missed target is a decision due: renew it, change it, or act on the exit criteria.",
                 fix: "Record the latest reading, then agree a new target or date, or act on the exit criteria.",
                 example: "metrics:\n  - { id: fee_tickets, name: Fee tickets, target: 6, direction: down, due: 2026-09-30, baseline: 9 }"),
    ]
}
