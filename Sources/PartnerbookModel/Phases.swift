/// What actually happened in the pilots: the numbers behind the go/no-go gates.
public struct Phases: Sendable {
    public var at: SourcePosition
    public var crawl: CrawlResult?
    public var walk: WalkResult?
    public var run: RunResult?

    public init(at: SourcePosition, crawl: CrawlResult? = nil, walk: WalkResult? = nil, run: RunResult? = nil) {
        self.at = at
        self.crawl = crawl
        self.walk = walk
        self.run = run
    }
}

public struct CrawlResult: Sendable {
    public var at: SourcePosition
    public var pilotCustomers: [Located<String>] = []
    public var baseline: Located<Double>?
    public var result: Located<Double>?
    public var direction: Direction = .up
    public var decision: Located<GateDecision>?

    public init(at: SourcePosition, pilotCustomers: [Located<String>] = [], baseline: Located<Double>? = nil, result: Located<Double>? = nil, direction: Direction = .up, decision: Located<GateDecision>? = nil) {
        self.at = at
        self.pilotCustomers = pilotCustomers
        self.baseline = baseline
        self.result = result
        self.direction = direction
        self.decision = decision
    }
}

public struct WalkResult: Sendable {
    public var at: SourcePosition
    public var invited: Located<Int>?
    public var adopted: Located<Int>?
    public var decision: Located<GateDecision>?

    public init(at: SourcePosition, invited: Located<Int>? = nil, adopted: Located<Int>? = nil, decision: Located<GateDecision>? = nil) {
        self.at = at
        self.invited = invited
        self.adopted = adopted
        self.decision = decision
    }
}

/// What running at scale cost and brought back: the "ROI validated" gate.
public struct RunResult: Sendable {
    public var at: SourcePosition
    public var invested: Located<Double>?
    public var returned: Located<Double>?
    public var decision: Located<GateDecision>?

    public init(at: SourcePosition, invested: Located<Double>? = nil, returned: Located<Double>? = nil, decision: Located<GateDecision>? = nil) {
        self.at = at
        self.invested = invested
        self.returned = returned
        self.decision = decision
    }
}
