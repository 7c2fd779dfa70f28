/// What actually happened in the pilots: the numbers behind the go/no-go gates.
package struct Phases: Sendable {
    package var at: SourcePosition
    package var crawl: CrawlResult?
    package var walk: WalkResult?
    package var run: RunResult?

    package init(at: SourcePosition, crawl: CrawlResult? = nil, walk: WalkResult? = nil, run: RunResult? = nil) {
        self.at = at
        self.crawl = crawl
        self.walk = walk
        self.run = run
    }
}

package struct CrawlResult: Sendable {
    package var at: SourcePosition
    package var pilotCustomers: [Located<String>] = []
    package var baseline: Located<Double>?
    package var result: Located<Double>?
    package var direction: Direction = .up
    package var decision: Located<GateDecision>?

    package init(at: SourcePosition, pilotCustomers: [Located<String>] = [], baseline: Located<Double>? = nil, result: Located<Double>? = nil, direction: Direction = .up, decision: Located<GateDecision>? = nil) {
        self.at = at
        self.pilotCustomers = pilotCustomers
        self.baseline = baseline
        self.result = result
        self.direction = direction
        self.decision = decision
    }
}

package struct WalkResult: Sendable {
    package var at: SourcePosition
    package var invited: Located<Int>?
    package var adopted: Located<Int>?
    package var decision: Located<GateDecision>?

    package init(at: SourcePosition, invited: Located<Int>? = nil, adopted: Located<Int>? = nil, decision: Located<GateDecision>? = nil) {
        self.at = at
        self.invited = invited
        self.adopted = adopted
        self.decision = decision
    }
}

/// What running at scale cost and brought back: the "ROI validated" gate.
package struct RunResult: Sendable {
    package var at: SourcePosition
    package var invested: Located<Double>?
    package var returned: Located<Double>?
    package var decision: Located<GateDecision>?

    package init(at: SourcePosition, invested: Located<Double>? = nil, returned: Located<Double>? = nil, decision: Located<GateDecision>? = nil) {
        self.at = at
        self.invested = invested
        self.returned = returned
        self.decision = decision
    }
}
