/// Every decision the documents show for one partner, computed once.
public struct PartnerAssessment: Sendable {
    public var tierDecision: TierDecision?
    public var crawlGate: CrawlGate
    public var walkGate: WalkGate
    public var crawlStatus: GateStatus
    public var walkStatus: GateStatus
    public var continueDecision: ContinueDecision
    public var leverage: LeverageAssessment
    public var commitment: CommitmentCheck
    public var charter: CharterCompleteness
    public var coMarketing: CoMarketingProgress
    public var kpis: [KPIReading]
    public var readiness: Readiness
    public var health: HealthScore
    public var signatures: SignatureState

    public init(_ partner: Partner, program: Program, asOf: Day) {
        let thresholds = program.gates
        tierDecision = TierDecision.decide(partner.profile)
        crawlGate = CrawlGate(partner.phases?.crawl, thresholds: thresholds)
        walkGate = WalkGate(partner.phases?.walk, thresholds: thresholds)
        crawlStatus = GateStatus(crawlGate, recorded: partner.phases?.crawl != nil)
        walkStatus = GateStatus(walkGate, recorded: partner.phases?.walk != nil)
        let status = partner.status?.value
        signatures = SignatureState(partner, company: program.company?.value)
        continueDecision = ContinueDecision.decide(status: status, crawl: crawlGate, walk: walkGate)
        leverage = LeverageAssessment(partner.leverage?.type?.value)
        commitment = CommitmentCheck(partner.commitments)
        charter = CharterCompleteness(partner.charter)
        coMarketing = CoMarketingProgress(partner.coMarketing)
        kpis = KPIReading.readings(for: partner, on: asOf)
        readiness = Readiness(partner, crawl: crawlGate, charter: charter, coMarketing: coMarketing, tierDecision: tierDecision)
        let due: [GateStatus]
        switch status {
        case .crawl?: due = [crawlStatus]
        case .walk?, .run?: due = [crawlStatus, walkStatus]
        default: due = []
        }
        health = HealthScore(kpis: kpis, gates: due, status: status, commitment: commitment, charter: charter,
                             coMarketing: coMarketing, weights: program.scoring)
    }
}
