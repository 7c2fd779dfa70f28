import PartnerbookModel
import PartnerbookSupport
/// How partners move through crawl, walk and run, and how many are
/// "partnership theatre": handshakes and co-marketing-only deals.
///
/// - Reached a phase: the status is that phase or a later one; for an ended
///   partnership, the phase was recorded under `phases`, or it started
///   before the partnership ended.
/// - Days in crawl (walk): the planned length (`end` − `start` in the
///   timeline) of the partners that finished the phase: reached the next one,
///   or ended after it. The playbook plans 4 to 8 weeks of crawl and 8 to 12 of walk.
/// - Theatre: partnerships still open (not ended) where either side has no
///   economic commitment, or co-marketing is the only leverage.
public struct PhaseFunnel: Sendable, Equatable {
    public var reachedCrawl: Int
    public var reachedWalk: Int
    public var reachedRun: Int
    /// Lengths in days of the finished crawl and walk phases.
    public var crawlDays: [Int]
    public var walkDays: [Int]
    /// Partner IDs, in ID order.
    public var handshakes: [String]
    public var coMarketingOnly: [String]

    /// What one partner contributes to the funnel, read from its file once.
    public struct Facts: Sendable, Equatable {
        public var id: String
        public var reached: [Phase]
        /// Planned days of crawl (walk), when the partner finished that phase.
        public var crawlDays: Int?
        public var walkDays: Int?
        public var isOpen: Bool
        public var isHandshake: Bool
        public var isCoMarketingOnly: Bool

        public init(id: String, reached: [Phase], crawlDays: Int?, walkDays: Int?, isOpen: Bool, isHandshake: Bool,
                     isCoMarketingOnly: Bool) {
            self.id = id
            self.reached = reached
            self.crawlDays = crawlDays
            self.walkDays = walkDays
            self.isOpen = isOpen
            self.isHandshake = isHandshake
            self.isCoMarketingOnly = isCoMarketingOnly
        }

        public init(_ partner: Partner) {
            id = partner.id
            reached = Phase.allCases.filter { PhaseFunnel.reached($0, partner) }
            func length(_ phase: Phase, finishedBy next: Phase) -> Int? {
                guard PhaseFunnel.reached(phase, partner), PhaseFunnel.reached(next, partner) || partner.status?.value == .ended,
                      let plan = partner.charter?.timeline?[phase], let start = plan.start?.value, let end = plan.end?.value,
                      start <= end else { return nil }
                return start.days(until: end)
            }
            crawlDays = length(.crawl, finishedBy: .walk)
            walkDays = length(.walk, finishedBy: .run)
            isOpen = partner.status?.value != .ended
            (isHandshake, isCoMarketingOnly) = PhaseFunnel.theatre(partner)
        }
    }

    /// What makes a partnership theatre, in the funnel and in its health:
    /// a side without an economic commitment (a handshake), or co-marketing
    /// its only leverage.
    public static func theatre(_ partner: Partner) -> (handshake: Bool, coMarketingOnly: Bool) {
        (CommitmentCheck(partner.commitments).isHandshake, partner.leverage?.type?.value == .coMarketing)
    }

    public init(partners: [Partner]) {
        self.init(facts: partners.map(Facts.init))
    }

    public init(facts: [Facts]) {
        reachedCrawl = facts.filter { $0.reached.contains(.crawl) }.count
        reachedWalk = facts.filter { $0.reached.contains(.walk) }.count
        reachedRun = facts.filter { $0.reached.contains(.run) }.count
        crawlDays = facts.compactMap(\.crawlDays)
        walkDays = facts.compactMap(\.walkDays)
        let open = facts.filter(\.isOpen).sorted { $0.id < $1.id }
        handshakes = open.filter(\.isHandshake).map(\.id)
        coMarketingOnly = open.filter(\.isCoMarketingOnly).map(\.id)
    }

    /// Partners counted as theatre: handshakes and co-marketing-only, each once.
    public var theatre: Int { Set(handshakes + coMarketingOnly).count }

    /// Share of partners that reached `from` and went on to reach the next phase, in percent.
    public var crawlToWalk: Double? { reachedCrawl == 0 ? nil : Double(reachedWalk) / Double(reachedCrawl) * 100 }
    public var walkToRun: Double? { reachedWalk == 0 ? nil : Double(reachedRun) / Double(reachedWalk) * 100 }

    public var medianCrawlDays: Double? { PhaseFunnel.median(crawlDays) }
    public var medianWalkDays: Double? { PhaseFunnel.median(walkDays) }

    static func reached(_ phase: Phase, _ partner: Partner) -> Bool {
        let order: [Status: Int] = [.crawl: 0, .walk: 1, .run: 2]
        let index = Phase.allCases.firstIndex(of: phase)!
        guard let status = partner.status?.value else { return false }
        if let at = order[status] { return at >= index }
        guard status == .ended else { return false }
        let recorded: Bool = switch phase {
        case .crawl: partner.phases?.crawl != nil
        case .walk: partner.phases?.walk != nil
        case .run: partner.phases?.run != nil
        }
        if recorded { return true }
        guard let start = partner.charter?.timeline?[phase]?.start?.value else { return false }
        return ProgramOutcomes.endDate(partner).map { start < $0 } ?? false
    }

    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
    }
}
