import PartnerbookModel
import PartnerbookSupport
/// The go/no-go a crawl or walk owes once its planned end has passed and no
/// go or no-go is recorded: `phase.overrun` reports it, and the health
/// score never reads green while it is owed.
public struct OverdueDecision: Sendable, Equatable {
    public var phase: Phase
    public var plannedEnd: Located<Day>
    /// The recorded decision (pending), or nil when none is recorded.
    public var decision: Located<GateDecision>?
    /// Where the phase's results are recorded (`phases.crawl` or `phases.walk`).
    public var recorded: SourcePosition?

    /// The overdue decision of `partner`'s current phase on `asOf`, if any.
    public static func of(_ partner: Partner, asOf: Day) -> OverdueDecision? {
        let phase: Phase
        let results: (decision: Located<GateDecision>?, at: SourcePosition?)
        switch partner.status?.value {
        case .crawl?: (phase, results) = (.crawl, (partner.phases?.crawl?.decision, partner.phases?.crawl?.at))
        case .walk?: (phase, results) = (.walk, (partner.phases?.walk?.decision, partner.phases?.walk?.at))
        default: return nil
        }
        guard let end = partner.charter?.timeline?[phase]?.end, end.value < asOf,
              results.decision?.value != .go, results.decision?.value != .noGo else { return nil }
        return OverdueDecision(phase: phase, plannedEnd: end, decision: results.decision, recorded: results.at)
    }
}
