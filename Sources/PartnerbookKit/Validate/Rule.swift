/// Every rule `check` knows, with its id and default severity.
/// Some rules are raised to errors by context (see each rule family).
public enum Rule: String, CaseIterable, Sendable {
    case yamlSyntax = "yaml.syntax"
    case yamlLimits = "yaml.limits"
    case yamlFlowComma = "yaml.flow-comma"
    case schemaType = "schema.type"
    case schemaRequired = "schema.required"
    case schemaUnknownKey = "schema.unknown-key"
    case contentPlaceholder = "content.placeholder"
    case contentFile = "content.file"
    case contentTooLong = "content.too-long"
    case partnerID = "partner.id"
    case charterSectionMissing = "charter.section-missing"
    case charterGoalsParty = "charter.goals.party"
    case charterValueExchangeOneSided = "charter.value-exchange.one-sided"
    case charterTimelineOrder = "charter.timeline.order"
    case charterTimelineSkippedCrawl = "charter.timeline.skipped-crawl"
    case charterTimelineDuration = "charter.timeline.duration"
    case charterMeasurementNoTarget = "charter.measurement.no-target"
    case charterGovernanceOwners = "charter.governance.owners"
    case charterGovernanceExitCriteria = "charter.governance.exit-criteria"
    case charterGovernanceEscalation = "charter.governance.escalation"
    case commitmentHandshake = "commitment.handshake"
    case commitmentNoDownside = "commitment.no-downside"
    case leverageMissing = "leverage.missing"
    case leverageWeak = "leverage.weak"
    case tierMismatch = "tier.mismatch"
    case gateCrawl = "gate.crawl"
    case gateWalk = "gate.walk"
    case gateDecisionMismatch = "gate.decision-mismatch"
    case gateSunkCost = "gate.sunk-cost"
    case gateRun = "gate.run"
    case decisionBuild = "decision.build"
    case comarketingLaunchBeforeReady = "comarketing.launch-before-ready"
    case reviewUnknownMetric = "review.unknown-metric"
    case reviewDuplicateQuarter = "review.duplicate-quarter"
    case reviewOverdue = "review.overdue"
    case kpiBehindPace = "kpi.behind-pace"
    case kpiPastDue = "kpi.past-due"
    case signatureStale = "signature.stale"
    case signatureMissing = "signature.missing"
    case programWeights = "program.weights"
    case programOutcomes = "program.outcomes"
    case outcomesPeriod = "outcomes.period"
    case outcomesCurrency = "outcomes.currency"
    case phaseOverrun = "phase.overrun"

    public var severity: Severity {
        switch self {
        case .schemaUnknownKey, .charterTimelineDuration, .charterGovernanceEscalation,
             .commitmentHandshake, .commitmentNoDownside, .leverageMissing, .leverageWeak,
             .tierMismatch, .gateDecisionMismatch, .gateSunkCost, .comarketingLaunchBeforeReady,
             .signatureMissing, .signatureStale, .decisionBuild:
            return .warning
        case .kpiBehindPace, .kpiPastDue, .reviewOverdue, .phaseOverrun:
            return .notice
        default:
            return .error
        }
    }
}
