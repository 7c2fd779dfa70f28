import PartnerbookModel
import PartnerbookSupport
/// Every decision the documents show for one partner, computed once.
public struct PartnerAssessment: Sendable {
    public var tierDecision: TierDecision?
    public var crawlGate: CrawlGate
    public var walkGate: WalkGate
    public var crawlStatus: GateStatus
    public var walkStatus: GateStatus
    public var runGate: RunGate
    public var runStatus: GateStatus
    public var buildOrPartner: BuildOrPartner?
    public var continueDecision: ContinueDecision
    public var leverage: LeverageAssessment
    public var commitment: CommitmentCheck
    public var charter: CharterCompleteness
    public var coMarketing: CoMarketingProgress
    public var kpis: [KPIReading]
    public var readiness: Readiness
    public var health: HealthScore
    public var signatures: SignatureState

    /// `signatures`: the partner's signature state when it is known already
    /// (the fingerprint is the costly part, and needs the charter template's
    /// hash); computed here otherwise, with no template (tests of the rules).
    public init(_ partner: Partner, program: Program, asOf: Day, signatures: SignatureState? = nil) {
        let thresholds = program.gates
        tierDecision = TierDecision.decide(partner.profile)
        crawlGate = CrawlGate(partner, asOf: asOf, thresholds: thresholds)
        walkGate = WalkGate(partner.phases?.walk, thresholds: thresholds)
        crawlStatus = GateStatus(crawlGate, recorded: partner.phases?.crawl != nil || crawlGate.resultFrom != nil)
        walkStatus = GateStatus(walkGate, recorded: partner.phases?.walk != nil)
        runGate = RunGate(partner.phases?.run)
        runStatus = GateStatus(runGate, recorded: partner.phases?.run != nil)
        buildOrPartner = BuildOrPartner.decide(partner.decision)
        let status = partner.status?.value
        self.signatures = signatures ?? SignatureState(partner, frame: program.charterFrame(template: ""))
        continueDecision = ContinueDecision.decide(status: status, crawl: crawlGate, walk: walkGate, run: runGate)
        leverage = LeverageAssessment(partner.leverage?.type?.value)
        commitment = CommitmentCheck(partner.commitments)
        charter = CharterCompleteness(partner.charter)
        coMarketing = CoMarketingProgress(partner.coMarketing)
        kpis = KPIReading.readings(for: partner, asOf: asOf)
        readiness = Readiness(partner, crawl: crawlGate, charter: charter, coMarketing: coMarketing, tierDecision: tierDecision)
        let due: [GateStatus]
        switch status {
        case .crawl?: due = [crawlStatus]
        case .walk?: due = [crawlStatus, walkStatus]
        case .run?: due = [crawlStatus, walkStatus] + (partner.phases?.run != nil ? [runStatus] : [])
        default: due = []
        }
        // The program's own flags (theatre, an overdue go/no-go) hold the band below green.
        var flags: [HealthScore.Flag] = []
        if status != .ended {
            let theatre = PhaseFunnel.theatre(partner)
            if theatre.handshake { flags.append(.handshake) }
            if theatre.coMarketingOnly { flags.append(.coMarketingOnly) }
        }
        if let overdue = OverdueDecision.of(partner, asOf: asOf) { flags.append(.goNoGoOverdue(overdue.phase, since: overdue.plannedEnd.value)) }
        health = HealthScore(kpis: kpis, gates: due, status: status, commitment: commitment, charter: charter,
                             coMarketing: coMarketing, weights: program.scoring, flags: flags)
    }
}
