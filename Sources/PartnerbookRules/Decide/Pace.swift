import PartnerbookModel
import PartnerbookSupport
/// A dated target as a straight line: from the baseline at the start of the
/// partner's current phase to the target on the due date.
///
///     f(d)        = clamp((d − start) / (due − start), 0, 1)     (1 when due ≤ start)
///     expected(d) = baseline + (target − baseline) × f(d)
///     pace ratio  = (latest − baseline) / (expected(as-of) − baseline)
///
/// The ratio is the share of the progress expected by now that has been
/// made; it reads the same way for `direction: down`, where both differences
/// are negative. When no progress is expected yet (expected equals baseline),
/// a reading no worse than the baseline is on pace (1) and a worse one is 0.
public struct Pace: Sendable, Equatable {
    public var start: Day
    public var due: Day
    public var baseline: Double
    public var target: Double
    public var direction: Direction

    /// How far along the line `day` is, from 0 at the start to 1 on the due date.
    public func elapsed(on day: Day) -> Double {
        let span = start.days(until: due)
        guard span > 0 else { return 1 }
        return min(1, max(0, Double(start.days(until: day)) / Double(span)))
    }

    /// The value the line expects on `day`.
    public func expected(on day: Day) -> Double {
        baseline + (target - baseline) * elapsed(on: day)
    }


    /// Progress made over progress expected by `day`; may exceed 1 or fall below 0.
    public func ratio(latest: Double, on day: Day) -> Double {
        let expectedProgress = expected(on: day) - baseline
        let progress = latest - baseline
        guard abs(expectedProgress) > 1e-12 else {
            let better = direction == .up ? progress >= 0 : progress <= 0
            return better ? 1 : 0
        }
        return progress / expectedProgress
    }
}

/// Ahead of, on or behind the straight line to a dated target; or past it.
public enum PaceStanding: String, Sendable {
    case met = "target met"
    case ahead = "ahead of pace"
    case on = "on pace"
    case behind = "behind pace"
    case pastDue = "past due"

    /// Ahead from 105% of the expected progress, on pace from 90% (the
    /// green band), behind below: a metric behind pace is never green.
    public init(ratio: Double) {
        self = ratio >= 1.05 ? .ahead : ratio >= 0.9 ? .on : .behind
    }
}

extension Pace {
    /// The line for `metric`, or nil when it has no `due`, no target, or no
    /// baseline (neither `baseline` nor a reading before the latest).
    /// - Parameters:
    ///   - firstReading: the metric's earliest reading, the default baseline.
    ///   - readings: how many readings there are; one reading alone cannot be its own baseline.
    ///   - start: the start of the phase the partner is in (see `phaseStart`).
    static func of(_ metric: Metric, firstReading: Double?, readings: Int, start: Day?) -> Pace? {
        guard let due = metric.due?.value, let target = metric.target?.value, let start else { return nil }
        let baseline: Double
        if let explicit = metric.baseline?.value {
            baseline = explicit
        } else if let firstReading, readings >= 2 {
            baseline = firstReading
        } else {
            return nil
        }
        return Pace(start: start, due: due, baseline: baseline, target: target, direction: metric.direction)
    }

    /// Where the line starts: the start of the phase matching the partner's
    /// status (crawl, walk or run); otherwise (a prospect, an ended
    /// partnership, a phase without a start date) the latest planned phase
    /// start on or before `asOf`, else the earliest planned one; otherwise
    /// the first day of the first reading's period.
    static func phaseStart(_ partner: Partner, asOf: Day, firstPeriod: Period?) -> Day? {
        let timeline = partner.charter?.timeline
        let phase: Phase? = switch partner.status?.value {
        case .crawl?: .crawl
        case .walk?: .walk
        case .run?: .run
        default: nil
        }
        if let phase, let start = timeline?[phase]?.start?.value { return start }
        let planned = Phase.allCases.compactMap { timeline?[$0]?.start?.value }
        return planned.filter { $0 <= asOf }.max() ?? planned.min() ?? firstPeriod?.firstDay
    }
}
