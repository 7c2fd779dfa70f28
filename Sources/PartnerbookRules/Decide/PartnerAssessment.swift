import PartnerbookModel
import PartnerbookSupport
/// Every decision the documents show for one partner, computed once.
package struct PartnerAssessment: Sendable {
    package var tierDecision: TierDecision?
    package var crawlGate: CrawlGate
    package var walkGate: WalkGate
    package var crawlStatus: GateStatus
    package var walkStatus: GateStatus
    package var runGate: RunGate
    package var runStatus: GateStatus
    package var buildOrPartner: BuildOrPartner?
    package var continueDecision: ContinueDecision
    package var leverage: LeverageAssessment
    package var commitment: CommitmentCheck
    package var charter: CharterCompleteness
    package var coMarketing: CoMarketingProgress
    package var kpis: [KPIReading]
    package var readiness: Readiness
    package var health: HealthScore
    package var signatures: SignatureState

    /// `signatures`: the partner's signature state when it is known already
    /// (the fingerprint is the costly part); computed here otherwise.
    package init(_ partner: Partner, program: Program, asOf: Day, signatures: SignatureState? = nil) {
        let thresholds = program.gates
        tierDecision = TierDecision.decide(partner.profile)
        crawlGate = CrawlGate(partner.phases?.crawl, thresholds: thresholds)
        walkGate = WalkGate(partner.phases?.walk, thresholds: thresholds)
        crawlStatus = GateStatus(crawlGate, recorded: partner.phases?.crawl != nil)
        walkStatus = GateStatus(walkGate, recorded: partner.phases?.walk != nil)
        runGate = RunGate(partner.phases?.run)
        runStatus = GateStatus(runGate, recorded: partner.phases?.run != nil)
        buildOrPartner = BuildOrPartner.decide(partner.decision)
        let status = partner.status?.value
        self.signatures = signatures ?? SignatureState(partner, us: program.ourSide)
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
        health = HealthScore(kpis: kpis, gates: due, status: status, commitment: commitment, charter: charter,
                             coMarketing: coMarketing, weights: program.scoring)
    }
}
