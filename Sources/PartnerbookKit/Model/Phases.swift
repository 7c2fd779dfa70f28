/// What actually happened in the pilots: the numbers behind the go/no-go gates.
public struct Phases: Sendable {
    public var at: SourcePosition
    public var crawl: CrawlResult?
    public var walk: WalkResult?
    public var run: RunResult?
}

public struct CrawlResult: Sendable {
    public var at: SourcePosition
    public var pilotCustomers: [Located<String>] = []
    public var baseline: Located<Double>?
    public var result: Located<Double>?
    public var direction: Direction = .up
    public var decision: Located<GateDecision>?
}

public struct WalkResult: Sendable {
    public var at: SourcePosition
    public var invited: Located<Int>?
    public var adopted: Located<Int>?
    public var decision: Located<GateDecision>?
}

/// What running at scale cost and brought back: the "ROI validated" gate.
public struct RunResult: Sendable {
    public var at: SourcePosition
    public var invested: Located<Double>?
    public var returned: Located<Double>?
    public var decision: Located<GateDecision>?
}
