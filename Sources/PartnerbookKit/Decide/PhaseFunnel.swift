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

    public init(partners: [Partner]) {
        var reached: [Phase: [Partner]] = [:]
        for partner in partners {
            for phase in Phase.allCases where PhaseFunnel.reached(phase, partner) {
                reached[phase, default: []].append(partner)
            }
        }
        reachedCrawl = reached[.crawl]?.count ?? 0
        reachedWalk = reached[.walk]?.count ?? 0
        reachedRun = reached[.run]?.count ?? 0
        func lengths(_ phase: Phase, finishedBy next: Phase) -> [Int] {
            (reached[phase] ?? []).filter { PhaseFunnel.reached(next, $0) || $0.status?.value == .ended }.compactMap { partner in
                guard let plan = partner.charter?.timeline?[phase], let start = plan.start?.value, let end = plan.end?.value,
                      start <= end else { return nil }
                return start.days(until: end)
            }
        }
        crawlDays = lengths(.crawl, finishedBy: .walk)
        walkDays = lengths(.walk, finishedBy: .run)
        let open = partners.filter { $0.status?.value != .ended }.sorted { $0.id < $1.id }
        handshakes = open.filter { CommitmentCheck($0.commitments).isHandshake }.map(\.id)
        coMarketingOnly = open.filter { $0.leverage?.type?.value == .coMarketing }.map(\.id)
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
