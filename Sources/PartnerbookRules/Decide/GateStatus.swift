import PartnerbookModel
import PartnerbookSupport
/// Where one go/no-go gate stands, for documents and the health score.
public enum GateStatus: String, Sendable {
    case passed = "passed"
    case onTrack = "on track"
    case open = "open"
    case behind = "behind"
    case failed = "failed"
    case notReached = "not reached"

    /// Share of the gate's points in the health score.
    public var credit: Double {
        switch self {
        case .passed: 1
        case .onTrack: 0.75
        case .open: 0.5
        case .behind: 0.25
        case .failed, .notReached: 0
        }
    }

    /// Passed: go and the numbers clear the bar. Failed: a no-go.
    /// Otherwise the numbers say on track or behind; no numbers, open.
    init(decision: GateDecision?, meetsThreshold: Bool?, recorded: Bool) {
        guard recorded else { self = .notReached; return }
        switch (decision, meetsThreshold) {
        case (.noGo?, _): self = .failed
        case (.go?, true?): self = .passed
        case (.go?, nil): self = .onTrack
        case (_, true?): self = .onTrack
        case (_, false?): self = .behind
        default: self = .open
        }
    }

    public init(_ gate: CrawlGate, recorded: Bool) {
        self.init(decision: gate.decision, meetsThreshold: gate.meetsThreshold, recorded: recorded)
    }

    public init(_ gate: WalkGate, recorded: Bool) {
        self.init(decision: gate.decision, meetsThreshold: gate.meetsThreshold, recorded: recorded)
    }

    public init(_ gate: RunGate, recorded: Bool) {
        self.init(decision: gate.decision, meetsThreshold: gate.meetsThreshold, recorded: recorded)
    }
}
